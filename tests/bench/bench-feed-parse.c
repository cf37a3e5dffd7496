/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-feed-parse"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <json-glib/json-glib.h>
#include <libxml/parser.h>

#include "bulletin-core.h"

/* Times bulletin_feed_parse() on a ~10 MB RSS 2.0 feed and a ~10 MB JSON
 * Feed of 5,000 realistic items each, built in memory, against a bare parse
 * of the same bytes in the same run (xmlReadMemory into a tree, resp.
 * json_parser_load_from_data). It prints MB/s and the ratio of the two
 * rates; it asserts nothing about time.
 *
 * BENCH_ITERATIONS (default 5) sets the runs of each; BENCH_FEED_ITEMS
 * (default 5,000) a smaller feed, for a profile under callgrind.
 */

#define TARGET_BYTES (10 * 1000 * 1000)

static const char *words[] = {
  "ceasefire", "talks", "resume", "in", "Cairo", "as", "delegations", "weigh",
  "new", "proposal", "the", "economy", "minister", "said", "on", "Tuesday",
  "that", "prices", "of", "fuel", "and", "bread", "would", "remain", "fixed",
  "until", "the", "end", "of", "the", "year", "while", "unions", "called",
  "for", "a", "general", "strike", "across", "the", "southern", "provinces",
};

static const char *sections[] = {
  "Politics", "Economy", "Sports", "Arts & Culture", "Health", "Technology",
  "Environment", "Opinion", "Analysis", "Palestine", "Asia", "Europe",
};

static void
append_words (GString *out,
              guint    seed,
              guint    count)
{
  for (guint i = 0; i < count; i++)
    {
      if (i > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, words[(seed * 7 + i * 13) % G_N_ELEMENTS (words)]);
    }
}

/* The body of an outlet article as its feed carries it: paragraphs with
 * links and emphasis, a subheading, a figure, a quote. */
/* How many bytes @text takes in a JSON string: quotes and backslashes
 * are escaped. */
static gsize
json_length (const char *text,
             gsize       length)
{
  gsize size = length;

  for (gsize i = 0; i < length; i++)
    if (text[i] == '"' || text[i] == '\\')
      size++;
  return size;
}

/* @in_json: measure @target as the text's size once escaped in JSON */
static char *
make_content (guint    n,
              gsize    target,
              gboolean in_json)
{
  GString *html = g_string_new (NULL);
  gsize size;
  guint p = 0;

  g_string_append_printf (html,
                          "<figure><img src=\"/images/2024/%u/hero.jpg\" alt=\"Scene %u\" width=\"1200\" height=\"675\">"
                          "<figcaption>Residents inspect the damage, item %u (AFP)</figcaption></figure>",
                          n, n, n);
  size = in_json ? json_length (html->str, html->len) : html->len;
  for (;;)
    {
      g_autoptr(GString) para = g_string_new (NULL);

      if (p == 2)
        {
          g_string_append (para, "<h2>");
          append_words (para, n + p, 5);
          g_string_append (para, "</h2>");
        }
      if (p == 3)
        {
          g_string_append (para, "<blockquote><p>&#8220;");
          append_words (para, n + p + 1, 14);
          g_string_append (para, "&#8221;</p></blockquote>");
        }
      g_string_append (para, "<p class=\"text\" style=\"margin:0\">");
      append_words (para, n + p, 18);
      g_string_append_printf (para, " <a href=\"https://english.almayadeen.net/news/politics/related-%u\" target=\"_blank\">",
                              n * 10 + p);
      append_words (para, n + p + 2, 4);
      g_string_append (para, "</a>, <strong>");
      append_words (para, n + p + 3, 3);
      g_string_append (para, "</strong> <em>");
      append_words (para, n + p + 4, 3);
      g_string_append (para, "</em> &amp; ");
      append_words (para, n + p + 5, 12);
      g_string_append (para, ".</p>");

      /* Whole paragraphs only, and the feed stays under the size limit. */
      if (p > 0 && size + (in_json ? json_length (para->str, para->len) : para->len) > target)
        break;
      g_string_append_len (html, para->str, para->len);
      size += in_json ? json_length (para->str, para->len) : para->len;
      p++;
    }

  /* A last short paragraph fills the item to its share of the size. */
  if (size + 16 < target)
    {
      g_string_append (html, "<p>");
      size += 7;
      for (guint i = 0; size + 12 < target; i++)
        {
          const char *word = words[(n + i) % G_N_ELEMENTS (words)];

          g_string_append_c (html, ' ');
          g_string_append (html, word);
          size += 1 + strlen (word);
        }
      g_string_append (html, "</p>");
    }

  return g_string_free (html, FALSE);
}

static char *
make_summary (guint n)
{
  GString *html = g_string_new ("<p>");

  append_words (html, n, 22);
  g_string_append_printf (html, " <a href=\"/news/politics/item-%u\">Read more</a></p>", n);
  return g_string_free (html, FALSE);
}

static char *
make_title (guint n)
{
  GString *title = g_string_new (NULL);

  append_words (title, n, 9);
  g_string_append_printf (title, " (%u)", n);
  return g_string_free (title, FALSE);
}

static char *
xml_escape (const char *text)
{
  return g_markup_escape_text (text, -1);
}

static GBytes *
make_rss (guint items)
{
  GString *xml = g_string_new (NULL);
  gsize budget;
  g_autoptr(GDateTime) start = g_date_time_new_utc (2024, 3, 1, 12, 0, 0);

  g_string_append (xml,
                   "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                   "<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\""
                   " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:media=\"http://search.yahoo.com/mrss/\""
                   " xmlns:atom=\"http://www.w3.org/2005/Atom\">\n<channel>\n"
                   "<title>Bench News</title>\n<link>https://english.almayadeen.net/</link>\n"
                   "<description>A feed for measuring the parser</description>\n<language>en</language>\n");

  /* Each item takes an equal share of the target size. */
  budget = TARGET_BYTES / items;

  for (guint n = 0; n < items; n++)
    {
      gsize item_start = xml->len;
      g_autoptr(GDateTime) date = g_date_time_add_minutes (start, -(int) n * 7);
      g_autofree char *pub = g_date_time_format (date, "%a, %d %b %Y %H:%M:%S +0000");
      g_autofree char *title = make_title (n);
      g_autofree char *summary = make_summary (n);
      g_autofree char *summary_escaped = xml_escape (summary);
      g_autofree char *category = xml_escape (sections[n % G_N_ELEMENTS (sections)]);
      g_autofree char *content = NULL;
      gsize fixed;

      g_string_append_printf (xml,
                              "<item>\n<title>%s</title>\n"
                              "<link>https://english.almayadeen.net/news/politics/item-%u</link>\n"
                              "<guid isPermaLink=\"false\">bench-%u</guid>\n"
                              "<description>%s</description>\n"
                              "<dc:creator>Correspondent %u</dc:creator>\n"
                              "<category>%s</category>\n"
                              "<pubDate>%s</pubDate>\n"
                              "<media:content url=\"https://english.almayadeen.net/images/2024/%u.jpg\" medium=\"image\" type=\"image/jpeg\" width=\"1200\" height=\"675\">"
                              "<media:description>Caption of item %u</media:description></media:content>\n",
                              title, n, n, summary_escaped, n % 40, category, pub, n, n);
      fixed = xml->len - item_start + strlen ("<content:encoded><![CDATA[]]></content:encoded>\n</item>\n");
      content = make_content (n, budget > fixed + 200 ? budget - fixed : 200, FALSE);
      g_string_append_printf (xml, "<content:encoded><![CDATA[%s]]></content:encoded>\n</item>\n", content);
    }

  g_string_append (xml, "</channel>\n</rss>\n");
  return g_string_free_to_bytes (xml);
}

static void
append_json_string (GString    *out,
                    const char *text)
{
  g_string_append_c (out, '"');
  for (const char *c = text; *c != '\0'; c++)
    {
      if (*c == '"' || *c == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *c);
    }
  g_string_append_c (out, '"');
}

static void
append_json_member (GString    *out,
                    const char *name,
                    const char *value)
{
  g_string_append_printf (out, "\"%s\":", name);
  append_json_string (out, value);
  g_string_append_c (out, ',');
}

static GBytes *
make_json_feed (guint items)
{
  GString *json = g_string_new (NULL);
  g_autoptr(GDateTime) start = g_date_time_new_utc (2024, 3, 1, 12, 0, 0);
  gsize budget = TARGET_BYTES / items;

  g_string_append (json, "{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"Bench News\","
                         "\"home_page_url\":\"https://english.almayadeen.net/\","
                         "\"feed_url\":\"https://english.almayadeen.net/feed.json\","
                         "\"language\":\"en\",\"items\":[\n");

  for (guint n = 0; n < items; n++)
    {
      gsize item_start = json->len;
      g_autoptr(GDateTime) date = g_date_time_add_minutes (start, -(int) n * 7);
      g_autofree char *published = g_date_time_format_iso8601 (date);
      g_autofree char *url = g_strdup_printf ("https://english.almayadeen.net/news/politics/item-%u", n);
      g_autofree char *id = g_strdup_printf ("bench-%u", n);
      g_autofree char *image = g_strdup_printf ("https://english.almayadeen.net/images/2024/%u.jpg", n);
      g_autofree char *author = g_strdup_printf ("Correspondent %u", n % 40);
      g_autofree char *title = make_title (n);
      g_autofree char *summary = make_summary (n);
      g_autofree char *content = NULL;
      gsize fixed;

      g_string_append_c (json, '{');
      append_json_member (json, "id", id);
      append_json_member (json, "url", url);
      append_json_member (json, "title", title);
      append_json_member (json, "summary", summary);
      append_json_member (json, "image", image);
      append_json_member (json, "date_published", published);
      g_string_append (json, "\"authors\":[{");
      g_string_append (json, "\"name\":");
      append_json_string (json, author);
      g_string_append (json, "}],\"tags\":[");
      append_json_string (json, sections[n % G_N_ELEMENTS (sections)]);
      g_string_append (json, "],");

      fixed = json->len - item_start + strlen ("\"content_html\":\"\"},\n");
      content = make_content (n, budget > fixed + 200 ? budget - fixed : 200, TRUE);
      g_string_append (json, "\"content_html\":");
      append_json_string (json, content);
      g_string_append (json, n + 1 < items ? "},\n" : "}\n");
    }

  g_string_append (json, "]}\n");
  return g_string_free_to_bytes (json);
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static double
median (GArray *times)
{
  g_array_sort (times, compare_doubles);
  return g_array_index (times, double, times->len / 2);
}

static double
time_ours (GBytes *bytes,
           guint   expected_items)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BulletinFeed) feed = NULL;
  gint64 start = g_get_monotonic_time ();
  double elapsed;

  feed = bulletin_feed_parse (bytes, "https://english.almayadeen.net/rss", &error);
  elapsed = (g_get_monotonic_time () - start) / 1e6;

  /* A benchmark of a parser that failed would measure nothing. */
  if (feed == NULL)
    g_error ("bulletin_feed_parse failed: %s", error->message);
  if (bulletin_feed_get_items (feed)->len != expected_items)
    g_error ("bulletin_feed_parse read %u items, not %u", bulletin_feed_get_items (feed)->len, expected_items);

  return elapsed;
}

static double
time_raw_xml (GBytes *bytes)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  gint64 start = g_get_monotonic_time ();
  xmlDoc *doc = xmlReadMemory (data, (int) size, "https://english.almayadeen.net/rss", NULL,
                               XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  double elapsed;

  if (doc == NULL)
    g_error ("xmlReadMemory failed");
  xmlFreeDoc (doc);
  elapsed = (g_get_monotonic_time () - start) / 1e6;
  return elapsed;
}

static double
time_raw_json (GBytes *bytes)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  JsonParser *parser = json_parser_new ();
  double elapsed;

  if (!json_parser_load_from_data (parser, data, (gssize) size, &error))
    g_error ("json_parser_load_from_data failed: %s", error->message);
  g_object_unref (parser);
  elapsed = (g_get_monotonic_time () - start) / 1e6;
  return elapsed;
}

static void
bench_format (const char *name,
              GBytes     *bytes,
              guint       items,
              guint       iterations,
              double    (*time_raw) (GBytes *))
{
  g_autoptr(GArray) ours = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) raw = g_array_new (FALSE, FALSE, sizeof (double));
  double mb = g_bytes_get_size (bytes) / 1e6;
  double ours_s, raw_s;

  /* Once each to warm up (first-use initialisation, page faults). */
  time_ours (bytes, items);
  time_raw (bytes);

  /* Interleaved, so a burst of load from elsewhere hits both. */
  for (guint i = 0; i < iterations; i++)
    {
      double t = time_ours (bytes, items);
      double r = time_raw (bytes);

      g_array_append_val (ours, t);
      g_array_append_val (raw, r);
    }

  ours_s = median (ours);
  raw_s = median (raw);
  printf ("%-9s %6.2f MB %5u items  bulletin_feed_parse %7.1f ms = %6.1f MB/s   raw parse %7.1f ms = %6.1f MB/s   ratio_to_raw_parse %.2f\n",
          name, mb, items, ours_s * 1000, mb / ours_s, raw_s * 1000, mb / raw_s,
          (mb / ours_s) / (mb / raw_s));
}

int
main (int   argc,
      char *argv[])
{
  const char *env_iterations = g_getenv ("BENCH_ITERATIONS");
  const char *env_items = g_getenv ("BENCH_FEED_ITEMS");
  guint iterations = env_iterations != NULL ? (guint) atoi (env_iterations) : 5;
  guint items = env_items != NULL ? (guint) atoi (env_items) : BULLETIN_FEED_MAX_ITEMS;
  g_autoptr(GBytes) rss = NULL;
  g_autoptr(GBytes) json = NULL;

  iterations = MAX (iterations, 1);
  items = CLAMP (items, 1, BULLETIN_FEED_MAX_ITEMS);

  rss = make_rss (items);
  json = make_json_feed (items);

  printf ("bulletin_feed_parse against a bare parse of the same bytes (median of %u runs; ratio = our rate / raw rate)\n\n",
          iterations);
  bench_format ("RSS 2.0", rss, items, iterations, time_raw_xml);
  bench_format ("JSON Feed", json, items, iterations, time_raw_json);

  return 0;
}
