/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "display-utils"

#include "config.h"

#include <webkit/webkit.h>

#include "bulletin-headline-list.h"
#include "bulletin-window-private.h"

#include "display-utils.h"

/* No test reaches the internet: an edition on the web finds a proxy that
 * refuses every connection */
void
display_block_network (void)
{
  g_setenv ("GIO_USE_PROXY_RESOLVER", "libproxy", TRUE);
  g_setenv ("http_proxy", "http://127.0.0.1:9", TRUE);
  g_setenv ("https_proxy", "http://127.0.0.1:9", TRUE);
  g_setenv ("no_proxy", "", TRUE);
}

/* Settings in memory, the XDG directories of this run apart from the
 * user's, and the program's name (WebKit names its data directories after
 * it) */
void
display_init (int         *argc,
              char      ***argv,
              const char  *prgname)
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  /* Quicker under Xvfb than GL through llvmpipe */
  g_setenv ("GSK_RENDERER", "cairo", FALSE);

  gtk_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_set_prgname (prgname);
}

/* The application, registered but not run, in the light style */
BulletinApplication *
display_application_new (void)
{
  BulletinApplication *app = bulletin_application_new ();

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  display_set_dark (FALSE);

  return app;
}

void
display_set_dark (gboolean dark)
{
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
}

static gboolean
timeout_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until the predicate holds; FALSE after the timeout */
gboolean
display_wait_for (DisplayPredicate predicate,
                  gpointer         data)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (DISPLAY_TIMEOUT_SECONDS, timeout_cb, &timed_out);

  while (!predicate (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (id);

  return !timed_out;
}

/* Lets layout, drawing and quick idle work happen; also for things that
 * must NOT happen */
void
display_settle (guint milliseconds)
{
  gboolean done = FALSE;

  g_timeout_add (milliseconds, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

gboolean
display_widget_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data)) && gtk_widget_get_width (GTK_WIDGET (data)) > 0;
}

gboolean
display_list_has_headlines (gpointer data)
{
  BulletinWindow *window = data;

  return g_strcmp0 (bulletin_headline_list_get_state (window->headline_list), "list") == 0 &&
         bulletin_headline_list_get_n_shown (window->headline_list) > 0;
}

/* The window has painted its first headlines and let its first section's
 * other feeds go (with the breaking poll's start) */
gboolean
display_first_feed_released (gpointer data)
{
  BulletinWindow *window = data;

  return window->held_model == NULL;
}

/* A reading window on an edition, shown */
BulletinWindow *
display_open_window (BulletinApplication *app,
                     const char          *edition_id,
                     int                  width,
                     int                  height)
{
  BulletinWindow *window;

  bulletin_application_set_edition_override (app, edition_id);
  window = bulletin_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (display_wait_for (display_widget_mapped, window));

  return window;
}

void
display_close_window (BulletinWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  display_settle (50);
}

/* The first widget of a type at or under widget, depth first */
GtkWidget *
display_find_type (GtkWidget *widget,
                   GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = display_find_type (child, type);

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
  g_autoptr(GError) error = NULL;

  web->texture = webkit_web_view_get_snapshot_finish (WEBKIT_WEB_VIEW (source), result, &error);
  if (error != NULL)
    g_test_message ("no snapshot of the article: %s", error->message);
  web->done = TRUE;
}

static gboolean
web_snapshot_done (gpointer data)
{
  return ((WebSnapshot *) data)->done;
}

static gboolean
web_view_loaded (gpointer data)
{
  return !webkit_web_view_is_loading (WEBKIT_WEB_VIEW (data));
}

/* A web view draws outside GTK's snapshot: its own snapshot goes where it
 * sits */
static void
snapshot_web_view (GtkSnapshot *snapshot,
                   GtkWidget   *content,
                   gboolean     wait_loaded)
{
  GtkWidget *web_view = display_find_type (content, WEBKIT_TYPE_WEB_VIEW);
  WebSnapshot web = { FALSE, NULL };
  graphene_rect_t bounds;

  if (web_view == NULL || !gtk_widget_is_drawable (web_view) ||
      !gtk_widget_compute_bounds (web_view, content, &bounds))
    return;

  if (wait_loaded)
    {
      g_assert_true (display_wait_for (web_view_loaded, web_view));
      /* Painted, with its images */
      display_settle (700);
    }

  webkit_web_view_get_snapshot (WEBKIT_WEB_VIEW (web_view), WEBKIT_SNAPSHOT_REGION_VISIBLE,
                                WEBKIT_SNAPSHOT_OPTIONS_NONE, NULL, web_snapshot_cb, &web);
  g_assert_true (display_wait_for (web_snapshot_done, &web));
  if (web.texture == NULL)
    return;

  gtk_snapshot_append_texture (snapshot, web.texture, &bounds);
  g_object_unref (web.texture);
}

static char *
screenshot (GtkWidget  *widget,
            const char *name,
            gboolean    wait_loaded)
{
  GtkWidget *content = ADW_IS_APPLICATION_WINDOW (widget)
    ? adw_application_window_get_content (ADW_APPLICATION_WINDOW (widget))
    : widget;
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *dir = NULL;
  GdkRGBA background;
  char *path;
  int width, height;

  display_settle (300);

  width = gtk_widget_get_width (content);
  height = gtk_widget_get_height (content);
  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  /* The window's own background under its content, as on screen */
  gdk_rgba_parse (&background, adw_style_manager_get_dark (adw_style_manager_get_default ())
                               ? "#242424" : "#fafafa");
  paintable = gtk_widget_paintable_new (content);
  snapshot = gtk_snapshot_new ();
  gtk_snapshot_append_color (snapshot, &background, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  snapshot_web_view (snapshot, content, wait_loaded);
  node = gtk_snapshot_to_node (snapshot);
  g_assert_nonnull (node);

  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));

  dir = g_build_filename (g_test_get_dir (G_TEST_BUILT), "screenshots", NULL);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  path = g_strdup_printf ("%s/%s.png", dir, name);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s (%dx%d)", path, width, height);

  return path;
}

/**
 * display_screenshot:
 * @widget: a window (its content is taken) or a widget
 * @name: the file's name, without .png
 *
 * Saves what @widget shows, and the web view in it once it has loaded, to
 * <builddir>/tests/screenshots/@name.png.
 *
 * Returns: (transfer full): the file's path
 */
char *
display_screenshot (GtkWidget  *widget,
                    const char *name)
{
  return screenshot (widget, name, TRUE);
}

/**
 * display_screenshot_now:
 * @widget: a window (its content is taken) or a widget
 * @name: the file's name, without .png
 *
 * As display_screenshot(), without waiting for the web view to load (its
 * images may be held back on purpose).
 *
 * Returns: (transfer full): the file's path
 */
char *
display_screenshot_now (GtkWidget  *widget,
                        const char *name)
{
  return screenshot (widget, name, FALSE);
}

static gboolean
wait_timeout_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/**
 * display_wait_until:
 * @done: the flag a callback sets
 * @what: what is awaited, for the message
 *
 * Runs the main loop until *@done, and aborts the test after 20 seconds.
 */
void
display_wait_until (gboolean   *done,
                    const char *what)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (20, wait_timeout_cb, &timed_out);

  while (!*done && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (id);
  else
    g_error ("Timed out waiting for %s", what);
}
