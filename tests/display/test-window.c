/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-window"

#include "config.h"

#include <adwaita.h>
#include <webkit/webkit.h>

#include "bulletin-application.h"
#include "bulletin-article-view.h"
#include "bulletin-headline-list.h"
#include "bulletin-headline-row.h"
#include "bulletin-section-model.h"
#include "bulletin-sidebar.h"
#include "bulletin-sidebar-row.h"
#include "bulletin-spinner.h"
#include "bulletin-thumbnail.h"
#include "bulletin-window.h"
#include "bulletin-window-private.h"

#include "display-utils.h"

/* The reading window under Xvfb, driven through its actions on the demo
 * edition; screenshots go to <builddir>/tests/screenshots/. */

static BulletinApplication *app;


/* Helpers */

static gboolean
list_shows_error_or_empty (gpointer data)
{
  BulletinWindow *window = data;
  const char *state = bulletin_headline_list_get_state (window->headline_list);

  return g_strcmp0 (state, "error") == 0 || g_strcmp0 (state, "empty") == 0;
}

static gboolean
model_idle (gpointer data)
{
  BulletinWindow *window = data;
  gboolean loading = FALSE;

  if (window->current_model != NULL && BULLETIN_IS_SECTION_MODEL (window->current_model))
    g_object_get (window->current_model, "loading", &loading, NULL);

  return !loading;
}

static gboolean
view_idle (gpointer data)
{
  BulletinWindow *window = data;

  return window->article_view == NULL ||
         !bulletin_article_view_get_loading (BULLETIN_ARTICLE_VIEW (window->article_view));
}

static gboolean
thumbnails_released (gpointer data)
{
  BulletinWindow *window = data;

  return window->held_thumbnails == NULL;
}

/* A headline row showing its thumbnail, not the placeholder */
static gboolean
row_shows_thumbnail (gpointer data)
{
  BulletinWindow *window = data;
  GtkWidget *row = display_find_type (GTK_WIDGET (window->headline_list), BULLETIN_TYPE_HEADLINE_ROW);
  GtkWidget *thumbnail = row != NULL ? display_find_type (row, BULLETIN_TYPE_THUMBNAIL) : NULL;

  return thumbnail != NULL && gtk_widget_get_mapped (thumbnail) &&
         bulletin_thumbnail_get_texture (BULLETIN_THUMBNAIL (thumbnail)) != NULL;
}

static gboolean
texture_loaded (gpointer data)
{
  GdkTexture **texture = data;

  return *texture != NULL;
}

static void
thumbnail_loaded_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  GdkTexture **texture = user_data;
  g_autoptr(GError) error = NULL;

  *texture = bulletin_thumbnail_cache_load_finish (BULLETIN_THUMBNAIL_CACHE (object), result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (*texture);
}

static void
activate (BulletinWindow *window,
          const char     *action,
          GVariant       *parameter)
{
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (window), action, parameter));
}

/* Tests */

static const struct {
  const char *id;
  const char *title;
  const char *heading;   /* NULL: no heading; "-": a separator */
} english_navigation[] = {
  { "saved", "Saved", NULL },
  { "latest", NULL, NULL },
  { "politics", "Politics", "News" },
  { "economy", "Economy", NULL },
  { "sports", "Sports", NULL },
  { "arts-culture", NULL, NULL },
  { "health", "Health", NULL },
  { "miscellaneous", "Miscellaneous", NULL },
  { "technology", "Technology", NULL },
  { "environment", "Environment", NULL },
  { "opinion", "Opinion", "Articles" },
  { "analysis", "Analysis", NULL },
  { "blog", "Blog", NULL },
  { "features", "Features", NULL },
  { "newsfeed", NULL, "Videos" },
  { "video-features", "Video Features", NULL },
  { "explainers", "Explainers", NULL },
  { "tv", "TV", NULL },
  { "digital-series", "Digital Series", NULL },
  { "infographs", "Infographs", "-" },
  { "in-pictures", "In Pictures", NULL },
  { "live", NULL, NULL },
  { "africa", "Africa", "Regions" },
  { "asia", "Asia", NULL },
  { "asia-pacific", "Asia-Pacific", NULL },
  { "europe", "Europe", NULL },
  { "latin-america", "Latin America", NULL },
  { "mena", "MENA", NULL },
  { "palestine", "Palestine", NULL },
  { "us-canada", NULL, NULL },
};

static void
test_sidebar_english (void)
{
  BulletinEdition *edition = bulletin_application_lookup_edition (app, "almayadeen-en");
  GtkWidget *window = gtk_window_new ();
  BulletinSidebar *sidebar = BULLETIN_SIDEBAR (bulletin_sidebar_new ());

  g_assert_nonnull (edition);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (sidebar));
  gtk_window_present (GTK_WINDOW (window));

  /* Only the rows: no section model, so nothing is fetched */
  bulletin_sidebar_set_edition (sidebar, edition);
  display_settle (50);

  g_assert_cmpuint (bulletin_sidebar_get_n_entries (sidebar), ==, G_N_ELEMENTS (english_navigation));
  for (guint i = 0; i < G_N_ELEMENTS (english_navigation); i++)
    {
      GtkListBoxRow *row = GTK_LIST_BOX_ROW (bulletin_sidebar_get_row (sidebar, english_navigation[i].id));
      GtkWidget *header;

      g_assert_cmpstr (bulletin_sidebar_get_entry_id (sidebar, i), ==, english_navigation[i].id);
      if (english_navigation[i].title != NULL)
        g_assert_cmpstr (bulletin_sidebar_get_entry_title (sidebar, i), ==, english_navigation[i].title);

      g_assert_nonnull (row);
      header = gtk_list_box_row_get_header (row);
      if (english_navigation[i].heading == NULL)
        g_assert_null (header);
      else if (g_str_equal (english_navigation[i].heading, "-"))
        g_assert_true (GTK_IS_SEPARATOR (header));
      else
        {
          g_assert_true (GTK_IS_LABEL (header));
          g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (header)), ==, english_navigation[i].heading);
        }
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_demo_sections (void)
{
  BulletinWindow *window = display_open_window (app, "demo", 1280, 800);
  BulletinSidebarRow *row;
  GListModel *model;
  guint n_items;

  g_assert_cmpstr (bulletin_edition_get_id (bulletin_window_get_edition (window)), ==, "demo");
  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (window)), ==, GTK_TEXT_DIR_LTR);
  g_assert_false (adw_leaflet_get_folded (window->leaflet));

  /* The demo starts on Latest (the settings are empty) and fills it */
  g_assert_cmpstr (bulletin_window_get_section_id (window), ==, "latest");
  g_assert_true (display_wait_for (display_list_has_headlines, window));

  activate (window, "win.select-section", g_variant_new_string ("politics"));
  g_assert_cmpstr (bulletin_window_get_section_id (window), ==, "politics");
  g_assert_cmpstr (adw_window_title_get_title (window->list_title), ==, "Politics");
  g_assert_true (display_wait_for (display_list_has_headlines, window));

  model = bulletin_window_get_section_model (window, "politics");
  n_items = g_list_model_get_n_items (model);
  g_assert_cmpuint (n_items, >, 0);
  g_assert_cmpuint (bulletin_headline_list_get_n_shown (window->headline_list), ==, n_items);

  /* The row counts what is unread */
  row = BULLETIN_SIDEBAR_ROW (bulletin_sidebar_get_row (window->sidebar, "politics"));
  g_assert_cmpuint (bulletin_sidebar_row_get_unread (row), ==, n_items);

  /* Alt+2 is the second entry, Latest */
  activate (window, "win.go-to-section", g_variant_new_int32 (1));
  g_assert_cmpstr (bulletin_window_get_section_id (window), ==, "latest");

  /* A section the edition does not have changes nothing */
  g_assert_false (bulletin_window_select_section (window, "no-such-section"));
  g_assert_cmpstr (bulletin_window_get_section_id (window), ==, "latest");

  display_close_window (window);
}

static void
test_demo_article (void)
{
  BulletinWindow *window = display_open_window (app, "demo", 1280, 800);
  BulletinSidebarRow *row;
  BulletinArticle *first;
  BulletinArticle *second;
  guint unread;

  activate (window, "win.select-section", g_variant_new_string ("politics"));
  g_assert_true (display_wait_for (display_list_has_headlines, window));
  row = BULLETIN_SIDEBAR_ROW (bulletin_sidebar_get_row (window->sidebar, "politics"));
  unread = bulletin_sidebar_row_get_unread (row);
  g_assert_null (bulletin_window_get_article (window));
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (window->share_button)));

  /* j reads the first headline */
  activate (window, "win.next-article", NULL);
  g_assert_true (gtk_widget_get_sensitive (gtk_widget_get_parent (GTK_WIDGET (window->refresh_stack))) ==
                 !bulletin_section_model_get_loading (BULLETIN_SECTION_MODEL (window->current_model)));
  first = bulletin_window_get_article (window);
  g_assert_nonnull (first);
  g_assert_true (first == bulletin_headline_list_get_selected_article (window->headline_list));
  g_assert_true (bulletin_article_get_read (first));
  g_assert_cmpuint (bulletin_sidebar_row_get_unread (row), ==, unread - 1);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->article_stack), ==, "article");
  g_assert_cmpstr (bulletin_article_get_url (bulletin_article_view_get_article (BULLETIN_ARTICLE_VIEW (window->article_view))),
                   ==, bulletin_article_get_url (first));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (window->share_button)));
  g_assert_true (display_wait_for (view_idle, window));
  g_assert_true (display_wait_for (model_idle, window));
  g_assert_true (gtk_widget_get_sensitive (gtk_widget_get_parent (GTK_WIDGET (window->refresh_stack))));

  /* j again, then k back */
  if (g_list_model_get_n_items (bulletin_headline_list_get_model (window->headline_list)) > 1)
    {
      activate (window, "win.next-article", NULL);
      second = bulletin_window_get_article (window);
      g_assert_true (second != first);
      activate (window, "win.previous-article", NULL);
      g_assert_true (bulletin_window_get_article (window) == first);
    }

  g_free (display_screenshot (GTK_WIDGET (window), "window-1280-light-en"));
  display_set_dark (TRUE);
  g_free (display_screenshot (GTK_WIDGET (window), "window-1280-dark-en"));
  display_set_dark (FALSE);

  display_close_window (window);
}

static gboolean
spinning_or_idle (gpointer data)
{
  BulletinWindow *window = data;

  return gtk_spinner_get_spinning (window->refresh_spinner) || model_idle (window);
}

static gboolean
spinner_spinning (gpointer data)
{
  return gtk_spinner_get_spinning (GTK_SPINNER (data));
}

/* A spinner turns only once a wait has lasted a while, and stops at once */
static void
test_spinner_waits (void)
{
  g_autoptr(GtkWidget) spinner = g_object_ref_sink (gtk_spinner_new ());
  gint64 start;

  /* A wait over before it is seen is never said */
  bulletin_spinner_set_waiting (GTK_SPINNER (spinner), TRUE);
  g_assert_false (gtk_spinner_get_spinning (GTK_SPINNER (spinner)));
  bulletin_spinner_set_waiting (GTK_SPINNER (spinner), FALSE);
  display_settle (2 * BULLETIN_SPINNER_DELAY_MS);
  g_assert_false (gtk_spinner_get_spinning (GTK_SPINNER (spinner)));

  /* A longer one is, after the delay; saying it again does not restart it */
  start = g_get_monotonic_time ();
  bulletin_spinner_set_waiting (GTK_SPINNER (spinner), TRUE);
  display_settle (BULLETIN_SPINNER_DELAY_MS / 2);
  bulletin_spinner_set_waiting (GTK_SPINNER (spinner), TRUE);
  g_assert_true (display_wait_for (spinner_spinning, spinner));
  g_assert_cmpint (g_get_monotonic_time () - start, >=, BULLETIN_SPINNER_DELAY_MS * 1000);

  bulletin_spinner_set_waiting (GTK_SPINNER (spinner), FALSE);
  g_assert_false (gtk_spinner_get_spinning (GTK_SPINNER (spinner)));

  /* Still waiting when the spinner goes: nothing fires on it after */
  bulletin_spinner_set_waiting (GTK_SPINNER (spinner), TRUE);
  g_clear_object (&spinner);
  display_settle (2 * BULLETIN_SPINNER_DELAY_MS);
}

static void
test_demo_refresh (void)
{
  BulletinWindow *window = display_open_window (app, "demo", 1280, 800);
  guint n_items;
  gboolean loading = FALSE;

  g_assert_true (display_wait_for (display_list_has_headlines, window));
  g_assert_true (display_wait_for (model_idle, window));
  n_items = bulletin_headline_list_get_n_shown (window->headline_list);
  g_assert_true (gtk_widget_get_sensitive (gtk_widget_get_parent (GTK_WIDGET (window->refresh_stack))));

  activate (window, "win.refresh", NULL);
  g_object_get (window->current_model, "loading", &loading, NULL);
  g_assert_true (loading);
  /* A second refresh cannot start meanwhile; the spinner waits for the
   * wait to be seen, and then shows in the button */
  g_assert_false (gtk_widget_get_sensitive (gtk_widget_get_parent (GTK_WIDGET (window->refresh_stack))));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->refresh_stack), ==, "icon");
  g_assert_true (display_wait_for (spinning_or_idle, window));
  if (gtk_spinner_get_spinning (window->refresh_spinner))
    g_assert_cmpstr (gtk_stack_get_visible_child_name (window->refresh_stack), ==, "spinner");

  g_assert_true (display_wait_for (model_idle, window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->refresh_stack), ==, "icon");
  g_assert_cmpuint (bulletin_headline_list_get_n_shown (window->headline_list), ==, n_items);
  g_assert_cmpstr (bulletin_headline_list_get_state (window->headline_list), ==, "list");

  display_close_window (window);
}

static void
test_demo_search (void)
{
  BulletinWindow *window = display_open_window (app, "demo", 1280, 800);
  g_autoptr(BulletinArticle) first = NULL;
  g_auto(GStrv) words = NULL;
  const char *word = NULL;
  guint n_items;
  guint n_shown;
  int list_width;

  g_assert_true (display_wait_for (display_list_has_headlines, window));
  n_items = bulletin_headline_list_get_n_shown (window->headline_list);
  g_assert_cmpuint (n_items, >, 1);
  display_settle (100);
  list_width = gtk_widget_get_width (GTK_WIDGET (window->headline_list));

  /* Ctrl+F opens the search */
  activate (window, "win.search", NULL);
  g_assert_true (bulletin_headline_list_get_search_mode (window->headline_list));
  g_assert_true (gtk_toggle_button_get_active (window->search_button));

  /* The longest word of the first title finds at least that article */
  first = g_list_model_get_item (bulletin_headline_list_get_model (window->headline_list), 0);
  words = g_strsplit (bulletin_article_get_title (first), " ", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (word == NULL || strlen (words[i]) > strlen (word))
      word = words[i];
  g_assert_nonnull (word);

  bulletin_headline_list_set_search_text (window->headline_list, word);
  n_shown = bulletin_headline_list_get_n_shown (window->headline_list);
  g_assert_cmpuint (n_shown, >=, 1);
  g_assert_cmpuint (n_shown, <=, n_items);
  g_assert_cmpstr (bulletin_headline_list_get_state (window->headline_list), ==, "list");

  /* Case does not matter */
  {
    g_autofree char *upper = g_utf8_strup (word, -1);

    bulletin_headline_list_set_search_text (window->headline_list, upper);
    g_assert_cmpuint (bulletin_headline_list_get_n_shown (window->headline_list), ==, n_shown);
  }

  bulletin_headline_list_set_search_text (window->headline_list, "zzqxj nothing matches this");
  g_assert_cmpuint (bulletin_headline_list_get_n_shown (window->headline_list), ==, 0);
  g_assert_cmpstr (bulletin_headline_list_get_state (window->headline_list), ==, "no-results");
  /* The page that says so, made only now, leaves the pane as wide */
  display_settle (100);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window->headline_list)), ==, list_width);

  /* Closing the search shows everything again */
  gtk_toggle_button_set_active (window->search_button, FALSE);
  g_assert_cmpuint (bulletin_headline_list_get_n_shown (window->headline_list), ==, n_items);
  g_assert_cmpstr (bulletin_headline_list_get_search_text (window->headline_list), ==, "");

  display_close_window (window);
}

static void
test_demo_bookmark (void)
{
  BulletinWindow *window = display_open_window (app, "demo", 1280, 800);
  BulletinBookmarks *bookmarks = bulletin_application_get_bookmarks (app);
  BulletinArticle *article;
  g_autofree char *url = NULL;
  gboolean bookmarked = TRUE;

  g_assert_true (display_wait_for (display_list_has_headlines, window));

  /* Nothing to bookmark before an article is open */
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (window->bookmark_button)));

  activate (window, "win.next-article", NULL);
  article = bulletin_window_get_article (window);
  g_assert_nonnull (article);
  url = g_strdup (bulletin_article_get_url (article));
  g_object_get (window, "bookmarked", &bookmarked, NULL);
  g_assert_false (bookmarked);
  g_assert_false (bulletin_bookmarks_contains (bookmarks, url));

  /* Ctrl+D */
  activate (window, "win.bookmark", NULL);
  g_object_get (window, "bookmarked", &bookmarked, NULL);
  g_assert_true (bookmarked);
  g_assert_true (bulletin_bookmarks_contains (bookmarks, url));
  g_assert_true (gtk_toggle_button_get_active (window->bookmark_button));

  /* It is in Saved */
  activate (window, "win.select-section", g_variant_new_string ("saved"));
  g_assert_cmpstr (bulletin_window_get_section_id (window), ==, "saved");
  g_assert_cmpuint (bulletin_headline_list_get_n_shown (window->headline_list), ==, 1);
  /* The article being read stays */
  g_assert_true (bulletin_window_get_article (window) == article);

  /* Ctrl+D again removes it, and Saved says it is empty */
  activate (window, "win.bookmark", NULL);
  g_object_get (window, "bookmarked", &bookmarked, NULL);
  g_assert_false (bookmarked);
  g_assert_false (bulletin_bookmarks_contains (bookmarks, url));
  g_assert_cmpuint (bulletin_headline_list_get_n_shown (window->headline_list), ==, 0);
  g_assert_cmpstr (bulletin_headline_list_get_state (window->headline_list), ==, "empty");

  display_settle (200);
  display_close_window (window);
}

static void
test_demo_font_size (void)
{
  BulletinWindow *window = display_open_window (app, "demo", 1280, 800);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  double scale = 0;

  g_assert_nonnull (window->article_view);

  activate (window, "win.zoom-reset", NULL);
  g_object_get (window->article_view, "font-scale", &scale, NULL);
  g_assert_cmpfloat_with_epsilon (scale, 1.0, 0.001);

  /* Ctrl+plus */
  activate (window, "win.zoom-in", NULL);
  g_object_get (window->article_view, "font-scale", &scale, NULL);
  g_assert_cmpfloat (scale, >, 1.0);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "article-font-scale"), scale, 0.001);

  /* Ctrl+0, Ctrl+minus */
  activate (window, "win.zoom-reset", NULL);
  activate (window, "win.zoom-out", NULL);
  g_object_get (window->article_view, "font-scale", &scale, NULL);
  g_assert_cmpfloat (scale, <, 1.0);

  activate (window, "win.zoom-reset", NULL);
  g_object_get (window->article_view, "font-scale", &scale, NULL);
  g_assert_cmpfloat_with_epsilon (scale, 1.0, 0.001);

  display_close_window (window);
}

static void
test_arabic (void)
{
  BulletinWindow *window = display_open_window (app, "demo", 1280, 800);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_assert_true (display_wait_for (display_list_has_headlines, window));
  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (window)), ==, GTK_TEXT_DIR_LTR);

  /* Through the edition switcher, which the reader's choice is written for */
  activate (window, "win.select-edition", g_variant_new_string ("almayadeen-ar"));
  g_assert_cmpstr (bulletin_edition_get_id (bulletin_window_get_edition (window)), ==, "almayadeen-ar");
  g_assert_cmpstr (g_settings_get_string (settings, "edition"), ==, "almayadeen-ar");

  /* The whole window mirrors */
  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (window)), ==, GTK_TEXT_DIR_RTL);
  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (window->sidebar)), ==, GTK_TEXT_DIR_RTL);
  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (window->headline_list)), ==, GTK_TEXT_DIR_RTL);
  g_assert_cmpint (gtk_widget_get_direction (window->article_view), ==, GTK_TEXT_DIR_RTL);
  g_assert_cmpstr (bulletin_sidebar_get_entry_id (window->sidebar, 0), ==, "saved");
  g_assert_cmpstr (bulletin_sidebar_get_entry_id (window->sidebar, 1), ==, "latest");

  /* No network here: an error page with a retry, and nothing spinning */
  g_assert_true (display_wait_for (list_shows_error_or_empty, window));
  g_assert_true (display_wait_for (model_idle, window));
  g_assert_cmpstr (bulletin_headline_list_get_state (window->headline_list), ==, "error");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->refresh_stack), ==, "icon");

  g_free (display_screenshot (GTK_WIDGET (window), "window-1280-light-ar"));
  display_set_dark (TRUE);
  g_free (display_screenshot (GTK_WIDGET (window), "window-1280-dark-ar"));
  display_set_dark (FALSE);

  /* And back */
  activate (window, "win.select-edition", g_variant_new_string ("demo"));
  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (window)), ==, GTK_TEXT_DIR_LTR);
  g_assert_true (display_wait_for (display_list_has_headlines, window));

  display_close_window (window);
}

static void
test_narrow (void)
{
  BulletinWindow *window = display_open_window (app, "demo", 400, 800);

  display_settle (100);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 420);
  g_assert_true (adw_leaflet_get_folded (window->leaflet));

  /* One pane: the headlines, with a way back to the sections */
  g_assert_true (adw_leaflet_get_visible_child (window->leaflet) == window->list_pane);
  g_assert_true (gtk_widget_get_visible (window->list_back_button));
  g_assert_true (display_wait_for (display_list_has_headlines, window));
  g_free (display_screenshot (GTK_WIDGET (window), "window-400-light-en-list"));

  /* Reading an article goes to its pane */
  {
    g_autoptr(BulletinArticle) article = g_list_model_get_item (bulletin_headline_list_get_model (window->headline_list), 0);

    bulletin_headline_list_activate_article (window->headline_list, article);
  }
  g_assert_true (adw_leaflet_get_visible_child (window->leaflet) == window->article_pane);
  g_assert_true (gtk_widget_get_visible (window->article_back_button));
  g_assert_true (display_wait_for (view_idle, window));
  g_free (display_screenshot (GTK_WIDGET (window), "window-400-light-en-article"));
  display_set_dark (TRUE);
  g_free (display_screenshot (GTK_WIDGET (window), "window-400-dark-en-article"));
  display_set_dark (FALSE);

  /* Back, back: the sections */
  activate (window, "win.go-back", NULL);
  display_settle (400);
  g_assert_true (adw_leaflet_get_visible_child (window->leaflet) == window->list_pane);
  activate (window, "win.go-back", NULL);
  display_settle (400);
  g_assert_true (adw_leaflet_get_visible_child (window->leaflet) == window->sidebar_pane);
  g_free (display_screenshot (GTK_WIDGET (window), "window-400-light-en-sidebar"));

  display_close_window (window);
}

/* A held cache starts no load until its last hold is released; what it
 * has in memory it still gives at once */
static void
test_thumbnails_held (void)
{
  const char *url = "resource:///io/github/bulletinapp/Bulletin/demo/images/stadium.jpg";
  g_autoptr(BulletinThumbnailCache) cache = bulletin_thumbnail_cache_new (bulletin_application_get_client (app), 10);
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GdkTexture) again = NULL;

  bulletin_thumbnail_cache_hold (cache);
  bulletin_thumbnail_cache_hold (cache);
  bulletin_thumbnail_cache_load_async (cache, url, NULL, thumbnail_loaded_cb, &texture);
  display_settle (300);
  g_assert_null (texture);

  bulletin_thumbnail_cache_release (cache);
  display_settle (300);
  g_assert_null (texture);

  bulletin_thumbnail_cache_release (cache);
  g_assert_true (display_wait_for (texture_loaded, &texture));
  g_assert_cmpuint (bulletin_thumbnail_cache_get_n_items (cache), ==, 1);

  bulletin_thumbnail_cache_hold (cache);
  bulletin_thumbnail_cache_load_async (cache, url, NULL, thumbnail_loaded_cb, &again);
  display_settle (50);
  g_assert_true (again == texture);
  bulletin_thumbnail_cache_release (cache);
}

/* The window holds the thumbnails back until its first headlines are
 * painted, then lets them load */
static void
test_demo_thumbnails (void)
{
  BulletinWindow *window = display_open_window (app, "demo", 1000, 700);

  g_assert_true (display_wait_for (display_list_has_headlines, window));
  g_assert_true (display_wait_for (thumbnails_released, window));
  g_assert_true (display_wait_for (row_shows_thumbnail, window));

  display_close_window (window);
}

static gboolean
model_loaded (gpointer data)
{
  return !bulletin_section_model_get_loading (data);
}

/* The window's first section reads its own feed first and the other
 * sections' ("latest" reads them all) once its first headlines are
 * painted */
static void
test_demo_first_feed (void)
{
  BulletinWindow *window;
  BulletinSectionModel *model;

  bulletin_application_set_edition_override (app, "demo");
  window = bulletin_window_new (app);
  g_assert_nonnull (window->held_model);
  model = window->held_model;
  g_assert_true (G_LIST_MODEL (model) == window->current_model);
  /* The section is loading (or shows what was kept) from the start, never
   * said to be empty; the page that would say so is made only when needed */
  g_assert_cmpstr (bulletin_headline_list_get_state (window->headline_list), !=, "empty");
  g_assert_null (display_find_type (GTK_WIDGET (window->headline_list), ADW_TYPE_STATUS_PAGE));
  /* No tooltip before the first headlines are painted */
  g_assert_null (gtk_widget_get_tooltip_text (GTK_WIDGET (window->search_button)));

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (display_wait_for (display_list_has_headlines, window));
  g_assert_null (display_find_type (GTK_WIDGET (window->headline_list), ADW_TYPE_STATUS_PAGE));
  g_assert_true (display_wait_for (display_first_feed_released, window));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (window->search_button)), ==, "Search Headlines");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (window->bookmark_button)), ==, "Save Article");
  g_assert_true (display_wait_for (model_loaded, model));
  g_assert_null (bulletin_section_model_get_error (model));

  display_close_window (window);
}

static gboolean
breaking_waits_on_clock (gpointer data)
{
  BulletinWindow *window = data;

  return window->breaking_waits && window->breaking_clock != NULL;
}

/* Closed while it waits for its first headlines' frame to start the
 * breaking poll: nothing is left waiting on the frame clock */
static void
test_close_while_waiting (void)
{
  BulletinWindow *window;

  bulletin_application_set_edition_override (app, "demo");
  window = bulletin_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (display_wait_for (breaking_waits_on_clock, window));
  display_close_window (window);
  display_settle (100);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  display_block_network ();
  display_init (&argc, &argv, "test-window");
  app = display_application_new ();

  g_test_add_func ("/window/close-while-waiting", test_close_while_waiting);
  g_test_add_func ("/window/thumbnails/held", test_thumbnails_held);
  g_test_add_func ("/window/demo/thumbnails", test_demo_thumbnails);
  g_test_add_func ("/window/demo/first-feed", test_demo_first_feed);
  g_test_add_func ("/window/sidebar/english-navigation", test_sidebar_english);
  g_test_add_func ("/window/demo/sections", test_demo_sections);
  g_test_add_func ("/window/demo/article", test_demo_article);
  g_test_add_func ("/window/spinner-waits", test_spinner_waits);
  g_test_add_func ("/window/demo/refresh", test_demo_refresh);
  g_test_add_func ("/window/demo/search", test_demo_search);
  g_test_add_func ("/window/demo/bookmark", test_demo_bookmark);
  g_test_add_func ("/window/demo/font-size", test_demo_font_size);
  g_test_add_func ("/window/arabic", test_arabic);
  g_test_add_func ("/window/narrow", test_narrow);

  status = g_test_run ();

  g_clear_object (&app);

  return status;
}
