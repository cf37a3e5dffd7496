/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-save-queue"

#include "config.h"

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>
#include <libsoup/soup.h>

#include "bulletin-atomic-file.h"
#include "bulletin-core.h"
#include "test-utils.h"

/* BulletinSaveQueue against a SoupServer on 127.0.0.1 whose images can be
 * held back, and bulletin_bookmarks_restore(), the undo of a removal. */

static const guint8 png[] = {
  0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 'q'
};

typedef struct
{
  SoupServer       *server;
  char             *base;
  gboolean          hold;
  GPtrArray        *held;
  char             *dir;
  BulletinLibrary  *library;
  BulletinClient   *client;
  GPtrArray        *finished;   /* "url error-code" in order */
} Fixture;

static void
server_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  Fixture *fixture = user_data;

  if (g_str_has_prefix (path, "/img/") && fixture->hold)
    {
      soup_server_message_pause (msg);
      g_ptr_array_add (fixture->held, g_object_ref (msg));
    }
  else if (g_str_has_prefix (path, "/img/"))
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
release (Fixture *fixture)
{
  fixture->hold = FALSE;
  for (guint i = 0; i < fixture->held->len; i++)
    {
      SoupServerMessage *msg = g_ptr_array_index (fixture->held, i);

      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "image/png", SOUP_MEMORY_STATIC, (const char *) png, sizeof png);
      soup_server_message_unpause (msg);
    }
  g_ptr_array_set_size (fixture->held, 0);
}

static void
finished_cb (BulletinSaveQueue *queue,
             const char        *url,
             const GError      *error,
             Fixture           *fixture)
{
  g_ptr_array_add (fixture->finished, g_strdup_printf ("%s %d", strrchr (url, '/') + 1,
                                                       error != NULL ? error->code : -1));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GSList *uris;

  fixture->held = g_ptr_array_new_with_free_func (g_object_unref);
  fixture->finished = g_ptr_array_new_with_free_func (g_free);
  fixture->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (fixture->server, NULL, server_cb, fixture, NULL);
  soup_server_listen_local (fixture->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (fixture->server);
  fixture->base = g_uri_to_string_partial (uris->data, G_URI_HIDE_PASSWORD);
  fixture->base[strlen (fixture->base) - 1] = '\0';
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  fixture->dir = g_dir_make_tmp ("test-save-queue-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->library = bulletin_library_new (fixture->dir);
  fixture->client = test_utils_new_client ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  release (fixture);
  g_clear_object (&fixture->client);
  g_clear_object (&fixture->library);
  g_clear_object (&fixture->server);
  bulletin_remove_tree (fixture->dir, NULL);
  g_free (fixture->dir);
  g_free (fixture->base);
  g_ptr_array_unref (fixture->held);
  g_ptr_array_unref (fixture->finished);
}

static BulletinArticle *
article_new (Fixture    *fixture,
             const char *name,
             gboolean    with_body)
{
  BulletinArticle *article = bulletin_article_new ();
  g_autofree char *url = g_strdup_printf ("%s/news/%s", fixture->base, name);
  g_autofree char *body = g_strdup_printf ("<p>Story %s.</p><p><img src=\"%s/img/%s.png\"></p>",
                                           name, fixture->base, name);

  bulletin_article_set_url (article, url);
  bulletin_article_set_title (article, name);
  if (with_body)
    bulletin_article_set_body (article, body);

  return article;
}

static void
spin_until (gboolean (*done) (Fixture *), Fixture *fixture)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!done (fixture))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

static guint expected_held;

static gboolean
held_enough (Fixture *fixture)
{
  return fixture->held->len >= expected_held;
}

static guint expected_finished;

static gboolean
finished_enough (Fixture *fixture)
{
  return fixture->finished->len >= expected_finished;
}

static void
test_bounded (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(BulletinSaveQueue) queue = bulletin_save_queue_new (fixture->library, fixture->client, 2);
  const char *names[] = { "a", "b", "c", "d", "e" };

  g_signal_connect (queue, "finished", G_CALLBACK (finished_cb), fixture);
  fixture->hold = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(BulletinArticle) article = article_new (fixture, names[i], TRUE);

      bulletin_save_queue_add (queue, article, FALSE);
      /* Twice is once */
      bulletin_save_queue_add (queue, article, FALSE);
    }
  g_assert_cmpuint (bulletin_save_queue_get_n_pending (queue), ==, 5);

  /* Two at a time, whatever the wait */
  expected_held = 2;
  spin_until (held_enough, fixture);
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (bulletin_save_queue_get_n_running (queue), ==, 2);
  g_assert_cmpuint (fixture->held->len, ==, 2);
  g_assert_cmpfloat (bulletin_save_queue_get_progress (queue, "nowhere"), ==, -1);

  release (fixture);
  expected_finished = 5;
  spin_until (finished_enough, fixture);
  g_assert_cmpuint (bulletin_save_queue_get_n_pending (queue), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *url = g_strdup_printf ("%s/news/%s", fixture->base, names[i]);
      g_autofree char *line = g_strdup_printf ("%s -1", names[i]);

      guint index;

      /* Two at a time end in either order; each ends once, saved */
      g_assert_true (bulletin_library_contains (fixture->library, url));
      g_assert_true (g_ptr_array_find_with_equal_func (fixture->finished, line, g_str_equal, &index));
    }
}

static void
test_urgent_and_cancel (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(BulletinSaveQueue) queue = bulletin_save_queue_new (fixture->library, fixture->client, 1);
  g_autoptr(BulletinArticle) a = article_new (fixture, "a", TRUE);
  g_autoptr(BulletinArticle) b = article_new (fixture, "b", TRUE);
  g_autoptr(BulletinArticle) c = article_new (fixture, "c", TRUE);
  g_autoptr(BulletinArticle) d = article_new (fixture, "d", TRUE);

  g_signal_connect (queue, "finished", G_CALLBACK (finished_cb), fixture);
  fixture->hold = TRUE;

  bulletin_save_queue_add (queue, a, FALSE);
  bulletin_save_queue_add (queue, b, FALSE);
  bulletin_save_queue_add (queue, c, TRUE);
  bulletin_save_queue_add (queue, d, FALSE);
  g_assert_cmpuint (bulletin_save_queue_get_n_running (queue), ==, 1);

  /* A waiting one cancelled ends at once */
  g_assert_true (bulletin_save_queue_cancel (queue, bulletin_article_get_url (d)));
  g_assert_cmpuint (fixture->finished->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (fixture->finished, 0), ==, "d 19");   /* G_IO_ERROR_CANCELLED */
  g_assert_false (bulletin_save_queue_contains (queue, bulletin_article_get_url (d)));

  /* The reader's own goes before those waiting */
  expected_held = 1;
  spin_until (held_enough, fixture);
  release (fixture);
  expected_finished = 4;
  spin_until (finished_enough, fixture);
  g_assert_cmpstr (g_ptr_array_index (fixture->finished, 1), ==, "a -1");
  g_assert_cmpstr (g_ptr_array_index (fixture->finished, 2), ==, "c -1");
  g_assert_cmpstr (g_ptr_array_index (fixture->finished, 3), ==, "b -1");
  g_assert_false (bulletin_library_contains (fixture->library, bulletin_article_get_url (d)));
}

static void
test_stub_without_page (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(BulletinSaveQueue) queue = bulletin_save_queue_new (fixture->library, fixture->client, 2);
  g_autoptr(BulletinArticle) stub = article_new (fixture, "gone", FALSE);

  g_signal_connect (queue, "finished", G_CALLBACK (finished_cb), fixture);

  /* Its page is a 404: nothing is saved, and the stub stays a stub */
  bulletin_save_queue_add (queue, stub, FALSE);
  expected_finished = 1;
  spin_until (finished_enough, fixture);
  g_assert_cmpstr (g_ptr_array_index (fixture->finished, 0), !=, "gone -1");
  g_assert_false (bulletin_library_contains (fixture->library, bulletin_article_get_url (stub)));
  g_assert_false (bulletin_article_has_body (stub));
}

static void
test_dispose_while_saving (Fixture       *fixture,
                           gconstpointer  data)
{
  BulletinSaveQueue *queue = bulletin_save_queue_new (fixture->library, fixture->client, 2);
  g_autoptr(BulletinArticle) a = article_new (fixture, "a", TRUE);

  fixture->hold = TRUE;
  bulletin_save_queue_add (queue, a, FALSE);
  expected_held = 1;
  spin_until (held_enough, fixture);

  /* The callbacks to come find no queue, and nothing crashes */
  g_object_unref (queue);
  release (fixture);
  for (guint i = 0; i < 200 && bulletin_library_contains (fixture->library, "x") == FALSE; i++)
    g_main_context_iteration (NULL, FALSE);
}

static void
test_restore (void)
{
  g_autoptr(GSettingsBackend) backend = g_memory_settings_backend_new ();
  g_autoptr(GSettings) settings = g_settings_new_with_backend ("io.github.bulletinapp.Bulletin", backend);
  g_autoptr(BulletinBookmarks) bookmarks = bulletin_bookmarks_new (settings);
  g_autoptr(BulletinArticle) stub = NULL;
  g_autoptr(BulletinArticle) first = NULL;
  const char *json =
    "{\"bookmarks\": ["
    "{\"url\": \"https://example.com/a\", \"title\": \"A\", \"edition\": \"demo\", \"saved_at\": 1000,"
    " \"published\": \"2025-01-01T00:00:00Z\"},"
    "{\"url\": \"https://example.com/b\", \"title\": \"B\", \"edition\": \"demo\", \"saved_at\": 2000},"
    "{\"url\": \"https://example.com/c\", \"title\": \"C\", \"saved_at\": 3000}"
    "]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  GDateTime *published;

  g_assert_true (bulletin_bookmarks_import_bytes (bookmarks, bytes, NULL, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (bookmarks)), ==, 3);

  /* Removed, then put back where its time places it, with that time */
  stub = g_object_ref (bulletin_bookmarks_lookup (bookmarks, "https://example.com/a"));
  g_assert_true (bulletin_bookmarks_remove (bookmarks, "https://example.com/a"));
  g_assert_true (bulletin_bookmarks_restore (bookmarks, stub, "demo"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (bookmarks)), ==, 3);
  g_assert_cmpint (bulletin_bookmarks_get_saved_at (bookmarks, "https://example.com/a"), ==, 1000);
  g_assert_cmpstr (bulletin_bookmarks_get_edition (bookmarks, "https://example.com/a"), ==, "demo");
  published = bulletin_article_get_published (bulletin_bookmarks_lookup (bookmarks, "https://example.com/a"));
  g_assert_nonnull (published);
  g_assert_cmpint (g_date_time_to_unix (published), ==, 1735689600);

  stub = (g_object_unref (stub), g_object_ref (bulletin_bookmarks_lookup (bookmarks, "https://example.com/b")));
  g_assert_true (bulletin_bookmarks_remove (bookmarks, "https://example.com/b"));
  g_assert_true (bulletin_bookmarks_restore (bookmarks, stub, NULL));
  first = g_list_model_get_item (G_LIST_MODEL (bookmarks), 1);
  g_assert_cmpstr (bulletin_article_get_url (first), ==, "https://example.com/b");

  /* Stored, and not twice */
  g_assert_false (bulletin_bookmarks_restore (bookmarks, stub, NULL));
  bulletin_bookmarks_flush (bookmarks);
  {
    g_autoptr(GVariant) value = g_settings_get_value (settings, "bookmarks");

    g_assert_cmpuint (g_variant_n_children (value), ==, 3);
  }
}

int
main (int   argc,
      char *argv[])
{
  test_utils_init (&argc, &argv);

  g_test_add ("/save-queue/bounded", Fixture, NULL, fixture_set_up, test_bounded, fixture_tear_down);
  g_test_add ("/save-queue/urgent-and-cancel", Fixture, NULL, fixture_set_up, test_urgent_and_cancel, fixture_tear_down);
  g_test_add ("/save-queue/stub-without-page", Fixture, NULL, fixture_set_up, test_stub_without_page, fixture_tear_down);
  g_test_add ("/save-queue/dispose-while-saving", Fixture, NULL, fixture_set_up, test_dispose_while_saving, fixture_tear_down);
  g_test_add_func ("/save-queue/bookmarks-restore", test_restore);

  return g_test_run ();
}
