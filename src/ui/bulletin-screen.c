/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "bulletin-screen.h"

/**
 * bulletin_screen_get_tallest_height:
 * @widget: a widget, for its display
 *
 * A window's own height is not known before its first frame (a window
 * manager may tile or maximize it), and its display's monitors are: lists
 * make a screenful of first rows by the tallest of them.
 *
 * Returns: the height in pixels of the tallest monitor of @widget's
 *   display, or 0 when none is known
 */
int
bulletin_screen_get_tallest_height (GtkWidget *widget)
{
  GListModel *monitors;
  guint n_monitors;
  int tallest = 0;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), 0);

  monitors = gdk_display_get_monitors (gtk_widget_get_display (widget));
  n_monitors = g_list_model_get_n_items (monitors);
  for (guint i = 0; i < n_monitors; i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);
      GdkRectangle geometry;

      gdk_monitor_get_geometry (monitor, &geometry);
      tallest = MAX (tallest, geometry.height);
    }

  return tallest;
}
