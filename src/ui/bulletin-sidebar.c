/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bulletin-sidebar"

#include "config.h"

#include <glib/gi18n.h>

#include "bulletin-sidebar.h"
#include "bulletin-sidebar-row.h"

/*
 * BulletinSidebar: the first pane. Saved and Latest, then the edition's
 * sections in the outlet's own order (bulletin_edition_get_sections()):
 * the groups under their headings, the single-entry groups, the regions.
 */
struct _BulletinSidebar
{
  GtkWidget    parent_instance;

  GHashTable  *rows;      /* section id -> BulletinSidebarRow (unowned) */
  GPtrArray   *order;     /* BulletinSidebarRow (unowned), top to bottom */
  gboolean     rebuilding;

  GtkListBox  *list_box;
};

enum {
  SECTION_SELECTED,
  SECTION_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (BulletinSidebar, bulletin_sidebar, GTK_TYPE_WIDGET)

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
heading_key (BulletinSidebarRow *row)
{
  if (bulletin_sidebar_row_get_group_title (row) != NULL)
    return bulletin_sidebar_row_get_group_id (row);

  return bulletin_sidebar_row_get_group_id (row) != NULL &&
         g_str_equal (bulletin_sidebar_row_get_group_id (row), "home") ? "home" : "single";
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
      g_strcmp0 (heading_key (self_row), heading_key (BULLETIN_SIDEBAR_ROW (before))) == 0)
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
bulletin_sidebar_add_row (BulletinSidebar *self,
                          const char      *section_id,
                          const char      *title,
                          const char      *group_id,
                          const char      *group_title)
{
  GtkWidget *row;

  /* An edition that names a section twice shows it once */
  if (g_hash_table_contains (self->rows, section_id))
    return;

  row = bulletin_sidebar_row_new (section_id, title, group_id, group_title,
                                  icon_for_section (section_id));
  gtk_list_box_append (self->list_box, row);
  g_hash_table_insert (self->rows, g_strdup (section_id), row);
  g_ptr_array_add (self->order, row);
}

/**
 * bulletin_sidebar_set_edition:
 * @self: the sidebar
 * @edition: (nullable): the edition whose sections to show
 *
 * Shows Saved, Latest and the sections of @edition. No row is selected
 * afterwards.
 */
void
bulletin_sidebar_set_edition (BulletinSidebar *self,
                              BulletinEdition *edition)
{
  GtkWidget *child;

  g_return_if_fail (BULLETIN_IS_SIDEBAR (self));
  g_return_if_fail (edition == NULL || BULLETIN_IS_EDITION (edition));

  self->rebuilding = TRUE;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);
  g_hash_table_remove_all (self->rows);
  g_ptr_array_set_size (self->order, 0);

  if (edition != NULL)
    {
      GListModel *sections = bulletin_edition_get_sections (edition);
      guint n_sections = g_list_model_get_n_items (sections);

      bulletin_sidebar_add_row (self, BULLETIN_SECTION_SAVED, _("Saved"), "home", NULL);
      /* Saved and Latest are the app's own entries, in the interface's
       * language whatever the edition's. */
      bulletin_sidebar_add_row (self, BULLETIN_SECTION_LATEST, _("Latest"), "home", NULL);

      for (guint i = 0; i < n_sections; i++)
        {
          g_autoptr(BulletinSection) section = g_list_model_get_item (sections, i);

          if (bulletin_section_get_kind (section) == BULLETIN_SECTION_KIND_LATEST)
            continue;

          bulletin_sidebar_add_row (self,
                                    bulletin_section_get_id (section),
                                    bulletin_section_get_title (section),
                                    bulletin_section_get_group_id (section),
                                    bulletin_section_get_group_title (section));
        }
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
  GtkListBoxRow *row;

  g_return_val_if_fail (BULLETIN_IS_SIDEBAR (self), FALSE);

  if (section_id == NULL)
    return FALSE;

  row = g_hash_table_lookup (self->rows, section_id);
  if (row == NULL)
    return FALSE;

  gtk_list_box_select_row (self->list_box, row);
  return TRUE;
}

gboolean
bulletin_sidebar_select_index (BulletinSidebar *self,
                               guint            index)
{
  g_return_val_if_fail (BULLETIN_IS_SIDEBAR (self), FALSE);

  if (index >= self->order->len)
    return FALSE;

  gtk_list_box_select_row (self->list_box, g_ptr_array_index (self->order, index));
  return TRUE;
}

guint
bulletin_sidebar_get_n_entries (BulletinSidebar *self)
{
  g_return_val_if_fail (BULLETIN_IS_SIDEBAR (self), 0);

  return self->order->len;
}

const char *
bulletin_sidebar_get_entry_id (BulletinSidebar *self,
                               guint            index)
{
  g_return_val_if_fail (BULLETIN_IS_SIDEBAR (self), NULL);
  g_return_val_if_fail (index < self->order->len, NULL);

  return bulletin_sidebar_row_get_section_id (g_ptr_array_index (self->order, index));
}

const char *
bulletin_sidebar_get_entry_title (BulletinSidebar *self,
                                  guint            index)
{
  g_return_val_if_fail (BULLETIN_IS_SIDEBAR (self), NULL);
  g_return_val_if_fail (index < self->order->len, NULL);

  return bulletin_sidebar_row_get_title (g_ptr_array_index (self->order, index));
}

const char *
bulletin_sidebar_get_section_title (BulletinSidebar *self,
                                    const char      *section_id)
{
  BulletinSidebarRow *row;

  g_return_val_if_fail (BULLETIN_IS_SIDEBAR (self), NULL);

  row = section_id != NULL ? g_hash_table_lookup (self->rows, section_id) : NULL;

  return row != NULL ? bulletin_sidebar_row_get_title (row) : NULL;
}

/**
 * bulletin_sidebar_get_row:
 * @self: the sidebar
 * @section_id: a section identifier
 *
 * Returns: (transfer none) (nullable): the #BulletinSidebarRow of @section_id
 */
GtkWidget *
bulletin_sidebar_get_row (BulletinSidebar *self,
                          const char      *section_id)
{
  g_return_val_if_fail (BULLETIN_IS_SIDEBAR (self), NULL);

  return section_id != NULL ? g_hash_table_lookup (self->rows, section_id) : NULL;
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

  row = section_id != NULL ? g_hash_table_lookup (self->rows, section_id) : NULL;
  if (row != NULL)
    bulletin_sidebar_row_set_model (row, model);
}

void
bulletin_sidebar_count_unread (BulletinSidebar *self,
                               const char      *section_id)
{
  BulletinSidebarRow *row;

  g_return_if_fail (BULLETIN_IS_SIDEBAR (self));

  row = section_id != NULL ? g_hash_table_lookup (self->rows, section_id) : NULL;
  if (row != NULL)
    bulletin_sidebar_row_count_unread (row);
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

  if (self->rows != NULL)
    g_hash_table_remove_all (self->rows);
  if (self->order != NULL)
    g_ptr_array_set_size (self->order, 0);

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

  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_pointer (&self->order, g_ptr_array_unref);

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

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sidebar");
}

static void
bulletin_sidebar_init (BulletinSidebar *self)
{
  g_type_ensure (BULLETIN_TYPE_SIDEBAR_ROW);

  self->rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->order = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_list_box_set_header_func (self->list_box, header_func, self, NULL);
}
