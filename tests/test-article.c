/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-article"

#include "config.h"

#include "bulletin-core.h"

static BulletinArticle *
make_article (void)
{
  g_autoptr(BulletinArticle) article = bulletin_article_new ();
  g_autoptr(GDateTime) published = g_date_time_new_utc (2023, 6, 19, 11, 25, 0);
  const char *tags[] = { "Lebanon", "Economy", NULL };

  bulletin_article_set_url (article, "https://example.org/news/politics/a-slug");
  bulletin_article_set_title (article, "A headline & more");
  bulletin_article_set_author (article, "A. Writer");
  bulletin_article_set_section (article, "politics");
  bulletin_article_set_published (article, published);
  bulletin_article_set_tags (article, tags);
  bulletin_article_set_kind (article, BULLETIN_ARTICLE_KIND_VIDEO);
  bulletin_article_set_reading_minutes (article, 5);
  bulletin_article_add_enclosure (article, bulletin_enclosure_new ("https://example.org/v.mp4", "video/mp4", 1234));

  return g_steal_pointer (&article);
}

static void
test_article_json_round_trip (void)
{
  g_autoptr(BulletinArticle) article = make_article ();
  g_autoptr(JsonNode) node = bulletin_article_to_json (article);
  g_autoptr(BulletinArticle) copy = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *enclosures;
  const BulletinEnclosure *enclosure;

  copy = bulletin_article_new_from_json (node, &error);
  g_assert_no_error (error);
  g_assert_nonnull (copy);

  g_assert_cmpstr (bulletin_article_get_url (copy), ==, "https://example.org/news/politics/a-slug");
  g_assert_cmpstr (bulletin_article_get_title (copy), ==, "A headline & more");
  g_assert_cmpstr (bulletin_article_get_author (copy), ==, "A. Writer");
  g_assert_cmpstr (bulletin_article_get_section (copy), ==, "politics");
  g_assert_null (bulletin_article_get_body (copy));
  g_assert_cmpint (bulletin_article_get_sort_time (copy), ==, bulletin_article_get_sort_time (article));
  g_assert_cmpstrv (bulletin_article_get_tags (copy), bulletin_article_get_tags (article));
  g_assert_cmpint (bulletin_article_get_kind (copy), ==, BULLETIN_ARTICLE_KIND_VIDEO);
  g_assert_cmpuint (bulletin_article_get_reading_minutes (copy), ==, 5);

  enclosures = bulletin_article_get_enclosures (copy);
  g_assert_nonnull (enclosures);
  g_assert_cmpuint (enclosures->len, ==, 1);
  enclosure = g_ptr_array_index (enclosures, 0);
  g_assert_cmpstr (enclosure->url, ==, "https://example.org/v.mp4");
  g_assert_cmpstr (enclosure->type, ==, "video/mp4");
  g_assert_cmpint (enclosure->length, ==, 1234);
}

static void
test_article_json_invalid (void)
{
  const char *cases[] = {
    "[]",
    "\"a string\"",
    "{}",
    "{\"summary\": \"no url and no title\"}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) node = json_from_string (cases[i], NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(BulletinArticle) article = bulletin_article_new_from_json (node, &error);

      g_assert_null (article);
      g_assert_error (error, BULLETIN_ERROR, BULLETIN_ERROR_INVALID_DATA);
    }
}

static void
test_article_json_wrong_types (void)
{
  g_autoptr(JsonNode) node = json_from_string ("{\"url\": \"https://a.example/x\", \"title\": 42,"
                                               " \"tags\": [\"ok\", 3, null], \"published\": \"garbage\","
                                               " \"enclosures\": [1, {\"type\": \"x\"}, {\"url\": \"https://a.example/e\", \"length\": {}}],"
                                               " \"kind\": \"nonsense\", \"reading-minutes\": [3]}",
                                               NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BulletinArticle) article = bulletin_article_new_from_json (node, &error);
  const char *expected_tags[] = { "ok", NULL };

  g_assert_no_error (error);
  g_assert_cmpstr (bulletin_article_get_url (article), ==, "https://a.example/x");
  g_assert_null (bulletin_article_get_title (article));
  g_assert_cmpstrv (bulletin_article_get_tags (article), expected_tags);
  g_assert_null (bulletin_article_get_published (article));
  g_assert_cmpuint (bulletin_article_get_enclosures (article)->len, ==, 1);
  g_assert_cmpint (((BulletinEnclosure *) g_ptr_array_index (bulletin_article_get_enclosures (article), 0))->length, ==, 0);
  g_assert_cmpuint (bulletin_article_get_reading_minutes (article), ==, 0);
  g_assert_cmpint (bulletin_article_get_kind (article), ==, BULLETIN_ARTICLE_KIND_ARTICLE);
}

static void
test_article_merge (void)
{
  g_autoptr(BulletinArticle) stub = bulletin_article_new ();
  g_autoptr(BulletinArticle) full = make_article ();

  bulletin_article_set_url (stub, "https://example.org/news/politics/a-slug");
  bulletin_article_set_title (stub, "Old title");
  bulletin_article_set_image (stub, "https://example.org/thumb.jpg");
  bulletin_article_set_read (stub, TRUE);
  bulletin_article_set_body (full, "<p>Body</p>");

  bulletin_article_merge (stub, full);

  g_assert_cmpstr (bulletin_article_get_title (stub), ==, "A headline & more");
  g_assert_cmpstr (bulletin_article_get_image (stub), ==, "https://example.org/thumb.jpg");
  g_assert_true (bulletin_article_has_body (stub));
  g_assert_true (bulletin_article_get_read (stub));
  g_assert_cmpint (bulletin_article_get_kind (stub), ==, BULLETIN_ARTICLE_KIND_VIDEO);
}

static void
test_article_tags_dedup (void)
{
  g_autoptr(BulletinArticle) article = bulletin_article_new ();
  const char *expected[] = { "Gaza", "UN", NULL };

  bulletin_article_add_tag (article, " Gaza ");
  bulletin_article_add_tag (article, "gaza");
  bulletin_article_add_tag (article, "");
  bulletin_article_add_tag (article, "   ");
  bulletin_article_add_tag (article, "UN");

  g_assert_cmpstrv (bulletin_article_get_tags (article), expected);
}

static void
test_article_notify (void)
{
  g_autoptr(BulletinArticle) article = bulletin_article_new ();
  guint count = 0;

  g_signal_connect_swapped (article, "notify::title", G_CALLBACK (g_nullify_pointer), NULL);
  g_signal_handlers_disconnect_matched (article, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, NULL);
  g_signal_connect_swapped (article, "notify::read", G_CALLBACK (g_atomic_int_inc), &count);

  bulletin_article_set_read (article, TRUE);
  bulletin_article_set_read (article, TRUE);
  bulletin_article_set_read (article, FALSE);
  g_assert_cmpuint (count, ==, 2);

  /* Empty means missing */
  bulletin_article_set_title (article, "");
  g_assert_null (bulletin_article_get_title (article));
}

static void
test_reading_minutes (void)
{
  g_assert_cmpuint (bulletin_reading_minutes_for_words (0), ==, 1);
  g_assert_cmpuint (bulletin_reading_minutes_for_words (230), ==, 1);
  g_assert_cmpuint (bulletin_reading_minutes_for_words (1150), ==, 5);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/article/json/round-trip", test_article_json_round_trip);
  g_test_add_func ("/article/json/invalid", test_article_json_invalid);
  g_test_add_func ("/article/json/wrong-types", test_article_json_wrong_types);
  g_test_add_func ("/article/merge", test_article_merge);
  g_test_add_func ("/article/tags/dedup", test_article_tags_dedup);
  g_test_add_func ("/article/notify", test_article_notify);
  g_test_add_func ("/article/reading-minutes", test_reading_minutes);

  return g_test_run ();
}
