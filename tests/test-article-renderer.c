/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-article-renderer"

#include "config.h"

#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "bulletin-core.h"
#include "bulletin-article-renderer.h"

#define ARTICLE_DIR TEST_DATA_DIR "/../../src/ui/article"

#define CSP_META "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src http: https: data:; media-src http: https:; style-src 'unsafe-inline' resource:\">"

/* A 1×1 transparent PNG */
static const guchar tiny_png[] = {
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d,
  0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01,
  0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4, 0x89, 0x00, 0x00, 0x00,
  0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0x00, 0x01, 0x00, 0x00,
  0x05, 0x00, 0x01, 0x0d, 0x0a, 0x2d, 0xb4, 0x00, 0x00, 0x00, 0x00, 0x49,
  0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
};

static BulletinArticleRenderer *
new_renderer (void)
{
  g_autofree char *template_html = NULL;
  g_autofree char *css = NULL;
  g_autoptr(GError) error = NULL;
  BulletinArticleRenderer *renderer;

  g_file_get_contents (ARTICLE_DIR "/article.html", &template_html, NULL, &error);
  g_assert_no_error (error);
  g_file_get_contents (ARTICLE_DIR "/article.css", &css, NULL, &error);
  g_assert_no_error (error);

  renderer = bulletin_article_renderer_new (template_html, css, &error);
  g_assert_no_error (error);
  g_assert_nonnull (renderer);

  return renderer;
}

static BulletinArticle *
new_article (void)
{
  BulletinArticle *article = bulletin_article_new ();
  g_autoptr(GDateTime) published = g_date_time_new_utc (2023, 6, 19, 14, 25, 0);
  const char *tags[] = { "Lebanon", "Economy", NULL };

  bulletin_article_set_url (article, "https://example.org/news/politics/a-slug");
  bulletin_article_set_title (article, "Talks resume in the capital");
  bulletin_article_set_author (article, "Jane Writer");
  bulletin_article_set_source (article, "The Daily Demo");
  bulletin_article_set_section (article, "politics");
  bulletin_article_set_section_title (article, "Politics");
  bulletin_article_set_summary (article, "Negotiators met again on Monday.");
  bulletin_article_set_body (article, "<p>First paragraph.</p><h2>A subheading</h2><p>Second paragraph.</p>");
  bulletin_article_set_image (article, "https://example.org/images/hero.jpg");
  bulletin_article_set_image_caption (article, "The delegations arrive");
  bulletin_article_set_published (article, published);
  bulletin_article_set_tags (article, tags);
  bulletin_article_set_reading_minutes (article, 5);

  return article;
}

static gsize
count_occurrences (const char *haystack,
                   const char *needle)
{
  gsize count = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    count++;

  return count;
}

static void
test_renderer_fields (void)
{
  g_autoptr(BulletinArticleRenderer) renderer = new_renderer ();
  g_autoptr(BulletinArticle) article = new_article ();
  g_autofree char *html = bulletin_article_renderer_render (renderer, article, NULL, BULLETIN_RENDER_NONE);

  g_assert_nonnull (strstr (html, "<h1 id=\"headline\" dir=\"auto\">Talks resume in the capital</h1>"));
  g_assert_nonnull (strstr (html, "<title>Talks resume in the capital</title>"));
  g_assert_nonnull (strstr (html, "By <bdi class=\"author\">Jane Writer</bdi>"));
  g_assert_nonnull (strstr (html, "<bdi>The Daily Demo</bdi>"));
  g_assert_nonnull (strstr (html, "19 Jun 2023 14:25"));
  g_assert_nonnull (strstr (html, "datetime=\"2023-06-19T14:25:00Z\""));
  g_assert_nonnull (strstr (html, "5 min read"));
  g_assert_nonnull (strstr (html, "<p class=\"lede\" dir=\"auto\">Negotiators met again on Monday.</p>"));
  g_assert_nonnull (strstr (html, "<span class=\"section\" dir=\"auto\">Politics</span>"));
  g_assert_nonnull (strstr (html, "<img src=\"https://example.org/images/hero.jpg\""));
  g_assert_nonnull (strstr (html, "<figcaption dir=\"auto\">The delegations arrive</figcaption>"));
  g_assert_nonnull (strstr (html, "A subheading</h2>"));
  g_assert_nonnull (strstr (html, "Second paragraph."));
  g_assert_nonnull (strstr (html, "<li dir=\"auto\">Lebanon</li><li dir=\"auto\">Economy</li>"));
  g_assert_nonnull (strstr (html, "lang=\"\" dir=\"ltr\""));
  g_assert_nonnull (strstr (html, "class=\"serif light kind-article\""));
  g_assert_nonnull (strstr (html, "--font-scale: 1\""));
  /* The style sheet is inline: no <link>, no external anything */
  g_assert_nonnull (strstr (html, "--font-scale, 1"));
  g_assert_null (strstr (html, "<link"));
  g_assert_null (strstr (html, "{{"));
  g_assert_null (strstr (html, "loading\" role=\"status\""));
}

static void
test_renderer_csp (void)
{
  g_autoptr(BulletinArticleRenderer) renderer = new_renderer ();
  g_autoptr(BulletinArticle) article = new_article ();
  g_autofree char *html = bulletin_article_renderer_render (renderer, article, NULL, BULLETIN_RENDER_NONE);
  const char *head_end = strstr (html, "</head>");
  const char *csp = strstr (html, CSP_META);

  g_assert_cmpstr (CSP_META, ==, "<meta http-equiv=\"Content-Security-Policy\" content=\"" BULLETIN_ARTICLE_CSP "\">");
  g_assert_nonnull (csp);
  g_assert_nonnull (head_end);
  g_assert_true (csp < head_end);
  /* Before any style, image or other subresource */
  g_assert_true (csp < strstr (html, "<style>"));
  g_assert_cmpuint (count_occurrences (html, "Content-Security-Policy"), ==, 1);
}

static void
test_renderer_refuses_template_without_csp (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BulletinArticleRenderer) renderer = NULL;
  g_autoptr(BulletinArticleRenderer) renderer2 = NULL;
  g_autoptr(BulletinArticleRenderer) renderer3 = NULL;
  g_autoptr(BulletinArticleRenderer) renderer4 = NULL;

  renderer = bulletin_article_renderer_new ("<html><head></head><body>{{body}}</body></html>", "", &error);
  g_assert_error (error, BULLETIN_ERROR, BULLETIN_ERROR_INVALID_DATA);
  g_assert_null (renderer);
  g_clear_error (&error);

  /* A weaker policy is not the policy */
  renderer2 = bulletin_article_renderer_new ("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src *\">{{body}}", "", &error);
  g_assert_error (error, BULLETIN_ERROR, BULLETIN_ERROR_INVALID_DATA);
  g_assert_null (renderer2);
  g_clear_error (&error);

  renderer3 = bulletin_article_renderer_new (CSP_META "{{nonsense}}", "", &error);
  g_assert_error (error, BULLETIN_ERROR, BULLETIN_ERROR_INVALID_DATA);
  g_assert_null (renderer3);
  g_clear_error (&error);

  /* A style sheet that could close <style> */
  renderer4 = bulletin_article_renderer_new (CSP_META "<style>{{css}}</style>", "p{}</style><script>x()</script>", &error);
  g_assert_error (error, BULLETIN_ERROR, BULLETIN_ERROR_INVALID_DATA);
  g_assert_null (renderer4);
}

typedef struct
{
  const char *name;
  void (*set) (BulletinArticle *article, const char *value);
} TextField;

static const TextField text_fields[] = {
  { "title", bulletin_article_set_title },
  { "author", bulletin_article_set_author },
  { "source", bulletin_article_set_source },
  { "section-title", bulletin_article_set_section_title },
  { "summary", bulletin_article_set_summary },
  { "image-caption", bulletin_article_set_image_caption },
  { "language", bulletin_article_set_language },
};

static void
test_renderer_escapes_field (gconstpointer data)
{
  const TextField *field = data;
  g_autoptr(BulletinArticleRenderer) renderer = new_renderer ();
  g_autoptr(BulletinArticle) article = new_article ();
  g_autofree char *html = NULL;
  const char *hostile = "x\"><script>alert('pwned')</script><img src=x onerror=alert(1)>&amp;";

  field->set (article, hostile);
  html = bulletin_article_renderer_render (renderer, article, NULL, BULLETIN_RENDER_NONE);

  g_assert_null (strstr (html, "<script"));
  g_assert_null (strstr (html, "<img src=x"));
  if (g_str_equal (field->name, "language"))
    {
      /* Not a language tag: left out rather than escaped */
      g_assert_nonnull (strstr (html, "lang=\"\""));
    }
  else if (g_str_equal (field->name, "summary"))
    {
      /* A summary may be HTML: it is shown as its text */
      g_assert_nonnull (strstr (html, "x&quot;&gt;"));
    }
  else
    {
      g_assert_nonnull (strstr (html, "x&quot;&gt;&lt;script&gt;alert(&apos;pwned&apos;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;&amp;amp;"));
    }
}

static void
test_renderer_escapes_tags_and_read_next (void)
{
  g_autoptr(BulletinArticleRenderer) renderer = new_renderer ();
  g_autoptr(BulletinArticle) article = new_article ();
  g_autoptr(BulletinArticle) other = bulletin_article_new ();
  g_autoptr(GPtrArray) read_next = g_ptr_array_new ();
  g_autofree char *html = NULL;
  const char *tags[] = { "<b>bold</b>", "\"quoted\"", NULL };

  bulletin_article_set_tags (article, tags);
  bulletin_article_set_title (other, "</a><script>x</script>");
  bulletin_article_set_image (other, "javascript:alert(1)");
  g_ptr_array_add (read_next, other);

  html = bulletin_article_renderer_render (renderer, article, read_next, BULLETIN_RENDER_NONE);

  g_assert_nonnull (strstr (html, "<li dir=\"auto\">&lt;b&gt;bold&lt;/b&gt;</li>"));
  g_assert_nonnull (strstr (html, "<li dir=\"auto\">&quot;quoted&quot;</li>"));
  g_assert_nonnull (strstr (html, "&lt;/a&gt;&lt;script&gt;x&lt;/script&gt;"));
  g_assert_null (strstr (html, "<script"));
  g_assert_null (strstr (html, "javascript:"));
}

static void
test_renderer_invalid_utf8 (void)
{
  g_autoptr(BulletinArticleRenderer) renderer = new_renderer ();
  g_autoptr(BulletinArticle) article = new_article ();
  g_autofree char *html = NULL;

  bulletin_article_set_title (article, "Bad \xff\xfe bytes <i>");
  html = bulletin_article_renderer_render (renderer, article, NULL, BULLETIN_RENDER_NONE);

  g_assert_true (g_utf8_validate (html, -1, NULL));
  g_assert_nonnull (strstr (html, "&lt;i&gt;"));
}

static void
test_renderer_hostile_body (void)
{
  g_autoptr(BulletinArticleRenderer) renderer = new_renderer ();
  g_autoptr(BulletinArticle) article = new_article ();
  g_autofree char *html = NULL;
  const char *body_start;

  /* The view must never get this as it is, even if a caller forgot to
   * sanitize: the renderer sanitizes again.
   */
  bulletin_article_set_body (article,
                             "<p onclick=\"steal()\">Text</p>"
                             "<script>window.hostile = 1</script>"
                             "<img src=\"https://example.org/a.jpg\" onerror=\"steal()\">"
                             "<a href=\"javascript:steal()\">link</a>"
                             "<iframe src=\"https://evil.example/\"></iframe>"
                             "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example/\">"
                             "<style>body{display:none}</style>"
                             "<form action=\"https://evil.example/\"><input name=q></form>"
                             "<object data=\"https://evil.example/x.swf\"></object>"
                             "<base href=\"https://evil.example/\">");
  html = bulletin_article_renderer_render (renderer, article, NULL, BULLETIN_RENDER_NONE);
  body_start = strstr (html, "<div id=\"body\" class=\"body\">");
  g_assert_nonnull (body_start);

  g_assert_nonnull (strstr (body_start, "Text"));
  g_assert_null (strstr (html, "<script"));
  g_assert_null (strstr (html, "onclick"));
  g_assert_null (strstr (html, "onerror"));
  g_assert_null (strstr (html, "javascript:"));
  g_assert_null (strstr (html, "<iframe"));
  g_assert_null (strstr (html, "refresh"));
  g_assert_null (strstr (html, "<form"));
  g_assert_null (strstr (html, "<object"));
  g_assert_null (strstr (html, "<base"));
  g_assert_null (strstr (body_start, "<style"));
  g_assert_null (strstr (html, "evil.example"));
}

static void
test_renderer_direction (void)
{
  g_autoptr(BulletinArticleRenderer) renderer = new_renderer ();
  g_autoptr(BulletinArticle) article = new_article ();
  g_autofree char *from_edition = NULL;
  g_autofree char *from_language = NULL;
  g_autofree char *explicit_ltr = NULL;
  g_autofree char *from_article = NULL;

  /* An Arabic edition: its articles read right to left */
  bulletin_article_renderer_set_defaults (renderer, "ar", "rtl", "الميادين");
  bulletin_article_set_source (article, NULL);
  bulletin_article_set_title (article, "عنوان مع NATO في الوسط");
  from_edition = bulletin_article_renderer_render (renderer, article, NULL, BULLETIN_RENDER_NONE);
  g_assert_nonnull (strstr (from_edition, "<html lang=\"ar\" dir=\"rtl\""));
  g_assert_nonnull (strstr (from_edition, "<bdi>الميادين</bdi>"));
  /* A mixed-direction headline is isolated */
  g_assert_nonnull (strstr (from_edition, "<h1 id=\"headline\" dir=\"auto\">عنوان مع NATO في الوسط</h1>"));
  /* Dated in the edition's language, whatever the locale */
  g_assert_nonnull (strstr (from_edition, ">١٩ يونيو ٢٠٢٣ ١٤:٢٥</time>"));

  /* An English article in that edition reads left to right */
  bulletin_article_set_language (article, "en");
  explicit_ltr = bulletin_article_renderer_render (renderer, article, NULL, BULLETIN_RENDER_NONE);
  g_assert_nonnull (strstr (explicit_ltr, "<html lang=\"en\" dir=\"ltr\""));
  g_assert_nonnull (strstr (explicit_ltr, ">19 Jun 2023 14:25</time>"));

  /* With no edition, the article's language decides */
  bulletin_article_renderer_set_defaults (renderer, NULL, NULL, NULL);
  bulletin_article_set_language (article, "ar-LB");
  from_language = bulletin_article_renderer_render (renderer, article, NULL, BULLETIN_RENDER_NONE);
  g_assert_nonnull (strstr (from_language, "<html lang=\"ar-LB\" dir=\"rtl\""));

  /* An explicit direction wins; nonsense is ignored */
  bulletin_article_set_direction (article, "ltr\" onload=\"x");
  bulletin_article_set_language (article, NULL);
  bulletin_article_renderer_set_defaults (renderer, NULL, "rtl", NULL);
  from_article = bulletin_article_renderer_render (renderer, article, NULL, BULLETIN_RENDER_NONE);
  g_assert_nonnull (strstr (from_article, "dir=\"rtl\""));
  g_assert_null (strstr (from_article, "onload"));
}

static void
test_renderer_style_classes (void)
{
  g_autoptr(BulletinArticleRenderer) renderer = new_renderer ();
  g_autoptr(BulletinArticle) article = new_article ();
  g_autofree char *html = NULL;

  bulletin_article_renderer_set_dark (renderer, TRUE);
  bulletin_article_renderer_set_font (renderer, "sans");
  bulletin_article_renderer_set_font_scale (renderer, 1.25);
  html = bulletin_article_renderer_render (renderer, article, NULL, BULLETIN_RENDER_NONE);
  g_assert_nonnull (strstr (html, "class=\"sans dark kind-article\""));
  g_assert_nonnull (strstr (html, "style=\"--font-scale: 1.25\""));

  /* Clamped, and never anything but a number */
  bulletin_article_renderer_set_font_scale (renderer, 40.0);
  g_assert_cmpfloat (bulletin_article_renderer_get_font_scale (renderer), ==, 3.0);
  bulletin_article_renderer_set_font (renderer, "\"><script>");
  g_assert_cmpstr (bulletin_article_renderer_get_font (renderer), ==, "serif");
}

static void
test_renderer_loading (void)
{
  g_autoptr(BulletinArticleRenderer) renderer = new_renderer ();
  g_autoptr(BulletinArticle) article = new_article ();
  g_autofree char *html = NULL;

  bulletin_article_set_body (article, NULL);
  bulletin_article_set_summary (article, "<p>The <b>summary</b> only.</p>");
  bulletin_article_set_reading_minutes (article, 0);
  html = bulletin_article_renderer_render (renderer, article, NULL, BULLETIN_RENDER_LOADING);

  g_assert_nonnull (strstr (html, "<p class=\"lede\" dir=\"auto\">The summary only.</p>"));
  g_assert_nonnull (strstr (html, "role=\"status\""));
  g_assert_nonnull (strstr (html, "Loading the full article…"));
  g_assert_nonnull (strstr (html, "<div id=\"body\" class=\"body\"></div>"));
  /* No body, no reading time */
  g_assert_null (strstr (html, "min read"));
}

static void
test_renderer_lede_not_repeated (void)
{
  g_autoptr(BulletinArticleRenderer) renderer = new_renderer ();
  g_autoptr(BulletinArticle) article = new_article ();
  g_autofree char *same = NULL;
  g_autofree char *truncated = NULL;
  g_autofree char *different = NULL;

  bulletin_article_set_body (article,
                             "<p>Negotiators from both delegations met again on Monday in the capital,\n"
                             "   where they discussed the ports.</p><p>More.</p>");

  /* The summary is the first paragraph: shown once, in the body */
  bulletin_article_set_summary (article, "Negotiators from both delegations met again on Monday in the capital, where they discussed the ports.");
  same = bulletin_article_renderer_render (renderer, article, NULL, BULLETIN_RENDER_NONE);
  g_assert_null (strstr (same, "class=\"lede\""));
  g_assert_cmpuint (count_occurrences (same, "Negotiators from both"), ==, 1);

  /* Cut short with an ellipsis: still the same words */
  bulletin_article_set_summary (article, "Negotiators from both delegations met again on Monday in the…");
  truncated = bulletin_article_renderer_render (renderer, article, NULL, BULLETIN_RENDER_NONE);
  g_assert_null (strstr (truncated, "class=\"lede\""));

  /* A summary of its own stays */
  bulletin_article_set_summary (article, "Talks resumed; the ports could reopen within weeks, officials say.");
  different = bulletin_article_renderer_render (renderer, article, NULL, BULLETIN_RENDER_NONE);
  g_assert_nonnull (strstr (different, "<p class=\"lede\" dir=\"auto\">Talks resumed;"));
}

static void
test_renderer_reading_time_from_body (void)
{
  g_autoptr(BulletinArticleRenderer) renderer = new_renderer ();
  g_autoptr(BulletinArticle) article = new_article ();
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *html = NULL;

  for (guint i = 0; i < 100; i++)
    g_string_append (body, "<p>one two three four five six seven</p>");
  bulletin_article_set_body (article, body->str);
  bulletin_article_set_reading_minutes (article, 0);
  html = bulletin_article_renderer_render (renderer, article, NULL, BULLETIN_RENDER_NONE);

  /* 700 words at 230 a minute */
  g_assert_nonnull (strstr (html, "3 min read"));
}

static void
test_renderer_video (void)
{
  g_autoptr(BulletinArticleRenderer) renderer = new_renderer ();
  g_autoptr(BulletinArticle) article = new_article ();
  g_autoptr(BulletinArticle) no_media = new_article ();
  g_autofree char *html = NULL;
  g_autofree char *fallback = NULL;

  bulletin_article_set_kind (article, BULLETIN_ARTICLE_KIND_VIDEO);
  bulletin_article_set_media_url (article, "javascript:alert(1)");
  bulletin_article_add_enclosure (article, bulletin_enclosure_new ("https://example.org/v.mp4", "video/mp4", 0));
  html = bulletin_article_renderer_render (renderer, article, NULL, BULLETIN_RENDER_NONE);

  g_assert_nonnull (strstr (html, "kind-video"));
  g_assert_nonnull (strstr (html, "<figure class=\"video\"><a class=\"play\" href=\"https://example.org/v.mp4\"><img src=\"https://example.org/images/hero.jpg\""));
  g_assert_nonnull (strstr (html, "class=\"play-button\" role=\"img\" aria-label=\"Play video\""));
  g_assert_nonnull (strstr (html, "The delegations arrive</figcaption>"));
  g_assert_null (strstr (html, "javascript:"));
  g_assert_null (strstr (html, "<video"));

  /* No media file: the play button opens the video's own page */
  bulletin_article_set_kind (no_media, BULLETIN_ARTICLE_KIND_VIDEO);
  fallback = bulletin_article_renderer_render (renderer, no_media, NULL, BULLETIN_RENDER_NONE);
  g_assert_nonnull (strstr (fallback, "<a class=\"play\" href=\"https://example.org/news/politics/a-slug\">"));
}

static void
test_renderer_gallery (void)
{
  g_autoptr(BulletinArticleRenderer) renderer = new_renderer ();
  g_autoptr(BulletinArticle) article = new_article ();
  g_autofree char *html = NULL;
  const char *gallery[] = {
    "https://example.org/images/hero.jpg",
    "https://example.org/images/2.jpg",
    "file:///etc/passwd",
    "https://example.org/images/3.jpg",
    NULL
  };

  bulletin_article_set_kind (article, BULLETIN_ARTICLE_KIND_GALLERY);
  bulletin_article_set_gallery (article, gallery);
  html = bulletin_article_renderer_render (renderer, article, NULL, BULLETIN_RENDER_NONE);

  g_assert_nonnull (strstr (html, "<section class=\"gallery\">"));
  g_assert_cmpuint (count_occurrences (html, "<section class=\"gallery\"><figure>"), ==, 1);
  g_assert_cmpuint (count_occurrences (strstr (html, "<section class=\"gallery\">"), "<figure>"), ==, 3);
  g_assert_nonnull (strstr (html, "<img src=\"https://example.org/images/2.jpg\""));
  g_assert_nonnull (strstr (html, "Picture 1 of 4</span> The delegations arrive</figcaption>"));
  g_assert_nonnull (strstr (html, "Picture 4 of 4</span></figcaption>"));
  g_assert_null (strstr (html, "passwd"));
  g_assert_null (strstr (html, "<figure class=\"hero\">"));
}

static void
test_renderer_read_next (void)
{
  g_autoptr(BulletinArticleRenderer) renderer = new_renderer ();
  g_autoptr(BulletinArticle) article = new_article ();
  g_autoptr(GListStore) store = g_list_store_new (BULLETIN_TYPE_ARTICLE);
  g_autoptr(GPtrArray) picks = NULL;
  g_autofree char *html = NULL;
  const char *sections[] = { "politics", "politics", "sports", NULL, "politics", "politics", "politics", "politics" };

  /* The article itself, as the section model holds it */
  g_list_store_append (store, article);

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      g_autoptr(BulletinArticle) item = bulletin_article_new ();
      g_autofree char *url = g_strdup_printf ("https://example.org/news/item-%u", i);
      g_autofree char *title = g_strdup_printf ("Item %u", i);

      bulletin_article_set_url (item, url);
      bulletin_article_set_title (item, title);
      bulletin_article_set_section (item, sections[i]);
      g_list_store_append (store, item);
    }

  /* A duplicate of item 0 and an untitled one */
  {
    g_autoptr(BulletinArticle) duplicate = bulletin_article_new ();
    g_autoptr(BulletinArticle) untitled = bulletin_article_new ();

    bulletin_article_set_url (duplicate, "https://example.org/news/item-0");
    bulletin_article_set_title (duplicate, "Item 0 again");
    bulletin_article_set_url (untitled, "https://example.org/news/untitled");
    g_list_store_insert (store, 2, duplicate);
    g_list_store_insert (store, 1, untitled);
  }

  picks = bulletin_article_pick_read_next (article, G_LIST_MODEL (store), 0);
  g_assert_cmpuint (picks->len, ==, 4);
  g_assert_cmpstr (bulletin_article_get_title (g_ptr_array_index (picks, 0)), ==, "Item 0");
  g_assert_cmpstr (bulletin_article_get_title (g_ptr_array_index (picks, 1)), ==, "Item 1");
  /* Item 2 is of another section; item 3 does not say */
  g_assert_cmpstr (bulletin_article_get_title (g_ptr_array_index (picks, 2)), ==, "Item 3");
  g_assert_cmpstr (bulletin_article_get_title (g_ptr_array_index (picks, 3)), ==, "Item 4");

  html = bulletin_article_renderer_render (renderer, article, picks, BULLETIN_RENDER_NONE);
  g_assert_nonnull (strstr (html, "<nav class=\"read-next\""));
  g_assert_nonnull (strstr (html, "Read Next</h2>"));
  g_assert_nonnull (strstr (html, "<a href=\"https://bulletin.invalid/read-next/0\"><span class=\"title\" dir=\"auto\">Item 0</span>"));
  g_assert_nonnull (strstr (html, "<a href=\"https://bulletin.invalid/read-next/3\"><span class=\"title\" dir=\"auto\">Item 4</span>"));
  g_assert_null (strstr (html, "read-next/4"));

  g_clear_pointer (&picks, g_ptr_array_unref);
  picks = bulletin_article_pick_read_next (article, NULL, 0);
  g_assert_cmpuint (picks->len, ==, 0);
}

static void
test_renderer_read_next_uri (void)
{
  g_assert_cmpint (bulletin_article_parse_read_next_uri ("https://bulletin.invalid/read-next/0"), ==, 0);
  g_assert_cmpint (bulletin_article_parse_read_next_uri ("https://bulletin.invalid/read-next/3"), ==, 3);
  g_assert_cmpint (bulletin_article_parse_read_next_uri ("https://bulletin.invalid/read-next/"), ==, -1);
  g_assert_cmpint (bulletin_article_parse_read_next_uri ("https://bulletin.invalid/read-next/-1"), ==, -1);
  g_assert_cmpint (bulletin_article_parse_read_next_uri ("https://bulletin.invalid/read-next/1x"), ==, -1);
  g_assert_cmpint (bulletin_article_parse_read_next_uri ("https://bulletin.invalid/read-next/99999999999999999999"), ==, -1);
  g_assert_cmpint (bulletin_article_parse_read_next_uri ("https://example.org/read-next/1"), ==, -1);
  g_assert_cmpint (bulletin_article_parse_read_next_uri (NULL), ==, -1);
}

static void
test_renderer_image_uris (void)
{
  g_autoptr(BulletinArticleRenderer) renderer = new_renderer ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bulletin-renderer-XXXXXX", &error);
  g_autofree char *inside = NULL;
  g_autofree char *outside_dir = NULL;
  g_autofree char *outside = NULL;
  g_autofree char *link = NULL;
  g_autofree char *not_image = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *converted = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *base64 = NULL;
  g_autofree char *saved_dir = NULL;

  g_assert_no_error (error);
  bulletin_article_renderer_set_local_image_dir (renderer, dir);

  saved_dir = g_build_filename (dir, "saved", NULL);
  inside = g_build_filename (saved_dir, "picture.png", NULL);
  g_assert_cmpint (g_mkdir_with_parents (saved_dir, 0700), ==, 0);
  g_file_set_contents (inside, (const char *) tiny_png, sizeof tiny_png, &error);
  g_assert_no_error (error);

  base64 = g_base64_encode (tiny_png, sizeof tiny_png);
  expected = g_strconcat ("data:image/png;base64,", base64, NULL);

  /* http(s) and data:image/ stay */
  converted = bulletin_article_renderer_image_uri (renderer, "https://example.org/a.jpg");
  g_assert_cmpstr (converted, ==, "https://example.org/a.jpg");
  g_clear_pointer (&converted, g_free);
  converted = bulletin_article_renderer_image_uri (renderer, "data:image/png;base64,AAAA");
  g_assert_cmpstr (converted, ==, "data:image/png;base64,AAAA");
  g_clear_pointer (&converted, g_free);

  /* A file under the local image directory becomes data: */
  uri = g_filename_to_uri (inside, NULL, NULL);
  converted = bulletin_article_renderer_image_uri (renderer, uri);
  g_assert_cmpstr (converted, ==, expected);
  g_clear_pointer (&converted, g_free);
  g_clear_pointer (&uri, g_free);

  /* Climbing out with ".." does not work */
  outside_dir = g_strconcat (dir, "-outside", NULL);
  g_assert_cmpint (g_mkdir_with_parents (outside_dir, 0700), ==, 0);
  outside = g_build_filename (outside_dir, "secret.png", NULL);
  g_file_set_contents (outside, (const char *) tiny_png, sizeof tiny_png, &error);
  g_assert_no_error (error);
  {
    g_autofree char *outside_name = g_path_get_basename (outside_dir);

    uri = g_strconcat ("file://", dir, "/../", outside_name, "/secret.png", NULL);
  }
  converted = bulletin_article_renderer_image_uri (renderer, uri);
  g_assert_null (converted);
  g_clear_pointer (&uri, g_free);

  /* Nor does a file outside, named directly */
  uri = g_filename_to_uri (outside, NULL, NULL);
  converted = bulletin_article_renderer_image_uri (renderer, uri);
  g_assert_null (converted);
  g_clear_pointer (&uri, g_free);

  /* Nor a symbolic link inside that points outside */
  link = g_build_filename (dir, "saved", "link.png", NULL);
  g_assert_cmpint (symlink (outside, link), ==, 0);
  uri = g_filename_to_uri (link, NULL, NULL);
  converted = bulletin_article_renderer_image_uri (renderer, uri);
  g_assert_null (converted);
  g_clear_pointer (&uri, g_free);

  /* Nor a file that is not an image */
  not_image = g_build_filename (dir, "saved", "article.json", NULL);
  g_file_set_contents (not_image, "{\"title\": \"x\"}", -1, &error);
  g_assert_no_error (error);
  uri = g_filename_to_uri (not_image, NULL, NULL);
  converted = bulletin_article_renderer_image_uri (renderer, uri);
  g_assert_null (converted);
  g_clear_pointer (&uri, g_free);

  /* Other schemes and other resources are refused */
  g_assert_null (bulletin_article_renderer_image_uri (renderer, "file:///etc/passwd"));
  g_assert_null (bulletin_article_renderer_image_uri (renderer, "resource:///org/gtk/libgtk/icons/16x16/status/image-missing.png"));
  g_assert_null (bulletin_article_renderer_image_uri (renderer, "resource:///io/github/bulletinapp/Bulletin/../../../org/gtk/x.png"));
  g_assert_null (bulletin_article_renderer_image_uri (renderer, "javascript:alert(1)"));
  g_assert_null (bulletin_article_renderer_image_uri (renderer, "data:text/html,<script>x</script>"));
  g_assert_null (bulletin_article_renderer_image_uri (renderer, "ftp://example.org/a.png"));
  g_assert_null (bulletin_article_renderer_image_uri (renderer, "a.png"));
  g_assert_null (bulletin_article_renderer_image_uri (renderer, NULL));

  g_unlink (link);
  g_unlink (not_image);
  g_unlink (inside);
  g_unlink (outside);
  g_rmdir (outside_dir);
  g_rmdir (saved_dir);
  g_rmdir (dir);
}

/* The demo edition's pictures are resources of the core library */
static char *
find_demo_image (void)
{
  static const char * const folders[] = {
    "/io/github/bulletinapp/Bulletin/demo/images/",
    "/io/github/bulletinapp/Bulletin/demo/",
  };

  for (guint i = 0; i < G_N_ELEMENTS (folders); i++)
    {
      g_auto(GStrv) children = g_resources_enumerate_children (folders[i], G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

      for (guint j = 0; children != NULL && children[j] != NULL; j++)
        if (g_str_has_suffix (children[j], ".jpg") || g_str_has_suffix (children[j], ".png"))
          return g_strconcat ("resource://", folders[i], children[j], NULL);
    }

  return NULL;
}

static void
test_renderer_resource_images (void)
{
  g_autoptr(BulletinArticleRenderer) renderer = new_renderer ();
  g_autoptr(BulletinArticle) article = new_article ();
  g_autofree char *image = find_demo_image ();
  g_autofree char *converted = NULL;
  g_autofree char *html = NULL;
  g_autofree char *body = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *base64 = NULL;

  if (image == NULL)
    {
      g_test_skip ("the demo edition's images are not in the core resources");
      return;
    }

  bytes = g_resources_lookup_data (image + strlen ("resource://"), G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_assert_nonnull (bytes);
  base64 = g_base64_encode (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  converted = bulletin_article_renderer_image_uri (renderer, image);
  g_assert_nonnull (converted);
  g_assert_true (g_str_has_prefix (converted, "data:image/"));
  g_assert_true (g_str_has_suffix (converted, base64));

  /* Hero and inline pictures of a demo article reach the page as data: */
  bulletin_article_set_image (article, image);
  body = g_strdup_printf ("<p>Before</p><figure><img src=\"%s\" alt=\"Inline\"><figcaption>Inline caption</figcaption></figure><p>After</p>", image);
  bulletin_article_set_body (article, body);
  html = bulletin_article_renderer_render (renderer, article, NULL, BULLETIN_RENDER_NONE);
  g_assert_null (strstr (html, "resource:///"));
  g_assert_nonnull (strstr (html, "Inline caption"));
  g_assert_nonnull (strstr (html, "After"));
  /* Inline, and not twice: the body has the hero already */
  g_assert_cmpuint (count_occurrences (html, converted), ==, 1);
  g_assert_nonnull (strstr (strstr (html, "<div id=\"body\""), converted));
  g_assert_null (strstr (html, "<figure class=\"hero\">"));

  /* With no picture in the body, the hero shows it */
  bulletin_article_set_body (article, "<p>Text only</p>");
  g_clear_pointer (&html, g_free);
  html = bulletin_article_renderer_render (renderer, article, NULL, BULLETIN_RENDER_NONE);
  g_assert_cmpuint (count_occurrences (html, converted), ==, 1);
  g_assert_nonnull (strstr (html, "<figure class=\"hero\"><img src=\"data:image/"));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "UTC", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/article-renderer/fields", test_renderer_fields);
  g_test_add_func ("/article-renderer/csp", test_renderer_csp);
  g_test_add_func ("/article-renderer/refuses-template-without-csp", test_renderer_refuses_template_without_csp);
  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    {
      g_autofree char *path = g_strdup_printf ("/article-renderer/escapes/%s", text_fields[i].name);

      g_test_add_data_func (path, &text_fields[i], test_renderer_escapes_field);
    }
  g_test_add_func ("/article-renderer/escapes/tags-and-read-next", test_renderer_escapes_tags_and_read_next);
  g_test_add_func ("/article-renderer/invalid-utf8", test_renderer_invalid_utf8);
  g_test_add_func ("/article-renderer/hostile-body", test_renderer_hostile_body);
  g_test_add_func ("/article-renderer/direction", test_renderer_direction);
  g_test_add_func ("/article-renderer/style-classes", test_renderer_style_classes);
  g_test_add_func ("/article-renderer/loading", test_renderer_loading);
  g_test_add_func ("/article-renderer/reading-time-from-body", test_renderer_reading_time_from_body);
  g_test_add_func ("/article-renderer/lede-not-repeated", test_renderer_lede_not_repeated);
  g_test_add_func ("/article-renderer/video", test_renderer_video);
  g_test_add_func ("/article-renderer/gallery", test_renderer_gallery);
  g_test_add_func ("/article-renderer/read-next", test_renderer_read_next);
  g_test_add_func ("/article-renderer/read-next-uri", test_renderer_read_next_uri);
  g_test_add_func ("/article-renderer/image-uris", test_renderer_image_uris);
  g_test_add_func ("/article-renderer/resource-images", test_renderer_resource_images);

  return g_test_run ();
}
