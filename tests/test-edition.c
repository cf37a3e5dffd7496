/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-edition"

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "bulletin-edition.h"
#include "bulletin-error.h"

/* The outlet's navigation, in page order (almayadeen-page.md, DESIGN.md). */
static const struct {
  const char *id;
  const char *group_id;
  gboolean    has_group_title;
  BulletinSectionKind kind;
} navigation[] = {
  { "politics", "news", TRUE, BULLETIN_SECTION_KIND_SECTION },
  { "economy", "news", TRUE, BULLETIN_SECTION_KIND_SECTION },
  { "sports", "news", TRUE, BULLETIN_SECTION_KIND_SECTION },
  { "arts-culture", "news", TRUE, BULLETIN_SECTION_KIND_SECTION },
  { "health", "news", TRUE, BULLETIN_SECTION_KIND_SECTION },
  { "miscellaneous", "news", TRUE, BULLETIN_SECTION_KIND_SECTION },
  { "technology", "news", TRUE, BULLETIN_SECTION_KIND_SECTION },
  { "environment", "news", TRUE, BULLETIN_SECTION_KIND_SECTION },
  { "opinion", "articles", TRUE, BULLETIN_SECTION_KIND_SECTION },
  { "analysis", "articles", TRUE, BULLETIN_SECTION_KIND_SECTION },
  { "blog", "articles", TRUE, BULLETIN_SECTION_KIND_SECTION },
  { "features", "articles", TRUE, BULLETIN_SECTION_KIND_SECTION },
  { "newsfeed", "videos", TRUE, BULLETIN_SECTION_KIND_SECTION },
  { "video-features", "videos", TRUE, BULLETIN_SECTION_KIND_SECTION },
  { "explainers", "videos", TRUE, BULLETIN_SECTION_KIND_SECTION },
  { "tv", "videos", TRUE, BULLETIN_SECTION_KIND_SECTION },
  { "digital-series", "videos", TRUE, BULLETIN_SECTION_KIND_SECTION },
  { "infographs", "infographs", FALSE, BULLETIN_SECTION_KIND_SECTION },
  { "in-pictures", "in-pictures", FALSE, BULLETIN_SECTION_KIND_SECTION },
  { "live", "live", FALSE, BULLETIN_SECTION_KIND_SECTION },
  { "africa", "regions", TRUE, BULLETIN_SECTION_KIND_REGION },
  { "asia", "regions", TRUE, BULLETIN_SECTION_KIND_REGION },
  { "asia-pacific", "regions", TRUE, BULLETIN_SECTION_KIND_REGION },
  { "europe", "regions", TRUE, BULLETIN_SECTION_KIND_REGION },
  { "latin-america", "regions", TRUE, BULLETIN_SECTION_KIND_REGION },
  { "mena", "regions", TRUE, BULLETIN_SECTION_KIND_REGION },
  { "palestine", "regions", TRUE, BULLETIN_SECTION_KIND_REGION },
  { "us-canada", "regions", TRUE, BULLETIN_SECTION_KIND_REGION },
};

static const char *english_titles[] = {
  "Politics", "Economy", "Sports", "Arts & Culture", "Health", "Miscellaneous",
  "Technology", "Environment", "Opinion", "Analysis", "Blog", "Features",
  "News Feed", "Video Features", "Explainers", "TV", "Digital Series",
  "Infographs", "In Pictures", "Live", "Africa", "Asia", "Asia-Pacific",
  "Europe", "Latin America", "MENA", "Palestine", "US & Canada",
};

static void
assert_navigation (BulletinEdition *edition)
{
  GListModel *sections = bulletin_edition_get_sections (edition);

  g_assert_cmpuint (g_list_model_get_n_items (sections), ==, G_N_ELEMENTS (navigation));

  for (guint i = 0; i < G_N_ELEMENTS (navigation); i++)
    {
      g_autoptr(BulletinSection) section = g_list_model_get_item (sections, i);

      g_test_message ("%s: %s", bulletin_edition_get_id (edition), bulletin_section_get_id (section));
      g_assert_cmpstr (bulletin_section_get_id (section), ==, navigation[i].id);
      g_assert_cmpstr (bulletin_section_get_group_id (section), ==, navigation[i].group_id);
      g_assert_cmpint (bulletin_section_get_kind (section), ==, navigation[i].kind);
      if (navigation[i].has_group_title)
        g_assert_nonnull (bulletin_section_get_group_title (section));
      else
        g_assert_null (bulletin_section_get_group_title (section));
      g_assert_cmpuint (bulletin_section_get_sources (section)->len, >, 0);
      g_assert_true (bulletin_edition_lookup_section (edition, navigation[i].id) == section);
    }
}

static void
assert_sources_exist (BulletinEdition *edition)
{
  GListModel *sections = bulletin_edition_get_sections (edition);
  guint n = g_list_model_get_n_items (sections);

  for (guint i = 0; i <= n; i++)
    {
      g_autoptr(BulletinSection) section = i < n ? g_list_model_get_item (sections, i)
                                                 : g_object_ref (bulletin_edition_get_latest (edition));
      GPtrArray *sources = bulletin_section_get_sources (section);

      for (guint j = 0; j < sources->len; j++)
        {
          const BulletinSource *source = g_ptr_array_index (sources, j);

          /* A bundled file that a bundled edition names must be bundled. */
          if (g_str_has_prefix (source->url, "resource://"))
            {
              g_autoptr(GError) error = NULL;
              gboolean found = g_resources_get_info (source->url + strlen ("resource://"), 0,
                                                     NULL, NULL, &error);

              g_test_message ("%s", source->url);
              g_assert_no_error (error);
              g_assert_true (found);
            }
          else
            {
              g_assert_true (g_str_has_prefix (source->url, "https://") ||
                             g_str_has_prefix (source->url, "http://"));
            }
        }
    }
}

static void
test_edition_bundled (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) editions = bulletin_edition_load_all (&error);
  gboolean seen_en = FALSE, seen_ar = FALSE, seen_es = FALSE;

  g_assert_no_error (error);
  g_assert_nonnull (editions);

  for (guint i = 0; i < editions->len; i++)
    {
      BulletinEdition *edition = g_ptr_array_index (editions, i);
      const char *id = bulletin_edition_get_id (edition);

      g_assert_true (bulletin_edition_is_bundled (edition));
      g_assert_nonnull (bulletin_edition_get_name (edition));
      g_assert_nonnull (bulletin_edition_get_short_name (edition));
      assert_sources_exist (edition);

      if (g_str_equal (id, "almayadeen-en"))
        {
          seen_en = TRUE;
          g_assert_cmpstr (bulletin_edition_get_language (edition), ==, "en");
          g_assert_cmpstr (bulletin_edition_get_direction (edition), ==, "ltr");
          g_assert_cmpstr (bulletin_edition_get_home_url (edition), ==, "https://english.almayadeen.net/");
          g_assert_true (bulletin_edition_url_is_article (edition, "https://english.almayadeen.net/news/politics/a-slug"));
          g_assert_false (bulletin_edition_url_is_article (edition, "https://example.org/news/politics/a-slug"));
          g_assert_nonnull (bulletin_edition_get_breaking (edition));
        }
      else if (g_str_equal (id, "almayadeen-ar"))
        {
          seen_ar = TRUE;
          g_assert_cmpstr (bulletin_edition_get_direction (edition), ==, "rtl");
          g_assert_cmpstr (bulletin_edition_get_language (edition), ==, "ar");
        }
      else if (g_str_equal (id, "almayadeen-es"))
        {
          seen_es = TRUE;
          g_assert_cmpstr (bulletin_edition_get_language (edition), ==, "es");
        }

      /* Every edition follows the outlet's navigation. */
      assert_navigation (edition);
    }

  g_assert_true (seen_en);
  g_assert_true (seen_ar);
  g_assert_true (seen_es);
}

static void
test_edition_english_titles (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BulletinEdition) edition = bulletin_edition_lookup ("almayadeen-en", &error);
  GListModel *sections;

  g_assert_no_error (error);
  sections = bulletin_edition_get_sections (edition);
  for (guint i = 0; i < G_N_ELEMENTS (english_titles); i++)
    {
      g_autoptr(BulletinSection) section = g_list_model_get_item (sections, i);

      g_assert_cmpstr (bulletin_section_get_title (section), ==, english_titles[i]);
    }

  g_assert_cmpint (bulletin_section_get_kind (bulletin_edition_lookup_section (edition, "latest")),
                   ==, BULLETIN_SECTION_KIND_LATEST);
  g_assert_null (bulletin_edition_lookup_section (edition, "no-such-section"));
}

static void
test_edition_lookup_missing (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BulletinEdition) edition = bulletin_edition_lookup ("no-such-edition", &error);

  g_assert_null (edition);
  g_assert_error (error, BULLETIN_ERROR, BULLETIN_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "almayadeen-en"));
}

#define MINIMAL_HEAD \
  "\"format\": 1, \"id\": \"test\", \"name\": \"Test\", \"language\": \"en\", " \
  "\"direction\": \"ltr\", \"home\": \"https://example.org/\""
#define ONE_GROUP \
  "\"groups\": [{\"id\": \"news\", \"title\": \"News\", \"sections\": [" \
  "{\"id\": \"politics\", \"title\": \"Politics\", \"sources\": [{\"type\": \"feed\", \"url\": \"feeds/politics.xml\"}]}]}]"

static void
test_edition_relative_urls (void)
{
  const char *json = "{" MINIMAL_HEAD ", " ONE_GROUP ", "
                     "\"breaking\": {\"type\": \"page\", \"url\": \"/\"}, "
                     "\"latest\": {\"sources\": [{\"type\": \"feed\", \"url\": \"../rss\"}]}, "
                     "\"regions\": {\"title\": \"Regions\", \"sections\": [{\"id\": \"europe\", \"title\": \"Europe\", "
                     "\"sources\": [{\"type\": \"page\", \"url\": \"https://example.org/europe\"}]}]}, "
                     "\"unknown-member\": [1, 2, 3]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(GError) error = NULL;
  g_autoptr(BulletinEdition) edition = NULL;
  BulletinSection *section;
  const BulletinSource *source;

  edition = bulletin_edition_new_from_bytes (bytes, "http://127.0.0.1:8080/outlet/edition.json", &error);
  g_assert_no_error (error);

  section = bulletin_edition_lookup_section (edition, "politics");
  source = g_ptr_array_index (bulletin_section_get_sources (section), 0);
  g_assert_cmpint (source->type, ==, BULLETIN_SOURCE_FEED);
  g_assert_cmpstr (source->url, ==, "http://127.0.0.1:8080/outlet/feeds/politics.xml");

  source = g_ptr_array_index (bulletin_section_get_sources (bulletin_edition_get_latest (edition)), 0);
  g_assert_cmpstr (source->url, ==, "http://127.0.0.1:8080/rss");

  source = bulletin_edition_get_breaking (edition);
  g_assert_cmpint (source->type, ==, BULLETIN_SOURCE_PAGE);
  g_assert_cmpstr (source->url, ==, "http://127.0.0.1:8080/");

  section = bulletin_edition_lookup_section (edition, "europe");
  g_assert_cmpint (bulletin_section_get_kind (section), ==, BULLETIN_SECTION_KIND_REGION);
  g_assert_cmpstr (bulletin_section_get_group_id (section), ==, "regions");
  g_assert_cmpstr (bulletin_section_get_group_title (section), ==, "Regions");

  /* Optional members take their defaults. */
  g_assert_cmpstr (bulletin_edition_get_short_name (edition), ==, "Test");
  g_assert_cmpstr (bulletin_edition_get_site_name (edition), ==, "Test");
  g_assert_null (bulletin_edition_get_article_pattern (edition));
  g_assert_true (bulletin_edition_url_is_article (edition, "https://example.org/anything"));
}

typedef struct
{
  const char *json;
  const char *where;   /* expected in the message */
} InvalidCase;

static const InvalidCase invalid_cases[] = {
  { "", "not UTF-8" },
  { "\xff\xfe{}", "not UTF-8" },
  { "{", "not valid JSON" },
  { "[]", "JSON object" },
  { "{}", "format: missing" },
  { "{\"format\": \"1\"}", "format: must be a whole number" },
  { "{\"format\": 2}", "format: 2 is not a format" },
  { "{\"format\": 1.5}", "format: must be a whole number" },
  { "{\"format\": 1, \"id\": \"Test\"}", "id: \"Test\" must be lower-case" },
  { "{\"format\": 1, \"id\": \"a b\"}", "id:" },
  { "{\"format\": 1, \"id\": 3}", "id: must be a string" },
  { "{\"format\": 1, \"id\": \"t\", \"name\": \"  \"}", "name: must not be empty" },
  { "{\"format\": 1, \"id\": \"t\", \"name\": \"T\", \"language\": \"en\", \"direction\": \"up\"}", "direction: must be" },
  { "{\"format\": 1, \"id\": \"t\", \"name\": \"T\", \"language\": \"e n\", \"direction\": \"ltr\"}", "language:" },
  { "{\"format\": 1, \"id\": \"t\", \"name\": \"T\", \"language\": \"en\", \"direction\": \"ltr\", \"home\": \"javascript:alert(1)\"}", "home:" },
  { "{\"format\": 1, \"id\": \"t\", \"name\": \"T\", \"language\": \"en\", \"direction\": \"ltr\", \"home\": \"ftp://example.org/\"}", "home:" },
  { "{" MINIMAL_HEAD "}", "groups: missing" },
  { "{" MINIMAL_HEAD ", \"groups\": []}", "groups: must not be empty" },
  { "{" MINIMAL_HEAD ", \"groups\": {}}", "groups: must be an array" },
  { "{" MINIMAL_HEAD ", \"article-pattern\": \"(unclosed\", " ONE_GROUP "}", "article-pattern: not a valid regular expression" },
  { "{" MINIMAL_HEAD ", \"groups\": [{\"id\": \"news\", \"title\": \"News\"}]}", "groups[0]: needs" },
  { "{" MINIMAL_HEAD ", \"groups\": [{\"id\": \"news\", \"title\": \"News\", \"sections\": [], \"sources\": []}]}", "groups[0]: has both" },
  { "{" MINIMAL_HEAD ", \"groups\": [{\"id\": \"news\", \"title\": \"News\", \"sections\": [{\"id\": \"p\", \"title\": \"P\"}]}]}",
    "groups[0].sections[0].sources: missing" },
  { "{" MINIMAL_HEAD ", \"groups\": [{\"id\": \"news\", \"title\": \"News\", \"sections\": [{\"id\": \"p\", \"title\": \"P\", \"sources\": [{\"type\": \"rss\", \"url\": \"https://e.org/\"}]}]}]}",
    "groups[0].sections[0].sources[0].type: must be \"feed\" or \"page\"" },
  { "{" MINIMAL_HEAD ", \"groups\": [{\"id\": \"news\", \"title\": \"News\", \"sections\": [{\"id\": \"p\", \"title\": \"P\", \"sources\": [{\"type\": \"feed\", \"url\": \"data:text/xml,<rss/>\"}]}]}]}",
    "groups[0].sections[0].sources[0].url:" },
  { "{" MINIMAL_HEAD ", \"groups\": [{\"id\": \"news\", \"title\": \"News\", \"sections\": [{\"id\": \"p\", \"title\": \"P\", \"sources\": [{\"type\": \"feed\"}]}]}]}",
    "groups[0].sections[0].sources[0].url: missing" },
  { "{" MINIMAL_HEAD ", \"groups\": [{\"id\": \"news\", \"title\": \"News\", \"sections\": [{\"id\": \"p\", \"title\": \"P\", \"sources\": [\"https://e.org/\"]}]}]}",
    "groups[0].sections[0].sources[0]: must be an object" },
  { "{" MINIMAL_HEAD ", \"groups\": [{\"id\": \"news\", \"title\": \"News\", \"sections\": ["
    "{\"id\": \"p\", \"title\": \"P\", \"sources\": [{\"type\": \"feed\", \"url\": \"https://e.org/\"}]},"
    "{\"id\": \"p\", \"title\": \"Q\", \"sources\": [{\"type\": \"feed\", \"url\": \"https://e.org/\"}]}]}]}",
    "groups[0].sections[1].id: \"p\" is used twice" },
  { "{" MINIMAL_HEAD ", \"groups\": [{\"id\": \"news\", \"title\": \"News\", \"sections\": ["
    "{\"id\": \"latest\", \"title\": \"P\", \"sources\": [{\"type\": \"feed\", \"url\": \"https://e.org/\"}]}]}]}",
    "\"latest\" is reserved" },
  { "{" MINIMAL_HEAD ", " ONE_GROUP ", \"regions\": []}", "regions: must be an object" },
  { "{" MINIMAL_HEAD ", " ONE_GROUP ", \"regions\": {\"title\": \"Regions\"}}", "regions.sections: missing" },
  { "{" MINIMAL_HEAD ", " ONE_GROUP ", \"breaking\": {\"type\": \"feed\", \"url\": \"gopher://e.org/\"}}", "breaking.url:" },
  { "{" MINIMAL_HEAD ", " ONE_GROUP ", \"latest\": {\"sources\": 3}}", "latest.sources: must be an array" },
};

static void
test_edition_invalid (gconstpointer data)
{
  const InvalidCase *test = data;
  g_autoptr(GBytes) bytes = g_bytes_new_static (test->json, strlen (test->json));
  g_autoptr(GError) error = NULL;
  g_autoptr(BulletinEdition) edition = NULL;

  edition = bulletin_edition_new_from_bytes (bytes, "file:///tmp/broken.json", &error);
  g_assert_null (edition);
  g_assert_error (error, BULLETIN_ERROR, BULLETIN_ERROR_INVALID_DATA);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "broken.json: "));
  g_assert_nonnull (strstr (error->message, test->where));
}

static void
test_edition_user_override (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "bulletin", "editions", NULL);
  g_autofree char *good = g_build_filename (dir, "mine.json", NULL);
  g_autofree char *bad = g_build_filename (dir, "broken.json", NULL);
  g_autofree char *override = g_build_filename (dir, "demo-copy.json", NULL);
  const char *mine = "{" MINIMAL_HEAD ", " ONE_GROUP "}";
  g_autofree char *same_id = g_strdup_printf ("{\"format\": 1, \"id\": \"almayadeen-es\", \"name\": \"Mine\", "
                                              "\"language\": \"es\", \"direction\": \"ltr\", "
                                              "\"home\": \"https://example.org/\", %s}", ONE_GROUP);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) editions = NULL;
  g_autoptr(BulletinEdition) test = NULL;
  g_autoptr(BulletinEdition) es = NULL;
  g_auto(GStrv) uris = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (good, mine, -1, NULL));
  g_assert_true (g_file_set_contents (bad, "{\"format\": 1}", -1, NULL));
  g_assert_true (g_file_set_contents (override, same_id, -1, NULL));

  uris = bulletin_edition_list_uris ();
  g_assert_true (g_str_has_prefix (uris[0], "resource:///io/github/bulletinapp/Bulletin/editions/"));
  g_assert_true (g_str_has_prefix (uris[g_strv_length (uris) - 1], "file://"));

  editions = bulletin_edition_load_all (&error);
  g_assert_no_error (error);

  test = bulletin_edition_lookup ("test", &error);
  g_assert_no_error (error);
  g_assert_false (bulletin_edition_is_bundled (test));
  /* relative to the user's file */
  g_assert_true (g_str_has_prefix (((BulletinSource *) g_ptr_array_index (bulletin_section_get_sources (bulletin_edition_lookup_section (test, "politics")), 0))->url, "file:///"));

  es = bulletin_edition_lookup ("almayadeen-es", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bulletin_edition_get_name (es), ==, "Mine");

  g_assert_cmpint (g_unlink (good), ==, 0);
  g_assert_cmpint (g_unlink (bad), ==, 0);
  g_assert_cmpint (g_unlink (override), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/edition/bundled", test_edition_bundled);
  g_test_add_func ("/edition/english-titles", test_edition_english_titles);
  g_test_add_func ("/edition/lookup-missing", test_edition_lookup_missing);
  g_test_add_func ("/edition/relative-urls", test_edition_relative_urls);
  g_test_add_func ("/edition/user-override", test_edition_user_override);
  for (guint i = 0; i < G_N_ELEMENTS (invalid_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/edition/invalid/%u", i);

      g_test_add_data_func (path, &invalid_cases[i], test_edition_invalid);
    }

  return g_test_run ();
}
