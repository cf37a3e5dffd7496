/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-sidebar"

#include "config.h"

#include <adwaita.h>

#include "bulletin-application.h"
#include "bulletin-sidebar.h"
#include "bulletin-sidebar-row.h"
#include "bulletin-window.h"
#include "bulletin-window-private.h"

#include "display-utils.h"

/* The sidebar makes the rows its first frame can show with the window and
 * the rest once that frame is painted; whatever is made, every entry can
 * be asked for, selected and reached. */

static BulletinApplication *app;

/* Helpers */

static GtkListBox *
list_box_of (BulletinSidebar *sidebar)
{
  return GTK_LIST_BOX (display_find_type (GTK_WIDGET (sidebar), GTK_TYPE_LIST_BOX));
}

static guint
n_rows_made (BulletinSidebar *sidebar)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list_box_of (sidebar)));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (BULLETIN_IS_SIDEBAR_ROW (child))
      n++;

  return n;
}

static gboolean
all_rows_made (gpointer data)
{
  BulletinSidebar *sidebar = data;

  return n_rows_made (sidebar) == bulletin_sidebar_get_n_entries (sidebar);
}

static int
tallest_monitor (void)
{
  GListModel *monitors = gdk_display_get_monitors (gdk_display_get_default ());
  int tallest = 0;

  for (guint i = 0; i < g_list_model_get_n_items (monitors); i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);
      GdkRectangle geometry;

      gdk_monitor_get_geometry (monitor, &geometry);
      tallest = MAX (tallest, geometry.height);
    }

  return tallest;
}

/* A window holding only a sidebar, shown, with no edition yet */
static BulletinSidebar *
sidebar_in_window (GtkWidget **window)
{
  BulletinSidebar *sidebar = BULLETIN_SIDEBAR (bulletin_sidebar_new ());

  *window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (*window), 300, 700);
  gtk_window_set_child (GTK_WINDOW (*window), GTK_WIDGET (sidebar));
  gtk_window_present (GTK_WINDOW (*window));
  g_assert_true (display_wait_for (display_widget_mapped, *window));

  return sidebar;
}

static BulletinEdition *
edition (const char *edition_id)
{
  BulletinEdition *found = bulletin_application_lookup_edition (app, edition_id);

  g_assert_nonnull (found);
  return found;
}

/* The rows made are the first entries, in their order, each with the header that
 * @reference's row of the same entry has (NULL: none is compared) */
static void
assert_rows_are_entries (BulletinSidebar *sidebar,
                         BulletinSidebar *reference)
{
  guint i = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list_box_of (sidebar)));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      BulletinSidebarRow *row;
      const char *id;
      GtkWidget *header, *expected;

      /* The headers are the list box's children too */
      if (!BULLETIN_IS_SIDEBAR_ROW (child))
        continue;

      row = BULLETIN_SIDEBAR_ROW (child);
      id = bulletin_sidebar_get_entry_id (sidebar, i++);

      g_assert_cmpstr (bulletin_sidebar_row_get_section_id (row), ==, id);
      g_assert_cmpstr (bulletin_sidebar_row_get_title (row), ==, bulletin_sidebar_get_entry_title (sidebar, i - 1));
      g_assert_true (bulletin_sidebar_get_row (sidebar, id) == GTK_WIDGET (row));

      if (reference == NULL)
        continue;

      header = gtk_list_box_row_get_header (GTK_LIST_BOX_ROW (row));
      expected = gtk_list_box_row_get_header (GTK_LIST_BOX_ROW (bulletin_sidebar_get_row (reference, id)));
      if (expected == NULL)
        g_assert_null (header);
      else if (GTK_IS_LABEL (expected))
        g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (header)), ==,
                         gtk_label_get_label (GTK_LABEL (expected)));
      else
        g_assert_cmpstr (G_OBJECT_TYPE_NAME (header), ==, G_OBJECT_TYPE_NAME (expected));
    }
}

static void
section_selected_cb (BulletinSidebar *sidebar,
                     const char      *section_id,
                     char           **selected)
{
  g_free (*selected);
  *selected = g_strdup (section_id);
}

/* Tests */

/* Right after set_edition(), the rows that fill the tallest screen and no
 * more; all of them once the first frame is painted, with their headers */
static void
test_first_screen (void)
{
  GtkWidget *window, *reference_window;
  BulletinSidebar *sidebar = sidebar_in_window (&window);
  BulletinSidebar *reference = sidebar_in_window (&reference_window);
  guint n_entries, made;
  graphene_rect_t bounds;

  bulletin_sidebar_set_edition (sidebar, edition ("demo"));
  n_entries = bulletin_sidebar_get_n_entries (sidebar);
  made = n_rows_made (sidebar);
  g_test_message ("%u of %u rows made with the edition, the tallest monitor %d px high",
                  made, n_entries, tallest_monitor ());
  g_assert_cmpuint (n_entries, ==, 30);
  g_assert_cmpuint (made, >, 2);
  g_assert_cmpuint (made, <, n_entries);
  assert_rows_are_entries (sidebar, NULL);
  g_assert_cmpuint (n_rows_made (sidebar), ==, made);

  /* Every row made at once, as asked for */
  bulletin_sidebar_set_edition (reference, edition ("demo"));
  g_assert_nonnull (bulletin_sidebar_get_row (reference, bulletin_sidebar_get_entry_id (reference, n_entries - 1)));
  g_assert_cmpuint (n_rows_made (reference), ==, n_entries);

  g_assert_true (display_wait_for (all_rows_made, sidebar));
  assert_rows_are_entries (sidebar, reference);

  /* The first rows reached past the bottom of any screen */
  g_assert_true (gtk_widget_compute_bounds (bulletin_sidebar_get_row (sidebar, bulletin_sidebar_get_entry_id (sidebar, made - 1)),
                                            GTK_WIDGET (list_box_of (sidebar)), &bounds));
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, >=, tallest_monitor ());

  gtk_window_destroy (GTK_WINDOW (window));
  gtk_window_destroy (GTK_WINDOW (reference_window));
}

/* An entry whose row is not made yet has its id and title at once, and
 * selecting it, by id or by index, makes its row and selects it */
static void
test_select_pending (void)
{
  GtkWidget *window;
  BulletinSidebar *sidebar = sidebar_in_window (&window);
  g_autofree char *selected = NULL;
  guint n_entries, made;
  const char *last_id;

  g_signal_connect (sidebar, "section-selected", G_CALLBACK (section_selected_cb), &selected);

  bulletin_sidebar_set_edition (sidebar, edition ("demo"));
  n_entries = bulletin_sidebar_get_n_entries (sidebar);
  made = n_rows_made (sidebar);
  g_assert_cmpuint (made, <, n_entries);

  last_id = bulletin_sidebar_get_entry_id (sidebar, n_entries - 1);
  g_assert_cmpstr (last_id, ==, "us-canada");
  g_assert_nonnull (bulletin_sidebar_get_entry_title (sidebar, n_entries - 1));
  g_assert_cmpstr (bulletin_sidebar_get_section_title (sidebar, last_id), ==,
                   bulletin_sidebar_get_entry_title (sidebar, n_entries - 1));
  g_assert_cmpuint (n_rows_made (sidebar), ==, made);

  g_assert_true (bulletin_sidebar_select_section (sidebar, last_id));
  g_assert_cmpstr (selected, ==, last_id);
  g_assert_cmpstr (bulletin_sidebar_get_section_id (sidebar), ==, last_id);
  g_assert_true (GTK_WIDGET (gtk_list_box_get_selected_row (list_box_of (sidebar))) ==
                 bulletin_sidebar_get_row (sidebar, last_id));
  assert_rows_are_entries (sidebar, NULL);

  /* By index, the first entry not made */
  bulletin_sidebar_set_edition (sidebar, edition ("demo"));
  g_assert_cmpuint (n_rows_made (sidebar), ==, made);
  g_assert_true (bulletin_sidebar_select_index (sidebar, made));
  g_assert_cmpstr (selected, ==, bulletin_sidebar_get_entry_id (sidebar, made));
  g_assert_cmpstr (bulletin_sidebar_get_section_id (sidebar), ==, bulletin_sidebar_get_entry_id (sidebar, made));
  assert_rows_are_entries (sidebar, NULL);
  g_assert_false (bulletin_sidebar_select_index (sidebar, n_entries));
  g_assert_false (bulletin_sidebar_select_section (sidebar, "no-such-section"));

  g_assert_true (display_wait_for (all_rows_made, sidebar));
  assert_rows_are_entries (sidebar, NULL);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The keyboard reaches the rows not made yet: Down from the last row
 * made selects the next entry, End the last one */
static void
test_keyboard (void)
{
  GtkWidget *window;
  BulletinSidebar *sidebar = sidebar_in_window (&window);
  guint n_entries, made;

  bulletin_sidebar_set_edition (sidebar, edition ("demo"));
  n_entries = bulletin_sidebar_get_n_entries (sidebar);
  made = n_rows_made (sidebar);
  g_assert_cmpuint (made, <, n_entries);

  gtk_widget_grab_focus (bulletin_sidebar_get_row (sidebar, bulletin_sidebar_get_entry_id (sidebar, made - 1)));
  g_signal_emit_by_name (list_box_of (sidebar), "move-cursor", GTK_MOVEMENT_DISPLAY_LINES, 1, FALSE, FALSE);
  g_assert_cmpstr (bulletin_sidebar_get_section_id (sidebar), ==,
                   bulletin_sidebar_get_entry_id (sidebar, made));

  bulletin_sidebar_set_edition (sidebar, edition ("demo"));
  g_assert_cmpuint (n_rows_made (sidebar), ==, made);

  gtk_widget_grab_focus (GTK_WIDGET (sidebar));
  g_signal_emit_by_name (list_box_of (sidebar), "move-cursor", GTK_MOVEMENT_BUFFER_ENDS, 1, FALSE, FALSE);
  g_assert_cmpuint (n_rows_made (sidebar), ==, n_entries);
  g_assert_cmpstr (bulletin_sidebar_get_section_id (sidebar), ==,
                   bulletin_sidebar_get_entry_id (sidebar, n_entries - 1));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A second edition while the first one's rows are still to be made: only
 * the second's rows, in its order, ever (the Arabic edition has the
 * demo's sections, with Arabic titles) */
static void
test_switch_editions (void)
{
  GtkWidget *window;
  BulletinSidebar *sidebar = sidebar_in_window (&window);

  bulletin_sidebar_set_edition (sidebar, edition ("demo"));
  g_assert_cmpuint (n_rows_made (sidebar), <, bulletin_sidebar_get_n_entries (sidebar));
  bulletin_sidebar_set_edition (sidebar, edition ("almayadeen-ar"));
  g_assert_true (display_wait_for (all_rows_made, sidebar));
  assert_rows_are_entries (sidebar, NULL);
  g_assert_cmpstr (bulletin_sidebar_get_section_title (sidebar, "politics"), !=, "Politics");

  /* And none at all */
  bulletin_sidebar_set_edition (sidebar, edition ("demo"));
  bulletin_sidebar_set_edition (sidebar, NULL);
  display_settle (100);
  g_assert_cmpuint (bulletin_sidebar_get_n_entries (sidebar), ==, 0);
  g_assert_cmpuint (n_rows_made (sidebar), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The row's box: its title, and what it has made of its icon, spinner and
 * count, as type names in their order */
static char *
row_children (GtkWidget *row)
{
  GtkWidget *box = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));
  g_autoptr(GString) names = g_string_new (NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (box);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (names->len > 0)
        g_string_append_c (names, ' ');
      g_string_append (names, G_OBJECT_TYPE_NAME (child));
      if (!gtk_widget_get_visible (child))
        g_string_append (names, "(hidden)");
    }

  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* A row is its title until it has an icon, loads or counts: the spinner
 * and the count come when first needed, in their places */
static void
test_row_badges (void)
{
  g_autoptr(GtkWidget) row = g_object_ref_sink (bulletin_sidebar_row_new ("politics", "Politics", "news", "News", NULL));
  g_autoptr(GtkWidget) with_icon = g_object_ref_sink (bulletin_sidebar_row_new ("saved", "Saved", "home", NULL,
                                                                                "user-bookmarks-symbolic"));
  BulletinSidebarRow *sidebar_row = BULLETIN_SIDEBAR_ROW (row);
  g_autofree char *children = NULL;

  children = row_children (row);
  g_assert_cmpstr (children, ==, "GtkLabel");
  g_free (children);
  children = row_children (with_icon);
  g_assert_cmpstr (children, ==, "GtkImage GtkLabel");
  g_free (children);

  bulletin_sidebar_row_set_unread (sidebar_row, 5);
  children = row_children (row);
  g_assert_cmpstr (children, ==, "GtkLabel GtkLabel");
  g_free (children);

  bulletin_sidebar_row_set_loading (sidebar_row, TRUE);
  children = row_children (row);
  g_assert_cmpstr (children, ==, "GtkLabel GtkSpinner GtkLabel(hidden)");
  g_free (children);

  bulletin_sidebar_row_set_loading (sidebar_row, FALSE);
  children = row_children (row);
  g_assert_cmpstr (children, ==, "GtkLabel GtkSpinner(hidden) GtkLabel");
  g_free (children);

  bulletin_sidebar_row_set_unread (sidebar_row, 0);
  children = row_children (row);
  g_assert_cmpstr (children, ==, "GtkLabel GtkSpinner(hidden) GtkLabel(hidden)");
  g_assert_cmpuint (bulletin_sidebar_row_get_unread (sidebar_row), ==, 0);
  g_assert_false (bulletin_sidebar_row_get_loading (sidebar_row));
}

/* The window, made and not yet shown, selects a section whose row is not
 * made through its action, and shows every row once it is painted */
static void
test_window_select_section (void)
{
  BulletinWindow *window;
  guint n_entries;
  const char *last_id;

  bulletin_application_set_edition_override (app, "demo");
  window = bulletin_window_new (app);
  n_entries = bulletin_sidebar_get_n_entries (window->sidebar);
  g_assert_cmpuint (n_rows_made (window->sidebar), <, n_entries);

  last_id = bulletin_sidebar_get_entry_id (window->sidebar, n_entries - 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.select-section", "s", last_id));
  g_assert_cmpstr (bulletin_sidebar_get_section_id (window->sidebar), ==, last_id);
  g_assert_cmpstr (window->section_id, ==, last_id);

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (display_wait_for (all_rows_made, window->sidebar));
  assert_rows_are_entries (window->sidebar, NULL);
  g_assert_cmpstr (bulletin_sidebar_get_section_id (window->sidebar), ==, last_id);
  /* Closed once the window has started its breaking poll (which also
   * lets the first section's other feeds go) */
  g_assert_true (display_wait_for (display_list_has_headlines, window));
  g_assert_true (display_wait_for (display_first_feed_released, window));

  display_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  display_block_network ();
  display_init (&argc, &argv, "test-sidebar");
  app = display_application_new ();

  g_test_add_func ("/sidebar/first-screen", test_first_screen);
  g_test_add_func ("/sidebar/select-pending", test_select_pending);
  g_test_add_func ("/sidebar/keyboard", test_keyboard);
  g_test_add_func ("/sidebar/switch-editions", test_switch_editions);
  g_test_add_func ("/sidebar/window-select-section", test_window_select_section);
  g_test_add_func ("/sidebar/row-badges", test_row_badges);

  status = g_test_run ();

  g_clear_object (&app);

  return status;
}
