/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-library-crash"

#include "config.h"

#include <signal.h>
#include <sys/wait.h>
#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>

#include "bulletin-core.h"

/* A child (this program run with --child DIR) toggles bookmarks and saves
 * and removes articles as fast as it can, and is killed with SIGKILL at a
 * random moment, 200 times over the same folders. After every kill, every
 * bookmark must either have a complete saved article that loads, or be
 * reported by bulletin_library_missing(); and no article.json may fail to
 * parse. At the end the missing ones are saved again (the repair the app
 * does on start) and nothing is missing any more.
 */

#define N_KILLS 200
#define N_URLS 24
#define MAX_IN_FLIGHT 3

static const guint8 png[] = {
  0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1
};

static void
image_cb (SoupServer        *server,
          SoupServerMessage *msg,
          const char        *path,
          GHashTable        *query,
          gpointer           user_data)
{
  /* A little bigger than nothing, different per path. */
  g_autoptr(GByteArray) bytes = g_byte_array_new ();

  g_byte_array_append (bytes, png, sizeof png);
  for (guint i = 0; i < 2048; i++)
    g_byte_array_append (bytes, (const guint8 *) path + (i % strlen (path)), 1);

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "image/png", SOUP_MEMORY_COPY, (const char *) bytes->data, bytes->len);
}

static SoupServer *
start_server (char **base)
{
  SoupServer *server = soup_server_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  GSList *uris;

  soup_server_add_handler (server, NULL, image_cb, NULL, NULL);
  if (!soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error))
    g_error ("Cannot listen: %s", error->message);
  uris = soup_server_get_uris (server);
  *base = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  return server;
}

static char *
article_url (guint i)
{
  return g_strdup_printf ("https://news.example/article/%u", i);
}

static BulletinArticle *
make_article (guint       i,
              const char *image_base)
{
  BulletinArticle *article = bulletin_article_new ();
  g_autofree char *url = article_url (i);
  g_autofree char *hero = g_strdup_printf ("%s/hero/%u.png", image_base, i);
  g_autofree char *body = g_strdup_printf ("<p>Article %u</p><img src=\"%s/inline/%u-a.png\">"
                                           "<p>More text</p><img src=\"%s/inline/%u-b.png\">",
                                           i, image_base, i, image_base, i);

  bulletin_article_set_url (article, url);
  bulletin_article_set_title (article, url);
  bulletin_article_set_image (article, hero);
  bulletin_article_set_body (article, body);

  return article;
}

static GSettings *
open_settings (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "keyfile", NULL);
  g_autoptr(GSettingsBackend) backend = g_keyfile_settings_backend_new (path, "/", NULL);

  return g_settings_new_with_backend (APP_ID, backend);
}

static BulletinLibrary *
open_library (const char *dir)
{
  g_autofree char *saved = g_build_filename (dir, "saved", NULL);

  return bulletin_library_new (saved);
}

/* The child */

static guint in_flight;

static void
child_save_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  bulletin_library_save_finish (BULLETIN_LIBRARY (object), result, &error);
  in_flight--;
}

static int
run_child (const char *dir)
{
  g_autoptr(GSettings) settings = open_settings (dir);
  g_autoptr(BulletinBookmarks) bookmarks = bulletin_bookmarks_new (settings);
  g_autoptr(BulletinLibrary) library = open_library (dir);
  g_autofree char *cache = g_build_filename (dir, "cache", NULL);
  g_autoptr(BulletinClient) client = bulletin_client_new (cache);
  g_autofree char *base = NULL;
  g_autoptr(SoupServer) server = start_server (&base);
  g_autoptr(GRand) rand = g_rand_new ();
  g_auto(GStrv) missing = NULL;

  /* The repair of the app's start, interrupted too. */
  missing = bulletin_library_missing (library, bookmarks);
  for (guint i = 0; missing[i] != NULL && i < MAX_IN_FLIGHT; i++)
    {
      guint n;

      if (sscanf (missing[i], "https://news.example/article/%u", &n) == 1)
        {
          g_autoptr(BulletinArticle) article = make_article (n, base);

          in_flight++;
          bulletin_library_save_async (library, client, article, NULL, child_save_cb, NULL);
        }
    }

  for (;;)
    {
      guint i = g_rand_int_range (rand, 0, N_URLS);
      g_autoptr(BulletinArticle) article = make_article (i, base);
      const char *url = bulletin_article_get_url (article);

      if (bulletin_bookmarks_contains (bookmarks, url))
        {
          bulletin_bookmarks_remove (bookmarks, url);
          bulletin_library_remove (library, url, NULL);
        }
      else
        {
          bulletin_bookmarks_add (bookmarks, article, "crash-test");
          in_flight++;
          bulletin_library_save_async (library, client, article, NULL, child_save_cb, NULL);
        }

      while (in_flight >= MAX_IN_FLIGHT)
        g_main_context_iteration (NULL, TRUE);
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }

  return 0;
}

/* The parent */

typedef struct
{
  guint complete;
  guint missing;
} Tally;

static void
check_state (const char *dir,
             Tally      *tally)
{
  g_autoptr(GSettings) settings = open_settings (dir);
  g_autoptr(BulletinBookmarks) bookmarks = bulletin_bookmarks_new (settings);
  g_autoptr(BulletinLibrary) library = open_library (dir);
  g_autoptr(GHashTable) missing_set = g_hash_table_new (g_str_hash, g_str_equal);
  g_auto(GStrv) missing = bulletin_library_missing (library, bookmarks);
  g_autoptr(GDir) saved = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (bookmarks));
  const char *name;

  for (guint i = 0; missing[i] != NULL; i++)
    g_hash_table_add (missing_set, missing[i]);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BulletinArticle) stub = g_list_model_get_item (G_LIST_MODEL (bookmarks), i);
      const char *url = bulletin_article_get_url (stub);
      g_autoptr(BulletinArticle) loaded = NULL;
      g_autoptr(GError) error = NULL;

      if (g_hash_table_contains (missing_set, url))
        {
          g_assert_false (bulletin_library_contains (library, url));
          tally->missing++;
          continue;
        }

      loaded = bulletin_library_load (library, url, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (bulletin_article_get_url (loaded), ==, url);
      /* Complete means with its images. */
      g_assert_true (g_str_has_prefix (bulletin_article_get_image (loaded), "data:image/png;base64,"));
      g_assert_null (strstr (bulletin_article_get_body (loaded), "http://127.0.0.1"));
      tally->complete++;
    }

  /* Every article file parses, bookmarked or not. */
  saved = g_dir_open (bulletin_library_get_dir (library), 0, NULL);
  while (saved != NULL && (name = g_dir_read_name (saved)) != NULL)
    {
      g_autofree char *path = g_build_filename (bulletin_library_get_dir (library), name, "article.json", NULL);
      g_autofree char *corrupt = g_strconcat (path, ".corrupt", NULL);
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;

      g_assert_false (g_file_test (corrupt, G_FILE_TEST_EXISTS));
      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        continue;
      json_parser_load_from_file (parser, path, &error);
      g_assert_no_error (error);
    }
}

static void
child_exited_cb (GPid     pid,
                 int      status,
                 gpointer user_data)
{
  int *out = user_data;

  *out = status;
  g_spawn_close_pid (pid);
}

static gboolean
kill_cb (gpointer user_data)
{
  GPid pid = GPOINTER_TO_INT (user_data);

  kill (pid, SIGKILL);

  return G_SOURCE_REMOVE;
}

static void
repair_save_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  guint *pending = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (bulletin_library_save_finish (BULLETIN_LIBRARY (object), result, &error));
  g_assert_no_error (error);
  (*pending)--;
}

static void
test_library_crash (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "crash", NULL);
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autoptr(GRand) rand = g_rand_new ();
  Tally tally = { 0 };

  g_assert_nonnull (self);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);

  for (guint round = 0; round < N_KILLS; round++)
    {
      const char *argv[] = { self, "--child", dir, NULL };
      g_autoptr(GError) error = NULL;
      int status = -1;
      GPid pid;

      g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                     NULL, NULL, &pid, &error);
      g_assert_no_error (error);
      g_child_watch_add (pid, child_exited_cb, &status);
      g_timeout_add (g_rand_int_range (rand, 10, 200), kill_cb, GINT_TO_POINTER (pid));

      while (status == -1)
        g_main_context_iteration (NULL, TRUE);

      /* Killed, not crashed on its own. */
      g_assert_true (WIFSIGNALED (status));
      g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);

      check_state (dir, &tally);
    }

  g_test_message ("%u bookmarks found complete and %u reported missing over %u kills",
                  tally.complete, tally.missing, N_KILLS);
  /* The kills came both between and during saves. */
  g_assert_cmpuint (tally.complete, >, 0);

  /* The repair: save what is missing, then nothing is. */
  {
    g_autoptr(GSettings) settings = open_settings (dir);
    g_autoptr(BulletinBookmarks) bookmarks = bulletin_bookmarks_new (settings);
    g_autoptr(BulletinLibrary) library = open_library (dir);
    g_autofree char *cache = g_build_filename (dir, "cache", NULL);
    g_autoptr(BulletinClient) client = bulletin_client_new (cache);
    g_autofree char *base = NULL;
    g_autoptr(SoupServer) server = start_server (&base);
    g_auto(GStrv) missing = bulletin_library_missing (library, bookmarks);
    g_auto(GStrv) still_missing = NULL;
    guint pending = 0;

    for (guint i = 0; missing[i] != NULL; i++)
      {
        g_autoptr(BulletinArticle) article = NULL;
        guint n;

        g_assert_cmpint (sscanf (missing[i], "https://news.example/article/%u", &n), ==, 1);
        article = make_article (n, base);
        pending++;
        bulletin_library_save_async (library, client, article, NULL, repair_save_cb, &pending);
      }
    while (pending > 0)
      g_main_context_iteration (NULL, TRUE);

    still_missing = bulletin_library_missing (library, bookmarks);
    g_assert_cmpuint (g_strv_length (still_missing), ==, 0);
    soup_server_disconnect (server);
  }

  check_state (dir, &(Tally) { 0 });
}

int
main (int   argc,
      char *argv[])
{
  /* The isolated XDG dirs hide GNOME's proxy schema; no proxy is needed. */
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);

  if (argc == 3 && g_str_equal (argv[1], "--child"))
    return run_child (argv[2]);

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/library/crash", test_library_crash);

  return g_test_run ();
}
