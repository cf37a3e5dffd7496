/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bulletin-application"

#include "config.h"

#include <glib/gi18n.h>

#include "bulletin-application.h"
#include "bulletin-preferences-window.h"
#include "bulletin-window.h"

/* Thumbnails kept decoded in memory; each is at most 144 px on its short side */
#define THUMBNAIL_CACHE_SIZE 300

struct _BulletinApplication
{
  AdwApplication          parent_instance;

  /* --edition ID: the edition for this run only, never written to settings */
  char                   *edition_override;

  /* The objects every window shares, created on first use */
  GSettings              *settings;
  BulletinClient         *client;
  GListStore             *editions;
  BulletinBookmarks      *bookmarks;
  BulletinLibrary        *library;
  BulletinThumbnailCache *thumbnails;

  GtkTextDirection        locale_direction;
};

G_DEFINE_FINAL_TYPE (BulletinApplication, bulletin_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "edition", 'e', 0, G_OPTION_ARG_STRING, NULL,
    N_("Read this edition for this run (for example demo, almayadeen-en)"), N_("ID") },
  { NULL }
};

BulletinApplication *
bulletin_application_new (void)
{
  return g_object_new (BULLETIN_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_PATH,
                       NULL);
}

const char *
bulletin_application_get_edition_override (BulletinApplication *self)
{
  g_return_val_if_fail (BULLETIN_IS_APPLICATION (self), NULL);

  return self->edition_override;
}

/**
 * bulletin_application_set_edition_override:
 * @self: the application
 * @edition_id: (nullable): an edition identifier, or %NULL for the `edition` key
 *
 * Sets the edition read in this run without writing it to the settings, as
 * `--edition ID` does.
 */
void
bulletin_application_set_edition_override (BulletinApplication *self,
                                           const char          *edition_id)
{
  g_return_if_fail (BULLETIN_IS_APPLICATION (self));

  if (g_strcmp0 (self->edition_override, edition_id) == 0)
    return;

  g_free (self->edition_override);
  self->edition_override = g_strdup (edition_id);
}

GSettings *
bulletin_application_get_settings (BulletinApplication *self)
{
  g_return_val_if_fail (BULLETIN_IS_APPLICATION (self), NULL);

  if (self->settings == NULL)
    self->settings = g_settings_new (APP_ID);

  return self->settings;
}

BulletinClient *
bulletin_application_get_client (BulletinApplication *self)
{
  g_return_val_if_fail (BULLETIN_IS_APPLICATION (self), NULL);

  if (self->client == NULL)
    self->client = g_object_ref (bulletin_client_get_default ());

  return self->client;
}

/**
 * bulletin_application_get_editions:
 * @self: the application
 *
 * Returns: (transfer none): a #GListModel of every #BulletinEdition, the
 *   bundled ones and the user's own
 */
GListModel *
bulletin_application_get_editions (BulletinApplication *self)
{
  g_return_val_if_fail (BULLETIN_IS_APPLICATION (self), NULL);

  if (self->editions == NULL)
    {
      g_autoptr(GPtrArray) editions = NULL;
      g_autoptr(GError) error = NULL;

      self->editions = g_list_store_new (BULLETIN_TYPE_EDITION);

      editions = bulletin_edition_load_all (&error);
      if (editions == NULL)
        g_warning ("Could not load the editions: %s", error->message);
      else
        g_list_store_splice (self->editions, 0, 0, editions->pdata, editions->len);
    }

  return G_LIST_MODEL (self->editions);
}

/**
 * bulletin_application_lookup_edition:
 * @self: the application
 * @edition_id: an edition identifier
 *
 * Returns: (transfer none) (nullable): the edition, or %NULL when there is none
 */
BulletinEdition *
bulletin_application_lookup_edition (BulletinApplication *self,
                                     const char          *edition_id)
{
  GListModel *editions;
  guint n_items;

  g_return_val_if_fail (BULLETIN_IS_APPLICATION (self), NULL);

  if (edition_id == NULL)
    return NULL;

  editions = bulletin_application_get_editions (self);
  n_items = g_list_model_get_n_items (editions);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(BulletinEdition) edition = g_list_model_get_item (editions, i);

      if (g_strcmp0 (bulletin_edition_get_id (edition), edition_id) == 0)
        return edition;
    }

  return NULL;
}

BulletinBookmarks *
bulletin_application_get_bookmarks (BulletinApplication *self)
{
  g_return_val_if_fail (BULLETIN_IS_APPLICATION (self), NULL);

  if (self->bookmarks == NULL)
    self->bookmarks = bulletin_bookmarks_new (bulletin_application_get_settings (self));

  return self->bookmarks;
}

BulletinLibrary *
bulletin_application_get_library (BulletinApplication *self)
{
  g_return_val_if_fail (BULLETIN_IS_APPLICATION (self), NULL);

  if (self->library == NULL)
    self->library = bulletin_library_new (NULL);

  return self->library;
}

BulletinThumbnailCache *
bulletin_application_get_thumbnails (BulletinApplication *self)
{
  g_return_val_if_fail (BULLETIN_IS_APPLICATION (self), NULL);

  if (self->thumbnails == NULL)
    {
      self->thumbnails = bulletin_thumbnail_cache_new (bulletin_application_get_client (self),
                                                       THUMBNAIL_CACHE_SIZE);
      g_settings_bind (bulletin_application_get_settings (self), "load-remote-images",
                       self->thumbnails, "load-remote",
                       G_SETTINGS_BIND_GET);
    }

  return self->thumbnails;
}

/**
 * bulletin_application_get_locale_direction:
 * @self: the application
 *
 * Returns: the text direction of the user's language, which a left-to-right
 *   edition goes back to after a right-to-left one
 */
GtkTextDirection
bulletin_application_get_locale_direction (BulletinApplication *self)
{
  g_return_val_if_fail (BULLETIN_IS_APPLICATION (self), GTK_TEXT_DIR_LTR);

  return self->locale_direction;
}

static void
bulletin_application_apply_color_scheme (BulletinApplication *self)
{
  AdwColorScheme scheme;

  switch (g_settings_get_enum (bulletin_application_get_settings (self), "color-scheme"))
    {
    case 1:
      scheme = ADW_COLOR_SCHEME_FORCE_LIGHT;
      break;

    case 2:
      scheme = ADW_COLOR_SCHEME_FORCE_DARK;
      break;

    default:
      scheme = ADW_COLOR_SCHEME_DEFAULT;
      break;
    }

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), scheme);
}

static int
bulletin_application_handle_local_options (GApplication *app,
                                           GVariantDict *options)
{
  BulletinApplication *self = BULLETIN_APPLICATION (app);
  const char *edition = NULL;

  if (g_variant_dict_lookup (options, "edition", "&s", &edition))
    {
      g_free (self->edition_override);
      self->edition_override = g_strdup (edition);
    }

  return -1;
}

static void
bulletin_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (bulletin_window_new (BULLETIN_APPLICATION (app)));

  gtk_window_present (window);
}

static void
bulletin_application_about_action (GSimpleAction *action,
                                   GVariant      *parameter,
                                   gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  static const char *developers[] = { "The Bulletin developers", NULL };
  AdwAboutWindow *about;

  about = ADW_ABOUT_WINDOW (adw_about_window_new ());
  adw_about_window_set_application_name (about, _("Bulletin"));
  adw_about_window_set_application_icon (about, APP_ID);
  adw_about_window_set_version (about, PACKAGE_VERSION);
  adw_about_window_set_developer_name (about, _("The Bulletin developers"));
  adw_about_window_set_developers (about, developers);
  adw_about_window_set_license_type (about, GTK_LICENSE_GPL_3_0);
  adw_about_window_set_comments (about,
                                 _("A reader for news outlets, shaped like their own sites. "
                                   "Bulletin is not made by or affiliated with any outlet it reads."));
  adw_about_window_set_translator_credits (about, _("translator-credits"));
  gtk_window_set_transient_for (GTK_WINDOW (about), gtk_application_get_active_window (app));
  gtk_window_present (GTK_WINDOW (about));
}

static void
bulletin_application_preferences_action (GSimpleAction *action,
                                         GVariant      *parameter,
                                         gpointer       user_data)
{
  BulletinApplication *self = BULLETIN_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  BulletinPreferencesWindow *preferences;

  preferences = bulletin_preferences_window_new (self);
  gtk_window_set_transient_for (GTK_WINDOW (preferences), parent);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
bulletin_application_quit_action (GSimpleAction *action,
                                  GVariant      *parameter,
                                  gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static const GActionEntry app_actions[] = {
  { "about", bulletin_application_about_action },
  { "preferences", bulletin_application_preferences_action },
  { "quit", bulletin_application_quit_action },
};

static void
bulletin_application_startup (GApplication *app)
{
  BulletinApplication *self = BULLETIN_APPLICATION (app);
  const char *quit_accels[] = { "<Control>q", NULL };
  const char *preferences_accels[] = { "<Control>comma", NULL };
  const char *help_overlay_accels[] = { "<Control>question", NULL };

  G_APPLICATION_CLASS (bulletin_application_parent_class)->startup (app);

  /* Before any edition turns the default around */
  self->locale_direction = gtk_widget_get_default_direction ();

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  bulletin_window_add_breaking_action (GTK_APPLICATION (app));
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences", preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay", help_overlay_accels);

  g_signal_connect_object (bulletin_application_get_settings (self), "changed::color-scheme",
                           G_CALLBACK (bulletin_application_apply_color_scheme), self,
                           G_CONNECT_SWAPPED);
  bulletin_application_apply_color_scheme (self);
}

static void
bulletin_application_finalize (GObject *object)
{
  BulletinApplication *self = BULLETIN_APPLICATION (object);

  g_clear_pointer (&self->edition_override, g_free);
  g_clear_object (&self->thumbnails);
  g_clear_object (&self->library);
  g_clear_object (&self->bookmarks);
  g_clear_object (&self->editions);
  g_clear_object (&self->client);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (bulletin_application_parent_class)->finalize (object);
}

static void
bulletin_application_class_init (BulletinApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = bulletin_application_finalize;
  app_class->activate = bulletin_application_activate;
  app_class->startup = bulletin_application_startup;
  app_class->handle_local_options = bulletin_application_handle_local_options;
}

static void
bulletin_application_init (BulletinApplication *self)
{
  self->locale_direction = GTK_TEXT_DIR_LTR;

  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Read the news of an outlet, online or from saved articles."));
}
