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
  GThread                *editions_thread;  /* reading them, from start-up on */
  BulletinBookmarks      *bookmarks;
  BulletinLibrary        *library;
  BulletinThumbnailCache *thumbnails;
  BulletinSaveQueue      *save_queue;

  /* Saved copies whose bookmark was removed, kept while it can be undone */
  GHashTable             *pending_removals;

  /* Whether the network can be reached: GNetworkMonitor's view unless set */
  gboolean                network_available;
  gboolean                network_overridden;

  GtkTextDirection        locale_direction;
};

G_DEFINE_FINAL_TYPE (BulletinApplication, bulletin_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_NETWORK_AVAILABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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

/* The editions (six JSON files, each edition's article pattern compiled)
 * are read in a thread started with the application, while GTK starts up
 * on the main thread: they were ~2 % of the main thread's work before the
 * window's first frame. The window, which needs them first, waits for the
 * thread. */
static gpointer
load_editions_thread (gpointer data)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *editions = bulletin_edition_load_all (&error);

  if (editions == NULL)
    g_warning ("Could not load the editions: %s", error->message);

  return editions;
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

      self->editions = g_list_store_new (BULLETIN_TYPE_EDITION);

      if (self->editions_thread != NULL)
        editions = g_thread_join (g_steal_pointer (&self->editions_thread));
      else
        editions = load_editions_thread (NULL);
      if (editions != NULL)
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

/**
 * bulletin_application_get_save_queue:
 * @self: the application
 *
 * Returns: (transfer none): the queue that saves articles into the
 *   library, two at a time
 */
BulletinSaveQueue *
bulletin_application_get_save_queue (BulletinApplication *self)
{
  g_return_val_if_fail (BULLETIN_IS_APPLICATION (self), NULL);

  if (self->save_queue == NULL)
    self->save_queue = bulletin_save_queue_new (bulletin_application_get_library (self),
                                                bulletin_application_get_client (self),
                                                BULLETIN_SAVE_QUEUE_DEFAULT_RUNNING);

  return self->save_queue;
}

/**
 * bulletin_application_defer_removal:
 * @self: the application
 * @url: an article whose bookmark was just removed
 *
 * Keeps the saved copy of @url while the removal can be undone; see
 * bulletin_application_complete_removal(). Quitting completes it.
 */
void
bulletin_application_defer_removal (BulletinApplication *self,
                                    const char          *url)
{
  g_return_if_fail (BULLETIN_IS_APPLICATION (self));
  g_return_if_fail (url != NULL);

  g_hash_table_add (self->pending_removals, g_strdup (url));
}

/**
 * bulletin_application_complete_removal:
 * @self: the application
 * @url: an article given to bulletin_application_defer_removal()
 * @undone: whether the removal was undone
 *
 * Ends the wait: unless it was undone, or the article was bookmarked again
 * meanwhile, its saved copy is deleted (and a save of it stopped).
 */
void
bulletin_application_complete_removal (BulletinApplication *self,
                                       const char          *url,
                                       gboolean             undone)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (BULLETIN_IS_APPLICATION (self));
  g_return_if_fail (url != NULL);

  if (!g_hash_table_remove (self->pending_removals, url))
    return;

  if (undone || bulletin_bookmarks_contains (bulletin_application_get_bookmarks (self), url))
    return;

  if (self->save_queue != NULL)
    bulletin_save_queue_cancel (self->save_queue, url);

  if (!bulletin_library_remove (bulletin_application_get_library (self), url, &error))
    g_debug ("No saved copy of %s removed: %s", url, error->message);
}

/**
 * bulletin_application_is_removal_pending:
 * @self: the application
 * @url: an article URL
 *
 * Returns: whether the saved copy of @url waits for its removal to be
 *   undone or completed
 */
gboolean
bulletin_application_is_removal_pending (BulletinApplication *self,
                                         const char          *url)
{
  g_return_val_if_fail (BULLETIN_IS_APPLICATION (self), FALSE);

  return url != NULL && g_hash_table_contains (self->pending_removals, url);
}

static void
complete_all_removals (BulletinApplication *self)
{
  g_autoptr(GPtrArray) urls = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  const char *url;

  g_hash_table_iter_init (&iter, self->pending_removals);
  while (g_hash_table_iter_next (&iter, (gpointer *) &url, NULL))
    g_ptr_array_add (urls, g_strdup (url));

  for (guint i = 0; i < urls->len; i++)
    bulletin_application_complete_removal (self, g_ptr_array_index (urls, i), FALSE);
}

/**
 * bulletin_application_repair_library:
 * @self: the application
 *
 * Saves again, in the background and a few at a time, every bookmark
 * without a complete saved copy (never saved, interrupted, damaged), so
 * that each one reads offline. Done at start and whenever the network
 * comes back; nothing is done while offline.
 */
void
bulletin_application_repair_library (BulletinApplication *self)
{
  BulletinBookmarks *bookmarks;
  g_auto(GStrv) missing = NULL;

  g_return_if_fail (BULLETIN_IS_APPLICATION (self));

  if (!self->network_available)
    return;

  bookmarks = bulletin_application_get_bookmarks (self);
  missing = bulletin_library_missing (bulletin_application_get_library (self), bookmarks);
  if (missing[0] != NULL)
    g_debug ("Saving %u bookmarks again", g_strv_length (missing));

  for (guint i = 0; missing[i] != NULL; i++)
    {
      BulletinArticle *stub = bulletin_bookmarks_lookup (bookmarks, missing[i]);

      if (stub != NULL && !bulletin_application_is_removal_pending (self, missing[i]))
        bulletin_save_queue_add (bulletin_application_get_save_queue (self), stub, FALSE);
    }
}

static gboolean
monitor_says_available (void)
{
  GNetworkMonitor *monitor = g_network_monitor_get_default ();

  return g_network_monitor_get_network_available (monitor) &&
         g_network_monitor_get_connectivity (monitor) != G_NETWORK_CONNECTIVITY_LOCAL;
}

static void
update_network (BulletinApplication *self,
                gboolean             available)
{
  available = !!available;
  if (self->network_available == available)
    return;

  self->network_available = available;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NETWORK_AVAILABLE]);

  if (available)
    bulletin_application_repair_library (self);
}

static void
network_changed_cb (BulletinApplication *self)
{
  if (!self->network_overridden)
    update_network (self, monitor_says_available ());
}

/**
 * bulletin_application_get_network_available:
 * @self: the application
 *
 * Returns: whether the network can be reached, as far as the system knows
 */
gboolean
bulletin_application_get_network_available (BulletinApplication *self)
{
  g_return_val_if_fail (BULLETIN_IS_APPLICATION (self), TRUE);

  return self->network_available;
}

/**
 * bulletin_application_set_network_available:
 * @self: the application
 * @available: whether the network can be reached
 *
 * Overrides what GNetworkMonitor says, for the rest of the run (tests use
 * it to go offline).
 */
void
bulletin_application_set_network_available (BulletinApplication *self,
                                            gboolean             available)
{
  g_return_if_fail (BULLETIN_IS_APPLICATION (self));

  self->network_overridden = TRUE;
  update_network (self, available);
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

static gboolean
repair_library_idle_cb (gpointer user_data)
{
  bulletin_application_repair_library (BULLETIN_APPLICATION (user_data));

  return G_SOURCE_REMOVE;
}

static void
bulletin_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (bulletin_window_new (BULLETIN_APPLICATION (app)));

  gtk_window_present (window);

  /* Once the window is up: every bookmark gets its complete saved copy */
  g_idle_add_full (G_PRIORITY_LOW, repair_library_idle_cb, g_object_ref (app), g_object_unref);
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

/* The icon theme is read in a thread when GTK makes it, but the
 * application's start-up then adds two resource paths to it (ours, and
 * libadwaita's in adw_init()), and each makes it forget what it read. The
 * window's first icon then read it all again on the main thread: two
 * index.theme files and the caches, ~9 ms of the start-up. It is read
 * again here, in a thread, while the window is made. GtkIconTheme locks
 * around its reading, as GTK's own thread does. */
static void
read_icon_theme_thread (GTask        *task,
                        gpointer      source_object,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  gtk_icon_theme_has_icon (GTK_ICON_THEME (task_data), "view-refresh-symbolic");
  g_task_return_boolean (task, TRUE);
}

static void
read_icon_theme_in_thread (void)
{
  GdkDisplay *display = gdk_display_get_default ();
  g_autoptr(GTask) task = NULL;

  if (display == NULL)
    return;

  task = g_task_new (NULL, NULL, NULL, NULL);
  g_task_set_source_tag (task, read_icon_theme_in_thread);
  g_task_set_task_data (task, g_object_ref (gtk_icon_theme_get_for_display (display)), g_object_unref);
  g_task_run_in_thread (task, read_icon_theme_thread);
}

static void
bulletin_application_startup (GApplication *app)
{
  BulletinApplication *self = BULLETIN_APPLICATION (app);
  const char *quit_accels[] = { "<Control>q", NULL };
  const char *preferences_accels[] = { "<Control>comma", NULL };
  const char *help_overlay_accels[] = { "<Control>question", NULL };

  if (self->editions == NULL && self->editions_thread == NULL)
    self->editions_thread = g_thread_new ("bulletin-editions", load_editions_thread, NULL);

  G_APPLICATION_CLASS (bulletin_application_parent_class)->startup (app);
  read_icon_theme_in_thread ();

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
bulletin_application_shutdown (GApplication *app)
{
  BulletinApplication *self = BULLETIN_APPLICATION (app);

  /* What was removed and not undone goes now */
  complete_all_removals (self);
  if (self->save_queue != NULL)
    bulletin_save_queue_cancel_all (self->save_queue);
  /* A bookmark toggled in the last moments is stored now, not at idle */
  if (self->bookmarks != NULL)
    bulletin_bookmarks_flush (self->bookmarks);
  g_settings_sync ();

  G_APPLICATION_CLASS (bulletin_application_parent_class)->shutdown (app);
}

static void
bulletin_application_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  BulletinApplication *self = BULLETIN_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_NETWORK_AVAILABLE:
      g_value_set_boolean (value, self->network_available);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bulletin_application_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  BulletinApplication *self = BULLETIN_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_NETWORK_AVAILABLE:
      bulletin_application_set_network_available (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bulletin_application_finalize (GObject *object)
{
  BulletinApplication *self = BULLETIN_APPLICATION (object);

  if (self->editions_thread != NULL)
    {
      GPtrArray *unused = g_thread_join (g_steal_pointer (&self->editions_thread));

      g_clear_pointer (&unused, g_ptr_array_unref);
    }
  g_clear_pointer (&self->edition_override, g_free);
  g_clear_pointer (&self->pending_removals, g_hash_table_unref);
  g_clear_object (&self->save_queue);
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
  object_class->get_property = bulletin_application_get_property;
  object_class->set_property = bulletin_application_set_property;
  app_class->activate = bulletin_application_activate;
  app_class->startup = bulletin_application_startup;
  app_class->shutdown = bulletin_application_shutdown;

  /**
   * BulletinApplication:network-available:
   *
   * Whether the network can be reached. It follows GNetworkMonitor
   * ("network-available" and "connectivity") until it is set, which a
   * test does to go offline.
   */
  properties[PROP_NETWORK_AVAILABLE] =
    g_param_spec_boolean ("network-available", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
  app_class->handle_local_options = bulletin_application_handle_local_options;
}

static void
bulletin_application_init (BulletinApplication *self)
{
  self->locale_direction = GTK_TEXT_DIR_LTR;
  self->pending_removals = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  self->network_available = monitor_says_available ();
  g_signal_connect_object (g_network_monitor_get_default (), "network-changed",
                           G_CALLBACK (network_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (g_network_monitor_get_default (), "notify::connectivity",
                           G_CALLBACK (network_changed_cb), self, G_CONNECT_SWAPPED);

  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Read the news of an outlet, online or from saved articles."));
}
