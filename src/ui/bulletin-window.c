/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bulletin-window"

#include "config.h"

#include <glib/gi18n.h>

#include "bulletin-article-loader.h"
#include "bulletin-section-model.h"
#include "bulletin-spinner.h"
#include "bulletin-window-private.h"

/*
 * BulletinWindow: the reading window. An AdwLeaflet of three panes,
 * sidebar | headlines | article, folding to one pane at a time on a narrow
 * window. The window owns the section models of the edition being read;
 * its actions live in bulletin-window-actions.c.
 */

G_DEFINE_FINAL_TYPE (BulletinWindow, bulletin_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_BOOKMARKED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void bulletin_window_load (BulletinWindow *self);
static void article_view_open_article_cb (BulletinWindow  *self,
                                          BulletinArticle *article,
                                          GtkWidget       *view);

BulletinWindow *
bulletin_window_new (BulletinApplication *application)
{
  BulletinWindow *self;

  g_return_val_if_fail (BULLETIN_IS_APPLICATION (application), NULL);

  self = g_object_new (BULLETIN_TYPE_WINDOW,
                       "application", application,
                       NULL);

  /* Only now is the window the application's: GtkWindow:application is
   * not a construct property */
  bulletin_window_load (self);

  return self;
}

static BulletinApplication *
get_application (BulletinWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (BULLETIN_IS_APPLICATION (app))
    return BULLETIN_APPLICATION (app);

  return BULLETIN_APPLICATION (g_application_get_default ());
}

/**
 * bulletin_window_add_toast:
 * @self: the window
 * @title: what to tell
 *
 * Shows a passing message at the bottom of the window.
 */
void
bulletin_window_add_toast (BulletinWindow *self,
                           const char     *title)
{
  AdwToast *toast;

  g_return_if_fail (BULLETIN_IS_WINDOW (self));

  toast = adw_toast_new (title);
  adw_toast_set_timeout (toast, 4);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

BulletinEdition *
bulletin_window_get_edition (BulletinWindow *self)
{
  g_return_val_if_fail (BULLETIN_IS_WINDOW (self), NULL);

  return self->edition;
}

const char *
bulletin_window_get_section_id (BulletinWindow *self)
{
  g_return_val_if_fail (BULLETIN_IS_WINDOW (self), NULL);

  return self->section_id;
}

BulletinArticle *
bulletin_window_get_article (BulletinWindow *self)
{
  g_return_val_if_fail (BULLETIN_IS_WINDOW (self), NULL);

  return self->article;
}

static gboolean
is_section_model (GListModel *model)
{
  return model != NULL && BULLETIN_IS_SECTION_MODEL (model);
}

static gboolean
model_is_loading (GListModel *model)
{
  gboolean loading = FALSE;

  if (is_section_model (model))
    g_object_get (model, "loading", &loading, NULL);

  return loading;
}

void
_bulletin_window_update_actions (BulletinWindow *self)
{
  gboolean has_article = self->article != NULL;
  gboolean has_link = has_article && bulletin_url_is_http (bulletin_article_get_url (self->article));
  gboolean is_section = is_section_model (self->current_model);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.refresh",
                                 is_section && !model_is_loading (self->current_model));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.bookmark", has_link);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-in-browser", has_link);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.copy-link", has_link);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.share-email", has_link);
  /* Zooming makes the view when it is not made yet */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-in", !self->article_view_failed);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-out", !self->article_view_failed);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-reset", !self->article_view_failed);

  gtk_widget_set_sensitive (GTK_WIDGET (self->share_button), has_link);
}

static void
refresh_spinning_cb (BulletinWindow *self)
{
  gboolean spinning = gtk_spinner_get_spinning (self->refresh_spinner);

  gtk_stack_set_visible_child_name (self->refresh_stack, spinning ? "spinner" : "icon");
}

/* A menu's popover is made when it is first opened, not with the window:
 * the three were 13 M instructions of the main thread's start-up */
static void
create_menu_popup_cb (GtkMenuButton *button,
                      gpointer       user_data)
{
  if (gtk_menu_button_get_menu_model (button) == NULL)
    gtk_menu_button_set_menu_model (button, G_MENU_MODEL (user_data));
}

static void
set_menu_later (GtkMenuButton *button,
                GMenuModel    *model)
{
  gtk_menu_button_set_create_popup_func (button, create_menu_popup_cb, model, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_HAS_POPUP, TRUE,
                                  -1);
}

static void
update_refresh_tooltip (BulletinWindow *self)
{
  const char *tooltip = model_is_loading (self->current_model) ? _("Loading headlines…") : NULL;

  /* Even the same tooltip again costs the round trips (see below) */
  if (self->tooltips_set &&
      g_strcmp0 (gtk_widget_get_tooltip_text (GTK_WIDGET (self->refresh_stack)), tooltip) != 0)
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->refresh_stack), tooltip);
}

static void
update_refresh_state (BulletinWindow *self)
{
  /* The button is insensitive at once; it spins once the wait is seen */
  bulletin_spinner_set_waiting (self->refresh_spinner, model_is_loading (self->current_model));
  update_refresh_tooltip (self);
  _bulletin_window_update_actions (self);
}

/* Setting a visible widget's tooltip asks the X server where the pointer
 * is, three round trips each: the header bars' ten were ~6 ms of the
 * window's start-up, for tooltips that no one can see before its first
 * frame. They are set once the first headlines are painted
 * (bulletin-window-breaking.c), with the article view's preloading. */
static const struct
{
  gsize       offset;
  const char *text;
} tooltips[] = {
  { G_STRUCT_OFFSET (BulletinWindow, edition_dropdown), N_("Edition") },
  { G_STRUCT_OFFSET (BulletinWindow, menu_button), N_("Main Menu") },
  { G_STRUCT_OFFSET (BulletinWindow, list_back_button), N_("Sections") },
  { G_STRUCT_OFFSET (BulletinWindow, refresh_button), N_("Refresh") },
  { G_STRUCT_OFFSET (BulletinWindow, search_button), N_("Search Headlines") },
  { G_STRUCT_OFFSET (BulletinWindow, article_back_button), N_("Headlines") },
  { G_STRUCT_OFFSET (BulletinWindow, share_button), N_("Share") },
  { G_STRUCT_OFFSET (BulletinWindow, browser_button), N_("Open in Browser") },
  { G_STRUCT_OFFSET (BulletinWindow, bookmark_button), N_("Save Article") },
};

void
_bulletin_window_set_tooltips (BulletinWindow *self)
{
  if (self->tooltips_set)
    return;

  self->tooltips_set = TRUE;
  for (gsize i = 0; i < G_N_ELEMENTS (tooltips); i++)
    gtk_widget_set_tooltip_text (G_STRUCT_MEMBER (GtkWidget *, self, tooltips[i].offset),
                                 _(tooltips[i].text));
  update_refresh_tooltip (self);
}

/* Section models */

static void
refresh_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(BulletinWindow) self = user_data;
  BulletinSectionModel *model = BULLETIN_SECTION_MODEL (object);
  g_autoptr(GError) error = NULL;

  if (bulletin_section_model_refresh_finish (model, result, &error))
    {
      _bulletin_window_refresh_succeeded (self);
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_error_matches (error, BULLETIN_ERROR, BULLETIN_ERROR_CANCELLED))
    return;

  /* Offline: the banner says it, once, rather than a toast per section */
  _bulletin_window_refresh_failed (self, error);
  if (g_error_matches (error, BULLETIN_ERROR, BULLETIN_ERROR_OFFLINE))
    return;

  g_debug ("Refresh failed: %s", error->message);

  /* With no headline at all the list's error page says it; otherwise a
   * passing note, the earlier headlines staying */
  if (G_LIST_MODEL (model) == self->current_model &&
      g_list_model_get_n_items (G_LIST_MODEL (model)) > 0)
    {
      g_autofree char *text = g_strdup_printf (_("Could not refresh: %s"), error->message);

      bulletin_window_add_toast (self, text);
    }
}

static void
bulletin_window_refresh_model (BulletinWindow       *self,
                               BulletinSectionModel *model)
{
  if (model_is_loading (G_LIST_MODEL (model)))
    return;

  g_object_set_data (G_OBJECT (model), "bulletin-refreshed", GINT_TO_POINTER (TRUE));
  bulletin_section_model_refresh_async (model, self->cancellable, refresh_cb, g_object_ref (self));
}

void
_bulletin_window_refresh (BulletinWindow *self)
{
  if (is_section_model (self->current_model) && _bulletin_window_can_refresh (self, FALSE))
    bulletin_window_refresh_model (self, BULLETIN_SECTION_MODEL (self->current_model));
}

/**
 * bulletin_window_get_section_model:
 * @self: the window
 * @section_id: a section of the edition, "latest" or "saved"
 *
 * Returns: (transfer none) (nullable): the articles of @section_id: the
 *   window's section model for it (created on first use), the bookmarks for
 *   "saved", or %NULL when the edition has no such section
 */
GListModel *
bulletin_window_get_section_model (BulletinWindow *self,
                                   const char     *section_id)
{
  BulletinSectionModel *model;

  g_return_val_if_fail (BULLETIN_IS_WINDOW (self), NULL);

  if (self->edition == NULL || section_id == NULL)
    return NULL;

  if (g_str_equal (section_id, BULLETIN_SECTION_SAVED))
    return G_LIST_MODEL (bulletin_application_get_bookmarks (get_application (self)));

  model = g_hash_table_lookup (self->models, section_id);
  if (model != NULL)
    return G_LIST_MODEL (model);

  if (!g_str_equal (section_id, BULLETIN_SECTION_LATEST) &&
      bulletin_edition_lookup_section (self->edition, section_id) == NULL)
    return NULL;

  model = bulletin_section_model_new (bulletin_application_get_client (get_application (self)),
                                      self->edition, section_id);
  g_hash_table_insert (self->models, g_strdup (section_id), model);

  /* The first section's own feed is what the first frame shows; the
   * others ("latest" reads every section's, 28 more for the demo) were
   * parsed on both cores while that frame was laid out and drawn, ~20 ms
   * of it. They wait until the first headlines are painted. */
  if (!self->first_out && self->held_model == NULL)
    {
      self->held_model = g_object_ref (model);
      bulletin_section_model_hold_others (model);
    }
  bulletin_sidebar_set_section_model (self->sidebar, section_id, G_LIST_MODEL (model));

  return G_LIST_MODEL (model);
}

static gboolean
auto_refresh_cb (gpointer user_data)
{
  BulletinWindow *self = user_data;

  _bulletin_window_refresh (self);

  return G_SOURCE_CONTINUE;
}

static void
bulletin_window_schedule_refresh (BulletinWindow *self)
{
  guint minutes;

  g_clear_handle_id (&self->refresh_source_id, g_source_remove);

  if (self->settings == NULL || !is_section_model (self->current_model))
    return;

  minutes = g_settings_get_uint (self->settings, "refresh-interval");
  if (minutes > 0)
    self->refresh_source_id = g_timeout_add_seconds (minutes * 60, auto_refresh_cb, self);
}

/* Articles */

/**
 * _bulletin_window_ensure_article_view:
 * @self: the window
 *
 * Makes the article view, loading it (and WebKitGTK) the first time: not
 * at start-up, where it is not shown (see bulletin-article-view-loader.c).
 *
 * Returns: whether the window has its article view
 */
gboolean
_bulletin_window_ensure_article_view (BulletinWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (self->article_view != NULL)
    return TRUE;
  if (self->article_view_failed)
    return FALSE;

  self->article_view_funcs = bulletin_article_view_load (&error);
  if (self->article_view_funcs == NULL)
    {
      g_critical ("Cannot load the article view: %s", error->message);
      self->article_view_failed = TRUE;
      _bulletin_window_update_actions (self);
      return FALSE;
    }

  self->article_view = self->article_view_funcs->create ();
  self->article_view_funcs->set_client (self->article_view,
                                        bulletin_application_get_client (get_application (self)));
  g_signal_connect_object (self->article_view, "open-article",
                           G_CALLBACK (article_view_open_article_cb), self,
                           G_CONNECT_SWAPPED);
  adw_bin_set_child (self->article_bin, self->article_view);

  return TRUE;
}

static void
bulletin_window_set_article_view_article (BulletinWindow  *self,
                                          BulletinArticle *article)
{
  if (!_bulletin_window_ensure_article_view (self))
    return;

  self->article_view_funcs->set_related (self->article_view,
                                         is_section_model (self->current_model) ? self->current_model : NULL);
  self->article_view_funcs->set_article (self->article_view, article, self->edition);
}

static void
library_load_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(BulletinWindow) self = user_data;
  g_autoptr(BulletinArticle) saved = NULL;
  g_autoptr(GError) error = NULL;

  saved = bulletin_library_load_finish (BULLETIN_LIBRARY (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->article == NULL)
    return;

  /* The saved copy, with its images on disk, reads with no network; a
   * copy that cannot be read leaves the article as the list has it */
  if (saved != NULL &&
      g_strcmp0 (bulletin_article_get_url (saved), bulletin_article_get_url (self->article)) == 0)
    bulletin_window_set_article_view_article (self, saved);
  else
    bulletin_window_set_article_view_article (self, self->article);
}

/**
 * bulletin_window_show_article:
 * @self: the window
 * @article: (nullable): the article to read
 *
 * Puts @article into the article pane and marks it read.
 */
void
bulletin_window_show_article (BulletinWindow  *self,
                              BulletinArticle *article)
{
  BulletinApplication *app;
  BulletinLibrary *library;
  const char *url = NULL;

  g_return_if_fail (BULLETIN_IS_WINDOW (self));
  g_return_if_fail (article == NULL || BULLETIN_IS_ARTICLE (article));

  if (self->article == article)
    return;

  app = get_application (self);
  g_set_object (&self->article, article);

  g_cancellable_cancel (self->article_cancellable);
  g_clear_object (&self->article_cancellable);

  if (article == NULL)
    {
      gtk_stack_set_visible_child_name (self->article_stack, "empty");
      _bulletin_window_set_bookmarked (self, FALSE);
      _bulletin_window_update_actions (self);
      return;
    }

  url = bulletin_article_get_url (article);
  bulletin_article_set_read (article, TRUE);
  bulletin_sidebar_count_unread (self->sidebar, self->section_id);

  library = bulletin_application_get_library (app);
  if (url != NULL && bulletin_library_contains (library, url))
    {
      /* The saved copy comes first (a thread reads it in a moment): the
       * list's article would start fetching a page that is at hand */
      self->article_cancellable = g_cancellable_new ();
      bulletin_library_load_async (library, url, self->article_cancellable,
                                   library_load_cb, g_object_ref (self));
    }
  else
    {
      bulletin_window_set_article_view_article (self, article);
    }

  if (_bulletin_window_ensure_article_view (self))
    gtk_stack_set_visible_child_name (self->article_stack, "article");

  self->bookmarked = url != NULL && bulletin_bookmarks_contains (bulletin_application_get_bookmarks (app), url);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BOOKMARKED]);

  _bulletin_window_update_actions (self);
}

void
_bulletin_window_set_bookmarked (BulletinWindow *self,
                                 gboolean        bookmarked)
{
  const char *url;

  bookmarked = !!bookmarked;

  if (self->article == NULL || (url = bulletin_article_get_url (self->article)) == NULL)
    {
      if (self->bookmarked)
        {
          self->bookmarked = FALSE;
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BOOKMARKED]);
        }
      return;
    }

  if (self->bookmarked == bookmarked)
    return;

  /* Saving bookmarks and saves whole; removing can be undone for a while
   * (bulletin-window-saved.c) */
  if (bookmarked)
    _bulletin_window_save_article (self, self->article);
  else
    _bulletin_window_remove_saved (self, url);

  self->bookmarked = bookmarked;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BOOKMARKED]);
}

/**
 * _bulletin_window_release_held:
 * @self: the window
 *
 * Lets the thumbnails the window's first headlines asked for load, and
 * the first section's model read its other feeds, once those headlines
 * are painted (or the window goes).
 */
void
_bulletin_window_release_held (BulletinWindow *self)
{
  g_autoptr(BulletinThumbnailCache) thumbnails = g_steal_pointer (&self->held_thumbnails);
  g_autoptr(BulletinSectionModel) model = g_steal_pointer (&self->held_model);

  self->first_out = TRUE;
  if (thumbnails != NULL)
    bulletin_thumbnail_cache_release (thumbnails);
  if (model != NULL)
    bulletin_section_model_release_others (model);
}

/* Sections */

/* A section is fetched when first shown; later only on request or by the
 * refresh interval. Offline, it shows the headlines kept from before. */
static void
bulletin_window_refresh_first (BulletinWindow *self)
{
  GListModel *model = self->current_model;

  if (!is_section_model (model) || g_object_get_data (G_OBJECT (model), "bulletin-refreshed") != NULL)
    return;

  /* With nothing kept either, one try gives the list its error page */
  if (_bulletin_window_can_refresh (self, FALSE) || g_list_model_get_n_items (model) == 0)
    bulletin_window_refresh_model (self, BULLETIN_SECTION_MODEL (model));
}

static void
bulletin_window_show_model (BulletinWindow *self,
                            GListModel     *model)
{
  if (self->current_model != NULL)
    g_signal_handlers_disconnect_by_func (self->current_model, update_refresh_state, self);

  self->current_model = model;

  if (is_section_model (model))
    g_signal_connect_object (model, "notify::loading", G_CALLBACK (update_refresh_state), self,
                             G_CONNECT_SWAPPED);

  /* Headlines kept from the last run are shown first: fetching and
   * parsing them again (29 feeds for the demo's "latest") shared the CPU
   * with the window's first frame. A refresh starts before the list has
   * the model, which it then finds loading, not empty. */
  if (model != NULL && (self->drawn || g_list_model_get_n_items (model) == 0))
    bulletin_window_refresh_first (self);

  bulletin_headline_list_set_model (self->headline_list, model);
  update_refresh_state (self);
  bulletin_window_schedule_refresh (self);
}

/* Remembered for the next start, which only a reader's choice does */
static void
remember_section (BulletinWindow *self,
                  const char     *section_id)
{
  g_autofree char *last = g_settings_get_string (self->settings, "last-section");

  if (g_strcmp0 (last, section_id) != 0)
    g_settings_set_string (self->settings, "last-section", section_id);
}

static void
first_paint_cb (BulletinWindow *self,
                GdkFrameClock  *clock)
{
  g_signal_handlers_disconnect_by_func (clock, first_paint_cb, self);
  self->drawn = TRUE;
  bulletin_window_refresh_first (self);
}

static void
realize_cb (BulletinWindow *self)
{
  if (!self->drawn)
    g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (self)), "after-paint",
                             G_CALLBACK (first_paint_cb), self, G_CONNECT_SWAPPED);
}

static void
section_selected_cb (BulletinWindow  *self,
                     const char      *section_id,
                     BulletinSidebar *sidebar)
{
  GListModel *model;
  gboolean saved;

  if (g_strcmp0 (self->section_id, section_id) == 0)
    return;

  model = bulletin_window_get_section_model (self, section_id);
  if (model == NULL)
    return;

  g_free (self->section_id);
  self->section_id = g_strdup (section_id);

  if (!self->restoring)
    remember_section (self, section_id);

  saved = g_str_equal (section_id, BULLETIN_SECTION_SAVED);
  if (saved)
    bulletin_headline_list_set_empty_state (self->headline_list, "user-bookmarks-symbolic",
                                            _("No Saved Articles"),
                                            _("Save an article with the bookmark button to find it here and read it offline"));
  else
    bulletin_headline_list_set_empty_state (self->headline_list, "x-office-document-symbolic",
                                            _("No Headlines"),
                                            _("This section has no articles right now"));

  adw_window_title_set_title (self->list_title, bulletin_sidebar_get_section_title (self->sidebar, section_id));
  adw_window_title_set_subtitle (self->list_title, bulletin_edition_get_name (self->edition));

  _bulletin_window_saved_section_shown (self, saved);
  bulletin_window_show_model (self, model);
}

static void
section_activated_cb (BulletinWindow  *self,
                      const char      *section_id,
                      BulletinSidebar *sidebar)
{
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
}

/**
 * bulletin_window_select_section:
 * @self: the window
 * @section_id: a section of the edition, "latest" or "saved"
 *
 * Shows the headlines of @section_id, as choosing it in the sidebar does.
 *
 * Returns: whether the edition has such a section
 */
gboolean
bulletin_window_select_section (BulletinWindow *self,
                                const char     *section_id)
{
  g_return_val_if_fail (BULLETIN_IS_WINDOW (self), FALSE);

  return bulletin_sidebar_select_section (self->sidebar, section_id);
}

static void
headline_selected_cb (BulletinWindow       *self,
                      GParamSpec           *pspec,
                      BulletinHeadlineList *list)
{
  BulletinArticle *article = bulletin_headline_list_get_selected_article (list);

  /* Leaving a section keeps the article being read */
  if (article != NULL)
    bulletin_window_show_article (self, article);
}

static void
headline_activated_cb (BulletinWindow       *self,
                       BulletinArticle      *article,
                       BulletinHeadlineList *list)
{
  bulletin_window_show_article (self, article);

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->article_pane);
}

static void
article_view_open_article_cb (BulletinWindow  *self,
                              BulletinArticle *article,
                              GtkWidget       *view)
{
  /* A "Read next" link: select it in the list when it is there */
  if (!bulletin_headline_list_select_article (self->headline_list, article))
    bulletin_window_show_article (self, article);
}

/* Editions */

static void
bulletin_window_update_dropdown (BulletinWindow *self)
{
  GListModel *editions = bulletin_application_get_editions (get_application (self));
  guint n_items = g_list_model_get_n_items (editions);

  self->updating_dropdown = TRUE;
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(BulletinEdition) edition = g_list_model_get_item (editions, i);

      if (edition == self->edition)
        {
          gtk_drop_down_set_selected (self->edition_dropdown, i);
          break;
        }
    }
  self->updating_dropdown = FALSE;
}

static void
bulletin_window_set_edition (BulletinWindow  *self,
                             BulletinEdition *edition)
{
  BulletinApplication *app = get_application (self);
  GtkTextDirection direction;
  g_autofree char *last_section = NULL;

  if (self->edition == edition)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  bulletin_window_show_article (self, NULL);
  bulletin_window_show_model (self, NULL);
  g_clear_pointer (&self->section_id, g_free);
  g_hash_table_remove_all (self->models);

  g_set_object (&self->edition, edition);
  _bulletin_window_breaking_set_edition (self, edition);

  /* An Arabic edition mirrors the whole window, not only its text */
  direction = bulletin_application_get_locale_direction (app);
  if (edition != NULL && g_strcmp0 (bulletin_edition_get_direction (edition), "rtl") == 0)
    direction = GTK_TEXT_DIR_RTL;
  else if (edition != NULL && g_strcmp0 (bulletin_edition_get_direction (edition), "ltr") == 0 &&
           direction == GTK_TEXT_DIR_NONE)
    direction = GTK_TEXT_DIR_LTR;
  if (gtk_widget_get_default_direction () != direction)
    gtk_widget_set_default_direction (direction);

  bulletin_sidebar_set_edition (self->sidebar, edition);
  bulletin_window_update_dropdown (self);

  if (edition == NULL)
    {
      adw_window_title_set_title (self->list_title, NULL);
      adw_window_title_set_subtitle (self->list_title, NULL);
      return;
    }

  /* The last section read, when this edition has it */
  last_section = g_settings_get_string (self->settings, "last-section");
  self->restoring = TRUE;
  if (!bulletin_sidebar_select_section (self->sidebar, last_section))
    bulletin_sidebar_select_section (self->sidebar, BULLETIN_SECTION_LATEST);
  self->restoring = FALSE;
}

/**
 * bulletin_window_set_edition_id:
 * @self: the window
 * @edition_id: an edition identifier
 *
 * Reads the edition @edition_id in this window. The setting is not
 * changed.
 *
 * Returns: whether there is such an edition
 */
gboolean
bulletin_window_set_edition_id (BulletinWindow *self,
                                const char     *edition_id)
{
  BulletinEdition *edition;

  g_return_val_if_fail (BULLETIN_IS_WINDOW (self), FALSE);

  edition = bulletin_application_lookup_edition (get_application (self), edition_id);
  if (edition == NULL)
    return FALSE;

  bulletin_window_set_edition (self, edition);
  return TRUE;
}

static void
edition_selected_cb (BulletinWindow *self,
                     GParamSpec     *pspec,
                     GtkDropDown    *dropdown)
{
  GListModel *editions;
  g_autoptr(BulletinEdition) edition = NULL;
  guint selected;

  if (self->updating_dropdown)
    return;

  editions = bulletin_application_get_editions (get_application (self));
  selected = gtk_drop_down_get_selected (dropdown);
  edition = selected != GTK_INVALID_LIST_POSITION ? g_list_model_get_item (editions, selected) : NULL;
  if (edition == NULL || edition == self->edition)
    return;

  /* The reader's choice is kept for the next start */
  g_settings_set_string (self->settings, "edition", bulletin_edition_get_id (edition));
  bulletin_window_set_edition (self, edition);
}

static void
bulletin_window_setup_dropdown (BulletinWindow *self)
{
  GListModel *editions = bulletin_application_get_editions (get_application (self));
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint n_items = g_list_model_get_n_items (editions);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(BulletinEdition) edition = g_list_model_get_item (editions, i);
      const char *name = bulletin_edition_get_short_name (edition);

      gtk_string_list_append (names, name != NULL ? name : bulletin_edition_get_name (edition));
    }

  self->updating_dropdown = TRUE;
  gtk_drop_down_set_model (self->edition_dropdown, G_LIST_MODEL (names));
  self->updating_dropdown = FALSE;
}

/* Layout */

static void
leaflet_folded_cb (BulletinWindow *self,
                   GParamSpec     *pspec,
                   AdwLeaflet     *leaflet)
{
  /* Folding shows what was being read, or the headlines */
  if (adw_leaflet_get_folded (leaflet))
    adw_leaflet_set_visible_child (leaflet, self->article != NULL ? self->article_pane : self->list_pane);
}

static void
leaflet_visible_child_cb (BulletinWindow *self,
                          GParamSpec     *pspec,
                          AdwLeaflet     *leaflet)
{
  GtkWidget *child = adw_leaflet_get_visible_child (leaflet);

  if (!adw_leaflet_get_folded (leaflet))
    return;

  if (child == self->sidebar_pane)
    gtk_widget_grab_focus (GTK_WIDGET (self->sidebar));
  else if (child == self->list_pane)
    gtk_widget_grab_focus (GTK_WIDGET (self->headline_list));
}

static gboolean
bulletin_window_close_request (GtkWindow *window)
{
  BulletinWindow *self = BULLETIN_WINDOW (window);
  int width, height;

  if (self->settings == NULL)
    return GTK_WINDOW_CLASS (bulletin_window_parent_class)->close_request (window);

  /* Closing the window is the reader's doing: its size is kept */
  gtk_window_get_default_size (window, &width, &height);
  if (width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));

  return GTK_WINDOW_CLASS (bulletin_window_parent_class)->close_request (window);
}

static void
show_help_overlay_cb (BulletinWindow *self)
{
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (self));

  if (overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_PATH "/ui/bulletin-shortcuts-window.ui");

      /* Our action stays: GTK adds its own only when there is none */
      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_application_window_set_help_overlay (GTK_APPLICATION_WINDOW (self), overlay);
    }

  gtk_window_present (GTK_WINDOW (overlay));
}

static void
bulletin_window_load (BulletinWindow *self)
{
  BulletinApplication *app = get_application (self);
  g_autoptr(GSimpleAction) help_overlay_action = NULL;
  const char *edition_id;
  g_autofree char *setting_edition = NULL;

  self->settings = g_object_ref (bulletin_application_get_settings (app));

  /* The first headlines' thumbnails, decoded in the worker threads, were
   * not ready for the first frame anyway (it shows their placeholders),
   * and meanwhile took a core from it and from the X server drawing it.
   * They load once the first headlines are painted
   * (bulletin-window-breaking.c). */
  self->held_thumbnails = g_object_ref (bulletin_application_get_thumbnails (app));
  bulletin_thumbnail_cache_hold (self->held_thumbnails);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  /* The shortcuts window is built when first asked for: at start it was
   * 3 % of the main thread's work */
  help_overlay_action = g_simple_action_new ("show-help-overlay", NULL);
  g_signal_connect_object (help_overlay_action, "activate",
                           G_CALLBACK (show_help_overlay_cb), self, G_CONNECT_SWAPPED);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (help_overlay_action));

  g_signal_connect (self, "realize", G_CALLBACK (realize_cb), NULL);
  g_signal_connect_object (self->settings, "changed::refresh-interval",
                           G_CALLBACK (bulletin_window_schedule_refresh), self,
                           G_CONNECT_SWAPPED);

  /* Where the view is at hand (linked in), it is made now, as before */
  if (bulletin_article_view_is_loaded ())
    _bulletin_window_ensure_article_view (self);

  _bulletin_window_breaking_init (self);
  _bulletin_window_saved_init (self);
  _bulletin_window_offline_init (self);

  bulletin_window_setup_dropdown (self);

  /* --edition is for this run only; the key is what the reader chose */
  edition_id = bulletin_application_get_edition_override (app);
  if (edition_id == NULL)
    edition_id = setting_edition = g_settings_get_string (self->settings, "edition");

  if (!bulletin_window_set_edition_id (self, edition_id))
    {
      GListModel *editions = bulletin_application_get_editions (app);
      g_autoptr(BulletinEdition) first = NULL;

      if (edition_id != NULL)
        g_warning ("No edition “%s”", edition_id);

      if (g_list_model_get_n_items (editions) > 0)
        first = g_list_model_get_item (editions, 0);
      bulletin_window_set_edition (self, first);
    }

  _bulletin_window_update_actions (self);
}

static void
bulletin_window_dispose (GObject *object)
{
  BulletinWindow *self = BULLETIN_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->article_cancellable);
  g_clear_handle_id (&self->refresh_source_id, g_source_remove);
  _bulletin_window_release_held (self);
  _bulletin_window_breaking_dispose (self);
  _bulletin_window_saved_dispose (self);

  if (self->current_model != NULL)
    g_signal_handlers_disconnect_by_func (self->current_model, update_refresh_state, self);
  self->current_model = NULL;
  bulletin_spinner_set_waiting (self->refresh_spinner, FALSE);

  gtk_widget_dispose_template (GTK_WIDGET (self), BULLETIN_TYPE_WINDOW);

  g_clear_pointer (&self->models, g_hash_table_unref);
  g_clear_object (&self->article);
  g_clear_object (&self->edition);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->article_cancellable);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (bulletin_window_parent_class)->dispose (object);
}

static void
bulletin_window_finalize (GObject *object)
{
  BulletinWindow *self = BULLETIN_WINDOW (object);

  g_clear_pointer (&self->section_id, g_free);

  G_OBJECT_CLASS (bulletin_window_parent_class)->finalize (object);
}

static void
bulletin_window_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  BulletinWindow *self = BULLETIN_WINDOW (object);

  switch (prop_id)
    {
    case PROP_BOOKMARKED:
      g_value_set_boolean (value, self->bookmarked);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bulletin_window_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  BulletinWindow *self = BULLETIN_WINDOW (object);

  switch (prop_id)
    {
    case PROP_BOOKMARKED:
      _bulletin_window_set_bookmarked (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bulletin_window_class_init (BulletinWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = bulletin_window_dispose;
  object_class->finalize = bulletin_window_finalize;
  object_class->get_property = bulletin_window_get_property;
  object_class->set_property = bulletin_window_set_property;
  window_class->close_request = bulletin_window_close_request;

  /**
   * BulletinWindow:bookmarked:
   *
   * Whether the article being read is bookmarked; setting it bookmarks the
   * article (and saves it for offline reading) or removes the bookmark.
   */
  properties[PROP_BOOKMARKED] =
    g_param_spec_boolean ("bookmarked", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (BULLETIN_TYPE_SIDEBAR);
  g_type_ensure (BULLETIN_TYPE_HEADLINE_LIST);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/bulletin-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BulletinWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BulletinWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, BulletinWindow, sidebar_pane);
  gtk_widget_class_bind_template_child (widget_class, BulletinWindow, list_pane);
  gtk_widget_class_bind_template_child (widget_class, BulletinWindow, article_pane);
  gtk_widget_class_bind_template_child (widget_class, BulletinWindow, edition_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BulletinWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, BulletinWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, BulletinWindow, list_title);
  gtk_widget_class_bind_template_child (widget_class, BulletinWindow, list_back_button);
  gtk_widget_class_bind_template_child (widget_class, BulletinWindow, refresh_stack);
  gtk_widget_class_bind_template_child (widget_class, BulletinWindow, refresh_spinner);
  gtk_widget_class_bind_template_child (widget_class, BulletinWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, BulletinWindow, headline_list);
  gtk_widget_class_bind_template_child (widget_class, BulletinWindow, article_title);
  gtk_widget_class_bind_template_child (widget_class, BulletinWindow, article_back_button);
  gtk_widget_class_bind_template_child (widget_class, BulletinWindow, share_button);
  gtk_widget_class_bind_template_child (widget_class, BulletinWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, BulletinWindow, share_menu);
  gtk_widget_class_bind_template_child (widget_class, BulletinWindow, saved_menu);
  gtk_widget_class_bind_template_child (widget_class, BulletinWindow, bookmark_button);
  gtk_widget_class_bind_template_child (widget_class, BulletinWindow, refresh_button);
  gtk_widget_class_bind_template_child (widget_class, BulletinWindow, browser_button);
  gtk_widget_class_bind_template_child (widget_class, BulletinWindow, article_stack);
  gtk_widget_class_bind_template_child (widget_class, BulletinWindow, article_bin);
  gtk_widget_class_bind_template_child (widget_class, BulletinWindow, offline_revealer);
  gtk_widget_class_bind_template_callback (widget_class, leaflet_folded_cb);
  gtk_widget_class_bind_template_callback (widget_class, leaflet_visible_child_cb);
  gtk_widget_class_bind_template_callback (widget_class, edition_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, section_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, section_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, headline_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, headline_activated_cb);

  _bulletin_window_class_actions_init (klass);
  _bulletin_window_saved_class_init (klass);
}

static void
bulletin_window_init (BulletinWindow *self)
{
  self->models = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_swapped (self->refresh_spinner, "notify::spinning",
                            G_CALLBACK (refresh_spinning_cb), self);
  set_menu_later (self->menu_button, self->primary_menu);
  set_menu_later (self->share_button, self->share_menu);
  set_menu_later (self->saved_menu_button, self->saved_menu);

  g_object_bind_property (self->search_button, "active",
                          self->headline_list, "search-mode-enabled",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);

  _bulletin_window_actions_init (self);
}
