/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-disk-faults"

/* The disk says no: BulletinLibrary and BulletinBookmarks on a full disk,
 * a read-only data folder, a file size limit, and a damaged settings
 * keyfile. Each keeps running, says what went wrong with a code a UI can
 * word (BULLETIN_ERROR_NO_SPACE, BULLETIN_ERROR_READ_ONLY), and loses
 * nothing that was already saved.
 *
 * A real full disk is a small tmpfs, and a read-only folder a tmpfs
 * remounted read-only (the tests run as root, whom permission bits do not
 * stop). The mounts live in a mount namespace of this process, made at
 * start, so that they vanish with it whatever happens; where that is not
 * allowed, those tests skip and say so. The file size limit (EFBIG) needs
 * no privilege and always runs. A saved article cut at every byte is
 * covered by test-library.c (/library/corrupt).
 */

#include "config.h"

#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/resource.h>
#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>
#include <glib/gstdio.h>

#include "bulletin-core.h"
#include "bulletin-atomic-file.h"

static gboolean can_mount;
static char *mount_problem;

/* Mounts ------------------------------------------------------------------ */

/* Done first thing in main (), before any thread exists: every thread made
 * later shares the namespace.
 */
static void
enter_mount_namespace (void)
{
  if (unshare (CLONE_NEWNS) != 0)
    {
      mount_problem = g_strdup_printf ("no mount namespace (unshare: %s)", g_strerror (errno));
      return;
    }
  /* Nothing mounted here reaches the rest of the system. */
  if (mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0)
    {
      mount_problem = g_strdup_printf ("cannot make mounts private (%s)", g_strerror (errno));
      return;
    }
  can_mount = TRUE;
}

static gboolean
skip_without_mounts (void)
{
  if (can_mount)
    return FALSE;

  g_autofree char *message = g_strdup_printf ("Needs to mount a tmpfs, which this process cannot: %s",
                                              mount_problem);

  g_test_skip (message);
  return TRUE;
}

/* A fresh tmpfs of @size bytes at a new folder; returns the folder. */
static char *
mount_tmpfs (gsize size)
{
  g_autofree char *options = g_strdup_printf ("size=%" G_GSIZE_FORMAT ",mode=0755", size);
  char *dir = g_build_filename (g_get_user_data_dir (), "disk-XXXXXX", NULL);

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0755), ==, 0);
  g_assert_nonnull (g_mkdtemp (dir));
  if (mount ("tmpfs", dir, "tmpfs", MS_NOSUID | MS_NODEV, options) != 0)
    g_error ("Cannot mount a tmpfs at %s: %s", dir, g_strerror (errno));

  return dir;
}

static void
remount (const char *dir,
         gboolean    read_only)
{
  if (mount ("tmpfs", dir, "tmpfs", MS_REMOUNT | MS_NOSUID | MS_NODEV | (read_only ? MS_RDONLY : 0), NULL) != 0)
    g_error ("Cannot remount %s: %s", dir, g_strerror (errno));
}

static void
unmount (const char *dir)
{
  g_assert_cmpint (umount2 (dir, MNT_DETACH), ==, 0);
  g_rmdir (dir);
}

/* Fills the file system of @dir up to the last byte. */
static char *
fill_disk (const char *dir)
{
  char *path = g_build_filename (dir, "filler", NULL);
  char block[4096];
  FILE *file = fopen (path, "w");
  gsize size = sizeof block;

  g_assert_nonnull (file);
  memset (block, 'x', sizeof block);
  setvbuf (file, NULL, _IONBF, 0);
  /* Smaller and smaller writes, to leave no partial block free. */
  while (size > 0)
    {
      if (fwrite (block, 1, size, file) != size)
        {
          g_assert_cmpint (errno, ==, ENOSPC);
          clearerr (file);
          size /= 2;
        }
    }
  fclose (file);

  return path;
}

/* Temporary files a failed write left behind, under @dir. */
static guint
count_temp_files (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (bulletin_atomic_file_is_temp (name))
        n++;
      else if (g_file_test (path, G_FILE_TEST_IS_DIR))
        n += count_temp_files (path);
    }

  return n;
}

/* The library ------------------------------------------------------------- */

typedef struct
{
  gboolean  done;
  gboolean  ok;
  GError   *error;
} SaveResult;

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  SaveResult *r = user_data;

  r->ok = bulletin_library_save_finish (BULLETIN_LIBRARY (object), result, &r->error);
  r->done = TRUE;
}

static gboolean
save_sync (BulletinLibrary  *library,
           BulletinArticle  *article,
           GError          **error)
{
  g_autofree char *cache = g_build_filename (g_get_user_cache_dir (), "http", NULL);
  g_autoptr(BulletinClient) client = bulletin_client_new (cache);
  SaveResult r = { FALSE, FALSE, NULL };

  bulletin_library_save_async (library, client, article, NULL, save_cb, &r);
  while (!r.done)
    g_main_context_iteration (NULL, TRUE);
  if (r.error != NULL)
    g_propagate_error (error, r.error);

  return r.ok;
}

/* A text-only article (nothing to fetch) whose body is @body_size bytes. */
static BulletinArticle *
make_article (const char *url,
              const char *title,
              gsize       body_size)
{
  BulletinArticle *article = bulletin_article_new ();
  GString *body = g_string_new ("<p>");

  while (body->len < body_size)
    g_string_append (body, "Words of a long article, saved for reading offline. ");
  g_string_append (body, "</p>");

  bulletin_article_set_url (article, url);
  bulletin_article_set_title (article, title);
  bulletin_article_set_body (article, body->str);
  g_string_free (body, TRUE);

  return article;
}

static void
assert_loads (BulletinLibrary *library,
              const char      *url,
              const char      *title)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BulletinArticle) article = bulletin_library_load (library, url, &error);

  g_assert_no_error (error);
  g_assert_nonnull (article);
  g_assert_cmpstr (bulletin_article_get_url (article), ==, url);
  g_assert_cmpstr (bulletin_article_get_title (article), ==, title);
}

#define URL_A "https://example.com/news/a"
#define URL_B "https://example.com/news/b"

static void
test_library_no_space (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *filler = NULL;
  g_autoptr(BulletinLibrary) library = NULL;
  g_autoptr(BulletinArticle) a = make_article (URL_A, "First", 2000);
  g_autoptr(BulletinArticle) a2 = make_article (URL_A, "First, updated", 300000);
  g_autoptr(BulletinArticle) b = make_article (URL_B, "Second", 300000);
  g_autoptr(GError) error = NULL;

  if (skip_without_mounts ())
    return;

  dir = mount_tmpfs (2 * 1024 * 1024);
  saved = g_build_filename (dir, "saved", NULL);
  library = bulletin_library_new (saved);

  g_assert_true (save_sync (library, a, &error));
  g_assert_no_error (error);
  filler = fill_disk (dir);

  /* A new article does not fit. */
  g_assert_false (save_sync (library, b, &error));
  g_assert_error (error, BULLETIN_ERROR, BULLETIN_ERROR_NO_SPACE);
  g_assert_cmpstr (bulletin_error_code_name (error->code), ==, "no-space");
  g_clear_error (&error);
  g_assert_false (bulletin_library_contains (library, URL_B));

  /* Nor does an update of a saved one, which stays as it was. */
  g_assert_false (save_sync (library, a2, &error));
  g_assert_error (error, BULLETIN_ERROR, BULLETIN_ERROR_NO_SPACE);
  g_clear_error (&error);
  g_assert_true (bulletin_library_contains (library, URL_A));
  assert_loads (library, URL_A, "First");
  g_assert_cmpuint (count_temp_files (saved), ==, 0);

  /* Once there is room again, the same library saves. */
  g_assert_cmpint (g_unlink (filler), ==, 0);
  g_assert_true (save_sync (library, b, &error));
  g_assert_no_error (error);
  g_assert_true (save_sync (library, a2, &error));
  g_assert_no_error (error);
  assert_loads (library, URL_B, "Second");
  assert_loads (library, URL_A, "First, updated");

  g_clear_object (&library);
  unmount (dir);
}

static void
test_library_read_only (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *saved = NULL;
  g_autoptr(BulletinLibrary) library = NULL;
  g_autoptr(BulletinArticle) a = make_article (URL_A, "First", 2000);
  g_autoptr(BulletinArticle) a2 = make_article (URL_A, "First, updated", 2000);
  g_autoptr(BulletinArticle) b = make_article (URL_B, "Second", 2000);
  g_autoptr(GError) error = NULL;
  guint removed;

  if (skip_without_mounts ())
    return;

  dir = mount_tmpfs (1024 * 1024);
  saved = g_build_filename (dir, "saved", NULL);
  library = bulletin_library_new (saved);
  g_assert_true (save_sync (library, a, &error));
  g_assert_no_error (error);

  remount (dir, TRUE);

  g_assert_false (save_sync (library, b, &error));
  g_assert_error (error, BULLETIN_ERROR, BULLETIN_ERROR_READ_ONLY);
  g_assert_cmpstr (bulletin_error_code_name (error->code), ==, "read-only");
  g_clear_error (&error);

  g_assert_false (save_sync (library, a2, &error));
  g_assert_error (error, BULLETIN_ERROR, BULLETIN_ERROR_READ_ONLY);
  g_clear_error (&error);

  g_assert_false (bulletin_library_remove (library, URL_A, &error));
  g_assert_error (error, BULLETIN_ERROR, BULLETIN_ERROR_READ_ONLY);
  g_clear_error (&error);

  removed = bulletin_library_remove_older_than (library, 0, &error);
  g_assert_cmpuint (removed, ==, 0);
  if (error != NULL)
    g_assert_error (error, BULLETIN_ERROR, BULLETIN_ERROR_READ_ONLY);
  g_clear_error (&error);

  /* Reading still works: the library is for reading offline. */
  g_assert_true (bulletin_library_contains (library, URL_A));
  assert_loads (library, URL_A, "First");

  remount (dir, FALSE);
  g_assert_true (save_sync (library, b, &error));
  g_assert_no_error (error);
  assert_loads (library, URL_B, "Second");
  assert_loads (library, URL_A, "First");

  g_clear_object (&library);
  unmount (dir);
}

/* A file size limit: writes fail with EFBIG, which for the reader is the
 * same as a full disk. Runs in a subprocess, whose limit goes with it.
 */
static void
test_library_file_too_large (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *saved = g_build_filename (g_get_user_data_dir (), "saved", NULL);
      g_autoptr(BulletinLibrary) library = bulletin_library_new (saved);
      g_autoptr(BulletinArticle) a = make_article (URL_A, "First", 2000);
      g_autoptr(BulletinArticle) a2 = make_article (URL_A, "First, updated", 300000);
      g_autoptr(BulletinArticle) b = make_article (URL_B, "Second", 300000);
      g_autoptr(GError) error = NULL;
      struct rlimit limit = { 64 * 1024, 64 * 1024 };

      g_assert_true (save_sync (library, a, &error));
      g_assert_no_error (error);

      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

      g_assert_false (save_sync (library, b, &error));
      g_assert_error (error, BULLETIN_ERROR, BULLETIN_ERROR_NO_SPACE);
      g_clear_error (&error);
      g_assert_false (bulletin_library_contains (library, URL_B));

      g_assert_false (save_sync (library, a2, &error));
      g_assert_error (error, BULLETIN_ERROR, BULLETIN_ERROR_NO_SPACE);
      g_clear_error (&error);
      assert_loads (library, URL_A, "First");
      g_assert_cmpuint (count_temp_files (saved), ==, 0);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* Bookmarks --------------------------------------------------------------- */

static GSettings *
keyfile_settings (const char *path)
{
  g_autoptr(GSettingsBackend) backend = g_keyfile_settings_backend_new (path, "/", NULL);

  return g_settings_new_with_backend (APP_ID, backend);
}

static void
add_bookmark (BulletinBookmarks *bookmarks,
              const char        *url,
              const char        *title)
{
  g_autoptr(BulletinArticle) article = bulletin_article_new ();

  bulletin_article_set_url (article, url);
  bulletin_article_set_title (article, title);
  bulletin_bookmarks_add (bookmarks, article, "demo");
  /* Written now, as the app's idle would, so that each add meets the disk */
  bulletin_bookmarks_flush (bookmarks);
}

static void
test_bookmarks_export_no_space (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *filler = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GSettingsBackend) backend = g_memory_settings_backend_new ();
  g_autoptr(GSettings) settings = g_settings_new_with_backend (APP_ID, backend);
  g_autoptr(BulletinBookmarks) bookmarks = bulletin_bookmarks_new (settings);
  g_autoptr(GError) error = NULL;

  if (skip_without_mounts ())
    return;

  dir = mount_tmpfs (1024 * 1024);
  path = g_build_filename (dir, "bookmarks.json", NULL);
  add_bookmark (bookmarks, URL_A, "First");
  g_assert_true (bulletin_bookmarks_export (bookmarks, path, BULLETIN_BOOKMARKS_FORMAT_JSON, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < 2000; i++)
    {
      g_autofree char *url = g_strdup_printf ("https://example.com/news/%u", i);

      add_bookmark (bookmarks, url, "A bookmark with a title long enough to take some room on the disk");
    }
  filler = fill_disk (dir);

  g_assert_false (bulletin_bookmarks_export (bookmarks, path, BULLETIN_BOOKMARKS_FORMAT_JSON, &error));
  g_assert_error (error, BULLETIN_ERROR, BULLETIN_ERROR_NO_SPACE);
  g_clear_error (&error);
  g_assert_false (bulletin_bookmarks_export (bookmarks, path, BULLETIN_BOOKMARKS_FORMAT_OPML, &error));
  g_assert_error (error, BULLETIN_ERROR, BULLETIN_ERROR_NO_SPACE);
  g_clear_error (&error);
  g_assert_cmpuint (count_temp_files (dir), ==, 0);

  /* The earlier export is whole, and the list is untouched. */
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, URL_A));
  g_assert_null (strstr (contents, "https://example.com/news/0"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (bookmarks)), ==, 2001);

  remount (dir, TRUE);
  g_assert_false (bulletin_bookmarks_export (bookmarks, path, BULLETIN_BOOKMARKS_FORMAT_JSON, &error));
  g_assert_error (error, BULLETIN_ERROR, BULLETIN_ERROR_READ_ONLY);
  g_clear_error (&error);

  remount (dir, FALSE);
  g_assert_cmpint (g_unlink (filler), ==, 0);
  bulletin_bookmarks_export (bookmarks, path, BULLETIN_BOOKMARKS_FORMAT_JSON, &error);
  g_assert_no_error (error);

  unmount (dir);
}

/* GSettings' keyfile backend (what a Flatpak uses) on a full disk. GLib
 * 2.74 writes the keyfile with g_file_replace_contents (), which on ENOSPC
 * leaves the file cut short (0 bytes, or the blocks that fitted) rather
 * than as it was: a GLib limitation, outside Bulletin's code (its own
 * files go through bulletin_atomic_file_write (), tested above). What
 * Bulletin holds to: the running list loses nothing, a restart over the
 * cut file starts (with what it can read) instead of failing, and the
 * first change once there is room writes the whole list again.
 */
static void
test_bookmarks_keyfile_no_space (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *filler = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GSettings) settings2 = NULL;
  g_autoptr(BulletinBookmarks) bookmarks = NULL;
  g_autoptr(BulletinBookmarks) bookmarks2 = NULL;
  GLogLevelFlags fatal_mask;

  if (skip_without_mounts ())
    return;

  dir = mount_tmpfs (256 * 1024);
  path = g_build_filename (dir, "keyfile", NULL);
  settings = keyfile_settings (path);
  bookmarks = bulletin_bookmarks_new (settings);
  add_bookmark (bookmarks, URL_A, "First");
  g_settings_sync ();
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  filler = fill_disk (dir);
  /* GLib's keyfile backend warns, as it should, that it cannot write. */
  fatal_mask = g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  for (guint i = 0; i < 500; i++)
    {
      g_autofree char *url = g_strdup_printf ("https://example.com/news/%u", i);

      add_bookmark (bookmarks, url, "A bookmark with a title long enough to take some room on the disk");
    }
  g_settings_sync ();
  g_log_set_always_fatal (fatal_mask);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (bookmarks)), ==, 501);
  g_assert_true (bulletin_bookmarks_contains (bookmarks, URL_A));

  /* A restart meanwhile reads whatever GLib left, and starts. */
  settings2 = keyfile_settings (path);
  bookmarks2 = bulletin_bookmarks_new (settings2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (bookmarks2)), <=, 501);
  g_clear_object (&bookmarks2);
  g_clear_object (&settings2);

  /* Room again: the next change writes the whole list. */
  g_assert_cmpint (g_unlink (filler), ==, 0);
  add_bookmark (bookmarks, URL_B, "Second");
  g_settings_sync ();
  settings2 = keyfile_settings (path);
  bookmarks2 = bulletin_bookmarks_new (settings2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (bookmarks2)), ==, 502);

  g_clear_object (&bookmarks2);
  g_clear_object (&settings2);
  g_clear_object (&bookmarks);
  g_clear_object (&settings);
  unmount (dir);
}

typedef struct
{
  const char *name;
  const char *contents;
  gssize      length;
  guint       n_expected;  /* bookmarks read from it */
  gboolean    glib_critical;
} KeyfileCase;

#define GROUP "[io/github/bulletinapp/Bulletin]\n"

static const KeyfileCase keyfile_cases[] = {
  { "empty", "", 0, 0 },
  { "binary", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\xff\xfe\x00[[[", 20, 0 },
  { "no-group", "bookmarks=[{'url': <'https://example.com/news/x'>}]\n", -1, 0 },
  { "unclosed-group", "[io/github/bulletinapp/Bulletin\nbookmarks=[]\n", -1, 0 },
  { "truncated-value", GROUP "bookmarks=[{'url': <'https://example.com/news/x'>, 'saved-at': <int6", -1, 0 },
  { "wrong-type", GROUP "bookmarks=42\n", -1, 0 },
  { "wrong-element-type", GROUP "bookmarks=['https://example.com/news/x']\n", -1, 0 },
  /* GLib 2.74's GVariant text parser fails a critical on it (inside GIO,
   * before Bulletin sees anything), then goes on with the default. */
  { "invalid-utf8", GROUP "bookmarks=[{'url': <'https://example.com/\xc3\x28'>}]\n", -1, 0, TRUE },
  { "odd-entries",
    GROUP "bookmarks=[{'url': <'https://example.com/news/x'>, 'saved-at': <int64 5>},"
    " {'url': <7>}, {'title': <'no url'>}, {'url': <'https://example.com/news/z'>, 'title': <42>}]\n", -1, 2 },
  { "duplicate-key",
    GROUP "bookmarks=[{'url': <'https://example.com/news/x'>}]\nbookmarks=[{'url': <'https://example.com/news/y'>}]\n", -1, 1 },
};

static void
test_bookmarks_corrupt_keyfile (gconstpointer data)
{
  const KeyfileCase *c = data;
  g_autofree char *path = g_build_filename (g_get_user_config_dir (), "corrupt", c->name, "keyfile", NULL);
  g_autofree char *parent = g_path_get_dirname (path);
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GSettings) settings2 = NULL;
  g_autoptr(BulletinBookmarks) bookmarks = NULL;
  g_autoptr(BulletinBookmarks) bookmarks2 = NULL;
  gsize length = c->length < 0 ? strlen (c->contents) : (gsize) c->length;
  GLogLevelFlags fatal_mask = 0;

  g_assert_cmpint (g_mkdir_with_parents (parent, 0755), ==, 0);
  g_assert_true (g_file_set_contents (path, c->contents, length, NULL));

  if (c->glib_critical)
    fatal_mask = g_log_set_always_fatal (G_LOG_FATAL_MASK);
  settings = keyfile_settings (path);
  bookmarks = bulletin_bookmarks_new (settings);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (bookmarks)), ==, c->n_expected);

  /* It keeps working, and what it saves is read back after a restart. */
  add_bookmark (bookmarks, URL_A, "First");
  g_assert_true (bulletin_bookmarks_contains (bookmarks, URL_A));
  g_settings_sync ();

  settings2 = keyfile_settings (path);
  bookmarks2 = bulletin_bookmarks_new (settings2);
  g_assert_true (bulletin_bookmarks_contains (bookmarks2, URL_A));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (bookmarks2)), ==, c->n_expected + 1);
  if (c->glib_critical)
    g_log_set_always_fatal (fatal_mask);
}

int
main (int   argc,
      char *argv[])
{
  enter_mount_namespace ();

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/disk-faults/library/no-space", test_library_no_space);
  g_test_add_func ("/disk-faults/library/read-only", test_library_read_only);
  g_test_add_func ("/disk-faults/library/file-too-large", test_library_file_too_large);
  g_test_add_func ("/disk-faults/bookmarks/export-no-space-read-only", test_bookmarks_export_no_space);
  g_test_add_func ("/disk-faults/bookmarks/keyfile-no-space", test_bookmarks_keyfile_no_space);
  for (guint i = 0; i < G_N_ELEMENTS (keyfile_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/disk-faults/bookmarks/corrupt-keyfile/%s", keyfile_cases[i].name);

      g_test_add_data_func (path, &keyfile_cases[i], test_bookmarks_corrupt_keyfile);
    }

  return g_test_run ();
}
