/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-listing-canonical"

#include "config.h"

#include <string.h>

#include "bulletin-core.h"
#include "bulletin-listing-parser.h"
#include "bulletin-url.h"
#include "test-utils.h"

/* bulletin_listing_canonical_url() is every article's dedup key, so it was
 * made cheaper: a plain URL skips GUri, and the query is filtered in place.
 * It must give what it gave before, byte for byte, or the section model
 * would stop seeing two copies of an article as one (and the keys kept in
 * the headline cache would no longer match). The way it was is kept here,
 * word for word, and the two are compared on chosen hard cases and on every
 * link of the test data and the shared corpus, against several bases.
 */

static gboolean
reference_is_tracking_param (const char *name,
                             gsize       length)
{
  static const char * const names[] = {
    "fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid", "yclid",
    "_ga", "_gl", "ocid", "cmpid", NULL
  };
  g_autofree char *key = g_ascii_strdown (name, length);

  if (g_str_has_prefix (key, "utm_"))
    return TRUE;
  return g_strv_contains (names, key);
}

static char *
reference_canonical_url (const char *base,
                         const char *href)
{
  g_autofree char *resolved = NULL;
  g_autoptr(GString) out = NULL;
  char *hash, *query;

  if (href == NULL || *href == '\0' || href[0] == '#')
    return NULL;
  resolved = bulletin_url_resolve (base, href);
  if (resolved == NULL || !bulletin_url_is_http (resolved))
    return NULL;

  hash = strchr (resolved, '#');
  if (hash != NULL)
    *hash = '\0';

  query = strchr (resolved, '?');
  if (query == NULL)
    return g_steal_pointer (&resolved);

  *query = '\0';
  out = g_string_new (resolved);
  {
    g_auto(GStrv) params = g_strsplit (query + 1, "&", -1);
    gboolean first = TRUE;

    for (guint i = 0; params[i] != NULL; i++)
      {
        gsize name_length = strcspn (params[i], "=");

        if (*params[i] == '\0' || reference_is_tracking_param (params[i], name_length))
          continue;
        g_string_append_c (out, first ? '?' : '&');
        g_string_append (out, params[i]);
        first = FALSE;
      }
  }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static const char * const bases[] = {
  NULL,
  "https://example.org/dir/page",
  "http://news.example.com/a/b/?x=1#top",
  "https://xn--80ak6aa92e.com/",
  "https://EXAMPLE.org:8443/dir/",
  "  https://example.org/with space/page ",
  "file:///tmp/feed.xml",
};

static const char * const hrefs[] = {
  "https://example.org/a/b-c?utm_source=x&utm_medium=y",
  "https://example.org/a/b-c?id=4&utm_campaign=z#frag",
  "https://example.org/a?UTM_Source=x&FBCLID=1&Gclid=2&keep=1",
  "https://example.org/a?utm_=1&utm=2&utmx=3&_ga=4&_gax=5&ocid=6&cmpid",
  "https://example.org/a?&&id=1&&",
  "https://example.org/a?",
  "https://example.org/a?#f",
  "https://example.org/a#f?utm_source=x",
  "https://example.org/a?=x&=&id=1",
  "https://example.org/a?id=1&id=1&utm_source=rss",
  "https://example.org/a?b=c=d&utm_source=x=y",
  "https://english.almayadeen.net/news/politics/feed0-item-12?utm_source=rss",
  "/a/b-c?utm_source=x", "b-c?fbclid=1&gclid=2", "../up?x=1", "./same", "?q=1&utm_term=2",
  "//cdn.example.org/x-y-z", "#only-a-fragment", "", " ", "javascript:void(0)",
  "mailto:someone@example.org", "ftp://example.org/a", "file:///etc/passwd",
  "https://", "https:///a", "http://a", "http://a.", "http://-a.example/", "http://a-.example/",
  "https://EXAMPLE.org/A", "https://example.org:443/a", "https://user@example.org/a",
  "https://xn--80ak6aa92e.com/a?utm_source=x", "https://\xd0\xbf\xd1\x80\xd0\xb8\xd0\xbc\xd0\xb5\xd1\x80.com/a",
  "https://example.org/\xc3\xa9?utm_source=x", "https://example.org/a%20b?x=%41",
  "https://example.org/a b?utm_source=x", "\thttps://example.org/a\n?id=1 ",
  "https://example.org/a/./b/../c?id=1", "https://example.org//a", "https://example.org/a?x=1#",
  "HTTPS://example.org/a", "https://example.org/a?q=a+b&r=c,d&s=e:f@g/h?i",
  "https://[::1]/a?utm_source=x", "https://127.0.0.1:8080/a?id=1", "https://example.org/~u/a_b.c-d",
};

static guint compared;
static guint non_null;

static void
check (const char *base,
       const char *href)
{
  g_autofree char *got = bulletin_listing_canonical_url (base, href);
  g_autofree char *want = reference_canonical_url (base, href);

  if (g_strcmp0 (got, want) != 0)
    g_test_message ("base %s, href %s: now %s, before %s", base, href, got, want);
  g_assert_cmpstr (got, ==, want);
  compared++;
  if (want != NULL)
    non_null++;
}

static void
test_cases (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (hrefs); i++)
    for (guint j = 0; j < G_N_ELEMENTS (bases); j++)
      check (bases[j], hrefs[i]);
}

static void
test_known (void)
{
  static const struct { const char *base; const char *href; const char *want; } cases[] = {
    { NULL, "https://example.org/a?UTM_Source=x&keep=1&FBCLID=2", "https://example.org/a?keep=1" },
    { NULL, "https://example.org/a?&&id=1&&", "https://example.org/a?id=1" },
    { NULL, "https://example.org/a?utm_source=x#f", "https://example.org/a" },
    { NULL, "/relative", NULL },
    { "https://example.org/dir/page", "x?_gl=1&a=b", "https://example.org/dir/x?a=b" },
    { NULL, " https://example.org/a b ", "https://example.org/a%20b" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = bulletin_listing_canonical_url (cases[i].base, cases[i].href);

      g_assert_cmpstr (got, ==, cases[i].want);
    }
}

/* The values of href="…", src="…", "url": "…" and link, guid and id
 * elements, anywhere in @text. */
static void
collect_urls (const char *text,
              GHashTable *urls)
{
  test_utils_collect_between (text, "href=\"", "\"", urls);
  test_utils_collect_between (text, "href='", "'", urls);
  test_utils_collect_between (text, "src=\"", "\"", urls);
  test_utils_collect_between (text, "<link>", "</link>", urls);
  test_utils_collect_between (text, "<guid>", "</guid>", urls);
  test_utils_collect_between (text, "<id>", "</id>", urls);
  test_utils_collect_between (text, "\"url\": \"", "\"", urls);
  test_utils_collect_between (text, "\"url\":\"", "\"", urls);
}

static void
collect_file (const char *path,
              gpointer    urls)
{
  g_autofree char *contents = NULL;

  if (g_file_get_contents (path, &contents, NULL, NULL))
    collect_urls (contents, urls);
}

static void
check_tree (const char *dir)
{
  static const char * const suffixes[] = { ".html", ".xml", ".json", ".rss", ".atom", NULL };
  g_autoptr(GHashTable) urls = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer url;
  guint before = compared, before_non_null = non_null;

  test_utils_walk_tree (dir, suffixes, collect_file, urls);
  g_hash_table_iter_init (&iter, urls);
  while (g_hash_table_iter_next (&iter, &url, NULL))
    for (guint j = 0; j < G_N_ELEMENTS (bases); j++)
      check (bases[j], url);

  g_test_message ("%s: %u links, %u compared, %u canonical", dir, g_hash_table_size (urls),
                  compared - before, non_null - before_non_null);
  /* the data's links are mostly articles: if none is canonical, the
   * comparison proves nothing */
  g_assert_cmpuint (non_null - before_non_null, >, (compared - before) / 10);
}

static void
test_data (void)
{
  check_tree (TEST_DATA_DIR);
}

static void
test_corpus (void)
{
  const char *corpus = g_getenv ("BULLETIN_CORPUS_DIR");

  if (corpus == NULL || !g_file_test (corpus, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("no shared corpus (BULLETIN_CORPUS_DIR)");
      return;
    }
  check_tree (corpus);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/listing-canonical/known", test_known);
  g_test_add_func ("/listing-canonical/cases", test_cases);
  g_test_add_func ("/listing-canonical/data", test_data);
  g_test_add_func ("/listing-canonical/corpus", test_corpus);

  return g_test_run ();
}
