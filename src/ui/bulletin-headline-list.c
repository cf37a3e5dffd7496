/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bulletin-headline-list"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "bulletin-application.h"
#include "bulletin-format.h"
#include "bulletin-headline-list.h"
#include "bulletin-headline-row.h"
#include "bulletin-screen.h"
#include "bulletin-spinner.h"

/*
 * BulletinHeadlineList: the middle pane. A list of a #GListModel of
 * #BulletinArticle (a section model or the bookmarks), filtered by the
 * search bar, and the states around it: loading, empty, error, stale.
 * When the model has the section model's "loading", "stale" and "error"
 * properties, the list follows them.
 */
struct _BulletinHeadlineList
{
  GtkWidget           parent_instance;

  GListModel         *model;
  GtkSortListModel   *sort_model;
  GtkFilterListModel *filter_model;
  GtkSliceListModel  *slice;        /* what the list view is given, see grow_rows_cb() */
  gulong              after_paint_id;
  guint               grow_id;
  GdkFrameClock      *frame_clock;
  GtkCustomFilter    *filter;
  GtkSingleSelection *selection;
  char               *search_casefold;

  char               *empty_icon;
  char               *empty_title;
  char               *empty_description;

  GtkSearchBar       *search_bar;
  GtkSearchEntry     *search_entry;
  GtkRevealer        *stale_revealer;
  GtkLabel           *stale_label;
  GtkStack           *stack;
  GtkScrolledWindow  *scrolled_window;
  GtkListView        *list_view;
  GtkWidget          *loading_box;
  GtkSpinner         *loading_spinner;
  AdwStatusPage      *status_page;     /* made when first needed */
  GtkWidget          *retry_button;
  GtkWidget          *context_menu;
};

enum {
  PROP_0,
  PROP_MODEL,
  PROP_SEARCH_MODE,
  PROP_SELECTED_ARTICLE,
  PROP_STATE,
  N_PROPS
};

enum {
  ARTICLE_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (BulletinHeadlineList, bulletin_headline_list, GTK_TYPE_WIDGET)

GtkWidget *
bulletin_headline_list_new (void)
{
  return g_object_new (BULLETIN_TYPE_HEADLINE_LIST, NULL);
}

static gboolean
model_has_property (GListModel *model,
                    const char *name)
{
  return model != NULL && g_object_class_find_property (G_OBJECT_GET_CLASS (model), name) != NULL;
}

static gboolean
model_get_boolean (GListModel *model,
                   const char *name)
{
  gboolean value = FALSE;

  if (model_has_property (model, name))
    g_object_get (model, name, &value, NULL);

  return value;
}

static GError *
model_dup_error (GListModel *model)
{
  GError *error = NULL;

  if (model_has_property (model, "error"))
    g_object_get (model, "error", &error, NULL);

  return error;
}

/**
 * bulletin_headline_list_get_state:
 * @self: a headline list
 *
 * Returns: what the pane shows: "list", "loading", "empty", "no-results"
 *   or "error"
 */
const char *
bulletin_headline_list_get_state (BulletinHeadlineList *self)
{
  const char *page;

  g_return_val_if_fail (BULLETIN_IS_HEADLINE_LIST (self), NULL);

  page = gtk_stack_get_visible_child_name (self->stack);
  if (g_strcmp0 (page, "status") == 0)
    return g_object_get_data (G_OBJECT (self->status_page), "bulletin-state");

  return page;
}

/* The page that says why there is no headline. Most windows never show
 * it, and made with the list (a scrolled status page, labels, a button),
 * then measured as a hidden page of the stack, it was 12 M instructions
 * of the start-up's main thread. */
static void
ensure_status_page (BulletinHeadlineList *self)
{
  if (self->status_page != NULL)
    return;

  self->retry_button = gtk_button_new_with_mnemonic (_("_Retry"));
  gtk_widget_set_halign (self->retry_button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->retry_button), "win.refresh");
  gtk_widget_add_css_class (self->retry_button, "pill");
  gtk_widget_add_css_class (self->retry_button, "suggested-action");

  self->status_page = ADW_STATUS_PAGE (adw_status_page_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->status_page), "compact");
  adw_status_page_set_child (self->status_page, self->retry_button);
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->status_page), "status");
}

static void
set_status (BulletinHeadlineList *self,
            const char           *state,
            const char           *icon_name,
            const char           *title,
            const char           *description,
            gboolean              retry)
{
  ensure_status_page (self);
  adw_status_page_set_icon_name (self->status_page, icon_name);
  adw_status_page_set_title (self->status_page, title);
  adw_status_page_set_description (self->status_page, description);
  gtk_widget_set_visible (self->retry_button, retry);
  g_object_set_data (G_OBJECT (self->status_page), "bulletin-state", (gpointer) state);
  gtk_stack_set_visible_child_name (self->stack, "status");
}

/* The wait is said only once it is seen (bulletin_spinner_set_waiting()):
 * most first headlines come in a frame or two */
static void
loading_spinning_cb (BulletinHeadlineList *self)
{
  gtk_widget_set_opacity (self->loading_box,
                          gtk_spinner_get_spinning (self->loading_spinner) ? 1 : 0);
}

/* A shut revealer still measures its child, and the notice's wrapping
 * label was measured for its height at every width the window's first
 * layout tried (~30 M instructions). While shut, the label is one
 * ellipsized line: the same natural width, which sets the headline
 * pane's (hiding the notice moved the panes), and a height found once. It
 * wraps again before the revealer opens. */
static void
set_stale_wraps (BulletinHeadlineList *self,
                 gboolean              wraps)
{
  gtk_label_set_wrap (self->stale_label, wraps);
  gtk_label_set_ellipsize (self->stale_label, wraps ? PANGO_ELLIPSIZE_NONE : PANGO_ELLIPSIZE_END);
}

static void
stale_revealed_cb (BulletinHeadlineList *self)
{
  if (!gtk_revealer_get_reveal_child (self->stale_revealer) &&
      !gtk_revealer_get_child_revealed (self->stale_revealer))
    set_stale_wraps (self, FALSE);
}

static void
bulletin_headline_list_update_state (BulletinHeadlineList *self)
{
  g_autoptr(GError) error = NULL;
  const char *old_state;
  guint n_total = 0;
  guint n_shown = 0;
  gboolean loading;
  gboolean loading_seen;
  gboolean stale;

  old_state = bulletin_headline_list_get_state (self);

  if (self->model != NULL)
    n_total = g_list_model_get_n_items (self->model);
  n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  loading = model_get_boolean (self->model, "loading");
  stale = model_get_boolean (self->model, "stale");
  error = model_dup_error (self->model);
  loading_seen = gtk_spinner_get_spinning (self->loading_spinner);

  if (!loading || n_total > 0)
    bulletin_spinner_set_waiting (self->loading_spinner, FALSE);

  if (n_total > 0 && n_shown > 0)
    {
      /* From a wait that was not seen, no fade: the headlines at once */
      if (g_strcmp0 (old_state, "loading") == 0 && !loading_seen)
        gtk_stack_set_visible_child_full (self->stack, "list", GTK_STACK_TRANSITION_TYPE_NONE);
      else
        gtk_stack_set_visible_child_name (self->stack, "list");
    }
  else if (n_total > 0)
    {
      set_status (self, "no-results", "system-search-symbolic",
                  _("No Results Found"),
                  _("No headline in this section matches the search."),
                  FALSE);
    }
  else if (loading)
    {
      bulletin_spinner_set_waiting (self->loading_spinner, TRUE);
      gtk_stack_set_visible_child_name (self->stack, "loading");
    }
  else if (self->model == NULL)
    {
      /* Nothing to say yet: not "no headlines" before there is a section */
      gtk_stack_set_visible_child_name (self->stack, "loading");
    }
  else if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      set_status (self, "error",
                  bulletin_format_error_icon (error),
                  bulletin_format_error_title (error),
                  error->message,
                  TRUE);
    }
  else
    {
      set_status (self, "empty",
                  self->empty_icon ? self->empty_icon : "x-office-document-symbolic",
                  self->empty_title ? self->empty_title : _("No Headlines"),
                  self->empty_description,
                  FALSE);
    }

  if (n_total > 0 && (stale || error != NULL))
    {
      set_stale_wraps (self, TRUE);
      gtk_revealer_set_reveal_child (self->stale_revealer, TRUE);
    }
  else
    {
      gtk_revealer_set_reveal_child (self->stale_revealer, FALSE);
    }

  if (g_strcmp0 (old_state, bulletin_headline_list_get_state (self)) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  BulletinHeadlineList *self = user_data;
  BulletinArticle *article = item;
  const char *fields[2];

  if (self->search_casefold == NULL)
    return TRUE;

  fields[0] = bulletin_article_get_title (article);
  fields[1] = bulletin_article_get_summary (article);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *normalized = NULL;
      g_autofree char *folded = NULL;

      if (fields[i] == NULL)
        continue;

      normalized = g_utf8_normalize (fields[i], -1, G_NORMALIZE_ALL);
      if (normalized == NULL)
        continue;
      folded = g_utf8_casefold (normalized, -1);
      if (strstr (folded, self->search_casefold) != NULL)
        return TRUE;
    }

  return FALSE;
}

static void
bulletin_headline_list_set_search (BulletinHeadlineList *self,
                                   const char           *text)
{
  g_autofree char *casefold = NULL;
  GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;

  if (text != NULL && *text != '\0')
    {
      g_autofree char *stripped = g_strstrip (g_strdup (text));
      g_autofree char *normalized = g_utf8_normalize (stripped, -1, G_NORMALIZE_ALL);

      if (normalized != NULL && *normalized != '\0')
        casefold = g_utf8_casefold (normalized, -1);
    }

  if (g_strcmp0 (casefold, self->search_casefold) == 0)
    return;

  /* A longer search only narrows the list, a shorter one only widens it */
  if (self->search_casefold == NULL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (casefold == NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else if (strstr (casefold, self->search_casefold) != NULL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (strstr (self->search_casefold, casefold) != NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;

  g_free (self->search_casefold);
  self->search_casefold = g_steal_pointer (&casefold);
  gtk_filter_changed (GTK_FILTER (self->filter), change);
}

static void
search_changed_cb (BulletinHeadlineList *self,
                   GtkSearchEntry       *entry)
{
  bulletin_headline_list_set_search (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
stop_search_cb (BulletinHeadlineList *self,
                GtkSearchEntry       *entry)
{
  bulletin_headline_list_set_search_mode (self, FALSE);
}

static void
search_activate_cb (BulletinHeadlineList *self,
                    GtkSearchEntry       *entry)
{
  /* Enter in the search entry reads the first match */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) > 0)
    {
      g_autoptr(BulletinArticle) article = g_list_model_get_item (G_LIST_MODEL (self->filter_model), 0);

      gtk_single_selection_set_selected (self->selection, 0);
      g_signal_emit (self, signals[ARTICLE_ACTIVATED], 0, article);
    }
}

static void
list_activate_cb (BulletinHeadlineList *self,
                  guint                 position,
                  GtkListView          *list_view)
{
  g_autoptr(BulletinArticle) article = NULL;

  article = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
  if (article != NULL)
    {
      gtk_single_selection_set_selected (self->selection, position);
      g_signal_emit (self, signals[ARTICLE_ACTIVATED], 0, article);
    }
}

/**
 * bulletin_headline_list_activate_article:
 * @self: a headline list
 * @article: an article shown in the list
 *
 * Selects @article and emits #BulletinHeadlineList::article-activated, as a
 * click on its row does.
 */
void
bulletin_headline_list_activate_article (BulletinHeadlineList *self,
                                         BulletinArticle      *article)
{
  g_return_if_fail (BULLETIN_IS_HEADLINE_LIST (self));
  g_return_if_fail (BULLETIN_IS_ARTICLE (article));

  bulletin_headline_list_select_article (self, article);
  g_signal_emit (self, signals[ARTICLE_ACTIVATED], 0, article);
}

static void
row_released_cb (GtkGestureClick      *gesture,
                 int                   n_press,
                 double                x,
                 double                y,
                 BulletinHeadlineList *self)
{
  GtkWidget *picked;
  GtkWidget *row;

  if (n_press != 1)
    return;

  picked = gtk_widget_pick (GTK_WIDGET (self->list_view), x, y, GTK_PICK_DEFAULT);
  if (picked == NULL)
    return;

  row = BULLETIN_IS_HEADLINE_ROW (picked)
    ? picked
    : gtk_widget_get_ancestor (picked, BULLETIN_TYPE_HEADLINE_ROW);
  if (row == NULL || bulletin_headline_row_get_article (BULLETIN_HEADLINE_ROW (row)) == NULL)
    return;

  /* A click reads the article: on a narrow window that means going to it */
  bulletin_headline_list_activate_article (self, bulletin_headline_row_get_article (BULLETIN_HEADLINE_ROW (row)));
}

static void
selection_changed_cb (BulletinHeadlineList *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ARTICLE]);
}

static void
model_changed_cb (BulletinHeadlineList *self)
{
  bulletin_headline_list_update_state (self);
}

/* GTK 4.8's list view makes a row for every item up to 200 as soon as
 * they are in its model, off screen or not: 60 rows for the demo's
 * "latest", each made, bound, measured and painted before the first
 * headline is seen. So the list view is given the first rows, as many as
 * the tallest monitor can show, and the rest a few frames later, after
 * each frame is painted. Past 200 GTK makes no more rows, so the rest
 * comes at once. */
#define FIRST_ROWS 24
#define MORE_ROWS 50
#define ALL_ROWS_AFTER 200

/* No row is shorter than its thumbnail */
#define ROW_MIN_HEIGHT 72

/* A screenful of rows in the tallest window there can be: the window's
 * own height is not known before its first frame (a window manager may
 * tile or maximize it), and the monitors' are. At 1000×700 on a 1080-line
 * screen that is 16 rows, of which 7 or 8 are seen, where it was 24. */
static guint
first_rows (BulletinHeadlineList *self)
{
  int tallest = bulletin_screen_get_tallest_height (GTK_WIDGET (self));

  if (tallest <= 0)
    return FIRST_ROWS;

  return tallest / ROW_MIN_HEIGHT + 1;
}

static void
show_all_rows (BulletinHeadlineList *self)
{
  if (gtk_slice_list_model_get_size (self->slice) != G_MAXUINT)
    gtk_slice_list_model_set_size (self->slice, G_MAXUINT);
}

static gboolean
grow_rows_cb (gpointer user_data)
{
  BulletinHeadlineList *self = user_data;
  guint size = gtk_slice_list_model_get_size (self->slice);

  self->grow_id = 0;
  size += MORE_ROWS;
  gtk_slice_list_model_set_size (self->slice, size >= ALL_ROWS_AFTER ? G_MAXUINT : size);

  return G_SOURCE_REMOVE;
}

/* Once the frame is out, not in it (whoever waits on its after-paint) */
static void
after_paint_cb (BulletinHeadlineList *self)
{
  guint size = gtk_slice_list_model_get_size (self->slice);

  if (self->grow_id == 0 && size != G_MAXUINT &&
      g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) > size)
    self->grow_id = g_idle_add (grow_rows_cb, self);
}

static void
realize_cb (BulletinHeadlineList *self)
{
  self->frame_clock = g_object_ref (gtk_widget_get_frame_clock (GTK_WIDGET (self)));
  self->after_paint_id = g_signal_connect_swapped (self->frame_clock, "after-paint",
                                                   G_CALLBACK (after_paint_cb), self);
}

static void
unrealize_cb (BulletinHeadlineList *self)
{
  if (self->frame_clock != NULL)
    g_clear_signal_handler (&self->after_paint_id, self->frame_clock);
  g_clear_object (&self->frame_clock);
  g_clear_handle_id (&self->grow_id, g_source_remove);
}

GListModel *
bulletin_headline_list_get_model (BulletinHeadlineList *self)
{
  g_return_val_if_fail (BULLETIN_IS_HEADLINE_LIST (self), NULL);

  return self->model;
}

void
bulletin_headline_list_set_model (BulletinHeadlineList *self,
                                  GListModel           *model)
{
  g_return_if_fail (BULLETIN_IS_HEADLINE_LIST (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (self->model == model)
    return;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, model_changed_cb, self);

  g_set_object (&self->model, model);

  if (model != NULL)
    {
      g_signal_connect_object (model, "items-changed", G_CALLBACK (model_changed_cb), self,
                               G_CONNECT_SWAPPED | G_CONNECT_AFTER);
      if (model_has_property (model, "loading"))
        g_signal_connect_object (model, "notify::loading", G_CALLBACK (model_changed_cb), self,
                                 G_CONNECT_SWAPPED);
      if (model_has_property (model, "stale"))
        g_signal_connect_object (model, "notify::stale", G_CALLBACK (model_changed_cb), self,
                                 G_CONNECT_SWAPPED);
      if (model_has_property (model, "error"))
        g_signal_connect_object (model, "notify::error", G_CALLBACK (model_changed_cb), self,
                                 G_CONNECT_SWAPPED);
    }

  gtk_slice_list_model_set_size (self->slice, first_rows (self));
  gtk_sort_list_model_set_model (self->sort_model, model);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);

  /* A new section starts at its top */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);

  bulletin_headline_list_update_state (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ARTICLE]);
}

/**
 * bulletin_headline_list_set_sorter:
 * @self: a headline list
 * @sorter: (nullable): the order to show the articles in, or %NULL for the
 *   model's own
 *
 * Sorts the list (the Saved list has its reader's choice of order).
 */
void
bulletin_headline_list_set_sorter (BulletinHeadlineList *self,
                                   GtkSorter            *sorter)
{
  g_return_if_fail (BULLETIN_IS_HEADLINE_LIST (self));
  g_return_if_fail (sorter == NULL || GTK_IS_SORTER (sorter));

  if (gtk_sort_list_model_get_sorter (self->sort_model) == sorter)
    return;

  gtk_sort_list_model_set_sorter (self->sort_model, sorter);
}

/* The context menu of a row: saving, the browser, the link. Its actions
 * are the window's, with the article's URL as their target. */

static GMenuModel *
build_context_menu (BulletinArticle *article)
{
  GApplication *app = g_application_get_default ();
  const char *url = bulletin_article_get_url (article);
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) saving = g_menu_new ();
  g_autoptr(GMenu) link = g_menu_new ();
  gboolean saved = FALSE;

  if (BULLETIN_IS_APPLICATION (app))
    saved = bulletin_bookmarks_contains (bulletin_application_get_bookmarks (BULLETIN_APPLICATION (app)), url);

  {
    g_autoptr(GMenuItem) item = g_menu_item_new (saved ? _("_Remove from Saved") : _("_Save for Later"), NULL);

    g_menu_item_set_action_and_target_value (item,
                                             saved ? "win.remove-from-saved" : "win.save-for-later",
                                             g_variant_new_string (url));
    g_menu_append_item (saving, item);
  }

  {
    g_autoptr(GMenuItem) open = g_menu_item_new (_("_Open in Browser"), NULL);
    g_autoptr(GMenuItem) copy = g_menu_item_new (_("_Copy Link"), NULL);

    g_menu_item_set_action_and_target_value (open, "win.open-link-in-browser", g_variant_new_string (url));
    g_menu_item_set_action_and_target_value (copy, "win.copy-article-link", g_variant_new_string (url));
    g_menu_append_item (link, open);
    g_menu_append_item (link, copy);
  }

  g_menu_append_section (menu, NULL, G_MENU_MODEL (saving));
  if (bulletin_url_is_http (url))
    g_menu_append_section (menu, NULL, G_MENU_MODEL (link));

  return G_MENU_MODEL (g_steal_pointer (&menu));
}

static BulletinHeadlineRow *
row_at (BulletinHeadlineList *self,
        double                x,
        double                y)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self->list_view), x, y, GTK_PICK_DEFAULT);

  if (picked == NULL)
    return NULL;
  if (BULLETIN_IS_HEADLINE_ROW (picked))
    return BULLETIN_HEADLINE_ROW (picked);

  return (BulletinHeadlineRow *) gtk_widget_get_ancestor (picked, BULLETIN_TYPE_HEADLINE_ROW);
}

static BulletinHeadlineRow *
find_row (GtkWidget *widget)
{
  if (BULLETIN_IS_HEADLINE_ROW (widget))
    return BULLETIN_HEADLINE_ROW (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      BulletinHeadlineRow *row = find_row (child);

      if (row != NULL)
        return row;
    }

  return NULL;
}

/**
 * bulletin_headline_list_popup_menu:
 * @self: a headline list
 * @article: an article shown in the list
 * @widget: (nullable): where to point: its row, or %NULL
 * @x: where to point in @widget's coordinates, or -1 for its middle
 * @y: likewise
 *
 * Shows the context menu of @article.
 *
 * Returns: (transfer none): the menu (a #GtkPopoverMenu)
 */
GtkWidget *
bulletin_headline_list_popup_menu (BulletinHeadlineList *self,
                                   BulletinArticle      *article,
                                   GtkWidget            *widget,
                                   double                x,
                                   double                y)
{
  g_autoptr(GMenuModel) model = NULL;
  GdkRectangle rect = { 0, 0, 1, 1 };
  graphene_point_t point;

  g_return_val_if_fail (BULLETIN_IS_HEADLINE_LIST (self), NULL);
  g_return_val_if_fail (BULLETIN_IS_ARTICLE (article), NULL);

  model = build_context_menu (article);
  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->context_menu), model);

  if (widget != NULL)
    {
      if (x < 0 || y < 0)
        {
          x = gtk_widget_get_width (widget) / 2.0;
          y = gtk_widget_get_height (widget) / 2.0;
        }
      if (gtk_widget_compute_point (widget, GTK_WIDGET (self), &GRAPHENE_POINT_INIT (x, y), &point))
        {
          rect.x = point.x;
          rect.y = point.y;
        }
    }
  gtk_popover_set_pointing_to (GTK_POPOVER (self->context_menu), &rect);
  gtk_popover_popup (GTK_POPOVER (self->context_menu));

  return self->context_menu;
}

static void
menu_pressed_cb (GtkGesture           *gesture,
                 int                   n_press,
                 double                x,
                 double                y,
                 BulletinHeadlineList *self)
{
  BulletinHeadlineRow *row = row_at (self, x, y);

  if (row == NULL || bulletin_headline_row_get_article (row) == NULL)
    return;

  gtk_gesture_set_state (gesture, GTK_EVENT_SEQUENCE_CLAIMED);
  bulletin_headline_list_popup_menu (self, bulletin_headline_row_get_article (row),
                                     GTK_WIDGET (self->list_view), x, y);
}

static void
long_pressed_cb (GtkGestureLongPress  *gesture,
                 double                x,
                 double                y,
                 BulletinHeadlineList *self)
{
  menu_pressed_cb (GTK_GESTURE (gesture), 1, x, y, self);
}

/* Menu or Shift+F10: the menu of the row with the focus, else of the
 * selected one */
static void
context_menu_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BulletinHeadlineList *self = BULLETIN_HEADLINE_LIST (widget);
  GtkWidget *focus = gtk_widget_get_focus_child (GTK_WIDGET (self->list_view));
  BulletinHeadlineRow *row = focus != NULL ? find_row (focus) : NULL;
  BulletinArticle *article = row != NULL ? bulletin_headline_row_get_article (row) : NULL;

  if (article == NULL)
    {
      article = bulletin_headline_list_get_selected_article (self);
      row = NULL;
    }

  if (article == NULL)
    {
      gtk_widget_error_bell (widget);
      return;
    }

  bulletin_headline_list_popup_menu (self, article, row != NULL ? GTK_WIDGET (row) : NULL, -1, -1);
}

static void
bulletin_headline_list_size_allocate (GtkWidget *widget,
                                      int        width,
                                      int        height,
                                      int        baseline)
{
  BulletinHeadlineList *self = BULLETIN_HEADLINE_LIST (widget);

  GTK_WIDGET_CLASS (bulletin_headline_list_parent_class)->size_allocate (widget, width, height, baseline);

  if (self->context_menu != NULL)
    gtk_popover_present (GTK_POPOVER (self->context_menu));
}

/**
 * bulletin_headline_list_set_empty_state:
 * @self: a headline list
 * @icon_name: (nullable): the icon of the empty state
 * @title: (nullable): its title
 * @description: (nullable): its description
 *
 * Sets what the pane says when its model has no article and no error.
 */
void
bulletin_headline_list_set_empty_state (BulletinHeadlineList *self,
                                        const char           *icon_name,
                                        const char           *title,
                                        const char           *description)
{
  g_return_if_fail (BULLETIN_IS_HEADLINE_LIST (self));

  g_free (self->empty_icon);
  self->empty_icon = g_strdup (icon_name);
  g_free (self->empty_title);
  self->empty_title = g_strdup (title);
  g_free (self->empty_description);
  self->empty_description = g_strdup (description);

  bulletin_headline_list_update_state (self);
}

BulletinArticle *
bulletin_headline_list_get_selected_article (BulletinHeadlineList *self)
{
  g_return_val_if_fail (BULLETIN_IS_HEADLINE_LIST (self), NULL);

  return gtk_single_selection_get_selected_item (self->selection);
}

static void
bulletin_headline_list_select_position (BulletinHeadlineList *self,
                                        guint                 position)
{
  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
}

gboolean
bulletin_headline_list_select_article (BulletinHeadlineList *self,
                                       BulletinArticle      *article)
{
  GListModel *shown;
  guint n_items;

  g_return_val_if_fail (BULLETIN_IS_HEADLINE_LIST (self), FALSE);

  show_all_rows (self);
  shown = G_LIST_MODEL (self->selection);
  n_items = g_list_model_get_n_items (shown);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(BulletinArticle) item = g_list_model_get_item (shown, i);

      if (item == article)
        {
          if (gtk_single_selection_get_selected (self->selection) != i)
            bulletin_headline_list_select_position (self, i);
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * bulletin_headline_list_select_next:
 * @self: a headline list
 *
 * Selects the article below the selected one, or the first.
 *
 * Returns: whether the selection moved
 */
gboolean
bulletin_headline_list_select_next (BulletinHeadlineList *self)
{
  guint n_items;
  guint selected;

  g_return_val_if_fail (BULLETIN_IS_HEADLINE_LIST (self), FALSE);

  show_all_rows (self);
  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  selected = gtk_single_selection_get_selected (self->selection);

  if (n_items == 0)
    return FALSE;

  if (selected == GTK_INVALID_LIST_POSITION)
    selected = 0;
  else if (selected + 1 < n_items)
    selected++;
  else
    return FALSE;

  bulletin_headline_list_select_position (self, selected);
  return TRUE;
}

/**
 * bulletin_headline_list_select_previous:
 * @self: a headline list
 *
 * Selects the article above the selected one.
 *
 * Returns: whether the selection moved
 */
gboolean
bulletin_headline_list_select_previous (BulletinHeadlineList *self)
{
  guint selected;

  g_return_val_if_fail (BULLETIN_IS_HEADLINE_LIST (self), FALSE);

  selected = gtk_single_selection_get_selected (self->selection);
  if (selected == GTK_INVALID_LIST_POSITION || selected == 0)
    return FALSE;

  bulletin_headline_list_select_position (self, selected - 1);
  return TRUE;
}

guint
bulletin_headline_list_get_n_shown (BulletinHeadlineList *self)
{
  g_return_val_if_fail (BULLETIN_IS_HEADLINE_LIST (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
}

gboolean
bulletin_headline_list_get_search_mode (BulletinHeadlineList *self)
{
  g_return_val_if_fail (BULLETIN_IS_HEADLINE_LIST (self), FALSE);

  return gtk_search_bar_get_search_mode (self->search_bar);
}

void
bulletin_headline_list_set_search_mode (BulletinHeadlineList *self,
                                        gboolean              search_mode)
{
  g_return_if_fail (BULLETIN_IS_HEADLINE_LIST (self));

  gtk_search_bar_set_search_mode (self->search_bar, search_mode);
  if (search_mode)
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

const char *
bulletin_headline_list_get_search_text (BulletinHeadlineList *self)
{
  g_return_val_if_fail (BULLETIN_IS_HEADLINE_LIST (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
}

/**
 * bulletin_headline_list_set_search_text:
 * @self: a headline list
 * @text: (nullable): what to search for
 *
 * Filters the list at once (without the entry's typing delay).
 */
void
bulletin_headline_list_set_search_text (BulletinHeadlineList *self,
                                        const char           *text)
{
  g_return_if_fail (BULLETIN_IS_HEADLINE_LIST (self));

  if (text != NULL && *text != '\0')
    gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  bulletin_headline_list_set_search (self, text);
}

static void
search_mode_changed_cb (BulletinHeadlineList *self)
{
  /* Closing the search shows the whole section again */
  if (!gtk_search_bar_get_search_mode (self->search_bar))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      bulletin_headline_list_set_search (self, NULL);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_MODE]);
}

static gboolean
bulletin_headline_list_grab_focus (GtkWidget *widget)
{
  BulletinHeadlineList *self = BULLETIN_HEADLINE_LIST (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "list") == 0)
    return gtk_widget_grab_focus (GTK_WIDGET (self->list_view));

  return GTK_WIDGET_CLASS (bulletin_headline_list_parent_class)->grab_focus (widget);
}

static void
bulletin_headline_list_dispose (GObject *object)
{
  BulletinHeadlineList *self = BULLETIN_HEADLINE_LIST (object);
  GtkWidget *child;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, model_changed_cb, self);
  g_clear_object (&self->model);

  g_clear_pointer (&self->context_menu, gtk_widget_unparent);
  bulletin_spinner_set_waiting (self->loading_spinner, FALSE);
  gtk_widget_dispose_template (GTK_WIDGET (self), BULLETIN_TYPE_HEADLINE_LIST);
  /* The template's root is not a bound child */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  unrealize_cb (self);
  g_clear_object (&self->selection);
  g_clear_object (&self->slice);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->filter);

  G_OBJECT_CLASS (bulletin_headline_list_parent_class)->dispose (object);
}

static void
bulletin_headline_list_finalize (GObject *object)
{
  BulletinHeadlineList *self = BULLETIN_HEADLINE_LIST (object);

  g_clear_pointer (&self->search_casefold, g_free);
  g_clear_pointer (&self->empty_icon, g_free);
  g_clear_pointer (&self->empty_title, g_free);
  g_clear_pointer (&self->empty_description, g_free);

  G_OBJECT_CLASS (bulletin_headline_list_parent_class)->finalize (object);
}

static void
bulletin_headline_list_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  BulletinHeadlineList *self = BULLETIN_HEADLINE_LIST (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;

    case PROP_SEARCH_MODE:
      g_value_set_boolean (value, bulletin_headline_list_get_search_mode (self));
      break;

    case PROP_SELECTED_ARTICLE:
      g_value_set_object (value, bulletin_headline_list_get_selected_article (self));
      break;

    case PROP_STATE:
      g_value_set_string (value, bulletin_headline_list_get_state (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bulletin_headline_list_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  BulletinHeadlineList *self = BULLETIN_HEADLINE_LIST (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      bulletin_headline_list_set_model (self, g_value_get_object (value));
      break;

    case PROP_SEARCH_MODE:
      bulletin_headline_list_set_search_mode (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bulletin_headline_list_class_init (BulletinHeadlineListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bulletin_headline_list_dispose;
  object_class->finalize = bulletin_headline_list_finalize;
  object_class->get_property = bulletin_headline_list_get_property;
  object_class->set_property = bulletin_headline_list_set_property;
  widget_class->grab_focus = bulletin_headline_list_grab_focus;
  widget_class->size_allocate = bulletin_headline_list_size_allocate;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEARCH_MODE] =
    g_param_spec_boolean ("search-mode-enabled", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_ARTICLE] =
    g_param_spec_object ("selected-article", NULL, NULL, BULLETIN_TYPE_ARTICLE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_string ("state", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BulletinHeadlineList::article-activated:
   * @self: the list
   * @article: the article
   *
   * A headline was clicked or chosen with Enter: the reader wants to read it.
   */
  signals[ARTICLE_ACTIVATED] =
    g_signal_new ("article-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, BULLETIN_TYPE_ARTICLE);

  g_type_ensure (BULLETIN_TYPE_HEADLINE_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/bulletin-headline-list.ui");
  gtk_widget_class_bind_template_child (widget_class, BulletinHeadlineList, search_bar);
  gtk_widget_class_bind_template_child (widget_class, BulletinHeadlineList, search_entry);
  gtk_widget_class_bind_template_child (widget_class, BulletinHeadlineList, stale_revealer);
  gtk_widget_class_bind_template_child (widget_class, BulletinHeadlineList, stale_label);
  gtk_widget_class_bind_template_child (widget_class, BulletinHeadlineList, stack);
  gtk_widget_class_bind_template_child (widget_class, BulletinHeadlineList, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, BulletinHeadlineList, list_view);
  gtk_widget_class_bind_template_child (widget_class, BulletinHeadlineList, loading_box);
  gtk_widget_class_bind_template_child (widget_class, BulletinHeadlineList, loading_spinner);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);

  gtk_widget_class_install_action (widget_class, "headlines.context-menu", NULL, context_menu_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "headlines.context-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "headlines.context-menu", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "headlinelist");
}

static void
bulletin_headline_list_init (BulletinHeadlineList *self)
{
  GtkGesture *click;
  GtkGesture *long_press;

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_swapped (self->stale_revealer, "notify::child-revealed",
                            G_CALLBACK (stale_revealed_cb), self);
  stale_revealed_cb (self);
  g_signal_connect_swapped (self->loading_spinner, "notify::spinning",
                            G_CALLBACK (loading_spinning_cb), self);
  loading_spinning_cb (self);

  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->sort_model = gtk_sort_list_model_new (NULL, NULL);
  self->filter_model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->sort_model)),
                                                  g_object_ref (GTK_FILTER (self->filter)));
  self->slice = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (self->filter_model)), 0, FIRST_ROWS);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->slice)));
  g_signal_connect (self, "realize", G_CALLBACK (realize_cb), NULL);
  g_signal_connect (self, "unrealize", G_CALLBACK (unrealize_cb), NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter_model, "items-changed",
                           G_CALLBACK (model_changed_cb), self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (self->search_bar, "notify::search-mode-enabled",
                           G_CALLBACK (search_mode_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));

  /* Listens beside the rows' own click handling, which selects */
  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect (click, "released", G_CALLBACK (row_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), GTK_EVENT_CONTROLLER (click));

  /* The context menu: right click, long press, Menu or Shift+F10 */
  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (menu_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), GTK_EVENT_CONTROLLER (click));

  long_press = gtk_gesture_long_press_new ();
  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (long_press), TRUE);
  g_signal_connect (long_press, "pressed", G_CALLBACK (long_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), GTK_EVENT_CONTROLLER (long_press));

  self->context_menu = gtk_popover_menu_new_from_model (NULL);
  gtk_popover_set_has_arrow (GTK_POPOVER (self->context_menu), FALSE);
  gtk_widget_set_halign (self->context_menu, gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL
                                             ? GTK_ALIGN_END : GTK_ALIGN_START);
  gtk_widget_set_parent (self->context_menu, GTK_WIDGET (self));

  bulletin_headline_list_update_state (self);
}
