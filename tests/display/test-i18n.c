/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-i18n"

#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>
#include <adwaita.h>
#include <webkit/webkit.h>

#include "bulletin-application.h"
#include "bulletin-article-view.h"
#include "bulletin-format.h"
#include "bulletin-headline-list.h"
#include "bulletin-sidebar.h"
#include "bulletin-window.h"
#include "bulletin-window-private.h"

/* The window in the language of $LANGUAGE (meson runs this once with "ar"
 * and once with "es"), with the translations of the build: its words are
 * translated, an Arabic one is mirrored whole, dates are written in the
 * interface's language, and the icons that point follow the direction.
 * Screenshots go to <builddir>/tests/display/screenshots/. */

#define TIMEOUT_SECONDS 30

static BulletinApplication *app;
static const char *language;

typedef struct
{
  const char *language;
  GtkTextDirection direction;
  const char *sections;        /* the tooltip of the back button */
  const char *saved;           /* the first sidebar row */
  const char *five_minutes;    /* 5 min ago */
  const char *two_hours;       /* 2 h ago */
  const char *full_date;       /* 2023-06-19T14:25:00Z, in UTC */
} Expected;

static const Expected expectations[] = {
  { "ar", GTK_TEXT_DIR_RTL, "الأقسام", "المحفوظة", "منذ ٥ دقائق", "منذ ساعتين",
    "الاثنين، ١٩ يونيو ٢٠٢٣، ١٤:٢٥" },
  { "es", GTK_TEXT_DIR_LTR, "Secciones", "Guardados", "hace 5 min", "hace 2 h",
    "lunes, 19 de junio de 2023, 14:25" },
};

static const Expected *expected;

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

typedef gboolean (*Predicate) (gpointer data);

static gboolean
wait_for (Predicate predicate,
          gpointer  data)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (TIMEOUT_SECONDS, timeout_cb, &timed_out);

  while (!predicate (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);

  return !timed_out;
}

static void
settle (guint milliseconds)
{
  gboolean done = FALSE;

  g_timeout_add (milliseconds, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
window_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data)) && gtk_widget_get_width (GTK_WIDGET (data)) > 0;
}

static gboolean
list_has_headlines (gpointer data)
{
  BulletinWindow *window = data;

  return g_strcmp0 (bulletin_headline_list_get_state (window->headline_list), "list") == 0 &&
         bulletin_headline_list_get_n_shown (window->headline_list) > 0;
}

static gboolean
view_idle (gpointer data)
{
  BulletinWindow *window = data;

  return window->article_view == NULL ||
         !bulletin_article_view_get_loading (BULLETIN_ARTICLE_VIEW (window->article_view));
}

static gboolean
model_idle (gpointer data)
{
  BulletinWindow *window = data;
  gboolean loading = FALSE;

  if (window->current_model != NULL && g_object_class_find_property (G_OBJECT_GET_CLASS (window->current_model), "loading"))
    g_object_get (window->current_model, "loading", &loading, NULL);

  return !loading;
}

static gboolean
web_view_loaded (gpointer data)
{
  return !webkit_web_view_is_loading (WEBKIT_WEB_VIEW (data));
}

static GtkWidget *
find_web_view (GtkWidget *widget)
{
  if (WEBKIT_IS_WEB_VIEW (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_web_view (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

typedef struct
{
  gboolean    done;
  GdkTexture *texture;
} WebSnapshot;

static void
web_snapshot_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  WebSnapshot *web = user_data;

  web->texture = webkit_web_view_get_snapshot_finish (WEBKIT_WEB_VIEW (source), result, NULL);
  web->done = TRUE;
}

static gboolean
web_snapshot_done (gpointer data)
{
  return ((WebSnapshot *) data)->done;
}

/* The window as on screen; the web view draws outside GTK's snapshot, so
 * its own snapshot goes where it sits */
static void
screenshot (BulletinWindow *window,
            const char     *name)
{
  GtkWidget *content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));
  GtkWidget *web_view = find_web_view (content);
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  graphene_rect_t bounds;
  GdkRGBA background;
  int width, height;

  settle (300);
  width = gtk_widget_get_width (content);
  height = gtk_widget_get_height (content);

  gdk_rgba_parse (&background, adw_style_manager_get_dark (adw_style_manager_get_default ()) ? "#242424" : "#fafafa");
  paintable = gtk_widget_paintable_new (content);
  snapshot = gtk_snapshot_new ();
  gtk_snapshot_append_color (snapshot, &background, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);

  if (web_view != NULL && gtk_widget_is_drawable (web_view) &&
      gtk_widget_compute_bounds (web_view, content, &bounds))
    {
      WebSnapshot web = { FALSE, NULL };

      g_assert_true (wait_for (web_view_loaded, web_view));
      settle (700);
      webkit_web_view_get_snapshot (WEBKIT_WEB_VIEW (web_view), WEBKIT_SNAPSHOT_REGION_VISIBLE,
                                    WEBKIT_SNAPSHOT_OPTIONS_NONE, NULL, web_snapshot_cb, &web);
      g_assert_true (wait_for (web_snapshot_done, &web));
      if (web.texture != NULL)
        {
          gtk_snapshot_append_texture (snapshot, web.texture, &bounds);
          g_object_unref (web.texture);
        }
    }

  node = gtk_snapshot_to_node (snapshot);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  dir = g_build_filename (g_test_get_dir (G_TEST_BUILT), "screenshots", NULL);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  path = g_strdup_printf ("%s/%s.png", dir, name);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s (%dx%d)", path, width, height);
}

static BulletinWindow *
open_window (int width,
             int height)
{
  BulletinWindow *window;
  g_autofree char *edition_id = g_strdup_printf ("demo-%s", expected->language);

  /* The demo edition in the interface's language: demo-ar, demo-es */
  bulletin_application_set_edition_override (app, edition_id);
  window = bulletin_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (wait_for (window_mapped, window));
  g_assert_true (wait_for (list_has_headlines, window));

  return window;
}

static void
test_words (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (2023, 6, 19, 16, 25, 0);
  g_autoptr(GDateTime) five = g_date_time_add_minutes (now, -5);
  g_autoptr(GDateTime) two = g_date_time_add_hours (now, -2);
  g_autoptr(GDateTime) then = g_date_time_new_utc (2023, 6, 19, 14, 25, 0);
  g_autofree char *five_text = bulletin_format_relative_time (five, now);
  g_autofree char *two_text = bulletin_format_relative_time (two, now);
  g_autofree char *full = bulletin_format_full_date (then);

  /* The translation of the build is the one in effect */
  g_assert_cmpstr (bulletin_format_ui_language (), ==, expected->language);
  g_assert_cmpstr (_("Sections"), ==, expected->sections);
  g_assert_cmpstr (five_text, ==, expected->five_minutes);
  g_assert_cmpstr (two_text, ==, expected->two_hours);
  g_assert_cmpstr (full, ==, expected->full_date);
}

/* Icons that point must be ones GTK mirrors: go-previous and go-next, or
 * names ending in -start and -end, never -left and -right */
static void
assert_no_fixed_direction_icons (GtkWidget *widget)
{
  const char *icon = NULL;

  if (GTK_IS_IMAGE (widget) && gtk_image_get_storage_type (GTK_IMAGE (widget)) == GTK_IMAGE_ICON_NAME)
    icon = gtk_image_get_icon_name (GTK_IMAGE (widget));
  else if (GTK_IS_BUTTON (widget))
    icon = gtk_button_get_icon_name (GTK_BUTTON (widget));
  else if (GTK_IS_MENU_BUTTON (widget))
    icon = gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (widget));

  if (icon != NULL && (strstr (icon, "-left") != NULL || strstr (icon, "-right") != NULL))
    g_error ("%s uses the icon %s, which does not follow the text direction",
             G_OBJECT_TYPE_NAME (widget), icon);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    assert_no_fixed_direction_icons (child);
}

static double
x_in_window (GtkWidget *widget,
             GtkWidget *window)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, window, &bounds));

  return bounds.origin.x;
}

static void
test_window (void)
{
  BulletinWindow *window = open_window (1280, 800);
  double sidebar_x, list_x, article_x;
  g_autofree char *light = g_strdup_printf ("window-1280-light-%s-ui", expected->language);
  g_autofree char *dark = g_strdup_printf ("window-1280-dark-%s-ui", expected->language);

  /* The demo edition in the interface's language */
  g_assert_cmpstr (bulletin_edition_get_language (bulletin_window_get_edition (window)), ==, expected->language);

  /* Translated */
  g_assert_cmpstr (gtk_widget_get_tooltip_text (window->list_back_button), ==, expected->sections);
  g_assert_cmpstr (bulletin_sidebar_get_entry_title (window->sidebar, 0), ==, expected->saved);

  /* Mirrored whole in Arabic: the sidebar on the right, the article on the
   * left; in Spanish as in English */
  g_assert_cmpint (gtk_widget_get_default_direction (), ==, expected->direction);
  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (window)), ==, expected->direction);
  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (window->headline_list)), ==, expected->direction);
  sidebar_x = x_in_window (window->sidebar_pane, GTK_WIDGET (window));
  list_x = x_in_window (window->list_pane, GTK_WIDGET (window));
  article_x = x_in_window (window->article_pane, GTK_WIDGET (window));
  if (expected->direction == GTK_TEXT_DIR_RTL)
    {
      g_assert_cmpfloat (sidebar_x, >, list_x);
      g_assert_cmpfloat (list_x, >, article_x);
    }
  else
    {
      g_assert_cmpfloat (sidebar_x, <, list_x);
      g_assert_cmpfloat (list_x, <, article_x);
    }

  assert_no_fixed_direction_icons (GTK_WIDGET (window));

  /* An article open, for the screenshots: the same as the English ones */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.select-section", "s", "politics"));
  g_assert_true (wait_for (list_has_headlines, window));
  g_assert_true (wait_for (model_idle, window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.next-article", NULL));
  g_assert_true (wait_for (view_idle, window));
  /* The thumbnails in, and their cross-fade over */
  settle (1500);
  screenshot (window, light);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  screenshot (window, dark);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);

  gtk_window_destroy (GTK_WINDOW (window));
  settle (50);
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("BULLETIN_LOCALEDIR");
  int status;

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GIO_USE_PROXY_RESOLVER", "libproxy", TRUE);
  g_setenv ("http_proxy", "http://127.0.0.1:9", TRUE);
  g_setenv ("https_proxy", "http://127.0.0.1:9", TRUE);
  g_setenv ("no_proxy", "", TRUE);
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  g_setenv ("TZ", "UTC", TRUE);

  language = g_getenv ("LANGUAGE");
  for (guint i = 0; i < G_N_ELEMENTS (expectations); i++)
    if (g_strcmp0 (expectations[i].language, language) == 0)
      expected = &expectations[i];

  /* The translations of this build, not installed ones */
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* gtk_test_init () sets an English locale: the environment's comes
   * back after it, with its direction, as gtk_init () would have had it */
  gtk_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  setlocale (LC_ALL, "");
  gtk_widget_set_default_direction (gtk_get_locale_direction ());
  g_set_prgname ("test-i18n");

  if (expected == NULL)
    {
      g_test_skip ("LANGUAGE is not one of the tested languages (ar, es)");
      return 77;
    }

  app = bulletin_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);

  g_test_add_func ("/i18n/words", test_words);
  g_test_add_func ("/i18n/window", test_window);

  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
