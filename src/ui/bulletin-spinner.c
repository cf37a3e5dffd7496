/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "bulletin-spinner.h"

/* A spinner that turns for a moment is a flash, not news: most waits in
 * Bulletin (a local feed, the cache, a fast server) end within a frame or
 * two. So a spinner is set spinning only once the wait has lasted
 * BULLETIN_SPINNER_DELAY_MS, and whoever shows it follows
 * GtkSpinner:spinning. It also keeps the window's first frame from
 * drawing the theme's spinner, an SVG that librsvg renders three times a
 * size (~40 M instructions at start-up for the two spinners). */

#define DELAY_KEY "bulletin-spinner-delay"

static void
remove_source (gpointer data)
{
  g_source_remove (GPOINTER_TO_UINT (data));
}

static gboolean
start_spinning_cb (gpointer user_data)
{
  GtkSpinner *spinner = user_data;

  /* The source ends by returning; it is not removed again */
  g_object_steal_data (G_OBJECT (spinner), DELAY_KEY);
  gtk_spinner_set_spinning (spinner, TRUE);

  return G_SOURCE_REMOVE;
}

/**
 * bulletin_spinner_set_waiting:
 * @spinner: a #GtkSpinner
 * @waiting: whether something is being waited for
 *
 * Sets @spinner spinning once a wait has lasted
 * %BULLETIN_SPINNER_DELAY_MS, or stops it (and the delay) at once when
 * the wait is over. Saying the same again changes nothing: a wait already
 * counted is not counted again.
 */
void
bulletin_spinner_set_waiting (GtkSpinner *spinner,
                              gboolean    waiting)
{
  g_return_if_fail (GTK_IS_SPINNER (spinner));

  if (!waiting)
    {
      g_object_set_data (G_OBJECT (spinner), DELAY_KEY, NULL);
      gtk_spinner_set_spinning (spinner, FALSE);
      return;
    }

  if (gtk_spinner_get_spinning (spinner) ||
      g_object_get_data (G_OBJECT (spinner), DELAY_KEY) != NULL)
    return;

  g_object_set_data_full (G_OBJECT (spinner), DELAY_KEY,
                          GUINT_TO_POINTER (g_timeout_add (BULLETIN_SPINNER_DELAY_MS,
                                                           start_spinning_cb, spinner)),
                          remove_source);
}
