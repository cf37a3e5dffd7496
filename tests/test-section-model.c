/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-section-model"

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>

#include "bulletin-article.h"
#include "bulletin-client.h"
#include "bulletin-edition.h"
#include "bulletin-error.h"
#include "bulletin-section-model.h"
#include "fixture-server.h"
#include "test-utils.h"

static FixtureServer *server;

static gboolean
refresh_run (BulletinSectionModel  *model,
             GError               **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  bulletin_section_model_refresh_async (model, NULL, test_utils_result_cb, &result);
  g_assert_true (bulletin_section_model_get_loading (model));
  test_utils_wait (&result);
  g_assert_false (bulletin_section_model_get_loading (model));

  return bulletin_section_model_refresh_finish (model, result, error);
}

static BulletinArticle *
item (GListModel *model,
      guint       i)
{
  g_autoptr(BulletinArticle) article = g_list_model_get_item (model, i);

  /* the model keeps its reference */
  return article;
}

static guint changes;
static guint last_position, last_removed, last_added;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added)
{
  changes++;
  last_position = position;
  last_removed = removed;
  last_added = added;
}

static void
test_section_model_feed (void)
{
  g_autoptr(BulletinClient) client = test_utils_new_client ();
  g_autoptr(BulletinEdition) edition = fixture_server_load_edition (server, "edition.json");
  g_autoptr(BulletinSectionModel) model = bulletin_section_model_new (client, edition, "politics");
  g_autoptr(GError) error = NULL;
  GListModel *list = G_LIST_MODEL (model);
  BulletinArticle *first;
  BulletinArticle *objects[3];

  fixture_server_reset_counts (server);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
  g_assert_false (bulletin_section_model_get_stale (model));
  g_assert_cmpstr (bulletin_section_get_id (bulletin_section_model_get_section (model)), ==, "politics");
  g_assert_true (g_list_model_get_item_type (list) == BULLETIN_TYPE_ARTICLE);

  g_assert_true (refresh_run (model, &error));
  g_assert_no_error (error);
  g_assert_null (bulletin_section_model_get_error (model));
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 3);
  g_assert_cmpuint (bulletin_section_model_get_parse_count (model), ==, 1);

  /* Newest first, from the feed, told their section. */
  first = item (list, 0);
  g_assert_cmpstr (bulletin_article_get_title (first), ==, "Harbour council approves a night ferry to the islands");
  g_assert_cmpstr (bulletin_article_get_title (item (list, 1)), ==, "Two provinces agree to share one weather service");
  g_assert_cmpstr (bulletin_article_get_title (item (list, 2)), ==, "Assembly extends its summer session by a week");
  g_assert_cmpstr (bulletin_article_get_section (first), ==, "politics");
  g_assert_cmpstr (bulletin_article_get_section_title (first), ==, "Politics");
  g_assert_cmpstr (bulletin_article_get_language (first), ==, "en");
  g_assert_true (bulletin_section_model_lookup (model, bulletin_article_get_url (first)) == first);
  g_assert_cmpuint (fixture_server_get_requests (server, "/outlet/politics.xml"), ==, 1);
  g_assert_cmpuint (fixture_server_get_requests (server, "/outlet/news/politics.html"), ==, 0);

  for (guint i = 0; i < 3; i++)
    objects[i] = item (list, i);
  bulletin_article_set_read (first, TRUE);

  /* Unchanged: a 304, nothing parsed, nothing changed, same objects. */
  changes = 0;
  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), NULL);
  g_assert_true (refresh_run (model, &error));
  g_assert_cmpuint (fixture_server_get_requests (server, "/outlet/politics.xml"), ==, 2);
  g_assert_cmpuint (fixture_server_get_not_modified (server, "/outlet/politics.xml"), ==, 1);
  g_assert_cmpuint (bulletin_section_model_get_parse_count (model), ==, 1);
  g_assert_cmpuint (changes, ==, 0);
  for (guint i = 0; i < 3; i++)
    g_assert_true (item (list, i) == objects[i]);
  g_assert_true (bulletin_article_get_read (first));
}

static void
test_section_model_merge (void)
{
  g_autoptr(BulletinClient) client = test_utils_new_client ();
  g_autoptr(BulletinEdition) edition = fixture_server_load_edition (server, "edition.json");
  g_autoptr(BulletinSectionModel) model = bulletin_section_model_new (client, edition, "politics");
  g_autoptr(GError) error = NULL;
  g_autofree char *feed = fixture_read_data ("politics.xml", NULL);
  g_autofree char *changed = NULL;
  GListModel *list = G_LIST_MODEL (model);
  BulletinArticle *harbour;
  BulletinArticle *assembly;
  const char *new_item =
    "<item><title>A new bridge opens before dawn</title>"
    "<link>@BASE@/outlet/news/politics/a-new-bridge-opens?utm_source=feed</link>"
    "<guid isPermaLink=\"false\">fixture-1010</guid>"
    "<pubDate>Tue, 20 Jun 2023 05:00:00 +0000</pubDate></item>\n"
    "    <item>";

  fixture_server_clear_overrides (server);
  g_assert_true (refresh_run (model, &error));
  harbour = item (list, 0);
  assembly = item (list, 2);
  bulletin_article_set_read (harbour, TRUE);

  /* The feed changes: a new item on top, a headline corrected, one item
   * with a tracking parameter that is the same article as before.
   */
  changed = g_strdup (feed);
  {
    g_autoptr(GString) text = g_string_new (changed);

    g_string_replace (text, "<item>", new_item, 1);
    g_string_replace (text, "Assembly extends its summer session by a week",
                      "Assembly extends its summer session by ten days", 1);
    g_string_replace (text, "/assembly-extends-its-summer-session</link>",
                      "/assembly-extends-its-summer-session?utm_campaign=x#top</link>", 1);
    g_free (changed);
    changed = g_string_free (g_steal_pointer (&text), FALSE);
  }
  fixture_server_set_content (server, "/outlet/politics.xml", "application/rss+xml", changed, -1);

  changes = 0;
  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), NULL);
  g_assert_true (refresh_run (model, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (bulletin_section_model_get_parse_count (model), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 4);

  /* Only the new item is announced, at the top: a selection survives. */
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpuint (last_position, ==, 0);
  g_assert_cmpuint (last_removed, ==, 0);
  g_assert_cmpuint (last_added, ==, 1);

  g_assert_cmpstr (bulletin_article_get_title (item (list, 0)), ==, "A new bridge opens before dawn");
  g_assert_true (item (list, 1) == harbour);
  g_assert_true (bulletin_article_get_read (harbour));
  g_assert_true (item (list, 3) == assembly);
  g_assert_cmpstr (bulletin_article_get_title (assembly), ==, "Assembly extends its summer session by ten days");

  fixture_server_clear_overrides (server);
}

static void
test_section_model_fallback (void)
{
  g_autoptr(BulletinClient) client = test_utils_new_client ();
  g_autoptr(BulletinEdition) edition = fixture_server_load_edition (server, "edition.json");
  g_autoptr(BulletinSectionModel) sports = bulletin_section_model_new (client, edition, "sports");
  g_autoptr(BulletinSectionModel) economy = bulletin_section_model_new (client, edition, "economy");
  g_autoptr(GError) error = NULL;
  BulletinArticle *article;

  /* The feed is missing: the section page is read instead. */
  g_assert_true (refresh_run (sports, &error));
  g_assert_no_error (error);
  g_assert_null (bulletin_section_model_get_error (sports));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (sports)), ==, 2);
  article = item (G_LIST_MODEL (sports), 0);
  g_assert_cmpstr (bulletin_article_get_section (article), ==, "sports");
  g_assert_true (g_str_has_suffix (bulletin_article_get_url (article), "/outlet/news/politics/harbour-council-approves-a-night-ferry"));

  g_assert_true (refresh_run (economy, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (economy)), ==, 3);
  article = item (G_LIST_MODEL (economy), 0);
  g_assert_cmpstr (bulletin_article_get_title (article), ==, "Grain prices settle after a wet spring in the valley");
  g_assert_nonnull (bulletin_article_get_image (article));
}

typedef struct
{
  const char *target;
  int         code;
} FaultCase;

static const FaultCase fault_cases[] = {
  { "/fault/403", BULLETIN_ERROR_BLOCKED },
  { "/fault/404", BULLETIN_ERROR_NOT_FOUND },
  { "/fault/500", BULLETIN_ERROR_SERVER },
  { "/fault/stall", BULLETIN_ERROR_TIMED_OUT },
  { "/raw/truncated", BULLETIN_ERROR_SERVER },
  { "/fault/huge", BULLETIN_ERROR_TOO_LARGE },
  { "/fault/gzip-bomb", BULLETIN_ERROR_TOO_LARGE },
  { "/fault/loop-a", BULLETIN_ERROR_REDIRECT },
  { "/fault/to-file", BULLETIN_ERROR_REDIRECT },
  { "/fault/image", BULLETIN_ERROR_NOT_A_FEED },
  { "/fault/not-a-feed", BULLETIN_ERROR_NOT_A_FEED },
  { "/fault/410", BULLETIN_ERROR_NOT_FOUND },
  { "/fault/429-retry", BULLETIN_ERROR_BLOCKED },
  { "/fault/503-retry", BULLETIN_ERROR_SERVER },
  { "/fault/trickle", BULLETIN_ERROR_TIMED_OUT },
  { "/raw/drip", BULLETIN_ERROR_TIMED_OUT },
  { "/raw/stall", BULLETIN_ERROR_TIMED_OUT },
  { "/raw/mid-header", BULLETIN_ERROR_SERVER },
  { "/raw/huge-header", BULLETIN_ERROR_SERVER },
  { "/raw/many-headers", BULLETIN_ERROR_SERVER },
  { "/fault/huge-chunked", BULLETIN_ERROR_TOO_LARGE },
  { "/raw/endless-chunked", BULLETIN_ERROR_TOO_LARGE },
  { "/raw/endless-gzip", BULLETIN_ERROR_TOO_LARGE },
  { "/fault/corrupt-gzip", BULLETIN_ERROR_SERVER },
  { "/fault/truncated-gzip", BULLETIN_ERROR_SERVER },
  { "/fault/empty-feed", BULLETIN_ERROR_NOT_A_FEED },
  { "/fault/to-nowhere", BULLETIN_ERROR_REDIRECT },
  { "/fault/chain/0", BULLETIN_ERROR_REDIRECT },
};

static BulletinEdition *
probe_edition (void)
{
  g_autofree char *json = g_strdup_printf (
    "{\"format\": 1, \"id\": \"probe\", \"name\": \"Probe\", \"language\": \"en\", \"direction\": \"ltr\","
    " \"home\": \"%s/outlet/\", \"groups\": [{\"id\": \"news\", \"title\": \"News\", \"sections\": ["
    " {\"id\": \"probe\", \"title\": \"Probe\", \"sources\": [{\"type\": \"feed\", \"url\": \"%s/outlet/probe.xml\"}]}]}]}",
    fixture_server_get_base (server), fixture_server_get_base (server));
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
  g_autoptr(GError) error = NULL;
  BulletinEdition *edition = bulletin_edition_new_from_bytes (bytes, NULL, &error);

  g_assert_no_error (error);
  return edition;
}

/* A section that had articles keeps them, the same objects, through a
 * refresh that fails with @code, shows the error, and clears it on the
 * next success.
 */
static void
run_fault (BulletinClient *client,
           const char     *target,
           int             code)
{
  g_autoptr(BulletinEdition) edition = probe_edition ();
  g_autoptr(BulletinSectionModel) model = bulletin_section_model_new (client, edition, "probe");
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) property = NULL;
  GListModel *list = G_LIST_MODEL (model);
  BulletinArticle *objects[3];

  fixture_server_clear_overrides (server);
  fixture_server_set_alias (server, "/outlet/probe.xml", "/outlet/politics.xml");
  g_assert_true (refresh_run (model, &error));
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 3);
  for (guint i = 0; i < 3; i++)
    objects[i] = item (list, i);

  fixture_server_set_alias (server, "/outlet/probe.xml", target);
  changes = 0;
  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), NULL);
  g_assert_false (refresh_run (model, &error));
  g_assert_error (error, BULLETIN_ERROR, code);
  g_test_message ("%s: %s", target, error->message);

  /* The error is shown, and what was there stays. */
  g_object_get (model, "error", &property, NULL);
  g_assert_error (property, BULLETIN_ERROR, code);
  g_assert_cmpuint (changes, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_true (item (list, i) == objects[i]);

  /* And the next success clears it. */
  g_clear_error (&error);
  fixture_server_set_alias (server, "/outlet/probe.xml", "/outlet/politics.xml");
  bulletin_client_forget_retry_after (client);
  g_assert_true (refresh_run (model, &error));
  g_assert_null (bulletin_section_model_get_error (model));
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 3);

  fixture_server_clear_overrides (server);
}

static void
test_section_model_fault (gconstpointer data)
{
  const FaultCase *test = data;
  g_autoptr(BulletinClient) client = test_utils_new_client ();

  run_fault (client, test->target, test->code);
}

/* The feed moved to an https server whose certificate is self-signed */
static void
test_section_model_fault_tls (void)
{
  g_autoptr(BulletinClient) client = test_utils_new_client ();
  g_autofree char *cert_path = g_build_filename (TEST_DATA_DIR, "tls", "cert.pem", NULL);
  g_autofree char *key_path = g_build_filename (TEST_DATA_DIR, "tls", "key.pem", NULL);
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(SoupServer) tls_server = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;
  GSList *uris;

  certificate = g_tls_certificate_new_from_files (cert_path, key_path, &error);
  if (certificate == NULL)
    {
      g_test_skip (error->message);
      return;
    }
  tls_server = soup_server_new ("tls-certificate", certificate, NULL);
  if (!soup_server_listen_local (tls_server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY | SOUP_SERVER_LISTEN_HTTPS, &error))
    {
      g_test_skip (error->message);
      return;
    }
  uris = soup_server_get_uris (tls_server);
  uri = g_strdup_printf ("https://127.0.0.1:%d/probe.xml", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  /* time for a handshake under AddressSanitizer, as in test-client */
  bulletin_client_set_timeout (client, 60);
  run_fault (client, uri, BULLETIN_ERROR_TLS);

  soup_server_disconnect (tls_server);
}

static void
test_section_model_bad_charset (void)
{
  g_autoptr(BulletinClient) client = test_utils_new_client ();
  g_autoptr(BulletinEdition) edition = probe_edition ();
  g_autoptr(BulletinSectionModel) model = bulletin_section_model_new (client, edition, "probe");
  g_autoptr(GError) error = NULL;
  GListModel *list = G_LIST_MODEL (model);
  guint n;

  fixture_server_set_alias (server, "/outlet/probe.xml", "/fault/latin1-feed");
  if (!refresh_run (model, &error))
    {
      /* Refusing the feed is acceptable; crashing or showing bad text is not. */
      g_assert_error (error, BULLETIN_ERROR, BULLETIN_ERROR_NOT_A_FEED);
      g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
    }
  else
    {
      n = g_list_model_get_n_items (list);
      g_assert_cmpuint (n, >=, 1);
      for (guint i = 0; i < n; i++)
        {
          const char *title = bulletin_article_get_title (item (list, i));

          g_test_message ("%s", title);
          g_assert_nonnull (title);
          g_assert_true (g_utf8_validate (title, -1, NULL));
        }
    }

  fixture_server_clear_overrides (server);
}

static void
test_section_model_latest (void)
{
  g_autoptr(BulletinClient) client = test_utils_new_client ();
  g_autoptr(BulletinEdition) edition = fixture_server_load_edition (server, "edition.json");
  g_autoptr(BulletinSectionModel) model = bulletin_section_model_new (client, edition, "latest");
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) urls = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *list = G_LIST_MODEL (model);
  BulletinArticle *library = NULL;
  guint n;
  gint64 previous = G_MAXINT64;

  fixture_server_clear_overrides (server);
  /* health's only source is refused; the rest answer */
  g_assert_true (refresh_run (model, &error));
  g_assert_no_error (error);
  g_assert_null (bulletin_section_model_get_error (model));
  g_assert_cmpint (bulletin_section_get_kind (bulletin_section_model_get_section (model)), ==, BULLETIN_SECTION_KIND_LATEST);

  n = g_list_model_get_n_items (list);
  /* rss 4 + politics 2 more + economy page 2 more + politics page 1 more
   * + infographs 1 + europe 1 more = 11 distinct articles */
  g_assert_cmpuint (n, ==, 11);

  for (guint i = 0; i < n; i++)
    {
      BulletinArticle *article = item (list, i);
      gint64 time = bulletin_article_get_sort_time (article);

      g_assert_true (g_hash_table_add (urls, (gpointer) bulletin_article_get_url (article)));
      if (time != 0)
        {
          g_assert_cmpint (time, <=, previous);
          previous = time;
        }
      if (g_str_has_suffix (bulletin_article_get_url (article), "mountain-towns-open-a-shared-library"))
        library = article;
    }

  /* Its feed categories said health and europe. */
  g_assert_nonnull (library);
  g_assert_cmpstr (bulletin_article_get_section (library), ==, "health");
  g_assert_cmpstr (bulletin_article_get_region (library), ==, "europe");
}

static gboolean
has_items (gpointer user_data)
{
  return g_list_model_get_n_items (user_data) > 0;
}

/* A "latest" model with an empty list, as at a cold start: not the
 * headlines another test kept */
static BulletinSectionModel *
new_cold_latest (BulletinClient  *client,
                 BulletinEdition *edition)
{
  g_autofree char *kept = g_build_filename (g_get_user_cache_dir (), "bulletin", "headlines",
                                            "fixture", "latest.json", NULL);
  BulletinSectionModel *model;

  g_unlink (kept);
  model = bulletin_section_model_new (client, edition, "latest");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);

  return model;
}

/* Held, a "latest" refresh reads the edition's own latest feed and shows
 * it, and reads no section's feed until released; the refresh ends after
 * them. */
static void
test_section_model_hold_others (void)
{
  g_autoptr(BulletinClient) client = test_utils_new_client ();
  g_autoptr(BulletinEdition) edition = fixture_server_load_edition (server, "edition.json");
  g_autoptr(BulletinSectionModel) model = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *list;
  gint64 until;

  model = new_cold_latest (client, edition);
  list = G_LIST_MODEL (model);

  fixture_server_clear_overrides (server);
  fixture_server_reset_counts (server);
  bulletin_section_model_hold_others (model);
  bulletin_section_model_hold_others (model);
  bulletin_section_model_refresh_async (model, NULL, test_utils_result_cb, &result);

  for (guint i = 0; i < 5000 && !has_items (list); i++)
    g_main_context_iteration (NULL, FALSE), g_usleep (1000);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 4);

  /* Unheld, the sections' chains started as the first was merged: give
   * them the time they would take */
  until = g_get_monotonic_time () + 300 * G_TIME_SPAN_MILLISECOND;
  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE), g_usleep (1000);
  g_assert_null (result);
  g_assert_true (bulletin_section_model_get_loading (model));
  g_assert_cmpuint (bulletin_section_model_get_parse_count (model), ==, 1);
  g_assert_cmpuint (fixture_server_get_requests (server, "/outlet/politics.xml"), ==, 0);
  g_assert_cmpuint (fixture_server_get_requests (server, "/outlet/news/economy.html"), ==, 0);

  /* Holds nest */
  bulletin_section_model_release_others (model);
  until = g_get_monotonic_time () + 100 * G_TIME_SPAN_MILLISECOND;
  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE), g_usleep (1000);
  g_assert_null (result);
  g_assert_cmpuint (bulletin_section_model_get_parse_count (model), ==, 1);

  bulletin_section_model_release_others (model);
  g_assert_true (bulletin_section_model_refresh_finish (model, test_utils_wait (&result), &error));
  g_assert_no_error (error);
  g_assert_false (bulletin_section_model_get_loading (model));
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 11);
  g_assert_cmpuint (fixture_server_get_requests (server, "/outlet/politics.xml"), ==, 1);

  /* Released, a refresh runs every chain as before */
  g_clear_object (&result);
  g_assert_true (refresh_run (model, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 11);
  g_assert_cmpuint (fixture_server_get_requests (server, "/outlet/politics.xml"), ==, 2);
}

/* A hold keeps the other feeds back for the window to draw the first
 * headlines: when the section's own feed gives none, nothing is drawn,
 * and the refresh goes on without waiting for a release. */
static void
test_section_model_hold_others_nothing_to_show (void)
{
  g_autoptr(BulletinClient) client = test_utils_new_client ();
  g_autoptr(BulletinEdition) edition = fixture_server_load_edition (server, "edition.json");
  g_autoptr(BulletinSectionModel) model = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 until;

  model = new_cold_latest (client, edition);

  fixture_server_clear_overrides (server);
  fixture_server_reset_counts (server);
  fixture_server_set_status (server, "/outlet/rss.xml", SOUP_STATUS_INTERNAL_SERVER_ERROR);
  bulletin_section_model_hold_others (model);
  bulletin_section_model_refresh_async (model, NULL, test_utils_result_cb, &result);

  /* ends, held, with the other sections' headlines */
  until = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;
  while (result == NULL && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE), g_usleep (1000);
  g_assert_nonnull (result);
  g_assert_true (bulletin_section_model_refresh_finish (model, result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture_server_get_requests (server, "/outlet/politics.xml"), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), >, 0);

  bulletin_section_model_release_others (model);
  fixture_server_clear_overrides (server);
}

static void
wait_for_file (const char *path)
{
  for (guint i = 0; i < 1000 && !g_file_test (path, G_FILE_TEST_EXISTS); i++)
    g_main_context_iteration (NULL, FALSE), g_usleep (1000);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_section_model_offline_start (void)
{
  g_autoptr(BulletinClient) client = test_utils_new_client ();
  g_autoptr(BulletinEdition) edition = fixture_server_load_edition (server, "edition.json");
  g_autoptr(BulletinSectionModel) first = bulletin_section_model_new (client, edition, "economy");
  g_autoptr(BulletinSectionModel) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *cache = g_build_filename (g_get_user_cache_dir (), "bulletin", "headlines",
                                             "fixture", "economy.json", NULL);

  fixture_server_clear_overrides (server);
  g_assert_true (refresh_run (first, &error));
  wait_for_file (cache);

  /* A later start with the site down shows the kept headlines, stale. */
  fixture_server_set_alias (server, "/outlet/news/economy.html", "/fault/500");
  second = bulletin_section_model_new (client, edition, "economy");
  g_assert_true (bulletin_section_model_get_stale (second));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (second)), ==, 3);
  g_assert_cmpstr (bulletin_article_get_title (item (G_LIST_MODEL (second), 0)), ==,
                   "Grain prices settle after a wet spring in the valley");
  g_assert_cmpstr (bulletin_article_get_section (item (G_LIST_MODEL (second), 0)), ==, "economy");

  g_assert_false (refresh_run (second, &error));
  g_assert_error (error, BULLETIN_ERROR, BULLETIN_ERROR_SERVER);
  g_clear_error (&error);
  g_assert_true (bulletin_section_model_get_stale (second));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (second)), ==, 3);

  fixture_server_clear_overrides (server);
  g_assert_true (refresh_run (second, &error));
  g_assert_false (bulletin_section_model_get_stale (second));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (second)), ==, 3);
}

static void
test_section_model_unknown (void)
{
  g_autoptr(BulletinClient) client = test_utils_new_client ();
  g_autoptr(BulletinEdition) edition = fixture_server_load_edition (server, "edition.json");
  g_autoptr(BulletinSectionModel) model = bulletin_section_model_new (client, edition, "no-such-section");
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  g_assert_null (bulletin_section_model_get_section (model));
  g_assert_error ((GError *) bulletin_section_model_get_error (model), BULLETIN_ERROR, BULLETIN_ERROR_NOT_FOUND);

  bulletin_section_model_refresh_async (model, NULL, test_utils_result_cb, &result);
  g_assert_false (bulletin_section_model_refresh_finish (model, test_utils_wait (&result), &error));
  g_assert_error (error, BULLETIN_ERROR, BULLETIN_ERROR_NOT_FOUND);
}

static void
test_section_model_concurrent (void)
{
  g_autoptr(BulletinClient) client = test_utils_new_client ();
  g_autoptr(BulletinEdition) edition = fixture_server_load_edition (server, "edition.json");
  g_autoptr(BulletinSectionModel) model = bulletin_section_model_new (client, edition, "europe");
  g_autoptr(GAsyncResult) a = NULL;
  g_autoptr(GAsyncResult) b = NULL;

  fixture_server_clear_overrides (server);
  fixture_server_reset_counts (server);
  bulletin_section_model_refresh_async (model, NULL, test_utils_result_cb, &a);
  bulletin_section_model_refresh_async (model, NULL, test_utils_result_cb, &b);
  test_utils_wait (&a);
  test_utils_wait (&b);

  g_assert_true (bulletin_section_model_refresh_finish (model, a, NULL));
  g_assert_true (bulletin_section_model_refresh_finish (model, b, NULL));
  g_assert_cmpuint (fixture_server_get_requests (server, "/outlet/europe.xml"), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 2);
  g_assert_cmpstr (bulletin_article_get_region (item (G_LIST_MODEL (model), 0)), ==, "europe");
}

static void
test_section_model_cancel (void)
{
  g_autoptr(BulletinClient) client = test_utils_new_client ();
  g_autoptr(BulletinEdition) edition = probe_edition ();
  g_autoptr(BulletinSectionModel) model = bulletin_section_model_new (client, edition, "probe");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  fixture_server_set_alias (server, "/outlet/probe.xml", "/fault/stall");
  bulletin_client_set_timeout (client, 60);
  bulletin_section_model_refresh_async (model, cancellable, test_utils_result_cb, &result);
  g_cancellable_cancel (cancellable);

  g_assert_false (bulletin_section_model_refresh_finish (model, test_utils_wait (&result), &error));
  g_assert_error (error, BULLETIN_ERROR, BULLETIN_ERROR_CANCELLED);
  /* cancelling is not a failure to show */
  g_assert_null (bulletin_section_model_get_error (model));
  fixture_server_clear_overrides (server);
}

/* A local source is read and parsed in one worker step: the same
 * fallback, unchanged-bytes detection, caps and cancellation as a fetched one.
 */
static void
test_section_model_local (void)
{
  g_autoptr(BulletinClient) client = test_utils_new_client ();
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "local-edition", NULL);
  g_autofree char *path = g_build_filename (dir, "politics.xml", NULL);
  g_autofree char *uri = NULL;
  g_autofree char *json = NULL;
  g_autofree char *feed = fixture_read_data ("politics.xml", NULL);
  g_auto(GStrv) parts = g_strsplit (feed, "@BASE@", -1);
  g_autofree char *expanded = g_strjoinv (fixture_server_get_base (server), parts);
  g_autofree char *changed = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(BulletinEdition) edition = NULL;
  g_autoptr(BulletinSectionModel) model = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *list;
  BulletinArticle *objects[3];

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, expanded, -1, NULL));
  uri = g_filename_to_uri (path, NULL, NULL);

  /* The first source is missing: the chain falls back to the next. */
  json = g_strdup_printf (
    "{\"format\": 1, \"id\": \"local\", \"name\": \"Local\", \"language\": \"en\", \"direction\": \"ltr\","
    " \"home\": \"%s/outlet/\", \"groups\": [{\"id\": \"news\", \"title\": \"News\", \"sections\": ["
    " {\"id\": \"politics\", \"title\": \"Politics\", \"sources\": ["
    "{\"type\": \"feed\", \"url\": \"%s.missing\"}, {\"type\": \"feed\", \"url\": \"%s\"}]}]}]}",
    fixture_server_get_base (server), uri, uri);
  bytes = g_bytes_new (json, strlen (json));
  edition = bulletin_edition_new_from_bytes (bytes, NULL, &error);
  g_assert_no_error (error);
  model = bulletin_section_model_new (client, edition, "politics");
  list = G_LIST_MODEL (model);

  g_assert_true (refresh_run (model, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 3);
  g_assert_cmpuint (bulletin_section_model_get_parse_count (model), ==, 1);
  g_assert_cmpstr (bulletin_article_get_title (item (list, 0)), ==, "Harbour council approves a night ferry to the islands");
  g_assert_cmpstr (bulletin_article_get_section (item (list, 0)), ==, "politics");
  for (guint i = 0; i < 3; i++)
    objects[i] = item (list, i);

  /* The same bytes: not parsed again, the same objects. */
  changes = 0;
  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), NULL);
  g_assert_true (refresh_run (model, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (bulletin_section_model_get_parse_count (model), ==, 1);
  g_assert_cmpuint (changes, ==, 0);
  for (guint i = 0; i < 3; i++)
    g_assert_true (item (list, i) == objects[i]);

  /* Changed bytes are parsed. */
  {
    g_autoptr(GString) text = g_string_new (expanded);

    g_string_replace (text, "Assembly extends its summer session by a week",
                      "Assembly extends its summer session by ten days", 1);
    changed = g_string_free (g_steal_pointer (&text), FALSE);
  }
  g_assert_true (g_file_set_contents (path, changed, -1, NULL));
  g_assert_true (refresh_run (model, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (bulletin_section_model_get_parse_count (model), ==, 2);
  g_assert_cmpstr (bulletin_article_get_title (objects[2]), ==, "Assembly extends its summer session by ten days");

  /* The cap holds: nothing parsed, the headlines shown stay, and the
   * refresh fails with the chain's first error (the missing file).
   */
  bulletin_client_set_max_size (client, BULLETIN_FETCH_FEED, 64);
  g_assert_false (refresh_run (model, &error));
  g_assert_error (error, BULLETIN_ERROR, BULLETIN_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 3);
  g_assert_cmpuint (bulletin_section_model_get_parse_count (model), ==, 2);
  bulletin_client_set_max_size (client, BULLETIN_FETCH_FEED, 1024 * 1024);
  g_assert_true (refresh_run (model, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (bulletin_section_model_get_parse_count (model), ==, 2);

  /* Cancelled: said so, and not shown as a failure. */
  g_cancellable_cancel (cancellable);
  bulletin_section_model_refresh_async (model, cancellable, test_utils_result_cb, &result);
  g_assert_false (bulletin_section_model_refresh_finish (model, test_utils_wait (&result), &error));
  g_assert_error (error, BULLETIN_ERROR, BULLETIN_ERROR_CANCELLED);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 3);
}

/* A big local feed, cancelled while its worker reads or parses it: the
 * refresh ends cancelled when the parse ends (the feed parser takes no
 * cancellable), and nothing of it is shown, kept or keyed; the next
 * refresh parses it again, and every headline is found by its URL. */
static void
test_section_model_local_cancel_big (void)
{
  g_autoptr(BulletinClient) client = test_utils_new_client ();
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "local-cancel", NULL);
  g_autofree char *path = g_build_filename (dir, "big.xml", NULL);
  g_autofree char *uri = NULL;
  g_autofree char *json = NULL;
  g_autoptr(GString) xml = g_string_new ("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Big</title>");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(BulletinEdition) edition = NULL;
  g_autoptr(BulletinSectionModel) model = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *list;

  for (guint n = 0; n < 3000; n++)
    {
      g_autoptr(GDateTime) start = g_date_time_new_utc (2024, 3, 1, 12, 0, 0);
      g_autoptr(GDateTime) time = g_date_time_add_minutes (start, -(int) n);
      g_autofree char *date = g_date_time_format (time, "%a, %d %b %Y %H:%M:%S +0000");

      g_string_append_printf (xml, "<item><title>Item %u</title><link>https://example.com/news/%u?utm_source=rss</link>"
                              "<pubDate>%s</pubDate></item>", n, n, date);
    }
  g_string_append (xml, "</channel></rss>");
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, xml->str, xml->len, NULL));
  uri = g_filename_to_uri (path, NULL, NULL);

  json = g_strdup_printf (
    "{\"format\": 1, \"id\": \"local\", \"name\": \"Local\", \"language\": \"en\", \"direction\": \"ltr\","
    " \"home\": \"https://example.com/\", \"groups\": [{\"id\": \"news\", \"title\": \"News\", \"sections\": ["
    " {\"id\": \"politics\", \"title\": \"Politics\", \"sources\": [{\"type\": \"feed\", \"url\": \"%s\"}]}]}]}",
    uri);
  bytes = g_bytes_new (json, strlen (json));
  edition = bulletin_edition_new_from_bytes (bytes, NULL, &error);
  g_assert_no_error (error);
  model = bulletin_section_model_new (client, edition, "politics");
  list = G_LIST_MODEL (model);

  /* The worker thread has the source by the time this returns. */
  bulletin_section_model_refresh_async (model, cancellable, test_utils_result_cb, &result);
  g_cancellable_cancel (cancellable);
  g_assert_false (bulletin_section_model_refresh_finish (model, test_utils_wait (&result), &error));
  g_assert_error (error, BULLETIN_ERROR, BULLETIN_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_null (bulletin_section_model_get_error (model));
  g_assert_false (bulletin_section_model_get_loading (model));
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
  g_assert_null (bulletin_section_model_lookup (model, "https://example.com/news/0"));

  g_assert_true (refresh_run (model, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, BULLETIN_SECTION_MODEL_MAX_ITEMS);
  for (guint i = 0; i < BULLETIN_SECTION_MODEL_MAX_ITEMS; i++)
    {
      g_autofree char *url = g_strdup_printf ("https://example.com/news/%u", i);

      g_assert_true (bulletin_section_model_lookup (model, url) == item (list, i));
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  test_utils_init (&argc, &argv);

  server = fixture_server_new ();

  g_test_add_func ("/section-model/feed", test_section_model_feed);
  g_test_add_func ("/section-model/merge", test_section_model_merge);
  g_test_add_func ("/section-model/fallback", test_section_model_fallback);
  g_test_add_func ("/section-model/bad-charset", test_section_model_bad_charset);
  g_test_add_func ("/section-model/latest", test_section_model_latest);
  g_test_add_func ("/section-model/hold-others", test_section_model_hold_others);
  g_test_add_func ("/section-model/hold-others-nothing-to-show", test_section_model_hold_others_nothing_to_show);
  g_test_add_func ("/section-model/offline-start", test_section_model_offline_start);
  g_test_add_func ("/section-model/unknown", test_section_model_unknown);
  g_test_add_func ("/section-model/concurrent", test_section_model_concurrent);
  g_test_add_func ("/section-model/cancel", test_section_model_cancel);
  g_test_add_func ("/section-model/local-cancel-big", test_section_model_local_cancel_big);
  g_test_add_func ("/section-model/local", test_section_model_local);
  g_test_add_func ("/section-model/fault-tls", test_section_model_fault_tls);
  for (guint i = 0; i < G_N_ELEMENTS (fault_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/section-model/fault/%u%s", i,
                                               strrchr (fault_cases[i].target, '/'));

      g_test_add_data_func (path, &fault_cases[i], test_section_model_fault);
    }

  status = g_test_run ();
  fixture_server_free (server);

  return status;
}
