/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-article-loader"

#include "config.h"

#include <string.h>

#include "bulletin-article.h"
#include "bulletin-article-loader.h"
#include "bulletin-client.h"
#include "bulletin-error.h"
#include "fixture-server.h"
#include "test-utils.h"

static FixtureServer *server;

static gboolean
load_run (BulletinClient   *client,
          BulletinArticle  *article,
          GError          **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  bulletin_article_load_async (client, article, NULL, test_utils_result_cb, &result);

  return bulletin_article_load_finish (client, test_utils_wait (&result), error);
}

static void
test_loader_fetches (void)
{
  g_autoptr(BulletinClient) client = test_utils_new_client ();
  g_autoptr(BulletinArticle) article = bulletin_article_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *url = fixture_server_url (server, "/outlet/news/economy/grain-prices-settle-after-a-wet-spring?utm_source=list");

  /* A stub, as a section page gives it. */
  bulletin_article_set_url (article, url);
  bulletin_article_set_title (article, "Grain prices settle after a wet spring in the valley");
  bulletin_article_set_section (article, "economy");
  bulletin_article_set_read (article, TRUE);

  g_assert_true (load_run (client, article, &error));
  g_assert_no_error (error);
  g_assert_true (bulletin_article_has_body (article));
  g_assert_nonnull (strstr (bulletin_article_get_body (article), "third week in a row"));
  g_assert_null (strstr (bulletin_article_get_body (article), "<script"));
  /* what the list knew stays */
  g_assert_cmpstr (bulletin_article_get_url (article), ==, url);
  g_assert_cmpstr (bulletin_article_get_section (article), ==, "economy");
  g_assert_true (bulletin_article_get_read (article));
  g_assert_nonnull (bulletin_article_get_published (article));
}

static void
test_loader_has_body (void)
{
  g_autoptr(BulletinClient) client = test_utils_new_client ();
  g_autoptr(BulletinArticle) article = bulletin_article_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *url = fixture_server_url (server, "/outlet/news/politics/harbour-council-approves-a-night-ferry");

  fixture_server_reset_counts (server);
  bulletin_article_set_url (article, url);
  bulletin_article_set_body (article, "<p>Already here.</p>");
  g_assert_true (load_run (client, article, &error));
  g_assert_cmpstr (bulletin_article_get_body (article), ==, "<p>Already here.</p>");
  g_assert_cmpuint (fixture_server_get_requests (server, "/outlet/news/politics/harbour-council-approves-a-night-ferry"), ==, 0);
}

typedef struct
{
  const char *url;   /* a path on the fixture, or an absolute URL */
  int         code;
} FailCase;

static const FailCase fail_cases[] = {
  { "/outlet/news/economy/no-such-article", BULLETIN_ERROR_NOT_FOUND },
  { "/fault/403", BULLETIN_ERROR_BLOCKED },
  { "/fault/image", BULLETIN_ERROR_NOT_A_PAGE },
  { "/fault/to-file", BULLETIN_ERROR_REDIRECT },
  { "file:///etc/passwd", BULLETIN_ERROR_UNSUPPORTED_URI },
  { "javascript:alert(1)", BULLETIN_ERROR_UNSUPPORTED_URI },
  { NULL, BULLETIN_ERROR_NOT_FOUND },
};

static void
test_loader_fails (gconstpointer data)
{
  const FailCase *test = data;
  g_autoptr(BulletinClient) client = test_utils_new_client ();
  g_autoptr(BulletinArticle) article = bulletin_article_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;

  if (test->url != NULL)
    url = test->url[0] == '/' ? fixture_server_url (server, test->url) : g_strdup (test->url);
  bulletin_article_set_url (article, url);
  bulletin_article_set_title (article, "A headline");

  g_assert_false (load_run (client, article, &error));
  g_assert_error (error, BULLETIN_ERROR, test->code);
  g_assert_false (bulletin_article_has_body (article));
  g_assert_cmpstr (bulletin_article_get_title (article), ==, "A headline");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  test_utils_init (&argc, &argv);

  server = fixture_server_new ();

  g_test_add_func ("/article-loader/fetches", test_loader_fetches);
  g_test_add_func ("/article-loader/has-body", test_loader_has_body);
  for (guint i = 0; i < G_N_ELEMENTS (fail_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/article-loader/fails/%u", i);

      g_test_add_data_func (path, &fail_cases[i], test_loader_fails);
    }

  status = g_test_run ();
  fixture_server_free (server);

  return status;
}
