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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/section-model/trim", test_trim);

  return g_test_run ();
}
