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

#include "display-utils.h"

/* The window in the language of $LANGUAGE (meson runs this once with "ar"
 * and once with "es"), with the translations of the build: its words are
 * translated, an Arabic one is mirrored whole, dates are written in the
 * interface's language, and the icons that point follow the direction.
 * Screenshots go to <builddir>/tests/display/screenshots/. */

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

static BulletinWindow *
open_window (int width,
             int height)
{
  BulletinWindow *window;
  g_autofree char *edition_id = g_strdup_printf ("demo-%s", expected->language);

  /* The demo edition in the interface's language: demo-ar, demo-es */
  window = display_open_window (app, edition_id, width, height);
  g_assert_true (display_wait_for (display_list_has_headlines, window));

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

static gboolean
tooltips_set (gpointer data)
{
  return BULLETIN_WINDOW (data)->tooltips_set;
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

  /* Translated (the tooltips come with the first headlines) */
  g_assert_true (display_wait_for (tooltips_set, window));
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
  g_assert_true (display_wait_for (display_list_has_headlines, window));
  g_assert_true (display_wait_for (model_idle, window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.next-article", NULL));
  g_assert_true (display_wait_for (view_idle, window));
  /* The thumbnails in, and their cross-fade over */
  display_settle (1500);
  g_free (display_screenshot (GTK_WIDGET (window), light));
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  g_free (display_screenshot (GTK_WIDGET (window), dark));
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);

  gtk_window_destroy (GTK_WINDOW (window));
  display_settle (50);
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("BULLETIN_LOCALEDIR");
  int status;

  display_block_network ();
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
  display_init (&argc, &argv, "test-i18n");
  setlocale (LC_ALL, "");
  gtk_widget_set_default_direction (gtk_get_locale_direction ());

  if (expected == NULL)
    {
      g_test_skip ("LANGUAGE is not one of the tested languages (ar, es)");
      return 77;
    }

  app = display_application_new ();

  g_test_add_func ("/i18n/words", test_words);
  g_test_add_func ("/i18n/window", test_window);

  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
