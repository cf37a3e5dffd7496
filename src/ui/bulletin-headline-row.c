/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bulletin-headline-row"

#include "config.h"

#include <glib/gi18n.h>

#include "bulletin-application.h"
#include "bulletin-format.h"
#include "bulletin-headline-row.h"
#include "bulletin-thumbnail.h"

/* One headline of the list: thumbnail, title, section and relative time,
 * bold with a dot while unread.
 *
 * Rows are made for the first screenful on the way to the first frame, and
 * bound, styled, measured and drawn again for every headline scrolled in:
 * they hold as few widgets as they can. The thumbnail is one widget of our
 * own, the row lays it and the text out itself, and the saved marker and
 * the saving progress, which few rows ever show, are made when first
 * needed. */
struct _BulletinHeadlineRow
{
  GtkWidget          parent_instance;

  BulletinArticle   *article;
  GCancellable      *thumbnail_cancellable;
  guint              clock_id;
  gint64             worded_at;         /* when the time was last worded */
  char              *accessible_label;  /* the name last given ... */
  GtkWidget         *labelled_parent;   /* ... to this list item, not a ref */

  BulletinThumbnail *thumbnail;
  GtkBox            *text_box;
  GtkInscription    *title_label;
  GtkBox            *meta_box;
  GtkWidget         *unread_dot;
  GtkLabel          *section_label;
  GtkWidget         *separator_label;
  GtkLabel          *time_label;
  GtkWidget         *saved_image;       /* NULL until first saved */
  GtkWidget         *saving_box;        /* NULL but while saving */
  GtkProgressBar    *saving_progress;
};

enum {
  PROP_0,
  PROP_ARTICLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (BulletinHeadlineRow, bulletin_headline_row, GTK_TYPE_WIDGET)

GtkWidget *
bulletin_headline_row_new (void)
{
  return g_object_new (BULLETIN_TYPE_HEADLINE_ROW, NULL);
}

BulletinArticle *
bulletin_headline_row_get_article (BulletinHeadlineRow *self)
{
  g_return_val_if_fail (BULLETIN_IS_HEADLINE_ROW (self), NULL);

  return self->article;
}

static BulletinThumbnailCache *
get_thumbnails (void)
{
  GApplication *app = g_application_get_default ();

  if (!BULLETIN_IS_APPLICATION (app))
    return NULL;

  return bulletin_application_get_thumbnails (BULLETIN_APPLICATION (app));
}

static void     bulletin_headline_row_update_accessible (BulletinHeadlineRow *self);
static gboolean query_tooltip_cb                        (BulletinHeadlineRow *self,
                                                         int                  x,
                                                         int                  y,
                                                         gboolean             keyboard,
                                                         GtkTooltip          *tooltip,
                                                         GtkWidget           *widget);

static void
set_label_if_changed (GtkLabel   *label,
                      const char *text)
{
  if (g_strcmp0 (gtk_label_get_label (label), text != NULL ? text : "") != 0)
    gtk_label_set_label (label, text);
}

static void
bulletin_headline_row_show_read (BulletinHeadlineRow *self)
{
  gboolean unread = self->article != NULL && !bulletin_article_get_read (self->article);

  gtk_widget_set_visible (self->unread_dot, unread);
  if (unread)
    gtk_widget_add_css_class (GTK_WIDGET (self->title_label), "unread");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->title_label), "unread");
}

static void
bulletin_headline_row_update_read (BulletinHeadlineRow *self)
{
  bulletin_headline_row_show_read (self);
  bulletin_headline_row_update_accessible (self);
}

/* A screen reader reads the row as "headline, section, time", and says
 * whether it is unread. The list item around the row is what takes focus,
 * so it gets the same name. */
static void
bulletin_headline_row_update_accessible (BulletinHeadlineRow *self)
{
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (self));
  g_autoptr(GString) label = g_string_new (NULL);
  const char *parts[] = {
    gtk_inscription_get_text (self->title_label),
    gtk_widget_get_visible (GTK_WIDGET (self->section_label)) ? gtk_label_get_label (self->section_label) : NULL,
    gtk_widget_get_visible (GTK_WIDGET (self->time_label)) ? gtk_label_get_label (self->time_label) : NULL,
    gtk_widget_get_visible (self->unread_dot) ? _("Unread") : NULL,
    self->saved_image != NULL && gtk_widget_get_visible (self->saved_image) ? _("Saved") : NULL,
  };

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      if (parts[i] == NULL || *parts[i] == '\0')
        continue;
      if (label->len > 0)
        /* Translators: between the parts of a headline read aloud:
         * "headline, section, time" */
        g_string_append (label, _(", "));
      g_string_append (label, parts[i]);
    }

  /* Rows are bound over and over while the list scrolls: a name given
   * again is sent again all the same, to the row and to its list item */
  if (g_strcmp0 (label->str, self->accessible_label) == 0 && parent == self->labelled_parent)
    return;
  g_free (self->accessible_label);
  self->accessible_label = g_string_free (g_steal_pointer (&label), FALSE);
  self->labelled_parent = parent;

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->accessible_label,
                                  -1);
  if (parent != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (parent),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, self->accessible_label,
                                    -1);
}

static void
bulletin_headline_row_show_time (BulletinHeadlineRow *self)
{
  GDateTime *time = NULL;
  g_autofree char *text = NULL;

  if (self->article != NULL)
    {
      time = bulletin_article_get_published (self->article);
      if (time == NULL)
        time = bulletin_article_get_updated (self->article);
    }

  if (time != NULL)
    text = bulletin_format_relative_time (time, NULL);
  self->worded_at = g_get_monotonic_time ();

  /* Each row is bound and mapped over and over while the list scrolls:
   * a label given its own text again is laid out again all the same. */
  set_label_if_changed (self->time_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->time_label), text != NULL);
  gtk_widget_set_visible (self->separator_label,
                          text != NULL && gtk_widget_get_visible (GTK_WIDGET (self->section_label)));
}

/**
 * bulletin_headline_row_update_time:
 * @self: a row
 *
 * Words the article's time again against the clock.
 */
void
bulletin_headline_row_update_time (BulletinHeadlineRow *self)
{
  g_return_if_fail (BULLETIN_IS_HEADLINE_ROW (self));

  bulletin_headline_row_show_time (self);
  bulletin_headline_row_update_accessible (self);
}

/* Saving: a progress bar under the meta line while the article is on its
 * way into the library, and a bookmark on the line once it is saved */

static BulletinApplication *
get_app (void)
{
  GApplication *app = g_application_get_default ();

  return BULLETIN_IS_APPLICATION (app) ? BULLETIN_APPLICATION (app) : NULL;
}

/* Under the meta line: a bar and "Saving…" */
static void
add_saving_box (BulletinHeadlineRow *self)
{
  GtkWidget *progress = gtk_progress_bar_new ();
  GtkWidget *label = gtk_label_new (_("Saving…"));

  self->saving_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->saving_progress = GTK_PROGRESS_BAR (progress);

  gtk_widget_set_valign (progress, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (progress, TRUE);
  gtk_widget_add_css_class (progress, "saving-progress");
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");

  gtk_box_append (GTK_BOX (self->saving_box), progress);
  gtk_box_append (GTK_BOX (self->saving_box), label);
  gtk_box_append (self->text_box, self->saving_box);
}

static void
bulletin_headline_row_show_progress (BulletinHeadlineRow *self,
                                     double               fraction)
{
  gboolean saving = fraction >= 0 && fraction < 1;

  if (saving)
    {
      if (self->saving_box == NULL)
        add_saving_box (self);
      gtk_progress_bar_set_fraction (self->saving_progress, fraction);
    }
  else if (self->saving_box != NULL)
    {
      /* Gone with the save: a recycled row does not carry it around */
      gtk_box_remove (self->text_box, self->saving_box);
      self->saving_box = NULL;
      self->saving_progress = NULL;
    }
}

/* At the end of the meta line: a bookmark */
static void
add_saved_image (BulletinHeadlineRow *self)
{
  self->saved_image = gtk_image_new_from_icon_name ("user-bookmarks-symbolic");
  gtk_image_set_pixel_size (GTK_IMAGE (self->saved_image), 12);
  gtk_widget_set_valign (self->saved_image, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->saved_image, "saved-marker");
  gtk_widget_set_has_tooltip (self->saved_image, TRUE);
  g_signal_connect_object (self->saved_image, "query-tooltip",
                           G_CALLBACK (query_tooltip_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (self->meta_box, self->saved_image);
}

static void
bulletin_headline_row_show_saved (BulletinHeadlineRow *self)
{
  BulletinApplication *app = get_app ();
  const char *url = self->article != NULL ? bulletin_article_get_url (self->article) : NULL;
  gboolean saved = FALSE;
  double progress = -1;

  if (app != NULL && url != NULL)
    {
      saved = bulletin_bookmarks_contains (bulletin_application_get_bookmarks (app), url);
      progress = bulletin_save_queue_get_progress (bulletin_application_get_save_queue (app), url);
    }

  if (saved && self->saved_image == NULL)
    add_saved_image (self);
  else if (self->saved_image != NULL)
    gtk_widget_set_visible (self->saved_image, saved);
  bulletin_headline_row_show_progress (self, saved ? progress : -1);
}

static void
bulletin_headline_row_update_saved (BulletinHeadlineRow *self)
{
  bulletin_headline_row_show_saved (self);
  bulletin_headline_row_update_accessible (self);
}

static gboolean
is_own_url (BulletinHeadlineRow *self,
            const char          *url)
{
  return self->article != NULL && g_strcmp0 (bulletin_article_get_url (self->article), url) == 0;
}

static void
save_progress_cb (BulletinHeadlineRow *self,
                  const char          *url,
                  double               fraction)
{
  if (is_own_url (self, url))
    bulletin_headline_row_show_progress (self, fraction);
}

static void
save_finished_cb (BulletinHeadlineRow *self,
                  const char          *url,
                  const GError        *error)
{
  if (is_own_url (self, url))
    bulletin_headline_row_show_progress (self, -1);
}

static void
bookmark_toggled_cb (BulletinHeadlineRow *self,
                     const char          *url,
                     gboolean             added)
{
  if (is_own_url (self, url))
    bulletin_headline_row_update_saved (self);
}

static void
thumbnail_loaded_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(BulletinHeadlineRow) self = user_data;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  texture = bulletin_thumbnail_cache_load_finish (BULLETIN_THUMBNAIL_CACHE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (error != NULL)
    g_debug ("No thumbnail: %s", error->message);

  /* Faded in over the placeholder */
  if (texture != NULL)
    bulletin_thumbnail_set_texture (self->thumbnail, texture, TRUE);
}

static void
bulletin_headline_row_update_thumbnail (BulletinHeadlineRow *self)
{
  BulletinThumbnailCache *thumbnails = get_thumbnails ();
  g_autoptr(GdkTexture) texture = NULL;
  const char *url = NULL;

  g_cancellable_cancel (self->thumbnail_cancellable);
  g_clear_object (&self->thumbnail_cancellable);

  if (self->article != NULL)
    url = bulletin_article_get_image (self->article);

  if (thumbnails != NULL)
    texture = bulletin_thumbnail_cache_lookup (thumbnails, url);

  /* No cross-fade between one recycled row's image and the next */
  bulletin_thumbnail_set_texture (self->thumbnail, texture, FALSE);

  if (texture == NULL && thumbnails != NULL && bulletin_thumbnail_cache_can_load (thumbnails, url))
    {
      self->thumbnail_cancellable = g_cancellable_new ();
      bulletin_thumbnail_cache_load_async (thumbnails, url, self->thumbnail_cancellable,
                                           thumbnail_loaded_cb, g_object_ref (self));
    }
}

static const char *
article_label (BulletinArticle *article)
{
  const char *label;

  label = bulletin_article_get_section_title (article);
  if (label == NULL || *label == '\0')
    label = bulletin_article_get_region (article);
  if (label == NULL || *label == '\0')
    label = bulletin_article_get_section (article);
  if (label == NULL || *label == '\0')
    label = bulletin_article_get_source (article);

  return label != NULL && *label != '\0' ? label : NULL;
}

void
bulletin_headline_row_set_article (BulletinHeadlineRow *self,
                                   BulletinArticle     *article)
{
  const char *title = NULL;
  const char *label = NULL;

  g_return_if_fail (BULLETIN_IS_HEADLINE_ROW (self));
  g_return_if_fail (article == NULL || BULLETIN_IS_ARTICLE (article));

  if (self->article == article)
    return;

  if (self->article != NULL)
    g_signal_handlers_disconnect_by_func (self->article, bulletin_headline_row_update_read, self);

  g_set_object (&self->article, article);

  if (article != NULL)
    {
      g_signal_connect_object (article, "notify::read",
                               G_CALLBACK (bulletin_headline_row_update_read), self,
                               G_CONNECT_SWAPPED);
      title = bulletin_article_get_title (article);
      label = article_label (article);

      if (title == NULL || *title == '\0')
        title = _("Untitled");
    }

  if (g_strcmp0 (gtk_inscription_get_text (self->title_label), title) != 0)
    gtk_inscription_set_text (self->title_label, title);
  set_label_if_changed (self->section_label, label);
  gtk_widget_set_visible (GTK_WIDGET (self->section_label), label != NULL);

  /* Shown first and named once */
  bulletin_headline_row_show_read (self);
  bulletin_headline_row_show_time (self);
  bulletin_headline_row_update_thumbnail (self);
  bulletin_headline_row_show_saved (self);
  bulletin_headline_row_update_accessible (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARTICLE]);
}

static gboolean
clock_tick_cb (gpointer user_data)
{
  bulletin_headline_row_update_time (BULLETIN_HEADLINE_ROW (user_data));

  return G_SOURCE_CONTINUE;
}

static void
first_drawn_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  g_signal_handlers_disconnect_by_func (clock, first_drawn_cb, user_data);
  g_debug ("First headline drawn");
}

static void
bulletin_headline_row_map (GtkWidget *widget)
{
  static gboolean first_shown;
  BulletinHeadlineRow *self = BULLETIN_HEADLINE_ROW (widget);

  GTK_WIDGET_CLASS (bulletin_headline_row_parent_class)->map (widget);

  /* The marks tests/bench/bench-startup.c times start-up by
   * (G_MESSAGES_DEBUG): a row is mapped as soon as the list makes it,
   * which may be before the frame that lays it out and paints it */
  if (self->article != NULL && !first_shown)
    {
      first_shown = TRUE;
      g_debug ("First headline shown");
      g_signal_connect (gtk_widget_get_frame_clock (widget), "after-paint",
                        G_CALLBACK (first_drawn_cb), NULL);
    }

  /* "5 min ago" must not stay 5 minutes forever. A row scrolled in is
   * bound to its article just before it is mapped: worded that moment,
   * it is not worded again the same frame. */
  if (g_get_monotonic_time () - self->worded_at >= G_USEC_PER_SEC)
    bulletin_headline_row_show_time (self);
  bulletin_headline_row_update_accessible (self);
  if (self->clock_id == 0)
    self->clock_id = g_timeout_add_seconds (60, clock_tick_cb, self);
}

static void
bulletin_headline_row_unmap (GtkWidget *widget)
{
  BulletinHeadlineRow *self = BULLETIN_HEADLINE_ROW (widget);

  g_clear_handle_id (&self->clock_id, g_source_remove);

  GTK_WIDGET_CLASS (bulletin_headline_row_parent_class)->unmap (widget);
}

static void
bulletin_headline_row_dispose (GObject *object)
{
  BulletinHeadlineRow *self = BULLETIN_HEADLINE_ROW (object);
  GtkWidget *child;

  g_clear_handle_id (&self->clock_id, g_source_remove);
  g_cancellable_cancel (self->thumbnail_cancellable);
  g_clear_object (&self->thumbnail_cancellable);
  if (self->article != NULL)
    g_signal_handlers_disconnect_by_func (self->article, bulletin_headline_row_update_read, self);
  g_clear_object (&self->article);
  g_clear_pointer (&self->accessible_label, g_free);
  self->labelled_parent = NULL;

  gtk_widget_dispose_template (GTK_WIDGET (self), BULLETIN_TYPE_HEADLINE_ROW);
  /* The template's children are the row's own, not a container's */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  self->saved_image = NULL;
  self->saving_box = NULL;
  self->saving_progress = NULL;

  G_OBJECT_CLASS (bulletin_headline_row_parent_class)->dispose (object);
}

static void
bulletin_headline_row_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  BulletinHeadlineRow *self = BULLETIN_HEADLINE_ROW (object);

  switch (prop_id)
    {
    case PROP_ARTICLE:
      g_value_set_object (value, self->article);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bulletin_headline_row_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  BulletinHeadlineRow *self = BULLETIN_HEADLINE_ROW (object);

  switch (prop_id)
    {
    case PROP_ARTICLE:
      bulletin_headline_row_set_article (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The tooltips are worded when asked for: setting a widget's tooltip text
 * makes GTK ask the X server where the pointer is, three round trips a
 * row, which were 7 % of the main thread's start-up. */
static gboolean
query_tooltip_cb (BulletinHeadlineRow *self,
                  int                  x,
                  int                  y,
                  gboolean             keyboard,
                  GtkTooltip          *tooltip,
                  GtkWidget           *widget)
{
  g_autofree char *date = NULL;
  GDateTime *time = NULL;

  if (widget == self->unread_dot)
    {
      gtk_tooltip_set_text (tooltip, _("Unread"));
      return TRUE;
    }

  if (widget == self->saved_image)
    {
      gtk_tooltip_set_text (tooltip, _("Saved for offline reading"));
      return TRUE;
    }

  if (self->article != NULL)
    {
      time = bulletin_article_get_published (self->article);
      if (time == NULL)
        time = bulletin_article_get_updated (self->article);
    }
  if (time == NULL)
    return FALSE;

  date = bulletin_format_full_date (time);
  gtk_tooltip_set_text (tooltip, date);
  return TRUE;
}

static void
bulletin_headline_row_class_init (BulletinHeadlineRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bulletin_headline_row_dispose;
  object_class->get_property = bulletin_headline_row_get_property;
  object_class->set_property = bulletin_headline_row_set_property;
  widget_class->map = bulletin_headline_row_map;
  widget_class->unmap = bulletin_headline_row_unmap;

  properties[PROP_ARTICLE] =
    g_param_spec_object ("article", NULL, NULL, BULLETIN_TYPE_ARTICLE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (BULLETIN_TYPE_THUMBNAIL);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/bulletin-headline-row.ui");
  gtk_widget_class_bind_template_child (widget_class, BulletinHeadlineRow, thumbnail);
  gtk_widget_class_bind_template_child (widget_class, BulletinHeadlineRow, text_box);
  gtk_widget_class_bind_template_child (widget_class, BulletinHeadlineRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, BulletinHeadlineRow, meta_box);
  gtk_widget_class_bind_template_child (widget_class, BulletinHeadlineRow, unread_dot);
  gtk_widget_class_bind_template_child (widget_class, BulletinHeadlineRow, section_label);
  gtk_widget_class_bind_template_child (widget_class, BulletinHeadlineRow, separator_label);
  gtk_widget_class_bind_template_child (widget_class, BulletinHeadlineRow, time_label);
  gtk_widget_class_bind_template_callback (widget_class, query_tooltip_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "headline");
}

static void
bulletin_headline_row_init (BulletinHeadlineRow *self)
{
  BulletinApplication *app = get_app ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 12);
  bulletin_headline_row_update_read (self);

  if (app != NULL)
    {
      g_signal_connect_object (bulletin_application_get_save_queue (app), "progress",
                               G_CALLBACK (save_progress_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (bulletin_application_get_save_queue (app), "finished",
                               G_CALLBACK (save_finished_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (bulletin_application_get_bookmarks (app), "bookmark-toggled",
                               G_CALLBACK (bookmark_toggled_cb), self, G_CONNECT_SWAPPED);
    }
}
