/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bulletin-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "bulletin-preferences-window.h"

/* The preferences, each bound to its settings key */
struct _BulletinPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  BulletinApplication  *application;
  GSettings            *settings;

  AdwComboRow          *edition_row;
  GtkSpinButton        *refresh_spin;
  GtkSwitch            *images_switch;
  GtkSwitch            *notifications_switch;
  AdwComboRow          *font_row;
  GtkSpinButton        *font_size_spin;
  AdwComboRow          *style_row;
};

G_DEFINE_FINAL_TYPE (BulletinPreferencesWindow, bulletin_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* An enum key shown as a combo row: the row's position is the nick's place
 * in a NULL-terminated list */
static gboolean
nick_to_position (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  const char * const *nicks = user_data;
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; nicks[i] != NULL; i++)
    if (g_str_equal (nicks[i], nick))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }

  g_value_set_uint (value, 0);
  return TRUE;
}

static GVariant *
position_to_nick (const GValue       *value,
                  const GVariantType *expected_type,
                  gpointer            user_data)
{
  const char * const *nicks = user_data;
  guint position = g_value_get_uint (value);

  if (position >= g_strv_length ((char **) nicks))
    return NULL;

  return g_variant_new_string (nicks[position]);
}

static const char *font_nicks[] = { "serif", "sans", NULL };
static const char *style_nicks[] = { "default", "light", "dark", NULL };

static gboolean
scale_to_percent (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  g_value_set_double (value, g_variant_get_double (variant) * 100.0);
  return TRUE;
}

static GVariant *
percent_to_scale (const GValue       *value,
                  const GVariantType *expected_type,
                  gpointer            user_data)
{
  return g_variant_new_double (CLAMP (g_value_get_double (value) / 100.0, 0.5, 3.0));
}

static gboolean
edition_to_position (GValue   *value,
                     GVariant *variant,
                     gpointer  user_data)
{
  GListModel *editions = user_data;
  const char *edition_id = g_variant_get_string (variant, NULL);
  guint n_items = g_list_model_get_n_items (editions);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(BulletinEdition) edition = g_list_model_get_item (editions, i);

      if (g_strcmp0 (bulletin_edition_get_id (edition), edition_id) == 0)
        {
          g_value_set_uint (value, i);
          return TRUE;
        }
    }

  g_value_set_uint (value, GTK_INVALID_LIST_POSITION);
  return TRUE;
}

static GVariant *
position_to_edition (const GValue       *value,
                     const GVariantType *expected_type,
                     gpointer            user_data)
{
  GListModel *editions = user_data;
  g_autoptr(BulletinEdition) edition = NULL;
  guint position = g_value_get_uint (value);

  if (position == GTK_INVALID_LIST_POSITION)
    return NULL;

  edition = g_list_model_get_item (editions, position);
  if (edition == NULL)
    return NULL;

  return g_variant_new_string (bulletin_edition_get_id (edition));
}

/**
 * bulletin_preferences_window_new:
 * @application: the application
 *
 * Returns: (transfer floating): a preferences window for the settings of
 *   @application
 */
BulletinPreferencesWindow *
bulletin_preferences_window_new (BulletinApplication *application)
{
  BulletinPreferencesWindow *self;
  GListModel *editions;
  g_autoptr(GtkStringList) names = NULL;
  guint n_items;

  g_return_val_if_fail (BULLETIN_IS_APPLICATION (application), NULL);

  self = g_object_new (BULLETIN_TYPE_PREFERENCES_WINDOW, NULL);
  self->application = g_object_ref (application);
  self->settings = g_object_ref (bulletin_application_get_settings (application));

  editions = bulletin_application_get_editions (application);
  names = gtk_string_list_new (NULL);
  n_items = g_list_model_get_n_items (editions);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(BulletinEdition) edition = g_list_model_get_item (editions, i);

      gtk_string_list_append (names, bulletin_edition_get_name (edition));
    }
  adw_combo_row_set_model (self->edition_row, G_LIST_MODEL (names));

  g_settings_bind_with_mapping (self->settings, "edition",
                                self->edition_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                edition_to_position, position_to_edition,
                                g_object_ref (editions), g_object_unref);
  g_settings_bind (self->settings, "refresh-interval",
                   self->refresh_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "load-remote-images",
                   self->images_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "breaking-notifications",
                   self->notifications_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, "article-font",
                                self->font_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                nick_to_position, position_to_nick,
                                (gpointer) font_nicks, NULL);
  g_settings_bind_with_mapping (self->settings, "article-font-scale",
                                self->font_size_spin, "value",
                                G_SETTINGS_BIND_DEFAULT,
                                scale_to_percent, percent_to_scale,
                                NULL, NULL);
  g_settings_bind_with_mapping (self->settings, "color-scheme",
                                self->style_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                nick_to_position, position_to_nick,
                                (gpointer) style_nicks, NULL);

  return self;
}

static void
bulletin_preferences_window_dispose (GObject *object)
{
  BulletinPreferencesWindow *self = BULLETIN_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->application);

  G_OBJECT_CLASS (bulletin_preferences_window_parent_class)->dispose (object);
}

static void
bulletin_preferences_window_class_init (BulletinPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bulletin_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/bulletin-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BulletinPreferencesWindow, edition_row);
  gtk_widget_class_bind_template_child (widget_class, BulletinPreferencesWindow, refresh_spin);
  gtk_widget_class_bind_template_child (widget_class, BulletinPreferencesWindow, images_switch);
  gtk_widget_class_bind_template_child (widget_class, BulletinPreferencesWindow, notifications_switch);
  gtk_widget_class_bind_template_child (widget_class, BulletinPreferencesWindow, font_row);
  gtk_widget_class_bind_template_child (widget_class, BulletinPreferencesWindow, font_size_spin);
  gtk_widget_class_bind_template_child (widget_class, BulletinPreferencesWindow, style_row);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
bulletin_preferences_window_init (BulletinPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
