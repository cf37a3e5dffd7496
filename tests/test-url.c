/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-url"

#include "config.h"

#include "bulletin-core.h"

typedef struct
{
  const char *base;
  const char *reference;
  const char *expected;
} ResolveCase;

static const ResolveCase resolve_cases[] = {
  { "http://a.test/b/c.html", "d.html", "http://a.test/b/d.html" },
  { "http://a.test/b/c.html", "../d.html", "http://a.test/d.html" },
  { "http://a.test/b/c.html", "/d", "http://a.test/d" },
  { "http://a.test/b/c.html", "//cdn.test/i.jpg", "http://cdn.test/i.jpg" },
  { "https://a.test/b/c.html", "//cdn.test/i.jpg", "https://cdn.test/i.jpg" },
  { "http://a.test/b/c.html", "#top", "http://a.test/b/c.html#top" },
  { "http://a.test/b/c.html", "?q=1", "http://a.test/b/c.html?q=1" },
  { "http://a.test/b/c.html", "", "http://a.test/b/c.html" },
  { "http://a.test/b/c.html", "  d.html  ", "http://a.test/b/d.html" },
  { "http://a.test/b/c.html", "d e.html", "http://a.test/b/d%20e.html" },
  { "http://a.test/b/c.html", "d\n.html", "http://a.test/b/d.html" },
  { "http://a.test/b/c.html", "/p?q=1&r=%2F", "http://a.test/p?q=1&r=%2F" },
  { "http://a.test", "x", "http://a.test/x" },
  { "http://127.0.0.1:8097/feed", " /relative/uri ", "http://127.0.0.1:8097/relative/uri" },
  { "http://a.test/", "https://b.test/x#f", "https://b.test/x#f" },
  { "http://a.test/", "mailto:desk@a.test", "mailto:desk@a.test" },
  { "http://a.test/", "javascript:alert(1)", "javascript:alert(1)" },
  { NULL, "http://a.test/x", "http://a.test/x" },
  { NULL, "  https://a.test/x  ", "https://a.test/x" },
  { NULL, "/x", NULL },
  { NULL, "x.html", NULL },
  { "not absolute", "x.html", NULL },
  { "/relative/base", "x.html", NULL },
  { "http://a.test/", NULL, NULL },
  { "http://a.test/", "http://a.test:bad/", NULL },
  { "http://www.詹姆斯.com/feed", "", "http://www.詹姆斯.com/feed" },
  { "http://www.詹姆斯.com/feed", "x", "http://www.詹姆斯.com/x" },
  { "http://a.test/", "http://xn--8ws00zhy3a.com/", "http://xn--8ws00zhy3a.com/" },
};

static void
test_resolve (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (resolve_cases); i++)
    {
      const ResolveCase *test = &resolve_cases[i];
      g_autofree char *resolved = bulletin_url_resolve (test->base, test->reference);

      g_test_message ("%s + %s", test->base, test->reference);
      g_assert_cmpstr (resolved, ==, test->expected);
    }
}

typedef struct
{
  const char *url;
  gboolean    is_http;
  gboolean    is_safe_link;
} PredicateCase;

static const PredicateCase predicate_cases[] = {
  { "http://a.test/", TRUE, TRUE },
  { "https://a.test/x?y#z", TRUE, TRUE },
  { "HTTPS://A.TEST", TRUE, TRUE },
  { "  http://a.test/  ", TRUE, TRUE },
  { "http://", FALSE, FALSE },
  { "http:///x", FALSE, FALSE },
  { "http:foo", FALSE, FALSE },
  { "mailto:desk@a.test", FALSE, TRUE },
  { "MailTo:desk@a.test", FALSE, TRUE },
  { "ftp://a.test/", FALSE, FALSE },
  { "file:///etc/passwd", FALSE, FALSE },
  { "javascript:alert(1)", FALSE, FALSE },
  { "jav\tascript:alert(1)", FALSE, FALSE },
  { " javascript:alert(1)", FALSE, FALSE },
  { "data:text/html,<script>alert(1)</script>", FALSE, FALSE },
  { "vbscript:msgbox(1)", FALSE, FALSE },
  { "/relative", FALSE, FALSE },
  { "//a.test/x", FALSE, FALSE },
  { "", FALSE, FALSE },
  { NULL, FALSE, FALSE },
};

static void
test_predicates (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (predicate_cases); i++)
    {
      const PredicateCase *test = &predicate_cases[i];

      g_test_message ("%s", test->url);
      g_assert_cmpint (bulletin_url_is_http (test->url), ==, test->is_http);
      g_assert_cmpint (bulletin_url_is_safe_link (test->url), ==, test->is_safe_link);
    }
}

static void
test_scheme (void)
{
  const struct { const char *url; const char *scheme; } cases[] = {
    { "http://a.test/", "http" },
    { "JaVa\tScRiPt:alert(1)", "javascript" },
    { "\x01 javascript:x", "javascript" },
    { "java\nscript:x", "javascript" },
    { "svn+ssh://a.test/", "svn+ssh" },
    { "/a:b", NULL },
    { "a/b:c", NULL },
    { "?a:b", NULL },
    { "#a:b", NULL },
    { "1http://a.test", NULL },
    { "java script:x", NULL },
    { ":x", NULL },
    { "", NULL },
    { NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *scheme = bulletin_url_get_scheme (cases[i].url);

      g_assert_cmpstr (scheme, ==, cases[i].scheme);
    }
}

static void
test_clean (void)
{
  const struct { const char *url; const char *clean; } cases[] = {
    { "  http://a.test/x  ", "http://a.test/x" },
    { "\t\nhttp://a.test/\r\nx\x01", "http://a.test/x" },
    { "http://a.test/a b", "http://a.test/a%20b" },
    { "http://a.test/a\x01" "b", "http://a.test/a%01b" },
    { "", "" },
    { NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *clean = bulletin_url_clean (cases[i].url);

      g_assert_cmpstr (clean, ==, cases[i].clean);
    }
}

static void
test_uri_is_writable (void)
{
  const struct { const char *scheme; const char *host; const char *path; gboolean writable; } cases[] = {
    { "http", "a.example", "/c", TRUE },
    { "http", "a.example", "", TRUE },
    { "http", "a.example", ";b/c", FALSE },
    { "https", NULL, "//a.example/", FALSE },
    { "resource", NULL, "//x", FALSE },
    { "resource", NULL, "/io/x", TRUE },
    { "mailto", NULL, "a@b.example", TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GUri) uri = g_uri_build (G_URI_FLAGS_NONE, cases[i].scheme, NULL, cases[i].host, -1,
                                         cases[i].path, NULL, NULL);

      g_assert_cmpint (bulletin_url_uri_is_writable (uri), ==, cases[i].writable);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/url/resolve", test_resolve);
  g_test_add_func ("/url/predicates", test_predicates);
  g_test_add_func ("/url/scheme", test_scheme);
  g_test_add_func ("/url/clean", test_clean);
  g_test_add_func ("/url/uri-is-writable", test_uri_is_writable);

  return g_test_run ();
}
