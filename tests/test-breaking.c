/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-breaking"

#include "config.h"

#include <string.h>

#include "bulletin-article.h"
#include "bulletin-breaking.h"
#include "bulletin-client.h"
#include "bulletin-edition.h"
#include "bulletin-error.h"
#include "fixture-server.h"
#include "test-utils.h"

static FixtureServer *server;

typedef struct
{
  guint      emissions;
  GPtrArray *last;
} NewItems;

static void
new_items_cb (BulletinBreaking *breaking,
              GPtrArray        *items,
              NewItems         *seen)
{
  seen->emissions++;
  g_clear_pointer (&seen->last, g_ptr_array_unref);
  seen->last = g_ptr_array_ref (items);
}

static gboolean
poll_run (BulletinBreaking  *breaking,
          GError           **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  bulletin_breaking_refresh_async (breaking, NULL, test_utils_result_cb, &result);

  return bulletin_breaking_refresh_finish (breaking, test_utils_wait (&result), error);
}

static BulletinArticle *
item (GListModel *model,
      guint       i)
{
  g_autoptr(BulletinArticle) article = g_list_model_get_item (model, i);

  return article;
}

static BulletinEdition *
feed_edition (void)
{
  g_autofree char *json = g_strdup_printf (
    "{\"format\": 1, \"id\": \"breaking-feed\", \"name\": \"B\", \"language\": \"en\", \"direction\": \"ltr\","
    " \"home\": \"%s/outlet/\", \"breaking\": {\"type\": \"feed\", \"url\": \"%s/outlet/breaking.xml\"},"
    " \"groups\": [{\"id\": \"news\", \"title\": \"News\", \"sections\": ["
    " {\"id\": \"politics\", \"title\": \"Politics\", \"sources\": [{\"type\": \"feed\", \"url\": \"%s/outlet/politics.xml\"}]}]}]}",
    fixture_server_get_base (server), fixture_server_get_base (server), fixture_server_get_base (server));
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
  g_autoptr(GError) error = NULL;
  BulletinEdition *edition = bulletin_edition_new_from_bytes (bytes, NULL, &error);

  g_assert_no_error (error);
  return edition;
}

static void
test_breaking_page (void)
{
  g_autoptr(BulletinClient) client = test_utils_new_client ();
  g_autoptr(BulletinEdition) edition = fixture_server_load_edition (server, "edition.json");
  g_autoptr(BulletinBreaking) breaking = bulletin_breaking_new (client, edition);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) seen = NULL;
  NewItems news = { 0 };
  GListModel *list = G_LIST_MODEL (breaking);

  fixture_server_clear_overrides (server);
  g_signal_connect (breaking, "new-items", G_CALLBACK (new_items_cb), &news);
  g_assert_false (bulletin_breaking_is_running (breaking));

  g_assert_true (poll_run (breaking, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 3);
  g_assert_cmpstr (bulletin_article_get_title (item (list, 0)), ==,
                   "Harbour council to Fixture Times: the night ferry starts in August");
  g_assert_true (g_str_has_suffix (bulletin_article_get_url (item (list, 0)),
                                   "/outlet/news/politics/harbour-council-approves-a-night-ferry"));
  g_assert_cmpstr (bulletin_article_get_title (item (list, 1)), ==,
                   "Fixture Times correspondent: the valley road has reopened after the flood");
  g_assert_null (bulletin_article_get_url (item (list, 1)));

  /* Announced once. */
  g_assert_cmpuint (news.emissions, ==, 1);
  g_assert_cmpuint (news.last->len, ==, 3);
  g_assert_true (poll_run (breaking, &error));
  g_assert_cmpuint (news.emissions, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 3);

  seen = bulletin_breaking_dup_seen (breaking);
  g_assert_cmpuint (g_strv_length (seen), ==, 3);

  g_clear_pointer (&news.last, g_ptr_array_unref);
}

static void
test_breaking_changes (void)
{
  g_autoptr(BulletinClient) client = test_utils_new_client ();
  g_autoptr(BulletinEdition) edition = fixture_server_load_edition (server, "edition.json");
  g_autoptr(BulletinBreaking) breaking = bulletin_breaking_new (client, edition);
  g_autoptr(GError) error = NULL;
  GListModel *list = G_LIST_MODEL (breaking);
  BulletinArticle *kept;
  NewItems news = { 0 };
  const char *page =
    "<html><body><div id=\"urgent-bar\"><ul>"
    "<li>Weather office: a second storm is expected on the coast by Friday</li>"
    "<li>Port authority: all ferries are cancelled for the night</li>"
    "</ul></div></body></html>";

  fixture_server_clear_overrides (server);
  g_signal_connect (breaking, "new-items", G_CALLBACK (new_items_cb), &news);
  g_assert_true (poll_run (breaking, &error));
  kept = item (list, 2);

  /* Two items left the strip, one stayed, one came. */
  fixture_server_set_content (server, "/outlet/breaking.html", "text/html", page, -1);
  g_assert_true (poll_run (breaking, &error));
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  g_assert_true (item (list, 0) == kept);
  g_assert_cmpstr (bulletin_article_get_title (item (list, 1)), ==, "Port authority: all ferries are cancelled for the night");
  g_assert_cmpuint (news.emissions, ==, 2);
  g_assert_cmpuint (news.last->len, ==, 1);
  g_assert_true (g_ptr_array_index (news.last, 0) == item (list, 1));

  fixture_server_clear_overrides (server);
  g_clear_pointer (&news.last, g_ptr_array_unref);
}

static void
test_breaking_seen_restored (void)
{
  g_autoptr(BulletinClient) client = test_utils_new_client ();
  g_autoptr(BulletinEdition) edition = feed_edition ();
  g_autoptr(BulletinBreaking) first = bulletin_breaking_new (client, edition);
  g_autoptr(BulletinBreaking) second = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) seen = NULL;
  NewItems news = { 0 };

  fixture_server_clear_overrides (server);
  g_assert_true (poll_run (first, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (first)), ==, 2);
  g_assert_cmpstr (bulletin_article_get_id (item (G_LIST_MODEL (first), 0)), ==, "breaking-1");

  /* The UI keeps the seen set in GSettings; a new run announces nothing old. */
  g_object_get (first, "seen", &seen, NULL);
  g_assert_true (g_strv_contains ((const char * const *) seen, "id:breaking-1"));
  second = g_object_new (BULLETIN_TYPE_BREAKING, "client", client, "edition", edition,
                         "seen", seen, "interval", 300, NULL);
  g_assert_cmpuint (bulletin_breaking_get_interval (second), ==, 300);
  g_signal_connect (second, "new-items", G_CALLBACK (new_items_cb), &news);
  g_assert_true (poll_run (second, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (second)), ==, 2);
  g_assert_cmpuint (news.emissions, ==, 0);
}

static void
count_cb (guint *count)
{
  (*count)++;
}

static void
test_breaking_failure (void)
{
  g_autoptr(BulletinClient) client = test_utils_new_client ();
  g_autoptr(BulletinEdition) edition = fixture_server_load_edition (server, "edition.json");
  g_autoptr(BulletinBreaking) breaking = bulletin_breaking_new (client, edition);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) property = NULL;
  GListModel *list = G_LIST_MODEL (breaking);
  BulletinArticle *first;
  guint changes = 0;

  fixture_server_clear_overrides (server);
  bulletin_breaking_set_interval (breaking, 60);
  g_assert_cmpuint (bulletin_breaking_get_next_delay (breaking), ==, 60);
  g_assert_true (poll_run (breaking, &error));
  first = item (list, 0);
  g_signal_connect_swapped (breaking, "items-changed", G_CALLBACK (count_cb), &changes);

  fixture_server_set_alias (server, "/outlet/breaking.html", "/fault/500");
  g_assert_false (poll_run (breaking, &error));
  g_assert_error (error, BULLETIN_ERROR, BULLETIN_ERROR_SERVER);
  g_clear_error (&error);
  g_object_get (breaking, "error", &property, NULL);
  g_assert_error (property, BULLETIN_ERROR, BULLETIN_ERROR_SERVER);

  /* The last items stay. */
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 3);
  g_assert_true (item (list, 0) == first);

  /* Backing off: doubling, up to 30 minutes. */
  g_assert_cmpuint (bulletin_breaking_get_next_delay (breaking), ==, 120);
  g_assert_false (poll_run (breaking, &error));
  g_clear_error (&error);
  g_assert_cmpuint (bulletin_breaking_get_next_delay (breaking), ==, 240);
  for (guint i = 0; i < 6; i++)
    {
      g_assert_false (poll_run (breaking, &error));
      g_clear_error (&error);
    }
  g_assert_cmpuint (bulletin_breaking_get_next_delay (breaking), ==, BULLETIN_BREAKING_MAX_BACKOFF);

  /* A page with no strip is not a breaking source. */
  fixture_server_set_alias (server, "/outlet/breaking.html", "/outlet/news/economy.html");
  g_assert_false (poll_run (breaking, &error));
  g_assert_error (error, BULLETIN_ERROR, BULLETIN_ERROR_NOT_A_PAGE);
  g_clear_error (&error);

  fixture_server_clear_overrides (server);
  g_assert_true (poll_run (breaking, &error));
  g_assert_null (bulletin_breaking_get_error (breaking));
  g_assert_cmpuint (bulletin_breaking_get_next_delay (breaking), ==, 60);
  g_assert_cmpuint (changes, ==, 0);
}

typedef struct
{
  const char *html;
  int         n;            /* -1: an error */
  const char *first_title;
  const char *first_url;
} PageCase;

static const PageCase page_cases[] = {
  { "<p>no strip here</p>", -1, NULL, NULL },
  { "<div class=\"Breaking-News\"></div>", 0, NULL, NULL },
  { "<div class=\"breaking\"><span>BREAKING</span><ul><li>Short</li><li>A longer item of breaking news</li></ul></div>",
    1, "A longer item of breaking news", NULL },
  { "<section id=\"breaking\"><a href=\"/news/x\">  Spaced   out\n item  text </a><a href=\"javascript:alert(1)\">A link that must not be kept</a></section>",
    2, "Spaced out item text", "https://example.org/news/x" },
  { "<div class=\"breaking\"><p>Same text twice here</p><p>Same text twice here</p></div>", 1, "Same text twice here", NULL },
  { "<div class=\"breaking\"><ul><li><b>Nested</b> <i>markup &amp; entities</i></li></ul></div>", 1, "Nested markup & entities", NULL },
  { "<div class=\"breaking\"><ul><li><script>alert(1)</script>Script text is text here</li></ul></div>", 1, NULL, NULL },
  { "<meta charset=\"utf-8\"><div class=breaking><li>Broken bytes \xc3\x28 item</li></div>", 1, NULL, NULL },
  { "\xff\xfe<\x00p\x00>\x00", -1, NULL, NULL },
};

static void
test_breaking_parse_page (gconstpointer data)
{
  const PageCase *test = data;
  g_autoptr(GBytes) bytes = g_bytes_new_static (test->html, strlen (test->html));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = bulletin_breaking_parse_page (bytes, "https://example.org/", &error);

  if (test->n < 0)
    {
      g_assert_null (items);
      g_assert_error (error, BULLETIN_ERROR, BULLETIN_ERROR_NOT_A_PAGE);
      return;
    }

  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, test->n);
  for (guint i = 0; i < items->len; i++)
    g_assert_true (g_utf8_validate (bulletin_article_get_title (g_ptr_array_index (items, i)), -1, NULL));
  if (test->first_title != NULL)
    g_assert_cmpstr (bulletin_article_get_title (g_ptr_array_index (items, 0)), ==, test->first_title);
  if (items->len > 0)
    g_assert_cmpstr (bulletin_article_get_url (g_ptr_array_index (items, 0)), ==, test->first_url);
  if (items->len > 1)
    g_assert_null (bulletin_article_get_url (g_ptr_array_index (items, 1)));
}

static void
test_breaking_keys (void)
{
  g_autoptr(BulletinArticle) a = bulletin_article_new ();
  g_autoptr(BulletinArticle) b = bulletin_article_new ();
  g_autofree char *ka = NULL;
  g_autofree char *kb = NULL;
  g_autofree char *kid = NULL;
  g_autofree char *kurl = NULL;

  bulletin_article_set_title (a, "Storm on the coast");
  bulletin_article_set_title (b, "STORM ON THE COAST");
  ka = bulletin_breaking_item_key (a);
  kb = bulletin_breaking_item_key (b);
  g_assert_cmpstr (ka, ==, kb);
  g_assert_true (g_str_has_prefix (ka, "text:"));

  bulletin_article_set_url (a, "https://example.org/a");
  kurl = bulletin_breaking_item_key (a);
  g_assert_cmpstr (kurl, ==, "url:https://example.org/a");
  bulletin_article_set_id (a, "42");
  kid = bulletin_breaking_item_key (a);
  g_assert_cmpstr (kid, ==, "id:42");
}

static void
test_breaking_seen_bounded (void)
{
  g_autoptr(BulletinClient) client = test_utils_new_client ();
  g_autoptr(BulletinEdition) edition = feed_edition ();
  g_autoptr(BulletinBreaking) breaking = bulletin_breaking_new (client, edition);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) many = NULL;
  g_auto(GStrv) kept = NULL;

  for (guint i = 0; i < BULLETIN_BREAKING_MAX_SEEN + 50; i++)
    {
      g_autofree char *key = g_strdup_printf ("id:%u", i);

      g_strv_builder_add (builder, key);
    }
  many = g_strv_builder_end (builder);
  bulletin_breaking_set_seen (breaking, (const char * const *) many);
  kept = bulletin_breaking_dup_seen (breaking);
  g_assert_cmpuint (g_strv_length (kept), ==, BULLETIN_BREAKING_MAX_SEEN);
  g_assert_cmpstr (kept[0], ==, "id:50");
}

static void
test_breaking_timer (void)
{
  g_autoptr(BulletinClient) client = test_utils_new_client ();
  g_autoptr(BulletinEdition) edition = fixture_server_load_edition (server, "edition.json");
  g_autoptr(BulletinBreaking) breaking = bulletin_breaking_new (client, edition);
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  if (!g_network_monitor_get_network_available (g_network_monitor_get_default ()))
    {
      g_test_skip ("The network monitor says there is no network: polls wait for it");
      return;
    }

  fixture_server_clear_overrides (server);
  fixture_server_reset_counts (server);
  bulletin_breaking_set_interval (breaking, 1);
  bulletin_breaking_start (breaking);
  g_assert_true (bulletin_breaking_is_running (breaking));

  /* It polls at once, then again on its own. */
  while (fixture_server_get_requests (server, "/outlet/breaking.html") < 2 &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (fixture_server_get_requests (server, "/outlet/breaking.html"), >=, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (breaking)), ==, 3);

  bulletin_breaking_stop (breaking);
  g_assert_false (bulletin_breaking_is_running (breaking));
}

static void
test_breaking_none (void)
{
  g_autoptr(BulletinClient) client = test_utils_new_client ();
  const char *json = "{\"format\": 1, \"id\": \"quiet\", \"name\": \"Q\", \"language\": \"en\", \"direction\": \"ltr\","
                     " \"home\": \"https://example.org/\", \"groups\": [{\"id\": \"a\", \"title\": \"A\", "
                     "\"sources\": [{\"type\": \"feed\", \"url\": \"https://example.org/rss\"}]}]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(BulletinEdition) edition = bulletin_edition_new_from_bytes (bytes, NULL, NULL);
  g_autoptr(BulletinBreaking) breaking = bulletin_breaking_new (client, edition);
  g_autoptr(GError) error = NULL;

  g_assert_false (poll_run (breaking, &error));
  g_assert_error (error, BULLETIN_ERROR, BULLETIN_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  test_utils_init (&argc, &argv);

  server = fixture_server_new ();

  g_test_add_func ("/breaking/page", test_breaking_page);
  g_test_add_func ("/breaking/changes", test_breaking_changes);
  g_test_add_func ("/breaking/seen-restored", test_breaking_seen_restored);
  g_test_add_func ("/breaking/seen-bounded", test_breaking_seen_bounded);
  g_test_add_func ("/breaking/failure", test_breaking_failure);
  g_test_add_func ("/breaking/keys", test_breaking_keys);
  g_test_add_func ("/breaking/none", test_breaking_none);
  g_test_add_func ("/breaking/timer", test_breaking_timer);
  for (guint i = 0; i < G_N_ELEMENTS (page_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/breaking/parse-page/%u", i);

      g_test_add_data_func (path, &page_cases[i], test_breaking_parse_page);
    }

  status = g_test_run ();
  fixture_server_free (server);

  return status;
}
