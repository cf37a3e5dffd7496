/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bulletin-window"

#include "config.h"

#include <glib/gi18n.h>

#include "bulletin-core.h"
#include "bulletin-window-private.h"

/* The window's breaking news: a BulletinBreaking for the edition read, shown
 * by the banner under the header bar of the article pane (of the headline
 * pane when the window is folded), and told by a desktop notification while
 * the window is in the background. The announcer decides what is told; the
 * notification's action opens the article in the window.
 */

#define NOTIFICATION_ID "breaking"
#define OPEN_ACTION "open-breaking"

static BulletinArticle *
find_article (BulletinWindow *self,
              const char     *url)
{
  GHashTableIter iter;
  gpointer value;

  /* The loaded sections have the article with its body (the demo's
   * articles read only so) */
  g_hash_table_iter_init (&iter, self->models);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      GListModel *model = value;
      guint n_items = g_list_model_get_n_items (model);

      for (guint i = 0; i < n_items; i++)
        {
          g_autoptr(BulletinArticle) article = g_list_model_get_item (model, i);

          if (g_strcmp0 (bulletin_article_get_url (article), url) == 0)
            return g_steal_pointer (&article);
        }
    }

  return NULL;
}

static void
open_url (BulletinWindow *self,
          const char     *url,
          const char     *title)
{
  g_autoptr(BulletinArticle) article = find_article (self, url);

  if (article == NULL)
    {
      /* A stub: the article view fetches the page */
      article = bulletin_article_new ();
      bulletin_article_set_url (article, url);
      bulletin_article_set_title (article, title);
    }

  if (!bulletin_headline_list_select_article (self->headline_list, article))
    bulletin_window_show_article (self, article);

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->article_pane);
}

static void
banner_open_article_cb (BulletinWindow         *self,
                        BulletinArticle        *item,
                        BulletinBreakingBanner *banner)
{
  open_url (self, bulletin_article_get_url (item), bulletin_article_get_title (item));
}

/* The app's action for a notification: "" presents the window, a URL also
 * opens the article. */
static void
open_breaking_action_cb (GSimpleAction *action,
                         GVariant      *parameter,
                         GtkApplication *app)
{
  const char *url = g_variant_get_string (parameter, NULL);
  BulletinWindow *window = NULL;

  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    if (BULLETIN_IS_WINDOW (l->data))
      {
        window = l->data;
        break;
      }

  if (window == NULL)
    {
      g_application_activate (G_APPLICATION (app));
      for (GList *l = gtk_application_get_windows (app); l != NULL && window == NULL; l = l->next)
        if (BULLETIN_IS_WINDOW (l->data))
          window = l->data;
      if (window == NULL)
        return;
    }

  gtk_window_present (GTK_WINDOW (window));
  if (*url != '\0' && bulletin_url_is_http (url))
    open_url (window, url, NULL);
}

/**
 * bulletin_window_add_breaking_action:
 * @app: the application
 *
 * Adds app.open-breaking (a string: an article URL, or "" for the window
 * alone), the action of a breaking news notification, when it is missing.
 * At start-up, so that a notification clicked after the app quit starts it
 * with the action there.
 */
void
bulletin_window_add_breaking_action (GtkApplication *app)
{
  g_autoptr(GSimpleAction) action = NULL;

  if (app == NULL || g_action_map_lookup_action (G_ACTION_MAP (app), OPEN_ACTION) != NULL)
    return;

  action = g_simple_action_new (OPEN_ACTION, G_VARIANT_TYPE_STRING);
  g_signal_connect_object (action, "activate", G_CALLBACK (open_breaking_action_cb), app, 0);
  g_action_map_add_action (G_ACTION_MAP (app), G_ACTION (action));
}

/* The announcer's sink: one notification, which a newer one replaces */
static void
announce_cb (const char *title,
             const char *body,
             const char *article_url,
             guint       count,
             gpointer    user_data)
{
  BulletinWindow *self = user_data;
  GApplication *app = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  g_autoptr(GNotification) notification = NULL;
  g_autoptr(GIcon) icon = NULL;

  if (app == NULL)
    return;

  bulletin_window_add_breaking_action (GTK_APPLICATION (app));

  notification = g_notification_new (title);
  g_notification_set_body (notification, body);
  g_notification_set_priority (notification, G_NOTIFICATION_PRIORITY_HIGH);
  icon = g_themed_icon_new (APP_ID "-symbolic");
  g_notification_set_icon (notification, icon);
  g_notification_set_default_action_and_target (notification, "app." OPEN_ACTION, "s",
                                                article_url != NULL ? article_url : "");
  if (article_url != NULL)
    g_notification_add_button_with_target (notification, _("Read Article"),
                                           "app." OPEN_ACTION, "s", article_url);

  g_application_send_notification (app, NOTIFICATION_ID, notification);
}

static void
is_active_cb (BulletinWindow *self)
{
  gboolean active = gtk_window_is_active (GTK_WINDOW (self));
  GApplication *app = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));

  bulletin_breaking_announcer_set_window_focused (self->breaking_announcer, active);

  /* Back in the window, the banner tells the news */
  if (active && app != NULL)
    g_application_withdraw_notification (app, NOTIFICATION_ID);
}

/* At start the poll waits for the first headlines: its fetch, parse and
 * the banner sliding in took the CPU from them (~20 ms of ~290 on the
 * demo). It starts once a frame is painted with the list settled (its
 * headlines, or what it says instead), or after BREAKING_WAIT_MS. */
#define BREAKING_WAIT_MS 1500

static void
stop_waiting (BulletinWindow *self)
{
  self->breaking_waits = FALSE;
  /* A window closed while it waits has lost its frame clock's handlers
   * with its surface, though the clock itself is still held here */
  if (self->breaking_paint_id != 0 &&
      g_signal_handler_is_connected (self->breaking_clock, self->breaking_paint_id))
    g_signal_handler_disconnect (self->breaking_clock, self->breaking_paint_id);
  self->breaking_paint_id = 0;
  g_clear_object (&self->breaking_clock);
  g_clear_handle_id (&self->breaking_timeout_id, g_source_remove);
}

static void ensure_banner (BulletinWindow *self);

static void
start_breaking (BulletinWindow *self)
{
  stop_waiting (self);
  if (self->breaking != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      ensure_banner (self);
      bulletin_breaking_start (self->breaking);
    }

  /* The same moment is when the article view, not needed before an
   * article is chosen, is loaded in the background, the thumbnails of
   * the first headlines and the first section's other feeds are, and the
   * buttons get their tooltips */
  bulletin_article_view_preload ();
  _bulletin_window_release_held (self);
  _bulletin_window_set_tooltips (self);
}

static gboolean
wait_timeout_cb (gpointer user_data)
{
  BulletinWindow *self = user_data;

  self->breaking_timeout_id = 0;
  start_breaking (self);
  return G_SOURCE_REMOVE;
}

/* Once the frame is out, not in it: the frame clock's after-paint is still
 * the frame's (others wait on it), and starting the poll makes the banner */
static void
after_paint_cb (BulletinWindow *self)
{
  if (g_strcmp0 (bulletin_headline_list_get_state (self->headline_list), "loading") == 0)
    return;

  g_clear_signal_handler (&self->breaking_paint_id, self->breaking_clock);
  g_clear_handle_id (&self->breaking_timeout_id, g_source_remove);
  self->breaking_timeout_id = g_idle_add (wait_timeout_cb, self);
}

static void
map_cb (BulletinWindow *self)
{
  if (self->breaking_waits)
    {
      if (self->breaking_clock == NULL)
        {
          self->breaking_clock = g_object_ref (gtk_widget_get_frame_clock (GTK_WIDGET (self)));
          self->breaking_paint_id = g_signal_connect_swapped (self->breaking_clock, "after-paint",
                                                              G_CALLBACK (after_paint_cb), self);
        }
      if (self->breaking_timeout_id == 0)
        self->breaking_timeout_id = g_timeout_add (BREAKING_WAIT_MS, wait_timeout_cb, self);
      return;
    }

  if (self->breaking != NULL)
    {
      ensure_banner (self);
      bulletin_breaking_start (self->breaking);
    }
}

/* Where the banner goes: under the article pane's header bar, or the
 * headline pane's when the window is folded to one pane at a time */
static void
place_banner (BulletinWindow *self)
{
  GtkWidget *banner = GTK_WIDGET (self->breaking_banner);
  GtkWidget *pane;
  GtkWidget *parent;

  if (banner == NULL)
    return;

  pane = adw_leaflet_get_folded (self->leaflet) ? self->list_pane : self->article_pane;
  parent = gtk_widget_get_parent (banner);
  if (parent == pane)
    return;

  g_object_ref (banner);
  if (parent != NULL)
    gtk_box_remove (GTK_BOX (parent), banner);
  gtk_box_insert_child_after (GTK_BOX (pane), banner, gtk_widget_get_first_child (pane));
  g_object_unref (banner);
}

/* The banner is made when a poll first starts, after the first
 * headlines: until then it has nothing to show, and making it (measured
 * whole even while hidden, under its closed revealer) and giving its
 * buttons their tooltips (nine round trips to the X server) was ~10 M
 * instructions before the first frame. */
static void
ensure_banner (BulletinWindow *self)
{
  if (self->breaking_banner != NULL || self->breaking == NULL)
    return;

  self->breaking_banner = BULLETIN_BREAKING_BANNER (bulletin_breaking_banner_new ());
  g_signal_connect_object (self->breaking_banner, "open-article",
                           G_CALLBACK (banner_open_article_cb), self, G_CONNECT_SWAPPED);
  bulletin_breaking_banner_set_model (self->breaking_banner, G_LIST_MODEL (self->breaking));
  place_banner (self);
}

/**
 * _bulletin_window_breaking_init:
 * @self: the window
 *
 * Sets up the announcer, and the banner's place (the banner is made by
 * the first poll); called once, before an edition is set.
 */
void
_bulletin_window_breaking_init (BulletinWindow *self)
{
  g_signal_connect_object (self->leaflet, "notify::folded",
                           G_CALLBACK (place_banner), self, G_CONNECT_SWAPPED);

  self->breaking_announcer = bulletin_breaking_announcer_new (self->settings);
  bulletin_breaking_announcer_set_sink (self->breaking_announcer, announce_cb, self, NULL);
  /* A window being opened has the reader's eyes until it says otherwise:
   * the items of the first poll are in the banner, not in a notification */
  bulletin_breaking_announcer_set_window_focused (self->breaking_announcer, TRUE);
  g_signal_connect (self, "notify::is-active", G_CALLBACK (is_active_cb), NULL);
  self->breaking_waits = TRUE;
  g_signal_connect (self, "map", G_CALLBACK (map_cb), NULL);

  bulletin_window_add_breaking_action (gtk_window_get_application (GTK_WINDOW (self)));
}

/**
 * _bulletin_window_breaking_set_edition:
 * @self: the window
 * @edition: (nullable): the edition now read
 *
 * Follows the breaking news of @edition instead of the last edition's.
 */
void
_bulletin_window_breaking_set_edition (BulletinWindow  *self,
                                       BulletinEdition *edition)
{
  BulletinApplication *app = BULLETIN_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));

  if (self->breaking != NULL)
    {
      bulletin_breaking_stop (self->breaking);
      g_settings_unbind (self->breaking, "interval");
      g_clear_object (&self->breaking);
    }

  if (edition != NULL && bulletin_edition_get_breaking (edition) != NULL)
    {
      self->breaking = bulletin_breaking_new (bulletin_application_get_client (app), edition);
      g_settings_bind (self->settings, "breaking-interval", self->breaking, "interval",
                       G_SETTINGS_BIND_GET);
    }

  if (self->breaking_banner != NULL)
    bulletin_breaking_banner_set_model (self->breaking_banner, G_LIST_MODEL (self->breaking));
  bulletin_breaking_announcer_set_breaking (self->breaking_announcer, self->breaking);

  if (self->breaking != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)) && !self->breaking_waits)
    {
      ensure_banner (self);
      bulletin_breaking_start (self->breaking);
    }
}

/**
 * _bulletin_window_breaking_dispose:
 * @self: the window
 *
 * Stops following breaking news.
 */
void
_bulletin_window_breaking_dispose (BulletinWindow *self)
{
  stop_waiting (self);

  if (self->breaking_announcer != NULL)
    {
      bulletin_breaking_announcer_set_sink (self->breaking_announcer, NULL, NULL, NULL);
      bulletin_breaking_announcer_set_breaking (self->breaking_announcer, NULL);
      g_clear_object (&self->breaking_announcer);
    }

  if (self->breaking != NULL)
    {
      bulletin_breaking_stop (self->breaking);
      g_settings_unbind (self->breaking, "interval");
      g_clear_object (&self->breaking);
    }

  /* The banner goes with the template */
  self->breaking_banner = NULL;
}
