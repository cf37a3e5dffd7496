/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bulletin-url"

#include "config.h"

#include <string.h>

#include "bulletin-bytes-private.h"
#include "bulletin-url-private.h"

/* Remote documents hand us URLs the way browsers read them, not the way
 * RFC 3986 writes them: padded with spaces, broken over lines, with raw
 * spaces inside. GUri is strict, so the URL is first put in the shape a
 * browser's parser would see (the WHATWG URL standard strips leading and
 * trailing C0 controls and spaces and removes every tab and newline), then
 * parsed relaxedly and kept percent-encoded as it came.
 */
#define URI_FLAGS (G_URI_FLAGS_ENCODED | G_URI_FLAGS_PARSE_RELAXED)

static gboolean
is_c0_or_space (guchar c)
{
  return c <= 0x20;
}

/**
 * bulletin_url_clean:
 * @url: (nullable): a URL as found in a document
 *
 * Removes what a browser ignores in a URL: leading and trailing control
 * characters and spaces, and every tab and line break. Spaces and other
 * control characters left inside are percent-encoded, so that the result
 * reads the same to GUri as @url does to a browser.
 *
 * Returns: (transfer full) (nullable): the cleaned URL, %NULL for %NULL
 */
char *
bulletin_url_clean (const char *url)
{
  const guchar *start;
  const guchar *end;
  const guchar *p;
  GString *clean;

  if (url == NULL)
    return NULL;

  start = (const guchar *) url;
  end = start + strlen (url);
  while (start < end && is_c0_or_space (*start))
    start++;
  while (end > start && is_c0_or_space (end[-1]))
    end--;

  /* Most URLs have nothing to remove or encode: eight bytes at a time
   * while none is below 0x21 or 0x7f. */
  p = start;
  while (end - p >= 8)
    {
      guint64 word = bulletin_bytes_load (p);

      if ((bulletin_bytes_below (word, 0x21) | bulletin_bytes_equal (word, 0x7f)) != 0)
        break;
      p += 8;
    }
  for (; p < end && *p > 0x20 && *p != 0x7f; p++)
    ;
  if (p == end)
    return g_strndup ((const char *) start, end - start);

  clean = g_string_sized_new (end - start);
  for (p = start; p < end; p++)
    {
      if (*p == '\t' || *p == '\n' || *p == '\r')
        continue;
      if (*p <= 0x20 || *p == 0x7f)
        g_string_append_printf (clean, "%%%02X", *p);
      else
        g_string_append_c (clean, *p);
    }

  return g_string_free (clean, FALSE);
}

static gboolean
is_scheme_char (char c,
                gboolean first)
{
  if (g_ascii_isalpha (c))
    return TRUE;
  return !first && (g_ascii_isdigit (c) || c == '+' || c == '-' || c == '.');
}

/* The length of @url's scheme, 0 when it has none. */
static gsize
scheme_length (const char *url)
{
  gsize i;

  for (i = 0; url[i] != '\0' && url[i] != ':'; i++)
    if (!is_scheme_char (url[i], i == 0))
      return 0;

  return url[i] == ':' ? i : 0;
}

/**
 * bulletin_url_get_scheme:
 * @url: (nullable): a URL
 *
 * Finds the scheme of @url as a browser would, after bulletin_url_clean():
 * `JaVa\tScript:` has the scheme `javascript`.
 *
 * Returns: (transfer full) (nullable): the scheme in lower case, or %NULL
 *   when @url has none (a relative reference)
 */
char *
bulletin_url_get_scheme (const char *url)
{
  char buffer[32];
  gsize length = bulletin_url_peek_scheme (url, buffer, sizeof buffer);
  char *scheme;

  if (length == 0)
    return NULL;
  if (length < sizeof buffer)
    return g_strndup (buffer, length);

  scheme = g_malloc (length + 1);
  bulletin_url_peek_scheme (url, scheme, length + 1);
  return scheme;
}

/*
 * bulletin_url_peek_scheme:
 * @url: (nullable): a URL
 * @buffer: where the scheme goes
 * @size: the size of @buffer
 *
 * bulletin_url_get_scheme() without an allocation, as the sanitizer asks
 * of every link and image: the scheme in lower case in @buffer,
 * NUL-terminated, when it is shorter than @size.
 *
 * Returns: the length of the scheme, 0 when @url has none
 */
gsize
bulletin_url_peek_scheme (const char *url,
                          char       *buffer,
                          gsize       size)
{
  const char *start;
  const char *p;
  gsize length = 0;

  g_return_val_if_fail (size > 0, 0);

  buffer[0] = '\0';
  if (url == NULL)
    return 0;

  /* scheme_length (bulletin_url_clean (url)) without the copy: the
   * leading spaces and controls go, tabs and line breaks are skipped, and
   * any other control or space would be percent-encoded, which ends a
   * scheme as well. */
  start = url;
  while (*start != '\0' && is_c0_or_space (*start))
    start++;
  for (p = start; *p != '\0' && *p != ':'; p++)
    {
      if (*p == '\t' || *p == '\n' || *p == '\r')
        continue;
      if (!is_scheme_char (*p, length == 0))
        return 0;
      if (length + 1 < size)
        buffer[length] = g_ascii_tolower (*p);
      length++;
    }
  if (*p != ':' || length == 0)
    {
      buffer[0] = '\0';
      return 0;
    }

  buffer[MIN (length, size - 1)] = '\0';
  return length;
}

/**
 * bulletin_url_uri_is_writable:
 * @uri: a parsed #GUri
 *
 * GUri can parse what it cannot write back (a critical in g_uri_join()):
 * a host followed by a path not starting with '/' (the relaxed parse reads
 * "http://a.example;b/c" as host and parameters ";b/c"), or no host and a
 * path starting with "//" ("https:/..///a.example/", or "resource:/.//x"
 * once dot segments are gone). Neither is a valid address.
 *
 * Returns: whether @uri is neither, so g_uri_to_string() may write it
 */
gboolean
bulletin_url_uri_is_writable (GUri *uri)
{
  const char *path = g_uri_get_path (uri);

  return g_uri_get_host (uri) != NULL ? (path[0] == '\0' || path[0] == '/')
                                      : !(path[0] == '/' && path[1] == '/');
}

static gboolean
contains_ace_label (const char *text)
{
  g_autofree char *lower = text != NULL ? g_ascii_strdown (text, -1) : NULL;

  return lower != NULL && strstr (lower, "xn--") != NULL;
}

/* GUri turns an international host name into its ASCII form. A document
 * that wrote the host in Unicode gets it back in Unicode.
 */
static char *
restore_unicode_host (GUri       *uri,
                      const char *base,
                      const char *reference)
{
  const char *host = g_uri_get_host (uri);
  g_autofree char *unicode_host = NULL;

  if (host == NULL || !g_hostname_is_ascii_encoded (host) ||
      contains_ace_label (base) || contains_ace_label (reference))
    return g_uri_to_string (uri);

  unicode_host = g_hostname_to_unicode (host);
  if (unicode_host == NULL)
    return g_uri_to_string (uri);

  return g_uri_join (G_URI_FLAGS_ENCODED,
                     g_uri_get_scheme (uri),
                     g_uri_get_userinfo (uri),
                     unicode_host,
                     g_uri_get_port (uri),
                     g_uri_get_path (uri),
                     g_uri_get_query (uri),
                     g_uri_get_fragment (uri));
}

/* A character GUri keeps as it is in a path, query or fragment, and
 * that means the same everywhere in one. */
static inline gboolean
is_plain_char_slow (char c)
{
  return g_ascii_isalnum (c) || c == '-' || c == '.' || c == '_' || c == '~';
}

static inline gboolean
is_plain_query_char_slow (char c)
{
  return is_plain_char_slow (c) || c == '/' || c == '=' || c == '&' || c == '+' ||
         c == ',' || c == ':' || c == '@' || c == '?';
}

/* The two above, and a character of a plain host name, as a table: the
 * sanitizer asks of every character of every link. */
enum
{
  URL_PLAIN = 1 << 0,
  URL_PLAIN_QUERY = 1 << 1,
  URL_HOST = 1 << 2,
};

static guint8 url_classes[256];

static void
ensure_url_classes (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      for (guint c = 1; c < G_N_ELEMENTS (url_classes); c++)
        url_classes[c] = (is_plain_char_slow (c) ? URL_PLAIN : 0) |
                         (is_plain_query_char_slow (c) ? URL_PLAIN_QUERY : 0) |
                         (g_ascii_islower (c) || g_ascii_isdigit (c) || c == '-' ? URL_HOST : 0);
      g_once_init_leave (&initialized, 1);
    }
}

static inline gboolean
is_plain_char (char c)
{
  return (url_classes[(guchar) c] & URL_PLAIN) != 0;
}

static inline gboolean
is_plain_query_char (char c)
{
  return (url_classes[(guchar) c] & URL_PLAIN_QUERY) != 0;
}

/* The length of "http://host" or "https://host" at the start of @url
 * when the host is a plain DNS name in lower case (no port, no user, no
 * IDN label), else 0. */
static gsize
plain_origin_length (const char *url)
{
  const char *p;

  if (strncmp (url, "https://", 8) == 0)
    p = url + 8;
  else if (strncmp (url, "http://", 7) == 0)
    p = url + 7;
  else
    return 0;

  for (;;)
    {
      const char *label = p;

      while (url_classes[(guchar) *p] & URL_HOST)
        p++;
      if (p == label || label[0] == '-' || p[-1] == '-' ||
          (p - label >= 4 && strncmp (label, "xn--", 4) == 0))
        return 0;
      if (*p != '.')
        break;
      p++;
    }

  return *p == '\0' || *p == '/' ? (gsize) (p - url) : 0;
}

/* Whether @rest, what follows the origin, is nothing or a path from '/'
 * with an optional query and fragment, all of which GUri would write
 * back as they are: no dot segment, no empty segment, no escapes. */
static gboolean
is_plain_rest (const char *rest)
{
  const char *p = rest;

  if (*p == '\0')
    return TRUE;
  if (*p != '/')
    return FALSE;

  while (*p == '/')
    {
      const char *segment = ++p;
      gsize length;

      while (is_plain_char (*p))
        p++;
      length = p - segment;
      if ((length == 1 && segment[0] == '.') ||
          (length == 2 && segment[0] == '.' && segment[1] == '.') ||
          (length == 0 && *p == '/'))
        return FALSE;
    }

  if (*p == '?')
    for (p++; is_plain_query_char (*p); p++)
      ;
  if (*p == '#')
    for (p++; is_plain_query_char (*p); p++)
      ;

  return *p == '\0';
}

/*
 * bulletin_url_resolve_plain:
 * @base: (nullable): as for bulletin_url_resolve()
 * @clean_reference: a reference after bulletin_url_clean()
 *
 * Most links and images of a feed are a plain absolute URL or a plain
 * path from the root of a plain base, and for those GUri's answer is
 * known without parsing: the URL as it is, or the base's origin and the
 * path. tests/test-sanitizer-fastpath.c compares the two on every URL of
 * the test data and the corpus.
 *
 * Returns: (transfer full) (nullable): what bulletin_url_resolve() gives,
 *   or %NULL when the URLs are not that plain
 */
/*
 * bulletin_url_is_plain_absolute:
 * @clean_url: a URL after bulletin_url_clean()
 *
 * Whether @clean_url is a plain http or https URL that
 * bulletin_url_resolve() gives back as it is, whatever the base: the
 * sanitizer's shortcut for the absolute links of a feed.
 */
gboolean
bulletin_url_is_plain_absolute (const char *clean_url)
{
  gsize origin;

  ensure_url_classes ();
  origin = plain_origin_length (clean_url);

  return origin > 0 && is_plain_rest (clean_url + origin);
}

char *
bulletin_url_resolve_plain (const char *base,
                            const char *clean_reference)
{
  gsize origin;

  ensure_url_classes ();
  origin = plain_origin_length (clean_reference);
  if (origin > 0)
    return is_plain_rest (clean_reference + origin) ? g_strdup (clean_reference) : NULL;

  if (clean_reference[0] == '/' && clean_reference[1] != '/' && base != NULL &&
      is_plain_rest (clean_reference))
    {
      g_autofree char *clean_base = bulletin_url_clean (base);

      origin = plain_origin_length (clean_base);
      if (origin > 0 && is_plain_rest (clean_base + origin))
        {
          GString *joined = g_string_new_len (clean_base, origin);

          g_string_append (joined, clean_reference);
          return g_string_free (joined, FALSE);
        }
    }

  return NULL;
}

static char *
resolve_with_guri (const char *base,
                   const char *reference,
                   const char *clean)
{
  g_autoptr(GUri) uri = NULL;

  if (scheme_length (clean) > 0)
    {
      uri = g_uri_parse (clean, URI_FLAGS, NULL);
    }
  else
    {
      g_autofree char *clean_base = bulletin_url_clean (base);
      g_autoptr(GUri) base_uri = NULL;

      if (clean_base == NULL || scheme_length (clean_base) == 0)
        return NULL;

      base_uri = g_uri_parse (clean_base, URI_FLAGS, NULL);
      if (base_uri == NULL)
        return NULL;
      uri = g_uri_parse_relative (base_uri, clean, URI_FLAGS, NULL);
    }

  if (uri == NULL)
    return NULL;

  if (!bulletin_url_uri_is_writable (uri))
    return NULL;

  return restore_unicode_host (uri, base, reference);
}

/*
 * bulletin_url_resolve_with_guri:
 *
 * bulletin_url_resolve() always through GUri, for the tests.
 */
char *
bulletin_url_resolve_with_guri (const char *base,
                                const char *reference)
{
  g_autofree char *clean = bulletin_url_clean (reference);

  if (clean == NULL)
    return NULL;

  return resolve_with_guri (base, reference, clean);
}

/**
 * bulletin_url_resolve:
 * @base: (nullable): the absolute URL of the document
 * @reference: (nullable): a URL found in it, absolute or relative
 *
 * Resolves @reference against @base the way a browser would: surrounding
 * spaces and embedded line breaks are ignored, protocol-relative
 * references (`//host/path`) take the scheme of @base, fragments are kept.
 * The result is not checked for safety; see bulletin_url_is_safe_link().
 *
 * Returns: (transfer full) (nullable): the absolute URL, or %NULL when
 *   @reference is %NULL, cannot be parsed, or is relative while @base is
 *   %NULL or not absolute
 */
char *
bulletin_url_resolve (const char *base,
                      const char *reference)
{
  g_autofree char *clean = bulletin_url_clean (reference);
  char *plain;

  if (clean == NULL)
    return NULL;

  plain = bulletin_url_resolve_plain (base, clean);
  if (plain != NULL)
    return plain;

  return resolve_with_guri (base, reference, clean);
}

static gboolean
is_http_with_host (const char *url)
{
  g_autofree char *clean = bulletin_url_clean (url);
  g_autoptr(GUri) uri = NULL;
  const char *scheme;
  const char *host;

  if (clean == NULL)
    return FALSE;

  /* the usual link of a feed, without GUri */
  if (bulletin_url_is_plain_absolute (clean))
    return TRUE;

  uri = g_uri_parse (clean, URI_FLAGS, NULL);
  if (uri == NULL)
    return FALSE;

  scheme = g_uri_get_scheme (uri);
  host = g_uri_get_host (uri);

  return (g_ascii_strcasecmp (scheme, "http") == 0 ||
          g_ascii_strcasecmp (scheme, "https") == 0) &&
         host != NULL && host[0] != '\0';
}

/**
 * bulletin_url_is_http:
 * @url: (nullable): a URL
 *
 * Returns: whether @url is an absolute http: or https: URL with a host
 */
gboolean
bulletin_url_is_http (const char *url)
{
  return is_http_with_host (url);
}

/**
 * bulletin_url_is_safe_link:
 * @url: (nullable): an absolute URL
 *
 * Whether @url may be opened when the reader clicks it: http: or https:
 * with a host, or mailto:. Anything else (javascript:, data:, file:,
 * relative references) is not.
 *
 * Returns: whether @url is a safe link target
 */
gboolean
bulletin_url_is_safe_link (const char *url)
{
  g_autofree char *scheme = bulletin_url_get_scheme (url);

  if (g_strcmp0 (scheme, "mailto") == 0)
    return TRUE;

  return is_http_with_host (url);
}
