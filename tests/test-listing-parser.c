/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-listing-parser"

#include "config.h"

#include <string.h>

#include "bulletin-core.h"
#include "bulletin-date.h"
#include "test-utils.h"

#define PAGE_URL "https://english.almayadeen.net/news/economy"
#define PATTERN_ANY "^https://english\\.almayadeen\\.net/news/"
#define PATTERN "^https://english\\.almayadeen\\.net/news/[a-z-]+/[a-z0-9-]+(\\?.*)?$"

static GPtrArray *
parse_string (const char  *html,
              const char  *pattern,
              GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (html, strlen (html));

  return bulletin_listing_parse (bytes, PAGE_URL, pattern, error);
}

static char *
iso (GDateTime *date)
{
  return bulletin_date_to_iso8601 (date);
}

typedef struct
{
  const char *url;
  const char *title;
  const char *image;
  const char *section;
  const char *published;
} Stub;

static const Stub section_stubs[] = {
  { "https://english.almayadeen.net/news/economy/harbour-towns-rebuild-their-fishing-fleets",
    "Harbour towns rebuild their fishing fleets after the storm",
    "https://english.almayadeen.net/images/2023/06/harbour-boats-small.jpg",
    "Economy", "2023-06-19T11:25:00Z" },
  { "https://english.almayadeen.net/news/economy/olive-harvest-meets-expectations",
    "Olive harvest meets expectations",
    "https://english.almayadeen.net/images/2023/06/olives.jpg",
    "Europe", "2023-06-18T05:00:00Z" },
  { "https://english.almayadeen.net/news/economy/small-ports-seek-new-trade-routes",
    "Small ports seek new trade routes",
    "https://english.almayadeen.net/images/2023/06/ports.jpg",
    "Asia", NULL },
  { "https://english.almayadeen.net/news/economy/rice-farmers-try-new-seeds?page=2",
    "Rice farmers try new seeds",
    "https://english.almayadeen.net/images/2023/06/rice.jpg",
    NULL, NULL },
};

static void
check_section_stubs (GPtrArray *stubs,
                     guint      first)
{
  for (guint i = 0; i < G_N_ELEMENTS (section_stubs); i++)
    {
      BulletinArticle *article = g_ptr_array_index (stubs, first + i);
      const Stub *want = &section_stubs[i];
      g_autofree char *published = iso (bulletin_article_get_published (article));

      g_test_message ("stub %u: %s", i, bulletin_article_get_url (article));
      g_assert_cmpstr (bulletin_article_get_url (article), ==, want->url);
      g_assert_cmpstr (bulletin_article_get_title (article), ==, want->title);
      g_assert_cmpstr (bulletin_article_get_image (article), ==, want->image);
      g_assert_cmpstr (bulletin_article_get_section_title (article), ==, want->section);
      g_assert_cmpstr (published, ==, want->published);
      g_assert_null (bulletin_article_get_body (article));
    }
}

static void
test_listing_section_page (void)
{
  g_autoptr(GBytes) bytes = test_utils_load_data ("pages", "almayadeen-section.html", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) stubs = NULL;

  stubs = bulletin_listing_parse (bytes, PAGE_URL, PATTERN, &error);
  g_assert_no_error (error);
  g_assert_nonnull (stubs);

  /* The breaking item is outside navigation, so it counts; the menu and
   * footer links do not, nor does the pagination link. */
  g_assert_cmpuint (stubs->len, ==, 5);
  g_assert_cmpstr (bulletin_article_get_url (g_ptr_array_index (stubs, 0)), ==,
                   "https://english.almayadeen.net/news/politics/breaking-item-about-the-northern-pier");
  check_section_stubs (stubs, 1);

  for (guint i = 0; i < stubs->len; i++)
    {
      const char *url = bulletin_article_get_url (g_ptr_array_index (stubs, i));

      g_assert_null (strstr (url, "menu-link"));
      g_assert_null (strstr (url, "footer-link"));
      g_assert_null (strstr (url, "utm_"));
      g_assert_null (strchr (url, '#'));
    }
}

static void
test_listing_without_pattern (void)
{
  g_autoptr(GBytes) bytes = test_utils_load_data ("pages", "almayadeen-section.html", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) stubs = NULL;

  stubs = bulletin_listing_parse (bytes, PAGE_URL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stubs->len, ==, 5);
  check_section_stubs (stubs, 1);
}

static void
test_listing_canonical_url (void)
{
  static const struct { const char *href; const char *want; } cases[] = {
    { "/a/b-c?utm_source=x&utm_medium=y", "https://example.org/a/b-c" },
    { "/a/b-c?id=4&utm_campaign=z#frag", "https://example.org/a/b-c?id=4" },
    { "b-c?fbclid=1&gclid=2", "https://example.org/dir/b-c" },
    { "#only-a-fragment", NULL },
    { "javascript:void(0)", NULL },
    { "mailto:someone@example.org", NULL },
    { "", NULL },
    { "//cdn.example.org/x-y-z", "https://cdn.example.org/x-y-z" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = bulletin_listing_canonical_url ("https://example.org/dir/page", cases[i].href);
      g_assert_cmpstr (got, ==, cases[i].want);
    }
}

static void
test_listing_dedup_merges (void)
{
  const char *html =
    "<html><body>"
    "<div><a href='/news/politics/one-long-article-slug'><img src='/i/1.jpg' alt='Alt text of one'></a></div>"
    "<ul><li><a href='/news/politics/two-long-article-slug'>Second headline</a></li></ul>"
    "<div><a href='/news/politics/one-long-article-slug?utm_source=x'>First headline in full</a>"
    "<time datetime='2024-01-02T03:04:05Z'>2 Jan</time></div>"
    "</body></html>";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) stubs = parse_string (html, PATTERN_ANY, &error);
  BulletinArticle *first;
  g_autofree char *published = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (stubs->len, ==, 2);
  first = g_ptr_array_index (stubs, 0);
  g_assert_cmpstr (bulletin_article_get_url (first), ==,
                   "https://english.almayadeen.net/news/politics/one-long-article-slug");
  /* The link text of the second occurrence beats the image's alt text. */
  g_assert_cmpstr (bulletin_article_get_title (first), ==, "First headline in full");
  g_assert_cmpstr (bulletin_article_get_image (first), ==, "https://english.almayadeen.net/i/1.jpg");
  published = iso (bulletin_article_get_published (first));
  g_assert_cmpstr (published, ==, "2024-01-02T03:04:05Z");
  g_assert_cmpstr (bulletin_article_get_title (g_ptr_array_index (stubs, 1)), ==, "Second headline");
}

static void
test_listing_bad_pattern (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) stubs = parse_string ("<a href='/x'>x</a>", "([unclosed", &error);

  g_assert_null (stubs);
  g_assert_error (error, BULLETIN_ERROR, BULLETIN_ERROR_INVALID_DATA);
}

static void
test_listing_hostile (void)
{
  static const char * const inputs[] = {
    "",
    "not html at all \x01\x02\xff\xfe",
    "<a href='https://english.almayadeen.net/news/a/b-c-d-e-f'>",
    "<html><body><a href=\"https://english.almayadeen.net/news/politics/\xff\xfe-bad\">\xc3\x28 broken</a></body></html>",
    "<a href='/news/politics/x-y-z-w'><a href='/news/politics/x-y-z-w'><a><a>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = g_bytes_new (inputs[i], strlen (inputs[i]));
      g_autoptr(GPtrArray) stubs = bulletin_listing_parse (bytes, PAGE_URL, NULL, &error);

      g_assert_no_error (error);
      g_assert_nonnull (stubs);
      for (guint j = 0; j < stubs->len; j++)
        {
          BulletinArticle *article = g_ptr_array_index (stubs, j);
          g_assert_true (g_utf8_validate (bulletin_article_get_title (article), -1, NULL));
        }
    }

  {
    /* Deep nesting and many links. */
    g_autoptr(GString) html = g_string_new ("<html><body>");
    g_autoptr(GBytes) bytes = NULL;
    g_autoptr(GPtrArray) stubs = NULL;
    g_autoptr(GError) error = NULL;

    for (guint i = 0; i < 10000; i++)
      g_string_append (html, "<div>");
    for (guint i = 0; i < 300; i++)
      g_string_append_printf (html, "<a href='/news/politics/story-number-%u-slug'>Story %u</a>", i, i);
    bytes = g_string_free_to_bytes (g_steal_pointer (&html));
    stubs = bulletin_listing_parse (bytes, PAGE_URL, PATTERN, &error);
    g_assert_no_error (error);
    g_assert_nonnull (stubs);
  }

  {
    gsize size = BULLETIN_PAGE_MAX_SIZE + 1;
    char *data = g_malloc (size);
    g_autoptr(GBytes) bytes = NULL;
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) stubs = NULL;

    memset (data, 'a', size);
    bytes = g_bytes_new_take (data, size);
    stubs = bulletin_listing_parse (bytes, PAGE_URL, NULL, &error);
    g_assert_null (stubs);
    g_assert_error (error, BULLETIN_ERROR, BULLETIN_ERROR_TOO_LARGE);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/listing/section-page", test_listing_section_page);
  g_test_add_func ("/listing/without-pattern", test_listing_without_pattern);
  g_test_add_func ("/listing/canonical-url", test_listing_canonical_url);
  g_test_add_func ("/listing/dedup-merges", test_listing_dedup_merges);
  g_test_add_func ("/listing/bad-pattern", test_listing_bad_pattern);
  g_test_add_func ("/listing/hostile", test_listing_hostile);

  return g_test_run ();
}
