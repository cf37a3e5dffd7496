/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-page-extractor"

#include "config.h"

#include <string.h>
#include <libxml/HTMLparser.h>

#include "bulletin-core.h"
#include "bulletin-date.h"
#include "test-utils.h"

#define ARTICLE_URL "https://english.almayadeen.net/news/economy/harbour-towns-rebuild"

static BulletinArticle *
extract_string (const char  *html,
                const char  *url,
                GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (html, strlen (html));

  return bulletin_page_extract (bytes, url, error);
}

static char *
iso (GDateTime *date)
{
  return bulletin_date_to_iso8601 (date);
}

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (haystack == NULL || strstr (haystack, needle) == NULL)
    g_error ("expected to find \"%s\" in:\n%s", needle, haystack);
}

static void
assert_lacks (const char *haystack,
              const char *needle)
{
  if (haystack != NULL && strstr (haystack, needle) != NULL)
    g_error ("did not expect \"%s\" in:\n%s", needle, haystack);
}

static void
test_extract_outlet_metadata (void)
{
  g_autoptr(GBytes) bytes = test_utils_load_data ("pages", "almayadeen-article.html", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *site_name = NULL;
  g_autoptr(BulletinArticle) article = bulletin_page_extract_full (bytes, ARTICLE_URL, &site_name, &error);
  g_autofree char *published = NULL;
  g_autofree char *updated = NULL;
  const char * const tags[] = { "Fishing", "Storm", "Cooperatives", "Mediterranean", NULL };

  g_assert_no_error (error);
  g_assert_nonnull (article);

  g_assert_cmpstr (bulletin_article_get_url (article), ==, ARTICLE_URL);
  g_assert_cmpstr (bulletin_article_get_title (article), ==, "Harbour towns rebuild their fishing fleets after the storm");
  g_assert_cmpstr (bulletin_article_get_author (article), ==, "Al Mayadeen English");
  g_assert_cmpstr (bulletin_article_get_summary (article), ==,
                   "Coastal communities pool savings and skills to put their boats back on the water before the spring season.");
  g_assert_cmpstr (site_name, ==, "Al Mayadeen English");
  g_assert_cmpstr (bulletin_article_get_source (article), ==, "Agencies");
  g_assert_cmpstr (bulletin_article_get_section_title (article), ==, "Economy");
  g_assert_cmpstrv (bulletin_article_get_tags (article), tags);
  g_assert_cmpstr (bulletin_article_get_language (article), ==, "en");
  g_assert_cmpstr (bulletin_article_get_direction (article), ==, "ltr");
  g_assert_cmpint (bulletin_article_get_kind (article), ==, BULLETIN_ARTICLE_KIND_ARTICLE);

  /* tawsiyat's local time, +03:00, in UTC */
  published = iso (bulletin_article_get_published (article));
  updated = iso (bulletin_article_get_updated (article));
  g_assert_cmpstr (published, ==, "2023-06-19T11:25:00Z");
  g_assert_cmpstr (updated, ==, "2023-06-19T12:40:00Z");

  g_assert_cmpstr (bulletin_article_get_image (article), ==,
                   "https://english.almayadeen.net/images/2023/06/harbour-boats.jpg");
  g_assert_cmpstr (bulletin_article_get_image_caption (article), ==,
                   "Fishermen mend nets beside repaired boats in the old harbour, on June 17, 2023 (Photo: Harbour Press Agency)");

  /* tawsiyat's word_count of 1150 at 230 words a minute */
  g_assert_cmpuint (bulletin_article_get_reading_minutes (article), ==, 5);
}

static void
test_extract_outlet_body (void)
{
  g_autoptr(GBytes) bytes = test_utils_load_data ("pages", "almayadeen-article.html", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BulletinArticle) article = bulletin_page_extract (bytes, ARTICLE_URL, &error);
  const char *body;
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  body = bulletin_article_get_body (article);
  g_assert_nonnull (body);
  text = bulletin_page_html_text (body);

  /* The article, with its subheadings and quote */
  assert_contains (text, "When the storm passed, the harbour wall was still standing");
  assert_contains (text, "each one painted with the cooperative's number on its bow.");
  assert_contains (body, "<h2>Shared tools, shared yards</h2>");
  assert_contains (body, "<h2>A season that cannot wait</h2>");
  assert_contains (body, "<blockquote>");
  assert_contains (text, "nobody goes back to sea alone this year");

  /* Not the page around it */
  assert_lacks (text, "Related News");
  assert_lacks (text, "Fish prices climb");
  assert_lacks (text, "Storm season arrives early");
  assert_lacks (text, "Most Read");
  assert_lacks (text, "Council approves new water plan");
  assert_lacks (text, "Read Next");
  assert_lacks (text, "Olive harvest meets expectations");
  assert_lacks (text, "BREAKING");
  assert_lacks (text, "northern pier");
  assert_lacks (text, "About us");
  assert_lacks (text, "Privacy policy");
  assert_lacks (text, "Min Read");
  assert_lacks (text, "1 Shares");
  assert_lacks (text, "tracking text");
  assert_lacks (body, "<script");
  assert_lacks (body, "<nav");
  /* The headline is shown apart, and so is the hero image. */
  assert_lacks (text, "Harbour towns rebuild their fishing fleets after the storm");
  assert_lacks (body, "harbour-boats.jpg");
}

static void
test_extract_caption_stays_with_image (void)
{
  g_autoptr(GBytes) bytes = test_utils_load_data ("pages", "almayadeen-article.html", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BulletinArticle) article = bulletin_page_extract (bytes, ARTICLE_URL, &error);
  const char *body = bulletin_article_get_body (article);
  htmlDocPtr doc;
  xmlNode *root, *n;
  gboolean found = FALSE;

  g_assert_no_error (error);
  doc = htmlReadMemory (body, strlen (body), NULL, "UTF-8",
                        HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
  g_assert_nonnull (doc);
  root = xmlDocGetRootElement (doc);

  /* Depth-first: the figcaption's figure holds the lazy image, made eager
   * and absolute. */
  for (n = root; n != NULL;)
    {
      if (n->type == XML_ELEMENT_NODE && g_str_equal ((const char *) n->name, "figcaption"))
        {
          xmlChar *caption = xmlNodeGetContent (n);
          xmlNode *figure = n->parent;

          if (strstr ((const char *) caption, "The net loft workshop at dusk") != NULL)
            {
              g_assert_cmpstr ((const char *) figure->name, ==, "figure");
              for (xmlNode *c = figure->children; c != NULL; c = c->next)
                if (c->type == XML_ELEMENT_NODE && g_str_equal ((const char *) c->name, "img"))
                  {
                    xmlChar *src = xmlGetProp (c, (const xmlChar *) "src");
                    g_assert_cmpstr ((const char *) src, ==, "https://english.almayadeen.net/images/2023/06/net-loft.jpg");
                    xmlFree (src);
                    found = TRUE;
                  }
            }
          xmlFree (caption);
        }
      if (n->children != NULL && n->type == XML_ELEMENT_NODE)
        n = n->children;
      else
        {
          while (n != NULL && n->next == NULL)
            n = n->parent;
          if (n != NULL)
            n = n->next;
        }
    }

  xmlFreeDoc (doc);
  g_assert_true (found);
}

typedef struct
{
  const char *name;
  const char *head;
  const char *title;
  const char *byline;
  const char *published;
  const char *image;
  const char *section;
  const char *first_tag;
} MetaCase;

#define BODY_TEXT \
  "<p>The committee met on Tuesday, for the third time this month, to discuss the budget, the schedule and the staff.</p>" \
  "<p>Members agreed, after a long debate, that the plan would be published in full, with every figure, before the vote.</p>" \
  "<p>The next meeting, which is open to the public, will take place in the town hall, at six in the evening, on Friday.</p>" \
  "<p>Residents can send questions in writing, by post or by email, until Thursday noon, and they will be read aloud.</p>"

static const MetaCase meta_cases[] = {
  { "json-ld-graph",
    "<script type='application/ld+json'>{\"@context\":\"https://schema.org\",\"@graph\":[{\"@type\":\"WebSite\",\"name\":\"Site\"},"
    "{\"@type\":\"NewsArticle\",\"headline\":\"Graph headline here today\",\"author\":[{\"@type\":\"Person\",\"name\":\"Ana Writer\"},{\"name\":\"Bo Reporter\"}],"
    "\"datePublished\":\"2024-03-01T10:00:00+01:00\",\"image\":[\"https://cdn.example.org/a.jpg\",\"https://cdn.example.org/b.jpg\"],"
    "\"articleSection\":[\"World\",\"Europe\"],\"keywords\":[\"one\",\"two\"]}]}</script>",
    "Graph headline here today", "Ana Writer, Bo Reporter", "2024-03-01T09:00:00Z", "https://cdn.example.org/a.jpg", "World", "one" },
  { "json-ld-object-author-and-image",
    "<script type='application/ld+json'>{\"@context\":\"http://schema.org\",\"@type\":\"ReportageNewsArticle\",\"headline\":\"Object author headline\","
    "\"author\":{\"@type\":\"Person\",\"name\":\"Cy Author\"},\"image\":{\"@type\":\"ImageObject\",\"url\":\"/img/c.jpg\"},"
    "\"keywords\":\"alpha, beta\"}</script>",
    "Object author headline", "Cy Author", NULL, "https://example.org/img/c.jpg", NULL, "alpha" },
  { "json-ld-list-of-types",
    "<script type='application/ld+json'>[{\"@type\":\"BreadcrumbList\"},{\"@type\":[\"BlogPosting\"],\"name\":\"Typed list title\",\"author\":\"dee\"}]</script>",
    "Typed list title", "dee", NULL, NULL, NULL, NULL },
  { "json-ld-broken-falls-back-to-opengraph",
    "<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"headline\":\"Broken, </script>"
    "<meta property='og:title' content='OpenGraph title wins here'>"
    "<meta property='article:published_time' content='2022-12-31T23:30:00-01:00'>"
    "<meta property='og:image' content='https://img.example.org/og.png'>"
    "<meta property='article:section' content='Sport'>"
    "<meta property='article:tag' content='Tennis'><meta property='article:tag' content='Finals'>"
    "<meta name='author' content='Ed Meta'>",
    "OpenGraph title wins here", "Ed Meta", "2023-01-01T00:30:00Z", "https://img.example.org/og.png", "Sport", "Tennis" },
  { "title-site-suffix",
    "<title>A plain title with words | The Daily Example</title><meta property='og:site_name' content='The Daily Example'>"
    "<meta property='og:title' content='A plain title with words | The Daily Example'>",
    "A plain title with words", NULL, NULL, NULL, NULL, NULL },
  { "document-title-only",
    "<title>Only the document title here - Example News</title>",
    "Only the document title here", NULL, NULL, NULL, NULL, NULL },
  { "dublin-core-and-parsely",
    "<meta name='DC.title' content='Dublin core title wins'><meta name='dc.creator' content='Fay Core'>"
    "<meta name='parsely-pub-date' content='2021-05-05T05:05:05Z'>",
    "Dublin core title wins", "Fay Core", "2021-05-05T05:05:05Z", NULL, NULL, NULL },
};

static void
test_extract_metadata_case (gconstpointer data)
{
  const MetaCase *c = data;
  g_autofree char *html = g_strdup_printf ("<html><head>%s</head><body><article>%s</article></body></html>", c->head, BODY_TEXT);
  g_autoptr(GError) error = NULL;
  g_autoptr(BulletinArticle) article = extract_string (html, "https://example.org/news/a-page", &error);
  g_autofree char *published = NULL;
  const char * const *tags;

  g_assert_no_error (error);
  g_assert_nonnull (article);
  published = iso (bulletin_article_get_published (article));
  tags = bulletin_article_get_tags (article);

  g_assert_cmpstr (bulletin_article_get_title (article), ==, c->title);
  g_assert_cmpstr (bulletin_article_get_author (article), ==, c->byline);
  g_assert_cmpstr (published, ==, c->published);
  g_assert_cmpstr (bulletin_article_get_image (article), ==, c->image);
  g_assert_cmpstr (bulletin_article_get_section_title (article), ==, c->section);
  g_assert_cmpstr (tags != NULL ? tags[0] : NULL, ==, c->first_tag);
  assert_contains (bulletin_article_get_body (article), "The committee met on Tuesday");
}

static void
test_extract_rtl (void)
{
  const char *html =
    "<html lang='ar'><head><meta charset='utf-8'><title>\xd8\xb9\xd9\x86\xd9\x88\xd8\xa7\xd9\x86 \xd8\xa7\xd9\x84\xd9\x85\xd9\x82\xd8\xa7\xd9\x84 \xd8\xa7\xd9\x84\xd8\xb7\xd9\x88\xd9\x8a\xd9\x84 \xd9\x87\xd9\x86\xd8\xa7</title></head><body><article>"
    "<p>\xd9\x87\xd8\xb0\xd8\xa7 \xd9\x86\xd8\xb5 \xd8\xb9\xd8\xb1\xd8\xa8\xd9\x8a\xd8\x8c \xd9\x85\xd9\x83\xd8\xaa\xd9\x88\xd8\xa8 \xd9\x84\xd9\x84\xd8\xa7\xd8\xae\xd8\xaa\xd8\xa8\xd8\xa7\xd8\xb1\xd8\x8c \xd9\x81\xd9\x8a \xd9\x81\xd9\x82\xd8\xb1\xd8\xa9 \xd8\xb7\xd9\x88\xd9\x8a\xd9\x84\xd8\xa9 \xd8\xa8\xd9\x85\xd8\xa7 \xd9\x8a\xd9\x83\xd9\x81\xd9\x8a.</p>"
    "</article></body></html>";
  g_autoptr(GError) error = NULL;
  g_autoptr(BulletinArticle) article = extract_string (html, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (bulletin_article_get_language (article), ==, "ar");
  g_assert_cmpstr (bulletin_article_get_direction (article), ==, "rtl");
  assert_contains (bulletin_article_get_body (article), "\xd9\x87\xd8\xb0\xd8\xa7 \xd9\x86\xd8\xb5");
}

static void
test_extract_charsets (void)
{
  /* Declares Latin-1, but the bytes are UTF-8: the bytes win. */
  const char *mislabelled =
    "<html><head><meta charset='iso-8859-1'><title>Caf\xc3\xa9 society returns to the square</title></head>"
    "<body><article><p>" "Le caf\xc3\xa9 est ouvert, tr\xc3\xa8s t\xc3\xb4t, tous les jours, pour les habitants du quartier." "</p></article></body></html>";
  /* Declares windows-1252 and is: decoded from it. */
  const char *latin =
    "<html><head><meta http-equiv='Content-Type' content='text/html; charset=windows-1252'><title>Caf\xe9 society returns \x96 again</title></head>"
    "<body><article><p>Le caf\xe9 est ouvert, tr\xe8s t\xf4t, tous les jours, pour les habitants du quartier.</p></article></body></html>";
  /* Invalid UTF-8 with no declaration at all. */
  const char *invalid =
    "<html><head><title>Broken \xff\xfe bytes in the title</title></head>"
    "<body><article><p>Text with \xc3\x28 invalid \xed\xa0\x80 sequences, \x80 and more text to read.</p></article></body></html>";
  const char *inputs[] = { mislabelled, latin, invalid };
  const char *titles[] = { "Caf\xc3\xa9 society returns to the square", "Caf\xc3\xa9 society returns \xe2\x80\x93 again", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BulletinArticle) article = extract_string (inputs[i], NULL, &error);
      const char *body;

      g_assert_no_error (error);
      g_assert_nonnull (article);
      body = bulletin_article_get_body (article);
      g_assert_true (g_utf8_validate (bulletin_article_get_title (article), -1, NULL));
      g_assert_true (body == NULL || g_utf8_validate (body, -1, NULL));
      if (titles[i] != NULL)
        {
          g_assert_cmpstr (bulletin_article_get_title (article), ==, titles[i]);
          assert_contains (body, "Le caf\xc3\xa9 est ouvert, tr\xc3\xa8s t\xc3\xb4t");
        }
    }
}

static void
test_extract_hostile_scripts (void)
{
  g_autoptr(GString) html = g_string_new ("<html><head><script>alert(1)</script></head><body>");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BulletinArticle) article = NULL;
  const char *body;

  for (guint i = 0; i < 50; i++)
    g_string_append_printf (html,
                            "<script>document.write('<p>injected %u</p>')</script>"
                            "<p onclick='steal()' style='color:red'>Paragraph %u says something, at length, about the town, its people and its port.</p>"
                            "<noscript><iframe src='https://evil.example/'></iframe></noscript>"
                            "<a href='javascript:alert(%u)'>click</a><img src=x onerror=alert(1)>", i, i, i);
  g_string_append (html, "<svg><script>alert(2)</script></svg><form action='https://evil.example/'><input name=q></form></body></html>");
  bytes = g_string_free_to_bytes (g_steal_pointer (&html));

  article = bulletin_page_extract (bytes, "https://example.org/a", &error);
  g_assert_no_error (error);
  body = bulletin_article_get_body (article);
  assert_contains (body, "Paragraph 49 says something");
  assert_lacks (body, "<script");
  assert_lacks (body, "injected");
  assert_lacks (body, "onclick");
  assert_lacks (body, "onerror");
  assert_lacks (body, "javascript:");
  assert_lacks (body, "<iframe");
  assert_lacks (body, "<form");
}

static void
test_extract_hostile_huge (void)
{
  /* 20 MB: refused cleanly rather than parsed. */
  gsize size = 20 * 1024 * 1024;
  g_autoptr(GString) html = g_string_sized_new (size + 64);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BulletinArticle) article = NULL;

  g_string_append (html, "<html><body>");
  while (html->len < size)
    g_string_append (html, "<p>filler text, again and again, to make a huge page.</p>");
  bytes = g_string_free_to_bytes (g_steal_pointer (&html));

  article = bulletin_page_extract (bytes, NULL, &error);
  g_assert_null (article);
  g_assert_error (error, BULLETIN_ERROR, BULLETIN_ERROR_TOO_LARGE);
}

static void
test_extract_hostile_deep (void)
{
  /* 10,000 nested elements, after the article and around more text: the
   * parser gives up on what lies too deep, the rest is read. */
  g_autoptr(GString) html = g_string_new ("<html><head><title>Deep page title words</title></head><body>"
                                          "<article><p>Before the abyss, a paragraph, with commas, and enough words to be scored as text.</p>"
                                          "<p>A second paragraph, also long enough, with a comma or two, to make an article.</p></article>");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BulletinArticle) article = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; i < 10000; i++)
    g_string_append (html, i % 2 ? "<div>" : "<span>");
  g_string_append (html, "<p>Deep inside, a paragraph, with commas, and enough words to be scored as text.</p>");
  for (guint i = 0; i < 10000; i++)
    g_string_append (html, "<b><i>");
  g_string_append (html, "</body></html>");
  bytes = g_string_free_to_bytes (g_steal_pointer (&html));

  article = bulletin_page_extract (bytes, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (article);
  g_assert_cmpstr (bulletin_article_get_title (article), ==, "Deep page title words");
  text = bulletin_page_html_text (bulletin_article_get_body (article));
  assert_contains (text, "Before the abyss, a paragraph");
}

static void
test_extract_not_a_page (void)
{
  static const char * const inputs[] = { "", "   \n\t  ", "<html></html>", "<html><body><div></div></body></html>" };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BulletinArticle) article = extract_string (inputs[i], NULL, &error);

      g_assert_null (article);
      g_assert_error (error, BULLETIN_ERROR, BULLETIN_ERROR_NOT_A_PAGE);
    }
}

static void
test_extract_garbage (void)
{
  guint8 data[4096];
  GRand *rand = g_rand_new_with_seed (42);

  for (guint round = 0; round < 20; round++)
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(BulletinArticle) article = NULL;

      for (guint i = 0; i < sizeof data; i++)
        data[i] = (guint8) g_rand_int_range (rand, 0, 256);
      bytes = g_bytes_new (data, sizeof data);
      article = bulletin_page_extract (bytes, NULL, &error);
      if (article == NULL)
        g_assert_error (error, BULLETIN_ERROR, BULLETIN_ERROR_NOT_A_PAGE);
      else
        g_assert_true (bulletin_article_get_body (article) == NULL ||
                       g_utf8_validate (bulletin_article_get_body (article), -1, NULL));
    }
  g_rand_free (rand);
}

static void
extract_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  BulletinArticle **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = bulletin_page_extract_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_extract_async (void)
{
  g_autoptr(GBytes) bytes = test_utils_load_data ("pages", "almayadeen-article.html", NULL);
  g_autoptr(BulletinArticle) article = NULL;

  bulletin_page_extract_async (bytes, ARTICLE_URL, NULL, extract_cb, &article);
  while (article == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpstr (bulletin_article_get_title (article), ==, "Harbour towns rebuild their fishing fleets after the storm");
}

static void
extract_cancelled_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BulletinArticle) article = bulletin_page_extract_finish (result, &error);

  g_assert_null (article);
  g_assert_error (error, BULLETIN_ERROR, BULLETIN_ERROR_CANCELLED);
  *done = TRUE;
}

static void
test_extract_async_cancelled (void)
{
  g_autoptr(GBytes) bytes = test_utils_load_data ("pages", "almayadeen-article.html", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  gboolean done = FALSE;

  g_cancellable_cancel (cancellable);
  bulletin_page_extract_async (bytes, ARTICLE_URL, cancellable, extract_cancelled_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/page-extractor/outlet-metadata", test_extract_outlet_metadata);
  g_test_add_func ("/page-extractor/outlet-body", test_extract_outlet_body);
  g_test_add_func ("/page-extractor/caption-stays-with-image", test_extract_caption_stays_with_image);
  for (guint i = 0; i < G_N_ELEMENTS (meta_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/page-extractor/metadata/%s", meta_cases[i].name);
      g_test_add_data_func (path, &meta_cases[i], test_extract_metadata_case);
    }
  g_test_add_func ("/page-extractor/rtl", test_extract_rtl);
  g_test_add_func ("/page-extractor/charsets", test_extract_charsets);
  g_test_add_func ("/page-extractor/hostile/scripts", test_extract_hostile_scripts);
  g_test_add_func ("/page-extractor/hostile/huge", test_extract_hostile_huge);
  g_test_add_func ("/page-extractor/hostile/deep", test_extract_hostile_deep);
  g_test_add_func ("/page-extractor/hostile/garbage", test_extract_garbage);
  g_test_add_func ("/page-extractor/not-a-page", test_extract_not_a_page);
  g_test_add_func ("/page-extractor/async", test_extract_async);
  g_test_add_func ("/page-extractor/async-cancelled", test_extract_async_cancelled);

  return g_test_run ();
}
