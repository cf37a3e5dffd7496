/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fixture-server"

#include "config.h"

#include <string.h>
#include <libsoup/soup.h>

#include "fixture-server.h"

#define LAST_MODIFIED "Mon, 19 Jun 2023 11:25:00 GMT"
#define HUGE_SIZE (12 * 1024 * 1024)
#define BOMB_SIZE (64 * 1024 * 1024)

typedef struct
{
  char   *content_type;
  GBytes *body;
  guint   status;
  char   *alias;
} Override;

struct _FixtureServer
{
  SoupServer     *server;
  GSocketService *raw;
  char           *base;
  char           *raw_base;
  GHashTable     *overrides;     /* path -> Override */
  GHashTable     *requests;      /* path -> count */
  GHashTable     *not_modified;  /* path -> count */
  GHashTable     *last_headers;  /* path -> SoupMessageHeaders */
  GPtrArray      *stalled;       /* SoupServerMessage or GIOStream kept unanswered */
  GHashTable     *trickles;      /* SoupServerMessage -> GSource */
  GBytes         *gzip_bomb;
  GHashTable     *bytes_sent;    /* raw path -> guint64* written */
  GHashTable     *hang_ups;      /* raw path -> count of streams the client ended */
  GPtrArray      *raw_streams;   /* RawStream still writing */
};

static void
trickle_source_free (GSource *source)
{
  g_source_destroy (source);
  g_source_unref (source);
}

static void
override_free (Override *o)
{
  g_free (o->content_type);
  g_free (o->alias);
  g_clear_pointer (&o->body, g_bytes_unref);
  g_free (o);
}

char *
fixture_read_data (const char *name,
                   gsize      *length)
{
  g_autofree char *path = g_build_filename (TEST_DATA_DIR, "outlet", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  if (!g_file_get_contents (path, &contents, length, &error))
    return NULL;

  return contents;
}

static void
count (GHashTable *table,
       const char *path)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (table, path));

  g_hash_table_insert (table, g_strdup (path), GUINT_TO_POINTER (n + 1));
}

static const char *
content_type_for (const char *name)
{
  if (g_str_has_suffix (name, ".xml") || g_str_has_suffix (name, ".rss"))
    return "application/rss+xml; charset=utf-8";
  if (g_str_has_suffix (name, ".atom"))
    return "application/atom+xml";
  if (g_str_has_suffix (name, ".json"))
    return "application/json";
  if (g_str_has_suffix (name, ".png"))
    return "image/png";
  if (g_str_has_suffix (name, ".jpg"))
    return "image/jpeg";

  return "text/html; charset=utf-8";
}

static GBytes *
gzip (const void *data,
      gsize       size)
{
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 9);
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) out = g_converter_output_stream_new (memory, G_CONVERTER (compressor));

  g_assert_true (g_output_stream_write_all (out, data, size, NULL, NULL, NULL));
  g_assert_true (g_output_stream_close (out, NULL, NULL));

  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
}

static char *
expand (FixtureServer *self,
        const char    *text)
{
  g_auto(GStrv) parts = g_strsplit (text, "@BASE@", -1);

  return g_strjoinv (self->base, parts);
}

static void
respond (FixtureServer     *self,
         SoupServerMessage *msg,
         const char        *path,
         const char        *content_type,
         GBytes            *body)
{
  SoupMessageHeaders *request = soup_server_message_get_request_headers (msg);
  SoupMessageHeaders *response = soup_server_message_get_response_headers (msg);
  g_autofree char *sum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA1, body);
  g_autofree char *etag = g_strdup_printf ("\"%.16s\"", sum);
  const char *if_none_match = soup_message_headers_get_one (request, "If-None-Match");
  const char *if_modified_since = soup_message_headers_get_one (request, "If-Modified-Since");

  soup_message_headers_replace (response, "ETag", etag);
  soup_message_headers_replace (response, "Last-Modified", LAST_MODIFIED);
  soup_message_headers_replace (response, "Cache-Control", "no-cache");

  if ((if_none_match != NULL && g_str_equal (if_none_match, etag)) ||
      (if_none_match == NULL && if_modified_since != NULL && g_str_equal (if_modified_since, LAST_MODIFIED)))
    {
      count (self->not_modified, path);
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_MODIFIED, NULL);
      return;
    }

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, content_type, SOUP_MEMORY_COPY,
                                    g_bytes_get_data (body, NULL), g_bytes_get_size (body));
}

static void
redirect (SoupServerMessage *msg,
          const char        *location)
{
  soup_server_message_set_status (msg, SOUP_STATUS_FOUND, NULL);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Location", location);
}

static gboolean
trickle_cb (gpointer data)
{
  SoupServerMessage *msg = data;

  soup_message_body_append (soup_server_message_get_response_body (msg), SOUP_MEMORY_STATIC, "x", 1);
  soup_server_message_unpause (msg);

  return G_SOURCE_CONTINUE;
}

static void
trickle_finished_cb (SoupServerMessage *msg,
                     FixtureServer     *self)
{
  g_hash_table_remove (self->trickles, msg);
}

static void
serve_fault (FixtureServer     *self,
             SoupServerMessage *msg,
             const char        *path)
{
  const char *fault = path + strlen ("/fault/");
  SoupMessageHeaders *response = soup_server_message_get_response_headers (msg);

  if (g_str_equal (fault, "403"))
    {
      const char *body = "<html><body><h1>Access denied</h1><p>Automated requests are not allowed.</p></body></html>";

      soup_server_message_set_status (msg, 403, NULL);
      soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_STATIC, body, strlen (body));
    }
  else if (g_str_equal (fault, "404") || g_str_equal (fault, "410") || g_str_equal (fault, "500"))
    {
      const char *body = "<html><body>Nothing here</body></html>";

      soup_server_message_set_status (msg, atoi (fault), NULL);
      soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_STATIC, body, strlen (body));
    }
  else if (g_str_equal (fault, "429-retry") || g_str_equal (fault, "503-retry"))
    {
      soup_server_message_set_status (msg, g_str_equal (fault, "429-retry") ? 429 : 503, NULL);
      soup_message_headers_replace (response, "Retry-After", "3600");
    }
  else if (g_str_equal (fault, "stall"))
    {
      g_ptr_array_add (self->stalled, g_object_ref (msg));
      soup_server_message_pause (msg);
    }
  else if (g_str_equal (fault, "trickle"))
    {
      GSource *source = g_timeout_source_new (200);

      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_message_headers_set_encoding (response, SOUP_ENCODING_CHUNKED);
      soup_message_headers_set_content_type (response, "application/rss+xml", NULL);
      g_source_set_callback (source, trickle_cb, g_object_ref (msg), g_object_unref);
      g_source_attach (source, NULL);
      g_hash_table_insert (self->trickles, msg, source);
      g_signal_connect (msg, "finished", G_CALLBACK (trickle_finished_cb), self);
    }
  else if (g_str_equal (fault, "huge"))
    {
      g_autofree char *body = g_malloc (HUGE_SIZE);

      memset (body, 'a', HUGE_SIZE);
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_TAKE, g_steal_pointer (&body), HUGE_SIZE);
    }
  else if (g_str_equal (fault, "huge-chunked"))
    {
      SoupMessageBody *body = soup_server_message_get_response_body (msg);

      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_message_headers_set_encoding (response, SOUP_ENCODING_CHUNKED);
      soup_message_headers_set_content_type (response, "text/html", NULL);
      for (guint i = 0; i < HUGE_SIZE / 65536; i++)
        {
          char *chunk = g_malloc (65536);

          memset (chunk, 'b', 65536);
          soup_message_body_append (body, SOUP_MEMORY_TAKE, chunk, 65536);
        }
      soup_message_body_complete (body);
    }
  else if (g_str_equal (fault, "gzip-bomb"))
    {
      if (self->gzip_bomb == NULL)
        {
          g_autofree char *zeros = g_malloc0 (BOMB_SIZE);

          self->gzip_bomb = gzip (zeros, BOMB_SIZE);
        }
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_message_headers_replace (response, "Content-Encoding", "gzip");
      soup_server_message_set_response (msg, "application/rss+xml", SOUP_MEMORY_COPY,
                                        g_bytes_get_data (self->gzip_bomb, NULL),
                                        g_bytes_get_size (self->gzip_bomb));
    }
  else if (g_str_equal (fault, "gzip-feed"))
    {
      gsize length;
      g_autofree char *text = fixture_read_data ("rss.xml", &length);
      g_autofree char *expanded = expand (self, text);
      g_autoptr(GBytes) compressed = gzip (expanded, strlen (expanded));

      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_message_headers_replace (response, "Content-Encoding", "gzip");
      soup_server_message_set_response (msg, "application/rss+xml", SOUP_MEMORY_COPY,
                                        g_bytes_get_data (compressed, NULL),
                                        g_bytes_get_size (compressed));
    }
  else if (g_str_equal (fault, "empty-feed"))
    {
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "application/rss+xml", SOUP_MEMORY_STATIC, "", 0);
    }
  else if (g_str_equal (fault, "corrupt-gzip") || g_str_equal (fault, "truncated-gzip"))
    {
      gsize length;
      g_autofree char *text = fixture_read_data ("rss.xml", &length);
      g_autofree char *expanded = expand (self, text);
      g_autoptr(GBytes) compressed = gzip (expanded, strlen (expanded));
      gsize size = g_bytes_get_size (compressed);
      g_autofree guint8 *body = g_memdup2 (g_bytes_get_data (compressed, NULL), size);

      if (g_str_equal (fault, "corrupt-gzip"))
        {
          /* A good gzip header (10 bytes), then a deflate stream that is
           * not one: 0xff starts a block of the reserved type 3. */
          memset (body + 10, 0xff, size - 10);
        }
      else
        {
          /* Half of a good stream, its end and checksum missing */
          size /= 2;
        }

      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_message_headers_replace (response, "Content-Encoding", "gzip");
      soup_server_message_set_response (msg, "application/rss+xml", SOUP_MEMORY_COPY, (const char *) body, size);
    }
  else if (g_str_equal (fault, "loop-a"))
    redirect (msg, "/fault/loop-b");
  else if (g_str_equal (fault, "loop-b"))
    redirect (msg, "/fault/loop-a");
  else if (g_str_has_prefix (fault, "chain/"))
    {
      guint n = atoi (fault + strlen ("chain/"));
      g_autofree char *next = g_strdup_printf ("/fault/chain/%u", n + 1);

      if (n >= 20)
        redirect (msg, "/outlet/rss.xml");
      else
        redirect (msg, next);
    }
  else if (g_str_equal (fault, "to-file"))
    redirect (msg, "file:///etc/passwd");
  else if (g_str_equal (fault, "to-nowhere"))
    redirect (msg, "http:.//nowhere");
  else if (g_str_equal (fault, "redirect-feed"))
    redirect (msg, "../outlet/rss.xml");
  else if (g_str_equal (fault, "image"))
    {
      static const guint8 png[] = {
        0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
        0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89,
      };

      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "image/png", SOUP_MEMORY_STATIC, (const char *) png, sizeof png);
    }
  else if (g_str_equal (fault, "latin1-feed"))
    {
      /* "Café" and "señal" in Latin-1, under a UTF-8 label. */
      const char *body =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<rss version=\"2.0\"><channel><title>Caf\xe9 news</title><link>http://fixture.invalid/</link>"
        "<description>x</description>"
        "<item><title>The caf\xe9 on the square reopens</title>"
        "<link>http://fixture.invalid/outlet/news/miscellaneous/the-cafe-reopens</link>"
        "<guid isPermaLink=\"false\">latin1-1</guid>"
        "<pubDate>Mon, 19 Jun 2023 10:00:00 +0000</pubDate></item>"
        "<item><title>A se\xf1" "al for the fishing boats</title>"
        "<link>http://fixture.invalid/outlet/news/miscellaneous/a-signal-for-the-boats</link>"
        "<guid isPermaLink=\"false\">latin1-2</guid>"
        "<pubDate>Mon, 19 Jun 2023 09:00:00 +0000</pubDate></item>"
        "</channel></rss>\n";

      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "application/rss+xml; charset=utf-8",
                                        SOUP_MEMORY_STATIC, body, strlen (body));
    }
  else if (g_str_equal (fault, "not-a-feed"))
    {
      const char *body = "This is plain words, not a feed at all.\n";

      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "application/rss+xml", SOUP_MEMORY_STATIC, body, strlen (body));
    }
  else
    soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
}

static void
handler (SoupServer        *server,
         SoupServerMessage *msg,
         const char        *path,
         GHashTable        *query,
         gpointer           user_data)
{
  FixtureServer *self = user_data;
  Override *override;

  count (self->requests, path);
  g_hash_table_insert (self->last_headers, g_strdup (path),
                       soup_message_headers_ref (soup_server_message_get_request_headers (msg)));

  override = g_hash_table_lookup (self->overrides, path);
  if (override != NULL && override->alias != NULL)
    {
      if (g_str_has_prefix (override->alias, "/raw/"))
        {
          g_autofree char *target = g_strconcat (self->raw_base, override->alias, NULL);

          redirect (msg, target);
          return;
        }
      if (strstr (override->alias, "://") != NULL)
        {
          /* another server's: a redirect there */
          redirect (msg, override->alias);
          return;
        }
      path = override->alias;
      override = g_hash_table_lookup (self->overrides, path);
    }

  if (override != NULL)
    {
      if (override->status != 0 && override->status != SOUP_STATUS_OK)
        soup_server_message_set_status (msg, override->status, NULL);
      else
        respond (self, msg, path, override->content_type, override->body);
      return;
    }

  if (g_str_has_prefix (path, "/fault/"))
    {
      serve_fault (self, msg, path);
      return;
    }

  if (g_str_has_prefix (path, "/outlet/") && strstr (path, "..") == NULL)
    {
      const char *name = path + strlen ("/outlet/");
      g_autofree char *with_html = g_strconcat (name, ".html", NULL);
      gsize length = 0;
      g_autofree char *text = NULL;
      const char *file = name;

      if (name[0] != '\0' && (text = fixture_read_data (name, &length)) == NULL)
        {
          text = fixture_read_data (with_html, &length);
          file = with_html;
        }

      if (text != NULL)
        {
          g_autofree char *expanded = expand (self, text);
          g_autoptr(GBytes) body = g_bytes_new (expanded, strlen (expanded));

          respond (self, msg, path, content_type_for (file), body);
          return;
        }
    }

  soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
}

/* The raw port: faults a SoupServer cannot produce. The request is read
 * asynchronously: the client runs on this same main context.
 */
typedef struct
{
  FixtureServer     *self;
  GSocketConnection *connection;
  char               request[4096];
} RawRequest;

/* A response the raw port writes piece by piece, asynchronously, counting
 * what it wrote, until its pieces run out (it closes) or a write fails
 * because the client hung up (a hang-up).
 */
typedef struct _RawStream RawStream;
typedef GBytes *(*RawNextFunc) (RawStream *stream);

struct _RawStream
{
  FixtureServer     *self;
  GSocketConnection *connection;
  GCancellable      *cancellable;
  char              *path;
  RawNextFunc        next;
  guint              interval;   /* ms between pieces, 0 for at once */
  guint              index;      /* pieces written so far */
  GSource           *timer;
  GZlibCompressor   *compressor;
  GBytes            *piece;
};

static void raw_stream_write_next (RawStream *stream);

static void
raw_stream_end (RawStream *stream,
                gboolean   hung_up)
{
  FixtureServer *self = stream->self;

  if (hung_up)
    count (self->hang_ups, stream->path);
  g_io_stream_close (G_IO_STREAM (stream->connection), NULL, NULL);
  g_ptr_array_remove_fast (self->raw_streams, stream);
}

static void
raw_stream_free (RawStream *stream)
{
  g_cancellable_cancel (stream->cancellable);
  if (stream->timer != NULL)
    {
      g_source_destroy (stream->timer);
      g_source_unref (stream->timer);
    }
  g_clear_object (&stream->connection);
  g_clear_object (&stream->cancellable);
  g_clear_object (&stream->compressor);
  g_clear_pointer (&stream->piece, g_bytes_unref);
  g_free (stream->path);
  g_free (stream);
}

static void
raw_stream_written_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  RawStream *stream = user_data;
  g_autoptr(GError) error = NULL;
  gsize written = 0;
  guint64 *total;

  if (!g_output_stream_write_all_finish (G_OUTPUT_STREAM (object), result, &written, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;   /* the server is going away; stream is freed */

  total = g_hash_table_lookup (stream->self->bytes_sent, stream->path);
  if (total == NULL)
    {
      total = g_new0 (guint64, 1);
      g_hash_table_insert (stream->self->bytes_sent, g_strdup (stream->path), total);
    }
  *total += written;

  if (error != NULL)
    {
      g_debug ("%s: the client hung up: %s", stream->path, error->message);
      raw_stream_end (stream, TRUE);
      return;
    }

  stream->index++;
  raw_stream_write_next (stream);
}

static gboolean
raw_stream_timer_cb (gpointer user_data)
{
  RawStream *stream = user_data;
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (stream->connection));

  g_clear_pointer (&stream->timer, g_source_unref);
  g_output_stream_write_all_async (out,
                                   g_bytes_get_data (stream->piece, NULL),
                                   g_bytes_get_size (stream->piece),
                                   G_PRIORITY_DEFAULT, stream->cancellable,
                                   raw_stream_written_cb, stream);

  return G_SOURCE_REMOVE;
}

static void
raw_stream_write_next (RawStream *stream)
{
  g_clear_pointer (&stream->piece, g_bytes_unref);
  stream->piece = stream->next (stream);
  if (stream->piece == NULL)
    {
      raw_stream_end (stream, FALSE);
      return;
    }

  /* The first piece (the head) goes at once; the others after the interval. */
  stream->timer = g_timeout_source_new (stream->index == 0 ? 0 : stream->interval);
  g_source_set_callback (stream->timer, raw_stream_timer_cb, stream, NULL);
  g_source_attach (stream->timer, NULL);
}

static void
raw_stream_start (FixtureServer     *self,
                  GSocketConnection *connection,
                  const char        *path,
                  RawNextFunc        next,
                  guint              interval)
{
  RawStream *stream = g_new0 (RawStream, 1);

  stream->self = self;
  stream->connection = g_object_ref (connection);
  stream->cancellable = g_cancellable_new ();
  stream->path = g_strdup (path);
  stream->next = next;
  stream->interval = interval;
  g_ptr_array_add (self->raw_streams, stream);
  raw_stream_write_next (stream);
}

#define RAW_PIECE_SIZE 65536
#define RAW_HUGE_HEADER_SIZE (1024 * 1024)
#define RAW_MANY_HEADERS 10000

static GBytes *
raw_chunk (const void *data,
           gsize       size)
{
  g_autoptr(GString) chunk = g_string_sized_new (size + 16);

  g_string_append_printf (chunk, "%" G_GSIZE_MODIFIER "x\r\n", size);
  g_string_append_len (chunk, data, size);
  g_string_append (chunk, "\r\n");

  return g_string_free_to_bytes (g_steal_pointer (&chunk));
}

/* /raw/drip: a 200 that promises 100000 bytes and sends one a second */
static GBytes *
raw_drip_next (RawStream *stream)
{
  const char *head = "HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: 100000\r\n\r\n<";

  if (stream->index == 0)
    return g_bytes_new_static (head, strlen (head));
  if (stream->index >= 100000)
    return NULL;

  return g_bytes_new_static (" ", 1);
}

/* /raw/endless-chunked: 64 KiB chunks of a feed-like text, forever */
static GBytes *
raw_endless_chunked_next (RawStream *stream)
{
  const char *head = "HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nTransfer-Encoding: chunked\r\n\r\n";
  g_autofree char *data = NULL;

  if (stream->index == 0)
    return g_bytes_new_static (head, strlen (head));

  data = g_malloc (RAW_PIECE_SIZE);
  memset (data, 'c', RAW_PIECE_SIZE);
  return raw_chunk (data, RAW_PIECE_SIZE);
}

/* /raw/endless-gzip: chunked, gzip-encoded, 1 MiB of zeros (about 1 KiB
 * compressed) a chunk, forever: a bomb with no end at all
 */
static GBytes *
raw_endless_gzip_next (RawStream *stream)
{
  const char *head = "HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\n"
                     "Content-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n";
  static const char zeros[RAW_PIECE_SIZE];
  g_autoptr(GByteArray) compressed = g_byte_array_new ();
  char out[RAW_PIECE_SIZE];

  if (stream->index == 0)
    {
      stream->compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 9);
      return g_bytes_new_static (head, strlen (head));
    }

  for (guint i = 0; i < 16; i++)
    {
      gboolean last = i == 15;
      gsize consumed = 0;

      for (;;)
        {
          gsize read = 0, written = 0;
          GConverterResult result;

          result = g_converter_convert (G_CONVERTER (stream->compressor),
                                        zeros + consumed, sizeof zeros - consumed,
                                        out, sizeof out,
                                        last ? G_CONVERTER_FLUSH : G_CONVERTER_NO_FLAGS,
                                        &read, &written, NULL);
          g_assert_cmpint (result, !=, G_CONVERTER_ERROR);
          consumed += read;
          g_byte_array_append (compressed, (const guint8 *) out, written);
          if (last ? result == G_CONVERTER_FLUSHED : consumed == sizeof zeros)
            break;
        }
    }

  return raw_chunk (compressed->data, compressed->len);
}

/* /raw/huge-header: one header line of 1 MiB, written 64 KiB at a time */
static GBytes *
raw_huge_header_next (RawStream *stream)
{
  const char *head = "HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nX-Huge: ";
  const char *tail = "\r\nContent-Length: 0\r\n\r\n";
  guint pieces = RAW_HUGE_HEADER_SIZE / RAW_PIECE_SIZE;
  char *data;

  if (stream->index == 0)
    return g_bytes_new_static (head, strlen (head));
  if (stream->index == pieces + 1)
    return g_bytes_new_static (tail, strlen (tail));
  if (stream->index > pieces + 1)
    return NULL;

  data = g_malloc (RAW_PIECE_SIZE);
  memset (data, 'h', RAW_PIECE_SIZE);
  return g_bytes_new_take (data, RAW_PIECE_SIZE);
}

/* /raw/many-headers: 10,000 short header lines, 1,000 a piece */
static GBytes *
raw_many_headers_next (RawStream *stream)
{
  const char *head = "HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\n";
  const char *tail = "Content-Length: 0\r\n\r\n";
  guint pieces = RAW_MANY_HEADERS / 1000;
  g_autoptr(GString) text = NULL;

  if (stream->index == 0)
    return g_bytes_new_static (head, strlen (head));
  if (stream->index == pieces + 1)
    return g_bytes_new_static (tail, strlen (tail));
  if (stream->index > pieces + 1)
    return NULL;

  text = g_string_new (NULL);
  for (guint i = 0; i < 1000; i++)
    g_string_append_printf (text, "X-Filler-%05u: v\r\n", (stream->index - 1) * 1000 + i);

  return g_string_free_to_bytes (g_steal_pointer (&text));
}

static void
raw_read_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  RawRequest *raw = user_data;
  FixtureServer *self = raw->self;
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (raw->connection));
  gssize n;
  char *line_end;

  n = g_input_stream_read_finish (G_INPUT_STREAM (object), result, NULL);
  if (n > 0)
    {
      raw->request[n] = '\0';
      line_end = strstr (raw->request, "\r\n");
      if (line_end != NULL)
        *line_end = '\0';
      count (self->requests, raw->request);

      if (strstr (raw->request, " /raw/mid-header ") != NULL)
        {
          /* The status line and half a header, then nothing */
          const char *head = "HTTP/1.1 200 OK\r\nContent-Ty";

          g_output_stream_write_all (out, head, strlen (head), NULL, NULL, NULL);
          g_io_stream_close (G_IO_STREAM (raw->connection), NULL, NULL);
        }
      else if (strstr (raw->request, " /raw/drip ") != NULL)
        raw_stream_start (self, raw->connection, "/raw/drip", raw_drip_next, 1000);
      else if (strstr (raw->request, " /raw/endless-chunked ") != NULL)
        raw_stream_start (self, raw->connection, "/raw/endless-chunked", raw_endless_chunked_next, 0);
      else if (strstr (raw->request, " /raw/endless-gzip ") != NULL)
        raw_stream_start (self, raw->connection, "/raw/endless-gzip", raw_endless_gzip_next, 0);
      else if (strstr (raw->request, " /raw/huge-header ") != NULL)
        raw_stream_start (self, raw->connection, "/raw/huge-header", raw_huge_header_next, 0);
      else if (strstr (raw->request, " /raw/many-headers ") != NULL)
        raw_stream_start (self, raw->connection, "/raw/many-headers", raw_many_headers_next, 0);
      else if (strstr (raw->request, " /raw/truncated ") != NULL)
        {
          const char *head = "HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: 10000\r\nConnection: close\r\n\r\n";
          const char *body = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Cut short</title><item><title>One";

          g_output_stream_write_all (out, head, strlen (head), NULL, NULL, NULL);
          g_output_stream_write_all (out, body, strlen (body), NULL, NULL, NULL);
          g_io_stream_close (G_IO_STREAM (raw->connection), NULL, NULL);
        }
      else
        {
          /* /raw/stall: hold the connection open, never answer */
          g_ptr_array_add (self->stalled, g_object_ref (raw->connection));
        }
    }

  g_object_unref (raw->connection);
  g_free (raw);
}

static gboolean
raw_incoming_cb (GSocketService     *service,
                 GSocketConnection  *connection,
                 GObject            *source,
                 FixtureServer      *self)
{
  RawRequest *raw = g_new0 (RawRequest, 1);

  raw->self = self;
  raw->connection = g_object_ref (connection);
  g_input_stream_read_async (g_io_stream_get_input_stream (G_IO_STREAM (connection)),
                             raw->request, sizeof raw->request - 1,
                             G_PRIORITY_DEFAULT, NULL, raw_read_cb, raw);

  return TRUE;
}

FixtureServer *
fixture_server_new (void)
{
  FixtureServer *self = g_new0 (FixtureServer, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocketAddress) address = NULL;
  g_autoptr(GSocketAddress) effective = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  GSList *uris;

  self->overrides = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) override_free);
  self->requests = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->not_modified = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->last_headers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) soup_message_headers_unref);
  self->stalled = g_ptr_array_new_with_free_func (g_object_unref);
  self->trickles = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) trickle_source_free);
  self->bytes_sent = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->hang_ups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->raw_streams = g_ptr_array_new_with_free_func ((GDestroyNotify) raw_stream_free);

  self->server = soup_server_new ("server-header", "fixture-outlet", NULL);
  soup_server_add_handler (self->server, NULL, handler, self, NULL);
  soup_server_listen_local (self->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);

  uris = soup_server_get_uris (self->server);
  g_assert_nonnull (uris);
  self->base = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  self->raw = g_socket_service_new ();
  address = g_inet_socket_address_new (loopback, 0);
  g_socket_listener_add_address (G_SOCKET_LISTENER (self->raw), address,
                                 G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP,
                                 NULL, &effective, &error);
  g_assert_no_error (error);
  self->raw_base = g_strdup_printf ("http://127.0.0.1:%d",
                                    g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (effective)));
  g_signal_connect (self->raw, "incoming", G_CALLBACK (raw_incoming_cb), self);
  g_socket_service_start (self->raw);

  return self;
}

void
fixture_server_free (FixtureServer *self)
{
  if (self == NULL)
    return;

  {
    GHashTableIter iter;
    gpointer msg;

    g_hash_table_iter_init (&iter, self->trickles);
    while (g_hash_table_iter_next (&iter, &msg, NULL))
      g_signal_handlers_disconnect_by_data (msg, self);
  }
  g_clear_pointer (&self->trickles, g_hash_table_unref);
  g_clear_pointer (&self->raw_streams, g_ptr_array_unref);
  g_clear_pointer (&self->bytes_sent, g_hash_table_unref);
  g_clear_pointer (&self->hang_ups, g_hash_table_unref);
  soup_server_disconnect (self->server);
  g_clear_object (&self->server);
  g_socket_service_stop (self->raw);
  g_socket_listener_close (G_SOCKET_LISTENER (self->raw));
  g_clear_object (&self->raw);
  g_clear_pointer (&self->stalled, g_ptr_array_unref);
  g_clear_pointer (&self->overrides, g_hash_table_unref);
  g_clear_pointer (&self->requests, g_hash_table_unref);
  g_clear_pointer (&self->not_modified, g_hash_table_unref);
  g_clear_pointer (&self->last_headers, g_hash_table_unref);
  g_clear_pointer (&self->gzip_bomb, g_bytes_unref);
  g_free (self->base);
  g_free (self->raw_base);
  g_free (self);
}

const char *
fixture_server_get_base (FixtureServer *self)
{
  return self->base;
}

char *
fixture_server_url (FixtureServer *self,
                    const char    *path)
{
  if (g_str_has_prefix (path, "/raw/"))
    return g_strconcat (self->raw_base, path, NULL);

  return g_strconcat (self->base, path, NULL);
}

void
fixture_server_set_content (FixtureServer *self,
                            const char    *path,
                            const char    *content_type,
                            const char    *body,
                            gssize         length)
{
  Override *o = g_new0 (Override, 1);
  g_autofree char *expanded = NULL;

  if (length < 0)
    {
      expanded = expand (self, body);
      body = expanded;
      length = strlen (expanded);
    }

  o->content_type = g_strdup (content_type);
  o->body = g_bytes_new (body, length);
  o->status = SOUP_STATUS_OK;
  g_hash_table_replace (self->overrides, g_strdup (path), o);
}

void
fixture_server_set_status (FixtureServer *self,
                           const char    *path,
                           guint          status)
{
  Override *o = g_new0 (Override, 1);

  o->status = status;
  g_hash_table_replace (self->overrides, g_strdup (path), o);
}

void
fixture_server_set_alias (FixtureServer *self,
                          const char    *path,
                          const char    *target)
{
  Override *o = g_new0 (Override, 1);

  o->alias = g_strdup (target);
  g_hash_table_replace (self->overrides, g_strdup (path), o);
}

void
fixture_server_clear_overrides (FixtureServer *self)
{
  g_hash_table_remove_all (self->overrides);
}

guint
fixture_server_get_requests (FixtureServer *self,
                             const char    *path)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (self->requests, path));
}

guint
fixture_server_get_not_modified (FixtureServer *self,
                                 const char    *path)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (self->not_modified, path));
}

char *
fixture_server_get_last_header (FixtureServer *self,
                                const char    *path,
                                const char    *header)
{
  SoupMessageHeaders *headers = g_hash_table_lookup (self->last_headers, path);

  if (headers == NULL)
    return NULL;

  return g_strdup (soup_message_headers_get_one (headers, header));
}

void
fixture_server_reset_counts (FixtureServer *self)
{
  g_hash_table_remove_all (self->requests);
  g_hash_table_remove_all (self->not_modified);
  g_hash_table_remove_all (self->bytes_sent);
  g_hash_table_remove_all (self->hang_ups);
}

/* Bytes the raw port wrote to clients of @path (a /raw/ path) */
guint64
fixture_server_get_bytes_sent (FixtureServer *self,
                               const char    *path)
{
  guint64 *total = g_hash_table_lookup (self->bytes_sent, path);

  return total != NULL ? *total : 0;
}

/* Responses to @path the raw port stopped writing because the client hung up */
guint
fixture_server_get_hang_ups (FixtureServer *self,
                             const char    *path)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (self->hang_ups, path));
}

/* Runs the main context until a client hangs up on @path, or until the
 * raw port has written more than @max_bytes to it (a client that goes on
 * reading what it should have refused): a response that never ends by
 * itself stops only when its client goes away.
 *
 * Returns: whether a client hung up
 */
gboolean
fixture_server_wait_for_hang_up (FixtureServer *self,
                                 const char    *path,
                                 guint64        max_bytes)
{
  guint before = fixture_server_get_hang_ups (self, path);

  while (fixture_server_get_hang_ups (self, path) == before &&
         fixture_server_get_bytes_sent (self, path) <= max_bytes)
    g_main_context_iteration (NULL, TRUE);

  return fixture_server_get_hang_ups (self, path) > before;
}

BulletinEdition *
fixture_server_load_edition (FixtureServer *self,
                             const char    *name)
{
  g_autofree char *text = fixture_read_data (name, NULL);
  g_autofree char *expanded = NULL;
  g_autofree char *base_uri = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  BulletinEdition *edition;

  g_assert_nonnull (text);
  expanded = expand (self, text);
  bytes = g_bytes_new (expanded, strlen (expanded));
  base_uri = g_strdup_printf ("%s/outlet/%s", self->base, name);

  edition = bulletin_edition_new_from_bytes (bytes, base_uri, &error);
  g_assert_no_error (error);

  return edition;
}
