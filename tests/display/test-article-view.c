/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-article-view"

#include "config.h"

#include <libsoup/soup.h>
#include <webkit/webkit.h>

#include "bulletin-article-view.h"

#include "display-utils.h"

/* The article pane in a real window under Xvfb: what the page shows is read
 * back from its DOM with webkit_web_view_evaluate_javascript(), which runs
 * from the API even though the page's own scripts are off.
 */

#define TIMEOUT_SECONDS 20

/* A 1×1 PNG, as a data: URI and as bytes for the local server */
static const guchar tiny_png[] = {
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d,
  0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01,
  0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4, 0x89, 0x00, 0x00, 0x00,
  0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0x00, 0x01, 0x00, 0x00,
  0x05, 0x00, 0x01, 0x0d, 0x0a, 0x2d, 0xb4, 0x00, 0x00, 0x00, 0x00, 0x49,
  0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
};

typedef struct
{
  GtkWindow           *window;
  BulletinArticleView *view;
  WebKitWebView       *web_view;
  SoupServer          *server;
  char                *base;
  /* path -> number of requests */
  GHashTable          *requests;
} Fixture;

/* Helpers */

static gpointer
find_widget (GtkWidget *widget,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      gpointer found = find_widget (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static const char *
visible_page (Fixture *fixture)
{
  GtkStack *stack = find_widget (GTK_WIDGET (fixture->view), GTK_TYPE_STACK);

  g_assert_nonnull (stack);

  return gtk_stack_get_visible_child_name (stack);
}

static void
load_changed_cb (WebKitWebView   *web_view,
                 WebKitLoadEvent  event,
                 gboolean        *finished)
{
  if (event == WEBKIT_LOAD_FINISHED)
    *finished = TRUE;
}

/* Shows @article and waits until its page has loaded */
static void
show_article (Fixture         *fixture,
              BulletinArticle *article)
{
  gboolean finished = FALSE;
  gulong id = g_signal_connect (fixture->web_view, "load-changed", G_CALLBACK (load_changed_cb), &finished);

  bulletin_article_view_set_article (fixture->view, article, NULL);
  display_wait_until (&finished, "the article page to load");
  g_signal_handler_disconnect (fixture->web_view, id);
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

/* Evaluates @script in the page's main world and gives its value as text */
static char *
evaluate (Fixture    *fixture,
          const char *script)
{
  Evaluation evaluation = { FALSE, NULL, NULL };

  webkit_web_view_evaluate_javascript (fixture->web_view, script, -1, NULL, NULL, NULL,
                                       evaluated_cb, &evaluation);
  display_wait_until (&evaluation.done, script);
  g_assert_no_error (evaluation.error);

  return evaluation.result;
}

/* Evaluates @script until it gives @expected: for a page that is replaced
 * when something arrives, whichever load comes first.
 */
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
      display_settle (50);
    }
}

#define assert_js(fixture, script, expected) \
  G_STMT_START { \
    g_autofree char *assert_js_value = evaluate ((fixture), (script)); \
    g_assert_cmpstr (assert_js_value, ==, (expected)); \
  } G_STMT_END

static char *
tiny_png_data_uri (void)
{
  g_autofree char *base64 = g_base64_encode (tiny_png, sizeof tiny_png);

  return g_strconcat ("data:image/png;base64,", base64, NULL);
}

static BulletinArticle *
new_article (const char *title)
{
  BulletinArticle *article = bulletin_article_new ();
  g_autoptr(GDateTime) published = g_date_time_new_utc (2023, 6, 19, 14, 25, 0);
  g_autofree char *image = tiny_png_data_uri ();
  g_autofree char *url = g_strdup_printf ("https://example.org/news/%s", title);
  const char *tags[] = { "Lebanon", "Economy", NULL };

  bulletin_article_set_url (article, url);
  bulletin_article_set_title (article, title);
  bulletin_article_set_author (article, "Jane Writer");
  bulletin_article_set_source (article, "The Daily Demo");
  bulletin_article_set_section (article, "politics");
  bulletin_article_set_section_title (article, "Politics");
  bulletin_article_set_summary (article, "Negotiators met again on Monday.");
  bulletin_article_set_body (article,
                             "<p>First paragraph of the story.</p>"
                             "<h2>What comes next</h2>"
                             "<p>Second paragraph with <a href=\"https://example.org/related\">a related link</a>.</p>");
  bulletin_article_set_image (article, image);
  bulletin_article_set_image_caption (article, "The delegations arrive");
  bulletin_article_set_published (article, published);
  bulletin_article_set_tags (article, tags);

  return article;
}

/* The local server: counts every request, answers images with a PNG and
 * the article page with a small outlet-like article.
 */
static void
server_cb (SoupServer        *server,
           SoupServerMessage *message,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  Fixture *fixture = user_data;
  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (fixture->requests, path));

  g_hash_table_insert (fixture->requests, g_strdup (path), GUINT_TO_POINTER (count + 1));

  if (g_str_has_suffix (path, ".png"))
    {
      soup_server_message_set_status (message, 200, NULL);
      soup_server_message_set_response (message, "image/png", SOUP_MEMORY_STATIC,
                                        (const char *) tiny_png, sizeof tiny_png);
    }
  else if (g_str_equal (path, "/news/full-story"))
    {
      static const char page[] =
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<title>The full story</title>"
        "<meta property=\"og:title\" content=\"The full story\">"
        "<meta property=\"og:type\" content=\"article\">"
        "</head><body><article><h1>The full story</h1>"
        "<p>The complete text of the article arrives from the page. It has several sentences, "
        "so that the extractor takes it for the article's body and not for a navigation "
        "block or a teaser. Readers see the summary first, then this.</p>"
        "<p>A second paragraph follows, long enough to be counted as article text by a "
        "readability-style scorer, with commas, clauses, and a full stop at its end.</p>"
        "<p>And a third paragraph, which ends the article with a marker: FULL-TEXT-MARKER.</p>"
        "</article></body></html>";

      soup_server_message_set_status (message, 200, NULL);
      soup_server_message_set_response (message, "text/html; charset=utf-8", SOUP_MEMORY_STATIC,
                                        page, sizeof page - 1);
    }
  else
    {
      soup_server_message_set_status (message, 404, NULL);
      soup_server_message_set_response (message, "text/plain", SOUP_MEMORY_STATIC, "not found", 9);
    }
}

static guint
requests_for (Fixture    *fixture,
              const char *path)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (fixture->requests, path));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSList) uris = NULL;

  fixture->requests = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  fixture->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (fixture->server, NULL, server_cb, fixture, NULL);
  soup_server_listen_local (fixture->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (fixture->server);
  fixture->base = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify) g_uri_unref);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 900, 700);
  fixture->view = BULLETIN_ARTICLE_VIEW (bulletin_article_view_new ());
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
  gtk_window_present (fixture->window);

  fixture->web_view = WEBKIT_WEB_VIEW (display_find_type (GTK_WIDGET (fixture->view), WEBKIT_TYPE_WEB_VIEW));
  g_assert_nonnull (fixture->web_view);

  bulletin_article_view_zoom_reset (fixture->view);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  soup_server_disconnect (fixture->server);
  g_clear_object (&fixture->server);
  g_clear_pointer (&fixture->base, g_free);
  g_clear_pointer (&fixture->requests, g_hash_table_unref);
}

/* Tests */

static void
test_empty_state (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(BulletinArticle) article = new_article ("An article");

  g_assert_null (bulletin_article_view_get_article (fixture->view));
  g_assert_cmpstr (visible_page (fixture), ==, "empty");
  g_assert_false (bulletin_article_view_get_loading (fixture->view));

  show_article (fixture, article);
  g_assert_cmpstr (visible_page (fixture), ==, "article");
  g_assert_true (bulletin_article_view_get_article (fixture->view) == article);

  bulletin_article_view_set_article (fixture->view, NULL, NULL);
  g_assert_cmpstr (visible_page (fixture), ==, "empty");
  g_assert_null (bulletin_article_view_get_article (fixture->view));
}

static void
test_renders_fields (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(BulletinArticle) article = new_article ("Talks resume in the capital");

  show_article (fixture, article);

  g_assert_cmpstr (webkit_web_view_get_uri (fixture->web_view), ==, "about:blank");
  assert_js (fixture, "document.getElementById ('headline').textContent", "Talks resume in the capital");
  assert_js (fixture, "document.querySelector ('.byline').textContent", "By Jane Writer");
  assert_js (fixture, "document.querySelector ('.source').textContent", "The Daily Demo");
  assert_js (fixture, "document.querySelector ('.date').textContent", "19 Jun 2023 14:25");
  assert_js (fixture, "document.querySelector ('.lede').textContent", "Negotiators met again on Monday.");
  /* The caption sits with its image */
  assert_js (fixture, "document.querySelector ('figure.hero img + figcaption').textContent", "The delegations arrive");
  assert_js (fixture, "document.querySelector ('figure.hero img').naturalWidth", "1");
  assert_js (fixture, "document.querySelector ('#body h2').textContent", "What comes next");
  assert_js (fixture, "document.querySelectorAll ('#body p').length", "2");
  assert_js (fixture, "document.querySelector ('#body p').textContent", "First paragraph of the story.");
  assert_js (fixture, "Array.from (document.querySelectorAll ('.tags li')).map (e => e.textContent).join ('|')", "Lebanon|Economy");
  assert_js (fixture, "document.querySelector ('meta[http-equiv=\"Content-Security-Policy\"]').content",
             BULLETIN_ARTICLE_CSP);
  /* Typography for long reading */
  assert_js (fixture, "Math.abs (parseFloat (getComputedStyle (document.body).lineHeight) - 1.6 * parseFloat (getComputedStyle (document.body).fontSize)) < 0.1", "true");
  assert_js (fixture, "document.documentElement.classList.contains ('serif')", "true");
}

static void
test_hostile_body (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(BulletinArticle) article = new_article ("Hostile");
  g_autofree char *body = NULL;

  body = g_strdup_printf ("<p id=\"first\" onclick=\"window.hostileClick = 1\">Harmless text</p>"
                          "<script>window.hostile = 1</script>"
                          "<script src=\"%1$s/script.js\"></script>"
                          "<img id=\"allowed\" src=\"%1$s/allowed.png\">"
                          "<img src=\"%1$s/broken.png\" onerror=\"window.hostileError = 1\" onload=\"window.hostileLoad = 1\">"
                          "<a id=\"js-link\" href=\"javascript:window.hostileLink = 1\">javascript link</a>"
                          "<iframe src=\"%1$s/frame.html\"></iframe>"
                          "<object data=\"%1$s/object.swf\"></object>"
                          "<embed src=\"%1$s/embed.swf\">"
                          "<link rel=\"stylesheet\" href=\"%1$s/style.css\">"
                          "<meta http-equiv=\"refresh\" content=\"0;url=%1$s/refresh.html\">"
                          "<form action=\"%1$s/form\"><input name=\"q\" value=\"x\"><button id=\"submit\">Go</button></form>"
                          "<svg><script>window.hostileSvg = 1</script></svg>"
                          "<div style=\"background: url(%1$s/background.png)\">styled</div>"
                          "<base href=\"%1$s/base/\">",
                          fixture->base);
  bulletin_article_set_body (article, body);

  show_article (fixture, article);
  /* Give a refresh, a frame or a late load every chance to happen */
  display_settle (1500);

  assert_js (fixture, "document.querySelectorAll ('script, iframe, object, embed, form, base, link, meta[http-equiv=\"refresh\"], [onerror], [onclick], [onload]').length", "0");
  assert_js (fixture, "document.querySelectorAll ('a[href^=\"javascript\"]').length", "0");
  assert_js (fixture, "typeof window.hostile", "undefined");
  assert_js (fixture, "typeof window.hostileError", "undefined");
  assert_js (fixture, "typeof window.hostileLoad", "undefined");
  assert_js (fixture, "typeof window.hostileSvg", "undefined");
  assert_js (fixture, "document.getElementById ('first').textContent", "Harmless text");

  /* Clicking what is left runs nothing either */
  assert_js (fixture, "document.getElementById ('first').click (); typeof window.hostileClick", "undefined");
  display_settle (300);
  assert_js (fixture, "typeof window.hostileLink", "undefined");
  g_assert_cmpstr (webkit_web_view_get_uri (fixture->web_view), ==, "about:blank");

  /* The server saw the one allowed image and nothing else */
  g_assert_cmpuint (requests_for (fixture, "/allowed.png"), ==, 1);
  g_assert_cmpuint (requests_for (fixture, "/script.js"), ==, 0);
  g_assert_cmpuint (requests_for (fixture, "/frame.html"), ==, 0);
  g_assert_cmpuint (requests_for (fixture, "/object.swf"), ==, 0);
  g_assert_cmpuint (requests_for (fixture, "/embed.swf"), ==, 0);
  g_assert_cmpuint (requests_for (fixture, "/style.css"), ==, 0);
  g_assert_cmpuint (requests_for (fixture, "/refresh.html"), ==, 0);
  g_assert_cmpuint (requests_for (fixture, "/form"), ==, 0);
  g_assert_cmpuint (requests_for (fixture, "/background.png"), ==, 0);
  g_assert_cmpuint (g_hash_table_size (fixture->requests), <=, 2);
}

typedef struct
{
  char            *uri;
  BulletinArticle *article;
  gboolean         done;
} Activation;

static void
link_activated_cb (BulletinArticleView *view,
                   const char          *uri,
                   Activation          *activation)
{
  g_free (activation->uri);
  activation->uri = g_strdup (uri);
  activation->done = TRUE;
  /* Keep the default handler from opening a browser */
  g_signal_stop_emission_by_name (view, "link-activated");
}

static void
open_article_cb (BulletinArticleView *view,
                 BulletinArticle     *article,
                 Activation          *activation)
{
  g_set_object (&activation->article, article);
  activation->done = TRUE;
}

static void
load_started_cb (WebKitWebView   *web_view,
                 WebKitLoadEvent  event,
                 guint           *started)
{
  if (event == WEBKIT_LOAD_STARTED)
    (*started)++;
}

static void
test_link_click (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(BulletinArticle) article = new_article ("Links");
  Activation activation = { NULL, NULL, FALSE };
  guint started = 0;
  gulong id;

  show_article (fixture, article);
  g_signal_connect (fixture->view, "link-activated", G_CALLBACK (link_activated_cb), &activation);
  id = g_signal_connect (fixture->web_view, "load-changed", G_CALLBACK (load_started_cb), &started);

  g_free (evaluate (fixture, "document.querySelector ('#body a').click ()"));
  display_wait_until (&activation.done, "link-activated");
  display_settle (300);

  g_assert_cmpstr (activation.uri, ==, "https://example.org/related");
  g_assert_cmpuint (started, ==, 0);
  g_assert_cmpstr (webkit_web_view_get_uri (fixture->web_view), ==, "about:blank");
  assert_js (fixture, "document.getElementById ('headline').textContent", "Links");

  /* A window.open from the page (were script to run) opens nothing */
  assert_js (fixture, "String (window.open ('https://example.org/popup'))", "null");
  display_settle (300);
  g_assert_cmpuint (started, ==, 0);

  /* "Open in Browser" goes the same way */
  activation.done = FALSE;
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "article.open-in-browser", NULL));
  g_assert_true (activation.done);
  g_assert_cmpstr (activation.uri, ==, "https://example.org/news/Links");

  g_signal_handler_disconnect (fixture->web_view, id);
  g_signal_handlers_disconnect_by_data (fixture->view, &activation);
  g_free (activation.uri);
}

static void
test_refuses_navigation (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(BulletinArticle) article = new_article ("Stays put");
  Activation activation = { NULL, NULL, FALSE };
  g_autofree char *navigate = NULL;
  g_autofree char *form = NULL;
  g_autofree char *refresh = NULL;
  g_autofree char *popup = NULL;
  guint started = 0;
  gulong id;

  show_article (fixture, article);
  g_signal_connect (fixture->view, "link-activated", G_CALLBACK (link_activated_cb), &activation);
  id = g_signal_connect (fixture->web_view, "load-changed", G_CALLBACK (load_started_cb), &started);

  /* What a script would do if one ever ran, done from outside: every way
   * of leaving the page but a click on a link is refused by the view
   * itself, whatever the sanitizer let through.
   */
  navigate = g_strdup_printf ("location.href = '%s/navigate.html'", fixture->base);
  g_free (evaluate (fixture, navigate));
  form = g_strdup_printf ("(function () {"
                          "  const f = document.createElement ('form');"
                          "  f.action = '%s/form'; f.method = 'post';"
                          "  document.body.appendChild (f); f.submit ();"
                          "}) ()", fixture->base);
  g_free (evaluate (fixture, form));
  refresh = g_strdup_printf ("(function () {"
                             "  const m = document.createElement ('meta');"
                             "  m.httpEquiv = 'refresh'; m.content = '0;url=%s/refresh.html';"
                             "  document.head.appendChild (m);"
                             "}) ()", fixture->base);
  g_free (evaluate (fixture, refresh));
  popup = g_strdup_printf ("String (window.open ('%s/popup.html', '_blank'))", fixture->base);
  assert_js (fixture, popup, "null");
  g_free (evaluate (fixture, "location.href = 'about:blank'"));
  display_settle (1000);

  g_assert_cmpuint (requests_for (fixture, "/navigate.html"), ==, 0);
  g_assert_cmpuint (requests_for (fixture, "/form"), ==, 0);
  g_assert_cmpuint (requests_for (fixture, "/refresh.html"), ==, 0);
  g_assert_cmpuint (requests_for (fixture, "/popup.html"), ==, 0);
  g_assert_cmpuint (started, ==, 0);
  g_assert_false (activation.done);
  g_assert_cmpstr (webkit_web_view_get_uri (fixture->web_view), ==, "about:blank");
  assert_js (fixture, "document.getElementById ('headline').textContent", "Stays put");

  /* A link to a scheme other than http, https or mailto goes nowhere */
  g_free (evaluate (fixture, "(function () {"
                             "  const a = document.createElement ('a');"
                             "  a.href = 'file:///etc/passwd'; document.body.appendChild (a); a.click ();"
                             "}) ()"));
  display_settle (300);
  g_assert_false (activation.done);
  g_assert_cmpuint (started, ==, 0);

  /* A mailto: link goes to the user's mail program */
  g_free (evaluate (fixture, "(function () {"
                             "  const a = document.createElement ('a');"
                             "  a.href = 'mailto:desk@example.org'; document.body.appendChild (a); a.click ();"
                             "}) ()"));
  display_wait_until (&activation.done, "link-activated");
  g_assert_cmpstr (activation.uri, ==, "mailto:desk@example.org");

  g_signal_handler_disconnect (fixture->web_view, id);
  g_signal_handlers_disconnect_by_data (fixture->view, &activation);
  g_free (activation.uri);
}

static void
test_read_next (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GListStore) section = g_list_store_new (BULLETIN_TYPE_ARTICLE);
  g_autoptr(BulletinArticle) article = new_article ("Current");
  Activation activation = { NULL, NULL, FALSE };
  guint started = 0;
  gulong id;

  g_list_store_append (section, article);
  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *title = g_strdup_printf ("Other %u", i);
      g_autoptr(BulletinArticle) other = new_article (title);

      g_list_store_append (section, other);
    }

  bulletin_article_view_set_related (fixture->view, G_LIST_MODEL (section));
  show_article (fixture, article);

  assert_js (fixture, "document.querySelectorAll ('.read-next li').length", "4");
  assert_js (fixture, "Array.from (document.querySelectorAll ('.read-next .title')).map (e => e.textContent).join ('|')",
             "Other 0|Other 1|Other 2|Other 3");

  g_signal_connect (fixture->view, "open-article", G_CALLBACK (open_article_cb), &activation);
  g_signal_connect (fixture->view, "link-activated", G_CALLBACK (link_activated_cb), &activation);
  id = g_signal_connect (fixture->web_view, "load-changed", G_CALLBACK (load_started_cb), &started);

  g_free (evaluate (fixture, "document.querySelectorAll ('.read-next a')[2].click ()"));
  display_wait_until (&activation.done, "open-article");
  display_settle (200);

  g_assert_nonnull (activation.article);
  g_assert_cmpstr (bulletin_article_get_title (activation.article), ==, "Other 2");
  /* Not a browser link, and the view did not navigate */
  g_assert_null (activation.uri);
  g_assert_cmpuint (started, ==, 0);
  g_assert_true (bulletin_article_view_get_article (fixture->view) == article);

  g_signal_handler_disconnect (fixture->web_view, id);
  g_signal_handlers_disconnect_by_data (fixture->view, &activation);
  g_clear_object (&activation.article);
}

static double
body_font_size (Fixture *fixture)
{
  g_autofree char *size = evaluate (fixture, "parseFloat (getComputedStyle (document.querySelector ('#body p')).fontSize)");

  return g_ascii_strtod (size, NULL);
}

static void
test_font_scale (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(BulletinArticle) article = new_article ("Zoom");
  double normal, larger, smaller;

  show_article (fixture, article);
  normal = body_font_size (fixture);
  g_assert_cmpfloat (normal, >, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "article.zoom-in", NULL));
  g_assert_cmpfloat_with_epsilon (bulletin_article_view_get_font_scale (fixture->view), 1.1, 0.001);
  larger = body_font_size (fixture);
  g_assert_cmpfloat_with_epsilon (larger, normal * 1.1, 0.5);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "article.zoom-reset", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "article.zoom-out", NULL));
  smaller = body_font_size (fixture);
  g_assert_cmpfloat (smaller, <, normal);

  /* The page was not reloaded for it: still the same document */
  g_assert_cmpstr (webkit_web_view_get_uri (fixture->web_view), ==, "about:blank");

  /* A new article keeps the scale */
  {
    g_autoptr(BulletinArticle) next = new_article ("Zoom again");

    show_article (fixture, next);
    g_assert_cmpfloat_with_epsilon (body_font_size (fixture), smaller, 0.01);
  }

  /* The family follows article-font */
  bulletin_article_view_set_article_font (fixture->view, "sans");
  assert_js (fixture, "document.documentElement.classList.contains ('sans')", "true");
  assert_js (fixture, "document.documentElement.classList.contains ('serif')", "false");
  bulletin_article_view_set_article_font (fixture->view, "serif");

  bulletin_article_view_zoom_reset (fixture->view);
}

static void
test_dark (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(BulletinArticle) article = new_article ("Dark");
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  g_autofree char *light_background = NULL;
  g_autofree char *dark_background = NULL;

  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  show_article (fixture, article);
  assert_js (fixture, "document.documentElement.classList.contains ('dark')", "false");
  light_background = evaluate (fixture, "getComputedStyle (document.body).backgroundColor");

  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_FORCE_DARK);
  assert_js (fixture, "document.documentElement.classList.contains ('dark')", "true");
  dark_background = evaluate (fixture, "getComputedStyle (document.body).backgroundColor");
  g_assert_cmpstr (light_background, !=, dark_background);

  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_right_to_left (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(BulletinArticle) article = new_article ("عنوان المقال");

  bulletin_article_set_language (article, "ar");
  bulletin_article_set_author (article, "كاتب");
  show_article (fixture, article);

  assert_js (fixture, "document.documentElement.dir", "rtl");
  assert_js (fixture, "getComputedStyle (document.getElementById ('body')).direction", "rtl");
  assert_js (fixture, "getComputedStyle (document.body).fontFamily.startsWith ('\"Noto Naskh Arabic\"')", "true");
  assert_js (fixture, "document.getElementById ('headline').getAttribute ('dir')", "auto");
  assert_js (fixture, "document.querySelector ('.byline bdi').textContent", "كاتب");
}

static void
notify_loading_cb (BulletinArticleView *view,
                   GParamSpec          *pspec,
                   gboolean            *done)
{
  if (!bulletin_article_view_get_loading (view))
    *done = TRUE;
}

static void
test_loads_full_text (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(BulletinArticle) article = bulletin_article_new ();
  g_autofree char *url = g_strconcat (fixture->base, "/news/full-story", NULL);
  gboolean done = FALSE;
  gulong id;

  bulletin_article_set_url (article, url);
  bulletin_article_set_title (article, "The full story");
  bulletin_article_set_summary (article, "Only the summary, for now.");

  id = g_signal_connect (fixture->view, "notify::loading", G_CALLBACK (notify_loading_cb), &done);
  show_article (fixture, article);

  /* The summary at once, with a loading note, while the page is fetched */
  if (!done)
    {
      g_assert_true (bulletin_article_view_get_loading (fixture->view));
      assert_js (fixture, "document.querySelector ('.lede').textContent", "Only the summary, for now.");
      assert_js (fixture, "document.querySelectorAll ('.notice.loading').length", "1");
    }

  display_wait_until (&done, "the full text");
  g_signal_handler_disconnect (fixture->view, id);
  wait_for_js (fixture, "document.getElementById ('body').textContent.includes ('FULL-TEXT-MARKER')", "true");

  g_assert_false (bulletin_article_view_get_loading (fixture->view));
  g_assert_true (bulletin_article_has_body (article));
  g_assert_cmpuint (requests_for (fixture, "/news/full-story"), ==, 1);
  assert_js (fixture, "document.getElementById ('body').textContent.includes ('FULL-TEXT-MARKER')", "true");
  assert_js (fixture, "document.querySelectorAll ('.notice.loading').length", "0");
  g_assert_false (gtk_revealer_get_reveal_child (find_widget (GTK_WIDGET (fixture->view), GTK_TYPE_REVEALER)));
}

static void
test_load_failure (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(BulletinArticle) article = bulletin_article_new ();
  g_autofree char *url = g_strconcat (fixture->base, "/news/gone", NULL);
  GtkRevealer *revealer;
  GtkLabel *label;
  gboolean done = FALSE;
  gulong id;

  bulletin_article_set_url (article, url);
  bulletin_article_set_title (article, "A vanished story");
  bulletin_article_set_summary (article, "What the feed said about it.");

  id = g_signal_connect (fixture->view, "notify::loading", G_CALLBACK (notify_loading_cb), &done);
  show_article (fixture, article);
  display_wait_until (&done, "the fetch to fail");
  g_signal_handler_disconnect (fixture->view, id);
  wait_for_js (fixture, "document.querySelectorAll ('.notice.loading').length", "0");

  /* The summary stays, with a worded error, Retry and Open in Browser */
  assert_js (fixture, "document.querySelector ('.lede').textContent", "What the feed said about it.");
  assert_js (fixture, "document.querySelectorAll ('.notice.loading').length", "0");
  revealer = find_widget (GTK_WIDGET (fixture->view), GTK_TYPE_REVEALER);
  g_assert_true (gtk_revealer_get_reveal_child (revealer));
  label = find_widget (GTK_WIDGET (revealer), GTK_TYPE_LABEL);
  g_assert_cmpstr (gtk_label_get_text (label), ==, "The article is no longer on the outlet’s site.");
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (fixture->view)));

  /* Retry asks again */
  done = FALSE;
  id = g_signal_connect (fixture->view, "notify::loading", G_CALLBACK (notify_loading_cb), &done);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "article.retry", NULL));
  g_assert_true (bulletin_article_view_get_loading (fixture->view));
  display_wait_until (&done, "the retry to fail");
  g_signal_handler_disconnect (fixture->view, id);
  g_assert_cmpuint (requests_for (fixture, "/news/gone"), ==, 2);
  g_assert_true (gtk_revealer_get_reveal_child (revealer));
}

static void
test_web_process_crash (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(BulletinArticle) article = new_article ("Survives a crash");
  gboolean finished = FALSE;
  gulong id;

  show_article (fixture, article);
  webkit_web_view_terminate_web_process (fixture->web_view);
  display_settle (200);
  g_assert_cmpstr (visible_page (fixture), ==, "crashed");

  id = g_signal_connect (fixture->web_view, "load-changed", G_CALLBACK (load_changed_cb), &finished);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "article.retry", NULL));
  display_wait_until (&finished, "the page after a crash");
  g_signal_handler_disconnect (fixture->web_view, id);

  g_assert_cmpstr (visible_page (fixture), ==, "article");
  assert_js (fixture, "document.getElementById ('headline').textContent", "Survives a crash");
}

/* Screenshots a person can look at: the whole page, into the build's
 * tests/display/screenshots/.
 */
typedef struct
{
  gboolean    done;
  GdkTexture *texture;
  GError     *error;
} Snapshot;

static void
snapshot_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Snapshot *snapshot = user_data;

  snapshot->texture = webkit_web_view_get_snapshot_finish (WEBKIT_WEB_VIEW (source), result, &snapshot->error);
  snapshot->done = TRUE;
}

static void
save_screenshot (Fixture    *fixture,
                 const char *name)
{
  Snapshot snapshot = { FALSE, NULL, NULL };
  g_autofree char *dir = g_build_filename (g_test_get_dir (G_TEST_BUILT), "screenshots", NULL);
  g_autofree char *path = g_strdup_printf ("%s/article-view-%s.png", dir, name);

  /* Let images decode and paint */
  display_settle (300);
  webkit_web_view_get_snapshot (fixture->web_view, WEBKIT_SNAPSHOT_REGION_FULL_DOCUMENT,
                                WEBKIT_SNAPSHOT_OPTIONS_NONE, NULL, snapshot_cb, &snapshot);
  display_wait_until (&snapshot.done, "a snapshot");
  g_assert_no_error (snapshot.error);
  g_assert_nonnull (snapshot.texture);
  g_assert_cmpint (gdk_texture_get_width (snapshot.texture), >, 0);
  /* A whole article is taller than the window */
  g_assert_cmpint (gdk_texture_get_height (snapshot.texture), >, gtk_widget_get_height (GTK_WIDGET (fixture->web_view)));

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_assert_true (gdk_texture_save_to_png (snapshot.texture, path));
  g_test_message ("screenshot: %s", path);
  g_object_unref (snapshot.texture);
}

static char *
demo_image (guint index)
{
  const char *folder = "/io/github/bulletinapp/Bulletin/demo/images/";
  g_auto(GStrv) children = g_resources_enumerate_children (folder, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  guint n = children != NULL ? g_strv_length (children) : 0;

  if (n == 0)
    return tiny_png_data_uri ();

  return g_strconcat ("resource://", folder, children[index % n], NULL);
}

static BulletinArticle *
demo_like_article (const char *title,
                   guint       image)
{
  BulletinArticle *article = new_article (title);
  g_autofree char *hero = demo_image (image);
  g_autofree char *inline_image = demo_image (image + 1);
  g_autoptr(GString) body = g_string_new (NULL);

  for (guint part = 0; part < 3; part++)
    {
      g_string_append_printf (body, "<h2>Part %u</h2>", part + 1);
      g_string_append (body,
                       "<p>Negotiators from both delegations met again on Monday in the capital, where "
                       "they discussed the reopening of the northern ports and the schedule for the "
                       "release of detained crews. Officials called the talks "
                       "<a href=\"https://example.org/related\">constructive</a>.</p>"
                       "<p>Observers expect a first agreement within weeks, though several questions "
                       "remain open, among them the role of international monitors.</p>");
      if (part == 1)
        g_string_append_printf (body, "<figure><img src=\"%s\" alt=\"\"><figcaption>An inline picture with its caption</figcaption></figure>"
                                "<blockquote><p>We have made real progress, but much remains to be done.</p></blockquote>",
                                inline_image);
    }

  bulletin_article_set_body (article, body->str);
  bulletin_article_set_image (article, hero);
  bulletin_article_set_reading_minutes (article, 0);

  return article;
}

static void
test_screenshots (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GListStore) section = g_list_store_new (BULLETIN_TYPE_ARTICLE);
  g_autoptr(BulletinArticle) article = demo_like_article ("Ports reopen as talks make progress", 0);
  g_autoptr(BulletinArticle) rtl = demo_like_article ("محادثات الموانئ تحرز تقدماً في العاصمة", 2);
  g_autoptr(BulletinArticle) video = demo_like_article ("Inside the northern port at dawn", 4);
  g_autoptr(BulletinArticle) gallery = demo_like_article ("The regatta, in pictures", 5);
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  g_auto(GStrv) pictures = g_new0 (char *, 5);

  g_list_store_append (section, article);
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *title = g_strdup_printf ("Another politics story, number %u, with a longer headline", i + 1);
      g_autoptr(BulletinArticle) other = demo_like_article (title, 6 + i);

      g_list_store_append (section, other);
      pictures[i] = demo_image (10 + i);
    }
  bulletin_article_view_set_related (fixture->view, G_LIST_MODEL (section));

  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  show_article (fixture, article);
  save_screenshot (fixture, "light");

  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_FORCE_DARK);
  bulletin_article_set_language (rtl, "ar");
  bulletin_article_set_author (rtl, "مراسل الميادين");
  bulletin_article_set_section_title (rtl, "سياسة");
  show_article (fixture, rtl);
  save_screenshot (fixture, "rtl-dark");

  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  bulletin_article_set_kind (video, BULLETIN_ARTICLE_KIND_VIDEO);
  bulletin_article_set_media_url (video, "https://example.org/video.mp4");
  show_article (fixture, video);
  assert_js (fixture, "document.querySelector ('figure.video a.play').getAttribute ('href')", "https://example.org/video.mp4");
  save_screenshot (fixture, "video");

  bulletin_article_set_kind (gallery, BULLETIN_ARTICLE_KIND_GALLERY);
  bulletin_article_set_gallery (gallery, (const char * const *) pictures);
  show_article (fixture, gallery);
  assert_js (fixture, "document.querySelectorAll ('.gallery figure img').length", "4");
  assert_js (fixture, "Array.from (document.querySelectorAll ('.gallery img')).every (i => i.src.startsWith ('data:image/') || i.src.startsWith ('http'))", "true");
  save_screenshot (fixture, "gallery");

  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_DEFAULT);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *tmp = NULL;

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("1..0 # SKIP no display (run under Xvfb: build-aux/dev test)\n");
      return 0;
    }

  /* Caches and data of this run stay apart from the user's */
  tmp = g_dir_make_tmp ("test-article-view-XXXXXX", NULL);
  g_assert_nonnull (tmp);
  g_setenv ("XDG_CACHE_HOME", tmp, TRUE);
  g_setenv ("XDG_DATA_HOME", tmp, TRUE);
  g_setenv ("TZ", "UTC", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  /* WebKit names its data directories after the program */
  g_set_prgname ("test-article-view");
  adw_init ();

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD_TEST ("/article-view/empty-state", test_empty_state);
  ADD_TEST ("/article-view/renders-fields", test_renders_fields);
  ADD_TEST ("/article-view/hostile-body", test_hostile_body);
  ADD_TEST ("/article-view/link-click", test_link_click);
  ADD_TEST ("/article-view/refuses-navigation", test_refuses_navigation);
  ADD_TEST ("/article-view/read-next", test_read_next);
  ADD_TEST ("/article-view/font-scale", test_font_scale);
  ADD_TEST ("/article-view/dark", test_dark);
  ADD_TEST ("/article-view/right-to-left", test_right_to_left);
  ADD_TEST ("/article-view/loads-full-text", test_loads_full_text);
  ADD_TEST ("/article-view/load-failure", test_load_failure);
  ADD_TEST ("/article-view/web-process-crash", test_web_process_crash);
  ADD_TEST ("/article-view/screenshots", test_screenshots);

  return g_test_run ();
}
