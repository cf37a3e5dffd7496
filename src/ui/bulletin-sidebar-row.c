/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bulletin-sidebar-row"

#include "config.h"

#include <glib/gi18n.h>

#include "bulletin-core.h"
#include "bulletin-format.h"
#include "bulletin-sidebar-row.h"
#include "bulletin-spinner.h"

/* One entry of the sidebar: Saved, Latest, a section or a region, with the
 * number of unread headlines once its section is loaded, or a spinner while
 * it loads. Most rows have no icon, and most never load or count while the
 * window starts: the icon, the spinner and the count are made when first
 * needed, not hidden in every row. */
struct _BulletinSidebarRow
{
  GtkListBoxRow  parent_instance;

  char          *section_id;
  char          *title;
  char          *group_id;
  char          *group_title;
  gboolean       loading;
  guint          unread;
  GListModel    *model;

  GtkBox        *box;
  GtkLabel      *title_label;
  GtkSpinner    *spinner;       /* (nullable): made when first loading */
  GtkLabel      *unread_label;  /* (nullable): made when first unread */
};

enum {
  PROP_0,
  PROP_LOADING,
  PROP_UNREAD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (BulletinSidebarRow, bulletin_sidebar_row, GTK_TYPE_LIST_BOX_ROW)

GtkWidget *
bulletin_sidebar_row_new (const char *section_id,
                          const char *title,
                          const char *group_id,
                          const char *group_title,
                          const char *icon_name)
{
  BulletinSidebarRow *self;

  g_return_val_if_fail (section_id != NULL, NULL);

  self = g_object_new (BULLETIN_TYPE_SIDEBAR_ROW, NULL);
  self->section_id = g_strdup (section_id);
  self->title = g_strdup (title ? title : section_id);
  self->group_id = g_strdup (group_id);
  self->group_title = g_strdup (group_title);

  gtk_label_set_label (self->title_label, self->title);
  if (icon_name != NULL)
    {
      GtkWidget *icon = g_object_new (GTK_TYPE_IMAGE,
                                      "icon-name", icon_name,
                                      "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                      NULL);

      gtk_box_prepend (self->box, icon);
    }

  return GTK_WIDGET (self);
}

const char *
bulletin_sidebar_row_get_section_id (BulletinSidebarRow *self)
{
  g_return_val_if_fail (BULLETIN_IS_SIDEBAR_ROW (self), NULL);

  return self->section_id;
}

const char *
bulletin_sidebar_row_get_title (BulletinSidebarRow *self)
{
  g_return_val_if_fail (BULLETIN_IS_SIDEBAR_ROW (self), NULL);

  return self->title;
}

const char *
bulletin_sidebar_row_get_group_id (BulletinSidebarRow *self)
{
  g_return_val_if_fail (BULLETIN_IS_SIDEBAR_ROW (self), NULL);

  return self->group_id;
}

const char *
bulletin_sidebar_row_get_group_title (BulletinSidebarRow *self)
{
  g_return_val_if_fail (BULLETIN_IS_SIDEBAR_ROW (self), NULL);

  return self->group_title;
}

gboolean
bulletin_sidebar_row_get_loading (BulletinSidebarRow *self)
{
  g_return_val_if_fail (BULLETIN_IS_SIDEBAR_ROW (self), FALSE);

  return self->loading;
}

/* After the title: the spinner, then the count */
static void
bulletin_sidebar_row_ensure_spinner (BulletinSidebarRow *self)
{
  if (self->spinner != NULL)
    return;

  self->spinner = GTK_SPINNER (gtk_spinner_new ());
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->spinner), _("Loading"));
  gtk_box_insert_child_after (self->box, GTK_WIDGET (self->spinner), GTK_WIDGET (self->title_label));
}

static void
bulletin_sidebar_row_ensure_unread_label (BulletinSidebarRow *self)
{
  if (self->unread_label != NULL)
    return;

  self->unread_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_valign (GTK_WIDGET (self->unread_label), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->unread_label), "unread-count");
  gtk_widget_add_css_class (GTK_WIDGET (self->unread_label), "numeric");
  gtk_box_append (self->box, GTK_WIDGET (self->unread_label));
}

static void
bulletin_sidebar_row_update_badge (BulletinSidebarRow *self)
{
  if (self->loading)
    bulletin_sidebar_row_ensure_spinner (self);

  /* Its place is kept while loading; it spins once the wait is seen */
  if (self->spinner != NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->spinner), self->loading);
      bulletin_spinner_set_waiting (self->spinner, self->loading);
    }
  if (self->unread_label != NULL)
    gtk_widget_set_visible (GTK_WIDGET (self->unread_label), !self->loading && self->unread > 0);
}

void
bulletin_sidebar_row_set_loading (BulletinSidebarRow *self,
                                  gboolean            loading)
{
  g_return_if_fail (BULLETIN_IS_SIDEBAR_ROW (self));

  loading = !!loading;
  if (self->loading == loading)
    return;

  self->loading = loading;
  bulletin_sidebar_row_update_badge (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

guint
bulletin_sidebar_row_get_unread (BulletinSidebarRow *self)
{
  g_return_val_if_fail (BULLETIN_IS_SIDEBAR_ROW (self), 0);

  return self->unread;
}

void
bulletin_sidebar_row_set_unread (BulletinSidebarRow *self,
                                 guint               unread)
{
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;

  g_return_if_fail (BULLETIN_IS_SIDEBAR_ROW (self));

  if (self->unread == unread)
    return;

  self->unread = unread;
  bulletin_sidebar_row_ensure_unread_label (self);

  text = g_strdup_printf ("%u", unread);
  tooltip = g_strdup_printf (ngettext ("%u unread headline", "%u unread headlines", unread), unread);
  {
    /* Digits as the interface's language writes them: ٥٩ in Arabic */
    g_autofree char *shown_text = bulletin_date_localize_digits (text, bulletin_format_ui_language ());
    g_autofree char *shown_tooltip = bulletin_date_localize_digits (tooltip, bulletin_format_ui_language ());

    gtk_label_set_label (self->unread_label, shown_text);
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->unread_label), shown_tooltip);
  }
  bulletin_sidebar_row_update_badge (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNREAD]);
}

/**
 * bulletin_sidebar_row_count_unread:
 * @self: a row
 *
 * Counts the unread articles of the row's model again.
 */
void
bulletin_sidebar_row_count_unread (BulletinSidebarRow *self)
{
  guint unread = 0;

  g_return_if_fail (BULLETIN_IS_SIDEBAR_ROW (self));

  if (self->model != NULL)
    {
      guint n_items = g_list_model_get_n_items (self->model);

      for (guint i = 0; i < n_items; i++)
        {
          g_autoptr(BulletinArticle) article = g_list_model_get_item (self->model, i);

          if (!bulletin_article_get_read (article))
            unread++;
        }
    }

  bulletin_sidebar_row_set_unread (self, unread);
}

static void
model_loading_cb (BulletinSidebarRow *self)
{
  gboolean loading = FALSE;

  g_object_get (self->model, "loading", &loading, NULL);
  bulletin_sidebar_row_set_loading (self, loading);
}

/**
 * bulletin_sidebar_row_set_model:
 * @self: a row
 * @model: (nullable): the row's section model
 *
 * Makes the row follow @model: its unread articles, and its "loading"
 * property when it has one.
 */
void
bulletin_sidebar_row_set_model (BulletinSidebarRow *self,
                                GListModel         *model)
{
  g_return_if_fail (BULLETIN_IS_SIDEBAR_ROW (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (self->model == model)
    return;

  if (self->model != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->model, bulletin_sidebar_row_count_unread, self);
      g_signal_handlers_disconnect_by_func (self->model, model_loading_cb, self);
    }

  g_set_object (&self->model, model);

  if (model != NULL)
    {
      g_signal_connect_object (model, "items-changed",
                               G_CALLBACK (bulletin_sidebar_row_count_unread), self,
                               G_CONNECT_SWAPPED);
      if (g_object_class_find_property (G_OBJECT_GET_CLASS (model), "loading") != NULL)
        {
          g_signal_connect_object (model, "notify::loading",
                                   G_CALLBACK (model_loading_cb), self,
                                   G_CONNECT_SWAPPED);
          model_loading_cb (self);
        }
    }
  else
    {
      bulletin_sidebar_row_set_loading (self, FALSE);
    }

  bulletin_sidebar_row_count_unread (self);
}

static void
bulletin_sidebar_row_dispose (GObject *object)
{
  BulletinSidebarRow *self = BULLETIN_SIDEBAR_ROW (object);

  bulletin_sidebar_row_set_model (self, NULL);

  G_OBJECT_CLASS (bulletin_sidebar_row_parent_class)->dispose (object);
}

static void
bulletin_sidebar_row_finalize (GObject *object)
{
  BulletinSidebarRow *self = BULLETIN_SIDEBAR_ROW (object);

  g_clear_pointer (&self->section_id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->group_id, g_free);
  g_clear_pointer (&self->group_title, g_free);

  G_OBJECT_CLASS (bulletin_sidebar_row_parent_class)->finalize (object);
}

static void
bulletin_sidebar_row_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  BulletinSidebarRow *self = BULLETIN_SIDEBAR_ROW (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;

    case PROP_UNREAD:
      g_value_set_uint (value, self->unread);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bulletin_sidebar_row_class_init (BulletinSidebarRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bulletin_sidebar_row_dispose;
  object_class->finalize = bulletin_sidebar_row_finalize;
  object_class->get_property = bulletin_sidebar_row_get_property;

  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNREAD] =
    g_param_spec_uint ("unread", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/bulletin-sidebar-row.ui");
  gtk_widget_class_bind_template_child (widget_class, BulletinSidebarRow, box);
  gtk_widget_class_bind_template_child (widget_class, BulletinSidebarRow, title_label);
}

static void
bulletin_sidebar_row_init (BulletinSidebarRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
