/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bulletin-window"

#include "config.h"

#include <glib/gi18n.h>

#include "bulletin-window.h"

struct _BulletinWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (BulletinWindow, bulletin_window, ADW_TYPE_APPLICATION_WINDOW)

BulletinWindow *
bulletin_window_new (BulletinApplication *application)
{
  return g_object_new (BULLETIN_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

static void
bulletin_window_dispose (GObject *object)
{
  BulletinWindow *self = BULLETIN_WINDOW (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (bulletin_window_parent_class)->dispose (object);
}

static void
bulletin_window_class_init (BulletinWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bulletin_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/bulletin-window.ui");
}

static void
bulletin_window_init (BulletinWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_GET);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_GET);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_GET);
}
