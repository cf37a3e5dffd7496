/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bulletin-window"

#include "config.h"

#include <glib/gi18n.h>

#include "bulletin-window-private.h"

/* The window's actions, every one also reachable from the keyboard; the
 * shortcuts window (bulletin-shortcuts-window.ui) lists the bindings. */

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  /* Offline, F5 says why nothing happens */
  if (_bulletin_window_can_refresh (BULLETIN_WINDOW (widget), TRUE))
    _bulletin_window_refresh (BULLETIN_WINDOW (widget));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BulletinWindow *self = BULLETIN_WINDOW (widget);

  /* Searching happens in the headlines, which a folded window has to show */
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->list_pane);

  bulletin_headline_list_set_search_mode (self->headline_list, TRUE);
}

static void
next_article_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BulletinWindow *self = BULLETIN_WINDOW (widget);

  if (!bulletin_headline_list_select_next (self->headline_list))
    gtk_widget_error_bell (widget);
}

static void
previous_article_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  BulletinWindow *self = BULLETIN_WINDOW (widget);

  if (!bulletin_headline_list_select_previous (self->headline_list))
    gtk_widget_error_bell (widget);
}

static void
go_to_section_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  BulletinWindow *self = BULLETIN_WINDOW (widget);
  int index = g_variant_get_int32 (parameter);

  if (index < 0 || !bulletin_sidebar_select_index (self->sidebar, (guint) index))
    gtk_widget_error_bell (widget);
}

static void
select_section_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  BulletinWindow *self = BULLETIN_WINDOW (widget);

  if (!bulletin_window_select_section (self, g_variant_get_string (parameter, NULL)))
    gtk_widget_error_bell (widget);
}

static void
select_edition_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  BulletinWindow *self = BULLETIN_WINDOW (widget);
  const char *edition_id = g_variant_get_string (parameter, NULL);
  GListModel *editions;
  guint n_items;

  editions = bulletin_application_get_editions (BULLETIN_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
  n_items = g_list_model_get_n_items (editions);

  /* Through the switcher, as if the reader had chosen there */
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(BulletinEdition) edition = g_list_model_get_item (editions, i);

      if (g_strcmp0 (bulletin_edition_get_id (edition), edition_id) == 0)
        {
          gtk_drop_down_set_selected (self->edition_dropdown, i);
          return;
        }
    }

  gtk_widget_error_bell (widget);
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BulletinWindow *self = BULLETIN_WINDOW (widget);
  const BulletinArticleViewFuncs *view;

  if (!_bulletin_window_ensure_article_view (self))
    return;

  view = self->article_view_funcs;
  if (g_str_equal (action_name, "win.zoom-in"))
    view->zoom_in (self->article_view);
  else if (g_str_equal (action_name, "win.zoom-out"))
    view->zoom_out (self->article_view);
  else
    view->zoom_reset (self->article_view);
}

static const char *
article_link (BulletinWindow *self)
{
  const char *url;

  if (self->article == NULL)
    return NULL;

  url = bulletin_article_get_url (self->article);

  return bulletin_url_is_http (url) ? url : NULL;
}

static void
open_in_browser_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  BulletinWindow *self = BULLETIN_WINDOW (widget);
  const char *url = article_link (self);

  if (url != NULL)
    gtk_show_uri (GTK_WINDOW (self), url, GDK_CURRENT_TIME);
}

static void
copy_link_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  BulletinWindow *self = BULLETIN_WINDOW (widget);
  const char *url = article_link (self);

  if (url == NULL)
    return;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), url);
  bulletin_window_add_toast (self, _("Link copied"));
}

static void
share_email_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  BulletinWindow *self = BULLETIN_WINDOW (widget);
  const char *url = article_link (self);
  const char *title;
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;
  g_autofree char *mailto = NULL;

  if (url == NULL)
    return;

  title = bulletin_article_get_title (self->article);
  subject = g_uri_escape_string (title != NULL ? title : url, NULL, FALSE);
  body = g_uri_escape_string (url, NULL, FALSE);
  mailto = g_strdup_printf ("mailto:?subject=%s&body=%s", subject, body);

  gtk_show_uri (GTK_WINDOW (self), mailto, GDK_CURRENT_TIME);
}

static void
go_back_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  BulletinWindow *self = BULLETIN_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

void
_bulletin_window_class_actions_init (BulletinWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.next-article", NULL, next_article_action);
  gtk_widget_class_install_action (widget_class, "win.previous-article", NULL, previous_article_action);
  gtk_widget_class_install_action (widget_class, "win.go-to-section", "i", go_to_section_action);
  gtk_widget_class_install_action (widget_class, "win.select-section", "s", select_section_action);
  gtk_widget_class_install_action (widget_class, "win.select-edition", "s", select_edition_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-reset", NULL, zoom_action);
  gtk_widget_class_install_property_action (widget_class, "win.bookmark", "bookmarked");
  gtk_widget_class_install_action (widget_class, "win.open-in-browser", NULL, open_in_browser_action);
  gtk_widget_class_install_action (widget_class, "win.copy-link", NULL, copy_link_action);
  gtk_widget_class_install_action (widget_class, "win.share-email", NULL, share_email_action);
  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, go_back_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "win.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_j, 0, "win.next-article", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_k, 0, "win.previous-article", NULL);
  for (int i = 0; i < 9; i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                         "win.go-to-section", "i", i);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "win.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK, "win.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "win.bookmark", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "win.open-in-browser", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.copy-link", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

void
_bulletin_window_actions_init (BulletinWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.bookmark", FALSE);
}
