/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-library"

#include "config.h"

#include <utime.h>
#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>

#include "bulletin-core.h"
#include "test-utils.h"

/* A saved article read back with the server gone: its images must come
 * from the library as data: URIs. The server is a SoupServer on
 * 127.0.0.1 serving tiny images.
 */

static const guint8 png_a[] = {
  0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 'a'
};
static const guint8 png_b[] = {
  0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 'b', 'b'
};
static const guint8 jpeg[] = { 0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0 };
static const char svg[] = "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\"/>";

typedef struct
{
  SoupServer *server;
  char       *base;
  GHashTable *requests;   /* path -> count */
  GPtrArray  *paused;     /* SoupServerMessage held by /slow */
} Server;

static void
server_cb (SoupServer        *soup_server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  Server *server = user_data;
  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (server->requests, path));

  g_hash_table_insert (server->requests, g_strdup (path), GUINT_TO_POINTER (count + 1));

  if (g_str_has_suffix (path, "/a.png") || g_str_has_prefix (path, "/img/"))
    {
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "image/png", SOUP_MEMORY_STATIC, (const char *) png_a, sizeof png_a);
    }
  else if (g_str_has_suffix (path, "/b.png") || g_str_equal (path, "/hero.png"))
    {
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "image/png", SOUP_MEMORY_STATIC, (const char *) png_b, sizeof png_b);
    }
  else if (g_str_equal (path, "/photo.jpg"))
    {
      /* Mislabelled: the bytes decide. */
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "application/octet-stream", SOUP_MEMORY_STATIC, (const char *) jpeg, sizeof jpeg);
    }
  else if (g_str_equal (path, "/drawing.svg"))
    {
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "image/svg+xml", SOUP_MEMORY_STATIC, svg, strlen (svg));
    }
  else if (g_str_equal (path, "/not-an-image.png"))
    {
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "image/png", SOUP_MEMORY_STATIC, "<html>nope</html>", 17);
    }
  else if (g_str_equal (path, "/slow.png"))
    {
      soup_server_message_pause (msg);
      g_ptr_array_add (server->paused, g_object_ref (msg));
    }
  else
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
    }
}

static Server *
server_new (void)
{
  Server *server = g_new0 (Server, 1);
  g_autoptr(GError) error = NULL;
  GSList *uris;

  server->server = soup_server_new (NULL, NULL);
  server->requests = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  server->paused = g_ptr_array_new_with_free_func (g_object_unref);
  soup_server_add_handler (server->server, NULL, server_cb, server, NULL);
  soup_server_listen_local (server->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);

  uris = soup_server_get_uris (server->server);
  g_assert_nonnull (uris);
  server->base = g_uri_to_string_partial (uris->data, G_URI_HIDE_PASSWORD);
  if (g_str_has_suffix (server->base, "/"))
    server->base[strlen (server->base) - 1] = '\0';
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  return server;
}

static void
server_free (Server *server)
{
  for (guint i = 0; i < server->paused->len; i++)
    {
      SoupServerMessage *msg = g_ptr_array_index (server->paused, i);

      soup_server_message_set_status (msg, SOUP_STATUS_SERVICE_UNAVAILABLE, NULL);
      soup_server_message_unpause (msg);
    }
  g_ptr_array_unref (server->paused);
  soup_server_disconnect (server->server);
  g_object_unref (server->server);
  g_hash_table_unref (server->requests);
  g_free (server->base);
  g_free (server);
}

static guint
server_requests (Server     *server,
                 const char *path)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (server->requests, path));
}

static char *
server_url (Server     *server,
            const char *path)
{
  return g_strconcat (server->base, path, NULL);
}

typedef struct
{
  gboolean  done;
  gboolean  ok;
  GError   *error;
  GArray   *fractions;
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

static void
progress_cb (BulletinLibrary *library,
             const char      *url,
             double           fraction,
             SaveResult      *r)
{
  g_array_append_val (r->fractions, fraction);
}

static gboolean
save_sync (BulletinLibrary  *library,
           BulletinClient   *client,
           BulletinArticle  *article,
           GArray          **fractions,
           GError          **error)
{
  SaveResult r = { FALSE, FALSE, NULL, g_array_new (FALSE, FALSE, sizeof (double)) };
  gulong id = g_signal_connect (library, "save-progress", G_CALLBACK (progress_cb), &r);

  bulletin_library_save_async (library, client, article, NULL, save_cb, &r);
  while (!r.done)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (library, id);

  if (fractions != NULL)
    *fractions = g_steal_pointer (&r.fractions);
  g_clear_pointer (&r.fractions, g_array_unref);
  if (r.error != NULL)
    g_propagate_error (error, r.error);

  return r.ok;
}

static BulletinClient *
new_client (void)
{
  g_autofree char *cache = g_build_filename (g_get_user_cache_dir (), "http", NULL);

  return bulletin_client_new (cache);
}

static BulletinLibrary *
new_library (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "bulletin", "saved", NULL);

  return bulletin_library_new (dir);
}

static BulletinArticle *
make_article (Server     *server,
              const char *path)
{
  BulletinArticle *article = bulletin_article_new ();
  g_autofree char *url = server_url (server, path);
  g_autofree char *hero = server_url (server, "/hero.png");
  g_autofree char *b = server_url (server, "/b.png");
  g_autofree char *body = g_strdup_printf (
    "<p>First paragraph &amp; more.</p>"
    "<figure><img src=\"a.png\" srcset=\"a.png 1x, big.png 2x\" alt=\"A\"><figcaption>Caption</figcaption></figure>"
    "<h2>Subheading</h2>"
    "<p>Text <img src=\"%s\" alt=\"B\"> inline.</p>"
    "<img src=\"/photo.jpg\"><img src=\"/drawing.svg\">"
    "<img src=\"/missing.png\"><img src=\"/not-an-image.png\">"
    "<img src=\"file:///etc/passwd\">"
    "<img src=\"data:image/png;base64,iVBORw0KGgo=\">"
    "<p>الفقرة الأخيرة</p>", b);
  const char *gallery[] = { "/img/g1.png", "/img/g2.png", NULL };

  bulletin_article_set_url (article, url);
  bulletin_article_set_title (article, "A saved article");
  bulletin_article_set_section (article, "politics");
  bulletin_article_set_image (article, hero);
  bulletin_article_set_body (article, body);
  bulletin_article_set_gallery (article, gallery);

  return article;
}

static char *
data_uri (const guint8 *data,
          gsize         length,
          const char   *type)
{
  g_autofree char *encoded = g_base64_encode (data, length);

  return g_strconcat ("data:", type, ";base64,", encoded, NULL);
}

static void
test_library_save_load (void)
{
  Server *server = server_new ();
  g_autoptr(BulletinClient) client = new_client ();
  g_autoptr(BulletinLibrary) library = new_library ();
  g_autoptr(BulletinArticle) article = make_article (server, "/news/politics/story");
  g_autoptr(BulletinArticle) loaded = NULL;
  g_autoptr(GArray) fractions = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = g_strdup (bulletin_article_get_url (article));
  g_autofree char *a_uri = data_uri (png_a, sizeof png_a, "image/png");
  g_autofree char *b_uri = data_uri (png_b, sizeof png_b, "image/png");
  g_autofree char *jpeg_uri = data_uri (jpeg, sizeof jpeg, "image/jpeg");
  g_autofree char *svg_uri = data_uri ((const guint8 *) svg, strlen (svg), "image/svg+xml");
  g_autofree char *dir = bulletin_library_get_article_dir (library, url);
  g_autofree char *images = g_build_filename (dir, "images", NULL);
  g_autoptr(GDir) listing = NULL;
  const char * const *gallery;
  const char *body;
  guint n_images = 0;

  g_assert_false (bulletin_library_contains (library, url));
  g_assert_cmpuint (bulletin_library_get_size (library), ==, 0);

  g_assert_true (save_sync (library, client, article, &fractions, &error));
  g_assert_no_error (error);
  g_assert_true (bulletin_library_contains (library, url));
  g_assert_cmpint (bulletin_library_get_saved_at (library, url), >, 0);

  /* Progress rises to exactly 1. */
  g_assert_cmpuint (fractions->len, >=, 2);
  for (guint i = 1; i < fractions->len; i++)
    g_assert_cmpfloat (g_array_index (fractions, double, i), >=, g_array_index (fractions, double, i - 1));
  g_assert_cmpfloat (g_array_index (fractions, double, fractions->len - 1), ==, 1.0);
  g_assert_cmpfloat (g_array_index (fractions, double, 0), <, 1.0);

  /* Hero, gallery (2, same bytes but distinct URLs), a, b, jpeg, svg. */
  listing = g_dir_open (images, 0, NULL);
  g_assert_nonnull (listing);
  while (g_dir_read_name (listing) != NULL)
    n_images++;
  g_assert_cmpuint (n_images, ==, 7);
  g_assert_cmpuint (server_requests (server, "/missing.png"), ==, 1);
  g_assert_cmpuint (bulletin_library_get_size (library), >, sizeof png_a + sizeof png_b + sizeof jpeg);

  /* Offline: the server is gone. */
  server_free (server);

  loaded = bulletin_library_load (library, url, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  g_assert_cmpstr (bulletin_article_get_title (loaded), ==, "A saved article");
  g_assert_cmpstr (bulletin_article_get_section (loaded), ==, "politics");
  g_assert_cmpstr (bulletin_article_get_image (loaded), ==, b_uri);

  gallery = bulletin_article_get_gallery (loaded);
  g_assert_nonnull (gallery);
  g_assert_cmpstr (gallery[0], ==, a_uri);
  g_assert_cmpstr (gallery[1], ==, a_uri);
  g_assert_null (gallery[2]);

  body = bulletin_article_get_body (loaded);
  g_assert_nonnull (strstr (body, "<p>First paragraph &amp; more.</p>"));
  g_assert_nonnull (strstr (body, "الفقرة الأخيرة"));
  g_assert_nonnull (strstr (body, "<figcaption>Caption</figcaption>"));
  g_assert_nonnull (strstr (body, a_uri));
  g_assert_nonnull (strstr (body, b_uri));
  g_assert_nonnull (strstr (body, jpeg_uri));
  g_assert_nonnull (strstr (body, svg_uri));
  g_assert_null (strstr (body, "srcset"));
  g_assert_null (strstr (body, "big.png"));
  g_assert_nonnull (strstr (body, "alt=\"A\""));
  /* What could not be saved keeps its address; nothing local came in. */
  g_assert_nonnull (strstr (body, "src=\"/missing.png\""));
  g_assert_nonnull (strstr (body, "src=\"/not-an-image.png\""));
  g_assert_nonnull (strstr (body, "src=\"file:///etc/passwd\""));
  g_assert_nonnull (strstr (body, "data:image/png;base64,iVBORw0KGgo="));
  g_assert_null (strstr (body, "root:"));
}

static void
load_async_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
test_library_load_async (void)
{
  Server *server = server_new ();
  g_autoptr(BulletinClient) client = new_client ();
  g_autoptr(BulletinLibrary) library = new_library ();
  g_autoptr(BulletinArticle) article = make_article (server, "/async");
  g_autoptr(BulletinArticle) loaded = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  const char *url = bulletin_article_get_url (article);

  g_assert_true (save_sync (library, client, article, NULL, &error));
  g_assert_no_error (error);
  server_free (server);

  bulletin_library_load_async (library, url, NULL, load_async_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  loaded = bulletin_library_load_finish (library, result, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (bulletin_article_get_image (loaded), "data:image/png;base64,"));
  g_clear_object (&result);

  bulletin_library_load_async (library, "https://example.org/never-saved", NULL, load_async_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (bulletin_library_load_finish (library, result, &error));
  g_assert_error (error, BULLETIN_ERROR, BULLETIN_ERROR_NOT_FOUND);
}

static void
test_library_not_saved (void)
{
  g_autoptr(BulletinLibrary) library = new_library ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BulletinArticle) article = NULL;

  g_assert_false (bulletin_library_contains (library, "https://example.org/x"));
  g_assert_cmpint (bulletin_library_get_saved_at (library, "https://example.org/x"), ==, 0);
  article = bulletin_library_load (library, "https://example.org/x", &error);
  g_assert_null (article);
  g_assert_error (error, BULLETIN_ERROR, BULLETIN_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (bulletin_library_remove (library, "https://example.org/x", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (bulletin_library_get_size (library), ==, 0);
  g_assert_cmpuint (bulletin_library_remove_older_than (library, 0, &error), ==, 0);
  g_assert_no_error (error);
}

static void
test_library_save_without_url (void)
{
  g_autoptr(BulletinClient) client = new_client ();
  g_autoptr(BulletinLibrary) library = new_library ();
  g_autoptr(BulletinArticle) article = bulletin_article_new ();
  g_autoptr(GError) error = NULL;

  bulletin_article_set_title (article, "No URL");
  g_assert_false (save_sync (library, client, article, NULL, &error));
  g_assert_error (error, BULLETIN_ERROR, BULLETIN_ERROR_INVALID_DATA);
}

static void
test_library_text_only (void)
{
  g_autoptr(BulletinClient) client = new_client ();
  g_autoptr(BulletinLibrary) library = new_library ();
  g_autoptr(BulletinArticle) article = bulletin_article_new ();
  g_autoptr(BulletinArticle) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) fractions = NULL;

  bulletin_article_set_url (article, "https://example.org/text");
  bulletin_article_set_title (article, "Only text");
  bulletin_article_set_body (article, "<p>No images at all.</p>");

  g_assert_true (save_sync (library, client, article, &fractions, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (g_array_index (fractions, double, fractions->len - 1), ==, 1.0);

  loaded = bulletin_library_load (library, "https://example.org/text", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bulletin_article_get_body (loaded), ==, "<p>No images at all.</p>");
}

/* A second save fetches only the images it lacks and drops those the
 * article no longer has.
 */
static void
test_library_resave (void)
{
  Server *server = server_new ();
  g_autoptr(BulletinClient) client = new_client ();
  g_autoptr(BulletinLibrary) library = new_library ();
  g_autoptr(BulletinArticle) article = make_article (server, "/resave");
  g_autoptr(BulletinArticle) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = bulletin_library_get_article_dir (library, bulletin_article_get_url (article));
  g_autofree char *images = g_build_filename (dir, "images", NULL);
  g_autoptr(GDir) listing = NULL;
  guint n_images = 0;

  g_assert_true (save_sync (library, client, article, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (server_requests (server, "/a.png"), ==, 1);

  bulletin_article_set_body (article, "<p>Shorter now <img src=\"/photo.jpg\"></p>");
  bulletin_article_set_gallery (article, NULL);
  g_assert_true (save_sync (library, client, article, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (server_requests (server, "/photo.jpg"), ==, 1);
  g_assert_cmpuint (server_requests (server, "/hero.png"), ==, 1);

  listing = g_dir_open (images, 0, NULL);
  while (g_dir_read_name (listing) != NULL)
    n_images++;
  g_assert_cmpuint (n_images, ==, 2);

  server_free (server);
  loaded = bulletin_library_load (library, bulletin_article_get_url (article), &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (bulletin_article_get_body (loaded), "data:image/jpeg;base64,"));
  g_assert_null (bulletin_article_get_gallery (loaded));
}

static void
changed_cb (BulletinLibrary *library,
            const char      *url,
            guint           *count)
{
  (*count)++;
}

static void
test_library_remove (void)
{
  Server *server = server_new ();
  g_autoptr(BulletinClient) client = new_client ();
  g_autoptr(BulletinLibrary) library = new_library ();
  g_autoptr(BulletinArticle) one = make_article (server, "/one");
  g_autoptr(BulletinArticle) two = make_article (server, "/two");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = bulletin_library_get_article_dir (library, bulletin_article_get_url (one));
  guint64 size_one;
  guint changes = 0;

  g_signal_connect (library, "changed", G_CALLBACK (changed_cb), &changes);
  g_assert_true (save_sync (library, client, one, NULL, &error));
  size_one = bulletin_library_get_size (library);
  g_assert_true (save_sync (library, client, two, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes, ==, 2);
  g_assert_cmpuint (bulletin_library_get_size (library), ==, 2 * size_one);

  g_assert_true (bulletin_library_remove (library, bulletin_article_get_url (one), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes, ==, 3);
  g_assert_false (bulletin_library_contains (library, bulletin_article_get_url (one)));
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));
  g_assert_true (bulletin_library_contains (library, bulletin_article_get_url (two)));
  g_assert_cmpuint (bulletin_library_get_size (library), ==, size_one);

  server_free (server);
}

/* A save stopped half-way, by removing the article while it is being saved
 * or by cancelling, leaves nothing behind.
 */
typedef enum
{
  INTERRUPT_BY_REMOVE,
  INTERRUPT_BY_CANCEL,
} Interrupt;

static void
test_library_interrupted_save (gconstpointer data)
{
  Interrupt interrupt = GPOINTER_TO_INT (data);
  Server *server = server_new ();
  g_autoptr(BulletinClient) client = new_client ();
  g_autoptr(BulletinLibrary) library = new_library ();
  g_autoptr(BulletinArticle) article = bulletin_article_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *url = server_url (server, interrupt == INTERRUPT_BY_REMOVE ? "/slow-article" : "/cancelled-article");
  SaveResult r = { 0 };

  bulletin_article_set_url (article, url);
  bulletin_article_set_body (article, "<p><img src=\"/slow.png\"></p>");
  bulletin_library_save_async (library, client, article,
                               interrupt == INTERRUPT_BY_CANCEL ? cancellable : NULL, save_cb, &r);

  while (server->paused->len == 0)
    g_main_context_iteration (NULL, TRUE);

  if (interrupt == INTERRUPT_BY_REMOVE)
    {
      g_assert_true (bulletin_library_remove (library, url, &error));
      g_assert_no_error (error);
    }
  else
    {
      g_cancellable_cancel (cancellable);
    }
  while (!r.done)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (r.ok);
  g_assert_error (r.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&r.error);
  g_assert_false (bulletin_library_contains (library, url));

  server_free (server);
}

static void
set_age (const char *path,
         guint       days)
{
  struct utimbuf times;

  times.actime = times.modtime = g_get_real_time () / G_USEC_PER_SEC - (gint64) days * 24 * 60 * 60 - 60;
  g_assert_cmpint (utime (path, &times), ==, 0);
}

static void
test_library_remove_older_than (void)
{
  Server *server = server_new ();
  g_autoptr(BulletinClient) client = new_client ();
  g_autoptr(BulletinLibrary) library = new_library ();
  g_autoptr(GError) error = NULL;
  const char *paths[] = { "/fresh", "/three-days", "/ten-days" };
  const guint ages[] = { 0, 3, 10 };
  g_autofree char *abandoned = g_build_filename (bulletin_library_get_dir (library),
                                                 "0000000000000000000000000000000000000000000000000000000000000000", NULL);
  g_autofree char *trash = g_build_filename (bulletin_library_get_dir (library), ".trash-left-over", NULL);
  g_autofree char *stranger = g_build_filename (bulletin_library_get_dir (library), "README", NULL);
  /* g_autofree on an array would free its first string only. */
  g_auto(GStrv) urls = g_new0 (char *, 4);

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(BulletinArticle) article = make_article (server, paths[i]);
      g_autofree char *dir = NULL;
      g_autofree char *file = NULL;

      urls[i] = g_strdup (bulletin_article_get_url (article));
      g_assert_true (save_sync (library, client, article, NULL, &error));
      g_assert_no_error (error);
      dir = bulletin_library_get_article_dir (library, urls[i]);
      file = g_build_filename (dir, "article.json", NULL);
      if (ages[i] > 0)
        set_age (file, ages[i]);
    }

  /* Leftovers of interrupted saves and removals, and a file of no concern. */
  g_assert_cmpint (g_mkdir_with_parents (abandoned, 0755), ==, 0);
  set_age (abandoned, 2);
  g_assert_cmpint (g_mkdir_with_parents (trash, 0755), ==, 0);
  g_assert_true (g_file_set_contents (stranger, "keep me", -1, NULL));

  g_assert_cmpuint (bulletin_library_remove_older_than (library, 7, &error), ==, 1);
  g_assert_no_error (error);
  g_assert_true (bulletin_library_contains (library, urls[0]));
  g_assert_true (bulletin_library_contains (library, urls[1]));
  g_assert_false (bulletin_library_contains (library, urls[2]));
  g_assert_false (g_file_test (abandoned, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (trash, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (stranger, G_FILE_TEST_EXISTS));

  g_assert_cmpuint (bulletin_library_remove_older_than (library, 2, &error), ==, 1);
  g_assert_true (bulletin_library_contains (library, urls[0]));
  g_assert_false (bulletin_library_contains (library, urls[1]));

  g_assert_cmpuint (bulletin_library_remove_older_than (library, 2, &error), ==, 0);
  g_assert_true (bulletin_library_contains (library, urls[0]));

  server_free (server);
}

static void
test_library_missing (void)
{
  Server *server = server_new ();
  g_autoptr(BulletinClient) client = new_client ();
  g_autoptr(BulletinLibrary) library = new_library ();
  g_autoptr(GSettingsBackend) backend = g_memory_settings_backend_new ();
  g_autoptr(GSettings) settings = g_settings_new_with_backend (APP_ID, backend);
  g_autoptr(BulletinBookmarks) bookmarks = bulletin_bookmarks_new (settings);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) missing = NULL;
  /* g_autofree on an array would free its first string only. */
  g_auto(GStrv) urls = g_new0 (char *, 4);

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *path = g_strdup_printf ("/m%u", i);
      g_autoptr(BulletinArticle) article = make_article (server, path);

      urls[i] = g_strdup (bulletin_article_get_url (article));
      bulletin_bookmarks_add (bookmarks, article, NULL);
      if (i == 1)
        {
          g_assert_true (save_sync (library, client, article, NULL, &error));
          g_assert_no_error (error);
        }
    }

  missing = bulletin_library_missing (library, bookmarks);
  g_assert_cmpuint (g_strv_length (missing), ==, 2);
  /* In the order of the bookmarks: newest first. */
  g_assert_cmpstr (missing[0], ==, urls[2]);
  g_assert_cmpstr (missing[1], ==, urls[0]);

  server_free (server);
}

static char *
article_file (BulletinLibrary *library,
              const char      *url)
{
  g_autofree char *dir = bulletin_library_get_article_dir (library, url);

  return g_build_filename (dir, "article.json", NULL);
}

/* Writes @contents as the saved file of @url, loads it, and checks that a
 * failure set the file aside cleanly and left the rest of the library
 * readable.
 */
static void
check_damaged (BulletinLibrary *library,
               const char      *url,
               const char      *other_url,
               const char      *contents,
               gsize            length)
{
  g_autofree char *path = article_file (library, url);
  g_autofree char *corrupt = g_strconcat (path, ".corrupt", NULL);
  g_autoptr(BulletinArticle) article = NULL;
  g_autoptr(BulletinArticle) other = NULL;
  g_autoptr(GError) error = NULL;

  g_unlink (corrupt);
  /* No fsync: thousands of these (and GLib 2.74 does not truncate
   * without G_FILE_SET_CONTENTS_CONSISTENT, hence the unlink).
   */
  g_unlink (path);
  g_assert_true (g_file_set_contents_full (path, contents, length, G_FILE_SET_CONTENTS_NONE, 0644, NULL));

  article = bulletin_library_load (library, url, &error);
  if (article != NULL)
    {
      /* Damage JSON can absorb (a changed letter in a string) loads as
       * the same article.
       */
      g_assert_no_error (error);
      g_assert_cmpstr (bulletin_article_get_url (article), ==, url);
      g_assert_true (bulletin_library_contains (library, url));
    }
  else
    {
      g_assert_error (error, BULLETIN_ERROR, BULLETIN_ERROR_INVALID_DATA);
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
      g_assert_true (g_file_test (corrupt, G_FILE_TEST_IS_REGULAR));
      g_assert_false (bulletin_library_contains (library, url));
      g_clear_error (&error);
    }

  other = bulletin_library_load (library, other_url, &error);
  g_assert_no_error (error);
  g_assert_nonnull (other);
}

static void
test_library_corrupt (void)
{
  Server *server = server_new ();
  g_autoptr(BulletinClient) client = new_client ();
  g_autoptr(BulletinLibrary) library = new_library ();
  g_autoptr(BulletinArticle) article = make_article (server, "/corrupt");
  g_autoptr(BulletinArticle) other = make_article (server, "/intact");
  g_autoptr(GSettingsBackend) backend = g_memory_settings_backend_new ();
  g_autoptr(GSettings) settings = g_settings_new_with_backend (APP_ID, backend);
  g_autoptr(BulletinBookmarks) bookmarks = bulletin_bookmarks_new (settings);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *path = NULL;
  const char *url = bulletin_article_get_url (article);
  const char *other_url = bulletin_article_get_url (other);
  gsize length;
  guint set_aside = 0;

  g_assert_true (save_sync (library, client, article, NULL, &error));
  g_assert_true (save_sync (library, client, other, NULL, &error));
  g_assert_no_error (error);
  server_free (server);
  bulletin_bookmarks_add (bookmarks, article, NULL);
  bulletin_bookmarks_add (bookmarks, other, NULL);

  path = article_file (library, url);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 500);

  /* Cut at every byte. */
  for (gsize cut = 0; cut < length; cut++)
    {
      check_damaged (library, url, other_url, contents, cut);
      if (bulletin_library_contains (library, url))
        g_error ("Cut at %" G_GSIZE_FORMAT " of %" G_GSIZE_FORMAT " loaded: %.*s", cut, length, (int) cut, contents);
    }

  /* Every byte overwritten in turn with bytes that break JSON or UTF-8. */
  for (gsize i = 0; i < length; i++)
    {
      const char junk[] = { '}', '"', '\0', '\xff' };
      g_autofree char *damaged = g_memdup2 (contents, length);

      damaged[i] = junk[i % G_N_ELEMENTS (junk)];
      check_damaged (library, url, other_url, damaged, length);
      if (!bulletin_library_contains (library, url))
        set_aside++;
    }
  g_assert_cmpuint (set_aside, >, 0);

  /* The damaged article is reported for a new save. */
  {
    g_auto(GStrv) missing = NULL;

    g_unlink (path);
    missing = bulletin_library_missing (library, bookmarks);
    g_assert_cmpuint (g_strv_length (missing), ==, 1);
    g_assert_cmpstr (missing[0], ==, url);
  }
}

/* Well-formed files that lie: another URL, a newer format, images that
 * point out of the article's folder.
 */
static const char *hostile_manifests[] = {
  "{}",
  "[]",
  "null",
  "{\"format\": 1, \"url\": \"https://elsewhere.example/\", \"article\": {\"url\": \"https://elsewhere.example/\"}}",
  "{\"format\": 2, \"url\": \"@URL@\", \"article\": {\"url\": \"@URL@\"}}",
  "{\"format\": 1, \"url\": \"@URL@\"}",
  "{\"format\": 1, \"url\": \"@URL@\", \"article\": \"text\"}",
  "{\"format\": 1, \"url\": \"@URL@\", \"article\": {\"url\": \"https://elsewhere.example/\"}}",
};

static void
test_library_hostile_manifest (void)
{
  g_autoptr(BulletinClient) client = new_client ();
  g_autoptr(BulletinLibrary) library = new_library ();
  g_autoptr(BulletinArticle) article = bulletin_article_new ();
  g_autoptr(BulletinArticle) other = bulletin_article_new ();
  g_autoptr(BulletinArticle) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *secret = g_build_filename (g_get_user_data_dir (), "secret.png", NULL);
  g_autofree char *manifest = NULL;
  const char *url = "https://example.org/hostile";

  bulletin_article_set_url (article, url);
  bulletin_article_set_body (article, "<p>x</p>");
  bulletin_article_set_url (other, "https://example.org/other");
  g_assert_true (save_sync (library, client, article, NULL, &error));
  g_assert_true (save_sync (library, client, other, NULL, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (hostile_manifests); i++)
    {
      g_autoptr(GString) text = g_string_new (hostile_manifests[i]);

      g_string_replace (text, "@URL@", url, 0);
      check_damaged (library, url, "https://example.org/other", text->str, text->len);
      g_assert_false (bulletin_library_contains (library, url));
    }

  /* Images outside the folder are never read. */
  g_assert_true (g_file_set_contents (secret, (const char *) png_a, sizeof png_a, NULL));
  manifest = g_strdup_printf ("{\"format\": 1, \"url\": \"%s\", \"article\": {\"url\": \"%s\", \"image\": \"https://example.org/i.png\"},"
                              " \"images\": [{\"url\": \"https://example.org/i.png\", \"file\": \"images/../../../secret.png\", \"type\": \"image/png\"},"
                              " {\"url\": \"https://example.org/i.png\", \"file\": \"%s\", \"type\": \"image/png\"}, 7, null]}",
                              url, url, secret);
  {
    g_autofree char *path = article_file (library, url);

    g_assert_true (g_file_set_contents (path, manifest, -1, NULL));
  }
  loaded = bulletin_library_load (library, url, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bulletin_article_get_image (loaded), ==, "https://example.org/i.png");
}

int
main (int   argc,
      char *argv[])
{
  test_utils_init (&argc, &argv);

  g_test_add_func ("/library/save-load", test_library_save_load);
  g_test_add_func ("/library/load-async", test_library_load_async);
  g_test_add_func ("/library/not-saved", test_library_not_saved);
  g_test_add_func ("/library/save-without-url", test_library_save_without_url);
  g_test_add_func ("/library/text-only", test_library_text_only);
  g_test_add_func ("/library/resave", test_library_resave);
  g_test_add_func ("/library/remove", test_library_remove);
  g_test_add_data_func ("/library/remove-during-save", GINT_TO_POINTER (INTERRUPT_BY_REMOVE), test_library_interrupted_save);
  g_test_add_data_func ("/library/cancel", GINT_TO_POINTER (INTERRUPT_BY_CANCEL), test_library_interrupted_save);
  g_test_add_func ("/library/remove-older-than", test_library_remove_older_than);
  g_test_add_func ("/library/missing", test_library_missing);
  g_test_add_func ("/library/corrupt", test_library_corrupt);
  g_test_add_func ("/library/hostile-manifest", test_library_hostile_manifest);

  return g_test_run ();
}
