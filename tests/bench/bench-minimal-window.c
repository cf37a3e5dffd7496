/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-minimal-window"

#include "config.h"

#include <adwaita.h>
#ifdef WITH_WEBKIT
#include <webkit/webkit.h>
#endif

/* The baseline of tests/bench/bench-startup.c: the least a libadwaita
 * application can show, a window with one label. Built a second time with
 * WITH_WEBKIT (bench-minimal-webview), linked to WebKitGTK and holding a
 * WebKitWebView beside the label as Bulletin's article pane does, to tell
 * what WebKit costs at start-up. It says when the label is mapped and when
 * the frame that draws it is painted, with
 * G_MESSAGES_DEBUG=bench-minimal-window.
 */

static void
first_drawn_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  g_signal_handlers_disconnect_by_func (clock, first_drawn_cb, user_data);
  g_debug ("Minimal window drawn");
}

/* Mapped in gtk_window_present(), before the first frame is laid out and
 * painted; drawn at the end of that frame */
static void
label_map_cb (GtkWidget *label)
{
  g_debug ("Minimal window shown");
  g_signal_connect (gtk_widget_get_frame_clock (label), "after-paint",
                    G_CALLBACK (first_drawn_cb), NULL);
}

static void
activate_cb (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *label = gtk_label_new ("Headlines");

  g_signal_connect (label, "map", G_CALLBACK (label_map_cb), NULL);
  gtk_box_append (GTK_BOX (box), label);
#ifdef WITH_WEBKIT
  {
    GtkWidget *web_view = webkit_web_view_new ();

    gtk_widget_set_hexpand (web_view, TRUE);
    gtk_box_append (GTK_BOX (box), web_view);
  }
#endif

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = NULL;

  app = adw_application_new ("io.github.bulletinapp.BenchMinimalWindow", G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);

  return g_application_run (G_APPLICATION (app), 1, argv);
}
