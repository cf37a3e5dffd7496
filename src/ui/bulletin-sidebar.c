/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bulletin-sidebar"

#include "config.h"

#include <glib/gi18n.h>

#include "bulletin-sidebar.h"
#include "bulletin-screen.h"
#include "bulletin-sidebar-row.h"

/*
 * BulletinSidebar: the first pane. Saved and Latest, then the edition's
 * sections in the outlet's own order (bulletin_edition_get_sections()):
 * the groups under their headings, the single-entry groups, the regions.
 */
struct _BulletinSidebar
{
  GtkWidget      parent_instance;

  GPtrArray     *entries;  /* SidebarEntry, top to bottom */
  GHashTable    *by_id;    /* section id -> SidebarEntry (unowned) */
  guint          n_made;   /* entries whose rows are made, from the top */
  gboolean       rebuilding;

  GdkFrameClock *frame_clock;
  gulong         after_paint_id;
  guint          make_rest_id;

  GtkListBox    *list_box;
};

/* An entry of the sidebar, known from the edition before its row is made */
typedef struct
{
  char               *section_id;
  char               *title;
  char               *group_id;
  char               *group_title;
  BulletinSidebarRow *row;  /* (unowned): the list box's, NULL until made */
} SidebarEntry;

enum {
  SECTION_SELECTED,
  SECTION_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (BulletinSidebar, bulletin_sidebar, GTK_TYPE_WIDGET)

static void
sidebar_entry_free (SidebarEntry *entry)
{
  g_free (entry->section_id);
  g_free (entry->title);
  g_free (entry->group_id);
  g_free (entry->group_title);
  g_free (entry);
}

GtkWidget *
bulletin_sidebar_new (void)
{
  return g_object_new (BULLETIN_TYPE_SIDEBAR, NULL);
}

static const char *
icon_for_section (const char *section_id)
{
  static const struct {
    const char *id;
    const char *icon;
  } icons[] = {
    { BULLETIN_SECTION_SAVED, "user-bookmarks-symbolic" },
    { BULLETIN_SECTION_LATEST, "document-open-recent-symbolic" },
    { "infographs", "view-grid-symbolic" },
    { "in-pictures", "camera-photo-symbolic" },
    { "live", "media-record-symbolic" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (icons); i++)
    if (g_strcmp0 (section_id, icons[i].id) == 0)
      return icons[i].icon;

  return NULL;
}

/* Rows of one heading share a key; the entries without a heading (Saved and
 * Latest, then the single-entry groups) are kept together. */
static const char *
heading_key (const char *group_id,
             const char *group_title)
{
  if (group_title != NULL)
    return group_id;

  return group_id != NULL && g_str_equal (group_id, "home") ? "home" : "single";
}

static const char *
row_heading_key (BulletinSidebarRow *row)
{
  return heading_key (bulletin_sidebar_row_get_group_id (row),
                      bulletin_sidebar_row_get_group_title (row));
}

static void
header_func (GtkListBoxRow *row,
             GtkListBoxRow *before,
             gpointer       user_data)
{
  BulletinSidebarRow *self_row = BULLETIN_SIDEBAR_ROW (row);
  const char *group_title;
  GtkWidget *header;

  if (before == NULL ||
      g_strcmp0 (row_heading_key (self_row), row_heading_key (BULLETIN_SIDEBAR_ROW (before))) == 0)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  group_title = bulletin_sidebar_row_get_group_title (self_row);
  if (group_title != NULL)
    {
      header = gtk_label_new (group_title);
      gtk_label_set_xalign (GTK_LABEL (header), 0);
      gtk_label_set_ellipsize (GTK_LABEL (header), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (header, "caption-heading");
      gtk_widget_add_css_class (header, "dim-label");
      gtk_widget_add_css_class (header, "sidebar-heading");
    }
  else
    {
      header = gtk_separator_new (GTK_ORIENTATION_HORIZONTAL);
      gtk_widget_add_css_class (header, "sidebar-separator");
    }

  gtk_list_box_row_set_header (row, header);
}

static void
row_selected_cb (BulletinSidebar *self,
                 GtkListBoxRow   *row,
                 GtkListBox      *list_box)
{
  if (self->rebuilding || row == NULL)
    return;

  g_signal_emit (self, signals[SECTION_SELECTED], 0,
                 bulletin_sidebar_row_get_section_id (BULLETIN_SIDEBAR_ROW (row)));
}

static void
row_activated_cb (BulletinSidebar *self,
                  GtkListBoxRow   *row,
                  GtkListBox      *list_box)
{
  g_signal_emit (self, signals[SECTION_ACTIVATED], 0,
                 bulletin_sidebar_row_get_section_id (BULLETIN_SIDEBAR_ROW (row)));
}

static void
bulletin_sidebar_add_entry (BulletinSidebar *self,
                            const char      *section_id,
                            const char      *title,
                            const char      *group_id,
                            const char      *group_title)
{
  SidebarEntry *entry;

  /* An edition that names a section twice shows it once */
  if (g_hash_table_contains (self->by_id, section_id))
    return;

  entry = g_new0 (SidebarEntry, 1);
  entry->section_id = g_strdup (section_id);
  entry->title = g_strdup (title);
  entry->group_id = g_strdup (group_id);
  entry->group_title = g_strdup (group_title);
  g_ptr_array_add (self->entries, entry);
  g_hash_table_insert (self->by_id, entry->section_id, entry);
}

/* Makes the rows of the entries above @n that are not made yet. Rows are
 * made from the top, so that the list box keeps the entries' order. */
static void
bulletin_sidebar_make_rows (BulletinSidebar *self,
                            guint            n)
{
  n = MIN (n, self->entries->len);

  for (; self->n_made < n; self->n_made++)
    {
      SidebarEntry *entry = g_ptr_array_index (self->entries, self->n_made);
      GtkWidget *row = bulletin_sidebar_row_new (entry->section_id, entry->title,
                                                 entry->group_id, entry->group_title,
                                                 icon_for_section (entry->section_id));

      gtk_list_box_append (self->list_box, row);
      entry->row = BULLETIN_SIDEBAR_ROW (row);
    }

  if (self->n_made == self->entries->len)
    g_clear_handle_id (&self->make_rest_id, g_source_remove);
}

static void
bulletin_sidebar_make_all_rows (BulletinSidebar *self)
{
  bulletin_sidebar_make_rows (self, G_MAXUINT);
}

/* The row of @section_id, made now if it was not yet */
static BulletinSidebarRow *
bulletin_sidebar_lookup_row (BulletinSidebar *self,
                             const char      *section_id)
{
  SidebarEntry *entry;
  guint index;

  entry = section_id != NULL ? g_hash_table_lookup (self->by_id, section_id) : NULL;
  if (entry == NULL)
    return NULL;

  if (entry->row == NULL &&
      g_ptr_array_find (self->entries, entry, &index))
    bulletin_sidebar_make_rows (self, index + 1);

  return entry->row;
}

/* The sidebar makes with the window only the rows that its first frame
 * can show, the rest once that frame is painted: 30 rows for the demo
 * edition, of which 17 are seen at 1000×700, each made, styled, measured
 * and drawn. The window's own height is not known before its first frame
 * (a window manager may tile or maximize it), and the monitors' are: the
 * first rows fill the tallest monitor, each row and heading counted at the
 * least height it can have, whatever the font (Adwaita's rows are at least
 * 36 px high with a 2 px margin; style.css gives the headings' margins).
 * That is 22 rows of the demo's on a 900-line screen, 26 on a 1080-line
 * one. */
#define FIRST_ROWS 24
#define ROW_MIN_HEIGHT (36 + 2)
#define HEADING_MIN_HEIGHT (18 + 6)
#define SEPARATOR_MIN_HEIGHT (6 + 1 + 6)

static guint
first_rows (BulletinSidebar *self)
{
  int tallest = bulletin_screen_get_tallest_height (GTK_WIDGET (self));
  int height = 0;
  guint n = 0;

  if (tallest <= 0)
    return FIRST_ROWS;

  /* The last one counted is the row the screen's edge cuts */
  for (; n < self->entries->len && height <= tallest; n++)
    {
      SidebarEntry *entry = g_ptr_array_index (self->entries, n);

      height += ROW_MIN_HEIGHT;
      if (n > 0)
        {
          SidebarEntry *before = g_ptr_array_index (self->entries, n - 1);

          if (g_strcmp0 (heading_key (entry->group_id, entry->group_title),
                         heading_key (before->group_id, before->group_title)) != 0)
            height += entry->group_title != NULL ? HEADING_MIN_HEIGHT : SEPARATOR_MIN_HEIGHT;
        }
    }

  return n;
}

static gboolean
make_rest_cb (gpointer user_data)
{
  BulletinSidebar *self = user_data;

  self->make_rest_id = 0;
  bulletin_sidebar_make_all_rows (self);

  return G_SOURCE_REMOVE;
}

/* Once the frame is out, not in it (whoever waits on its after-paint) */
static void
after_paint_cb (BulletinSidebar *self)
{
  if (self->make_rest_id == 0 && self->n_made < self->entries->len)
    self->make_rest_id = g_idle_add (make_rest_cb, self);
}

/* Moving the cursor past the last row made, or to the end, finds the
 * rows under it */
static void
move_cursor_cb (BulletinSidebar *self)
{
  bulletin_sidebar_make_all_rows (self);
}

/**
 * bulletin_sidebar_set_edition:
 * @self: the sidebar
 * @edition: (nullable): the edition whose sections to show
 *
 * Shows Saved, Latest and the sections of @edition. No row is selected
 * afterwards. The rows under the first screen are made once the next
 * frame is painted, or as soon as they are asked for.
 */
void
bulletin_sidebar_set_edition (BulletinSidebar *self,
                              BulletinEdition *edition)
{
  GtkWidget *child;

  g_return_if_fail (BULLETIN_IS_SIDEBAR (self));
  g_return_if_fail (edition == NULL || BULLETIN_IS_EDITION (edition));

  self->rebuilding = TRUE;

  g_clear_handle_id (&self->make_rest_id, g_source_remove);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);
  g_hash_table_remove_all (self->by_id);
  g_ptr_array_set_size (self->entries, 0);
  self->n_made = 0;

  if (edition != NULL)
    {
      GListModel *sections = bulletin_edition_get_sections (edition);
      guint n_sections = g_list_model_get_n_items (sections);

      bulletin_sidebar_add_entry (self, BULLETIN_SECTION_SAVED, _("Saved"), "home", NULL);
      /* Saved and Latest are the app's own entries, in the interface's
       * language whatever the edition's. */
      bulletin_sidebar_add_entry (self, BULLETIN_SECTION_LATEST, _("Latest"), "home", NULL);

      for (guint i = 0; i < n_sections; i++)
        {
          g_autoptr(BulletinSection) section = g_list_model_get_item (sections, i);
          const char *section_id = bulletin_section_get_id (section);
          const char *title = bulletin_section_get_title (section);

          if (bulletin_section_get_kind (section) == BULLETIN_SECTION_KIND_LATEST)
            continue;

          bulletin_sidebar_add_entry (self, section_id,
                                      title != NULL ? title : section_id,
                                      bulletin_section_get_group_id (section),
                                      bulletin_section_get_group_title (section));
        }

      bulletin_sidebar_make_rows (self, first_rows (self));
    }

  gtk_list_box_invalidate_headers (self->list_box);
  self->rebuilding = FALSE;
}

const char *
bulletin_sidebar_get_section_id (BulletinSidebar *self)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (BULLETIN_IS_SIDEBAR (self), NULL);

  row = gtk_list_box_get_selected_row (self->list_box);
  if (row == NULL)
    return NULL;

  return bulletin_sidebar_row_get_section_id (BULLETIN_SIDEBAR_ROW (row));
}

/**
 * bulletin_sidebar_select_section:
 * @self: the sidebar
 * @section_id: the section to select
 *
 * Selects the row of @section_id, which emits
 * #BulletinSidebar::section-selected when it was not selected yet.
 *
 * Returns: whether the sidebar has such a row
 */
gboolean
bulletin_sidebar_select_section (BulletinSidebar *self,
                                 const char      *section_id)
{
  BulletinSidebarRow *row;

  g_return_val_if_fail (BULLETIN_IS_SIDEBAR (self), FALSE);

  row = bulletin_sidebar_lookup_row (self, section_id);
  if (row == NULL)
    return FALSE;

  gtk_list_box_select_row (self->list_box, GTK_LIST_BOX_ROW (row));
  return TRUE;
}

gboolean
bulletin_sidebar_select_index (BulletinSidebar *self,
                               guint            index)
{
  SidebarEntry *entry;

  g_return_val_if_fail (BULLETIN_IS_SIDEBAR (self), FALSE);

  if (index >= self->entries->len)
    return FALSE;

  bulletin_sidebar_make_rows (self, index + 1);
  entry = g_ptr_array_index (self->entries, index);
  gtk_list_box_select_row (self->list_box, GTK_LIST_BOX_ROW (entry->row));
  return TRUE;
}

guint
bulletin_sidebar_get_n_entries (BulletinSidebar *self)
{
  g_return_val_if_fail (BULLETIN_IS_SIDEBAR (self), 0);

  return self->entries->len;
}

const char *
bulletin_sidebar_get_entry_id (BulletinSidebar *self,
                               guint            index)
{
  SidebarEntry *entry;

  g_return_val_if_fail (BULLETIN_IS_SIDEBAR (self), NULL);
  g_return_val_if_fail (index < self->entries->len, NULL);

  entry = g_ptr_array_index (self->entries, index);
  return entry->section_id;
}

const char *
bulletin_sidebar_get_entry_title (BulletinSidebar *self,
                                  guint            index)
{
  SidebarEntry *entry;

  g_return_val_if_fail (BULLETIN_IS_SIDEBAR (self), NULL);
  g_return_val_if_fail (index < self->entries->len, NULL);

  entry = g_ptr_array_index (self->entries, index);
  return entry->title;
}

const char *
bulletin_sidebar_get_section_title (BulletinSidebar *self,
                                    const char      *section_id)
{
  SidebarEntry *entry;

  g_return_val_if_fail (BULLETIN_IS_SIDEBAR (self), NULL);

  entry = section_id != NULL ? g_hash_table_lookup (self->by_id, section_id) : NULL;

  return entry != NULL ? entry->title : NULL;
}

/**
 * bulletin_sidebar_get_row:
 * @self: the sidebar
 * @section_id: a section identifier
 *
 * Returns: (transfer none) (nullable): the #BulletinSidebarRow of
 *   @section_id, made now if it was not yet
 */
GtkWidget *
bulletin_sidebar_get_row (BulletinSidebar *self,
                          const char      *section_id)
{
  g_return_val_if_fail (BULLETIN_IS_SIDEBAR (self), NULL);

  return (GtkWidget *) bulletin_sidebar_lookup_row (self, section_id);
}

/**
 * bulletin_sidebar_set_section_model:
 * @self: the sidebar
 * @section_id: a section identifier
 * @model: (nullable): its articles
 *
 * Makes the row of @section_id show the unread count and loading state of
 * @model.
 */
void
bulletin_sidebar_set_section_model (BulletinSidebar *self,
                                    const char      *section_id,
                                    GListModel      *model)
{
  BulletinSidebarRow *row;

  g_return_if_fail (BULLETIN_IS_SIDEBAR (self));

  row = bulletin_sidebar_lookup_row (self, section_id);
  if (row != NULL)
    bulletin_sidebar_row_set_model (row, model);
}

void
bulletin_sidebar_count_unread (BulletinSidebar *self,
                               const char      *section_id)
{
  BulletinSidebarRow *row;

  g_return_if_fail (BULLETIN_IS_SIDEBAR (self));

  row = bulletin_sidebar_lookup_row (self, section_id);
  if (row != NULL)
    bulletin_sidebar_row_count_unread (row);
}

static void
bulletin_sidebar_realize (GtkWidget *widget)
{
  BulletinSidebar *self = BULLETIN_SIDEBAR (widget);

  GTK_WIDGET_CLASS (bulletin_sidebar_parent_class)->realize (widget);

  self->frame_clock = g_object_ref (gtk_widget_get_frame_clock (widget));
  self->after_paint_id = g_signal_connect_swapped (self->frame_clock, "after-paint",
                                                   G_CALLBACK (after_paint_cb), self);
}

static void
bulletin_sidebar_unrealize (GtkWidget *widget)
{
  BulletinSidebar *self = BULLETIN_SIDEBAR (widget);

  if (self->frame_clock != NULL)
    g_clear_signal_handler (&self->after_paint_id, self->frame_clock);
  g_clear_object (&self->frame_clock);
  g_clear_handle_id (&self->make_rest_id, g_source_remove);

  GTK_WIDGET_CLASS (bulletin_sidebar_parent_class)->unrealize (widget);
}

static gboolean
bulletin_sidebar_grab_focus (GtkWidget *widget)
{
  BulletinSidebar *self = BULLETIN_SIDEBAR (widget);
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->list_box);

  if (row != NULL)
    return gtk_widget_grab_focus (GTK_WIDGET (row));

  return gtk_widget_grab_focus (GTK_WIDGET (self->list_box));
}

static void
bulletin_sidebar_dispose (GObject *object)
{
  BulletinSidebar *self = BULLETIN_SIDEBAR (object);
  GtkWidget *child;

  g_clear_handle_id (&self->make_rest_id, g_source_remove);
  if (self->by_id != NULL)
    g_hash_table_remove_all (self->by_id);
  if (self->entries != NULL)
    g_ptr_array_set_size (self->entries, 0);
  self->n_made = 0;

  gtk_widget_dispose_template (GTK_WIDGET (self), BULLETIN_TYPE_SIDEBAR);
  /* The template's root is not a bound child */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (bulletin_sidebar_parent_class)->dispose (object);
}

static void
bulletin_sidebar_finalize (GObject *object)
{
  BulletinSidebar *self = BULLETIN_SIDEBAR (object);

  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->entries, g_ptr_array_unref);

  G_OBJECT_CLASS (bulletin_sidebar_parent_class)->finalize (object);
}

static void
bulletin_sidebar_class_init (BulletinSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bulletin_sidebar_dispose;
  object_class->finalize = bulletin_sidebar_finalize;
  widget_class->grab_focus = bulletin_sidebar_grab_focus;
  widget_class->realize = bulletin_sidebar_realize;
  widget_class->unrealize = bulletin_sidebar_unrealize;

  /**
   * BulletinSidebar::section-selected:
   * @self: the sidebar
   * @section_id: the section
   *
   * A row was selected, by a click, the keyboard or
   * bulletin_sidebar_select_section().
   */
  signals[SECTION_SELECTED] =
    g_signal_new ("section-selected",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);

  /**
   * BulletinSidebar::section-activated:
   * @self: the sidebar
   * @section_id: the section
   *
   * A row was clicked or chosen with Enter: on a narrow window, the reader
   * wants to go to its headlines.
   */
  signals[SECTION_ACTIVATED] =
    g_signal_new ("section-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/bulletin-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, BulletinSidebar, list_box);
  gtk_widget_class_bind_template_callback (widget_class, row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, move_cursor_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sidebar");
}

static void
bulletin_sidebar_init (BulletinSidebar *self)
{
  g_type_ensure (BULLETIN_TYPE_SIDEBAR_ROW);

  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) sidebar_entry_free);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_list_box_set_header_func (self->list_box, header_func, self, NULL);
}
