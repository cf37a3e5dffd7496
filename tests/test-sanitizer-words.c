/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-sanitizer-words"

#include "config.h"

#include <string.h>

#include "bulletin-core.h"
#include "bulletin-sanitizer-private.h"
#include "test-utils.h"

/* bulletin_sanitized_html_count_words() counts the words of sanitized HTML
 * without parsing it again. Its answer must be the one of counting the
 * words of bulletin_html_to_text() of the same HTML, which the feed parser
 * used before: checked on chosen cases and on every HTML and feed file of
 * the test data and the article corpus, sanitized first. The feed parser
 * has the sanitizer count them as it writes
 * (bulletin_sanitize_html_counted()): the same count, whichever parser
 * read the HTML.
 */

/* Sanitizes @html with its words counted, by the strict reader when it
 * can and by libxml2; both must give bulletin_sanitize_html()'s output
 * and the same count. */
static guint
counted_words (const char *html,
               gssize      length,
               const char *base,
               const char *sanitized)
{
  g_autofree char *counted = NULL;
  g_autofree char *counted_libxml2 = NULL;
  guint words = G_MAXUINT;
  guint words_libxml2 = G_MAXUINT;

  counted = bulletin_sanitize_html_counted (html, length, base, &words);
  g_assert_cmpstr (counted, ==, sanitized);
  counted_libxml2 = bulletin_sanitize_html_counted_using (html, length, base,
                                                         BULLETIN_SANITIZER_PARSER_LIBXML2,
                                                         NULL, &words_libxml2);
  if (g_str_equal (counted_libxml2, sanitized))
    g_assert_cmpuint (words_libxml2, ==, words);
  g_assert_cmpuint (words_libxml2, ==, bulletin_sanitized_html_count_words (counted_libxml2));

  return words;
}

static guint
words_of_text (const char *html)
{
  g_autofree char *text = bulletin_html_to_text (html, -1);
  gboolean in_word = FALSE;
  guint words = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        in_word = FALSE;
      else if (!in_word)
        {
          in_word = TRUE;
          words++;
        }
    }

  return words;
}

typedef struct
{
  const char *html;
  guint       words;
} Case;

static const Case cases[] = {
  { "", 0 },
  { "one", 1 },
  { "  two   words  ", 2 },
  { "<p>a</p><p>b</p>", 2 },
  { "foo<em>bar</em>", 1 },
  { "foo <em>bar</em>", 2 },
  { "a<br>b", 2 },
  { "a&amp;b", 1 },
  { "a &amp; b", 3 },
  { "&lt;tag&gt; &quot;quoted&quot;", 2 },
  { "<table><tr><td>a</td><td>b</td></tr></table>", 2 },
  { "<ul><li>one</li><li>two</li></ul>", 2 },
  { "x\xc2\xa0y", 2 },
  { "x\xe2\x80\x83y", 2 },
  { "<pre>a\nb\tc</pre>", 3 },
  { "<h2>Sub</h2>text", 2 },
  { "<a href=\"https://example.com/a?b=1&amp;c=2\" title=\"x &gt; y\">link</a>text", 1 },
  { "<img src=\"https://example.com/i.png\" alt=\"not counted\">caption", 1 },
  { "<blockquote><p>“Quoted”</p></blockquote>after", 2 },
  { "\xd9\x85\xd8\xb1\xd8\xad\xd8\xa8\xd8\xa7 \xd8\xa8\xd8\xa7\xd9\x84\xd8\xb9\xd8\xa7\xd9\x84\xd9\x85", 2 },
  /* Not the sanitizer's output: counted by parsing, script dropped. */
  { "<script>var a = 1;</script>shown", 1 },
  { "<!-- hidden -->shown", 1 },
  { "<unknown>a</unknown>b", 1 },
  { "a &nbsp; b", 2 },
  { "<p>unclosed <b>bold", 2 },
  /* Where a tag ends a word: at a block's edge, not at an inline one. */
  { "a<p>b</p>c", 3 },
  { "a<div>b</div>c", 3 },
  { "a<span>b</span>c", 1 },
  { "a<hr>b", 2 },
  { "a<img src=\"x.png\">b", 1 },
  { "a<unknown>b</unknown>c", 1 },
  { "x<script>y</script>z", 1 },
  { "<table><tr><td>a</td><td>b</td></tr></table>c", 3 },
  { "a\x7f" "b", 1 },
  { "<p>a</p>\n<p>b</p>", 2 },
  { "\xef\xbf\xbd\xe3\x80\x80x", 2 },
};

static void
test_case (gconstpointer data)
{
  const Case *test = data;
  g_autofree char *sanitized = bulletin_sanitize_html (test->html, -1, "https://example.com/");

  /* Raw and sanitized, both ways round: the count is the text's. */
  g_assert_cmpuint (bulletin_sanitized_html_count_words (test->html), ==, test->words);
  g_assert_cmpuint (bulletin_sanitized_html_count_words (sanitized), ==, test->words);
  g_assert_cmpuint (bulletin_sanitized_html_count_words (sanitized), ==, words_of_text (sanitized));
  g_assert_cmpuint (counted_words (test->html, -1, "https://example.com/", sanitized), ==, test->words);
}

/* Beyond the depth the sanitizer keeps, block tags are not written and
 * end no word. */
static void
test_deep (void)
{
  GString *html = g_string_new ("a");
  g_autofree char *sanitized = NULL;
  g_autofree char *input = NULL;

  for (guint i = 0; i < 300; i++)
    g_string_append (html, "<div>b");
  for (guint i = 0; i < 300; i++)
    g_string_append (html, "c</div>");
  input = g_string_free (html, FALSE);
  sanitized = bulletin_sanitize_html (input, -1, NULL);

  g_assert_cmpuint (bulletin_sanitized_html_count_words (sanitized), ==, words_of_text (sanitized));
  g_assert_cmpuint (counted_words (input, -1, NULL, sanitized), ==, words_of_text (sanitized));
}

static void
test_null (void)
{
  g_assert_cmpuint (bulletin_sanitized_html_count_words (NULL), ==, 0);
}

static guint checked;

static void
check_file (const char *path,
            gpointer    user_data)
{
  g_autofree char *contents = NULL;
  gsize length;
  g_autofree char *sanitized = NULL;
  guint fast, slow;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return;

  sanitized = bulletin_sanitize_html (contents, length, "https://example.com/base/");
  fast = bulletin_sanitized_html_count_words (sanitized);
  slow = words_of_text (sanitized);
  if (fast != slow)
    g_test_message ("%s: %u words counted, %u in the text", path, fast, slow);
  g_assert_cmpuint (fast, ==, slow);
  g_assert_cmpuint (counted_words (contents, length, "https://example.com/base/", sanitized), ==, slow);
  checked++;
}

static void
test_files (void)
{
  static const char * const suffixes[] = { ".html", ".xml", ".htm", ".rss", ".atom", NULL };
  const char *corpus = g_getenv ("BULLETIN_CORPUS_DIR");

  checked = 0;
  test_utils_walk_tree (TEST_DATA_DIR, suffixes, check_file, NULL);
  g_assert_cmpuint (checked, >, 10);

  if (corpus != NULL)
    {
      g_autofree char *articles = g_build_filename (corpus, "articles", NULL);
      g_autofree char *feeds = g_build_filename (corpus, "feeds", NULL);

      test_utils_walk_tree (articles, suffixes, check_file, NULL);
      test_utils_walk_tree (feeds, suffixes, check_file, NULL);
    }
  g_test_message ("%u files checked", checked);
}

/* The feed parser's reading time comes from this count. */
static void
test_feed_reading_time (void)
{
  GString *xml = g_string_new ("<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">"
                               "<channel><title>t</title><item><title>x</title>"
                               "<link>https://example.com/x</link><content:encoded><![CDATA[");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(BulletinFeed) feed = NULL;
  g_autoptr(GError) error = NULL;
  BulletinArticle *article;

  /* 460 words, two a paragraph: two minutes. Inline tags taken for word
   * breaks would make it four; paragraphs not taken for them, one. */
  for (guint i = 0; i < 230; i++)
    g_string_append (xml, "<p>one<em>word</em>&amp;co <a href=\"/a\">two</a></p>");
  g_string_append (xml, "]]></content:encoded></item></channel></rss>");
  bytes = g_string_free_to_bytes (xml);

  feed = bulletin_feed_parse (bytes, "https://example.com/feed", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bulletin_feed_get_items (feed)->len, ==, 1);
  article = g_ptr_array_index (bulletin_feed_get_items (feed), 0);
  g_assert_cmpuint (bulletin_article_get_reading_minutes (article), ==, 2);
}

/* The same for a JSON Feed, whose content the sanitizer counts too. */
static void
test_json_feed_reading_time (void)
{
  GString *json = g_string_new ("{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"t\","
                                " \"items\": [{\"id\": \"1\", \"content_html\": \"");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(BulletinFeed) feed = NULL;
  g_autoptr(GError) error = NULL;
  BulletinArticle *article;

  for (guint i = 0; i < 230; i++)
    g_string_append (json, "<p>one<em>word</em>&amp;co <a href=\\\"/a\\\">two</a></p>");
  g_string_append (json, "\"}, {\"id\": \"2\", \"content_text\": \"");
  /* 690 words in paragraphs: three minutes */
  for (guint i = 0; i < 230; i++)
    g_string_append (json, "one two\\n\\nthree ");
  g_string_append (json, "\"}]}");
  bytes = g_string_free_to_bytes (json);

  feed = bulletin_feed_parse (bytes, "https://example.com/feed.json", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bulletin_feed_get_items (feed)->len, ==, 2);
  article = g_ptr_array_index (bulletin_feed_get_items (feed), 0);
  g_assert_cmpuint (bulletin_article_get_reading_minutes (article), ==, 2);
  g_assert_cmpuint (bulletin_sanitized_html_count_words (bulletin_article_get_body (article)), ==, 460);
  article = g_ptr_array_index (bulletin_feed_get_items (feed), 1);
  g_assert_cmpuint (bulletin_sanitized_html_count_words (bulletin_article_get_body (article)), ==, 690);
  g_assert_cmpuint (bulletin_article_get_reading_minutes (article), ==,
                    bulletin_reading_minutes_for_words (690));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/sanitizer-words/case/%u", i);

      g_test_add_data_func (path, &cases[i], test_case);
    }
  g_test_add_func ("/sanitizer-words/null", test_null);
  g_test_add_func ("/sanitizer-words/deep", test_deep);
  g_test_add_func ("/sanitizer-words/files", test_files);
  g_test_add_func ("/sanitizer-words/feed-reading-time", test_feed_reading_time);
  g_test_add_func ("/sanitizer-words/json-feed-reading-time", test_json_feed_reading_time);

  return g_test_run ();
}
