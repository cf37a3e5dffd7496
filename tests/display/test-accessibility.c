/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-accessibility"

#include "config.h"

#include <adwaita.h>
#include <webkit/webkit.h>

#include "bulletin-application.h"
#include "bulletin-headline-list.h"
#include "bulletin-window.h"
#include "bulletin-window-private.h"

#include "display-utils.h"

/* Every control of the reading window and of the preferences has a name a
 * screen reader can say, every action has a way in from the keyboard, and
 * Tab reaches every control and the article itself.
 *
 * GTK 4.8 has no getter for accessible properties, so a control counts as
 * named by what can be read back: its visible label, its tooltip, an entry's
 * placeholder, or the title of the preferences row it sits in. */

static BulletinApplication *app;

/* A window on the demo edition with an article open, so that every pane
 * and its buttons are there */
/* The breaking news banner is made when the first poll starts, after the
 * first headlines are painted */
static gboolean
has_banner (gpointer data)
{
  BulletinWindow *window = data;

  return window->breaking_banner != NULL;
}

static BulletinWindow *
open_reading_window (void)
{
  BulletinWindow *window;

  window = display_open_window (app, "demo", 1280, 800);
  g_assert_true (display_wait_for (display_list_has_headlines, window));
  g_assert_true (display_wait_for (has_banner, window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.next-article", NULL));
  g_assert_nonnull (bulletin_window_get_article (window));
  display_settle (300);

  return window;
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;

  return TRUE;
}

/* Where a widget is, for a failure message: its types up to the window */
static char *
widget_path (GtkWidget *widget)
{
  GString *path = g_string_new (NULL);

  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    {
      const char *name = gtk_widget_get_name (w);

      if (path->len > 0)
        g_string_prepend (path, " > ");
      if (name != NULL && g_strcmp0 (name, G_OBJECT_TYPE_NAME (w)) != 0)
        g_string_prepend (path, name);
      g_string_prepend (path, G_OBJECT_TYPE_NAME (w));
    }

  return g_string_free (path, FALSE);
}

/* Visible text inside a widget: a label, or a button's or menu button's own */
static gboolean
has_text_inside (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget) &&
      !is_blank (gtk_label_get_label (GTK_LABEL (widget))))
    return TRUE;
  if (GTK_IS_INSCRIPTION (widget) && !is_blank (gtk_inscription_get_text (GTK_INSCRIPTION (widget))))
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_text_inside (child))
      return TRUE;

  return FALSE;
}

/* The title of the preferences row a control sits in */
static const char *
row_title (GtkWidget *widget)
{
  GtkWidget *row = gtk_widget_get_ancestor (widget, ADW_TYPE_PREFERENCES_ROW);

  return row != NULL ? adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)) : NULL;
}

static gboolean
has_name (GtkWidget *widget)
{
  if (!is_blank (gtk_widget_get_tooltip_text (widget)))
    return TRUE;

  if (ADW_IS_PREFERENCES_ROW (widget))
    return !is_blank (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)));

  if (GTK_IS_MENU_BUTTON (widget) && !is_blank (gtk_menu_button_get_label (GTK_MENU_BUTTON (widget))))
    return TRUE;
  if (GTK_IS_BUTTON (widget) && !is_blank (gtk_button_get_label (GTK_BUTTON (widget))))
    return TRUE;
  if (GTK_IS_CHECK_BUTTON (widget) && !is_blank (gtk_check_button_get_label (GTK_CHECK_BUTTON (widget))))
    return TRUE;
  if (GTK_IS_ENTRY (widget) && !is_blank (gtk_entry_get_placeholder_text (GTK_ENTRY (widget))))
    return TRUE;
  if (GTK_IS_SEARCH_ENTRY (widget))
    {
      g_autofree char *placeholder = NULL;

      g_object_get (widget, "placeholder-text", &placeholder, NULL);
      if (!is_blank (placeholder))
        return TRUE;
    }

  /* A labelled button, or a list row that shows its text */
  if ((GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget) || GTK_IS_LIST_BOX_ROW (widget) ||
       GTK_IS_LIST_VIEW (gtk_widget_get_parent (widget))) &&
      has_text_inside (widget))
    return TRUE;

  /* A switch, spin button, drop-down or check in a preferences row is named
   * by the row's title */
  if ((GTK_IS_SWITCH (widget) || GTK_IS_SPIN_BUTTON (widget) || GTK_IS_DROP_DOWN (widget) ||
       GTK_IS_CHECK_BUTTON (widget) || GTK_IS_ENTRY (widget)) &&
      !is_blank (row_title (widget)))
    return TRUE;

  return FALSE;
}

/* The widgets a user operates. Their insides (a menu button's toggle, a
 * spin button's arrows) belong to them and are not walked. */
static gboolean
is_control (GtkWidget *widget)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);

  if (GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget) || GTK_IS_DROP_DOWN (widget) ||
      GTK_IS_SWITCH (widget) || GTK_IS_SEARCH_ENTRY (widget) || GTK_IS_ENTRY (widget) ||
      GTK_IS_SPIN_BUTTON (widget) || GTK_IS_CHECK_BUTTON (widget) || GTK_IS_SCALE (widget) ||
      GTK_IS_TEXT_VIEW (widget))
    return TRUE;

  if (GTK_IS_LIST_BOX_ROW (widget))
    return gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (widget)) ||
           gtk_list_box_row_get_selectable (GTK_LIST_BOX_ROW (widget));

  /* The rows of a list view */
  if (parent != NULL && (GTK_IS_LIST_VIEW (parent) || GTK_IS_GRID_VIEW (parent)))
    return gtk_widget_get_focusable (widget);

  return FALSE;
}

static void
collect_controls (GtkWidget *widget,
                  GPtrArray *controls)
{
  gboolean control;

  /* A hidden widget is not shown to a screen reader either; the window
   * buttons are GTK's, which names them; a stack's hidden pages and a
   * closed revealer's child are not there until shown; the article's own tree is
   * WebKit's accessibility tree, not widgets */
  if (!gtk_widget_get_visible (widget) || !gtk_widget_get_child_visible (widget) ||
      GTK_IS_WINDOW_CONTROLS (widget))
    return;

  control = is_control (widget);
  if (WEBKIT_IS_WEB_VIEW (widget))
    return;

  if (control)
    g_ptr_array_add (controls, widget);

  /* Rows hold controls of their own (a row's switch); other controls'
   * children are their parts */
  if (control && !GTK_IS_LIST_BOX_ROW (widget))
    return;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_controls (child, controls);
}

static void
assert_every_control_named (GtkWidget *root,
                            guint      minimum)
{
  g_autoptr(GPtrArray) controls = g_ptr_array_new ();
  g_autoptr(GString) unnamed = g_string_new (NULL);

  collect_controls (root, controls);
  g_test_message ("%u controls in %s", controls->len, G_OBJECT_TYPE_NAME (root));
  /* The walk found the window's controls, not nothing */
  g_assert_cmpuint (controls->len, >=, minimum);

  for (guint i = 0; i < controls->len; i++)
    {
      GtkWidget *control = g_ptr_array_index (controls, i);

      if (!has_name (control))
        {
          g_autofree char *path = widget_path (control);

          g_string_append_printf (unnamed, "\n  %s", path);
        }
    }

  if (unnamed->len > 0)
    g_error ("Controls with no accessible name:%s", unnamed->str);
}

static void
test_window_names (void)
{
  BulletinWindow *window = open_reading_window ();

  /* The search bar's entry too */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  display_settle (400);

  assert_every_control_named (GTK_WIDGET (window), 10);
  gtk_window_destroy (GTK_WINDOW (window));
  display_settle (50);
}

static gboolean
preferences_shown (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_PREFERENCES_WINDOW (window) && gtk_widget_get_mapped (window))
        {
          *(GtkWidget **) data = window;
          return TRUE;
        }
    }

  return FALSE;
}

static void
test_preferences_names (void)
{
  BulletinWindow *window = open_reading_window ();
  GtkWidget *preferences = NULL;

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  g_assert_true (display_wait_for (preferences_shown, &preferences));
  display_settle (200);

  assert_every_control_named (preferences, 5);

  gtk_window_destroy (GTK_WINDOW (preferences));
  gtk_window_destroy (GTK_WINDOW (window));
  display_settle (50);
}

/* Keyboard paths */

static void
add_menu_actions (GMenuModel *model,
                  GHashTable *reachable)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autoptr(GMenuLinkIter) links = NULL;
      char *action = NULL;
      const char *link_name;
      GMenuModel *link;

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &action))
        g_hash_table_add (reachable, action);

      links = g_menu_model_iterate_item_links (model, i);
      while (g_menu_link_iter_get_next (links, &link_name, &link))
        {
          add_menu_actions (link, reachable);
          g_object_unref (link);
        }
    }
}

/* Actions a key reaches: the widgets' shortcut controllers (class key
 * bindings among them), and, through a focusable control, the buttons and
 * menus that name an action */
static void
collect_keyboard_paths (GtkWidget  *widget,
                        GHashTable *reachable)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_NAMED_ACTION (action) && !GTK_IS_NEVER_TRIGGER (trigger))
            g_hash_table_add (reachable, g_strdup (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action))));
        }
    }

  if (GTK_IS_ACTIONABLE (widget) && gtk_widget_get_focusable (widget) &&
      gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)) != NULL)
    g_hash_table_add (reachable, g_strdup (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget))));

  /* A menu is made when first opened, as a user opens it */
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)) == NULL)
    {
      gtk_menu_button_popup (GTK_MENU_BUTTON (widget));
      gtk_menu_button_popdown (GTK_MENU_BUTTON (widget));
    }
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)) != NULL)
    add_menu_actions (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)), reachable);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_keyboard_paths (child, reachable);
}

static void
collect_class_actions (GtkWidget  *widget,
                       GHashTable *actions)
{
  GtkWidgetClass *klass = GTK_WIDGET_GET_CLASS (widget);
  GType type = G_OBJECT_TYPE (widget);
  const char *name;

  /* Only Bulletin's own classes: GTK's and libadwaita's widgets bring
   * internal actions (text.undo, menu.popup) with their own bindings */
  if (g_str_has_prefix (g_type_name (type), "Bulletin"))
    {
      GType owner;
      const GVariantType *parameter_type;
      const char *property;

      for (guint i = 0; gtk_widget_class_query_action (klass, i, &owner, &name, &parameter_type, &property); i++)
        if (g_str_has_prefix (g_type_name (owner), "Bulletin"))
          g_hash_table_add (actions, g_strdup (name));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_class_actions (child, actions);
}

/* Actions reached by a control that calls them from a signal rather than by
 * naming them: the test checks that the control is there and focusable */
typedef struct
{
  const char *action;
  const char *container;        /* a type name, or NULL for the window */
  GType     (*control_type) (void);
  guint       n_controls;       /* how many such controls it has at least */
  const char *why;
} IndirectPath;

static const IndirectPath indirect_paths[] = {
  { "win.select-edition", NULL, gtk_drop_down_get_type, 1, "the edition drop-down calls it when a choice is made" },
  { "win.select-section", "BulletinSidebar", gtk_list_box_row_get_type, 3, "a sidebar row, chosen with the arrows and Enter" },
  /* The banner's buttons call what its actions call (see
   * bulletin-breaking-banner.c on why they are not bound to them) */
  { "breaking.open", "BulletinBreakingBanner", gtk_button_get_type, 4, "the banner's headline button" },
  { "breaking.previous", "BulletinBreakingBanner", gtk_button_get_type, 4, "the banner's Previous Item button" },
  { "breaking.next", "BulletinBreakingBanner", gtk_button_get_type, 4, "the banner's Next Item button" },
  { "breaking.dismiss", "BulletinBreakingBanner", gtk_button_get_type, 4, "the banner's Hide button" },
  /* A headline's context menu (Menu, Shift+F10: headlines.context-menu)
   * targets them at its article */
  { "win.save-for-later", "BulletinHeadlineList", gtk_list_view_get_type, 1, "a headline's context menu" },
  { "win.remove-from-saved", "BulletinHeadlineList", gtk_list_view_get_type, 1, "a headline's context menu" },
  { "win.open-link-in-browser", "BulletinHeadlineList", gtk_list_view_get_type, 1, "a headline's context menu" },
  { "win.copy-article-link", "BulletinHeadlineList", gtk_list_view_get_type, 1, "a headline's context menu" },
};

/* Actions that come from outside the window */
static const char *external_paths[] = {
  /* The default action of a breaking news notification: the desktop's
   * notification list is reached from the keyboard, and the same item is
   * in the banner */
  "app.open-breaking",
};

static GtkWidget *
find_type (GtkWidget  *widget,
           const char *type_name)
{
  if (g_strcmp0 (G_OBJECT_TYPE_NAME (widget), type_name) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_type (child, type_name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static guint
count_focusable (GtkWidget *widget,
                 GType      type)
{
  guint n = 0;

  /* A drop-down takes focus in the button inside it */
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    {
      if (gtk_widget_get_focusable (widget))
        return 1;
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        if (count_focusable (child, G_TYPE_OBJECT) > 0)
          return 1;
      return 0;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_focusable (child, type);

  return n;
}

static GtkWidget *
find_focusable (GtkWidget *widget,
                GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) &&
      (gtk_widget_get_focusable (widget) || gtk_widget_get_first_child (widget) != NULL))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_focusable (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_keyboard_paths (void)
{
  BulletinWindow *window = open_reading_window ();
  g_autoptr(GHashTable) actions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) reachable = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) app_actions = g_action_group_list_actions (G_ACTION_GROUP (app));
  g_auto(GStrv) window_actions = g_action_group_list_actions (G_ACTION_GROUP (window));
  g_auto(GStrv) described = gtk_application_list_action_descriptions (GTK_APPLICATION (app));
  g_autoptr(GString) missing = g_string_new (NULL);
  GHashTableIter iter;
  const char *action;

  collect_class_actions (GTK_WIDGET (window), actions);
  for (guint i = 0; app_actions[i] != NULL; i++)
    g_hash_table_add (actions, g_strconcat ("app.", app_actions[i], NULL));
  for (guint i = 0; window_actions[i] != NULL; i++)
    g_hash_table_add (actions, g_strconcat ("win.", window_actions[i], NULL));
  g_test_message ("%u actions", g_hash_table_size (actions));
  g_assert_cmpuint (g_hash_table_size (actions), >=, 10);

  /* Application accelerators */
  for (guint i = 0; described[i] != NULL; i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), described[i]);
      g_autofree char *name = NULL;
      g_autoptr(GVariant) target = NULL;

      if (accels[0] != NULL && g_action_parse_detailed_name (described[i], &name, &target, NULL))
        g_hash_table_add (reachable, g_steal_pointer (&name));
    }
  collect_keyboard_paths (GTK_WIDGET (window), reachable);

  for (guint i = 0; i < G_N_ELEMENTS (indirect_paths); i++)
    {
      const IndirectPath *path = &indirect_paths[i];
      GtkWidget *container = path->container != NULL ? find_type (GTK_WIDGET (window), path->container)
                                                     : GTK_WIDGET (window);

      g_test_message ("%s: %s", path->action, path->why);
      g_assert_nonnull (container);
      g_assert_cmpuint (count_focusable (container, path->control_type ()), >=, path->n_controls);
      g_hash_table_add (reachable, g_strdup (path->action));
    }
  for (guint i = 0; i < G_N_ELEMENTS (external_paths); i++)
    g_hash_table_add (reachable, g_strdup (external_paths[i]));

  g_hash_table_iter_init (&iter, actions);
  while (g_hash_table_iter_next (&iter, (gpointer *) &action, NULL))
    if (!g_hash_table_contains (reachable, action))
      g_string_append_printf (missing, " %s", action);

  if (missing->len > 0)
    g_error ("Actions with no keyboard path:%s", missing->str);

  gtk_window_destroy (GTK_WINDOW (window));
  display_settle (50);
}

/* Tab, and nothing else, reaches every control on screen and the article */
static gboolean
is_inside (GtkWidget *widget,
           GtkWidget *ancestor)
{
  return widget != NULL && (widget == ancestor || gtk_widget_is_ancestor (widget, ancestor));
}

static void
test_tab_reaches_everything (void)
{
  BulletinWindow *window = open_reading_window ();
  /* Held: moving the focus scrolls the list, which recycles its rows */
  g_autoptr(GPtrArray) controls = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) focused = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GString) unreached = g_string_new (NULL);
  GtkWidget *web_view = NULL;
  gboolean reached_web_view = FALSE;

  collect_controls (GTK_WIDGET (window), controls);
  g_ptr_array_foreach (controls, (GFunc) (void (*) (void)) g_object_ref, NULL);

  web_view = find_focusable (window->article_view, WEBKIT_TYPE_WEB_VIEW);
  g_assert_nonnull (web_view);
  g_test_message ("web view focusable: %d", gtk_widget_get_focusable (web_view));

  gtk_window_set_focus (GTK_WINDOW (window), NULL);
  for (guint step = 0; step < 400; step++)
    {
      GtkWidget *focus;

      if (!gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD))
        continue;   /* wrapped around */
      display_settle (5);
      focus = gtk_root_get_focus (GTK_ROOT (window));
      if (focus == NULL)
        continue;
      g_ptr_array_add (focused, g_object_ref (focus));
      if (is_inside (focus, web_view))
        reached_web_view = TRUE;
    }

  g_assert_true (reached_web_view);

  for (guint i = 0; i < controls->len; i++)
    {
      GtkWidget *control = g_ptr_array_index (controls, i);
      gboolean reached = FALSE;

      /* Off screen (a folded pane, a hidden search bar), insensitive, or a
       * list row past the first: a list view is one Tab stop */
      if (!gtk_widget_is_drawable (control) || !gtk_widget_is_sensitive (control) ||
          !gtk_widget_get_child_visible (control))
        continue;
      if (GTK_IS_LIST_VIEW (gtk_widget_get_parent (control)) || GTK_IS_LIST_BOX_ROW (control))
        continue;

      for (guint j = 0; j < focused->len && !reached; j++)
        reached = is_inside (g_ptr_array_index (focused, j), control);

      if (!reached)
        {
          g_autofree char *path = widget_path (control);

          g_string_append_printf (unreached, "\n  %s", path);
        }
    }

  if (unreached->len > 0)
    g_error ("Controls Tab never reaches:%s", unreached->str);

  /* The lists take focus too */
  {
    gboolean list_reached = FALSE, sidebar_reached = FALSE;

    for (guint j = 0; j < focused->len; j++)
      {
        GtkWidget *focus = g_ptr_array_index (focused, j);

        list_reached |= is_inside (focus, GTK_WIDGET (window->headline_list));
        sidebar_reached |= is_inside (focus, GTK_WIDGET (window->sidebar));
      }
    g_assert_true (list_reached);
    g_assert_true (sidebar_reached);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  display_settle (50);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* No test reaches the internet */
  display_block_network ();
  display_init (&argc, &argv, "test-accessibility");
  app = display_application_new ();

  g_test_add_func ("/accessibility/window/names", test_window_names);
  g_test_add_func ("/accessibility/preferences/names", test_preferences_names);
  g_test_add_func ("/accessibility/window/keyboard-paths", test_keyboard_paths);
  g_test_add_func ("/accessibility/window/tab-order", test_tab_reaches_everything);

  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
