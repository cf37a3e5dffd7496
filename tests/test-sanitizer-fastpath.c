/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-sanitizer-fastpath"

#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "bulletin-core.h"
#include "bulletin-html-tokenizer.h"
#include "bulletin-sanitizer-private.h"
#include "bulletin-url-private.h"
#include "test-utils.h"

/* The sanitizer reads simple HTML with a strict reader of its own
 * (bulletin-html-tokenizer.c) instead of libxml2's HTML parser. It is
 * right only if, whenever it takes an input, the output is byte for byte
 * the one libxml2's events give. Checked here on chosen hard cases, on
 * every pair of the elements it knows (libxml2 closes some elements when
 * another opens), on the test data, and on every feed item, article and
 * page of the shared corpus; and the strict reader must take most feed
 * items, or it is of no use.
 *
 * The same for the links and images it resolves: a plain URL skips GUri
 * (bulletin_url_resolve_plain()), and must come out as GUri has it.
 */

#define BASE "https://example.com/news/a/b.html"

/* Whether the strict reader took the last input compared. */
static gboolean last_strict;
/* How many invalid UTF-8 inputs were compared with their repair. */
static guint repaired_compared;

/* Compares both parsers on @html, for the sanitized HTML and for the
 * plain text; returns whether the strict reader took it. */
static gboolean
check_same (const char *html,
            gssize      length,
            const char *what)
{
  g_autofree char *fast = NULL;
  g_autofree char *slow = NULL;
  g_autofree char *fast_text = NULL;
  g_autofree char *slow_text = NULL;
  gboolean strict = FALSE;
  gboolean strict_text = FALSE;

  fast = bulletin_sanitize_html_using (html, length, BASE, BULLETIN_SANITIZER_PARSER_ANY, &strict);
  slow = bulletin_sanitize_html_using (html, length, BASE, BULLETIN_SANITIZER_PARSER_LIBXML2, NULL);
  if (g_strcmp0 (fast, slow) != 0)
    g_test_message ("%s: sanitized HTML differs (strict: %d)\ninput: %.*s\nfast:  %s\nslow:  %s",
                    what, strict, length < 0 ? (int) strlen (html) : (int) MIN (length, 4000),
                    html, fast, slow);
  g_assert_cmpstr (fast, ==, slow);
  /* the strict reader's output is not checked for UTF-8: it must be */
  g_assert_true (g_utf8_validate (fast, -1, NULL));

  fast_text = bulletin_html_to_text_using (html, length, BULLETIN_SANITIZER_PARSER_ANY, &strict_text);
  slow_text = bulletin_html_to_text_using (html, length, BULLETIN_SANITIZER_PARSER_LIBXML2, NULL);
  if (g_strcmp0 (fast_text, slow_text) != 0)
    g_test_message ("%s: text differs (strict: %d)\ninput: %.*s", what, strict_text,
                    length < 0 ? (int) strlen (html) : (int) MIN (length, 4000), html);
  g_assert_cmpstr (fast_text, ==, slow_text);
  g_assert_true (g_utf8_validate (fast_text, -1, NULL));

  /* Both walkers read the same input the same way. */
  g_assert_cmpint (strict, ==, strict_text);

  /* Invalid UTF-8 is repaired as g_utf8_make_valid() repairs it, so the
   * feed parser gives the sanitizer a JSON Feed's content unchecked. */
  if (length != 0 && memchr (html, '\0', length < 0 ? strlen (html) : (gsize) length) == NULL &&
      !g_utf8_validate (html, length, NULL))
    {
      g_autofree char *valid = g_utf8_make_valid (html, length);
      g_autofree char *from_valid = bulletin_sanitize_html (valid, -1, BASE);

      g_assert_cmpstr (from_valid, ==, fast);
      repaired_compared++;
    }

  /* The words counted while sanitizing, by either parser, are those of
   * the output (bulletin-sanitizer-words.c checks that count). */
  for (BulletinSanitizerParser parser = BULLETIN_SANITIZER_PARSER_ANY;
       parser <= BULLETIN_SANITIZER_PARSER_LIBXML2; parser++)
    {
      g_autofree char *counted = NULL;
      guint words = G_MAXUINT;

      counted = bulletin_sanitize_html_counted_using (html, length, BASE, parser, NULL, &words);
      g_assert_cmpstr (counted, ==, fast);
      if (words != bulletin_sanitized_html_count_words (fast))
        g_test_message ("%s: %u words counted while sanitizing, %u in the output",
                        what, words, bulletin_sanitized_html_count_words (fast));
      g_assert_cmpuint (words, ==, bulletin_sanitized_html_count_words (fast));
    }

  last_strict = strict;
  return strict;
}

typedef enum
{
  STRICT,    /* the strict reader must take it */
  LIBXML2,   /* it must go to libxml2 */
  EITHER,
} Path;

typedef struct
{
  const char *html;
  Path        path;
} Case;

static const Case cases[] = {
  { "", STRICT },
  { "plain text", STRICT },
  { "  \n\t ", STRICT },
  { "<p>One <b>two</b></p><p>Three</p>", STRICT },
  { "<P>Upper <B>case</b></P>", STRICT },
  { "<p class=\"text\" style=\"margin:0\">a <a href=\"https://example.com/x\" target=\"_blank\">b</a>, "
    "<strong>c</strong> <em>d</em> &amp; e.</p>", STRICT },
  { "<blockquote><p>&#8220;quoted&#8221;</p></blockquote>", STRICT },
  /* text escaped and counted in one pass: escapes inside, before and
   * after words, non-ASCII white space and letters */
  { "a&amp;b &lt;c&gt; d&amp; &amp;e<b>&lt;</b>x&gt;<i>&amp;</i> y", STRICT },
  { "one&#160;two&#x3000;three&#8203;four caf\xc3\xa9\xc2\xa0" "bar \xd8\xb9\xd8\xb1\xd8\xa8\xd9\x8a", STRICT },
  { "<p>\"quoted\" 'text' &quot;x&quot;</p>", STRICT },
  /* eight bytes at a time: what stops a block, and words across blocks */
  { "abcdefgh>ijklmnop qrstuvw> yz >>>>>>>>> a\tbcdefghij\n klmnopqr  stuvwxyz        x", STRICT },
  { "<!-- libxml2's text --><p>abcdefgh&#127;ijklmnop qrstuvwx&#127; yz&#127;&#127;&#127;&#127;"
    "&#127;&#127;&#127;&#127; a &lt;bcdefghi&gt;jklmnopq&amp;rstuvwx ~~~~~~~~ !!!!!!!!</p>", EITHER },
  { "<figure><img src=\"/i.jpg\" alt=\"Scene\" width=\"1200\" height=\"675\"><figcaption>Cap (AFP)</figcaption></figure>", STRICT },
  /* void elements, with and without '/' */
  { "a<br>b<br/>c<br />d<hr>e<img src=x.png>f<img src=\"y.png\"/>", STRICT },
  { "<wbr>x", STRICT },
  { "a<wbr/>b<source src=\"a.mp4\"/>c", STRICT },
  { "<video><source src=\"a.mp4\"></video>", STRICT },
  { "<video><source src=\"a.mp4\"><track src=\"a.vtt\"></video>after", STRICT },
  { "<p/>x<b/>y<a href=\"/z\"/>w", STRICT },
  { "<col span=2><area href=/a>", STRICT },
  /* attributes: unquoted, without a value, single quotes, repeated, odd spacing */
  { "<td nowrap id=3 class='a b'>x</td>", STRICT },
  { "<a href=\"/x\"title=y>z</a>", STRICT },
  { "<a href= >z</a><a href=>y</a>", STRICT },
  { "<a href=foo/>z</a>", STRICT },
  { "<img src=\"a.png\" src=\"b.png\" SRC=c.png alt=x ALT=y>", STRICT },
  { "<a HREF=\"/X\" Title=\"T\">l</a>", STRICT },
  { "<img data-src=\"/real.jpg\" src=\"data:image/gif;base64,R0lGOD\">", STRICT },
  { "<img src = \"/a.jpg\"  alt = 'x'\n width\t=\t3 >", STRICT },
  { "<input disabled/>", LIBXML2 },
  { "<a title=\"a &quot;b&quot; &amp c &lt; d &gt; e &foo; &#65;&#x42;&#X43;\">z</a>", STRICT },
  { "<a title=\"&#x80;&#150;&nbsp;&copy;&eacute;\">z</a>", STRICT },
  { "<a href=\"/search?q=a&b=c&amp;d=e\">z</a>", STRICT },
  { "<a title='&'>z</a><a title=\"x&\">y</a>", STRICT },
  { "<a title=\"<b>\">z</a><img alt=\"a > b\">", STRICT },
  { "<a title=\"line\nbreak\ttab\">z</a>", STRICT },
  { "<a title=x&amp;y>z</a>", STRICT },
  { "<a title=a\"b>z</a>", LIBXML2 },
  { "<a title=\"unterminated>z</a>", LIBXML2 },
  { "<a href=\"x\" / >z</a>", LIBXML2 },
  { "<a 1=2>z</a>", LIBXML2 },
  { "<a x_y=1 a:b=2 c-d=3 e.f=4>z</a>", STRICT },
  /* entities */
  { "&amp; &lt; &gt; &quot; &apos; &nbsp; &copy; &eacute; &hellip; &mdash;", STRICT },
  { "&amp &copy x&nbsp", EITHER },
  { "&foo; &bar &AMP; &Amp;", STRICT },
  { "&#65;&#x41;&#X41;&#0065;&#x1F600;&#8220;", STRICT },
  { "&#65 x", LIBXML2 },
  { "&#0;", LIBXML2 },
  { "&#1;", LIBXML2 },
  { "&#xD800;", LIBXML2 },
  { "&#x110000;", LIBXML2 },
  { "&#99999999999;", LIBXML2 },
  { "&#;", LIBXML2 },
  { "&#x;", LIBXML2 },
  { "& x && y &1 &. &;", STRICT },
  { "a &_x; b", LIBXML2 },
  { "a &x-y; b", LIBXML2 },
  { "a &\xc3\xa9; b", LIBXML2 },
  { "trailing &", STRICT },
  { "trailing &amp", LIBXML2 },
  { "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>", STRICT },
  /* '<' in text */
  { "a < b", LIBXML2 },
  { "a <3 b", LIBXML2 },
  { "a<", LIBXML2 },
  { "x <= y", LIBXML2 },
  { "a > b", STRICT },
  /* what libxml2 closes by itself */
  { "<p>a<p>b</p>", LIBXML2 },
  { "<p>a<div>b</div></p>", LIBXML2 },
  { "<p>a<ul><li>b</li></ul></p>", LIBXML2 },
  { "<p>a<table><tr><td>b</td></tr></table></p>", LIBXML2 },
  { "<p>a<h2>b</h2></p>", LIBXML2 },
  { "<p>a<hr>b</p>", LIBXML2 },
  { "<ul><li>a<li>b</ul>", LIBXML2 },
  { "<li>a<li>b", LIBXML2 },
  { "<a href=a>x<a href=b>y</a></a>", LIBXML2 },
  { "<table><tr><td>a<td>b</td></tr></table>", LIBXML2 },
  { "<dl><dt>a<dd>b</dd></dl>", EITHER },
  /* nesting kept */
  { "<ul><li>a<ul><li>b</li></ul></li></ul>", STRICT },
  { "<ol start=\"3\"><li><p>a</p></li><li><div>b</div></li></ol>", STRICT },
  { "<table><caption>c</caption><colgroup><col span=\"2\"></colgroup><thead><tr><th>h</th></tr></thead>"
    "<tbody><tr><td colspan=\"2\" rowspan=\"3\">d</td></tr></tbody><tfoot><tr><td>f</td></tr></tfoot></table>", STRICT },
  { "<table><tr><td>x</td></tr></table>", STRICT },
  { "<div><div><div>deep</div></div></div>", STRICT },
  { "<b><i><u><s><em>x</em></s></u></i></b>", STRICT },
  { "<span><span>a</span></span>", STRICT },
  { "<pre>\nfirst line\n  indented\n</pre>", STRICT },
  { "<pre><code>a &lt; b\n  c</code></pre>", STRICT },
  { "<dl><dt>t</dt><dd>d</dd></dl>", STRICT },
  { "<dd><dd>x</dd></dd>", STRICT },
  { "<details><summary>s</summary>d</details>", STRICT },
  { "<ruby>x<rp>(</rp><rt>y</rt><rp>)</rp></ruby>", STRICT },
  /* unclosed at the end, mis-nested, stray end tags */
  { "<p>unclosed <b>bold", STRICT },
  { "<b>a<i>b</b>c</i>", LIBXML2 },
  { "a</p>b", LIBXML2 },
  { "</br>", LIBXML2 },
  { "<b>x</b >", STRICT },
  { "<b>x</b\n>", STRICT },
  { "<b>x</b x>", LIBXML2 },
  { "<b>x</ b>", LIBXML2 },
  /* what the strict reader leaves to libxml2 */
  { "<!-- comment -->x", LIBXML2 },
  { "<!DOCTYPE html><p>x</p>", LIBXML2 },
  { "<?php echo 1; ?>x", LIBXML2 },
  { "<![CDATA[x]]>", LIBXML2 },
  { "<script>alert(1)</script>x", LIBXML2 },
  { "<style>p{}</style>x", LIBXML2 },
  { "<html><body><p>x</p></body></html>", LIBXML2 },
  { "<head><title>t</title></head>x", LIBXML2 },
  { "<iframe src=\"https://evil.example/\"></iframe>", LIBXML2 },
  { "<unknown>a</unknown>b", LIBXML2 },
  { "<o:p>x</o:p>", LIBXML2 },
  { "<my-element>x</my-element>", LIBXML2 },
  { "<svg><script>x</script></svg>", LIBXML2 },
  { "<p onclick=\"alert(1)\">x</p>", STRICT },
  { "<a href=\"javascript:alert(1)\">x</a>", STRICT },
  { "<a href=\"java&#x09;script:alert(1)\">x</a>", STRICT },
  { "<a href=\"&#106;avascript:alert(1)\">x</a>", STRICT },
  { "<img src=\"x\" onerror=\"alert(1)\">", STRICT },
  { "<p style=\"background: url(javascript:alert(1))\">x</p>", STRICT },
  { "<p style=\"color: red; font-family: 'expression'\">x</p>", STRICT },
  /* white space, line breaks and bytes prepare_input() cleans up */
  { "a\r\nb\rc\fd", STRICT },
  { "a\0b<b>c\0</b>", STRICT },
  { "\xef\xbb\xbf<p>bom</p>", STRICT },
  { "bad \xff\xfe utf-8 <b>\xc3</b>", STRICT },
  /* what g_utf8_make_valid() and the sanitizer must repair alike */
  { "overlong \xc0\xaf, surrogate \xed\xa0\x80, cut \xe2\x82" "a <i>\xf4\x90\x80\x80</i>", EITHER },
  { "<p title=\"\xf8\x88\x80\x80\x80\">five \xfc\x84\x80\x80\x80\x80 \xef\xbf\xbe</p>\xe2\x82", EITHER },
  { "<a href=\"/\xe2\x82\">\x80\xbf\xc3</a>\xf0\x9f\x98", EITHER },
  { "\xef\xbf\xbe non-character", STRICT },
  { "<p>\xd9\x85\xd8\xb1\xd8\xad\xd8\xa8\xd8\xa7 <b>\xd8\xa8\xd8\xa7\xd9\x84\xd8\xb9\xd8\xa7\xd9\x84\xd9\x85</b></p>", STRICT },
  { "<p title=\"\xd9\x85\">x</p>", STRICT },
  { " <p> a </p> <p> b </p> ", STRICT },
  { "<table> <tr> <td> a </td> </tr> </table>", STRICT },
  /* odd names */
  { "<p\">x</p>", LIBXML2 },
  { "<p@x>y</p>", LIBXML2 },
  { "<h7>x</h7>", LIBXML2 },
  { "<blockquotes>x</blockquotes>", LIBXML2 },
  { "<figcaptionx>x</figcaptionx>", LIBXML2 },
};

static void
test_case (gconstpointer data)
{
  const Case *test = data;
  gboolean strict = check_same (test->html, -1, test->html);

  if (test->path == STRICT)
    g_assert_true (strict);
  else if (test->path == LIBXML2)
    g_assert_false (strict);
}

/* A few cases again with a length that cuts them, so the input ends
 * inside a tag, a reference or a value. */
static void
test_cut (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gsize length = strlen (cases[i].html);

      for (gsize cut = 0; cut < length; cut++)
        check_same (cases[i].html, cut, cases[i].html);
    }

  g_test_message ("%u invalid UTF-8 inputs compared with their repair", repaired_compared);
  g_assert_cmpuint (repaired_compared, >, 100);
}

/* Every element inside every other, closed and not, and each alone:
 * where libxml2 closes the outer one by itself, the strict reader must
 * leave it to libxml2, and elsewhere agree with it. */
static void
test_pairs (void)
{
  guint n_elements;
  const char * const *elements = bulletin_html_tokenizer_get_elements (&n_elements);
  guint strict = 0;
  guint total = 0;

  g_assert_cmpuint (n_elements, >, 50);
  for (guint i = 0; i < n_elements; i++)
    {
      g_autofree char *alone = g_strdup_printf ("<%s title=\"t\" href=\"/h\" src=\"/s\">x</%s>y",
                                                elements[i], elements[i]);

      check_same (alone, -1, alone);
      for (guint j = 0; j < n_elements; j++)
        {
          const char *outer = elements[i];
          const char *inner = elements[j];
          g_autofree char *closed = g_strdup_printf ("<%s class=\"o\">a<%s class=\"i\">b</%s>c</%s>d",
                                                     outer, inner, inner, outer);
          g_autofree char *open = g_strdup_printf ("<%s>a<%s>b", outer, inner);
          g_autofree char *upper = g_ascii_strup (closed, -1);
          g_autofree char *self = g_strdup_printf ("<%s>a<%s/>b</%s>", outer, inner, outer);

          strict += check_same (closed, -1, closed);
          strict += check_same (open, -1, open);
          strict += check_same (upper, -1, upper);
          strict += check_same (self, -1, self);
          total += 4;
        }
    }

  g_test_message ("%u of %u element pairs read by the strict reader", strict, total);
  /* most pairs nest; if none is taken, the reader is broken */
  g_assert_cmpuint (strict, >, total / 2);
}

/* Files ------------------------------------------------------------------- */

typedef struct
{
  guint inputs;
  guint strict;
} Tally;

static void
check_piece (Tally      *tally,
             const char *html,
             gssize      length,
             const char *what)
{
  tally->inputs++;
  tally->strict += check_same (html, length, what);
}

static char *
read_file (const char *path,
           gsize      *length)
{
  char *contents = NULL;

  if (!g_file_get_contents (path, &contents, length, NULL))
    return NULL;
  return contents;
}

/* The HTML a feed carries: the text of its description, content,
 * summary, title and the like, as the feed parser hands it to the
 * sanitizer. */
static const char * const html_elements[] = {
  "description", "encoded", "content", "summary", "subtitle", "tagline",
  "title", "info", "rights", "copyright", "body", "abstract", NULL
};

static void
collect_xml_pieces (xmlNode    *node,
                    Tally      *tally,
                    const char *path)
{
  for (; node != NULL; node = node->next)
    {
      if (node->type != XML_ELEMENT_NODE)
        continue;
      if (g_strv_contains (html_elements, (const char *) node->name))
        {
          g_autofree xmlChar *text = xmlNodeGetContent (node);

          if (text != NULL && text[0] != '\0')
            check_piece (tally, (const char *) text, -1, path);
        }
      collect_xml_pieces (node->children, tally, path);
    }
}

static void
check_xml_feed (const char *path,
                Tally      *tally)
{
  g_autofree char *contents = NULL;
  gsize length;
  xmlDoc *doc;

  contents = read_file (path, &length);
  if (contents == NULL)
    return;

  doc = xmlReadMemory (contents, length, path, NULL,
                       XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOERROR |
                       XML_PARSE_NOWARNING | XML_PARSE_NOCDATA);
  if (doc == NULL)
    return;
  collect_xml_pieces (xmlDocGetRootElement (doc), tally, path);
  xmlFreeDoc (doc);
}

static void
collect_json_pieces (JsonNode   *node,
                     Tally      *tally,
                     const char *path)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) members = json_object_get_members (object);

      for (GList *l = members; l != NULL; l = l->next)
        {
          JsonNode *member = json_object_get_member (object, l->data);

          if (JSON_NODE_HOLDS_VALUE (member) &&
              json_node_get_value_type (member) == G_TYPE_STRING &&
              (g_str_equal (l->data, "content_html") || g_str_equal (l->data, "summary") ||
               g_str_equal (l->data, "title") || g_str_equal (l->data, "content_text")))
            check_piece (tally, json_node_get_string (member), -1, path);
          else
            collect_json_pieces (member, tally, path);
        }
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        collect_json_pieces (json_array_get_element (array, i), tally, path);
    }
}

static void
check_json_feed (const char *path,
                 Tally      *tally)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  if (!json_parser_load_from_file (parser, path, NULL))
    return;
  collect_json_pieces (json_parser_get_root (parser), tally, path);
}

static void
check_whole_file (const char *path,
                  Tally      *tally)
{
  g_autofree char *contents = NULL;
  gsize length;

  contents = read_file (path, &length);
  if (contents != NULL)
    check_piece (tally, contents, length, path);
}

static void
check_feed_file (const char *path,
                 gpointer    tally)
{
  if (g_str_has_suffix (path, ".json"))
    check_json_feed (path, tally);
  else
    check_xml_feed (path, tally);
}

static void
check_page_file (const char *path,
                 gpointer    tally)
{
  check_whole_file (path, tally);
}

/* @feeds: take the HTML inside feeds apart, rather than whole files */
static void
check_tree (const char *dir,
            gboolean    feeds,
            Tally      *tally)
{
  static const char * const feed_suffixes[] = { ".xml", ".rss", ".atom", ".rdf", ".json", NULL };
  static const char * const page_suffixes[] = { ".html", ".htm", NULL };

  if (feeds)
    test_utils_walk_tree (dir, feed_suffixes, check_feed_file, tally);
  else
    test_utils_walk_tree (dir, page_suffixes, check_page_file, tally);
}

static void
test_data (void)
{
  Tally pages = { 0 };
  Tally feeds = { 0 };
  g_autofree char *regressions = g_build_filename (TEST_DATA_DIR, "regressions", "sanitizer", NULL);
  g_autoptr(GDir) handle = g_dir_open (regressions, 0, NULL);
  const char *name;

  check_tree (TEST_DATA_DIR, FALSE, &pages);
  check_tree (TEST_DATA_DIR, TRUE, &feeds);
  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (regressions, name, NULL);

      check_whole_file (path, &pages);
    }

  g_test_message ("test data: %u of %u pages and %u of %u feed pieces read by the strict reader",
                  pages.strict, pages.inputs, feeds.strict, feeds.inputs);
  g_assert_cmpuint (pages.inputs, >, 3);
  g_assert_cmpuint (feeds.inputs, >, 20);
  /* the outlet's feeds are plain */
  g_assert_cmpuint (feeds.strict, >, feeds.inputs / 2);
}

static void
test_corpus (void)
{
  const char *corpus = g_getenv ("BULLETIN_CORPUS_DIR");
  g_autofree char *feeds_dir = NULL;
  g_autofree char *articles_dir = NULL;
  Tally feeds = { 0 };
  Tally articles = { 0 };

  if (corpus == NULL || !g_file_test (corpus, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("no shared corpus (BULLETIN_CORPUS_DIR)");
      return;
    }

  feeds_dir = g_build_filename (corpus, "feeds", NULL);
  articles_dir = g_build_filename (corpus, "articles", NULL);
  check_tree (feeds_dir, TRUE, &feeds);
  check_tree (articles_dir, FALSE, &articles);

  g_test_message ("corpus: %u of %u feed pieces and %u of %u article pages read by the strict reader",
                  feeds.strict, feeds.inputs, articles.strict, articles.inputs);
  g_assert_cmpuint (feeds.inputs, >, 500);
  g_assert_cmpuint (articles.inputs, >, 50);
  /* feedparser's suite is made of hard cases, yet most of its pieces
   * are plain; if this falls, the strict reader stopped working */
  g_assert_cmpuint (feeds.strict, >, feeds.inputs / 2);
  /* Readability's extracted articles are clean HTML */
  g_assert_cmpuint (articles.strict, >, 0);
}

/* URLs ------------------------------------------------------------------ */

static const char * const url_bases[] = {
  BASE,
  "https://english.almayadeen.net/news/politics/item-1",
  "https://example.com",
  "https://example.com/",
  "http://EXAMPLE.com/a/",
  "https://example.com:8080/x",
  "https://user@example.com/x",
  "https://example.com/a/../b/./c",
  "https://example.com./x",
  "https://a..b/x",
  "https://xn--d1acufc.xn--p1ai/a",
  "https://-a.example/x",
  "  https://example.com/spaced  ",
  "https://example.com/a b",
  "javascript:alert(1)",
  "//example.com/relative-base",
  NULL,
};

static const char * const url_references[] = {
  "https://example.com/a", "http://example.com", "http://example.com/", "https://example.com/a/b.jpg",
  "https://EXAMPLE.com/a", "HTTPS://example.com/a", "https://example.com:443/a", "https://u@example.com/",
  "https://example.com/a/./b", "https://example.com/a/../b", "https://example.com/.", "https://example.com/..",
  "https://example.com//a", "https://example.com/a//b", "https://example.com/a/", "https://example.com/%41",
  "https://example.com/a?b=c&d=e#f", "https://example.com/a?b#c#d", "https://example.com/a?", "https://example.com/a#",
  "https://example.com/a;b", "https://example.com;a/b", "https://example.com?a", "https://example.com#a",
  "https://1.2.3.4/a", "https://999.999.999.999/a", "https://[::1]/a", "https://a..b/", "https://example.com./",
  "https://xn--d1acufc.xn--p1ai/", "https://-a.example/", "https://a-.example/", "https://a_b.example/",
  "https://\xd0\xbf\xd1\x80\xd0\xb8\xd0\xbc\xd0\xb5\xd1\x80.com/", "https://example.com/\xc3\xa9",
  "/a", "/a/b.jpg?x=1", "/", "/?q", "/#f", "//example.org/a", "/a/./b", "/a/../b", "/a//b", "/%41",
  "a", "a/b", "./a", "../a", "?q", "#f", "", " /a ", "/a\tb", "/a b", "https://example.com/a b",
  "\thttps://example.com/a\n", "mailto:desk@example.com", "javascript:alert(1)", "data:image/png;base64,AAAA",
  "https://example.com/a~b_c-d.e", "https://example.com/a+b", "https://example.com/a@b:c",
};

static void
check_url (const char *base,
           const char *reference,
           guint      *plain_count)
{
  g_autofree char *clean = bulletin_url_clean (reference);
  g_autofree char *plain = clean != NULL ? bulletin_url_resolve_plain (base, clean) : NULL;
  g_autofree char *fast = bulletin_url_resolve (base, reference);
  g_autofree char *slow = bulletin_url_resolve_with_guri (base, reference);

  if (g_strcmp0 (fast, slow) != 0 || (plain != NULL && g_strcmp0 (plain, slow) != 0))
    g_test_message ("base %s, reference %s: plain %s, GUri %s", base, reference, plain, slow);
  g_assert_cmpstr (fast, ==, slow);
  if (plain != NULL)
    {
      g_assert_cmpstr (plain, ==, slow);
      (*plain_count)++;
    }

  /* bulletin_url_is_http() takes a plain absolute URL without GUri: GUri
   * must read an http or https URL with a host in it too */
  if (clean != NULL && bulletin_url_is_plain_absolute (clean))
    {
      g_autoptr(GUri) uri = g_uri_parse (clean, G_URI_FLAGS_ENCODED | G_URI_FLAGS_PARSE_RELAXED, NULL);

      g_assert_nonnull (uri);
      g_assert_true (g_ascii_strcasecmp (g_uri_get_scheme (uri), "http") == 0 ||
                     g_ascii_strcasecmp (g_uri_get_scheme (uri), "https") == 0);
      g_assert_nonnull (g_uri_get_host (uri));
      g_assert_cmpstr (g_uri_get_host (uri), !=, "");
      g_assert_true (bulletin_url_is_http (reference));
    }
}

/* The values of href="…" and src="…" in @text, quoted either way. */
static void
collect_urls (const char *text,
              GHashTable *urls)
{
  test_utils_collect_between (text, "href=\"", "\"", urls);
  test_utils_collect_between (text, "src=\"", "\"", urls);
  test_utils_collect_between (text, "href='", "'", urls);
  test_utils_collect_between (text, "src='", "'", urls);
}

static void
collect_file_urls (const char *path,
                   gpointer    urls)
{
  g_autofree char *contents = NULL;

  if (g_file_get_contents (path, &contents, NULL, NULL))
    collect_urls (contents, urls);
}

static void
test_urls (void)
{
  static const char * const url_suffixes[] = { ".html", ".xml", ".json", NULL };
  const char *corpus = g_getenv ("BULLETIN_CORPUS_DIR");
  g_autoptr(GHashTable) urls = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer url;
  guint plain = 0;
  guint checked = 0;

  for (guint i = 0; i < G_N_ELEMENTS (url_references); i++)
    g_hash_table_add (urls, g_strdup (url_references[i]));
  test_utils_walk_tree (TEST_DATA_DIR, url_suffixes, collect_file_urls, urls);
  if (corpus != NULL)
    test_utils_walk_tree (corpus, url_suffixes, collect_file_urls, urls);

  g_hash_table_iter_init (&iter, urls);
  while (g_hash_table_iter_next (&iter, &url, NULL))
    for (guint i = 0; i < G_N_ELEMENTS (url_bases); i++)
      {
        check_url (url_bases[i], url, &plain);
        checked++;
      }

  g_test_message ("%u URLs against %u bases: %u resolved without GUri",
                  g_hash_table_size (urls), (guint) G_N_ELEMENTS (url_bases), plain);
  /* the test data's links are plain: if none is, the shortcut is broken */
  g_assert_cmpuint (plain, >, checked / 10);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/sanitizer-fastpath/case/%u", i);

      g_test_add_data_func (path, &cases[i], test_case);
    }
  g_test_add_func ("/sanitizer-fastpath/cut", test_cut);
  g_test_add_func ("/sanitizer-fastpath/pairs", test_pairs);
  g_test_add_func ("/sanitizer-fastpath/data", test_data);
  g_test_add_func ("/sanitizer-fastpath/corpus", test_corpus);
  g_test_add_func ("/sanitizer-fastpath/urls", test_urls);

  return g_test_run ();
}
