/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-article-switch"

#include "config.h"

#include <webkit/webkit.h>

#include "bulletin-article-view.h"

/* Switching between articles that are already loaded: the time from
 * bulletin_article_view_set_article() to WEBKIT_LOAD_FINISHED, over 50
 * switches between a few demo-sized articles. The baseline, measured in the
 * same run, is a bare WebKitWebView loading a one-paragraph page: the ratio
 * says what the template, the renderer and the view add to WebKit's own
 * cost. Figures only; nothing is asserted about them.
 */

#define N_ARTICLES 4
#define N_SWITCHES 50
#define N_WARM_UP 8
#define TIMEOUT_SECONDS 30

static gboolean finished;

static void
load_changed_cb (WebKitWebView   *web_view,
                 WebKitLoadEvent  event,
                 gpointer         user_data)
{
  if (event == WEBKIT_LOAD_FINISHED)
    finished = TRUE;
}

static gboolean
timeout_cb (gpointer data)
{
  g_error ("Timed out waiting for a page load");
  return G_SOURCE_REMOVE;
}

static void
wait_for_load (void)
{
  guint id = g_timeout_add_seconds (TIMEOUT_SECONDS, timeout_cb, NULL);

  while (!finished)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (id);
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

/* One of the demo edition's pictures when the resources have them */
static char *
demo_image (guint index)
{
  const char *folder = "/io/github/bulletinapp/Bulletin/demo/images/";
  g_auto(GStrv) children = g_resources_enumerate_children (folder, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  guint n = children != NULL ? g_strv_length (children) : 0;

  if (n == 0)
    return NULL;

  return g_strconcat ("resource://", folder, children[index % n], NULL);
}

/* About the size of a demo article: ~900 words, subheadings, a quote */
static BulletinArticle *
demo_sized_article (guint index)
{
  BulletinArticle *article = bulletin_article_new ();
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(GDateTime) published = g_date_time_new_utc (2023, 6, 19, 10 + index, 25, 0);
  g_autofree char *title = g_strdup_printf ("Benchmark article %u: ports reopen as talks make progress", index);
  g_autofree char *url = g_strdup_printf ("https://demo.bulletinapp.invalid/news/politics/bench-%u", index);
  g_autofree char *image = demo_image (index);
  const char *tags[] = { "Politics", "Trade", "Ports", NULL };

  for (guint section = 0; section < 4; section++)
    {
      g_string_append_printf (body, "<h2>Part %u of the story</h2>", section + 1);
      for (guint paragraph = 0; paragraph < 5; paragraph++)
        g_string_append (body,
                         "<p>Negotiators from both delegations met again on Monday in the capital, "
                         "where they discussed the reopening of the northern ports, the schedule for "
                         "the release of detained crews and the role of international observers. "
                         "Officials said the talks were <a href=\"https://demo.bulletinapp.invalid/news/related\">"
                         "constructive</a> and would continue later in the week.</p>");
      g_string_append (body, "<blockquote><p>We have made real progress, but much remains to be done.</p></blockquote>");
    }

  bulletin_article_set_url (article, url);
  bulletin_article_set_title (article, title);
  bulletin_article_set_author (article, "Demo Desk");
  bulletin_article_set_section (article, "politics");
  bulletin_article_set_section_title (article, "Politics");
  bulletin_article_set_summary (article, "Negotiators met again on Monday; the ports may reopen within weeks.");
  bulletin_article_set_body (article, body->str);
  bulletin_article_set_image (article, image);
  bulletin_article_set_image_caption (article, "Cranes at the northern port");
  bulletin_article_set_published (article, published);
  bulletin_article_set_tags (article, tags);

  return article;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
summarize (GArray *samples,
           double *median,
           double *p95)
{
  g_array_sort (samples, compare_doubles);
  *median = g_array_index (samples, double, samples->len / 2);
  *p95 = g_array_index (samples, double, MIN (samples->len - 1, (guint) (samples->len * 0.95)));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GListStore) section = NULL;
  g_autoptr(GArray) switches = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) baseline = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) synchronous = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *tmp = NULL;
  BulletinArticle *articles[N_ARTICLES];
  BulletinArticleView *view;
  WebKitWebView *web_view;
  WebKitWebView *bare;
  GtkWindow *window;
  GtkWidget *box;
  double median, p95, base_median, base_p95, sync_median, sync_p95;

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("bench-article-switch: no display, skipped (run under Xvfb: build-aux/dev bench)\n");
      return 77;
    }

  tmp = g_dir_make_tmp ("bench-article-switch-XXXXXX", NULL);
  g_setenv ("XDG_CACHE_HOME", tmp, TRUE);
  g_setenv ("XDG_DATA_HOME", tmp, TRUE);
  gtk_init ();
  g_set_prgname ("bench-article-switch");
  adw_init ();

  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 1100, 800);
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_box_set_homogeneous (GTK_BOX (box), TRUE);
  view = BULLETIN_ARTICLE_VIEW (bulletin_article_view_new ());
  bare = WEBKIT_WEB_VIEW (webkit_web_view_new ());
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (view));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (bare));
  gtk_window_set_child (window, box);
  gtk_window_present (window);

  web_view = find_web_view (GTK_WIDGET (view));
  g_signal_connect (web_view, "load-changed", G_CALLBACK (load_changed_cb), NULL);
  g_signal_connect (bare, "load-changed", G_CALLBACK (load_changed_cb), NULL);

  section = g_list_store_new (BULLETIN_TYPE_ARTICLE);
  for (guint i = 0; i < N_ARTICLES; i++)
    {
      articles[i] = demo_sized_article (i);
      g_list_store_append (section, articles[i]);
    }
  bulletin_article_view_set_related (view, G_LIST_MODEL (section));

  /* Warm up: the web process starts, fonts and images get cached */
  for (guint i = 0; i < N_WARM_UP; i++)
    {
      finished = FALSE;
      bulletin_article_view_set_article (view, articles[i % N_ARTICLES], NULL);
      wait_for_load ();
      finished = FALSE;
      webkit_web_view_load_html (bare, "<!DOCTYPE html><p>Baseline</p>", "about:blank");
      wait_for_load ();
    }

  for (guint i = 0; i < N_SWITCHES; i++)
    {
      gint64 start;
      double ms;

      finished = FALSE;
      start = g_get_monotonic_time ();
      bulletin_article_view_set_article (view, articles[(i + 1) % N_ARTICLES], NULL);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (synchronous, ms);
      wait_for_load ();
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (switches, ms);

      finished = FALSE;
      start = g_get_monotonic_time ();
      webkit_web_view_load_html (bare, i % 2 ? "<!DOCTYPE html><p>Baseline</p>" : "<!DOCTYPE html><p>Baseline.</p>", "about:blank");
      wait_for_load ();
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (baseline, ms);
    }

  summarize (switches, &median, &p95);
  summarize (baseline, &base_median, &base_p95);
  summarize (synchronous, &sync_median, &sync_p95);

  g_print ("article switch (%u switches, %u articles of ~900 words%s):\n",
           N_SWITCHES, N_ARTICLES, articles[0] != NULL && bulletin_article_get_image (articles[0]) != NULL ? " with demo images" : "");
  g_print ("  set_article -> load finished: median %.1f ms, p95 %.1f ms (target: median < 50 ms, 100 ms at most)\n",
           median, p95);
  g_print ("  of which in set_article (rendering the page): median %.1f ms, p95 %.1f ms\n",
           sync_median, sync_p95);
  g_print ("  baseline, bare WebKitWebView with a one-paragraph page: median %.1f ms, p95 %.1f ms\n",
           base_median, base_p95);
  g_print ("  ratio to baseline: median %.2f, p95 %.2f\n",
           median / base_median, p95 / base_p95);

  gtk_window_destroy (window);
  for (guint i = 0; i < N_ARTICLES; i++)
    g_object_unref (articles[i]);

  return 0;
}
