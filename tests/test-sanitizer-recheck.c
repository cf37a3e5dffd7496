/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-sanitizer-recheck"

/* Sanitized output, checked again from the outside. Every HTML body and
 * summary that the page extractor and the feed parser produce from the
 * project's fixtures, the demo edition's feeds and, when present, the
 * shared corpus (../shared/corpus: Readability's pages, feedparser's
 * feeds) is parsed again with libxml2's HTML parser, and nothing that runs
 * code or loads another document may have survived (tests/html-safety.c
 * says what). The sanitizer's own tests (test-sanitizer.c) cover the
 * classic XSS vector families against bulletin_sanitize_html; here the
 * same families come in through the feed and page paths, inside the
 * carriers a feed or a page really has.
 */

#include "config.h"

#include <string.h>

#include "bulletin-core.h"
#include "html-safety.h"

#define DEMO_DIR TEST_DATA_DIR "/../../data/demo"
#define CORPUS_PAGE_URL "http://fakehost/test/page.html"

/* The oracle itself ------------------------------------------------------ */

static const char * const unsafe_html[] = {
  "<script>alert(1)</script>",
  "<p><SCRIPT SRC=//evil.test/x.js></SCRIPT></p>",
  "<img src=x onerror=alert(1)>",
  "<div ONMOUSEOVER=\"alert(1)\">x</div>",
  "<a href=\"javascript:alert(1)\">x</a>",
  "<a href=\" &#x0A;JaVa&#x09;ScRiPt:alert(1)\">x</a>",
  "<a href=\"&#106;avascript:alert(1)\">x</a>",
  "<a href=\"vbscript:msgbox(1)\">x</a>",
  "<a href=\"data:text/html,<script>alert(1)</script>\">x</a>",
  "<img srcset=\"a.jpg 1x, javascript:alert(1) 2x\">",
  "<p style=\"background:url(javascript:alert(1))\">x</p>",
  "<p style=\"width:expression(alert(1))\">x</p>",
  "<iframe src=\"https://example.com/\"></iframe>",
  "<frameset><frame src=\"x\"></frameset>",
  "<object data=\"x.swf\"></object>",
  "<embed src=\"x.swf\">",
  "<form action=\"https://evil.test/\"><input name=\"q\"><button>go</button></form>",
  "<base href=\"https://evil.test/\">",
  "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.test/\">",
  "<link rel=\"stylesheet\" href=\"https://evil.test/x.css\">",
  "<style>body{display:none}</style>",
  "<svg><a xlink:href=\"javascript:alert(1)\">x</a></svg>",
  "<math><mi>x</mi></math>",
  "<noscript><p>x</p></noscript>",
  "<p xlink:href=\"javascript:alert(1)\">x</p>",
  "<video poster=\"javascript:alert(1)\"></video>",
  "<a formaction=\"javascript:alert(1)\">x</a>",
};

static const char * const safe_html[] = {
  "",
  "plain text with javascript: in it, and onerror=, and <b>bold</b>",
  "<p title=\"javascript:alert(1)\">a title may say anything</p>",
  "<a href=\"https://example.com/a?b=c&amp;d=e\">link</a>",
  "<a href=\"mailto:desk@example.com\">mail</a>",
  "<img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"\">",
  "<figure><img src=\"https://example.com/a.jpg\" srcset=\"https://example.com/a-2x.jpg 2x\"><figcaption>c</figcaption></figure>",
  "<p style=\"color: red; font-weight: bold\">x</p>",
  "&lt;script&gt;alert(1)&lt;/script&gt;",
};

static void
test_oracle (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (unsafe_html); i++)
    {
      g_autofree char *problem = html_safety_find_unsafe (unsafe_html[i], -1);

      if (problem == NULL)
        g_error ("The re-check missed: %s", unsafe_html[i]);
    }

  for (guint i = 0; i < G_N_ELEMENTS (safe_html); i++)
    {
      g_autofree char *problem = html_safety_find_unsafe (safe_html[i], -1);

      if (problem != NULL)
        g_error ("The re-check flagged safe HTML %s: %s", safe_html[i], problem);
    }
}

/* Checks --------------------------------------------------------------- */

typedef struct
{
  guint n_documents;
  guint n_html;
  guint n_urls;
} Tally;

static void
assert_safe_html (const char *what,
                  const char *where,
                  const char *html,
                  Tally      *tally)
{
  g_autofree char *problem = NULL;

  if (html == NULL)
    return;

  g_assert_true (g_utf8_validate (html, -1, NULL));
  problem = html_safety_find_unsafe (html, -1);
  if (problem != NULL)
    g_error ("%s of %s: %s survived sanitizing:\n%s", what, where, problem, html);
  tally->n_html++;
}

/* A URL the article view may load or open: http(s), or an inline image. */
static void
assert_safe_url (const char *what,
                 const char *where,
                 const char *url,
                 gboolean    image,
                 Tally      *tally)
{
  g_autofree char *scheme = NULL;

  if (url == NULL)
    return;

  scheme = g_uri_parse_scheme (url);
  if (scheme != NULL && (g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0))
    {
      tally->n_urls++;
      return;
    }
  if (image && g_str_has_prefix (url, "data:image/"))
    {
      tally->n_urls++;
      return;
    }

  g_error ("%s of %s is not an http(s) URL: %s", what, where, url);
}

static void
assert_safe_article (BulletinArticle *article,
                     const char      *where,
                     Tally           *tally)
{
  const char * const *gallery = bulletin_article_get_gallery (article);
  GPtrArray *enclosures = bulletin_article_get_enclosures (article);

  assert_safe_html ("The body", where, bulletin_article_get_body (article), tally);
  assert_safe_html ("The summary", where, bulletin_article_get_summary (article), tally);
  assert_safe_url ("The image", where, bulletin_article_get_image (article), TRUE, tally);
  assert_safe_url ("The media URL", where, bulletin_article_get_media_url (article), FALSE, tally);
  for (guint i = 0; gallery != NULL && gallery[i] != NULL; i++)
    assert_safe_url ("A gallery image", where, gallery[i], TRUE, tally);
  for (guint i = 0; enclosures != NULL && i < enclosures->len; i++)
    {
      BulletinEnclosure *enclosure = g_ptr_array_index (enclosures, i);

      assert_safe_url ("An enclosure", where, enclosure->url, FALSE, tally);
    }
}

static void
check_page (GBytes     *bytes,
            const char *url,
            const char *where,
            Tally      *tally)
{
  g_autoptr(BulletinArticle) article = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *whole = NULL;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  tally->n_documents++;

  /* The extractor's choice of body, sanitized. */
  article = bulletin_page_extract (bytes, url, &error);
  if (article != NULL)
    assert_safe_article (article, where, tally);
  else
    g_assert_error (error, BULLETIN_ERROR, BULLETIN_ERROR_NOT_A_PAGE);

  /* And the whole page through the sanitizer: everything a page holds. */
  whole = bulletin_sanitize_html (data, length, url);
  assert_safe_html ("The whole page, sanitized,", where, whole, tally);
}

static void
check_feed (GBytes     *bytes,
            const char *url,
            const char *where,
            Tally      *tally)
{
  g_autoptr(BulletinFeed) feed = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *items;

  tally->n_documents++;
  feed = bulletin_feed_parse (bytes, url, &error);
  if (feed == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == BULLETIN_ERROR);
      return;
    }

  items = bulletin_feed_get_items (feed);
  for (guint i = 0; items != NULL && i < items->len; i++)
    assert_safe_article (g_ptr_array_index (items, i), where, tally);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Every regular file under @dir whose name ends in one of @suffixes. */
static void
collect_files (const char         *dir,
               const char * const *suffixes,
               GPtrArray          *files)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (handle == NULL)
    return;

  while ((name = g_dir_read_name (handle)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  /* A stable order, for messages that can be compared between runs. */
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, g_ptr_array_index (names, i), NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          collect_files (path, suffixes, files);
          continue;
        }
      for (guint j = 0; suffixes[j] != NULL; j++)
        if (g_str_has_suffix (path, suffixes[j]))
          {
            g_ptr_array_add (files, g_steal_pointer (&path));
            break;
          }
    }
}

static GBytes *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

/* Fixtures ---------------------------------------------------------------- */

static void
test_fixture_pages (void)
{
  static const char * const suffixes[] = { ".html", NULL };
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  Tally tally = { 0 };

  collect_files (TEST_DATA_DIR, suffixes, files);
  g_assert_cmpuint (files->len, >=, 5);

  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autoptr(GBytes) bytes = read_file (path);

      check_page (bytes, "https://english.almayadeen.net/news/politics/a-story", path, &tally);
    }

  g_test_message ("%u pages, %u HTML outputs re-checked", tally.n_documents, tally.n_html);
  g_assert_cmpuint (tally.n_html, >=, files->len);
}

static void
test_fixture_feeds (void)
{
  static const char * const suffixes[] = { ".xml", ".json", NULL };
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  Tally tally = { 0 };

  collect_files (TEST_DATA_DIR "/outlet", suffixes, files);
  collect_files (DEMO_DIR, suffixes, files);
  g_assert_cmpuint (files->len, >=, 20);

  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autoptr(GBytes) bytes = read_file (path);

      if (g_str_has_suffix (path, "edition.json"))
        continue;
      check_feed (bytes, "https://demo.bulletinapp.invalid/feeds/x.xml", path, &tally);
    }

  g_test_message ("%u feeds, %u HTML outputs re-checked", tally.n_documents, tally.n_html);
  /* The demo's items all carry bodies: hundreds of them. */
  g_assert_cmpuint (tally.n_html, >=, 100);
}

/* The shared corpus --------------------------------------------------------- */

static char *
corpus_dir (const char *part)
{
  const char *dir = g_getenv ("BULLETIN_CORPUS_DIR");
  g_autofree char *path = NULL;

  if (dir == NULL || *dir == '\0')
    return NULL;
  path = g_build_filename (dir, part, NULL);
  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    return NULL;

  return g_steal_pointer (&path);
}

static void
test_corpus_articles (void)
{
  static const char * const suffixes[] = { "source.html", "expected.html", NULL };
  g_autofree char *dir = corpus_dir ("articles");
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  Tally tally = { 0 };

  if (dir == NULL)
    {
      g_test_skip ("The shared corpus (../shared/corpus/articles) is absent");
      return;
    }

  collect_files (dir, suffixes, files);
  g_assert_cmpuint (files->len, >, 0);
  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autoptr(GBytes) bytes = read_file (path);

      check_page (bytes, CORPUS_PAGE_URL, path, &tally);
    }

  g_test_message ("%u corpus pages, %u HTML outputs, %u URLs re-checked",
                  tally.n_documents, tally.n_html, tally.n_urls);
  g_assert_cmpuint (tally.n_html, >=, files->len);
}

static void
test_corpus_feeds (void)
{
  static const char * const suffixes[] = { ".xml", ".json", ".rdf", ".atom", ".rss", NULL };
  g_autofree char *dir = corpus_dir ("feeds");
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  Tally tally = { 0 };

  if (dir == NULL)
    {
      g_test_skip ("The shared corpus (../shared/corpus/feeds) is absent");
      return;
    }

  collect_files (dir, suffixes, files);
  g_assert_cmpuint (files->len, >, 0);
  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autoptr(GBytes) bytes = read_file (path);

      check_feed (bytes, "http://example.org/feed.xml", path, &tally);
    }

  g_test_message ("%u corpus feeds, %u HTML outputs, %u URLs re-checked",
                  tally.n_documents, tally.n_html, tally.n_urls);
  g_assert_cmpuint (tally.n_html, >, 0);
}

/* XSS through the feed and page paths --------------------------------------- */

typedef struct
{
  const char *name;
  const char *document;
} Vector;

/* Each family in the carriers of each feed format: escaped HTML, CDATA,
 * inline XHTML, base64, JSON strings; and the feed's own URLs. */
static const Vector feed_vectors[] = {
  { "rss-description-escaped",
    "<rss version=\"2.0\"><channel><title>t</title><item><title>i</title><link>http://example.org/i</link>"
    "<description>&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;alert(2)&lt;/script&gt;</description></item></channel></rss>" },
  { "rss-content-encoded-cdata",
    "<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>t</title>"
    "<item><title>i</title><link>http://example.org/i</link><content:encoded><![CDATA["
    "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>"
    "<svg></p><style><a id=\"</style><img src=1 onerror=alert(1)>\">"
    "]]></content:encoded></item></channel></rss>" },
  { "rss-cdata-split-script",
    "<rss version=\"2.0\"><channel><title>t</title><item><title>i</title><link>http://example.org/i</link>"
    "<description><![CDATA[<scr]]><![CDATA[ipt>alert(1)</scr]]><![CDATA[ipt>]]></description></item></channel></rss>" },
  { "rss-entity-encoded-scheme",
    "<rss version=\"2.0\"><channel><title>t</title><item><title>i</title><link>http://example.org/i</link>"
    "<description>&lt;a href=\"&amp;#106;avascript&amp;#58;alert(1)\"&gt;x&lt;/a&gt;"
    "&lt;a href=\"jav&amp;#x09;ascript:alert(1)\"&gt;y&lt;/a&gt;</description></item></channel></rss>" },
  { "rss-link-javascript",
    "<rss version=\"2.0\"><channel><title>t</title><item><title>i</title>"
    "<link>javascript:alert(1)</link><enclosure url=\"javascript:alert(2)\" type=\"video/mp4\"/>"
    "<description>x</description></item></channel></rss>" },
  { "rss-media-javascript",
    "<rss version=\"2.0\" xmlns:media=\"http://search.yahoo.com/mrss/\"><channel><title>t</title>"
    "<item><title>i</title><link>http://example.org/i</link>"
    "<media:content url=\"javascript:alert(1)\" medium=\"image\"/><media:thumbnail url=\"data:text/html,x\"/>"
    "</item></channel></rss>" },
  { "atom-xhtml-script",
    "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title><entry><title>e</title><id>urn:e</id>"
    "<link href=\"http://example.org/e\"/><content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">"
    "<script>alert(1)</script><p onclick=\"alert(2)\">x</p><a href=\"javascript:alert(3)\">y</a>"
    "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(4)</script></svg>"
    "<math xmlns=\"http://www.w3.org/1998/Math/MathML\"><mi xmlns:xlink=\"http://www.w3.org/1999/xlink\" xlink:href=\"javascript:alert(5)\">m</mi></math>"
    "</div></content></entry></feed>" },
  { "atom-xml-base-javascript",
    "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:base=\"javascript:alert(1)//\"><title>t</title>"
    "<entry xml:base=\"javascript:alert(2)//\"><title>e</title><id>urn:e</id><link href=\"e.html\"/>"
    "<content type=\"html\">&lt;a href=\"rel\"&gt;x&lt;/a&gt;&lt;img src=\"pic.png\"&gt;</content></entry></feed>" },
  { "atom-base64-script",
    "<feed version=\"0.3\" xmlns=\"http://purl.org/atom/ns#\"><title>t</title><entry><title>e</title><id>urn:e</id>"
    "<link rel=\"alternate\" type=\"text/html\" href=\"http://example.com/e\"/>"
    /* <img src=x onerror=alert(1)><script>alert(2)</script> */
    "<content type=\"text/html\" mode=\"base64\">PGltZyBzcmM9eCBvbmVycm9yPWFsZXJ0KDEpPjxzY3JpcHQ+YWxlcnQoMik8L3NjcmlwdD4=</content>"
    "</entry></feed>" },
  { "atom-style-breakout",
    "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title><entry><title>e</title><id>urn:e</id>"
    "<link href=\"http://example.org/e\"/><summary type=\"html\">&lt;style&gt;&lt;/style&gt;&lt;img src=x onerror=alert(1)&gt;"
    "&lt;p style=\"background:url(&amp;#x6A;avascript:alert(1))\"&gt;x&lt;/p&gt;"
    "&lt;math&gt;&lt;mtext&gt;&lt;table&gt;&lt;mglyph&gt;&lt;style&gt;&lt;img src=x onerror=alert(1)&gt;</summary></entry></feed>" },
  { "json-feed-content-html",
    "{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"t\", \"items\": [{\"id\": \"1\","
    " \"url\": \"javascript:alert(1)\", \"image\": \"javascript:alert(2)\", \"banner_image\": \"data:text/html,x\","
    " \"content_html\": \"<img src=x onerror=alert(3)><iframe src=//evil.test></iframe><a href=\\\"vbscript:x\\\">v</a>\","
    " \"summary\": \"<form><button formaction=javascript:alert(4)>x</button></form>\","
    " \"attachments\": [{\"url\": \"javascript:alert(5)\", \"mime_type\": \"video/mp4\"}]}]}" },
  { "json-feed-srcset-xlink",
    "{\"version\": \"https://jsonfeed.org/version/1\", \"items\": [{\"id\": \"1\", \"url\": \"https://example.org/1\","
    " \"content_html\": \"<img srcset=\\\"javascript:alert(1) 1x, x.jpg 2x\\\"><svg><a xlink:href=\\\"javascript:alert(2)\\\">x</a></svg>"
    "<object data=\\\"x.swf\\\"><embed src=\\\"x.swf\\\"></object><base href=\\\"//evil.test/\\\"><meta http-equiv=refresh content=0>"
    "<link rel=stylesheet href=//evil.test/x.css>\"}]}" },
};

/* The same families where a page carries them: the article's markup, its
 * metadata, its JSON-LD, its <base>. */
static const Vector page_vectors[] = {
  { "page-body-vectors",
    "<html><head><title>A story</title></head><body><article><h1>A story</h1>"
    "<p>A first paragraph long enough to count as the article's text, with words, commas, and more words.</p>"
    "<p onmouseover=\"alert(1)\">Another paragraph of the story, with commas, clauses, and some length to it.</p>"
    "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>"
    "<p>Third paragraph <a href=\"  javascript:alert(2)\">here</a>, <img src=\"x.jpg\" srcset=\"javascript:alert(3) 2x\">"
    "and <iframe src=\"https://evil.test/\"></iframe> with commas, too.</p>"
    "<svg><style><img src=x onerror=alert(4)></style></svg>"
    "<form><input type=image formaction=javascript:alert(5)></form></article></body></html>" },
  { "page-base-javascript",
    "<html><head><base href=\"javascript:alert(1)//\"><title>Base</title></head><body><article>"
    "<p>A paragraph with a <a href=\"relative\">relative link</a>, commas, and enough words to be the article.</p>"
    "<p>Another one, with an image: <img src=\"pic.jpg\">, and more words, and more commas, to be sure.</p>"
    "</article></body></html>" },
  { "page-metadata-javascript",
    "<html><head><title>Meta</title><meta property=\"og:image\" content=\"javascript:alert(1)\">"
    "<meta property=\"og:video\" content=\"data:text/html,x\">"
    "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"headline\": \"Meta\","
    " \"image\": \"javascript:alert(2)\", \"articleBody\": \"<script>alert(3)</script>\"}</script></head>"
    "<body><article><p>A paragraph with commas, clauses, and enough words to be taken as the article's body.</p>"
    "<p>And a second one, so that the extractor has something, anything, to choose from here.</p></article></body></html>" },
  { "page-lazy-images",
    "<html><body><article><p>A paragraph with commas, clauses, and enough words to be the article's body text.</p>"
    "<img data-src=\"javascript:alert(1)\" data-srcset=\"javascript:alert(2) 1x\" src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\">"
    "<p>Another paragraph, with more words, and commas, so the article is long enough to keep.</p>"
    "<template><img src=x onerror=alert(3)></template></article></body></html>" },
};

static void
test_feed_vector (gconstpointer data)
{
  const Vector *vector = data;
  g_autoptr(GBytes) bytes = g_bytes_new_static (vector->document, strlen (vector->document));
  Tally tally = { 0 };

  check_feed (bytes, "http://example.org/feed.xml", vector->name, &tally);
  g_assert_cmpuint (tally.n_documents, ==, 1);
}

static void
test_page_vector (gconstpointer data)
{
  const Vector *vector = data;
  g_autoptr(GBytes) bytes = g_bytes_new_static (vector->document, strlen (vector->document));
  Tally tally = { 0 };

  check_page (bytes, "https://example.org/news/a-story", vector->name, &tally);
  g_assert_cmpuint (tally.n_html, >=, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sanitizer-recheck/oracle", test_oracle);
  g_test_add_func ("/sanitizer-recheck/fixtures/pages", test_fixture_pages);
  g_test_add_func ("/sanitizer-recheck/fixtures/feeds", test_fixture_feeds);
  g_test_add_func ("/sanitizer-recheck/corpus/articles", test_corpus_articles);
  g_test_add_func ("/sanitizer-recheck/corpus/feeds", test_corpus_feeds);

  for (guint i = 0; i < G_N_ELEMENTS (feed_vectors); i++)
    {
      g_autofree char *path = g_strdup_printf ("/sanitizer-recheck/feed-vectors/%s", feed_vectors[i].name);

      g_test_add_data_func (path, &feed_vectors[i], test_feed_vector);
    }
  for (guint i = 0; i < G_N_ELEMENTS (page_vectors); i++)
    {
      g_autofree char *path = g_strdup_printf ("/sanitizer-recheck/page-vectors/%s", page_vectors[i].name);

      g_test_add_data_func (path, &page_vectors[i], test_page_vector);
    }

  return g_test_run ();
}
