/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bulletin-client"

#include "config.h"

#include <string.h>
#include <libsoup/soup.h>
#include <json-glib/json-glib.h>

#include "bulletin-client.h"
#include "bulletin-atomic-file.h"
#include "bulletin-error.h"
#include "bulletin-json.h"

/* BulletinClient wraps one SoupSession with the limits Bulletin needs for
 * reading untrusted sites: http and https only, redirects followed by hand
 * (so a redirect to file: or a loop is refused), size caps counted on the
 * decoded bytes while they are read, a whole-request timeout, strict TLS and
 * Retry-After honoured per host.
 *
 * Conditional requests use a small store of its own rather than SoupCache:
 * SoupCache answers a revalidated 304 as if it were the original 200, so a
 * caller cannot learn that nothing changed; it also serves heuristically
 * fresh entries without asking the server at all (a news refresh would miss
 * news), and it keeps its index in memory until soup_cache_dump(), which a
 * short bulletin-cli run would have to remember. The store here keeps, per
 * URI, the validators (ETag, Last-Modified) and the decoded body of the last
 * 200, sends If-None-Match / If-Modified-Since, and reports "not modified".
 */

#define READ_CHUNK_SIZE 65536
#define RETRY_AFTER_MAX_SECONDS (6 * 60 * 60)
/* libsoup 3.2 has no name for it */
#define STATUS_TOO_MANY_REQUESTS 429

struct _BulletinClient
{
  GObject      parent_instance;

  SoupSession *session;
  char        *cache_dir;
  char        *user_agent;
  guint        timeout;
  gsize        max_size[3];

  /* host (char*) -> NotBefore* */
  GHashTable  *not_before;
};

typedef struct
{
  gint64 until;   /* g_get_real_time () units */
  guint  status;
} NotBefore;

G_DEFINE_FINAL_TYPE (BulletinClient, bulletin_client, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CACHE_DIR,
  PROP_TIMEOUT,
  PROP_USER_AGENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  GBytes   *bytes;
  char     *content_type;
  char     *final_uri;
  gboolean  not_modified;
} FetchResult;

static void
fetch_result_free (FetchResult *result)
{
  g_clear_pointer (&result->bytes, g_bytes_unref);
  g_free (result->content_type);
  g_free (result->final_uri);
  g_free (result);
}

typedef struct
{
  char              *uri;
  char              *current_uri;
  char              *host;
  BulletinFetchKind  kind;
  gsize              max_size;

  GCancellable      *cancellable;       /* ours: caller's + timer */
  GCancellable      *caller_cancellable;
  gulong             caller_cancelled_id;
  GSource           *timeout_source;
  gboolean           timed_out;

  GHashTable        *visited;
  guint              redirects;
  gboolean           local;             /* file: or resource: */

  SoupMessage       *msg;
  GInputStream      *stream;
  GByteArray        *buffer;
  char              *content_type;

  /* validators of the current hop's cache entry, if any */
  char              *cache_etag;
  char              *cache_last_modified;
  char              *cache_content_type;
  char              *cache_final_uri;

  FetchResult       *result;
} FetchData;

static void
fetch_data_free (FetchData *data)
{
  if (data->caller_cancellable != NULL && data->caller_cancelled_id != 0)
    g_cancellable_disconnect (data->caller_cancellable, data->caller_cancelled_id);
  g_clear_object (&data->caller_cancellable);
  if (data->timeout_source != NULL)
    {
      g_source_destroy (data->timeout_source);
      g_clear_pointer (&data->timeout_source, g_source_unref);
    }
  g_clear_object (&data->cancellable);
  g_clear_object (&data->msg);
  g_clear_object (&data->stream);
  g_clear_pointer (&data->buffer, g_byte_array_unref);
  g_clear_pointer (&data->visited, g_hash_table_unref);
  g_clear_pointer (&data->result, fetch_result_free);
  g_free (data->uri);
  g_free (data->current_uri);
  g_free (data->host);
  g_free (data->content_type);
  g_free (data->cache_etag);
  g_free (data->cache_last_modified);
  g_free (data->cache_content_type);
  g_free (data->cache_final_uri);
  g_free (data);
}

static void
bulletin_client_finalize (GObject *object)
{
  BulletinClient *self = (BulletinClient *)object;

  g_clear_object (&self->session);
  g_clear_pointer (&self->cache_dir, g_free);
  g_clear_pointer (&self->user_agent, g_free);
  g_clear_pointer (&self->not_before, g_hash_table_unref);

  G_OBJECT_CLASS (bulletin_client_parent_class)->finalize (object);
}

static void
bulletin_client_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  BulletinClient *self = BULLETIN_CLIENT (object);

  switch (prop_id)
    {
    case PROP_CACHE_DIR:
      g_value_set_string (value, self->cache_dir);
      break;

    case PROP_TIMEOUT:
      g_value_set_uint (value, self->timeout);
      break;

    case PROP_USER_AGENT:
      g_value_set_string (value, self->user_agent);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bulletin_client_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  BulletinClient *self = BULLETIN_CLIENT (object);

  switch (prop_id)
    {
    case PROP_CACHE_DIR:
      g_free (self->cache_dir);
      self->cache_dir = g_value_dup_string (value);
      if (self->cache_dir == NULL)
        self->cache_dir = g_build_filename (g_get_user_cache_dir (), "bulletin", "http", NULL);
      break;

    case PROP_TIMEOUT:
      bulletin_client_set_timeout (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bulletin_client_class_init (BulletinClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bulletin_client_finalize;
  object_class->get_property = bulletin_client_get_property;
  object_class->set_property = bulletin_client_set_property;

  /**
   * BulletinClient:cache-dir:
   *
   * Where validators and bodies for conditional requests are kept.
   */
  properties[PROP_CACHE_DIR] =
    g_param_spec_string ("cache-dir", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * BulletinClient:timeout:
   *
   * Seconds a whole request may take, and a connection may stay silent,
   * before it fails with %BULLETIN_ERROR_TIMED_OUT.
   */
  properties[PROP_TIMEOUT] =
    g_param_spec_uint ("timeout", NULL, NULL, 1, 3600, BULLETIN_CLIENT_DEFAULT_TIMEOUT,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_USER_AGENT] =
    g_param_spec_string ("user-agent", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bulletin_client_init (BulletinClient *self)
{
  self->timeout = BULLETIN_CLIENT_DEFAULT_TIMEOUT;
  self->max_size[BULLETIN_FETCH_FEED] = BULLETIN_FETCH_FEED_MAX_SIZE;
  self->max_size[BULLETIN_FETCH_PAGE] = BULLETIN_FETCH_PAGE_MAX_SIZE;
  self->max_size[BULLETIN_FETCH_IMAGE] = BULLETIN_FETCH_IMAGE_MAX_SIZE;
  self->user_agent = g_strdup ("Bulletin/" PACKAGE_VERSION " (+https://github.com/bulletinapp/bulletin)");
  self->not_before = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  /* The default proxy resolver and TLS database are what a new session
   * has; no accept-certificate handler is ever connected, so a TLS error
   * stays an error.
   */
  self->session = soup_session_new_with_options ("user-agent", self->user_agent,
                                                 "timeout", self->timeout,
                                                 "idle-timeout", 60,
                                                 "max-conns-per-host", 4,
                                                 NULL);
  /* Bodies are decoded here rather than by SoupContentDecoder, which
   * takes a gzip stream cut short for a whole one and passes a broken one
   * through undecoded: either would reach a parser as if it were the page.
   */
  soup_session_remove_feature_by_type (self->session, SOUP_TYPE_CONTENT_DECODER);
}

/**
 * bulletin_client_new:
 * @cache_dir: (nullable): where to keep what conditional requests need;
 *   %NULL for `$XDG_CACHE_HOME/bulletin/http`
 *
 * Returns: (transfer full): a new #BulletinClient
 */
BulletinClient *
bulletin_client_new (const char *cache_dir)
{
  return g_object_new (BULLETIN_TYPE_CLIENT,
                       "cache-dir", cache_dir,
                       NULL);
}

/**
 * bulletin_client_get_default:
 *
 * Returns: (transfer none): the process's shared client, with the default
 *   cache directory
 */
BulletinClient *
bulletin_client_get_default (void)
{
  static BulletinClient *default_client;

  if (g_once_init_enter (&default_client))
    g_once_init_leave (&default_client, bulletin_client_new (NULL));

  return default_client;
}

guint
bulletin_client_get_timeout (BulletinClient *self)
{
  g_return_val_if_fail (BULLETIN_IS_CLIENT (self), 0);

  return self->timeout;
}

/**
 * bulletin_client_set_timeout:
 * @self: a #BulletinClient
 * @seconds: the limit, at least 1
 *
 * Sets how long a whole request may take, and how long a connection may
 * stay silent.
 */
void
bulletin_client_set_timeout (BulletinClient *self,
                             guint           seconds)
{
  g_return_if_fail (BULLETIN_IS_CLIENT (self));

  seconds = MAX (seconds, 1);
  if (self->timeout == seconds)
    return;

  self->timeout = seconds;
  g_object_set (self->session, "timeout", seconds, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMEOUT]);
}

const char *
bulletin_client_get_cache_dir (BulletinClient *self)
{
  g_return_val_if_fail (BULLETIN_IS_CLIENT (self), NULL);

  return self->cache_dir;
}

const char *
bulletin_client_get_user_agent (BulletinClient *self)
{
  g_return_val_if_fail (BULLETIN_IS_CLIENT (self), NULL);

  return self->user_agent;
}

gsize
bulletin_client_get_max_size (BulletinClient    *self,
                              BulletinFetchKind  kind)
{
  g_return_val_if_fail (BULLETIN_IS_CLIENT (self), 0);
  g_return_val_if_fail (kind <= BULLETIN_FETCH_IMAGE, 0);

  return self->max_size[kind];
}

/**
 * bulletin_client_set_max_size:
 * @self: a #BulletinClient
 * @kind: a kind of fetch
 * @max_size: the most bytes, decoded, a response of @kind may have
 *
 * Changes a cap; tests use it to keep their fixtures small.
 */
void
bulletin_client_set_max_size (BulletinClient    *self,
                              BulletinFetchKind  kind,
                              gsize              max_size)
{
  g_return_if_fail (BULLETIN_IS_CLIENT (self));
  g_return_if_fail (kind <= BULLETIN_FETCH_IMAGE);
  g_return_if_fail (max_size > 0);

  self->max_size[kind] = max_size;
}

/**
 * bulletin_client_forget_retry_after:
 * @self: a #BulletinClient
 *
 * Forgets every host's Retry-After, as when the user asks to try again.
 */
void
bulletin_client_forget_retry_after (BulletinClient *self)
{
  g_return_if_fail (BULLETIN_IS_CLIENT (self));

  g_hash_table_remove_all (self->not_before);
}

/* Messages */

static const char *
kind_noun (BulletinFetchKind kind)
{
  switch (kind)
    {
    case BULLETIN_FETCH_FEED:
      return "feed";
    case BULLETIN_FETCH_IMAGE:
      return "image";
    case BULLETIN_FETCH_PAGE:
    default:
      return "page";
    }
}

static const char *
host_or_uri (FetchData *data)
{
  return data->host != NULL ? data->host : data->current_uri;
}

static GError *
error_for_status (FetchData *data,
                  guint      status,
                  gint64     retry_until)
{
  const char *host = host_or_uri (data);
  g_autofree char *when = NULL;

  if (retry_until > 0)
    {
      g_autoptr(GDateTime) until = g_date_time_new_from_unix_local (retry_until / G_USEC_PER_SEC);

      if (until != NULL)
        when = g_date_time_format (until, "%H:%M");
    }

  switch (status)
    {
    case SOUP_STATUS_NOT_FOUND:
    case SOUP_STATUS_GONE:
      return g_error_new (BULLETIN_ERROR, BULLETIN_ERROR_NOT_FOUND,
                          "The %s was not found on %s (HTTP %u).",
                          kind_noun (data->kind), host, status);

    case SOUP_STATUS_UNAUTHORIZED:
    case SOUP_STATUS_FORBIDDEN:
      return g_error_new (BULLETIN_ERROR, BULLETIN_ERROR_BLOCKED,
                          "The site refused the request (HTTP %u). "
                          "%s may be blocking automated readers.",
                          status, host);

    case STATUS_TOO_MANY_REQUESTS:
      if (when != NULL)
        return g_error_new (BULLETIN_ERROR, BULLETIN_ERROR_BLOCKED,
                            "%s is limiting requests (HTTP 429). Try again after %s.",
                            host, when);
      return g_error_new (BULLETIN_ERROR, BULLETIN_ERROR_BLOCKED,
                          "%s is limiting requests (HTTP 429). Try again later.",
                          host);

    default:
      break;
    }

  if (status >= 500 && status < 600)
    {
      if (when != NULL)
        return g_error_new (BULLETIN_ERROR, BULLETIN_ERROR_SERVER,
                            "%s has a problem (HTTP %u). Try again after %s.",
                            host, status, when);
      return g_error_new (BULLETIN_ERROR, BULLETIN_ERROR_SERVER,
                          "%s has a problem (HTTP %u). Try again later.",
                          host, status);
    }

  return g_error_new (BULLETIN_ERROR, BULLETIN_ERROR_FAILED,
                      "%s answered with HTTP %u.", host, status);
}

static GError *
error_too_large (FetchData *data)
{
  return g_error_new (BULLETIN_ERROR, BULLETIN_ERROR_TOO_LARGE,
                      "The %s from %s is larger than the limit of %" G_GSIZE_FORMAT " %s.",
                      kind_noun (data->kind), host_or_uri (data),
                      data->max_size >= 1024 * 1024 ? data->max_size / (1024 * 1024) : data->max_size,
                      data->max_size >= 1024 * 1024 ? "MiB" : "bytes");
}

/* Maps an error from GIO, GLib's resolver, TLS or libsoup to a
 * BULLETIN_ERROR code a person can be told about.
 */
static GError *
map_error (FetchData    *data,
           const GError *error)
{
  const char *host = host_or_uri (data);

  if (error->domain == BULLETIN_ERROR)
    return g_error_copy (error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      if (data->timed_out)
        return g_error_new (BULLETIN_ERROR, BULLETIN_ERROR_TIMED_OUT,
                            "%s took too long to answer.", host);
      return bulletin_error_new_cancelled ();
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    return g_error_new (BULLETIN_ERROR, BULLETIN_ERROR_TIMED_OUT,
                        "%s took too long to answer.", host);

  if (error->domain == G_RESOLVER_ERROR ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_HOST_NOT_FOUND))
    return g_error_new (BULLETIN_ERROR, BULLETIN_ERROR_OFFLINE,
                        "Cannot find %s. Check the network connection.", host);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NETWORK_UNREACHABLE) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_HOST_UNREACHABLE) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PROXY_FAILED) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PROXY_NOT_ALLOWED) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_CONNECTED))
    return g_error_new (BULLETIN_ERROR, BULLETIN_ERROR_OFFLINE,
                        "Cannot connect to %s. Check the network connection.", host);

  if (error->domain == G_TLS_ERROR)
    return g_error_new (BULLETIN_ERROR, BULLETIN_ERROR_TLS,
                        "The secure connection to %s could not be verified: %s",
                        host, error->message);

  /* Before the body (no buffer yet), libsoup says the same of a header
   * beyond its limit as of a connection closed before any answer.
   */
  if (!data->local && data->buffer == NULL &&
      (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT) ||
       g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_CLOSED)))
    return g_error_new (BULLETIN_ERROR, BULLETIN_ERROR_SERVER,
                        "%s broke off its answer, or sent a header too large to read.",
                        host);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_CLOSED) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_BROKEN_PIPE))
    return g_error_new (BULLETIN_ERROR, BULLETIN_ERROR_SERVER,
                        "%s closed the connection before the whole %s arrived.",
                        host, kind_noun (data->kind));

  /* From the decompressor: a Content-Encoding the bytes do not follow */
  if (!data->local && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA))
    return g_error_new (BULLETIN_ERROR, BULLETIN_ERROR_SERVER,
                        "%s sent a damaged %s: its compressed data cannot be read.",
                        host, kind_noun (data->kind));

  if (g_error_matches (error, SOUP_SESSION_ERROR, SOUP_SESSION_ERROR_PARSING))
    return g_error_new (BULLETIN_ERROR, BULLETIN_ERROR_SERVER,
                        "%s sent a broken answer that Bulletin cannot read.",
                        host);

  if (error->domain == SOUP_SESSION_ERROR)
    return g_error_new (BULLETIN_ERROR, BULLETIN_ERROR_SERVER,
                        "%s sent a response Bulletin cannot read (%s).",
                        host, error->message);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND) ||
      g_error_matches (error, G_RESOURCE_ERROR, G_RESOURCE_ERROR_NOT_FOUND))
    return g_error_new (BULLETIN_ERROR, BULLETIN_ERROR_NOT_FOUND,
                        "%s does not exist.", data->current_uri);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
    return g_error_new (BULLETIN_ERROR, BULLETIN_ERROR_NOT_FOUND,
                        "%s is a folder.", data->current_uri);

  return g_error_new (BULLETIN_ERROR, BULLETIN_ERROR_FAILED,
                      "Cannot read %s: %s", data->current_uri, error->message);
}

static void
return_error (GTask        *task,
              const GError *error)
{
  FetchData *data = g_task_get_task_data (task);

  g_task_return_error (task, map_error (data, error));
}

/* Content types that can never be what a kind expects. Feeds and pages
 * come with many types in the wild (text/xml, text/plain, text/html,
 * application/octet-stream...), so only what is plainly media is refused.
 */
static gboolean
content_type_refused (BulletinFetchKind  kind,
                      const char        *mime)
{
  static const char * const media_prefixes[] = {
    "image/", "audio/", "video/", "font/", "model/",
  };
  static const char * const binary_types[] = {
    "application/pdf", "application/zip", "application/gzip",
    "application/x-gzip", "application/x-tar", "application/vnd.ms-excel",
    "application/msword", "application/x-shockwave-flash", "application/wasm",
  };

  if (mime == NULL)
    return FALSE;

  /* Images: only what says it is one, or says nothing useful. */
  if (kind == BULLETIN_FETCH_IMAGE)
    return !g_str_has_prefix (mime, "image/") &&
           !g_str_equal (mime, "application/octet-stream") &&
           !g_str_equal (mime, "binary/octet-stream");

  for (guint i = 0; i < G_N_ELEMENTS (media_prefixes); i++)
    if (g_str_has_prefix (mime, media_prefixes[i]))
      return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (binary_types); i++)
    if (g_str_equal (mime, binary_types[i]))
      return TRUE;

  return FALSE;
}

static GError *
error_wrong_type (FetchData  *data,
                  const char *mime)
{
  int code;

  switch (data->kind)
    {
    case BULLETIN_FETCH_FEED:
      code = BULLETIN_ERROR_NOT_A_FEED;
      break;
    case BULLETIN_FETCH_PAGE:
      code = BULLETIN_ERROR_NOT_A_PAGE;
      break;
    case BULLETIN_FETCH_IMAGE:
    default:
      code = BULLETIN_ERROR_INVALID_DATA;
      break;
    }

  return g_error_new (BULLETIN_ERROR, code,
                      "%s sent %s where %s %s was expected.",
                      host_or_uri (data), mime,
                      data->kind == BULLETIN_FETCH_IMAGE ? "an" : "a",
                      kind_noun (data->kind));
}

/* The conditional-request store */

static char *
cache_key (const char *uri)
{
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, uri, -1);
}

static GFile *
cache_file (BulletinClient *self,
            const char     *uri,
            const char     *suffix)
{
  g_autofree char *key = cache_key (uri);
  g_autofree char *name = g_strconcat (key, suffix, NULL);

  return g_file_new_build_filename (self->cache_dir, name, NULL);
}

static gboolean
kind_uses_cache (BulletinFetchKind kind)
{
  return kind == BULLETIN_FETCH_FEED || kind == BULLETIN_FETCH_PAGE;
}

/* Steps of a fetch, in order */

static void start_request (GTask *task);
static void read_next_chunk (GTask *task);
static void finish_body (GTask *task);

static void
timeout_cb (gpointer user_data)
{
  FetchData *data = user_data;

  data->timed_out = TRUE;
  g_cancellable_cancel (data->cancellable);
}

static gboolean
timeout_source_cb (gpointer user_data)
{
  FetchData *data = user_data;

  g_clear_pointer (&data->timeout_source, g_source_unref);
  timeout_cb (data);

  return G_SOURCE_REMOVE;
}

static void
caller_cancelled_cb (GCancellable *caller,
                     GCancellable *ours)
{
  g_cancellable_cancel (ours);
}

static void
append_chunk (GTask  *task,
              GBytes *chunk)
{
  FetchData *data = g_task_get_task_data (task);
  gsize size;
  gconstpointer bytes = g_bytes_get_data (chunk, &size);

  g_byte_array_append (data->buffer, bytes, size);
}

static gboolean
body_is_short (FetchData *data)
{
  SoupMessageHeaders *headers = soup_message_get_response_headers (data->msg);
  const char *encoding = soup_message_headers_get_one (headers, "Content-Encoding");

  if (soup_message_headers_get_encoding (headers) != SOUP_ENCODING_CONTENT_LENGTH)
    return FALSE;
  if (encoding != NULL && g_ascii_strcasecmp (encoding, "identity") != 0)
    return FALSE;

  return (goffset) data->buffer->len < soup_message_headers_get_content_length (headers);
}

static void
read_chunk_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  FetchData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) chunk = NULL;

  chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (object), result, &error);
  if (chunk == NULL)
    {
      return_error (task, error);
      return;
    }

  if (g_bytes_get_size (chunk) == 0)
    {
      /* libsoup ends a body cut short by a closed connection as if it
       * were whole; without a Content-Encoding the length says so.
       */
      if (!data->local && body_is_short (data))
        {
          g_task_return_new_error (task, BULLETIN_ERROR, BULLETIN_ERROR_SERVER,
                                   "%s closed the connection before the whole %s arrived.",
                                   host_or_uri (data), kind_noun (data->kind));
          return;
        }
      finish_body (task);
      return;
    }

  /* The cap counts decoded bytes, so a compressed bomb stops here. */
  if (data->buffer->len + g_bytes_get_size (chunk) > data->max_size)
    {
      g_task_return_error (task, error_too_large (data));
      return;
    }

  append_chunk (task, chunk);
  read_next_chunk (g_steal_pointer (&task));
}

static void
read_next_chunk (GTask *task)
{
  FetchData *data = g_task_get_task_data (task);

  g_input_stream_read_bytes_async (data->stream,
                                   READ_CHUNK_SIZE,
                                   G_PRIORITY_DEFAULT,
                                   data->cancellable,
                                   read_chunk_cb,
                                   task);
}

static char *
guess_mime_type (const char *uri,
                 GBytes     *bytes)
{
  g_autofree char *basename = NULL;
  g_autofree char *content_type = NULL;
  g_autoptr(GFile) file = g_file_new_for_uri (uri);
  gsize size;
  const guchar *contents = g_bytes_get_data (bytes, &size);

  static const struct { const char *suffix; const char *mime; } known[] = {
    { ".xml", "application/xml" }, { ".rss", "application/rss+xml" },
    { ".atom", "application/atom+xml" }, { ".json", "application/json" },
    { ".html", "text/html" }, { ".htm", "text/html" }, { ".txt", "text/plain" },
    { ".png", "image/png" }, { ".jpg", "image/jpeg" }, { ".jpeg", "image/jpeg" },
    { ".gif", "image/gif" }, { ".webp", "image/webp" }, { ".svg", "image/svg+xml" },
  };

  basename = g_file_get_basename (file);

  /* The files Bulletin reads locally (editions, the demo) have these
   * names; the MIME database, which may be missing, is asked about others.
   */
  for (guint i = 0; basename != NULL && i < G_N_ELEMENTS (known); i++)
    if (g_str_has_suffix (basename, known[i].suffix))
      return g_strdup (known[i].mime);

  content_type = g_content_type_guess (basename, contents, MIN (size, 4096), NULL);

  return g_content_type_get_mime_type (content_type);
}

typedef struct
{
  char   *body_path;
  char   *meta_path;
  GBytes *body;
  GBytes *meta;
} CacheWrite;

static void
cache_write_free (CacheWrite *write)
{
  g_free (write->body_path);
  g_free (write->meta_path);
  g_clear_pointer (&write->body, g_bytes_unref);
  g_clear_pointer (&write->meta, g_bytes_unref);
  g_free (write);
}

/* Each file is written to a temporary one and renamed over the old; the
 * body first, then the validators that point at it.
 */
static void
cache_write_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  CacheWrite *write = task_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (write->body_path);

  if (!bulletin_mkdir_with_parents (dir, &error) ||
      !bulletin_atomic_file_write (write->body_path,
                                   g_bytes_get_data (write->body, NULL),
                                   g_bytes_get_size (write->body), &error) ||
      !bulletin_atomic_file_write (write->meta_path,
                                   g_bytes_get_data (write->meta, NULL),
                                   g_bytes_get_size (write->meta), &error))
    /* A cache that cannot be written only costs a full download next time. */
    g_debug ("Cannot keep %s: %s", write->body_path, error->message);

  g_task_return_boolean (task, TRUE);
}

static void
cache_written_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  FetchData *data = g_task_get_task_data (task);

  g_task_return_pointer (task, g_steal_pointer (&data->result), (GDestroyNotify) fetch_result_free);
}

static GBytes *
cache_meta (FetchData *data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  SoupMessageHeaders *headers = soup_message_get_response_headers (data->msg);
  const char *etag = soup_message_headers_get_one (headers, "ETag");
  const char *last_modified = soup_message_headers_get_one (headers, "Last-Modified");
  char *text;
  gsize length;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "uri");
  json_builder_add_string_value (builder, data->current_uri);
  if (etag != NULL)
    {
      json_builder_set_member_name (builder, "etag");
      json_builder_add_string_value (builder, etag);
    }
  if (last_modified != NULL)
    {
      json_builder_set_member_name (builder, "last-modified");
      json_builder_add_string_value (builder, last_modified);
    }
  if (data->result->content_type != NULL)
    {
      json_builder_set_member_name (builder, "content-type");
      json_builder_add_string_value (builder, data->result->content_type);
    }
  json_builder_set_member_name (builder, "stored");
  json_builder_add_int_value (builder, g_get_real_time () / G_USEC_PER_SEC);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, &length);

  return g_bytes_new_take (text, length);
}

static void
finish_body (GTask *task)
{
  BulletinClient *self = g_task_get_source_object (task);
  FetchData *data = g_task_get_task_data (task);
  SoupMessageHeaders *headers;

  data->result = g_new0 (FetchResult, 1);
  data->result->bytes = g_byte_array_free_to_bytes (g_steal_pointer (&data->buffer));
  data->result->final_uri = g_strdup (data->current_uri);

  if (data->local)
    {
      g_autofree char *mime = guess_mime_type (data->current_uri, data->result->bytes);

      if (content_type_refused (data->kind, mime))
        {
          g_task_return_error (task, error_wrong_type (data, mime));
          return;
        }
      data->result->content_type = g_steal_pointer (&mime);
      g_task_return_pointer (task, g_steal_pointer (&data->result), (GDestroyNotify) fetch_result_free);
      return;
    }

  data->result->content_type = g_steal_pointer (&data->content_type);

  headers = soup_message_get_response_headers (data->msg);
  if (!kind_uses_cache (data->kind) ||
      (soup_message_headers_get_one (headers, "ETag") == NULL &&
       soup_message_headers_get_one (headers, "Last-Modified") == NULL) ||
      soup_message_headers_header_contains (headers, "Cache-Control", "no-store"))
    {
      g_task_return_pointer (task, g_steal_pointer (&data->result), (GDestroyNotify) fetch_result_free);
      return;
    }

  {
    g_autoptr(GTask) write_task = g_task_new (NULL, NULL, cache_written_cb, g_object_ref (task));
    g_autoptr(GFile) body = cache_file (self, data->current_uri, ".body");
    g_autoptr(GFile) meta = cache_file (self, data->current_uri, ".json");
    CacheWrite *write = g_new0 (CacheWrite, 1);

    write->body_path = g_file_get_path (body);
    write->meta_path = g_file_get_path (meta);
    write->body = g_bytes_ref (data->result->bytes);
    write->meta = cache_meta (data);
    g_task_set_task_data (write_task, write, (GDestroyNotify) cache_write_free);
    g_task_run_in_thread (write_task, cache_write_thread);
  }
}

static void
cached_body_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  FetchData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  if (!g_file_load_contents_finish (G_FILE (object), result, &contents, &length, NULL, &error))
    {
      g_task_return_new_error (task, BULLETIN_ERROR, BULLETIN_ERROR_FAILED,
                               "%s answered \"not modified\" but the copy kept of it cannot be read: %s",
                               host_or_uri (data), error->message);
      return;
    }

  if (length > data->max_size)
    {
      g_free (contents);
      g_task_return_error (task, error_too_large (data));
      return;
    }

  data->result = g_new0 (FetchResult, 1);
  data->result->bytes = g_bytes_new_take (contents, length);
  data->result->content_type = g_strdup (data->cache_content_type);
  data->result->final_uri = g_strdup (data->current_uri);
  data->result->not_modified = TRUE;

  g_task_return_pointer (task, g_steal_pointer (&data->result), (GDestroyNotify) fetch_result_free);
}

static gint64
parse_retry_after (const char *value)
{
  g_autoptr(GDateTime) date = NULL;
  gint64 now = g_get_real_time ();
  guint64 seconds;
  char *end = NULL;

  if (value == NULL)
    return 0;

  while (g_ascii_isspace (*value))
    value++;

  if (g_ascii_isdigit (*value))
    {
      seconds = g_ascii_strtoull (value, &end, 10);
      if (end == value)
        return 0;
      seconds = CLAMP (seconds, 1, RETRY_AFTER_MAX_SECONDS);
      return now + (gint64) seconds * G_USEC_PER_SEC;
    }

  date = soup_date_time_new_from_http_string (value);
  if (date == NULL)
    return 0;

  return CLAMP (g_date_time_to_unix (date) * G_USEC_PER_SEC,
                now + G_USEC_PER_SEC,
                now + (gint64) RETRY_AFTER_MAX_SECONDS * G_USEC_PER_SEC);
}

static gboolean
follow_redirect (GTask *task)
{
  FetchData *data = g_task_get_task_data (task);
  const char *location;
  g_autofree char *target = NULL;
  g_autoptr(GUri) target_uri = NULL;
  g_autoptr(GError) error = NULL;
  const char *scheme;

  location = soup_message_headers_get_one (soup_message_get_response_headers (data->msg), "Location");
  if (location == NULL)
    return FALSE;

  /* Parsed rather than resolved to a string straight away: a Location
   * such as "http:.//x" resolves to a URI with no host that GUri cannot
   * write back.
   */
  {
    g_autoptr(GUri) base = g_uri_parse (data->current_uri, G_URI_FLAGS_ENCODED, NULL);

    if (base != NULL)
      target_uri = g_uri_parse_relative (base, location, G_URI_FLAGS_ENCODED, &error);
  }
  if (target_uri == NULL)
    {
      g_task_return_new_error (task, BULLETIN_ERROR, BULLETIN_ERROR_REDIRECT,
                               "%s redirected to an address that is not valid.",
                               host_or_uri (data));
      return TRUE;
    }

  scheme = g_uri_get_scheme (target_uri);
  if ((g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0) &&
      (g_uri_get_host (target_uri) == NULL || g_uri_get_host (target_uri)[0] == '\0'))
    {
      g_task_return_new_error (task, BULLETIN_ERROR, BULLETIN_ERROR_REDIRECT,
                               "%s redirected to an address that is not valid.",
                               host_or_uri (data));
      return TRUE;
    }
  if (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0)
    {
      g_task_return_new_error (task, BULLETIN_ERROR, BULLETIN_ERROR_REDIRECT,
                               "%s redirected to a %s: address, which Bulletin refuses to follow.",
                               host_or_uri (data), scheme);
      return TRUE;
    }

  g_clear_pointer (&target, g_free);
  target = g_uri_to_string (target_uri);

  if (g_hash_table_contains (data->visited, target))
    {
      g_task_return_new_error (task, BULLETIN_ERROR, BULLETIN_ERROR_REDIRECT,
                               "%s redirects in a loop.", host_or_uri (data));
      return TRUE;
    }

  if (++data->redirects > BULLETIN_CLIENT_MAX_REDIRECTS)
    {
      g_task_return_new_error (task, BULLETIN_ERROR, BULLETIN_ERROR_REDIRECT,
                               "%s redirected more than %d times.",
                               data->host != NULL ? data->host : data->uri,
                               BULLETIN_CLIENT_MAX_REDIRECTS);
      return TRUE;
    }

  g_debug ("Redirect %u: %s -> %s", data->redirects, data->current_uri, target);
  g_free (data->current_uri);
  data->current_uri = g_steal_pointer (&target);
  g_clear_object (&data->msg);
  g_clear_object (&data->stream);

  start_request (g_object_ref (task));
  return TRUE;
}

static void
send_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  BulletinClient *self = g_task_get_source_object (task);
  FetchData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  SoupMessageHeaders *headers;
  const char *encoding;
  guint status;

  data->stream = soup_session_send_finish (SOUP_SESSION (object), result, &error);
  if (data->stream == NULL)
    {
      return_error (task, error);
      return;
    }

  status = soup_message_get_status (data->msg);
  headers = soup_message_get_response_headers (data->msg);
  g_debug ("%s: HTTP %u", data->current_uri, status);

  if (SOUP_STATUS_IS_REDIRECTION (status) && status != SOUP_STATUS_NOT_MODIFIED &&
      follow_redirect (task))
    return;

  if (status == SOUP_STATUS_NOT_MODIFIED)
    {
      g_autoptr(GFile) body = NULL;

      if (data->cache_etag == NULL && data->cache_last_modified == NULL)
        {
          g_task_return_new_error (task, BULLETIN_ERROR, BULLETIN_ERROR_SERVER,
                                   "%s answered \"not modified\" to a request that was not conditional.",
                                   host_or_uri (data));
          return;
        }

      body = cache_file (self, data->current_uri, ".body");
      g_file_load_contents_async (body, data->cancellable, cached_body_cb, g_steal_pointer (&task));
      return;
    }

  if (status == STATUS_TOO_MANY_REQUESTS || status == SOUP_STATUS_SERVICE_UNAVAILABLE)
    {
      gint64 until = parse_retry_after (soup_message_headers_get_one (headers, "Retry-After"));

      if (until > 0 && data->host != NULL)
        {
          NotBefore *not_before = g_new0 (NotBefore, 1);

          not_before->until = until;
          not_before->status = status;
          g_hash_table_replace (self->not_before, g_strdup (data->host), not_before);
        }
      g_task_return_error (task, error_for_status (data, status, until));
      return;
    }

  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      g_task_return_error (task, error_for_status (data, status, 0));
      return;
    }

  data->content_type = g_strdup (soup_message_headers_get_content_type (headers, NULL));
  if (data->content_type != NULL)
    {
      g_autoptr(GHashTable) params = NULL;
      const char *mime = soup_message_headers_get_content_type (headers, &params);
      const char *charset = params != NULL ? g_hash_table_lookup (params, "charset") : NULL;

      if (content_type_refused (data->kind, mime))
        {
          g_task_return_error (task, error_wrong_type (data, mime));
          return;
        }

      /* Keep the charset parameter: the parsers may need it. */
      if (charset != NULL)
        {
          g_free (data->content_type);
          data->content_type = g_strdup_printf ("%s; charset=%s", mime, charset);
        }
    }

  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH &&
      soup_message_headers_get_content_length (headers) > (goffset) data->max_size)
    {
      g_task_return_error (task, error_too_large (data));
      return;
    }

  encoding = soup_message_headers_get_one (headers, "Content-Encoding");
  if (encoding != NULL && g_ascii_strcasecmp (encoding, "identity") != 0)
    {
      g_autoptr(GZlibDecompressor) decompressor = NULL;
      GInputStream *decoded;

      if (g_ascii_strcasecmp (encoding, "gzip") == 0 || g_ascii_strcasecmp (encoding, "x-gzip") == 0)
        decompressor = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);
      else if (g_ascii_strcasecmp (encoding, "deflate") == 0)
        decompressor = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB);
      else
        {
          g_task_return_new_error (task, BULLETIN_ERROR, BULLETIN_ERROR_SERVER,
                                   "%s sent the %s in an encoding Bulletin cannot read (%s).",
                                   host_or_uri (data), kind_noun (data->kind), encoding);
          return;
        }

      /* The cap still counts what comes out of it, so a bomb stops there. */
      decoded = g_converter_input_stream_new (data->stream, G_CONVERTER (decompressor));
      g_object_unref (data->stream);
      data->stream = decoded;
    }

  data->buffer = g_byte_array_new ();
  read_next_chunk (g_steal_pointer (&task));
}

static void
start_request (GTask *task)
{
  BulletinClient *self = g_task_get_source_object (task);
  FetchData *data = g_task_get_task_data (task);
  g_autoptr(GUri) uri = NULL;
  SoupMessageHeaders *headers;
  NotBefore *not_before;
  const char *accept;

  uri = g_uri_parse (data->current_uri, G_URI_FLAGS_ENCODED, NULL);
  if (uri == NULL)
    {
      g_task_return_new_error (task, BULLETIN_ERROR, BULLETIN_ERROR_UNSUPPORTED_URI,
                               "“%s” is not a valid address.", data->current_uri);
      g_object_unref (task);
      return;
    }
  g_free (data->host);
  data->host = g_strdup (uri != NULL ? g_uri_get_host (uri) : NULL);
  g_hash_table_add (data->visited, g_strdup (data->current_uri));

  not_before = data->host != NULL ? g_hash_table_lookup (self->not_before, data->host) : NULL;
  if (not_before != NULL)
    {
      if (not_before->until > g_get_real_time ())
        {
          g_task_return_error (task, error_for_status (data, not_before->status, not_before->until));
          g_object_unref (task);
          return;
        }
      g_hash_table_remove (self->not_before, data->host);
    }

  data->msg = soup_message_new_from_uri (SOUP_METHOD_GET, uri);
  soup_message_add_flags (data->msg, SOUP_MESSAGE_NO_REDIRECT);
  headers = soup_message_get_request_headers (data->msg);

  switch (data->kind)
    {
    case BULLETIN_FETCH_FEED:
      accept = "application/rss+xml, application/atom+xml, application/feed+json, "
               "application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5";
      break;
    case BULLETIN_FETCH_IMAGE:
      accept = "image/avif, image/webp, image/png, image/jpeg, image/*;q=0.8, */*;q=0.5";
      break;
    case BULLETIN_FETCH_PAGE:
    default:
      accept = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5";
      break;
    }
  soup_message_headers_replace (headers, "Accept", accept);
  soup_message_headers_replace (headers, "Accept-Encoding", "gzip");

  g_clear_pointer (&data->cache_etag, g_free);
  g_clear_pointer (&data->cache_last_modified, g_free);
  g_clear_pointer (&data->cache_content_type, g_free);

  if (kind_uses_cache (data->kind))
    {
      g_autoptr(GFile) meta = cache_file (self, data->current_uri, ".json");
      g_autoptr(GFile) body = cache_file (self, data->current_uri, ".body");
      g_autofree char *contents = NULL;
      gsize length;

      /* The validators are a few hundred bytes in the cache directory;
       * the body is only read, asynchronously, after a 304.
       */
      if (g_file_load_contents (meta, NULL, &contents, &length, NULL, NULL) &&
          g_file_query_exists (body, NULL))
        {
          g_autoptr(JsonNode) root = json_from_string (contents, NULL);

          if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
            {
              JsonObject *object = json_node_get_object (root);

              if (g_strcmp0 (bulletin_json_get_string (object, "uri"), data->current_uri) == 0)
                {
                  data->cache_etag = g_strdup (bulletin_json_get_string (object, "etag"));
                  data->cache_last_modified = g_strdup (bulletin_json_get_string (object, "last-modified"));
                  data->cache_content_type = g_strdup (bulletin_json_get_string (object, "content-type"));
                }
            }
        }

      if (data->cache_etag != NULL)
        soup_message_headers_replace (headers, "If-None-Match", data->cache_etag);
      if (data->cache_last_modified != NULL)
        soup_message_headers_replace (headers, "If-Modified-Since", data->cache_last_modified);
    }

  soup_session_send_async (self->session,
                           data->msg,
                           G_PRIORITY_DEFAULT,
                           data->cancellable,
                           send_cb,
                           task);
}

/* A local file (an edition on disk, the bundled demo) is read whole in
 * one worker thread rather than chunk by chunk through the main loop: each
 * asynchronous read came back to the main loop, and on a cold start the
 * main loop is busy drawing the window's first frame.
 */
static GBytes *
read_local (FetchData     *data,
            GCancellable  *cancellable,
            char         **content_type,
            GError       **error)
{
  g_autoptr(GFile) file = g_file_new_for_uri (data->uri);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GByteArray) buffer = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *mime = NULL;

  stream = g_file_read (file, cancellable, &local_error);
  if (stream == NULL)
    {
      g_propagate_error (error, map_error (data, local_error));
      return NULL;
    }

  buffer = g_byte_array_new ();
  for (;;)
    {
      g_autoptr(GBytes) chunk = NULL;
      gsize size;
      gconstpointer contents;

      chunk = g_input_stream_read_bytes (G_INPUT_STREAM (stream), READ_CHUNK_SIZE,
                                         cancellable, &local_error);
      if (chunk == NULL)
        {
          g_propagate_error (error, map_error (data, local_error));
          return NULL;
        }

      contents = g_bytes_get_data (chunk, &size);
      if (size == 0)
        break;

      if (buffer->len + size > data->max_size)
        {
          g_propagate_error (error, error_too_large (data));
          return NULL;
        }

      g_byte_array_append (buffer, contents, size);
    }

  bytes = g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
  mime = guess_mime_type (data->current_uri, bytes);
  if (content_type_refused (data->kind, mime))
    {
      g_propagate_error (error, error_wrong_type (data, mime));
      return NULL;
    }

  if (content_type != NULL)
    *content_type = g_steal_pointer (&mime);

  return g_steal_pointer (&bytes);
}

static void
read_local_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  FetchData *data = task_data;
  GError *error = NULL;
  g_autofree char *mime = NULL;
  GBytes *bytes;

  /* Ours, which the caller's cancels; the task's is the caller's. */
  bytes = read_local (data, data->cancellable, &mime, &error);
  if (bytes == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  data->result = g_new0 (FetchResult, 1);
  data->result->bytes = bytes;
  data->result->content_type = g_steal_pointer (&mime);
  data->result->final_uri = g_strdup (data->current_uri);
  g_task_return_pointer (task, g_steal_pointer (&data->result), (GDestroyNotify) fetch_result_free);
}

/**
 * bulletin_client_uri_is_local:
 * @uri: a URI
 *
 * Returns: whether @uri is one the client reads from the disk or the
 *   program's resources (file: or resource:) rather than the network
 */
gboolean
bulletin_client_uri_is_local (const char *uri)
{
  const char *colon;

  g_return_val_if_fail (uri != NULL, FALSE);

  colon = strchr (uri, ':');
  if (colon == NULL)
    return FALSE;

  return (colon - uri == 4 && g_ascii_strncasecmp (uri, "file", 4) == 0) ||
         (colon - uri == 8 && g_ascii_strncasecmp (uri, "resource", 8) == 0);
}

/**
 * bulletin_client_read_local:
 * @self: a #BulletinClient
 * @uri: a file or resource URI
 * @kind: what is expected, which sets the size cap
 * @cancellable: (nullable): a #GCancellable
 * @content_type: (out) (optional) (transfer full): the MIME type guessed
 * @error: return location for a #GError
 *
 * Reads a local @uri whole, blocking, with the cap, the content type
 * check and the errors of bulletin_client_fetch_async(). For a worker
 * thread that goes on to parse what it read; the cap is the one set when
 * this is called.
 *
 * Returns: (transfer full): the bytes, or %NULL with @error set
 */
GBytes *
bulletin_client_read_local (BulletinClient     *self,
                            const char         *uri,
                            BulletinFetchKind   kind,
                            GCancellable       *cancellable,
                            char              **content_type,
                            GError            **error)
{
  FetchData data = { 0 };

  g_return_val_if_fail (BULLETIN_IS_CLIENT (self), NULL);
  g_return_val_if_fail (uri != NULL, NULL);
  g_return_val_if_fail (bulletin_client_uri_is_local (uri), NULL);
  g_return_val_if_fail (kind <= BULLETIN_FETCH_IMAGE, NULL);

  data.uri = (char *) uri;
  data.current_uri = (char *) uri;
  data.kind = kind;
  data.max_size = self->max_size[kind];
  data.local = TRUE;

  return read_local (&data, cancellable, content_type, error);
}

/**
 * bulletin_client_fetch_async:
 * @self: a #BulletinClient
 * @uri: an http, https, file or resource URI
 * @kind: what is expected, which sets the size cap
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the fetch is done
 * @user_data: data for @callback
 *
 * Fetches @uri whole. Redirects are followed (at most
 * %BULLETIN_CLIENT_MAX_REDIRECTS, http and https only); a response larger
 * than the cap of @kind, a refused content type, an HTTP error, a timeout
 * or a TLS error each end the fetch with a #BulletinError.
 */
void
bulletin_client_fetch_async (BulletinClient      *self,
                             const char          *uri,
                             BulletinFetchKind    kind,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GUri) parsed = NULL;
  FetchData *data;
  const char *scheme;

  g_return_if_fail (BULLETIN_IS_CLIENT (self));
  g_return_if_fail (uri != NULL);
  g_return_if_fail (kind <= BULLETIN_FETCH_IMAGE);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, bulletin_client_fetch_async);
  g_task_set_check_cancellable (task, FALSE);

  data = g_new0 (FetchData, 1);
  data->uri = g_strdup (uri);
  data->current_uri = g_strdup (uri);
  data->kind = kind;
  data->max_size = self->max_size[kind];
  data->visited = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  data->cancellable = g_cancellable_new ();
  g_task_set_task_data (task, data, (GDestroyNotify) fetch_data_free);

  parsed = g_uri_parse (uri, G_URI_FLAGS_ENCODED, NULL);
  if (parsed == NULL)
    {
      g_task_return_new_error (task, BULLETIN_ERROR, BULLETIN_ERROR_UNSUPPORTED_URI,
                               "“%s” is not a valid address.", uri);
      return;
    }

  scheme = g_uri_get_scheme (parsed);

  if (cancellable != NULL)
    {
      data->caller_cancellable = g_object_ref (cancellable);
      data->caller_cancelled_id = g_cancellable_connect (cancellable,
                                                         G_CALLBACK (caller_cancelled_cb),
                                                         g_object_ref (data->cancellable),
                                                         g_object_unref);
    }

  if (g_ascii_strcasecmp (scheme, "file") == 0 ||
      g_ascii_strcasecmp (scheme, "resource") == 0)
    {
      data->local = TRUE;
      g_task_run_in_thread (task, read_local_thread);
      return;
    }

  if (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0)
    {
      g_task_return_new_error (task, BULLETIN_ERROR, BULLETIN_ERROR_UNSUPPORTED_URI,
                               "Bulletin does not fetch %s: addresses.", scheme);
      return;
    }

  if (g_uri_get_host (parsed) == NULL || g_uri_get_host (parsed)[0] == '\0')
    {
      g_task_return_new_error (task, BULLETIN_ERROR, BULLETIN_ERROR_UNSUPPORTED_URI,
                               "“%s” has no host.", uri);
      return;
    }

  /* The session's own timeout ends a silent connection; this one ends a
   * server that trickles bytes forever, and covers the whole redirect chain.
   */
  data->timeout_source = g_timeout_source_new_seconds (self->timeout);
  g_source_set_callback (data->timeout_source, timeout_source_cb, data, NULL);
  g_source_set_static_name (data->timeout_source, "[bulletin] fetch timeout");
  g_source_attach (data->timeout_source, g_task_get_context (task));

  start_request (g_steal_pointer (&task));
}

/**
 * bulletin_client_fetch_finish_full:
 * @self: a #BulletinClient
 * @result: the #GAsyncResult
 * @content_type: (out) (optional) (transfer full) (nullable): the MIME type,
 *   with its charset parameter when the server gave one
 * @final_uri: (out) (optional) (transfer full): the URI after redirects
 * @not_modified: (out) (optional): set to %TRUE when the server answered
 *   304 Not Modified and the returned bytes are the copy kept from before
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the decoded body, or %NULL with @error set
 */
GBytes *
bulletin_client_fetch_finish_full (BulletinClient  *self,
                                   GAsyncResult    *result,
                                   char           **content_type,
                                   char           **final_uri,
                                   gboolean        *not_modified,
                                   GError         **error)
{
  FetchResult *fetched;
  GBytes *bytes;

  g_return_val_if_fail (BULLETIN_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == bulletin_client_fetch_async, NULL);

  fetched = g_task_propagate_pointer (G_TASK (result), error);
  if (fetched == NULL)
    return NULL;

  bytes = g_steal_pointer (&fetched->bytes);
  if (content_type != NULL)
    *content_type = g_steal_pointer (&fetched->content_type);
  if (final_uri != NULL)
    *final_uri = g_steal_pointer (&fetched->final_uri);
  if (not_modified != NULL)
    *not_modified = fetched->not_modified;

  fetch_result_free (fetched);

  return bytes;
}

/**
 * bulletin_client_fetch_finish:
 * @self: a #BulletinClient
 * @result: the #GAsyncResult
 * @content_type: (out) (optional) (transfer full) (nullable): the MIME type
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the decoded body, or %NULL with @error set
 */
GBytes *
bulletin_client_fetch_finish (BulletinClient  *self,
                              GAsyncResult    *result,
                              char           **content_type,
                              GError         **error)
{
  return bulletin_client_fetch_finish_full (self, result, content_type, NULL, NULL, error);
}
