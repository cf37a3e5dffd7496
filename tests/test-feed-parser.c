/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-feed-parser"

#include "config.h"

#include <string.h>

#include "bulletin-date.h"
#include "bulletin-error.h"
#include "bulletin-feed-parser.h"

/* ANY: the field is not checked. NULL: the field must be absent. Summary
 * and content are checked by substring (the sanitizer owns their exact
 * form); `forbidden` must appear in none of the item's text fields. */
#define ANY ((const char *) 1)

typedef struct
{
  const char *name;
  const char *input;
  const char *base_url;
  const char *format;
  gboolean    recovered;
  const char *feed_title;
  const char *feed_link;
  const char *feed_subtitle;
  const char *feed_language;
  const char *feed_updated;
  guint       n_items;
  /* the first item */
  const char *id;
  const char *title;
  const char *link;
  const char *summary;
  const char *content;
  const char *author;
  const char *published;
  const char *updated;
  const char *tags;        /* joined with "|" */
  const char *image;
  const char *enclosure;   /* "url|type|length" of the first one */
  const char *kind;
  const char *forbidden;
} FeedCase;

static const FeedCase cases[] = {
  {
    "rss20",
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
    "<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
    " xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">"
    "<channel><title>Example &amp; Co</title><link>https://example.com/</link>"
    "<description>All the news</description><language>en-us</language>"
    "<lastBuildDate>Mon, 19 Jun 2023 11:25:00 GMT</lastBuildDate>"
    "<item><title>First story</title><link>https://example.com/1</link>"
    "<guid isPermaLink=\"false\">story-1</guid>"
    "<description>&lt;p&gt;The lede&lt;/p&gt;</description>"
    "<content:encoded><![CDATA[<p>The <b>whole</b> story</p>]]></content:encoded>"
    "<author>jane@example.com (Jane Doe)</author>"
    "<pubDate>Mon, 19 Jun 2023 10:00:00 +0100</pubDate>"
    "<category>Politics</category><category domain=\"x\">World</category>"
    "<enclosure url=\"https://example.com/a.mp3\" type=\"audio/mpeg\" length=\"1234\"/>"
    "</item><item><title>Second</title></item></channel></rss>",
    NULL, "rss20", FALSE,
    "Example & Co", "https://example.com/", "All the news", "en-us", "2023-06-19T11:25:00Z", 2,
    "story-1", "First story", "https://example.com/1", "The lede", "<b>whole</b>", "Jane Doe",
    "2023-06-19T09:00:00Z", NULL, "Politics|World", NULL, "https://example.com/a.mp3|audio/mpeg|1234",
    "article", NULL,
  },
  {
    "rss091-html-entities",
    "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n"
    "<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\""
    " \"http://my.netscape.com/publish/formats/rss-0.91.dtd\">\n"
    "<rss version=\"0.91\"><channel><title>Caf&eacute;&nbsp;News</title>"
    "<link>http://example.com/</link><description>x</description>"
    "<item><title>Na&iuml;ve &amp; &lt;b&gt;bold&lt;/b&gt; &mdash; ok</title>"
    "<link>http://example.com/n</link><description>A&nbsp;b &copy; c</description></item>"
    "</channel></rss>",
    NULL, "rss091", FALSE,
    "Café\u00a0News", "http://example.com/", "x", NULL, NULL, 1,
    NULL, "Naïve & bold — ok", "http://example.com/n", "©", NULL, NULL,
    NULL, NULL, NULL, NULL, NULL, "article", NULL,
  },
  {
    "rss10-rdf-dublin-core",
    "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\""
    " xmlns=\"http://purl.org/rss/1.0/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
    " xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">"
    "<channel rdf:about=\"http://example.org/\"><title>RDF feed</title>"
    "<link>http://example.org/</link><description>About</description>"
    "<dc:language>fr</dc:language><dc:date>2003-12-31T10:14:55-08:00</dc:date>"
    "<items><rdf:Seq><rdf:li rdf:resource=\"http://example.org/1\"/></rdf:Seq></items></channel>"
    "<item rdf:about=\"http://example.org/1\"><title>One</title>"
    "<dc:creator>Jean Dupont</dc:creator><dc:date>2003-12-31T10:14:55Z</dc:date>"
    "<dc:subject>Tech</dc:subject><dc:description>Short</dc:description>"
    "<content:encoded>&lt;p&gt;Long&lt;/p&gt;</content:encoded></item></rdf:RDF>",
    NULL, "rss10", FALSE,
    "RDF feed", "http://example.org/", "About", "fr", "2003-12-31T18:14:55Z", 1,
    "http://example.org/1", "One", "http://example.org/1", "Short", "<p>Long</p>", "Jean Dupont",
    "2003-12-31T10:14:55Z", NULL, "Tech", NULL, NULL, "article", NULL,
  },
  {
    "rss090",
    "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\""
    " xmlns=\"http://my.netscape.com/rdf/simple/0.9/\">"
    "<channel><title>Old</title><link>http://example.org/</link></channel>"
    "<item><title>Item</title><link>http://example.org/i</link></item></rdf:RDF>",
    NULL, "rss090", FALSE,
    "Old", "http://example.org/", NULL, NULL, NULL, 1,
    NULL, "Item", "http://example.org/i", NULL, NULL, NULL,
    NULL, NULL, NULL, NULL, NULL, "article", NULL,
  },
  {
    "atom10-xml-base-and-constructs",
    "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:base=\"http://example.org/a/\" xml:lang=\"en\">"
    "<title type=\"html\">&lt;b&gt;Atom&lt;/b&gt; feed</title>"
    "<subtitle type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">The <i>sub</i></div></subtitle>"
    "<link rel=\"self\" href=\"feed.atom\"/><link rel=\"alternate\" href=\"index.html\"/>"
    "<updated>2005-07-31T12:29:29Z</updated>"
    "<entry xml:base=\"b/\"><id>tag:example.org,2005:1</id>"
    "<title type=\"text\">Less &lt;than&gt; more</title>"
    "<link rel=\"alternate\" type=\"text/html\" href=\"c.html\"/>"
    "<link rel=\"enclosure\" type=\"video/mp4\" length=\"99\" href=\"/v.mp4\"/>"
    "<published>2005-07-31T12:29:29-04:00</published><updated>2005-08-01T00:00:00Z</updated>"
    "<author><name>Mark</name><email>m@example.org</email></author>"
    "<author><name>Sam</name></author>"
    "<category term=\"atom\" label=\"Atom\"/><category term=\"xml\"/>"
    "<summary type=\"html\">&lt;a href=\"d.html\"&gt;link&lt;/a&gt;</summary>"
    "<content type=\"xhtml\" xml:base=\"../\"><div xmlns=\"http://www.w3.org/1999/xhtml\">"
    "<p><img src=\"pic.png\"/>Body</p></div></content></entry></feed>",
    NULL, "atom10", FALSE,
    "Atom feed", "http://example.org/a/index.html", "The sub", "en", "2005-07-31T12:29:29Z", 1,
    "tag:example.org,2005:1", "Less <than> more", "http://example.org/a/b/c.html",
    "http://example.org/a/b/d.html", "http://example.org/a/pic.png", "Mark, Sam",
    "2005-07-31T16:29:29Z", "2005-08-01T00:00:00Z", "atom|xml", "http://example.org/a/pic.png",
    "http://example.org/v.mp4|video/mp4|99", "video", NULL,
  },
  {
    "atom03-modes",
    "<feed version=\"0.3\" xmlns=\"http://purl.org/atom/ns#\">"
    "<title mode=\"escaped\" type=\"text/html\">Old &amp;lt;Atom&amp;gt;</title>"
    "<tagline>Tag</tagline><link rel=\"alternate\" type=\"text/html\" href=\"http://example.com/\"/>"
    "<modified>2003-12-31T10:14:55Z</modified>"
    "<entry><title>Entry</title><id>urn:x</id>"
    "<link rel=\"alternate\" type=\"text/html\" href=\"http://example.com/e\"/>"
    "<issued>2003-12-31T10:14:55Z</issued><modified>2004-01-01T00:00:00Z</modified>"
    "<summary type=\"text/html\" mode=\"base64\">PGI+QmFzZTY0PC9iPg==</summary>"
    "<content type=\"application/xhtml+xml\" mode=\"xml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">"
    "<em>Inline</em></div></content></entry></feed>",
    NULL, "atom03", FALSE,
    "Old <Atom>", "http://example.com/", "Tag", NULL, "2003-12-31T10:14:55Z", 1,
    "urn:x", "Entry", "http://example.com/e", "<b>Base64</b>", "<em>Inline</em>", NULL,
    "2003-12-31T10:14:55Z", "2004-01-01T00:00:00Z", NULL, NULL, NULL, "article", NULL,
  },
  {
    "json10",
    "{\"version\": \"https://jsonfeed.org/version/1\", \"title\": \"JSON feed\","
    " \"home_page_url\": \"https://example.org/\", \"description\": \"Desc\","
    " \"author\": {\"name\": \"Feed Author\"},"
    " \"items\": [{\"id\": \"1\", \"url\": \"/posts/1\", \"title\": \"Hello\","
    " \"content_html\": \"<p>Hi <a href=\\\"/x\\\">x</a></p>\", \"summary\": \"Sum <b>\","
    " \"date_published\": \"2010-02-07T14:04:00-05:00\","
    " \"attachments\": [{\"url\": \"https://example.org/v.mp4\", \"mime_type\": \"video/mp4\","
    " \"size_in_bytes\": 42}]}]}",
    "https://example.org/feed.json", "json10", FALSE,
    "JSON feed", "https://example.org/", "Desc", NULL, NULL, 1,
    "1", "Hello", "https://example.org/posts/1", "Sum &lt;b&gt;", "https://example.org/x", "Feed Author",
    "2010-02-07T19:04:00Z", NULL, NULL, NULL, "https://example.org/v.mp4|video/mp4|42", "video", NULL,
  },
  {
    "json11",
    "{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"J\", \"language\": \"ar\","
    " \"items\": [{\"id\": 7, \"url\": \"https://example.org/7\", \"content_text\": \"Line <one>\\n\\nTwo\","
    " \"image\": \"https://example.org/i.jpg\", \"tags\": [\"a\", \"b\"],"
    " \"authors\": [{\"name\": \"A\"}, {\"name\": \"B\"}], \"date_modified\": \"2021-01-01T00:00:00Z\"}]}",
    NULL, "json11", FALSE,
    "J", NULL, NULL, "ar", NULL, 1,
    "7", NULL, "https://example.org/7", NULL, "<p>Line &lt;one&gt;</p>", "A, B",
    "2021-01-01T00:00:00Z", "2021-01-01T00:00:00Z", "a|b", "https://example.org/i.jpg", NULL, "article", NULL,
  },
  {
    "media-rss",
    "<rss version=\"2.0\" xmlns:media=\"http://search.yahoo.com/mrss/\"><channel><title>M</title>"
    "<item><title>Pictures</title><link>http://example.com/p</link>"
    "<media:group><media:content url=\"http://example.com/big.jpg\" medium=\"image\" fileSize=\"10\"/>"
    "<media:content url=\"http://example.com/clip.webm\" type=\"video/webm\"/>"
    "<media:description>A gallery</media:description>"
    "<media:thumbnail url=\"http://example.com/thumb.jpg\"/></media:group></item></channel></rss>",
    NULL, "rss20", FALSE,
    "M", NULL, NULL, NULL, NULL, 1,
    NULL, "Pictures", "http://example.com/p", "A gallery", NULL, NULL,
    NULL, NULL, NULL, "http://example.com/thumb.jpg", "http://example.com/big.jpg|NULL|10", "video", NULL,
  },
  {
    "enclosure-image-and-guid-permalink",
    "<rss version=\"2.0\"><channel><title>E</title>"
    "<item><title>T</title><guid>http://example.com/guid</guid>"
    "<enclosure url=\"http://example.com/e.jpg\" type=\"image/jpeg\" length=\"x\"/></item>"
    "</channel></rss>",
    NULL, "rss20", FALSE,
    "E", NULL, NULL, NULL, NULL, 1,
    "http://example.com/guid", "T", "http://example.com/guid", NULL, NULL, NULL,
    NULL, NULL, NULL, "http://example.com/e.jpg", "http://example.com/e.jpg|image/jpeg|0", "article", NULL,
  },
  {
    "guid-not-permalink-first-img",
    "<rss version=\"2.0\"><channel><title>F</title>"
    "<item><title>T</title><guid isPermaLink=\"false\">http://example.com/guid</guid>"
    "<author>Jane Roe &lt;jane@example.com&gt;</author>"
    "<description>&lt;p&gt;x&lt;img src=\"/inline.png\"&gt;&lt;/p&gt;</description></item>"
    "</channel></rss>",
    "http://example.com/feed/", "rss20", FALSE,
    "F", NULL, NULL, NULL, NULL, 1,
    "http://example.com/guid", "T", NULL, "http://example.com/inline.png", NULL, "Jane Roe",
    NULL, NULL, NULL, "http://example.com/inline.png", NULL, "article", NULL,
  },
  {
    "relative-links-against-base-url",
    "<rss version=\"2.0\"><channel><title>R</title><link>/home</link>"
    "<item><title>T</title><link>story/1</link>"
    "<description>&lt;a href=\"../up\"&gt;up&lt;/a&gt;</description></item></channel></rss>",
    "http://example.com/feeds/main.xml", "rss20", FALSE,
    "R", "http://example.com/home", NULL, NULL, NULL, 1,
    NULL, "T", "http://example.com/feeds/story/1", "http://example.com/up", NULL, NULL,
    NULL, NULL, NULL, NULL, NULL, "article", NULL,
  },
  {
    "iso-8859-1",
    "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel>"
    "<title>Espa\xf1ol</title><item><title>Caf\xe9</title></item></channel></rss>",
    NULL, "rss20", FALSE,
    "Español", NULL, NULL, NULL, NULL, 1,
    NULL, "Café", NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, "article", NULL,
  },
  {
    "windows-1252",
    "<?xml version=\"1.0\" encoding=\"windows-1252\"?><rss version=\"2.0\"><channel>"
    "<title>\x93Quoted\x94 \x80</title></channel></rss>",
    NULL, "rss20", FALSE,
    "\u201cQuoted\u201d \u20ac", NULL, NULL, NULL, NULL, 0,
    ANY, ANY, ANY, ANY, ANY, ANY, ANY, ANY, ANY, ANY, ANY, ANY, NULL,
  },
  {
    "utf8-bom",
    "\xef\xbb\xbf<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>BOM</title></channel></rss>",
    NULL, "rss20", FALSE,
    "BOM", NULL, NULL, NULL, NULL, 0,
    ANY, ANY, ANY, ANY, ANY, ANY, ANY, ANY, ANY, ANY, ANY, ANY, NULL,
  },
  {
    "bare-ampersand-recovered",
    "<rss version=\"2.0\"><channel><title>Tom & Jerry &lt;3</title>"
    "<item><title>A & B</title><link>http://example.com/?a=1&b=2</link></item></channel></rss>",
    NULL, "rss20", TRUE,
    "Tom & Jerry <3", NULL, NULL, NULL, NULL, 1,
    NULL, "A & B", "http://example.com/?a=1&b=2", NULL, NULL, NULL,
    NULL, NULL, NULL, NULL, NULL, "article", NULL,
  },
  {
    "unclosed-tags-recovered",
    "<rss version=\"2.0\"><channel><title>Broken</title>"
    "<item><title>Kept</title><link>http://example.com/k</link></item>"
    "<item><title>Cut",
    NULL, "rss20", TRUE,
    "Broken", NULL, NULL, NULL, NULL, 2,
    NULL, "Kept", "http://example.com/k", NULL, NULL, NULL,
    NULL, NULL, NULL, NULL, NULL, "article", NULL,
  },
  {
    "scripts-in-title-and-summary",
    "<rss version=\"2.0\"><channel><title>&lt;script&gt;alert(1)&lt;/script&gt;Safe</title>"
    "<item><title>Hi &lt;script&gt;alert(2)&lt;/script&gt;&lt;img src=x onerror=alert(3)&gt;</title>"
    "<link>javascript:alert(4)</link>"
    "<description>&lt;p onclick=\"alert(5)\"&gt;ok&lt;/p&gt;&lt;script&gt;alert(6)&lt;/script&gt;"
    "&lt;a href=\"javascript:alert(7)\"&gt;x&lt;/a&gt;</description></item></channel></rss>",
    NULL, "rss20", FALSE,
    "Safe", NULL, NULL, NULL, NULL, 1,
    NULL, "Hi", ANY, "ok", NULL, NULL,
    NULL, NULL, NULL, NULL, NULL, "article", "alert",
  },
  {
    "dates-broken-variants",
    "<rss version=\"2.0\"><channel><title>D</title><pubDate>Sun, 5 Jan 03 10:14 EST</pubDate>"
    "<item><title>x</title><pubDate>not a date</pubDate></item></channel></rss>",
    NULL, "rss20", FALSE,
    "D", NULL, NULL, NULL, "2003-01-05T15:14:00Z", 1,
    NULL, "x", NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, "article", NULL,
  },
  {
    "rss-namespaced-and-atom-link",
    "<rss version=\"0.92\" xmlns:atom=\"http://www.w3.org/2005/Atom\"><channel><title>N</title>"
    "<atom:link rel=\"self\" href=\"http://example.com/feed\"/><link>http://example.com/</link>"
    "<item><title>x</title><atom:updated>2020-01-01T00:00:00Z</atom:updated></item></channel></rss>",
    NULL, "rss092", FALSE,
    "N", "http://example.com/", NULL, NULL, NULL, 1,
    NULL, "x", NULL, NULL, NULL, NULL, "2020-01-01T00:00:00Z", "2020-01-01T00:00:00Z",
    NULL, NULL, NULL, "article", NULL,
  },
};

static gboolean
check_string (const char *field,
              const char *actual,
              const char *expected,
              gboolean    substring)
{
  if (expected == ANY)
    return TRUE;

  if (expected == NULL)
    {
      if (actual != NULL)
        g_test_message ("%s: expected nothing, got \"%s\"", field, actual);
      g_assert_null (actual);
      return TRUE;
    }

  if (actual == NULL)
    g_test_message ("%s: expected \"%s\", got nothing", field, expected);
  g_assert_nonnull (actual);

  if (substring)
    {
      if (strstr (actual, expected) == NULL)
        g_test_message ("%s: \"%s\" not in \"%s\"", field, expected, actual);
      g_assert_nonnull (strstr (actual, expected));
    }
  else
    g_assert_cmpstr (actual, ==, expected);

  return TRUE;
}

static void
check_date (const char *field,
            GDateTime  *actual,
            const char *expected)
{
  g_autofree char *iso = bulletin_date_to_iso8601 (actual);

  check_string (field, iso, expected, FALSE);
}

static void
test_feed_case (gconstpointer data)
{
  const FeedCase *c = data;
  g_autoptr(GBytes) bytes = g_bytes_new_static (c->input, strlen (c->input));
  g_autoptr(GError) error = NULL;
  g_autoptr(BulletinFeed) feed = NULL;
  BulletinArticle *item;
  GPtrArray *items;

  feed = bulletin_feed_parse (bytes, c->base_url, &error);
  g_assert_no_error (error);
  g_assert_nonnull (feed);

  g_assert_cmpstr (bulletin_feed_get_format (feed), ==, c->format);
  g_assert_cmpint (bulletin_feed_get_recovered (feed), ==, c->recovered);
  check_string ("feed title", bulletin_feed_get_title (feed), c->feed_title, FALSE);
  check_string ("feed link", bulletin_feed_get_link (feed), c->feed_link, FALSE);
  check_string ("feed subtitle", bulletin_feed_get_subtitle (feed), c->feed_subtitle, FALSE);
  check_string ("feed language", bulletin_feed_get_language (feed), c->feed_language, FALSE);
  check_date ("feed updated", bulletin_feed_get_updated (feed), c->feed_updated);

  items = bulletin_feed_get_items (feed);
  g_assert_cmpuint (items->len, ==, c->n_items);
  if (items->len == 0)
    return;

  item = g_ptr_array_index (items, 0);
  check_string ("id", bulletin_article_get_id (item), c->id, FALSE);
  check_string ("title", bulletin_article_get_title (item), c->title, FALSE);
  check_string ("link", bulletin_article_get_url (item), c->link, FALSE);
  check_string ("summary", bulletin_article_get_summary (item), c->summary, TRUE);
  check_string ("content", bulletin_article_get_body (item), c->content, TRUE);
  check_string ("author", bulletin_article_get_author (item), c->author, FALSE);
  check_date ("published", bulletin_article_get_published (item), c->published);
  check_date ("updated", bulletin_article_get_updated (item), c->updated);
  check_string ("image", bulletin_article_get_image (item), c->image, FALSE);
  if (c->kind != ANY)
    g_assert_cmpstr (bulletin_article_kind_to_string (bulletin_article_get_kind (item)), ==, c->kind);

  if (c->tags != ANY)
    {
      const char * const *tags = bulletin_article_get_tags (item);
      g_autofree char *joined = tags != NULL ? g_strjoinv ("|", (char **) tags) : NULL;

      check_string ("tags", joined, c->tags, FALSE);
    }

  if (c->enclosure != ANY)
    {
      GPtrArray *enclosures = bulletin_article_get_enclosures (item);
      g_autofree char *first = NULL;

      if (enclosures != NULL && enclosures->len > 0)
        {
          const BulletinEnclosure *e = g_ptr_array_index (enclosures, 0);

          first = g_strdup_printf ("%s|%s|%" G_GINT64_FORMAT, e->url,
                                   e->type != NULL ? e->type : "NULL", e->length);
        }
      check_string ("enclosure", first, c->enclosure, FALSE);
    }

  if (c->forbidden != NULL)
    for (guint i = 0; i < items->len; i++)
      {
        BulletinArticle *a = g_ptr_array_index (items, i);
        const char *fields[] = {
          bulletin_article_get_title (a), bulletin_article_get_url (a),
          bulletin_article_get_summary (a), bulletin_article_get_body (a),
          bulletin_feed_get_title (feed),
        };

        for (guint j = 0; j < G_N_ELEMENTS (fields); j++)
          if (fields[j] != NULL)
            g_assert_null (strstr (fields[j], c->forbidden));
      }
}

/* Hostile and edge inputs. */

static BulletinFeed *
parse_string (const char  *text,
              gssize       length,
              GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, length < 0 ? strlen (text) : (gsize) length);

  return bulletin_feed_parse (bytes, NULL, error);
}

static void
assert_not_a_feed (const char *text,
                   gssize      length)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BulletinFeed) feed = parse_string (text, length, &error);

  g_assert_null (feed);
  g_assert_error (error, BULLETIN_ERROR, BULLETIN_ERROR_NOT_A_FEED);
  g_assert_null (strchr (error->message, '\n'));
}

static void
test_not_feeds (void)
{
  static const guint8 png[] = {
    0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
    0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89,
  };

  assert_not_a_feed ("", 0);
  assert_not_a_feed ("   \n\t ", -1);
  assert_not_a_feed ((const char *) png, sizeof png);
  assert_not_a_feed ("<!DOCTYPE html><html><head><title>x</title></head><body><p>Hi</body></html>", -1);
  assert_not_a_feed ("<html><body>Not XML at all <br></body></html>", -1);
  assert_not_a_feed ("<?xml version=\"1.0\"?><opml version=\"2.0\"><body/></opml>", -1);
  assert_not_a_feed ("just some text", -1);
  assert_not_a_feed ("{\"version\": \"something else\"}", -1);
  assert_not_a_feed ("{\"version\": \"https://jsonfeed.org/version/1\", ", -1);
  assert_not_a_feed ("[1, 2, 3]", -1);
  assert_not_a_feed ("\0\0\0\0", 4);
}

static void
test_billion_laughs (void)
{
  const char *bomb =
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE rss [\n"
    " <!ENTITY lol \"lol\">\n"
    " <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
    " <!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n"
    " <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
    " <!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n"
    " <!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">\n"
    " <!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">\n"
    " <!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">\n"
    " <!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">\n"
    " <!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">\n"
    "]>\n"
    "<rss version=\"2.0\"><channel><title>&lol9;</title>"
    "<item><title>&lol9;</title><description>&lol9;</description></item></channel></rss>";
  g_autoptr(GError) error = NULL;
  g_autoptr(BulletinFeed) feed = parse_string (bomb, -1, &error);

  /* Refused, or parsed with the expansion cut far below 3 GB. */
  if (feed == NULL)
    {
      g_assert_error (error, BULLETIN_ERROR, BULLETIN_ERROR_NOT_A_FEED);
      return;
    }

  g_assert_no_error (error);
  if (bulletin_feed_get_title (feed) != NULL)
    g_assert_cmpuint (strlen (bulletin_feed_get_title (feed)), <=, 4 * 1024 * 1024);
  for (guint i = 0; i < bulletin_feed_get_items (feed)->len; i++)
    {
      BulletinArticle *item = g_ptr_array_index (bulletin_feed_get_items (feed), i);

      if (bulletin_article_get_title (item) != NULL)
        g_assert_cmpuint (strlen (bulletin_article_get_title (item)), <=, 4 * 1024 * 1024);
      if (bulletin_article_get_summary (item) != NULL)
        g_assert_cmpuint (strlen (bulletin_article_get_summary (item)), <=, 8 * 1024 * 1024);
    }
}

static void
test_quadratic_blowup (void)
{
  /* One 50 KB entity referenced 5,000 times: 250 MB if expanded. */
  GString *doc = g_string_new ("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"");
  g_autoptr(GError) error = NULL;
  g_autoptr(BulletinFeed) feed = NULL;

  for (guint i = 0; i < 50000; i++)
    g_string_append_c (doc, 'a');
  g_string_append (doc, "\">]><rss version=\"2.0\"><channel><title>");
  for (guint i = 0; i < 5000; i++)
    g_string_append (doc, "&a;");
  g_string_append (doc, "</title></channel></rss>");

  feed = parse_string (doc->str, doc->len, &error);
  g_string_free (doc, TRUE);

  if (feed == NULL)
    g_assert_error (error, BULLETIN_ERROR, BULLETIN_ERROR_NOT_A_FEED);
  else if (bulletin_feed_get_title (feed) != NULL)
    g_assert_cmpuint (strlen (bulletin_feed_get_title (feed)), <=, 4 * 1024 * 1024);
}

static void
test_external_entity (void)
{
  const char *xxe =
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">"
    "<!ENTITY remote SYSTEM \"http://127.0.0.1:1/x\">]>\n"
    "<rss version=\"2.0\"><channel><title>T&xxe;&remote;</title>"
    "<item><description>&xxe;</description></item></channel></rss>";
  g_autoptr(GError) error = NULL;
  g_autoptr(BulletinFeed) feed = parse_string (xxe, -1, &error);

  if (feed == NULL)
    {
      g_assert_error (error, BULLETIN_ERROR, BULLETIN_ERROR_NOT_A_FEED);
      return;
    }
  g_assert_cmpstr (bulletin_feed_get_title (feed), ==, "T");
  g_assert_cmpuint (bulletin_feed_get_items (feed)->len, ==, 1);
  g_assert_null (bulletin_article_get_summary (g_ptr_array_index (bulletin_feed_get_items (feed), 0)));
}

static void
test_too_large (void)
{
  gsize size = 50 * 1024 * 1024;
  char *data = g_malloc (size);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BulletinFeed) feed = NULL;

  memset (data, ' ', size);
  memcpy (data, "<rss version=\"2.0\"><channel><title>big</title>", 46);
  bytes = g_bytes_new_take (data, size);

  feed = bulletin_feed_parse (bytes, NULL, &error);
  g_assert_null (feed);
  g_assert_error (error, BULLETIN_ERROR, BULLETIN_ERROR_TOO_LARGE);
}

static void
test_just_under_limit (void)
{
  /* 9 MiB of items is read, with the item count capped. */
  GString *doc = g_string_new ("<rss version=\"2.0\"><channel><title>many</title>");
  g_autoptr(GError) error = NULL;
  g_autoptr(BulletinFeed) feed = NULL;
  guint n = 0;

  while (doc->len < 9 * 1024 * 1024)
    g_string_append_printf (doc, "<item><title>Item %u</title><link>http://example.com/%u</link></item>", n, n), n++;
  g_string_append (doc, "</channel></rss>");

  feed = parse_string (doc->str, doc->len, &error);
  g_string_free (doc, TRUE);

  g_assert_no_error (error);
  g_assert_cmpuint (n, >, BULLETIN_FEED_MAX_ITEMS);
  g_assert_cmpuint (bulletin_feed_get_items (feed)->len, ==, BULLETIN_FEED_MAX_ITEMS);
  g_assert_cmpstr (bulletin_article_get_title (g_ptr_array_index (bulletin_feed_get_items (feed), 0)), ==, "Item 0");
}

/* The depth check skips strings: brackets in them do not count, and a
 * string ends at a quote after an even run of backslashes. */
static void
test_json_depth_strings (void)
{
  GString *json = g_string_new ("{\"version\": \"https://jsonfeed.org/version/1\", \"title\": \"a \\\" ");
  g_autoptr(GError) error = NULL;
  g_autoptr(BulletinFeed) feed = NULL;

  for (guint i = 0; i < 1000; i++)
    g_string_append (json, "[{");
  g_string_append (json, " \\\\\", \"items\": [{\"id\": \"1\", \"content_html\": \"<p>\\\"[[[[\\\\\"}]}");
  feed = parse_string (json->str, json->len, &error);
  g_assert_no_error (error);
  g_assert_nonnull (feed);
  g_assert_cmpuint (bulletin_feed_get_items (feed)->len, ==, 1);
  g_assert_cmpstr (bulletin_article_get_body (g_ptr_array_index (bulletin_feed_get_items (feed), 0)),
                   ==, "<p>\"[[[[\\</p>");
  g_clear_object (&feed);

  /* An escaped backslash before the quote: the string ends there, and
   * what follows is nested too deeply. */
  g_string_assign (json, "{\"version\": \"https://jsonfeed.org/version/1\", \"title\": \"a \\\\\", \"items\": ");
  for (guint i = 0; i < 1000; i++)
    g_string_append (json, "[");
  for (guint i = 0; i < 1000; i++)
    g_string_append (json, "]");
  g_string_append (json, "}");
  feed = parse_string (json->str, json->len, &error);
  g_assert_null (feed);
  g_assert_error (error, BULLETIN_ERROR, BULLETIN_ERROR_NOT_A_FEED);

  g_string_free (json, TRUE);
}

static void
test_deep_nesting (void)
{
  GString *doc = g_string_new ("<rss version=\"2.0\"><channel><title>deep</title><item><title>i</title><description>");
  g_autoptr(GError) error = NULL;
  g_autoptr(BulletinFeed) feed = NULL;
  GString *json = g_string_new ("{\"version\": \"https://jsonfeed.org/version/1\", \"items\": ");

  for (guint i = 0; i < 10000; i++)
    g_string_append (doc, "<div>");
  g_string_append (doc, "x");
  for (guint i = 0; i < 10000; i++)
    g_string_append (doc, "</div>");
  g_string_append (doc, "</description></item></channel></rss>");

  feed = parse_string (doc->str, doc->len, &error);
  if (feed == NULL)
    g_assert_error (error, BULLETIN_ERROR, BULLETIN_ERROR_NOT_A_FEED);
  else
    g_assert_cmpstr (bulletin_feed_get_title (feed), ==, "deep");
  g_clear_object (&feed);
  g_clear_error (&error);

  /* The same in escaped HTML, handed to the sanitizer. */
  g_string_assign (doc, "<rss version=\"2.0\"><channel><title>deep</title><item><title>i</title><description>");
  for (guint i = 0; i < 10000; i++)
    g_string_append (doc, "&lt;div&gt;");
  g_string_append (doc, "</description></item></channel></rss>");
  feed = parse_string (doc->str, doc->len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bulletin_feed_get_items (feed)->len, ==, 1);
  g_clear_object (&feed);

  for (guint i = 0; i < 10000; i++)
    g_string_append (json, "[");
  for (guint i = 0; i < 10000; i++)
    g_string_append (json, "]");
  g_string_append (json, "}");
  feed = parse_string (json->str, json->len, &error);
  g_assert_null (feed);
  g_assert_error (error, BULLETIN_ERROR, BULLETIN_ERROR_NOT_A_FEED);

  g_string_free (doc, TRUE);
  g_string_free (json, TRUE);
}

static void
test_invalid_utf8 (void)
{
  const char *text =
    "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel>"
    "<title>Bad \xff\xfe bytes \xc3</title><item><title>ok \xe9t\xe9</title></item></channel></rss>";
  const char *json =
    "{\"version\": \"https://jsonfeed.org/version/1\", \"title\": \"x\xff\", \"items\": []}";
  g_autoptr(GError) error = NULL;
  g_autoptr(BulletinFeed) feed = parse_string (text, -1, &error);

  g_assert_no_error (error);
  g_assert_true (bulletin_feed_get_recovered (feed));
  g_assert_nonnull (bulletin_feed_get_title (feed));
  g_assert_true (g_utf8_validate (bulletin_feed_get_title (feed), -1, NULL));
  g_assert_true (g_str_has_prefix (bulletin_feed_get_title (feed), "Bad "));
  for (guint i = 0; i < bulletin_feed_get_items (feed)->len; i++)
    {
      const char *title = bulletin_article_get_title (g_ptr_array_index (bulletin_feed_get_items (feed), i));
      g_assert_true (title == NULL || g_utf8_validate (title, -1, NULL));
    }
  g_clear_object (&feed);

  /* HTML read without a check of its own: the sanitizer repairs it */
  feed = parse_string ("<?xml version=\"1.0\" encoding=\"utf-8\"?>"
                       "<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel>"
                       "<item><title>t</title><description>&lt;p&gt;Bad \xff\xfe bytes \xc3&lt;/p&gt;</description>"
                       "<content:encoded><![CDATA[<p>one \xe9t\xe9 \xff two</p>]]></content:encoded></item>"
                       "<item><title>u</title><description>plain \xff text</description></item>"
                       "</channel></rss>", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bulletin_feed_get_items (feed)->len, ==, 2);
  for (guint i = 0; i < bulletin_feed_get_items (feed)->len; i++)
    {
      BulletinArticle *article = g_ptr_array_index (bulletin_feed_get_items (feed), i);
      const char *summary = bulletin_article_get_summary (article);
      const char *body = bulletin_article_get_body (article);

      g_assert_true (summary == NULL || g_utf8_validate (summary, -1, NULL));
      g_assert_true (body == NULL || g_utf8_validate (body, -1, NULL));
      g_assert_true (summary != NULL || body != NULL);
    }
  g_clear_object (&feed);

  /* Invalid JSON text is an error, not a crash. */
  feed = parse_string (json, -1, &error);
  if (feed == NULL)
    g_assert_error (error, BULLETIN_ERROR, BULLETIN_ERROR_NOT_A_FEED);
  else
    g_assert_true (g_utf8_validate (bulletin_feed_get_title (feed), -1, NULL));
}

static void
test_utf16 (void)
{
  const char *utf8 =
    "<?xml version=\"1.0\" encoding=\"UTF-16\"?><rss version=\"2.0\"><channel>"
    "<title>\xd8\xa7\xd9\x84\xd9\x85\xd9\x8a\xd8\xa7\xd8\xaf\xd9\x8a\xd9\x86</title>"
    "<item><title>\xe2\x80\x9chi\xe2\x80\x9d</title></item></channel></rss>";
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  g_autofree char *utf16 = g_convert (utf8, -1, "UTF-16LE", "UTF-8", NULL, &length, &error);
  g_autofree char *with_bom = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(BulletinFeed) feed = NULL;

  g_assert_no_error (error);
  with_bom = g_malloc (length + 2);
  with_bom[0] = (char) 0xff;
  with_bom[1] = (char) 0xfe;
  memcpy (with_bom + 2, utf16, length);
  bytes = g_bytes_new (with_bom, length + 2);

  feed = bulletin_feed_parse (bytes, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bulletin_feed_get_title (feed), ==, "الميادين");
  g_assert_cmpuint (bulletin_feed_get_items (feed)->len, ==, 1);
  g_assert_cmpstr (bulletin_article_get_title (g_ptr_array_index (bulletin_feed_get_items (feed), 0)),
                   ==, "\u201chi\u201d");
}

static void
parse_async_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  BulletinFeed **out = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_null (source);
  *out = bulletin_feed_parse_finish (result, &error);
  g_assert_no_error (error);
}

static void
parse_async_error_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  GError **out = user_data;
  g_autoptr(BulletinFeed) feed = bulletin_feed_parse_finish (result, out);

  g_assert_null (feed);
}

static void
test_async (void)
{
  const char *text = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Async</title>"
                     "<entry><title>E</title><link href=\"e\"/></entry></feed>";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(GBytes) bad = g_bytes_new_static ("nope", 4);
  g_autoptr(BulletinFeed) feed = NULL;
  g_autoptr(GError) error = NULL;

  bulletin_feed_parse_async (bytes, "https://example.net/x/", NULL, parse_async_cb, &feed);
  while (feed == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpstr (bulletin_feed_get_format (feed), ==, "atom10");
  g_assert_cmpstr (bulletin_feed_get_title (feed), ==, "Async");
  g_assert_cmpstr (bulletin_article_get_url (g_ptr_array_index (bulletin_feed_get_items (feed), 0)),
                   ==, "https://example.net/x/e");

  bulletin_feed_parse_async (bad, NULL, NULL, parse_async_error_cb, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, BULLETIN_ERROR, BULLETIN_ERROR_NOT_A_FEED);
}

static void
test_async_cancelled (void)
{
  const char *text = "<rss version=\"2.0\"><channel><title>C</title></channel></rss>";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  bulletin_feed_parse_async (bytes, NULL, cancellable, parse_async_error_cb, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_formats (void)
{
  static const struct { const char *input; const char *format; } formats[] = {
    { "<rss version=\"0.91\"><channel/></rss>", "rss091" },
    { "<rss version=\"0.92\"><channel/></rss>", "rss092" },
    { "<rss version=\"0.93\"><channel/></rss>", "rss093" },
    { "<rss version=\"0.94\"><channel/></rss>", "rss094" },
    { "<rss version=\"2.0\"><channel/></rss>", "rss20" },
    { "<rss><channel/></rss>", "rss" },
    { "<feed xmlns=\"http://www.w3.org/2005/Atom\"/>", "atom10" },
    { "<feed version=\"0.3\" xmlns=\"http://purl.org/atom/ns#\"/>", "atom03" },
    { "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns=\"http://purl.org/rss/1.0/\"/>", "rss10" },
    { "{\"version\": \"https://jsonfeed.org/version/1\", \"items\": []}", "json10" },
    { "{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": []}", "json11" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BulletinFeed) feed = parse_string (formats[i].input, -1, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (bulletin_feed_get_format (feed), ==, formats[i].format);
      g_assert_cmpuint (bulletin_feed_get_items (feed)->len, ==, 0);
    }
}

/* Media RSS pictures: the first one's description is the hero's caption,
 * several make a gallery; a bundled feed may point at its own resources,
 * no other feed can. */
static void
test_media_gallery (void)
{
  const char *xml =
    "<rss version=\"2.0\" xmlns:media=\"http://search.yahoo.com/mrss/\"><channel><title>t</title>"
    "<item><title>Pictures</title><link>https://example.org/p</link>"
    "<media:content url=\"images/one.jpg\" medium=\"image\"><media:description>The first, by Demo Wire</media:description></media:content>"
    "<media:content url=\"images/two.jpg\" medium=\"image\"><media:description>The second</media:description></media:content>"
    "</item></channel></rss>";
  g_autoptr(GBytes) bytes = g_bytes_new_static (xml, strlen (xml));
  const char * const *gallery;
  BulletinArticle *article;

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(BulletinFeed) feed = bulletin_feed_parse (bytes, "resource:///io/github/bulletinapp/Bulletin/demo/x.xml", &error);

    g_assert_no_error (error);
    article = g_ptr_array_index (bulletin_feed_get_items (feed), 0);
    g_assert_cmpstr (bulletin_article_get_image (article), ==, "resource:///io/github/bulletinapp/Bulletin/demo/images/one.jpg");
    g_assert_cmpstr (bulletin_article_get_image_caption (article), ==, "The first, by Demo Wire");
    g_assert_cmpint (bulletin_article_get_kind (article), ==, BULLETIN_ARTICLE_KIND_GALLERY);
    gallery = bulletin_article_get_gallery (article);
    g_assert_nonnull (gallery);
    g_assert_cmpuint (g_strv_length ((char **) gallery), ==, 2);
    g_assert_cmpstr (gallery[1], ==, "resource:///io/github/bulletinapp/Bulletin/demo/images/two.jpg");
  }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(BulletinFeed) feed = bulletin_feed_parse (bytes, "https://example.org/feed.xml", &error);

    g_assert_no_error (error);
    article = g_ptr_array_index (bulletin_feed_get_items (feed), 0);
    g_assert_cmpstr (bulletin_article_get_image (article), ==, "https://example.org/images/one.jpg");
  }

  {
    const char *hostile =
      "<rss version=\"2.0\" xmlns:media=\"http://search.yahoo.com/mrss/\"><channel><title>t</title>"
      "<item><title>x</title><media:content url=\"resource:///io/github/bulletinapp/Bulletin/ui/secret\" medium=\"image\"/>"
      "</item></channel></rss>";
    g_autoptr(GBytes) hostile_bytes = g_bytes_new_static (hostile, strlen (hostile));
    g_autoptr(GError) error = NULL;
    g_autoptr(BulletinFeed) feed = bulletin_feed_parse (hostile_bytes, "https://example.org/feed.xml", &error);

    g_assert_no_error (error);
    article = g_ptr_array_index (bulletin_feed_get_items (feed), 0);
    g_assert_null (bulletin_article_get_image (article));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/feed-parser/case/%s", cases[i].name);

      g_test_add_data_func (path, &cases[i], test_feed_case);
    }
  g_test_add_func ("/feed-parser/formats", test_formats);
  g_test_add_func ("/feed-parser/media-gallery", test_media_gallery);
  g_test_add_func ("/feed-parser/not-feeds", test_not_feeds);
  g_test_add_func ("/feed-parser/hostile/billion-laughs", test_billion_laughs);
  g_test_add_func ("/feed-parser/hostile/quadratic-blowup", test_quadratic_blowup);
  g_test_add_func ("/feed-parser/hostile/external-entity", test_external_entity);
  g_test_add_func ("/feed-parser/hostile/too-large", test_too_large);
  g_test_add_func ("/feed-parser/hostile/item-cap", test_just_under_limit);
  g_test_add_func ("/feed-parser/hostile/deep-nesting", test_deep_nesting);
  g_test_add_func ("/feed-parser/hostile/json-depth-strings", test_json_depth_strings);
  g_test_add_func ("/feed-parser/hostile/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/feed-parser/encoding/utf16", test_utf16);
  g_test_add_func ("/feed-parser/async", test_async);
  g_test_add_func ("/feed-parser/async-cancelled", test_async_cancelled);

  return g_test_run ();
}
