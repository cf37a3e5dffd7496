/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-bookmarks"

#include "config.h"

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>

#include "bulletin-core.h"
#include "test-utils.h"

/* Every test runs with its own XDG folders (G_TEST_OPTION_ISOLATE_DIRS),
 * and the settings live in a keyfile there: the very file that
 * `GSETTINGS_BACKEND=keyfile bulletin-cli` uses with the same
 * XDG_CONFIG_HOME, so the CLI and a running BulletinBookmarks share it.
 */

static char *
keyfile_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "glib-2.0", "settings", "keyfile", NULL);
}

/* A file in this test's data folder, which is created. */
static char *
data_path (const char *name)
{
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0755), ==, 0);

  return g_build_filename (g_get_user_data_dir (), name, NULL);
}

static GSettings *
new_settings (void)
{
  g_autofree char *path = keyfile_path ();
  g_autoptr(GSettingsBackend) backend = g_keyfile_settings_backend_new (path, "/", NULL);

  return g_settings_new_with_backend (APP_ID, backend);
}

static BulletinArticle *
make_article (const char *url,
              const char *title,
              const char *section)
{
  BulletinArticle *article = bulletin_article_new ();

  bulletin_article_set_url (article, url);
  bulletin_article_set_title (article, title);
  bulletin_article_set_section (article, section);
  bulletin_article_set_image (article, "https://example.org/image.jpg");

  return article;
}

static const char *
url_at (GListModel *model,
        guint       position)
{
  g_autoptr(BulletinArticle) article = g_list_model_get_item (model, position);

  g_assert_nonnull (article);
  /* The article outlives this reference: the model holds one. */
  return bulletin_article_get_url (article);
}

typedef struct
{
  guint position;
  guint removed;
  guint added;
} Change;

typedef struct
{
  GArray    *changes;
  GPtrArray *toggled;      /* "+url" / "-url" */
} Recorder;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Recorder   *recorder)
{
  Change change = { position, removed, added };

  g_array_append_val (recorder->changes, change);
}

static void
toggled_cb (BulletinBookmarks *bookmarks,
            const char        *url,
            gboolean           added,
            Recorder          *recorder)
{
  g_ptr_array_add (recorder->toggled, g_strconcat (added ? "+" : "-", url, NULL));
}

static void
recorder_init (Recorder          *recorder,
               BulletinBookmarks *bookmarks)
{
  recorder->changes = g_array_new (FALSE, FALSE, sizeof (Change));
  recorder->toggled = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (bookmarks, "items-changed", G_CALLBACK (items_changed_cb), recorder);
  g_signal_connect (bookmarks, "bookmark-toggled", G_CALLBACK (toggled_cb), recorder);
}

static void
recorder_clear (Recorder *recorder)
{
  g_array_set_size (recorder->changes, 0);
  g_ptr_array_set_size (recorder->toggled, 0);
}

static void
recorder_free (Recorder *recorder)
{
  g_array_unref (recorder->changes);
  g_ptr_array_unref (recorder->toggled);
}

static void
assert_change (Recorder *recorder,
               guint     index,
               guint     position,
               guint     removed,
               guint     added)
{
  Change *change;

  g_assert_cmpuint (recorder->changes->len, >, index);
  change = &g_array_index (recorder->changes, Change, index);
  g_assert_cmpuint (change->position, ==, position);
  g_assert_cmpuint (change->removed, ==, removed);
  g_assert_cmpuint (change->added, ==, added);
}

static gboolean
timeout_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;

  return G_SOURCE_REMOVE;
}

/* Spins the main loop until the recorder saw @n_changes changes. */
static void
wait_for_changes (Recorder *recorder,
                  guint     n_changes)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (20, timeout_cb, &timed_out);

  while (recorder->changes->len < n_changes && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (id);
  g_assert_false (timed_out);
}

static void
test_bookmarks_add_remove (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  g_autoptr(BulletinBookmarks) bookmarks = bulletin_bookmarks_new (settings);
  g_autoptr(BulletinArticle) a = make_article ("https://example.org/a", "A", "politics");
  g_autoptr(BulletinArticle) b = make_article ("https://example.org/b", "B", "economy");
  g_autoptr(BulletinArticle) c = make_article ("https://example.org/c", "C", "sports");
  g_autoptr(BulletinArticle) first = NULL;
  g_autoptr(GVariant) stored = NULL;
  GListModel *model = G_LIST_MODEL (bookmarks);
  gint64 before = g_get_real_time () / G_USEC_PER_SEC;
  Recorder recorder;

  recorder_init (&recorder, bookmarks);
  g_assert_true (g_list_model_get_item_type (model) == BULLETIN_TYPE_ARTICLE);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_false (bulletin_bookmarks_contains (bookmarks, "https://example.org/a"));

  bulletin_bookmarks_add (bookmarks, a, "almayadeen-en");
  bulletin_bookmarks_add (bookmarks, b, "almayadeen-ar");
  bulletin_bookmarks_add (bookmarks, c, NULL);

  /* Newest first, one insertion at the top each. */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  g_assert_cmpstr (url_at (model, 0), ==, "https://example.org/c");
  g_assert_cmpstr (url_at (model, 1), ==, "https://example.org/b");
  g_assert_cmpstr (url_at (model, 2), ==, "https://example.org/a");
  g_assert_cmpuint (recorder.changes->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    assert_change (&recorder, i, 0, 0, 1);
  g_assert_cmpstr (g_ptr_array_index (recorder.toggled, 0), ==, "+https://example.org/a");

  g_assert_true (bulletin_bookmarks_contains (bookmarks, "https://example.org/b"));
  g_assert_cmpstr (bulletin_bookmarks_get_edition (bookmarks, "https://example.org/b"), ==, "almayadeen-ar");
  g_assert_null (bulletin_bookmarks_get_edition (bookmarks, "https://example.org/c"));
  g_assert_cmpint (bulletin_bookmarks_get_saved_at (bookmarks, "https://example.org/a"), >=, before);
  g_assert_cmpint (bulletin_bookmarks_get_saved_at (bookmarks, "https://example.org/nope"), ==, 0);

  first = g_list_model_get_item (model, 0);
  g_assert_cmpstr (bulletin_article_get_title (first), ==, "C");
  g_assert_cmpstr (bulletin_article_get_section (first), ==, "sports");
  g_assert_cmpstr (bulletin_article_get_image (first), ==, "https://example.org/image.jpg");
  g_assert_cmpint (bulletin_article_get_bookmark_saved_at (first), >=, before);
  g_assert_true (bulletin_bookmarks_lookup (bookmarks, "https://example.org/c") == first);

  /* Adding again changes nothing. */
  recorder_clear (&recorder);
  bulletin_bookmarks_add (bookmarks, a, "almayadeen-en");
  g_assert_cmpuint (recorder.changes->len, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);

  /* The key holds what the model shows, once written. */
  bulletin_bookmarks_flush (bookmarks);
  stored = g_settings_get_value (settings, "bookmarks");
  g_assert_cmpuint (g_variant_n_children (stored), ==, 3);
  {
    g_autoptr(GVariant) dict = g_variant_get_child_value (stored, 0);
    const char *url = NULL;
    gint64 saved_at = 0;

    g_assert_true (g_variant_lookup (dict, "url", "&s", &url));
    g_assert_cmpstr (url, ==, "https://example.org/c");
    g_assert_true (g_variant_lookup (dict, "saved-at", "x", &saved_at));
    g_assert_cmpint (saved_at, >=, before);
  }

  g_assert_true (bulletin_bookmarks_remove (bookmarks, "https://example.org/b"));
  assert_change (&recorder, 0, 1, 1, 0);
  g_assert_cmpstr (g_ptr_array_index (recorder.toggled, 0), ==, "-https://example.org/b");
  g_assert_false (bulletin_bookmarks_remove (bookmarks, "https://example.org/b"));
  g_assert_false (bulletin_bookmarks_contains (bookmarks, "https://example.org/b"));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);

  /* Toggle both ways. */
  g_assert_false (bulletin_bookmarks_toggle (bookmarks, a, NULL));
  g_assert_false (bulletin_bookmarks_contains (bookmarks, "https://example.org/a"));
  g_assert_true (bulletin_bookmarks_toggle (bookmarks, a, NULL));
  g_assert_cmpstr (url_at (model, 0), ==, "https://example.org/a");

  recorder_free (&recorder);
}

static void
test_bookmarks_survive_restart (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  g_autoptr(BulletinBookmarks) bookmarks = bulletin_bookmarks_new (settings);
  g_autoptr(GSettings) settings2 = NULL;
  g_autoptr(BulletinBookmarks) bookmarks2 = NULL;
  g_autoptr(BulletinArticle) stub = NULL;
  g_autofree char *path = keyfile_path ();
  const char *arabic = "الاقتصاد اللبناني \"تحت الضغط\" & <أكثر>";

  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *url = g_strdup_printf ("https://example.org/news/%u", i);
      g_autoptr(BulletinArticle) article = make_article (url, i == 3 ? arabic : "Title", "economy");
      g_autoptr(GDateTime) published = g_date_time_new_utc (2023, 6, 19, 11, 25, 0);

      bulletin_article_set_published (article, published);
      bulletin_bookmarks_add (bookmarks, article, "almayadeen-ar");
    }
  g_assert_true (bulletin_bookmarks_remove (bookmarks, "https://example.org/news/5"));
  bulletin_bookmarks_flush (bookmarks);
  g_settings_sync ();

  g_clear_object (&bookmarks);
  g_clear_object (&settings);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  /* A new backend object over the same file: what a restart sees. */
  settings2 = new_settings ();
  bookmarks2 = bulletin_bookmarks_new (settings2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (bookmarks2)), ==, 9);
  g_assert_cmpstr (url_at (G_LIST_MODEL (bookmarks2), 0), ==, "https://example.org/news/9");
  g_assert_cmpstr (url_at (G_LIST_MODEL (bookmarks2), 8), ==, "https://example.org/news/0");
  g_assert_false (bulletin_bookmarks_contains (bookmarks2, "https://example.org/news/5"));
  g_assert_cmpstr (bulletin_bookmarks_get_edition (bookmarks2, "https://example.org/news/3"), ==, "almayadeen-ar");

  stub = g_object_ref (bulletin_bookmarks_lookup (bookmarks2, "https://example.org/news/3"));
  g_assert_cmpstr (bulletin_article_get_title (stub), ==, arabic);
  g_assert_nonnull (bulletin_article_get_published (stub));
  g_assert_cmpint (g_date_time_to_unix (bulletin_article_get_published (stub)), ==, 1687173900);
}

static GVariant *
make_dict (const char *url,
           const char *title,
           gint64      saved_at)
{
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE_VARDICT);
  if (url != NULL)
    g_variant_builder_add (&builder, "{sv}", "url", g_variant_new_string (url));
  if (title != NULL)
    g_variant_builder_add (&builder, "{sv}", "title", g_variant_new_string (title));
  g_variant_builder_add (&builder, "{sv}", "saved-at", g_variant_new_int64 (saved_at));

  return g_variant_builder_end (&builder);
}

static GVariant *
make_list (guint first,
           guint n)
{
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("aa{sv}"));
  for (guint i = first; i < first + n; i++)
    {
      g_autofree char *url = g_strdup_printf ("https://example.org/item/%u", i);
      g_autofree char *title = g_strdup_printf ("Item number %u", i);

      g_variant_builder_add_value (&builder, make_dict (url, title, 1700000000 - i));
    }

  return g_variant_builder_end (&builder);
}

/* Another process (simulated by a second backend over the same file)
 * changes the key; the running list follows with minimal changes.
 */
static void
test_bookmarks_outside_change (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  g_autoptr(BulletinBookmarks) bookmarks = NULL;
  g_autoptr(GSettings) other = NULL;
  g_autoptr(BulletinBookmarks) other_bookmarks = NULL;
  g_autoptr(BulletinArticle) kept = NULL;
  g_autoptr(BulletinArticle) article = make_article ("https://example.org/from-cli", "From the CLI", "politics");
  GListModel *model;
  Recorder recorder;

  g_settings_set_value (settings, "bookmarks", make_list (0, 5));
  g_settings_sync ();
  bookmarks = bulletin_bookmarks_new (settings);
  model = G_LIST_MODEL (bookmarks);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 5);
  kept = g_list_model_get_item (model, 4);
  recorder_init (&recorder, bookmarks);

  other = new_settings ();
  other_bookmarks = bulletin_bookmarks_new (other);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (other_bookmarks)), ==, 5);

  bulletin_bookmarks_add (other_bookmarks, article, "almayadeen-en");
  bulletin_bookmarks_flush (other_bookmarks);
  g_settings_sync ();
  wait_for_changes (&recorder, 1);

  assert_change (&recorder, 0, 0, 0, 1);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 6);
  g_assert_true (bulletin_bookmarks_contains (bookmarks, "https://example.org/from-cli"));
  g_assert_cmpstr (bulletin_bookmarks_get_edition (bookmarks, "https://example.org/from-cli"), ==, "almayadeen-en");
  g_assert_cmpstr (g_ptr_array_index (recorder.toggled, 0), ==, "+https://example.org/from-cli");
  {
    g_autoptr(BulletinArticle) last = g_list_model_get_item (model, 5);

    /* Untouched bookmarks keep their objects. */
    g_assert_true (last == kept);
  }

  recorder_clear (&recorder);
  g_assert_true (bulletin_bookmarks_remove (other_bookmarks, "https://example.org/item/2"));
  bulletin_bookmarks_flush (other_bookmarks);
  g_settings_sync ();
  wait_for_changes (&recorder, 1);
  assert_change (&recorder, 0, 3, 1, 0);
  g_assert_cmpuint (recorder.changes->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (recorder.toggled, 0), ==, "-https://example.org/item/2");
  g_assert_false (bulletin_bookmarks_contains (bookmarks, "https://example.org/item/2"));

  /* A title edited by hand (dconf): the one item is replaced. */
  recorder_clear (&recorder);
  {
    g_autoptr(GVariant) value = g_settings_get_value (other, "bookmarks");
    GVariantBuilder builder;

    g_variant_builder_init (&builder, G_VARIANT_TYPE ("aa{sv}"));
    for (gsize i = 0; i < g_variant_n_children (value); i++)
      {
        g_autoptr(GVariant) dict = g_variant_get_child_value (value, i);

        if (i == 1)
          g_variant_builder_add_value (&builder, make_dict ("https://example.org/item/0", "Edited", 1));
        else
          g_variant_builder_add_value (&builder, dict);
      }
    g_settings_set_value (other, "bookmarks", g_variant_builder_end (&builder));
  }
  g_settings_sync ();
  wait_for_changes (&recorder, 1);
  assert_change (&recorder, 0, 1, 1, 1);
  g_assert_cmpuint (recorder.toggled->len, ==, 0);
  {
    g_autoptr(BulletinArticle) edited = g_list_model_get_item (model, 1);

    g_assert_cmpstr (bulletin_article_get_title (edited), ==, "Edited");
  }

  /* Reset by hand: everything goes. */
  recorder_clear (&recorder);
  g_settings_reset (other, "bookmarks");
  g_settings_sync ();
  wait_for_changes (&recorder, 1);
  assert_change (&recorder, 0, 0, 5, 0);
  g_assert_cmpuint (recorder.toggled->len, ==, 5);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);

  recorder_free (&recorder);
}

/* The key is only read, never repaired, and bad entries do no harm. */
static void
test_bookmarks_hostile_key (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  g_autoptr(BulletinBookmarks) bookmarks = NULL;
  g_autoptr(GVariant) stored = NULL;
  g_autoptr(GVariant) value = NULL;
  GVariantBuilder builder;
  GVariantBuilder odd;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("aa{sv}"));
  g_variant_builder_add_value (&builder, make_dict ("https://example.org/1", "One", 3));
  g_variant_builder_add_value (&builder, make_dict (NULL, "No URL", 2));
  g_variant_builder_add_value (&builder, make_dict ("", "Empty URL", 2));
  g_variant_builder_add_value (&builder, make_dict ("https://example.org/1", "Duplicate", 1));
  g_variant_builder_add_value (&builder, make_dict ("javascript:alert(1)", "Script", 1));
  g_variant_builder_add_value (&builder, make_dict ("file:///etc/passwd", "File", 1));
  g_variant_builder_init (&odd, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&odd, "{sv}", "url", g_variant_new_int32 (5));
  g_variant_builder_add_value (&builder, g_variant_builder_end (&odd));
  g_variant_builder_init (&odd, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&odd, "{sv}", "url", g_variant_new_string ("https://example.org/2"));
  g_variant_builder_add (&odd, "{sv}", "title", g_variant_new_uint32 (7));
  g_variant_builder_add (&odd, "{sv}", "saved-at", g_variant_new_string ("yesterday"));
  g_variant_builder_add_value (&builder, g_variant_builder_end (&odd));
  g_variant_builder_init (&odd, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&odd, "{sv}", "url", g_variant_new_string ("https://example.org/3"));
  g_variant_builder_add (&odd, "{sv}", "saved-at", g_variant_new_int32 (42));
  g_variant_builder_add_value (&builder, g_variant_builder_end (&odd));
  value = g_variant_ref_sink (g_variant_builder_end (&builder));
  g_settings_set_value (settings, "bookmarks", value);

  bookmarks = bulletin_bookmarks_new (settings);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (bookmarks)), ==, 3);
  g_assert_cmpstr (bulletin_article_get_title (bulletin_bookmarks_lookup (bookmarks, "https://example.org/1")), ==, "One");
  g_assert_null (bulletin_article_get_title (bulletin_bookmarks_lookup (bookmarks, "https://example.org/2")));
  g_assert_cmpint (bulletin_bookmarks_get_saved_at (bookmarks, "https://example.org/2"), ==, 0);
  g_assert_cmpint (bulletin_bookmarks_get_saved_at (bookmarks, "https://example.org/3"), ==, 42);
  g_assert_false (bulletin_bookmarks_contains (bookmarks, "javascript:alert(1)"));
  g_assert_false (bulletin_bookmarks_contains (bookmarks, "file:///etc/passwd"));

  /* Loading wrote nothing. */
  stored = g_settings_get_value (settings, "bookmarks");
  g_assert_true (g_variant_equal (stored, value));
}

/* 5,000 bookmarks load, and a toggle is one insertion or removal, with
 * every other item the same object as before.
 */
static void
test_bookmarks_many (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  g_autoptr(BulletinBookmarks) bookmarks = NULL;
  g_autoptr(GPtrArray) before = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(BulletinArticle) article = NULL;
  g_autoptr(GVariant) stored = NULL;
  g_autoptr(GSettings) settings2 = NULL;
  g_autoptr(BulletinBookmarks) bookmarks2 = NULL;
  GListModel *model;
  Recorder recorder;
  const guint n = 5000;

  g_settings_set_value (settings, "bookmarks", make_list (0, n));
  bookmarks = bulletin_bookmarks_new (settings);
  model = G_LIST_MODEL (bookmarks);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n);
  g_assert_cmpstr (url_at (model, 0), ==, "https://example.org/item/0");
  g_assert_cmpstr (url_at (model, n - 1), ==, "https://example.org/item/4999");
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *url = g_strdup_printf ("https://example.org/item/%u", i);

      g_assert_true (bulletin_bookmarks_contains (bookmarks, url));
      g_ptr_array_add (before, g_list_model_get_item (model, i));
    }
  g_assert_false (bulletin_bookmarks_contains (bookmarks, "https://example.org/item/5000"));

  recorder_init (&recorder, bookmarks);

  g_assert_true (bulletin_bookmarks_remove (bookmarks, "https://example.org/item/2500"));
  g_assert_cmpuint (recorder.changes->len, ==, 1);
  assert_change (&recorder, 0, 2500, 1, 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n - 1);
  for (guint i = 0; i < n - 1; i++)
    {
      g_autoptr(BulletinArticle) item = g_list_model_get_item (model, i);

      g_assert_true (item == g_ptr_array_index (before, i < 2500 ? i : i + 1));
    }

  article = make_article ("https://example.org/item/2500", "Back", "politics");
  recorder_clear (&recorder);
  g_assert_true (bulletin_bookmarks_toggle (bookmarks, article, NULL));
  g_assert_cmpuint (recorder.changes->len, ==, 1);
  assert_change (&recorder, 0, 0, 0, 1);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n);
  g_assert_cmpstr (url_at (model, 0), ==, "https://example.org/item/2500");
  {
    g_autoptr(BulletinArticle) second = g_list_model_get_item (model, 1);

    g_assert_true (second == g_ptr_array_index (before, 0));
  }

  bulletin_bookmarks_flush (bookmarks);
  stored = g_settings_get_value (settings, "bookmarks");
  g_assert_cmpuint (g_variant_n_children (stored), ==, n);

  /* And it all survives a restart. */
  g_settings_sync ();
  settings2 = new_settings ();
  bookmarks2 = bulletin_bookmarks_new (settings2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (bookmarks2)), ==, n);
  g_assert_cmpstr (url_at (G_LIST_MODEL (bookmarks2), 0), ==, "https://example.org/item/2500");

  recorder_free (&recorder);
}

static void
test_bookmarks_search (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  g_autoptr(BulletinBookmarks) bookmarks = bulletin_bookmarks_new (settings);
  g_autoptr(GPtrArray) found = NULL;
  const char *titles[] = { "Lebanon's economy under strain", "ÉCONOMIE mondiale", "Sports roundup", "الاقتصاد اللبناني" };

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autofree char *url = g_strdup_printf ("https://example.org/s/%u", i);
      g_autoptr(BulletinArticle) article = make_article (url, titles[i], i == 2 ? "sports" : "economy");

      bulletin_bookmarks_add (bookmarks, article, NULL);
    }

  found = bulletin_bookmarks_search (bookmarks, "ECONOMY lebanon");
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (bulletin_article_get_title (g_ptr_array_index (found, 0)), ==, titles[0]);
  g_clear_pointer (&found, g_ptr_array_unref);

  /* Case folding beyond ASCII: "économie" matches "ÉCONOMIE". */
  found = bulletin_bookmarks_search (bookmarks, "économie");
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_ptr_array_unref);

  found = bulletin_bookmarks_search (bookmarks, "اللبناني");
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_ptr_array_unref);

  /* By section too, newest first. */
  found = bulletin_bookmarks_search (bookmarks, "economy");
  g_assert_cmpuint (found->len, ==, 3);
  g_assert_cmpstr (bulletin_article_get_url (g_ptr_array_index (found, 0)), ==, "https://example.org/s/3");
  g_clear_pointer (&found, g_ptr_array_unref);

  found = bulletin_bookmarks_search (bookmarks, "   ");
  g_assert_cmpuint (found->len, ==, 4);
  g_clear_pointer (&found, g_ptr_array_unref);

  found = bulletin_bookmarks_search (bookmarks, "nothing-like-this");
  g_assert_cmpuint (found->len, ==, 0);
}

static char *
export_to_string (BulletinBookmarks *bookmarks)
{
  g_autoptr(JsonNode) node = bulletin_bookmarks_to_json (bookmarks);

  return json_to_string (node, FALSE);
}

/* The export says every time in UTC, whatever zone the article's date is in. */
static void
test_bookmarks_export_times_in_utc (void)
{
  g_autoptr(GSettingsBackend) memory = g_memory_settings_backend_new ();
  g_autoptr(GSettings) settings = g_settings_new_with_backend (APP_ID, memory);
  g_autoptr(BulletinBookmarks) bookmarks = bulletin_bookmarks_new (settings);
  g_autoptr(BulletinArticle) article = make_article ("https://example.org/beirut", "Beirut", "politics");
  g_autoptr(GDateTime) published = g_date_time_new_from_iso8601 ("2023-06-19T14:25:00+03:00", NULL);
  g_autoptr(JsonNode) node = NULL;
  JsonObject *entry;
  g_autoptr(GDateTime) saved_at = NULL;

  bulletin_article_set_published (article, published);
  bulletin_bookmarks_add (bookmarks, article, "almayadeen-en");

  node = bulletin_bookmarks_to_json (bookmarks);
  entry = json_array_get_object_element (json_object_get_array_member (json_node_get_object (node), "bookmarks"), 0);
  g_assert_cmpstr (json_object_get_string_member (entry, "published"), ==, "2023-06-19T11:25:00Z");
  g_assert_true (g_str_has_suffix (json_object_get_string_member (entry, "saved_at"), "Z"));
  saved_at = g_date_time_new_from_iso8601 (json_object_get_string_member (entry, "saved_at"), NULL);
  g_assert_nonnull (saved_at);
  g_assert_cmpint (g_date_time_to_unix (saved_at), ==, bulletin_bookmarks_get_saved_at (bookmarks, "https://example.org/beirut"));
}

static void
fill (BulletinBookmarks *bookmarks)
{
  const char *titles[] = {
    "Plain",
    "Quotes \" and ' and <tags> & ampersands",
    "Control\x01\x02 chars\ttab\nnewline",
    "عنوان عربي",
  };

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autofree char *url = g_strdup_printf ("https://example.org/x/%u?a=1&b=2", i);
      g_autoptr(BulletinArticle) article = make_article (url, titles[i], "analysis");

      bulletin_bookmarks_add (bookmarks, article, "almayadeen-en");
    }
}

static void
test_bookmarks_export_import (gconstpointer data)
{
  BulletinBookmarksFormat format = GPOINTER_TO_INT (data);
  g_autoptr(GSettings) settings = new_settings ();
  g_autoptr(BulletinBookmarks) bookmarks = bulletin_bookmarks_new (settings);
  g_autoptr(GSettingsBackend) memory = g_memory_settings_backend_new ();
  g_autoptr(GSettings) other = g_settings_new_with_backend (APP_ID, memory);
  g_autoptr(BulletinBookmarks) copy = bulletin_bookmarks_new (other);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  guint n_added = 99;

  fill (bookmarks);
  path = data_path (format == BULLETIN_BOOKMARKS_FORMAT_OPML ? "bookmarks.opml" : "bookmarks.json");
  g_assert_true (bulletin_bookmarks_format_for_path (path) == format);
  g_assert_true (bulletin_bookmarks_export (bookmarks, path, format, &error));
  g_assert_no_error (error);

  g_assert_true (bulletin_bookmarks_import (copy, path, &n_added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_added, ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (copy)), ==, 4);

  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(BulletinArticle) a = g_list_model_get_item (G_LIST_MODEL (bookmarks), i);
      g_autoptr(BulletinArticle) b = g_list_model_get_item (G_LIST_MODEL (copy), i);
      const char *url = bulletin_article_get_url (a);

      g_assert_cmpstr (bulletin_article_get_url (b), ==, url);
      g_assert_cmpstr (bulletin_article_get_section (b), ==, "analysis");
      g_assert_cmpstr (bulletin_bookmarks_get_edition (copy, url), ==, "almayadeen-en");
      g_assert_cmpint (bulletin_bookmarks_get_saved_at (copy, url), ==,
                       bulletin_bookmarks_get_saved_at (bookmarks, url));
      if (i != 1)   /* the one with control characters */
        {
          if (format == BULLETIN_BOOKMARKS_FORMAT_JSON)
            g_assert_cmpstr (bulletin_article_get_title (b), ==, bulletin_article_get_title (a));
        }
    }
  {
    g_autoptr(BulletinArticle) quoted = g_list_model_get_item (G_LIST_MODEL (copy), 2);
    g_autoptr(BulletinArticle) arabic = g_list_model_get_item (G_LIST_MODEL (copy), 0);

    g_assert_cmpstr (bulletin_article_get_title (quoted), ==, "Quotes \" and ' and <tags> & ampersands");
    g_assert_cmpstr (bulletin_article_get_title (arabic), ==, "عنوان عربي");
  }

  /* Importing again adds nothing, and the same file into the original
   * list neither.
   */
  g_assert_true (bulletin_bookmarks_import (copy, path, &n_added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_added, ==, 0);
  g_assert_true (bulletin_bookmarks_import (bookmarks, path, &n_added, &error));
  g_assert_cmpuint (n_added, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (bookmarks)), ==, 4);
}

static void
test_bookmarks_import_merge (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  g_autoptr(BulletinBookmarks) bookmarks = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *model;
  Recorder recorder;
  guint n_added = 0;
  const char *json =
    "{\"bookmarks\": ["
    " {\"url\": \"https://example.org/item/1\", \"title\": \"Duplicate, ignored\"},"
    " {\"url\": \"https://example.org/new-newest\", \"saved_at\": \"2024-01-01T00:00:00Z\"},"
    " {\"url\": \"https://example.org/new-middle\", \"saved_at\": 1699999998},"
    " {\"url\": \"https://example.org/new-middle\", \"saved_at\": 5},"
    " {\"url\": \"https://example.org/new-oldest\", \"saved_at\": 1000},"
    " {\"url\": \"file:///etc/passwd\"},"
    " {\"url\": \"javascript:alert(1)\"},"
    " {\"title\": \"no url\"},"
    " 42, null, \"string\""
    "]}";

  /* item/0 saved at 1700000000, item/1 at 1699999999, item/2 at 1699999998 */
  g_settings_set_value (settings, "bookmarks", make_list (0, 3));
  bookmarks = bulletin_bookmarks_new (settings);
  model = G_LIST_MODEL (bookmarks);
  recorder_init (&recorder, bookmarks);

  bytes = g_bytes_new_static (json, strlen (json));
  g_assert_true (bulletin_bookmarks_import_bytes (bookmarks, bytes, &n_added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_added, ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 6);
  g_assert_cmpstr (url_at (model, 0), ==, "https://example.org/new-newest");
  g_assert_cmpstr (url_at (model, 1), ==, "https://example.org/item/0");
  g_assert_cmpstr (url_at (model, 2), ==, "https://example.org/item/1");
  g_assert_cmpstr (url_at (model, 3), ==, "https://example.org/item/2");
  g_assert_cmpstr (url_at (model, 4), ==, "https://example.org/new-middle");
  g_assert_cmpstr (url_at (model, 5), ==, "https://example.org/new-oldest");
  g_assert_cmpstr (bulletin_article_get_title (bulletin_bookmarks_lookup (bookmarks, "https://example.org/item/1")),
                   ==, "Item number 1");
  g_assert_cmpuint (recorder.toggled->len, ==, 3);
  g_assert_cmpuint (recorder.changes->len, ==, 1);

  bulletin_bookmarks_flush (bookmarks);
  {
    g_autoptr(GVariant) stored = g_settings_get_value (settings, "bookmarks");

    g_assert_cmpuint (g_variant_n_children (stored), ==, 6);
  }

  recorder_free (&recorder);
}

static const char *bad_files[] = {
  "",
  "   \n\t ",
  "garbage",
  "{",
  "[1, 2",
  "{\"bookmarks\": 5}",
  "{\"other\": []}",
  "\"a string\"",
  "<html><body>not opml</body></html>",
  "<opml version=\"2.0\"><body><outline url=\"https://example.org/x\"",
  "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
    "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]><opml><body><outline text=\"&lol3;\" url=\"https://e.org/",
  "\xff\xfe{\0\"\0",
};

static void
test_bookmarks_import_bad (gconstpointer data)
{
  const char *text = data;
  g_autoptr(GSettings) settings = new_settings ();
  g_autoptr(BulletinBookmarks) bookmarks = bulletin_bookmarks_new (settings);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  guint n_added = 99;

  fill (bookmarks);
  before = export_to_string (bookmarks);

  bytes = g_bytes_new_static (text, strlen (text));
  g_assert_false (bulletin_bookmarks_import_bytes (bookmarks, bytes, &n_added, &error));
  g_assert_error (error, BULLETIN_ERROR, BULLETIN_ERROR_INVALID_DATA);
  g_assert_cmpuint (n_added, ==, 0);

  after = export_to_string (bookmarks);
  g_assert_cmpstr (after, ==, before);
}

/* An export cut at every byte either fails cleanly or imports a part of
 * it, and never loses the bookmarks already there.
 */
static void
test_bookmarks_import_truncated (gconstpointer data)
{
  BulletinBookmarksFormat format = GPOINTER_TO_INT (data);
  g_autoptr(GSettings) settings = new_settings ();
  g_autoptr(BulletinBookmarks) source = bulletin_bookmarks_new (settings);
  g_autoptr(GBytes) full = NULL;
  gsize length;
  const char *text;

  fill (source);
  full = bulletin_bookmarks_serialize (source, format);
  text = g_bytes_get_data (full, &length);

  for (gsize cut = 0; cut < length; cut++)
    {
      g_autoptr(GSettingsBackend) memory = g_memory_settings_backend_new ();
      g_autoptr(GSettings) other = g_settings_new_with_backend (APP_ID, memory);
      g_autoptr(BulletinBookmarks) target = bulletin_bookmarks_new (other);
      g_autoptr(BulletinArticle) mine = make_article ("https://example.org/mine", "Mine", NULL);
      g_autoptr(GBytes) part = g_bytes_new_static (text, cut);
      g_autoptr(GError) error = NULL;
      guint n_added = 0;

      bulletin_bookmarks_add (target, mine, NULL);
      if (bulletin_bookmarks_import_bytes (target, part, &n_added, &error))
        g_assert_cmpuint (n_added, <=, 4);
      else
        g_assert_error (error, BULLETIN_ERROR, BULLETIN_ERROR_INVALID_DATA);
      g_assert_true (bulletin_bookmarks_contains (target, "https://example.org/mine"));
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (target)), ==, 1 + n_added);
    }
}

static void
test_bookmarks_opml_from_other_readers (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  g_autoptr(BulletinBookmarks) bookmarks = bulletin_bookmarks_new (settings);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  guint n_added = 0;
  const char *opml =
    "\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n"
    "<opml version=\"1.0\"><head><title>Mine</title></head><body>\n"
    "  <outline text=\"Folder\">\n"
    "    <outline type=\"link\" text=\"Caf\xe9 news\" url=\"https://example.org/cafe\" created=\"Mon, 19 Jun 2023 11:25:00 GMT\" category=\"/politics/lebanon\"/>\n"
    "    <outline type=\"rss\" text=\"A feed\" xmlUrl=\"https://example.org/rss\" htmlUrl=\"https://example.org/\"/>\n"
    "  </outline>\n"
    "  <outline title=\"Only a title attribute\" htmlUrl=\"https://example.org/html-url\"/>\n"
    "  <outline text=\"Local\" url=\"file:///etc/passwd\"/>\n"
    "</body></opml>\n";

  bytes = g_bytes_new_static (opml, strlen (opml));
  g_assert_true (bulletin_bookmarks_import_bytes (bookmarks, bytes, &n_added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_added, ==, 2);

  g_assert_cmpstr (bulletin_article_get_title (bulletin_bookmarks_lookup (bookmarks, "https://example.org/cafe")), ==, "Café news");
  g_assert_cmpstr (bulletin_article_get_section (bulletin_bookmarks_lookup (bookmarks, "https://example.org/cafe")), ==, "politics");
  g_assert_cmpint (bulletin_bookmarks_get_saved_at (bookmarks, "https://example.org/cafe"), ==, 1687173900);
  g_assert_cmpstr (bulletin_article_get_title (bulletin_bookmarks_lookup (bookmarks, "https://example.org/html-url")), ==, "Only a title attribute");
  g_assert_false (bulletin_bookmarks_contains (bookmarks, "https://example.org/rss"));
  g_assert_false (bulletin_bookmarks_contains (bookmarks, "https://example.org/"));
}

/* The CLI: the real binary, with the keyfile backend over this test's
 * folders.
 */

static void
communicate_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static char *
run_cli (int          expected_status,
         char       **out_stderr,
         const char  *first_arg,
         ...)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *cli = g_getenv ("BULLETIN_CLI");
  va_list args;

  if (cli == NULL)
    {
      g_test_skip ("BULLETIN_CLI is not set");
      return NULL;
    }

  g_ptr_array_add (argv, (char *) cli);
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "GSETTINGS_BACKEND", "keyfile", TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", g_get_user_config_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CACHE_HOME", g_get_user_cache_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  g_subprocess_launcher_setenv (launcher, "GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  /* The main loop keeps running meanwhile: a test's server answers. */
  g_subprocess_communicate_utf8_async (process, NULL, NULL, communicate_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_subprocess_communicate_utf8_finish (process, result, &out, &err, &error);
  g_assert_no_error (error);

  if (!g_subprocess_get_if_exited (process) ||
      g_subprocess_get_exit_status (process) != expected_status)
    g_error ("bulletin-cli %s exited with %d, expected %d; stderr: %s",
             first_arg, g_subprocess_get_if_exited (process) ? g_subprocess_get_exit_status (process) : -1,
             expected_status, err);

  if (out_stderr != NULL)
    *out_stderr = g_steal_pointer (&err);

  return g_steal_pointer (&out);
}

static void
test_cli_import_reaches_running_app (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  g_autoptr(BulletinBookmarks) bookmarks = NULL;
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;
  const char *json =
    "{\"bookmarks\": [{\"url\": \"https://example.org/cli\", \"title\": \"From the CLI\","
    " \"section\": \"politics\", \"edition\": \"almayadeen-en\", \"saved_at\": \"2023-06-19T11:25:00Z\"}]}";
  Recorder recorder;

  if (g_getenv ("BULLETIN_CLI") == NULL)
    {
      g_test_skip ("BULLETIN_CLI is not set");
      return;
    }

  g_settings_set_value (settings, "bookmarks", make_list (0, 2));
  g_settings_sync ();
  bookmarks = bulletin_bookmarks_new (settings);
  recorder_init (&recorder, bookmarks);

  path = data_path ("import.json");
  g_assert_true (g_file_set_contents (path, json, -1, NULL));
  out = run_cli (0, NULL, "saved", "import", path, NULL);
  g_assert_nonnull (strstr (out, "Imported 1 new bookmark"));

  wait_for_changes (&recorder, 1);
  g_assert_true (bulletin_bookmarks_contains (bookmarks, "https://example.org/cli"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (bookmarks)), ==, 3);
  /* Saved in 2023: below the two of 2023-11. */
  assert_change (&recorder, 0, 2, 0, 1);
  g_assert_cmpstr (bulletin_bookmarks_get_edition (bookmarks, "https://example.org/cli"), ==, "almayadeen-en");

  recorder_clear (&recorder);
  g_free (run_cli (0, NULL, "saved", "remove", "https://example.org/item/0", NULL));
  wait_for_changes (&recorder, 1);
  assert_change (&recorder, 0, 0, 1, 0);
  g_assert_false (bulletin_bookmarks_contains (bookmarks, "https://example.org/item/0"));

  recorder_free (&recorder);
}

static void
test_cli_list_export (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  g_autoptr(BulletinBookmarks) bookmarks = bulletin_bookmarks_new (settings);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *opml_path = NULL;
  g_autofree char *json_path = NULL;
  g_autofree char *opml = NULL;
  JsonArray *array;

  if (g_getenv ("BULLETIN_CLI") == NULL)
    {
      g_test_skip ("BULLETIN_CLI is not set");
      return;
    }

  out = run_cli (0, NULL, "saved", "list", NULL);
  g_assert_nonnull (strstr (out, "No bookmarks"));
  g_clear_pointer (&out, g_free);

  fill (bookmarks);
  g_settings_sync ();

  out = run_cli (0, NULL, "saved", "list", "--json", NULL);
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)));
  array = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (array), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      g_autoptr(BulletinArticle) article = g_list_model_get_item (G_LIST_MODEL (bookmarks), i);
      g_autoptr(GDateTime) saved_at = g_date_time_new_from_iso8601 (json_object_get_string_member (object, "saved_at"), NULL);

      g_assert_cmpstr (json_object_get_string_member (object, "url"), ==, bulletin_article_get_url (article));
      g_assert_cmpstr (json_object_get_string_member (object, "title"), ==, bulletin_article_get_title (article));
      g_assert_cmpstr (json_object_get_string_member (object, "section"), ==, "analysis");
      g_assert_cmpstr (json_object_get_string_member (object, "edition"), ==, "almayadeen-en");
      g_assert_false (json_object_get_boolean_member (object, "offline"));
      g_assert_nonnull (saved_at);
      g_assert_cmpint (g_date_time_to_unix (saved_at), ==,
                       bulletin_bookmarks_get_saved_at (bookmarks, bulletin_article_get_url (article)));
    }
  g_clear_pointer (&out, g_free);

  out = run_cli (0, NULL, "saved", "list", NULL);
  g_assert_nonnull (strstr (out, "عنوان عربي\n  analysis · saved "));
  g_assert_nonnull (strstr (out, "https://example.org/x/0?a=1&b=2 (not saved for offline reading)"));
  g_clear_pointer (&out, g_free);

  opml_path = data_path ("out.opml");
  g_free (run_cli (0, NULL, "saved", "export", opml_path, NULL));
  g_assert_true (g_file_get_contents (opml_path, &opml, NULL, NULL));
  g_assert_nonnull (strstr (opml, "<opml version=\"2.0\">"));
  g_assert_nonnull (strstr (opml, "<outline type=\"link\" text=\"Plain\" url=\"https://example.org/x/0?a=1&amp;b=2\""));

  json_path = data_path ("out.json");
  g_free (run_cli (0, NULL, "saved", "export", json_path, NULL));
  g_assert_true (g_file_test (json_path, G_FILE_TEST_IS_REGULAR));

  /* Errors: one line on stderr, a non-zero status, nothing changed. */
  g_free (run_cli (1, &err, "saved", "import", opml_path + 1, NULL));
  g_assert_true (g_str_has_prefix (err, "bulletin-cli: "));
  g_assert_cmpuint (strchr (err, '\n') - err, ==, strlen (err) - 1);
  g_clear_pointer (&err, g_free);

  g_assert_true (g_file_set_contents (json_path, "{\"bookmarks\": [", -1, NULL));
  g_free (run_cli (1, &err, "saved", "import", json_path, NULL));
  g_assert_nonnull (strstr (err, "Not a bookmarks file"));
  g_clear_pointer (&err, g_free);

  g_free (run_cli (1, &err, "saved", "remove", "https://example.org/never", NULL));
  g_assert_nonnull (strstr (err, "not bookmarked"));
  g_clear_pointer (&err, g_free);

  g_free (run_cli (2, NULL, "saved", NULL));
  g_free (run_cli (2, NULL, "saved", "frobnicate", "x", NULL));
  g_free (run_cli (2, NULL, "saved", "add", "file:///etc/passwd", NULL));
  g_free (run_cli (2, NULL, "saved", "list", "extra", NULL));

  out = run_cli (0, NULL, "saved", "list", "--json", NULL);
  g_assert_nonnull (strstr (out, "Plain"));
}

static const guint8 png[] = {
  0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 'x'
};

static const char story_page[] =
  "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
  "<title>A story saved from the CLI | Outlet</title>"
  "<meta property=\"og:title\" content=\"A story saved from the CLI\">"
  "<meta property=\"og:image\" content=\"/hero.png\">"
  "<meta property=\"og:type\" content=\"article\">"
  "</head><body><header><nav><a href=\"/\">Home</a></nav></header>"
  "<article><h1>A story saved from the CLI</h1>"
  "<p>The first paragraph of the story is long enough to count as the body of an article, "
  "with several sentences that a reader would want to read offline later on the train.</p>"
  "<figure><img src=\"/inline.png\" alt=\"Inline\"><figcaption>An inline picture</figcaption></figure>"
  "<p>The second paragraph goes on with more details, quotes from people, and numbers that "
  "matter, because the extractor looks for text-dense blocks of content like this one.</p>"
  "<p>A third paragraph closes the story, again with enough words and commas, so that the "
  "scoring has no doubt about where the article lives on this page.</p>"
  "</article><footer>Footer links</footer></body></html>";

static void
story_server_cb (SoupServer        *server,
                 SoupServerMessage *msg,
                 const char        *path,
                 GHashTable        *query,
                 gpointer           user_data)
{
  if (g_str_equal (path, "/news/story"))
    {
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "text/html; charset=utf-8", SOUP_MEMORY_STATIC,
                                        story_page, strlen (story_page));
    }
  else if (g_str_has_suffix (path, ".png"))
    {
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "image/png", SOUP_MEMORY_STATIC, (const char *) png, sizeof png);
    }
  else
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
    }
}

static void
test_cli_add (void)
{
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GSettings) settings = new_settings ();
  g_autoptr(BulletinBookmarks) bookmarks = NULL;
  g_autoptr(BulletinLibrary) library = NULL;
  g_autoptr(BulletinArticle) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *missing_url = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *png_uri = NULL;
  g_autofree char *encoded = NULL;
  GSList *uris;
  Recorder recorder;

  if (g_getenv ("BULLETIN_CLI") == NULL)
    {
      g_test_skip ("BULLETIN_CLI is not set");
      return;
    }

  soup_server_add_handler (server, NULL, story_server_cb, NULL, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  url = g_strdup_printf ("http://127.0.0.1:%d/news/story", g_uri_get_port (uris->data));
  missing_url = g_strdup_printf ("http://127.0.0.1:%d/news/gone", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  g_settings_set_string (settings, "edition", "almayadeen-es");
  g_settings_sync ();
  bookmarks = bulletin_bookmarks_new (settings);
  recorder_init (&recorder, bookmarks);

  out = run_cli (0, NULL, "saved", "add", url, NULL);
  g_assert_nonnull (strstr (out, "A story saved from the CLI"));

  wait_for_changes (&recorder, 1);
  g_assert_true (bulletin_bookmarks_contains (bookmarks, url));
  g_assert_cmpstr (bulletin_article_get_title (bulletin_bookmarks_lookup (bookmarks, url)), ==,
                   "A story saved from the CLI");
  g_assert_cmpstr (bulletin_bookmarks_get_edition (bookmarks, url), ==, "almayadeen-es");

  /* Offline, from the same library as the app. */
  soup_server_disconnect (server);
  library = bulletin_library_new (NULL);
  g_assert_true (bulletin_library_contains (library, url));
  saved = bulletin_library_load (library, url, &error);
  g_assert_no_error (error);
  encoded = g_base64_encode (png, sizeof png);
  png_uri = g_strconcat ("data:image/png;base64,", encoded, NULL);
  g_assert_cmpstr (bulletin_article_get_image (saved), ==, png_uri);
  g_assert_nonnull (strstr (bulletin_article_get_body (saved), "The second paragraph"));
  g_assert_nonnull (strstr (bulletin_article_get_body (saved), png_uri));

  /* The listing says it is there for offline reading. */
  g_clear_pointer (&out, g_free);
  out = run_cli (0, NULL, "saved", "list", "--json", NULL);
  g_assert_nonnull (strstr (out, "\"offline\" : true"));

  /* A page that cannot be fetched is not bookmarked. */
  recorder_clear (&recorder);
  g_free (run_cli (1, &err, "saved", "add", missing_url, NULL));
  g_assert_nonnull (strstr (err, "Cannot fetch"));
  g_assert_false (bulletin_bookmarks_contains (bookmarks, missing_url));

  /* Removing drops both the bookmark and the saved copy. */
  g_free (run_cli (0, NULL, "saved", "remove", url, NULL));
  wait_for_changes (&recorder, 1);
  g_assert_false (bulletin_bookmarks_contains (bookmarks, url));
  g_assert_false (bulletin_library_contains (library, url));

  recorder_free (&recorder);
}

static void
count_write_cb (GSettings  *settings,
                const char *key,
                guint      *n_writes)
{
  (*n_writes)++;
}

/* Toggles change the model at once and are stored together when the main
 * loop is idle: one write of the whole list, not one per toggle; and
 * nothing is lost when the object goes before the idle.
 */
static void
test_bookmarks_coalesced_write (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  g_autoptr(BulletinBookmarks) bookmarks = NULL;
  g_autoptr(GVariant) before = NULL;
  g_autoptr(GVariant) stored = NULL;
  guint n_writes = 0;

  g_settings_reset (settings, "bookmarks");
  g_settings_sync ();
  bookmarks = bulletin_bookmarks_new (settings);
  g_signal_connect (settings, "changed::bookmarks", G_CALLBACK (count_write_cb), &n_writes);
  before = g_settings_get_value (settings, "bookmarks");

  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *url = g_strdup_printf ("https://example.org/coalesced/%u", i);
      g_autoptr(BulletinArticle) article = make_article (url, "Coalesced", "politics");

      g_assert_true (bulletin_bookmarks_toggle (bookmarks, article, NULL));
    }
  {
    g_autoptr(BulletinArticle) article = make_article ("https://example.org/coalesced/0", "Coalesced", "politics");

    g_assert_false (bulletin_bookmarks_toggle (bookmarks, article, NULL));
  }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (bookmarks)), ==, 4);

  /* Not written yet */
  stored = g_settings_get_value (settings, "bookmarks");
  g_assert_true (g_variant_equal (stored, before));
  g_clear_pointer (&stored, g_variant_unref);
  g_assert_cmpuint (n_writes, ==, 0);

  /* The idle writes the four, once */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  stored = g_settings_get_value (settings, "bookmarks");
  g_assert_cmpuint (g_variant_n_children (stored), ==, 4);
  g_clear_pointer (&stored, g_variant_unref);
  g_assert_cmpuint (n_writes, ==, 1);

  /* A flush with nothing pending writes nothing */
  bulletin_bookmarks_flush (bookmarks);
  g_assert_cmpuint (n_writes, ==, 1);

  /* Dropped before the idle: dispose writes it */
  g_assert_true (bulletin_bookmarks_remove (bookmarks, "https://example.org/coalesced/1"));
  g_clear_object (&bookmarks);
  stored = g_settings_get_value (settings, "bookmarks");
  g_assert_cmpuint (g_variant_n_children (stored), ==, 3);
  g_assert_cmpuint (n_writes, ==, 2);

  /* and no idle is left behind to write with a freed object */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (n_writes, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  test_utils_init (&argc, &argv);

  g_test_add_func ("/bookmarks/add-remove", test_bookmarks_add_remove);
  g_test_add_func ("/bookmarks/coalesced-write", test_bookmarks_coalesced_write);
  g_test_add_func ("/bookmarks/survive-restart", test_bookmarks_survive_restart);
  g_test_add_func ("/bookmarks/outside-change", test_bookmarks_outside_change);
  g_test_add_func ("/bookmarks/hostile-key", test_bookmarks_hostile_key);
  g_test_add_func ("/bookmarks/many", test_bookmarks_many);
  g_test_add_func ("/bookmarks/search", test_bookmarks_search);
  g_test_add_data_func ("/bookmarks/export-import/json",
                        GINT_TO_POINTER (BULLETIN_BOOKMARKS_FORMAT_JSON), test_bookmarks_export_import);
  g_test_add_data_func ("/bookmarks/export-import/opml",
                        GINT_TO_POINTER (BULLETIN_BOOKMARKS_FORMAT_OPML), test_bookmarks_export_import);
  g_test_add_func ("/bookmarks/export/times-in-utc", test_bookmarks_export_times_in_utc);
  g_test_add_func ("/bookmarks/import/merge", test_bookmarks_import_merge);
  g_test_add_func ("/bookmarks/import/opml-from-other-readers", test_bookmarks_opml_from_other_readers);
  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autofree char *name = g_strdup_printf ("/bookmarks/import/bad/%u", i);

      g_test_add_data_func (name, bad_files[i], test_bookmarks_import_bad);
    }
  g_test_add_data_func ("/bookmarks/import/truncated/json",
                        GINT_TO_POINTER (BULLETIN_BOOKMARKS_FORMAT_JSON), test_bookmarks_import_truncated);
  g_test_add_data_func ("/bookmarks/import/truncated/opml",
                        GINT_TO_POINTER (BULLETIN_BOOKMARKS_FORMAT_OPML), test_bookmarks_import_truncated);
  g_test_add_func ("/bookmarks/cli/import-reaches-running-app", test_cli_import_reaches_running_app);
  g_test_add_func ("/bookmarks/cli/list-export", test_cli_list_export);
  g_test_add_func ("/bookmarks/cli/add", test_cli_add);

  return g_test_run ();
}
