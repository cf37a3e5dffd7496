/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bulletin-window"

#include "config.h"

#include <glib/gi18n.h>

#include "bulletin-window-private.h"

/*
 * Offline. Two things say the network is gone: the system
 * (BulletinApplication:network-available, from GNetworkMonitor), and a
 * refresh that fails with BULLETIN_ERROR_OFFLINE while the system still
 * believes in it. Either shows the offline banner; the lists keep the
 * headlines of the last run (marked stale) and saved articles read from the
 * library.
 *
 * While the system says offline, no refresh of a section from the web is
 * tried (neither by the timer nor by F5, which says why); when it says the
 * network is back, the shown section is refreshed once. A failed request
 * alone does not stop refreshes, as a refresh is then the only way to learn
 * that the network is back: the next one that works hides the banner.
 */

static BulletinApplication *
get_app (BulletinWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (BULLETIN_IS_APPLICATION (app))
    return BULLETIN_APPLICATION (app);

  return BULLETIN_APPLICATION (g_application_get_default ());
}

/* The demo edition reads its sections from the resources */
static gboolean
model_needs_network (GListModel *model)
{
  BulletinSection *section;
  GPtrArray *sources;

  if (model == NULL || !BULLETIN_IS_SECTION_MODEL (model))
    return FALSE;

  section = bulletin_section_model_get_section (BULLETIN_SECTION_MODEL (model));
  if (section == NULL)
    return TRUE;

  sources = bulletin_section_get_sources (section);
  for (guint i = 0; sources != NULL && i < sources->len; i++)
    {
      BulletinSource *source = g_ptr_array_index (sources, i);

      if (source->url == NULL || bulletin_url_is_http (source->url))
        return TRUE;
    }

  return FALSE;
}

/* A closed revealer still measures its child: the banner's wrapping label
 * was measured at every width tried in the window's first layout, ~3 % of
 * the start-up's main thread. So the banner is hidden while the revealer
 * is shut, shown just before it opens, and hidden again once it has slid
 * shut. The headline pane's width does not change: the stale notice in
 * the headline list, wider (a label as long, an icon and a button), sets
 * it. */
static void
banner_revealed_cb (GtkRevealer *revealer)
{
  if (!gtk_revealer_get_reveal_child (revealer) && !gtk_revealer_get_child_revealed (revealer))
    gtk_widget_set_visible (gtk_revealer_get_child (revealer), FALSE);
}

static void
update_banner (BulletinWindow *self)
{
  gboolean offline = !bulletin_application_get_network_available (get_app (self)) || self->offline;

  if (offline)
    gtk_widget_set_visible (gtk_revealer_get_child (self->offline_revealer), TRUE);
  gtk_revealer_set_reveal_child (self->offline_revealer, offline);
}

/**
 * _bulletin_window_can_refresh:
 * @self: the window
 * @asked: whether the reader asked (F5): a refusal is then told
 *
 * Returns: whether the section shown may be refreshed now
 */
gboolean
_bulletin_window_can_refresh (BulletinWindow *self,
                              gboolean        asked)
{
  if (bulletin_application_get_network_available (get_app (self)) ||
      !model_needs_network (self->current_model))
    return TRUE;

  /* Done when the network is back */
  self->refresh_missed = TRUE;
  if (asked)
    bulletin_window_add_toast (self, _("You are offline"));

  return FALSE;
}

/**
 * _bulletin_window_refresh_failed:
 * @self: the window
 * @error: why a refresh failed
 *
 * Notes a refresh that could not reach the network.
 */
void
_bulletin_window_refresh_failed (BulletinWindow *self,
                                 const GError   *error)
{
  if (!g_error_matches (error, BULLETIN_ERROR, BULLETIN_ERROR_OFFLINE))
    return;

  self->offline = TRUE;
  update_banner (self);
}

/**
 * _bulletin_window_refresh_succeeded:
 * @self: the window
 *
 * Notes a refresh that worked: the network is there.
 */
void
_bulletin_window_refresh_succeeded (BulletinWindow *self)
{
  if (!self->offline)
    return;

  self->offline = FALSE;
  update_banner (self);
}

static void
network_available_cb (BulletinWindow      *self,
                      GParamSpec          *pspec,
                      BulletinApplication *app)
{
  gboolean available = bulletin_application_get_network_available (app);

  if (available)
    self->offline = FALSE;
  update_banner (self);

  /* Back online: one refresh of what is shown, which the offline list
   * has been waiting for */
  if (available)
    {
      self->refresh_missed = FALSE;
      _bulletin_window_refresh (self);
    }
}

void
_bulletin_window_offline_init (BulletinWindow *self)
{
  g_signal_connect_object (get_app (self), "notify::network-available",
                           G_CALLBACK (network_available_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self->offline_revealer, "notify::child-revealed",
                    G_CALLBACK (banner_revealed_cb), NULL);
  update_banner (self);
  banner_revealed_cb (self->offline_revealer);
}
