/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-bookmarks"

#include "config.h"

#include <stdio.h>
#include <string.h>
#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>
#include <glib/gstdio.h>

#include "bulletin-core.h"

/* Times the bookmark operations the UI does with 5,000 bookmarks, each
 * against a baseline measured in the same run: a toggle against the same
 * toggle with 100 bookmarks, a search against a bare strstr() over the same
 * titles, the start-up repair check against a bare stat() per bookmark. It
 * prints figures; it asserts nothing about time.
 */

#define MANY 5000
#define FEW 100
#define TOGGLES 200
#define SEARCHES 100

static const char *words[] = {
  "Lebanon", "economy", "strike", "Gaza", "talks", "summit", "oil", "prices",
  "election", "protest", "Yemen", "drone", "sanctions", "Iran", "Syria", "aid",
};

static GVariant *
make_list (guint n)
{
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("aa{sv}"));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *url = g_strdup_printf ("https://english.almayadeen.net/news/politics/item-%u", i);
      g_autofree char *title = g_strdup_printf ("%s %s %s, number %u",
                                                words[i % G_N_ELEMENTS (words)],
                                                words[(i / 3) % G_N_ELEMENTS (words)],
                                                words[(i / 7) % G_N_ELEMENTS (words)], i);
      GVariantBuilder dict;

      g_variant_builder_init (&dict, G_VARIANT_TYPE_VARDICT);
      g_variant_builder_add (&dict, "{sv}", "url", g_variant_new_string (url));
      g_variant_builder_add (&dict, "{sv}", "title", g_variant_new_string (title));
      g_variant_builder_add (&dict, "{sv}", "section", g_variant_new_string ("politics"));
      g_variant_builder_add (&dict, "{sv}", "edition", g_variant_new_string ("almayadeen-en"));
      g_variant_builder_add (&dict, "{sv}", "saved-at", g_variant_new_int64 (1700000000 - i));
      g_variant_builder_add_value (&builder, g_variant_builder_end (&dict));
    }

  return g_variant_builder_end (&builder);
}

static GSettings *
settings_with (GSettingsBackend *backend,
               guint             n)
{
  GSettings *settings = g_settings_new_with_backend (APP_ID, backend);

  g_settings_set_value (settings, "bookmarks", make_list (n));

  return settings;
}

/* Microseconds per toggle (a removal and an addition back count as two),
 * until the call returns: what the UI waits for. The list is written when
 * the main loop is next idle; *write_us gets the time of that write, each
 * toggle's on its own (the worst case: one toggle per main-loop
 * iteration), done here with bulletin_bookmarks_flush().
 */
static double
time_toggles (BulletinBookmarks *bookmarks,
              guint              n,
              double            *write_us)
{
  g_autoptr(BulletinArticle) article = bulletin_article_new ();
  g_autofree char *url = g_strdup_printf ("https://english.almayadeen.net/news/politics/item-%u", n / 2);
  gint64 toggling = 0;
  gint64 writing = 0;

  bulletin_article_set_url (article, url);
  bulletin_article_set_title (article, "Toggled");

  for (guint i = 0; i < TOGGLES; i++)
    {
      gint64 start = g_get_monotonic_time ();
      gint64 toggled;

      if (bulletin_bookmarks_toggle (bookmarks, article, NULL))
        g_assert_true (bulletin_bookmarks_contains (bookmarks, url));
      toggled = g_get_monotonic_time ();
      bulletin_bookmarks_flush (bookmarks);
      writing += g_get_monotonic_time () - toggled;
      toggling += toggled - start;
    }

  if (write_us != NULL)
    *write_us = (double) writing / TOGGLES;
  return (double) toggling / TOGGLES;
}

static double
time_toggles_with (GSettingsBackend *backend,
                   guint             n,
                   double           *load_us,
                   double           *write_us)
{
  g_autoptr(GSettings) settings = settings_with (backend, n);
  g_autoptr(BulletinBookmarks) bookmarks = NULL;
  gint64 start = g_get_monotonic_time ();

  bookmarks = bulletin_bookmarks_new (settings);
  if (load_us != NULL)
    *load_us = (double) (g_get_monotonic_time () - start);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (bookmarks)), ==, n);

  return time_toggles (bookmarks, n, write_us);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GSettingsBackend) memory = g_memory_settings_backend_new ();
  g_autoptr(GSettingsBackend) memory_few = g_memory_settings_backend_new ();
  g_autofree char *tmp = g_dir_make_tmp ("bench-bookmarks-XXXXXX", NULL);
  g_autofree char *keyfile = g_build_filename (tmp, "keyfile", NULL);
  g_autoptr(GSettingsBackend) file_backend = g_keyfile_settings_backend_new (keyfile, "/", NULL);
  g_autoptr(GSettingsBackend) file_backend_few = NULL;
  g_autofree char *keyfile_few = g_build_filename (tmp, "keyfile-few", NULL);
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(BulletinBookmarks) bookmarks = NULL;
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *saved = g_build_filename (tmp, "saved", NULL);
  g_autoptr(BulletinLibrary) library = bulletin_library_new (saved);
  double load_us, toggle_many, toggle_few, file_many, file_few;
  double write_many, write_few, file_write_many, file_write_few;
  double search_us, strstr_us, missing_us, stat_us;
  guint n_found = 0;
  guint n_baseline = 0;
  gint64 start;

  file_backend_few = g_keyfile_settings_backend_new (keyfile_few, "/", NULL);

  toggle_many = time_toggles_with (memory, MANY, &load_us, &write_many);
  toggle_few = time_toggles_with (memory_few, FEW, NULL, &write_few);
  file_many = time_toggles_with (file_backend, MANY, NULL, &file_write_many);
  file_few = time_toggles_with (file_backend_few, FEW, NULL, &file_write_few);

  printf ("load %u bookmarks:                 %9.1f ms\n", MANY, load_us / 1000);
  printf ("toggle, %u bookmarks (memory):     %9.1f µs  = %.1f × the toggle with %u\n",
          MANY, toggle_many, toggle_many / toggle_few, FEW);
  printf ("toggle, %u bookmarks (keyfile):    %9.1f µs  = %.1f × the toggle with %u\n",
          MANY, file_many, file_many / file_few, FEW);
  printf ("its write at idle, %u (memory):    %9.1f µs  = %.1f × the write with %u\n",
          MANY, write_many, write_many / write_few, FEW);
  printf ("its write at idle, %u (keyfile):   %9.1f µs  = %.1f × the write with %u\n",
          MANY, file_write_many, file_write_many / file_write_few, FEW);

  /* Search over 5,000 against a bare strstr() over the same titles. */
  settings = g_settings_new_with_backend (APP_ID, memory);
  bookmarks = bulletin_bookmarks_new (settings);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (bookmarks)); i++)
    {
      g_autoptr(BulletinArticle) article = g_list_model_get_item (G_LIST_MODEL (bookmarks), i);

      g_ptr_array_add (titles, g_ascii_strdown (bulletin_article_get_title (article), -1));
    }
  /* The first search builds the keys; it is not the one the user waits on. */
  g_ptr_array_unref (bulletin_bookmarks_search (bookmarks, "warm up"));

  start = g_get_monotonic_time ();
  for (guint i = 0; i < SEARCHES; i++)
    {
      g_autoptr(GPtrArray) found = bulletin_bookmarks_search (bookmarks, "Gaza number");

      n_found = found->len;
    }
  search_us = (double) (g_get_monotonic_time () - start) / SEARCHES;

  start = g_get_monotonic_time ();
  for (guint i = 0; i < SEARCHES; i++)
    {
      n_baseline = 0;
      for (guint t = 0; t < titles->len; t++)
        if (strstr (g_ptr_array_index (titles, t), "gaza") != NULL &&
            strstr (g_ptr_array_index (titles, t), "number") != NULL)
          n_baseline++;
    }
  strstr_us = (double) (g_get_monotonic_time () - start) / SEARCHES;
  g_assert_cmpuint (n_found, ==, n_baseline);

  printf ("search %u bookmarks (%u found):   %9.1f µs  = %.1f × a bare strstr() scan\n",
          MANY, n_found, search_us, search_us / MAX (strstr_us, 0.1));

  /* The repair check at start: which of 5,000 bookmarks are not saved. */
  start = g_get_monotonic_time ();
  {
    g_auto(GStrv) missing = bulletin_library_missing (library, bookmarks);

    g_assert_cmpuint (g_strv_length (missing), ==, MANY);
  }
  missing_us = (double) (g_get_monotonic_time () - start);

  start = g_get_monotonic_time ();
  for (guint i = 0; i < MANY; i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/%08u/article.json", saved, i);
      GStatBuf st;

      g_stat (path, &st);
    }
  stat_us = (double) (g_get_monotonic_time () - start);

  printf ("missing() over %u bookmarks:       %9.1f ms  = %.1f × a bare stat() each\n",
          MANY, missing_us / 1000, missing_us / MAX (stat_us, 1));

  g_unlink (keyfile);
  g_unlink (keyfile_few);
  g_rmdir (tmp);

  return 0;
}
