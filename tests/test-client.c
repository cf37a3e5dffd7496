/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-client"

#include "config.h"

#include <string.h>
#include <libsoup/soup.h>

#include "bulletin-client.h"
#include "bulletin-error.h"
#include "fixture-server.h"
#include "test-utils.h"

static FixtureServer *server;

typedef struct
{
  gboolean  done;
  GBytes   *bytes;
  char     *content_type;
  char     *final_uri;
  gboolean  not_modified;
  GError   *error;
} Fetch;

static void
fetch_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  Fetch *fetch = user_data;

  fetch->bytes = bulletin_client_fetch_finish_full (BULLETIN_CLIENT (object), result,
                                                    &fetch->content_type, &fetch->final_uri,
                                                    &fetch->not_modified, &fetch->error);
  fetch->done = TRUE;
}

static void
fetch_clear (Fetch *fetch)
{
  g_clear_pointer (&fetch->bytes, g_bytes_unref);
  g_clear_pointer (&fetch->content_type, g_free);
  g_clear_pointer (&fetch->final_uri, g_free);
  g_clear_error (&fetch->error);
  fetch->done = FALSE;
  fetch->not_modified = FALSE;
}

static void
fetch_run (BulletinClient    *client,
           const char        *uri,
           BulletinFetchKind  kind,
           GCancellable      *cancellable,
           Fetch             *fetch)
{
  fetch_clear (fetch);
  bulletin_client_fetch_async (client, uri, kind, cancellable, fetch_cb, fetch);
  while (!fetch->done)
    g_main_context_iteration (NULL, TRUE);
}

static char *
expanded_file (const char *name)
{
  g_autofree char *text = fixture_read_data (name, NULL);
  g_auto(GStrv) parts = g_strsplit (text, "@BASE@", -1);

  return g_strjoinv (fixture_server_get_base (server), parts);
}

static void
test_client_feed (void)
{
  g_autoptr(BulletinClient) client = test_utils_new_client ();
  g_autofree char *uri = fixture_server_url (server, "/outlet/rss.xml");
  g_autofree char *expected = expanded_file ("rss.xml");
  g_autofree char *agent = NULL;
  g_autofree char *accept = NULL;
  Fetch fetch = { 0 };

  fetch_run (client, uri, BULLETIN_FETCH_FEED, NULL, &fetch);
  g_assert_no_error (fetch.error);
  g_assert_cmpmem (g_bytes_get_data (fetch.bytes, NULL), g_bytes_get_size (fetch.bytes),
                   expected, strlen (expected));
  g_assert_cmpstr (fetch.content_type, ==, "application/rss+xml; charset=utf-8");
  g_assert_cmpstr (fetch.final_uri, ==, uri);
  g_assert_false (fetch.not_modified);

  agent = fixture_server_get_last_header (server, "/outlet/rss.xml", "User-Agent");
  g_assert_cmpstr (agent, ==, "Bulletin/" PACKAGE_VERSION " (+https://github.com/bulletinapp/bulletin)");
  accept = fixture_server_get_last_header (server, "/outlet/rss.xml", "Accept");
  g_assert_nonnull (strstr (accept, "application/rss+xml"));

  fetch_clear (&fetch);
}

static void
test_client_conditional (void)
{
  g_autoptr(BulletinClient) client = test_utils_new_client ();
  g_autofree char *uri = fixture_server_url (server, "/outlet/cond.xml");
  g_autofree char *etag = NULL;
  Fetch fetch = { 0 };

  fixture_server_set_content (server, "/outlet/cond.xml", "application/rss+xml", "<rss>one</rss>", -1);
  fixture_server_reset_counts (server);

  fetch_run (client, uri, BULLETIN_FETCH_FEED, NULL, &fetch);
  g_assert_no_error (fetch.error);
  g_assert_false (fetch.not_modified);
  g_assert_cmpuint (fixture_server_get_requests (server, "/outlet/cond.xml"), ==, 1);
  g_assert_cmpuint (fixture_server_get_not_modified (server, "/outlet/cond.xml"), ==, 0);

  /* Unchanged: the server answers 304 and the kept copy comes back. */
  fetch_run (client, uri, BULLETIN_FETCH_FEED, NULL, &fetch);
  g_assert_no_error (fetch.error);
  g_assert_true (fetch.not_modified);
  g_assert_cmpmem (g_bytes_get_data (fetch.bytes, NULL), g_bytes_get_size (fetch.bytes), "<rss>one</rss>", 14);
  g_assert_cmpstr (fetch.content_type, ==, "application/rss+xml");
  g_assert_cmpuint (fixture_server_get_requests (server, "/outlet/cond.xml"), ==, 2);
  g_assert_cmpuint (fixture_server_get_not_modified (server, "/outlet/cond.xml"), ==, 1);
  etag = fixture_server_get_last_header (server, "/outlet/cond.xml", "If-None-Match");
  g_assert_nonnull (etag);

  /* A new client on the same cache directory (a new bulletin-cli run)
   * still asks conditionally.
   */
  {
    g_autoptr(BulletinClient) second = test_utils_new_client ();

    fetch_run (second, uri, BULLETIN_FETCH_FEED, NULL, &fetch);
    g_assert_no_error (fetch.error);
    g_assert_true (fetch.not_modified);
    g_assert_cmpuint (fixture_server_get_not_modified (server, "/outlet/cond.xml"), ==, 2);
  }

  /* Changed: a full 200 again. */
  fixture_server_set_content (server, "/outlet/cond.xml", "application/rss+xml", "<rss>two</rss>", -1);
  fetch_run (client, uri, BULLETIN_FETCH_FEED, NULL, &fetch);
  g_assert_no_error (fetch.error);
  g_assert_false (fetch.not_modified);
  g_assert_cmpmem (g_bytes_get_data (fetch.bytes, NULL), g_bytes_get_size (fetch.bytes), "<rss>two</rss>", 14);
  g_assert_cmpuint (fixture_server_get_not_modified (server, "/outlet/cond.xml"), ==, 2);

  /* Images are not kept: no conditional request for them. */
  fixture_server_set_content (server, "/outlet/cond.png", "image/png", "\x89PNG", 4);
  g_free (uri);
  uri = fixture_server_url (server, "/outlet/cond.png");
  fetch_run (client, uri, BULLETIN_FETCH_IMAGE, NULL, &fetch);
  g_assert_no_error (fetch.error);
  fetch_run (client, uri, BULLETIN_FETCH_IMAGE, NULL, &fetch);
  g_assert_no_error (fetch.error);
  g_assert_false (fetch.not_modified);
  g_assert_cmpuint (fixture_server_get_requests (server, "/outlet/cond.png"), ==, 2);
  g_assert_cmpuint (fixture_server_get_not_modified (server, "/outlet/cond.png"), ==, 0);

  fixture_server_clear_overrides (server);
  fetch_clear (&fetch);
}

typedef struct
{
  const char        *path;
  BulletinFetchKind  kind;
  int                code;
} FaultCase;

static const FaultCase fault_cases[] = {
  { "/fault/403", BULLETIN_FETCH_FEED, BULLETIN_ERROR_BLOCKED },
  { "/fault/404", BULLETIN_FETCH_PAGE, BULLETIN_ERROR_NOT_FOUND },
  { "/fault/410", BULLETIN_FETCH_PAGE, BULLETIN_ERROR_NOT_FOUND },
  { "/fault/500", BULLETIN_FETCH_FEED, BULLETIN_ERROR_SERVER },
  { "/fault/429-retry", BULLETIN_FETCH_FEED, BULLETIN_ERROR_BLOCKED },
  { "/fault/503-retry", BULLETIN_FETCH_FEED, BULLETIN_ERROR_SERVER },
  { "/fault/stall", BULLETIN_FETCH_FEED, BULLETIN_ERROR_TIMED_OUT },
  { "/fault/trickle", BULLETIN_FETCH_FEED, BULLETIN_ERROR_TIMED_OUT },
  { "/raw/stall", BULLETIN_FETCH_PAGE, BULLETIN_ERROR_TIMED_OUT },
  { "/raw/truncated", BULLETIN_FETCH_FEED, BULLETIN_ERROR_SERVER },
  { "/fault/huge", BULLETIN_FETCH_PAGE, BULLETIN_ERROR_TOO_LARGE },
  { "/fault/huge-chunked", BULLETIN_FETCH_PAGE, BULLETIN_ERROR_TOO_LARGE },
  { "/fault/gzip-bomb", BULLETIN_FETCH_FEED, BULLETIN_ERROR_TOO_LARGE },
  { "/fault/loop-a", BULLETIN_FETCH_FEED, BULLETIN_ERROR_REDIRECT },
  { "/fault/chain/0", BULLETIN_FETCH_FEED, BULLETIN_ERROR_REDIRECT },
  { "/fault/chain/15", BULLETIN_FETCH_FEED, BULLETIN_ERROR_REDIRECT },
  { "/fault/to-file", BULLETIN_FETCH_PAGE, BULLETIN_ERROR_REDIRECT },
  { "/fault/to-nowhere", BULLETIN_FETCH_PAGE, BULLETIN_ERROR_REDIRECT },
  { "/fault/image", BULLETIN_FETCH_FEED, BULLETIN_ERROR_NOT_A_FEED },
  { "/fault/image", BULLETIN_FETCH_PAGE, BULLETIN_ERROR_NOT_A_PAGE },
  { "/outlet/rss.xml", BULLETIN_FETCH_IMAGE, BULLETIN_ERROR_INVALID_DATA },
};

static void
test_client_fault (gconstpointer data)
{
  const FaultCase *test = data;
  g_autoptr(BulletinClient) client = test_utils_new_client ();
  g_autofree char *uri = fixture_server_url (server, test->path);
  Fetch fetch = { 0 };

  fetch_run (client, uri, test->kind, NULL, &fetch);
  g_assert_null (fetch.bytes);
  g_assert_error (fetch.error, BULLETIN_ERROR, test->code);
  g_test_message ("%s: %s", test->path, fetch.error->message);
  /* one line, for a person */
  g_assert_null (strchr (fetch.error->message, '\n'));
  g_assert_cmpuint (strlen (fetch.error->message), >, 10);
  fetch_clear (&fetch);
}

static void
test_client_redirects (void)
{
  g_autoptr(BulletinClient) client = test_utils_new_client ();
  g_autofree char *uri = fixture_server_url (server, "/fault/redirect-feed");
  g_autofree char *target = fixture_server_url (server, "/outlet/rss.xml");
  Fetch fetch = { 0 };

  fetch_run (client, uri, BULLETIN_FETCH_FEED, NULL, &fetch);
  g_assert_no_error (fetch.error);
  g_assert_cmpstr (fetch.final_uri, ==, target);

  /* chain/16 takes 5 redirects: the most allowed. */
  g_free (uri);
  uri = fixture_server_url (server, "/fault/chain/16");
  fetch_run (client, uri, BULLETIN_FETCH_FEED, NULL, &fetch);
  g_assert_no_error (fetch.error);
  g_assert_cmpstr (fetch.final_uri, ==, target);

  fetch_clear (&fetch);
}

static void
test_client_gzip (void)
{
  g_autoptr(BulletinClient) client = test_utils_new_client ();
  g_autofree char *uri = fixture_server_url (server, "/fault/gzip-feed");
  g_autofree char *expected = expanded_file ("rss.xml");
  Fetch fetch = { 0 };

  fetch_run (client, uri, BULLETIN_FETCH_FEED, NULL, &fetch);
  g_assert_no_error (fetch.error);
  g_assert_cmpmem (g_bytes_get_data (fetch.bytes, NULL), g_bytes_get_size (fetch.bytes),
                   expected, strlen (expected));
  fetch_clear (&fetch);
}

static void
test_client_cap_exact (void)
{
  g_autoptr(BulletinClient) client = test_utils_new_client ();
  g_autofree char *uri = fixture_server_url (server, "/outlet/rss.xml");
  g_autofree char *expected = expanded_file ("rss.xml");
  Fetch fetch = { 0 };

  /* The cap is inclusive: a body of exactly the cap passes, one byte less fails. */
  bulletin_client_set_max_size (client, BULLETIN_FETCH_FEED, strlen (expected));
  fetch_run (client, uri, BULLETIN_FETCH_FEED, NULL, &fetch);
  g_assert_no_error (fetch.error);

  bulletin_client_set_max_size (client, BULLETIN_FETCH_FEED, strlen (expected) - 1);
  fetch_run (client, uri, BULLETIN_FETCH_FEED, NULL, &fetch);
  g_assert_error (fetch.error, BULLETIN_ERROR, BULLETIN_ERROR_TOO_LARGE);

  fetch_clear (&fetch);
}

static void
test_client_retry_after (void)
{
  g_autoptr(BulletinClient) client = test_utils_new_client ();
  g_autofree char *limited = fixture_server_url (server, "/fault/429-retry");
  g_autofree char *feed = fixture_server_url (server, "/outlet/politics.xml");
  Fetch fetch = { 0 };

  fixture_server_reset_counts (server);

  fetch_run (client, limited, BULLETIN_FETCH_FEED, NULL, &fetch);
  g_assert_error (fetch.error, BULLETIN_ERROR, BULLETIN_ERROR_BLOCKED);
  g_assert_nonnull (strstr (fetch.error->message, "Try again after"));

  /* Until the time it named, the host is not asked again. */
  fetch_run (client, feed, BULLETIN_FETCH_FEED, NULL, &fetch);
  g_assert_error (fetch.error, BULLETIN_ERROR, BULLETIN_ERROR_BLOCKED);
  g_assert_cmpuint (fixture_server_get_requests (server, "/outlet/politics.xml"), ==, 0);

  bulletin_client_forget_retry_after (client);
  fetch_run (client, feed, BULLETIN_FETCH_FEED, NULL, &fetch);
  g_assert_no_error (fetch.error);
  g_assert_cmpuint (fixture_server_get_requests (server, "/outlet/politics.xml"), ==, 1);

  fetch_clear (&fetch);
}

static gboolean
cancel_cb (gpointer data)
{
  g_cancellable_cancel (data);
  return G_SOURCE_REMOVE;
}

static void
test_client_cancel (void)
{
  g_autoptr(BulletinClient) client = test_utils_new_client ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *stall = fixture_server_url (server, "/fault/stall");
  g_autofree char *feed = fixture_server_url (server, "/outlet/rss.xml");
  Fetch fetch = { 0 };

  g_cancellable_cancel (cancellable);
  fetch_run (client, feed, BULLETIN_FETCH_FEED, cancellable, &fetch);
  g_assert_error (fetch.error, BULLETIN_ERROR, BULLETIN_ERROR_CANCELLED);

  /* Cancelled while waiting: cancelled, not timed out. */
  g_cancellable_reset (cancellable);
  bulletin_client_set_timeout (client, 30);
  g_idle_add (cancel_cb, cancellable);
  fetch_run (client, stall, BULLETIN_FETCH_FEED, cancellable, &fetch);
  g_assert_error (fetch.error, BULLETIN_ERROR, BULLETIN_ERROR_CANCELLED);

  fetch_clear (&fetch);
}

static void
test_client_offline (void)
{
  g_autoptr(BulletinClient) client = test_utils_new_client ();
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autofree char *uri = NULL;
  Fetch fetch = { 0 };

  /* A port that was just free and is not listened on refuses connections. */
  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL);
  g_assert_true (g_socket_bind (socket, address, TRUE, NULL));
  bound = g_socket_get_local_address (socket, NULL);
  uri = g_strdup_printf ("http://127.0.0.1:%u/rss", g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));

  fetch_run (client, uri, BULLETIN_FETCH_FEED, NULL, &fetch);
  g_assert_error (fetch.error, BULLETIN_ERROR, BULLETIN_ERROR_OFFLINE);
  fetch_clear (&fetch);
}

static void
test_client_unsupported (void)
{
  g_autoptr(BulletinClient) client = test_utils_new_client ();
  const char *uris[] = {
    "ftp://example.org/feed.xml",
    "javascript:alert(1)",
    "data:text/xml,<rss/>",
    "not a uri",
    "http:///no-host",
  };
  Fetch fetch = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (uris); i++)
    {
      fetch_run (client, uris[i], BULLETIN_FETCH_FEED, NULL, &fetch);
      g_assert_error (fetch.error, BULLETIN_ERROR, BULLETIN_ERROR_UNSUPPORTED_URI);
    }

  fetch_clear (&fetch);
}

static void
test_client_local (void)
{
  g_autoptr(BulletinClient) client = test_utils_new_client ();
  g_autofree char *path = g_build_filename (TEST_DATA_DIR, "outlet", "politics.xml", NULL);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autofree char *missing = g_strconcat (uri, ".missing", NULL);
  g_autofree char *png_path = g_build_filename (g_get_user_cache_dir (), "image.png", NULL);
  g_autofree char *png_uri = g_filename_to_uri (png_path, NULL, NULL);
  static const guint8 png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R' };
  Fetch fetch = { 0 };

  fetch_run (client, uri, BULLETIN_FETCH_FEED, NULL, &fetch);
  g_assert_no_error (fetch.error);
  g_assert_cmpuint (g_bytes_get_size (fetch.bytes), >, 100);
  g_assert_cmpstr (fetch.final_uri, ==, uri);

  fetch_run (client, missing, BULLETIN_FETCH_FEED, NULL, &fetch);
  g_assert_error (fetch.error, BULLETIN_ERROR, BULLETIN_ERROR_NOT_FOUND);

  fetch_run (client, "resource:///io/github/bulletinapp/Bulletin/editions/almayadeen-en.json",
             BULLETIN_FETCH_FEED, NULL, &fetch);
  g_assert_no_error (fetch.error);
  g_assert_cmpstr (fetch.content_type, ==, "application/json");

  fetch_run (client, "resource:///io/github/bulletinapp/Bulletin/no-such-file.xml",
             BULLETIN_FETCH_FEED, NULL, &fetch);
  g_assert_error (fetch.error, BULLETIN_ERROR, BULLETIN_ERROR_NOT_FOUND);

  /* Caps hold for files too. */
  bulletin_client_set_max_size (client, BULLETIN_FETCH_FEED, 64);
  fetch_run (client, uri, BULLETIN_FETCH_FEED, NULL, &fetch);
  g_assert_error (fetch.error, BULLETIN_ERROR, BULLETIN_ERROR_TOO_LARGE);

  /* And content types. */
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_cache_dir (), 0700), ==, 0);
  g_assert_true (g_file_set_contents (png_path, (const char *) png, sizeof png, NULL));
  fetch_run (client, png_uri, BULLETIN_FETCH_PAGE, NULL, &fetch);
  g_assert_error (fetch.error, BULLETIN_ERROR, BULLETIN_ERROR_NOT_A_PAGE);
  fetch_run (client, png_uri, BULLETIN_FETCH_IMAGE, NULL, &fetch);
  g_assert_no_error (fetch.error);
  g_assert_cmpstr (fetch.content_type, ==, "image/png");

  fetch_clear (&fetch);
}

/* The blocking read a worker uses before parsing says what the fetch says. */
static void
test_client_read_local (void)
{
  g_autoptr(BulletinClient) client = test_utils_new_client ();
  g_autofree char *path = g_build_filename (TEST_DATA_DIR, "outlet", "politics.xml", NULL);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autofree char *missing = g_strconcat (uri, ".missing", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *content_type = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize length;
  Fetch fetch = { 0 };

  g_assert_true (bulletin_client_uri_is_local (uri));
  g_assert_true (bulletin_client_uri_is_local ("resource:///io/github/bulletinapp/Bulletin/x.xml"));
  g_assert_true (bulletin_client_uri_is_local ("FILE:///tmp/x.xml"));
  g_assert_false (bulletin_client_uri_is_local ("https://example.com/file.xml"));
  g_assert_false (bulletin_client_uri_is_local ("files:///tmp/x.xml"));
  g_assert_false (bulletin_client_uri_is_local ("/tmp/x.xml"));

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  bytes = bulletin_client_read_local (client, uri, BULLETIN_FETCH_FEED, NULL, &content_type, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), contents, length);
  g_assert_cmpstr (content_type, ==, "application/xml");
  g_clear_pointer (&bytes, g_bytes_unref);

  bytes = bulletin_client_read_local (client, missing, BULLETIN_FETCH_FEED, NULL, NULL, &error);
  g_assert_null (bytes);
  g_assert_error (error, BULLETIN_ERROR, BULLETIN_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_cancellable_cancel (cancellable);
  bytes = bulletin_client_read_local (client, uri, BULLETIN_FETCH_FEED, cancellable, NULL, &error);
  g_assert_null (bytes);
  g_assert_error (error, BULLETIN_ERROR, BULLETIN_ERROR_CANCELLED);
  g_clear_error (&error);

  /* A fetch cancelled before the worker reads says so too. */
  fetch_run (client, uri, BULLETIN_FETCH_FEED, cancellable, &fetch);
  g_assert_error (fetch.error, BULLETIN_ERROR, BULLETIN_ERROR_CANCELLED);

  /* The cap is counted while reading, just under and just over. */
  bulletin_client_set_max_size (client, BULLETIN_FETCH_FEED, length);
  bytes = bulletin_client_read_local (client, uri, BULLETIN_FETCH_FEED, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (bytes), ==, length);
  g_clear_pointer (&bytes, g_bytes_unref);

  bulletin_client_set_max_size (client, BULLETIN_FETCH_FEED, length - 1);
  bytes = bulletin_client_read_local (client, uri, BULLETIN_FETCH_FEED, NULL, NULL, &error);
  g_assert_null (bytes);
  g_assert_error (error, BULLETIN_ERROR, BULLETIN_ERROR_TOO_LARGE);
  g_clear_error (&error);

  fetch_clear (&fetch);
}

/* The faults below each end with their error, within the timeout, and
 * without reading more than the cap: a server that never stops sending is
 * stopped by the client hanging up, and what it managed to write before
 * then is bounded by the cap plus what the kernel's socket buffers hold.
 */

#define SMALL_CAP (1024 * 1024)

static void
assert_fault (Fetch      *fetch,
              const char *path,
              int         code)
{
  g_assert_null (fetch->bytes);
  g_assert_error (fetch->error, BULLETIN_ERROR, code);
  g_test_message ("%s: %s", path, fetch->error->message);
  /* one line, for a person */
  g_assert_null (strchr (fetch->error->message, '\n'));
  g_assert_cmpuint (strlen (fetch->error->message), >, 10);
  /* worded by Bulletin, not a library's error passed through */
  g_assert_null (strstr (fetch->error->message, "Header too big"));
  g_assert_null (strstr (fetch->error->message, "Could not parse"));
}

static guint64
proc_max (const char *path)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) fields = NULL;

  if (!g_file_get_contents (path, &text, NULL, NULL))
    return 0;
  fields = g_strsplit_set (g_strstrip (text), " \t", -1);

  return g_strv_length (fields) >= 3 ? g_ascii_strtoull (fields[g_strv_length (fields) - 1], NULL, 10) : 0;
}

/* The most a server can write past what the client read before it hung
 * up: the client's receive buffer and the server's send buffer, at their
 * largest, and a piece in flight.
 */
static guint64
socket_buffers_max (void)
{
  guint64 receive = proc_max ("/proc/sys/net/ipv4/tcp_rmem");
  guint64 send = proc_max ("/proc/sys/net/ipv4/tcp_wmem");

  if (receive == 0 || send == 0)
    return 64 * 1024 * 1024;

  return receive + send + 65536;
}

static void
test_client_slow_drip (void)
{
  g_autoptr(BulletinClient) client = test_utils_new_client ();
  g_autofree char *uri = fixture_server_url (server, "/raw/drip");
  const char *head = "HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: 100000\r\n\r\n<";
  Fetch fetch = { 0 };

  /* One byte a second never leaves the connection silent for the
   * session's own timeout: only the whole-request timeout can end it.
   */
  fixture_server_reset_counts (server);
  bulletin_client_set_timeout (client, 3);
  fetch_run (client, uri, BULLETIN_FETCH_FEED, NULL, &fetch);
  assert_fault (&fetch, "/raw/drip", BULLETIN_ERROR_TIMED_OUT);

  /* Bytes were still coming when it ended... */
  g_assert_cmpuint (fixture_server_get_bytes_sent (server, "/raw/drip"), >, strlen (head));
  /* ...and the client hung up, so the drip stops. */
  g_assert_true (fixture_server_wait_for_hang_up (server, "/raw/drip", 100000));
  g_assert_cmpuint (fixture_server_get_bytes_sent (server, "/raw/drip"), <, strlen (head) + 100);

  fetch_clear (&fetch);
}

static void
test_client_closed_mid_header (void)
{
  g_autoptr(BulletinClient) client = test_utils_new_client ();
  g_autofree char *uri = fixture_server_url (server, "/raw/mid-header");
  Fetch fetch = { 0 };

  fetch_run (client, uri, BULLETIN_FETCH_FEED, NULL, &fetch);
  assert_fault (&fetch, "/raw/mid-header", BULLETIN_ERROR_SERVER);
  g_assert_nonnull (strstr (fetch.error->message, "broken answer"));

  fetch_clear (&fetch);
}

static void
run_endless (const char *path)
{
  g_autoptr(BulletinClient) client = test_utils_new_client ();
  g_autofree char *uri = fixture_server_url (server, path);
  guint64 bound = SMALL_CAP + socket_buffers_max ();
  Fetch fetch = { 0 };

  fixture_server_reset_counts (server);
  bulletin_client_set_max_size (client, BULLETIN_FETCH_FEED, SMALL_CAP);
  fetch_run (client, uri, BULLETIN_FETCH_FEED, NULL, &fetch);
  assert_fault (&fetch, path, BULLETIN_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (fetch.error->message, "1 MiB"));

  /* The client hung up at the cap and did not drain the rest: the server
   * stops, having written a bounded amount.
   */
  g_assert_true (fixture_server_wait_for_hang_up (server, path, bound));
  g_test_message ("%s: the server wrote %" G_GUINT64_FORMAT " bytes before the client hung up (bound %" G_GUINT64_FORMAT ")",
                  path, fixture_server_get_bytes_sent (server, path), bound);
  g_assert_cmpuint (fixture_server_get_bytes_sent (server, path), <=, bound);

  fetch_clear (&fetch);
}

static void
test_client_endless_chunked (void)
{
  run_endless ("/raw/endless-chunked");
}

static void
test_client_endless_gzip (void)
{
  run_endless ("/raw/endless-gzip");
}

static void
test_client_gzip_bomb (void)
{
  g_autoptr(BulletinClient) client = test_utils_new_client ();
  g_autofree char *uri = fixture_server_url (server, "/fault/gzip-bomb");
  Fetch fetch = { 0 };

  /* 64 MiB of zeros in about 64 KiB: the default cap stops it, and so
   * does a small one, counted on the decoded bytes.
   */
  fetch_run (client, uri, BULLETIN_FETCH_FEED, NULL, &fetch);
  assert_fault (&fetch, "/fault/gzip-bomb", BULLETIN_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (fetch.error->message, "10 MiB"));

  bulletin_client_set_max_size (client, BULLETIN_FETCH_FEED, SMALL_CAP);
  fetch_run (client, uri, BULLETIN_FETCH_FEED, NULL, &fetch);
  assert_fault (&fetch, "/fault/gzip-bomb", BULLETIN_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (fetch.error->message, "1 MiB"));

  /* The compressed size is under the cap: only decoding shows the bomb. */
  bulletin_client_set_max_size (client, BULLETIN_FETCH_FEED, 512 * 1024);
  fetch_run (client, uri, BULLETIN_FETCH_FEED, NULL, &fetch);
  assert_fault (&fetch, "/fault/gzip-bomb", BULLETIN_ERROR_TOO_LARGE);

  fetch_clear (&fetch);
}

static void
run_huge_header (const char *path)
{
  g_autoptr(BulletinClient) client = test_utils_new_client ();
  g_autofree char *uri = fixture_server_url (server, path);
  Fetch fetch = { 0 };

  fixture_server_reset_counts (server);
  fetch_run (client, uri, BULLETIN_FETCH_FEED, NULL, &fetch);
  assert_fault (&fetch, path, BULLETIN_ERROR_SERVER);
  g_assert_nonnull (strstr (fetch.error->message, "header too large"));

  fetch_clear (&fetch);
}

static void
test_client_huge_header (void)
{
  run_huge_header ("/raw/huge-header");
}

static void
test_client_many_headers (void)
{
  run_huge_header ("/raw/many-headers");
}

static void
test_client_corrupt_gzip (void)
{
  g_autoptr(BulletinClient) client = test_utils_new_client ();
  g_autofree char *uri = fixture_server_url (server, "/fault/corrupt-gzip");
  Fetch fetch = { 0 };

  /* Neither passed on undecoded nor taken for an empty feed */
  fetch_run (client, uri, BULLETIN_FETCH_FEED, NULL, &fetch);
  assert_fault (&fetch, "/fault/corrupt-gzip", BULLETIN_ERROR_SERVER);
  g_assert_nonnull (strstr (fetch.error->message, "damaged feed"));

  fetch_clear (&fetch);
}

static void
test_client_truncated_gzip (void)
{
  g_autoptr(BulletinClient) client = test_utils_new_client ();
  g_autofree char *uri = fixture_server_url (server, "/fault/truncated-gzip");
  Fetch fetch = { 0 };

  /* The HTTP length is whole but the gzip stream is not: not half a feed */
  fetch_run (client, uri, BULLETIN_FETCH_FEED, NULL, &fetch);
  assert_fault (&fetch, "/fault/truncated-gzip", BULLETIN_ERROR_SERVER);

  fetch_clear (&fetch);
}

static void
test_client_empty_body (void)
{
  g_autoptr(BulletinClient) client = test_utils_new_client ();
  g_autofree char *uri = fixture_server_url (server, "/fault/empty-feed");
  Fetch fetch = { 0 };

  /* An empty 200 is passed on as it is: the parser says it is no feed
   * (test-section-model), and an empty breaking source means no news.
   */
  fetch_run (client, uri, BULLETIN_FETCH_FEED, NULL, &fetch);
  g_assert_no_error (fetch.error);
  g_assert_nonnull (fetch.bytes);
  g_assert_cmpuint (g_bytes_get_size (fetch.bytes), ==, 0);
  g_assert_cmpstr (fetch.content_type, ==, "application/rss+xml");

  fetch_clear (&fetch);
}

static void
tls_handler (SoupServer        *tls_server,
             SoupServerMessage *msg,
             const char        *path,
             GHashTable        *query,
             gpointer           user_data)
{
  guint *requests = user_data;

  (*requests)++;
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "application/rss+xml", SOUP_MEMORY_STATIC, "<rss/>", 6);
}

static void
test_client_tls (void)
{
  g_autoptr(BulletinClient) client = test_utils_new_client ();
  g_autofree char *cert_path = g_build_filename (TEST_DATA_DIR, "tls", "cert.pem", NULL);
  g_autofree char *key_path = g_build_filename (TEST_DATA_DIR, "tls", "key.pem", NULL);
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(SoupServer) tls_server = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;
  guint tls_requests = 0;
  guint n_pspecs = 0;
  guint n_signals = 0;
  GSList *uris;
  Fetch fetch = { 0 };

  certificate = g_tls_certificate_new_from_files (cert_path, key_path, &error);
  if (certificate == NULL)
    {
      g_test_skip (error->message);
      return;
    }

  /* A self-signed certificate: the default database must refuse it. */
  tls_server = soup_server_new ("tls-certificate", certificate, NULL);
  soup_server_add_handler (tls_server, NULL, tls_handler, &tls_requests, NULL);
  if (!soup_server_listen_local (tls_server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY | SOUP_SERVER_LISTEN_HTTPS, &error))
    {
      g_test_skip (error->message);
      return;
    }
  uris = soup_server_get_uris (tls_server);
  uri = g_strdup_printf ("https://127.0.0.1:%d/rss", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  /* A handshake takes longer under AddressSanitizer than the 2 s the
   * other tests allow; what is tested here is the refusal, not the time. */
  bulletin_client_set_timeout (client, 60);
  fetch_run (client, uri, BULLETIN_FETCH_FEED, NULL, &fetch);
  assert_fault (&fetch, "tls", BULLETIN_ERROR_TLS);

  /* Refused again, never remembered as accepted, and no request ever
   * went over the connection that could not be verified.
   */
  fetch_run (client, uri, BULLETIN_FETCH_PAGE, NULL, &fetch);
  assert_fault (&fetch, "tls", BULLETIN_ERROR_TLS);
  g_assert_cmpuint (tls_requests, ==, 0);

  /* Nothing in the client's interface accepts a certificate. */
  {
    g_autofree GParamSpec **pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (client), &n_pspecs);
    g_autofree guint *signal_ids = g_signal_list_ids (BULLETIN_TYPE_CLIENT, &n_signals);

    for (guint i = 0; i < n_pspecs; i++)
      {
        const char *name = g_param_spec_get_name (pspecs[i]);

        g_assert_null (strstr (name, "tls"));
        g_assert_null (strstr (name, "certificate"));
        g_assert_null (strstr (name, "insecure"));
      }
    g_assert_cmpuint (n_signals, ==, 0);
  }

  soup_server_disconnect (tls_server);
  fetch_clear (&fetch);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  test_utils_init (&argc, &argv);

  server = fixture_server_new ();

  g_test_add_func ("/client/feed", test_client_feed);
  g_test_add_func ("/client/conditional", test_client_conditional);
  g_test_add_func ("/client/redirects", test_client_redirects);
  g_test_add_func ("/client/gzip", test_client_gzip);
  g_test_add_func ("/client/cap-exact", test_client_cap_exact);
  g_test_add_func ("/client/retry-after", test_client_retry_after);
  g_test_add_func ("/client/cancel", test_client_cancel);
  g_test_add_func ("/client/offline", test_client_offline);
  g_test_add_func ("/client/unsupported", test_client_unsupported);
  g_test_add_func ("/client/local", test_client_local);
  g_test_add_func ("/client/read-local", test_client_read_local);
  g_test_add_func ("/client/tls", test_client_tls);
  g_test_add_func ("/client/slow-drip", test_client_slow_drip);
  g_test_add_func ("/client/closed-mid-header", test_client_closed_mid_header);
  g_test_add_func ("/client/endless-chunked", test_client_endless_chunked);
  g_test_add_func ("/client/endless-gzip", test_client_endless_gzip);
  g_test_add_func ("/client/gzip-bomb", test_client_gzip_bomb);
  g_test_add_func ("/client/huge-header", test_client_huge_header);
  g_test_add_func ("/client/many-headers", test_client_many_headers);
  g_test_add_func ("/client/corrupt-gzip", test_client_corrupt_gzip);
  g_test_add_func ("/client/truncated-gzip", test_client_truncated_gzip);
  g_test_add_func ("/client/empty-body", test_client_empty_body);
  for (guint i = 0; i < G_N_ELEMENTS (fault_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/client/fault/%u%s", i,
                                               strrchr (fault_cases[i].path, '/'));

      g_test_add_data_func (path, &fault_cases[i], test_client_fault);
    }

  status = g_test_run ();
  fixture_server_free (server);

  return status;
}
