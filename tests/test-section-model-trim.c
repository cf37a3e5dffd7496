/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-section-model-trim"

#include "config.h"

#include <string.h>

#include "bulletin-core.h"

/* A section model given more headlines than it keeps: the newest
 * BULLETIN_SECTION_MODEL_MAX_ITEMS stay, newest first, each once; the rest
 * are gone from the model and from its lookup, and a second refresh of the
 * same feeds keeps the same objects. Two file:// feeds, no network.
 */

#define PER_FEED 150
#define DUPLICATES 20

static GDateTime *
item_time (guint feed,
           guint n)
{
  g_autoptr(GDateTime) start = g_date_time_new_utc (2024, 3, 1, 12, 0, 0);

  /* A duplicate carries the time of the item it repeats. */
  if (feed == 1 && n < DUPLICATES)
    feed = 0;
  return g_date_time_add_minutes (start, -(int) (2 * n + feed));
}

static char *
item_url (guint feed,
          guint n)
{
  /* The second feed's first items are the first feed's, with a tracking
   * parameter: the same article. */
  if (feed == 1 && n < DUPLICATES)
    return g_strdup_printf ("https://example.com/news/a-%u?utm_source=rss", n);
  return g_strdup_printf ("https://example.com/news/%c-%u", feed == 0 ? 'a' : 'b', n);
}

static void
write_feed (const char *dir,
            guint       feed)
{
  GString *xml = g_string_new ("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title>");
  g_autofree char *name = g_strdup_printf ("%u.xml", feed);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  for (guint n = 0; n < PER_FEED; n++)
    {
      g_autoptr(GDateTime) time = item_time (feed, n);
      g_autofree char *date = g_date_time_format (time, "%a, %d %b %Y %H:%M:%S +0000");
      g_autofree char *url = item_url (feed, n);
      g_autofree char *escaped = g_markup_escape_text (url, -1);

      g_string_append_printf (xml, "<item><title>Item %u of feed %u</title><link>%s</link><pubDate>%s</pubDate></item>",
                              n, feed, escaped, date);
    }
  g_string_append (xml, "</channel></rss>");
  contents = g_string_free (xml, FALSE);

  g_assert_true (g_file_set_contents (path, contents, -1, &error));
  g_assert_no_error (error);
}

typedef struct
{
  gboolean done;
  gboolean ok;
} Refresh;

static void
refresh_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Refresh *refresh = user_data;
  g_autoptr(GError) error = NULL;

  refresh->ok = bulletin_section_model_refresh_finish (BULLETIN_SECTION_MODEL (object), result, &error);
  g_assert_no_error (error);
  refresh->done = TRUE;
}

static void
refresh (BulletinSectionModel *model)
{
  Refresh state = { FALSE, FALSE };

  bulletin_section_model_refresh_async (model, NULL, refresh_cb, &state);
  while (!state.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (state.ok);
}

typedef struct
{
  char   *url;
  gint64  time;
} Expected;

static int
compare_expected (gconstpointer a,
                  gconstpointer b)
{
  const Expected *x = a, *y = b;

  return x->time < y->time ? 1 : x->time > y->time ? -1 : 0;
}

static void
expected_clear (Expected *expected)
{
  g_free (expected->url);
}

static void
test_trim (void)
{
  g_autoptr(GError) error = NULL;
  /* In the directories G_TEST_OPTION_ISOLATE_DIRS makes and removes. */
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "feeds", NULL);
  g_autofree char *cache = NULL;
  g_autofree char *json = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(BulletinEdition) edition = NULL;
  g_autoptr(BulletinClient) client = NULL;
  g_autoptr(BulletinSectionModel) model = NULL;
  g_autoptr(GArray) expected = g_array_new (FALSE, FALSE, sizeof (Expected));
  g_autoptr(GPtrArray) first = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_unique;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_array_set_clear_func (expected, (GDestroyNotify) expected_clear);

  write_feed (dir, 0);
  write_feed (dir, 1);
  cache = g_build_filename (dir, "http", NULL);
  json = g_strdup_printf ("{\"format\": 1, \"id\": \"trim\", \"name\": \"Trim\", \"language\": \"en\", \"direction\": \"ltr\","
                          " \"home\": \"https://example.com/\", \"groups\": [{\"id\": \"news\", \"title\": \"News\", \"sections\": ["
                          " {\"id\": \"politics\", \"title\": \"Politics\", \"sources\": [{\"type\": \"feed\", \"url\": \"file://%s/0.xml\"}]},"
                          " {\"id\": \"economy\", \"title\": \"Economy\", \"sources\": [{\"type\": \"feed\", \"url\": \"file://%s/1.xml\"}]}]}]}",
                          dir, dir);
  bytes = g_bytes_new (json, strlen (json));
  edition = bulletin_edition_new_from_bytes (bytes, NULL, &error);
  g_assert_no_error (error);
  client = bulletin_client_new (cache);
  model = bulletin_section_model_new (client, edition, "latest");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);

  /* Every distinct article, newest first. */
  for (guint feed = 0; feed < 2; feed++)
    for (guint n = feed == 1 ? DUPLICATES : 0; n < PER_FEED; n++)
      {
        g_autoptr(GDateTime) time = item_time (feed, n);
        Expected item = { item_url (feed, n), g_date_time_to_unix (time) };

        g_array_append_val (expected, item);
      }
  g_array_sort (expected, compare_expected);
  n_unique = expected->len;
  g_assert_cmpuint (n_unique, ==, 2 * PER_FEED - DUPLICATES);
  g_assert_cmpuint (n_unique, >, BULLETIN_SECTION_MODEL_MAX_ITEMS);

  for (guint round = 0; round < 2; round++)
    {
      refresh (model);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, BULLETIN_SECTION_MODEL_MAX_ITEMS);

      for (guint i = 0; i < BULLETIN_SECTION_MODEL_MAX_ITEMS; i++)
        {
          g_autoptr(BulletinArticle) article = g_list_model_get_item (G_LIST_MODEL (model), i);
          Expected *want = &g_array_index (expected, Expected, i);

          /* The newest, in order, each once (times are all different). */
          g_assert_cmpint (bulletin_article_get_sort_time (article), ==, want->time);
          g_assert_true (bulletin_section_model_lookup (model, want->url) == article);

          /* The same objects the second time. */
          if (round == 0)
            g_ptr_array_add (first, g_object_ref (article));
          else
            g_assert_true (g_ptr_array_index (first, i) == article);
        }

      /* The older ones are gone, from the lookup too. */
      for (guint i = BULLETIN_SECTION_MODEL_MAX_ITEMS; i < n_unique; i++)
        g_assert_null (bulletin_section_model_lookup (model, g_array_index (expected, Expected, i).url));
    }
}

/* Ties: many headlines at the same minute, in no order of time in the
 * feed. The model keeps the newest in the order a stable sort gives, of
 * two as new the one met first: the headlines it had, then the feed's in
 * its order. Checked on a first refresh, and on a second of the feed with
 * new items that tie with the old, some kept and some not. */

#define TIE_ITEMS 300
#define TIE_NEW 60

static gint64
tie_time (guint n)
{
  /* 43 distinct minutes for TIE_ITEMS + TIE_NEW items, all mixed */
  return 1709294400 - 60 * (gint64) ((n * 37) % 43);
}

static char *
tie_url (guint n)
{
  return g_strdup_printf ("https://example.com/tie/%u", n);
}

/* Items @from to @to - 1 of the tie feed, newest-numbered first. */
static void
write_tie_feed (const char *path,
                guint       from,
                guint       to)
{
  GString *xml = g_string_new ("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title>");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  for (guint n = to; n-- > from; )
    {
      g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (tie_time (n));
      g_autofree char *date = g_date_time_format (time, "%a, %d %b %Y %H:%M:%S +0000");
      g_autofree char *url = tie_url (n);

      g_string_append_printf (xml, "<item><title>Tie %u</title><link>%s</link><pubDate>%s</pubDate></item>",
                              n, url, date);
    }
  g_string_append (xml, "</channel></rss>");
  contents = g_string_free (xml, FALSE);

  g_assert_true (g_file_set_contents (path, contents, -1, &error));
  g_assert_no_error (error);
}

typedef struct
{
  guint n;
  guint position;
} Tie;

static int
compare_ties (gconstpointer a,
              gconstpointer b)
{
  const Tie *x = a, *y = b;
  gint64 tx = tie_time (x->n), ty = tie_time (y->n);

  if (tx != ty)
    return tx < ty ? 1 : -1;
  return x->position < y->position ? -1 : x->position > y->position;
}

/* What the model should hold after merging the feed's items @from to
 * @to - 1 into @kept (item numbers, in the model's order). */
static GArray *
expect_ties (GArray *kept,
             guint   from,
             guint   to)
{
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (Tie));
  GArray *expected = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GHashTable) present = g_hash_table_new (NULL, NULL);

  for (guint i = 0; kept != NULL && i < kept->len; i++)
    {
      Tie tie = { g_array_index (kept, guint, i), all->len };

      g_array_append_val (all, tie);
      g_hash_table_add (present, GUINT_TO_POINTER (tie.n + 1));
    }
  for (guint n = to; n-- > from; )
    {
      Tie tie = { n, all->len };

      if (g_hash_table_contains (present, GUINT_TO_POINTER (n + 1)))
        continue;
      g_array_append_val (all, tie);
    }
  g_array_sort (all, compare_ties);

  for (guint i = 0; i < all->len && i < BULLETIN_SECTION_MODEL_MAX_ITEMS; i++)
    g_array_append_val (expected, g_array_index (all, Tie, i).n);
  return expected;
}

static void
check_ties (BulletinSectionModel *model,
            GArray               *expected)
{
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    {
      g_autoptr(BulletinArticle) article = g_list_model_get_item (G_LIST_MODEL (model), i);
      g_autofree char *url = tie_url (g_array_index (expected, guint, i));

      g_assert_cmpstr (bulletin_article_get_url (article), ==, url);
      g_assert_true (bulletin_section_model_lookup (model, url) == article);
    }
}

static void
test_trim_ties (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "ties", NULL);
  g_autofree char *path = g_build_filename (dir, "ties.xml", NULL);
  g_autofree char *cache = g_build_filename (dir, "http", NULL);
  g_autofree char *json = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(BulletinEdition) edition = NULL;
  g_autoptr(BulletinClient) client = NULL;
  g_autoptr(BulletinSectionModel) model = NULL;
  g_autoptr(GArray) first = NULL;
  g_autoptr(GArray) second = NULL;
  guint moved = 0;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  write_tie_feed (path, 0, TIE_ITEMS);
  json = g_strdup_printf ("{\"format\": 1, \"id\": \"ties\", \"name\": \"Ties\", \"language\": \"en\", \"direction\": \"ltr\","
                          " \"home\": \"https://example.com/\", \"groups\": [{\"id\": \"news\", \"title\": \"News\", \"sections\": ["
                          " {\"id\": \"politics\", \"title\": \"Politics\", \"sources\": [{\"type\": \"feed\", \"url\": \"file://%s\"}]}]}]}",
                          path);
  bytes = g_bytes_new (json, strlen (json));
  edition = bulletin_edition_new_from_bytes (bytes, NULL, &error);
  g_assert_no_error (error);
  client = bulletin_client_new (cache);
  model = bulletin_section_model_new (client, edition, "politics");

  refresh (model);
  first = expect_ties (NULL, 0, TIE_ITEMS);
  check_ties (model, first);

  /* New items on top, tying with the old; the trimmed old ones come back
   * as new objects, after the kept ones of the same minute. */
  write_tie_feed (path, 0, TIE_ITEMS + TIE_NEW);
  refresh (model);
  second = expect_ties (first, 0, TIE_ITEMS + TIE_NEW);
  check_ties (model, second);

  /* The case is worth checking: the order changed, ties included. */
  for (guint i = 0; i < second->len; i++)
    moved += g_array_index (first, guint, i) != g_array_index (second, guint, i);
  g_assert_cmpuint (moved, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/section-model/trim", test_trim);
  g_test_add_func ("/section-model/trim-ties", test_trim_ties);

  return g_test_run ();
}
