/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-article-policy"

#include "config.h"

#include "display-utils.h"

#include <string.h>
#include <libsoup/soup.h>
#include <webkit/webkit.h>

#include "bulletin-article-view.h"

/* The article pane's navigation policy, one way of leaving the page per
 * test: a link or a script to file:, a data: document, a form, a new
 * window, a redirect and a meta refresh. The page's own scripts are off,
 * so what a script would do is done from outside with
 * webkit_web_view_evaluate_javascript(); the view refuses it all the same,
 * whatever the sanitizer let through. Only a click on an http, https or
 * mailto link leaves, and it leaves for the browser ("link-activated"),
 * never in the view.
 */

#define TIMEOUT_SECONDS 20

static const guchar tiny_png[] = {
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d,
  0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01,
  0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4, 0x89, 0x00, 0x00, 0x00,
  0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0x00, 0x01, 0x00, 0x00,
  0x05, 0x00, 0x01, 0x0d, 0x0a, 0x2d, 0xb4, 0x00, 0x00, 0x00, 0x00, 0x49,
  0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
};

static char *tmp_dir;

typedef struct
{
  GtkWindow           *window;
  BulletinArticleView *view;
  WebKitWebView       *web_view;
  SoupServer          *server;
  char                *base;
  char                *local_png;    /* file: URI of a PNG on disk */
  GHashTable          *requests;     /* path -> count */

  /* what the page did */
  guint                started;      /* loads started in the view */
  guint                activated;    /* links handed to the browser */
  char                *last_link;
  guint                toplevels;    /* windows before the test */
} Fixture;

/* Helpers */

static gboolean
timeout_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for a while, for things that must NOT happen */
static void
spin (guint milliseconds)
{
  gboolean done = FALSE;

  g_timeout_add (milliseconds, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static WebKitWebView *
find_web_view (GtkWidget *widget)
{
  if (WEBKIT_IS_WEB_VIEW (widget))
    return WEBKIT_WEB_VIEW (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      WebKitWebView *found = find_web_view (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

typedef struct
{
  gboolean  done;
  char     *result;
  GError   *error;
} Evaluation;

static void
evaluated_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Evaluation *evaluation = user_data;
  g_autoptr(JSCValue) value = NULL;

  value = webkit_web_view_evaluate_javascript_finish (WEBKIT_WEB_VIEW (source), result, &evaluation->error);
  if (value != NULL)
    evaluation->result = jsc_value_to_string (value);
  evaluation->done = TRUE;
}

/* Evaluates @script, where @BASE@ stands for the local server, and gives
 * its value as text
 */
static char *
evaluate (Fixture    *fixture,
          const char *script)
{
  Evaluation evaluation = { FALSE, NULL, NULL };
  g_auto(GStrv) parts = g_strsplit (script, "@BASE@", -1);
  g_autofree char *expanded = g_strjoinv (fixture->base, parts);

  webkit_web_view_evaluate_javascript (fixture->web_view, expanded, -1, NULL, NULL, NULL,
                                       evaluated_cb, &evaluation);
  display_wait_until (&evaluation.done, expanded);
  g_assert_no_error (evaluation.error);

  return evaluation.result;
}

static void
run (Fixture    *fixture,
     const char *script)
{
  g_free (evaluate (fixture, script));
}

#define assert_js(fixture, script, expected) \
  G_STMT_START { \
    g_autofree char *assert_js_value = evaluate ((fixture), (script)); \
    g_assert_cmpstr (assert_js_value, ==, (expected)); \
  } G_STMT_END

static void
wait_for_js (Fixture    *fixture,
             const char *script,
             const char *expected)
{
  gint64 deadline = g_get_monotonic_time () + TIMEOUT_SECONDS * G_USEC_PER_SEC;

  for (;;)
    {
      g_autofree char *value = evaluate (fixture, script);

      if (g_strcmp0 (value, expected) == 0)
        return;
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out waiting for %s to be %s (it is %s)", script, expected, value);
      spin (50);
    }
}

/* Clicks a new link to @href (with @target, if any) in the page */
static void
click_link (Fixture    *fixture,
            const char *href,
            const char *target)
{
  g_autofree char *script = g_strdup_printf ("(function () {"
                                             "  const a = document.createElement ('a');"
                                             "  a.href = '%s'; a.textContent = 'link';"
                                             "  if ('%s' !== '') a.target = '%s';"
                                             "  document.body.appendChild (a); a.click ();"
                                             "}) ()",
                                             href, target != NULL ? target : "", target != NULL ? target : "");

  run (fixture, script);
}

static guint
requests_for (Fixture    *fixture,
              const char *path)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (fixture->requests, path));
}

static void
load_changed_cb (WebKitWebView   *web_view,
                 WebKitLoadEvent  event,
                 Fixture         *fixture)
{
  if (event == WEBKIT_LOAD_STARTED)
    fixture->started++;
}

static void
link_activated_cb (BulletinArticleView *view,
                   const char          *uri,
                   Fixture             *fixture)
{
  fixture->activated++;
  g_free (fixture->last_link);
  fixture->last_link = g_strdup (uri);
  /* Keep the default handler from opening a browser */
  g_signal_stop_emission_by_name (view, "link-activated");
}

static void
first_load_cb (WebKitWebView   *web_view,
               WebKitLoadEvent  event,
               gboolean        *finished)
{
  if (event == WEBKIT_LOAD_FINISHED)
    *finished = TRUE;
}

/* Shows an article with @body and waits until its page has loaded; from
 * then on, loads and link activations are counted.
 */
static void
show_article (Fixture    *fixture,
              const char *title,
              const char *body)
{
  g_autoptr(BulletinArticle) article = bulletin_article_new ();
  gboolean finished = FALSE;
  gulong id = g_signal_connect (fixture->web_view, "load-changed", G_CALLBACK (first_load_cb), &finished);
  g_auto(GStrv) parts = g_strsplit (body != NULL ? body : "<p>The article.</p>", "@BASE@", -1);
  g_autofree char *expanded = g_strjoinv (fixture->base, parts);

  bulletin_article_set_url (article, "https://example.org/news/policy");
  bulletin_article_set_title (article, title);
  bulletin_article_set_summary (article, "A summary.");
  bulletin_article_set_body (article, expanded);

  bulletin_article_view_set_article (fixture->view, article, NULL);
  display_wait_until (&finished, "the article page to load");
  g_signal_handler_disconnect (fixture->web_view, id);

  g_signal_connect (fixture->web_view, "load-changed", G_CALLBACK (load_changed_cb), fixture);
  g_signal_connect (fixture->view, "link-activated", G_CALLBACK (link_activated_cb), fixture);
}

/* Runs the main loop until @n links in all went to the browser */
static void
wait_for_activations (Fixture *fixture,
                      guint    n)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (TIMEOUT_SECONDS, timeout_cb, &timed_out);

  while (fixture->activated < n && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (id);
  else
    g_error ("Timed out waiting for link-activated");
}

/* Clicks a last, good link and waits for it to reach the browser: the
 * view has decided on everything before it by then. Then gives timers (a
 * meta refresh) a moment more.
 */
static void
settle (Fixture *fixture)
{
  guint before = fixture->activated;

  click_link (fixture, "https://example.org/sentinel", NULL);
  wait_for_activations (fixture, before + 1);
  g_assert_cmpstr (fixture->last_link, ==, "https://example.org/sentinel");
  fixture->activated--;
  g_clear_pointer (&fixture->last_link, g_free);
  spin (500);
}

/* The view is where it was: the same article, no load, no new window */
static void
assert_stayed (Fixture    *fixture,
               const char *title)
{
  g_autofree char *script = g_strdup_printf ("document.getElementById ('headline').textContent === '%s'", title);

  g_assert_cmpuint (fixture->started, ==, 0);
  g_assert_cmpstr (webkit_web_view_get_uri (fixture->web_view), ==, "about:blank");
  assert_js (fixture, script, "true");
  assert_js (fixture, "window.location.href", "about:blank");
  g_assert_cmpuint (g_list_model_get_n_items (gtk_window_get_toplevels ()), ==, fixture->toplevels);
}

/* The local server: counts every request; /redirect goes on to /landing,
 * /redirect-to-file to /etc/passwd, /image-to-file.png to a PNG on disk.
 */
static void
server_cb (SoupServer        *server,
           SoupServerMessage *message,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  Fixture *fixture = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (message);
  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (fixture->requests, path));

  g_hash_table_insert (fixture->requests, g_strdup (path), GUINT_TO_POINTER (count + 1));

  if (g_str_equal (path, "/redirect"))
    {
      g_autofree char *landing = g_strconcat (fixture->base, "/landing", NULL);

      soup_server_message_set_status (message, SOUP_STATUS_FOUND, NULL);
      soup_message_headers_replace (headers, "Location", landing);
    }
  else if (g_str_equal (path, "/redirect-to-file"))
    {
      soup_server_message_set_status (message, SOUP_STATUS_FOUND, NULL);
      soup_message_headers_replace (headers, "Location", "file:///etc/passwd");
    }
  else if (g_str_equal (path, "/image-to-file.png"))
    {
      soup_server_message_set_status (message, SOUP_STATUS_FOUND, NULL);
      soup_message_headers_replace (headers, "Location", fixture->local_png);
    }
  else if (g_str_has_suffix (path, ".png"))
    {
      soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (message, "image/png", SOUP_MEMORY_STATIC,
                                        (const char *) tiny_png, sizeof tiny_png);
    }
  else
    {
      const char *page = "<!DOCTYPE html><html><body><h1 id=\"headline\">Somewhere else</h1></body></html>";

      soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (message, "text/html", SOUP_MEMORY_STATIC, page, strlen (page));
    }
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *png_path = g_build_filename (tmp_dir, "local.png", NULL);
  GSList *uris;

  g_assert_true (g_file_set_contents (png_path, (const char *) tiny_png, sizeof tiny_png, NULL));
  fixture->local_png = g_filename_to_uri (png_path, NULL, NULL);

  fixture->requests = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  fixture->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (fixture->server, NULL, server_cb, fixture, NULL);
  soup_server_listen_local (fixture->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (fixture->server);
  fixture->base = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 800, 600);
  fixture->view = BULLETIN_ARTICLE_VIEW (bulletin_article_view_new ());
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
  gtk_window_present (fixture->window);

  fixture->web_view = find_web_view (GTK_WIDGET (fixture->view));
  g_assert_nonnull (fixture->web_view);
  fixture->toplevels = g_list_model_get_n_items (gtk_window_get_toplevels ());
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_signal_handlers_disconnect_by_data (fixture->web_view, fixture);
  g_signal_handlers_disconnect_by_data (fixture->view, fixture);
  gtk_window_destroy (fixture->window);
  soup_server_disconnect (fixture->server);
  g_clear_object (&fixture->server);
  g_clear_pointer (&fixture->base, g_free);
  g_clear_pointer (&fixture->local_png, g_free);
  g_clear_pointer (&fixture->last_link, g_free);
  g_clear_pointer (&fixture->requests, g_hash_table_unref);
}

/* Tests */

static void
test_file (Fixture       *fixture,
           gconstpointer  data)
{
  show_article (fixture, "No files", NULL);

  /* WebKit itself keeps a page from about:blank off file: URIs, and the
   * view's policy refuses them as well: this holds the result, whichever
   * wall stops them (it fails, say, if the page were given a file: base).
   * A link, in this window or a new one, and a script.
   */
  click_link (fixture, "file:///etc/passwd", NULL);
  click_link (fixture, fixture->local_png, "_blank");
  run (fixture, "location.href = 'file:///etc/passwd'");
  run (fixture, "location.assign ('file:///etc/hostname')");
  settle (fixture);

  g_assert_cmpuint (fixture->activated, ==, 0);
  assert_stayed (fixture, "No files");
}

static void
test_data_document (Fixture       *fixture,
                    gconstpointer  data)
{
  show_article (fixture, "No data documents", NULL);

  /* The sanitizer drops such a link; the view refuses one all the same */
  click_link (fixture, "data:text/html,<h1 id=headline>Forged</h1>", NULL);
  click_link (fixture, "data:text/html;base64,PGgxIGlkPWhlYWRsaW5lPkZvcmdlZDwvaDE+", "_blank");
  run (fixture, "location.href = 'data:text/html,<h1 id=headline>Forged</h1>'");
  assert_js (fixture, "String (window.open ('data:text/html,<h1>Forged</h1>'))", "null");
  settle (fixture);

  g_assert_cmpuint (fixture->activated, ==, 0);
  assert_stayed (fixture, "No data documents");
}

static void
test_form_submission (Fixture       *fixture,
                      gconstpointer  data)
{
  show_article (fixture, "No forms", NULL);

  /* A GET form sent by its button, a POST one by requestSubmit(), and one
   * aimed at a new window
   */
  run (fixture, "(function () {"
                "  const f = document.createElement ('form');"
                "  f.action = '@BASE@/form-get';"
                "  f.innerHTML = '<input name=q value=x><button id=send>Send</button>';"
                "  document.body.appendChild (f);"
                "  document.getElementById ('send').click ();"
                "}) ()");
  run (fixture, "(function () {"
                "  const f = document.createElement ('form');"
                "  f.action = '@BASE@/form-post'; f.method = 'post';"
                "  document.body.appendChild (f); f.requestSubmit ();"
                "}) ()");
  run (fixture, "(function () {"
                "  const f = document.createElement ('form');"
                "  f.action = '@BASE@/form-blank'; f.target = '_blank';"
                "  document.body.appendChild (f); f.submit ();"
                "}) ()");
  settle (fixture);

  g_assert_cmpuint (requests_for (fixture, "/form-get"), ==, 0);
  g_assert_cmpuint (requests_for (fixture, "/form-post"), ==, 0);
  g_assert_cmpuint (requests_for (fixture, "/form-blank"), ==, 0);
  g_assert_cmpuint (fixture->activated, ==, 0);
  assert_stayed (fixture, "No forms");
}

static void
test_window_open (Fixture       *fixture,
                  gconstpointer  data)
{
  show_article (fixture, "No windows", NULL);

  assert_js (fixture, "String (window.open ('@BASE@/popup'))", "null");
  assert_js (fixture, "String (window.open ('@BASE@/popup-blank', '_blank'))", "null");
  assert_js (fixture, "String (window.open ('file:///etc/passwd'))", "null");
  assert_js (fixture, "String (window.open ('about:blank', 'named', 'popup'))", "null");
  settle (fixture);

  g_assert_cmpuint (requests_for (fixture, "/popup"), ==, 0);
  g_assert_cmpuint (requests_for (fixture, "/popup-blank"), ==, 0);
  g_assert_cmpuint (fixture->activated, ==, 0);
  assert_stayed (fixture, "No windows");

  /* A link that asks for a new window opens in the browser, not here */
  click_link (fixture, "@BASE@/target-blank", "_blank");
  wait_for_activations (fixture, 1);
  {
    g_autofree char *expected = g_strconcat (fixture->base, "/target-blank", NULL);

    g_assert_cmpstr (fixture->last_link, ==, expected);
  }
  spin (300);
  g_assert_cmpuint (requests_for (fixture, "/target-blank"), ==, 0);
  assert_stayed (fixture, "No windows");
}

static void
test_redirect (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *redirect = g_strconcat (fixture->base, "/redirect", NULL);

  show_article (fixture, "No redirects",
                "<p>Read <a id=\"moved\" href=\"@BASE@/redirect\">the story that moved</a>.</p>"
                "<p><img id=\"picture\" src=\"@BASE@/image-to-file.png\" alt=\"\"></p>");

  /* A link whose server would redirect goes to the browser as it is: the
   * view never asks for it, so never sees the redirect.
   */
  run (fixture, "document.getElementById ('moved').click ()");
  wait_for_activations (fixture, 1);
  g_assert_cmpstr (fixture->last_link, ==, redirect);

  /* A script's navigation to the same, or to one that redirects to a
   * file, is refused before any request.
   */
  run (fixture, "location.href = '@BASE@/redirect'");
  run (fixture, "location.replace ('@BASE@/redirect-to-file')");
  /* nor does a frame load it */
  run (fixture, "(function () {"
                "  const f = document.createElement ('iframe');"
                "  f.src = '@BASE@/redirect-to-file';"
                "  document.body.appendChild (f);"
                "}) ()");
  settle (fixture);

  g_assert_cmpuint (fixture->activated, ==, 1);
  g_assert_cmpuint (requests_for (fixture, "/redirect"), ==, 0);
  g_assert_cmpuint (requests_for (fixture, "/redirect-to-file"), ==, 0);
  g_assert_cmpuint (requests_for (fixture, "/landing"), ==, 0);
  assert_stayed (fixture, "No redirects");

  /* An image may come from the web, but not by a redirect to a file */
  wait_for_js (fixture, "document.getElementById ('picture').complete", "true");
  g_assert_cmpuint (requests_for (fixture, "/image-to-file.png"), ==, 1);
  assert_js (fixture, "document.getElementById ('picture').naturalWidth", "0");
}

static void
test_meta_refresh (Fixture       *fixture,
                   gconstpointer  data)
{
  /* One in the body, which the sanitizer removes... */
  show_article (fixture, "No refreshes",
                "<meta http-equiv=\"refresh\" content=\"0;url=@BASE@/refresh-body\">"
                "<p>The article.</p>");
  assert_js (fixture, "document.querySelectorAll ('meta[http-equiv=\"refresh\" i]').length", "0");

  /* ...and others put into the page, which the view refuses: to the web,
   * to a redirect, to a file and to a data: document.
   */
  run (fixture, "(function () {"
                "  for (const target of ['@BASE@/refresh', '@BASE@/redirect', 'file:///etc/passwd',"
                "                        'data:text/html,<h1 id=headline>Forged</h1>']) {"
                "    const m = document.createElement ('meta');"
                "    m.httpEquiv = 'refresh'; m.content = '0;url=' + target;"
                "    document.head.appendChild (m);"
                "  }"
                "}) ()");
  spin (1500);
  settle (fixture);

  g_assert_cmpuint (requests_for (fixture, "/refresh-body"), ==, 0);
  g_assert_cmpuint (requests_for (fixture, "/refresh"), ==, 0);
  g_assert_cmpuint (requests_for (fixture, "/redirect"), ==, 0);
  g_assert_cmpuint (requests_for (fixture, "/landing"), ==, 0);
  g_assert_cmpuint (fixture->activated, ==, 0);
  assert_stayed (fixture, "No refreshes");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("1..0 # SKIP no display (run under Xvfb: build-aux/dev test)\n");
      return 0;
    }

  /* Caches and data of this run stay apart from the user's */
  tmp_dir = g_dir_make_tmp ("test-article-policy-XXXXXX", NULL);
  g_assert_nonnull (tmp_dir);
  g_setenv ("XDG_CACHE_HOME", tmp_dir, TRUE);
  g_setenv ("XDG_DATA_HOME", tmp_dir, TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  /* WebKit names its data directories after the program */
  g_set_prgname ("test-article-policy");
  adw_init ();

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD_TEST ("/article-policy/file", test_file);
  ADD_TEST ("/article-policy/data-document", test_data_document);
  ADD_TEST ("/article-policy/form-submission", test_form_submission);
  ADD_TEST ("/article-policy/window-open", test_window_open);
  ADD_TEST ("/article-policy/redirect", test_redirect);
  ADD_TEST ("/article-policy/meta-refresh", test_meta_refresh);

  status = g_test_run ();
  g_free (tmp_dir);

  return status;
}
