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
  AdwActionRow         *storage_size_row;
  AdwComboRow          *remove_age_row;
  GtkWidget            *remove_button;
  GCancellable         *cancellable;
};

/* The choices of remove_age_row, in days */
static const guint remove_ages[] = { 7, 30, 90, 365 };

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

/* Storage */

static void
measure_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  guint64 size = bulletin_library_get_size (BULLETIN_LIBRARY (task_data));

  g_task_return_pointer (task, g_memdup2 (&size, sizeof size), g_free);
}

static void
weak_ref_free (GWeakRef *ref)
{
  g_weak_ref_clear (ref);
  g_free (ref);
}

static void
measured_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  GWeakRef *ref = user_data;
  g_autoptr(BulletinPreferencesWindow) self = g_weak_ref_get (ref);
  g_autofree guint64 *size = g_task_propagate_pointer (G_TASK (result), NULL);
  g_autofree char *formatted = NULL;
  g_autofree char *text = NULL;

  weak_ref_free (ref);

  /* A closed window is not kept alive by its measure */
  if (self == NULL || size == NULL)
    return;

  adw_action_row_set_subtitle (self->storage_size_row, NULL);

  if (*size == 0)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->storage_size_row),
                                     _("No article is saved on this computer"));
      return;
    }

  formatted = g_format_size (*size);
  /* Translators: %s is a size, such as “12.3 MB” */
  text = g_strdup_printf (_("Saved articles use %s"), formatted);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->storage_size_row), text);
}

/**
 * bulletin_preferences_window_update_storage:
 * @self: a preferences window
 *
 * Measures the library again (in a thread) and says its size.
 */
void
bulletin_preferences_window_update_storage (BulletinPreferencesWindow *self)
{
  g_autoptr(GTask) task = NULL;
  GWeakRef *ref;

  g_return_if_fail (BULLETIN_IS_PREFERENCES_WINDOW (self));

  ref = g_new0 (GWeakRef, 1);

  g_weak_ref_init (ref, self);
  task = g_task_new (NULL, self->cancellable, measured_cb, ref);
  g_task_set_source_tag (task, bulletin_preferences_window_update_storage);
  g_task_set_task_data (task, g_object_ref (bulletin_application_get_library (self->application)),
                        g_object_unref);
  g_task_run_in_thread (task, measure_thread);
}

static guint
chosen_age (BulletinPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->remove_age_row);

  return remove_ages[MIN (selected, G_N_ELEMENTS (remove_ages) - 1)];
}

/**
 * bulletin_preferences_window_remove_older_than:
 * @self: a preferences window
 * @days: the age limit
 *
 * Removes the bookmarks saved more than @days days ago with their saved
 * copies, and any other copy that old, and says how many went.
 *
 * Returns: how many saved articles were removed
 */
guint
bulletin_preferences_window_remove_older_than (BulletinPreferencesWindow *self,
                                               guint                      days)
{
  BulletinBookmarks *bookmarks;
  BulletinLibrary *library;
  g_autoptr(GPtrArray) old = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gint64 limit = g_get_real_time () / G_USEC_PER_SEC - (gint64) days * 24 * 60 * 60;
  guint n_items;
  guint removed;

  g_return_val_if_fail (BULLETIN_IS_PREFERENCES_WINDOW (self), 0);

  bookmarks = bulletin_application_get_bookmarks (self->application);
  library = bulletin_application_get_library (self->application);

  n_items = g_list_model_get_n_items (G_LIST_MODEL (bookmarks));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(BulletinArticle) stub = g_list_model_get_item (G_LIST_MODEL (bookmarks), i);
      gint64 saved_at = bulletin_article_get_bookmark_saved_at (stub);

      if (saved_at > 0 && saved_at < limit)
        g_ptr_array_add (old, g_strdup (bulletin_article_get_url (stub)));
    }

  for (guint i = 0; i < old->len; i++)
    {
      const char *url = g_ptr_array_index (old, i);
      g_autoptr(GError) local_error = NULL;

      bulletin_bookmarks_remove (bookmarks, url);
      if (!bulletin_library_remove (library, url, &local_error))
        g_debug ("Could not remove the saved copy of %s: %s", url, local_error->message);
    }

  /* And the copies that old of articles no longer bookmarked */
  removed = old->len + bulletin_library_remove_older_than (library, days, &error);

  if (error != NULL)
    text = g_strdup_printf (_("Some saved articles could not be removed: %s"), error->message);
  else if (removed == 0)
    text = g_strdup_printf (ngettext ("No article was saved more than %u day ago",
                                      "No article was saved more than %u days ago", days), days);
  else
    text = g_strdup_printf (ngettext ("Removed %u saved article", "Removed %u saved articles", removed),
                            removed);

  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (text));
  bulletin_preferences_window_update_storage (self);

  return removed;
}

static void
remove_response_cb (AdwMessageDialog          *dialog,
                    const char                *response,
                    BulletinPreferencesWindow *self)
{
  if (g_strcmp0 (response, "remove") == 0)
    bulletin_preferences_window_remove_older_than (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "days")));
}

/**
 * bulletin_preferences_window_confirm_remove:
 * @self: a preferences window
 *
 * Asks whether to remove the saved articles older than the age chosen.
 *
 * Returns: (transfer none): the dialog asking
 */
GtkWidget *
bulletin_preferences_window_confirm_remove (BulletinPreferencesWindow *self)
{
  GtkWidget *dialog;
  g_autofree char *body = NULL;
  guint days;

  g_return_val_if_fail (BULLETIN_IS_PREFERENCES_WINDOW (self), NULL);

  days = chosen_age (self);
  body = g_strdup_printf (ngettext ("The articles saved more than %u day ago are removed from Saved and deleted from this computer.",
                                    "The articles saved more than %u days ago are removed from Saved and deleted from this computer.",
                                    days), days);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Remove Old Saved Articles?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "days", GUINT_TO_POINTER (days));
  g_signal_connect_object (dialog, "response", G_CALLBACK (remove_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return dialog;
}

static void
remove_clicked_cb (BulletinPreferencesWindow *self)
{
  bulletin_preferences_window_confirm_remove (self);
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

  bulletin_preferences_window_update_storage (self);

  return self;
}

static void
bulletin_preferences_window_dispose (GObject *object)
{
  BulletinPreferencesWindow *self = BULLETIN_PREFERENCES_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
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
  gtk_widget_class_bind_template_child (widget_class, BulletinPreferencesWindow, storage_size_row);
  gtk_widget_class_bind_template_child (widget_class, BulletinPreferencesWindow, remove_age_row);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
bulletin_preferences_window_init (BulletinPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();

  self->remove_button = gtk_button_new_with_mnemonic (_("_Remove…"));
  gtk_widget_set_valign (self->remove_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->remove_button, "destructive-action");
  gtk_widget_set_tooltip_text (self->remove_button, _("Remove the saved articles older than this"));
  g_signal_connect_object (self->remove_button, "clicked", G_CALLBACK (remove_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->remove_age_row), self->remove_button);
}
