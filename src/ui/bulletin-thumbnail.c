/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bulletin-thumbnail"

#include "config.h"

#include <math.h>

#include "bulletin-thumbnail.h"

/* A headline's picture, 72×72, or a placeholder icon until it has one.
 *
 * One widget that draws either, where the row had two clamps, a stack, an
 * image and a picture: a headline row is made, styled, measured and drawn
 * again and again while the list scrolls, and the first screenful of them
 * is on the way to the first frame. It draws what they drew: the picture
 * scaled to cover the square and centred (GtkPicture's "cover"), the
 * symbolic icon at 24 px in the middle, the rounded corners and the
 * background from the CSS (its node is "thumbnail", its overflow hidden),
 * and a cross-fade from the icon to a picture that comes late. */

#define SIZE 72
#define ICON_SIZE 24
#define ICON_NAME "image-x-generic-symbolic"
/* The icon is drawn in the widget's colour at this opacity, as the CSS
 * had the placeholder image's (alpha (currentColor, 0.35)) */
#define ICON_ALPHA 0.35
/* GtkStack's cross-fade, which the thumbnail was before */
#define FADE_DURATION_US (200 * G_TIME_SPAN_MILLISECOND)

struct _BulletinThumbnail
{
  GtkWidget   parent_instance;

  GdkTexture *texture;
  guint       fade_id;      /* tick callback of a cross-fade under way */
  gint64      fade_start;   /* its first frame's time, 0 until then */
  double      fade_progress;
};

G_DEFINE_FINAL_TYPE (BulletinThumbnail, bulletin_thumbnail, GTK_TYPE_WIDGET)

GtkWidget *
bulletin_thumbnail_new (void)
{
  return g_object_new (BULLETIN_TYPE_THUMBNAIL, NULL);
}

GdkTexture *
bulletin_thumbnail_get_texture (BulletinThumbnail *self)
{
  g_return_val_if_fail (BULLETIN_IS_THUMBNAIL (self), NULL);

  return self->texture;
}

/**
 * bulletin_thumbnail_is_fading:
 * @self: a thumbnail
 *
 * Returns: whether its picture is still fading in over the placeholder
 */
gboolean
bulletin_thumbnail_is_fading (BulletinThumbnail *self)
{
  g_return_val_if_fail (BULLETIN_IS_THUMBNAIL (self), FALSE);

  return self->fade_id != 0;
}

static void
stop_fade (BulletinThumbnail *self)
{
  if (self->fade_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->fade_id);
  self->fade_id = 0;
  self->fade_start = 0;
  self->fade_progress = 1;
}

static gboolean
fade_tick_cb (GtkWidget     *widget,
              GdkFrameClock *clock,
              gpointer       user_data)
{
  BulletinThumbnail *self = BULLETIN_THUMBNAIL (widget);
  gint64 now = gdk_frame_clock_get_frame_time (clock);

  if (self->fade_start == 0)
    self->fade_start = now;

  self->fade_progress = (double) (now - self->fade_start) / FADE_DURATION_US;
  gtk_widget_queue_draw (widget);

  if (self->fade_progress < 1)
    return G_SOURCE_CONTINUE;

  self->fade_id = 0;
  self->fade_start = 0;
  self->fade_progress = 1;
  return G_SOURCE_REMOVE;
}

static gboolean
animations_enabled (GtkWidget *widget)
{
  gboolean enabled = TRUE;

  g_object_get (gtk_widget_get_settings (widget), "gtk-enable-animations", &enabled, NULL);
  return enabled;
}

/**
 * bulletin_thumbnail_set_texture:
 * @self: a thumbnail
 * @texture: (nullable): the picture, or %NULL for the placeholder
 * @fade: whether a picture fades in over the placeholder (one that has
 *   just loaded), rather than showing at once (a recycled row's)
 *
 * Shows @texture, or the placeholder.
 */
void
bulletin_thumbnail_set_texture (BulletinThumbnail *self,
                                GdkTexture        *texture,
                                gboolean           fade)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean had_texture;

  g_return_if_fail (BULLETIN_IS_THUMBNAIL (self));
  g_return_if_fail (texture == NULL || GDK_IS_TEXTURE (texture));

  if (self->texture == texture)
    return;

  had_texture = self->texture != NULL;
  g_set_object (&self->texture, texture);
  stop_fade (self);

  /* As the stack did: only from the placeholder to a picture, on screen */
  if (fade && texture != NULL && !had_texture &&
      gtk_widget_get_mapped (widget) && animations_enabled (widget))
    {
      self->fade_progress = 0;
      self->fade_id = gtk_widget_add_tick_callback (widget, fade_tick_cb, NULL, NULL);
    }

  gtk_widget_queue_draw (widget);
}

static void
snapshot_placeholder (BulletinThumbnail *self,
                      GtkSnapshot       *snapshot,
                      int                width,
                      int                height)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (widget));
  g_autoptr(GtkIconPaintable) icon = NULL;
  GdkRGBA color;

  /* The theme keeps the icons it looked up: no need to hold one here */
  icon = gtk_icon_theme_lookup_icon (theme, ICON_NAME, NULL, ICON_SIZE,
                                     gtk_widget_get_scale_factor (widget),
                                     gtk_widget_get_direction (widget), 0);
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  color.alpha *= ICON_ALPHA;

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((width - ICON_SIZE) / 2, (height - ICON_SIZE) / 2));
  gtk_symbolic_paintable_snapshot_symbolic (GTK_SYMBOLIC_PAINTABLE (icon), snapshot,
                                            ICON_SIZE, ICON_SIZE, &color, 1);
  gtk_snapshot_restore (snapshot);
}

/* Scaled to cover the square, centred, as GtkPicture's "cover" places it */
static void
snapshot_texture (BulletinThumbnail *self,
                  GtkSnapshot       *snapshot,
                  int                width,
                  int                height)
{
  double ratio = gdk_paintable_get_intrinsic_aspect_ratio (GDK_PAINTABLE (self->texture));
  double w = width, h = height;
  int x, y;

  if (ratio > (double) width / height)
    w = height * ratio;
  else if (ratio > 0)
    h = width / ratio;

  x = (width - ceil (w)) / 2;
  y = floor (height - ceil (h)) / 2;

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gdk_paintable_snapshot (GDK_PAINTABLE (self->texture), snapshot, w, h);
  gtk_snapshot_restore (snapshot);
}

static void
bulletin_thumbnail_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  BulletinThumbnail *self = BULLETIN_THUMBNAIL (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (width <= 0 || height <= 0)
    return;

  if (self->texture == NULL)
    {
      snapshot_placeholder (self, snapshot, width, height);
      return;
    }

  if (self->fade_id == 0)
    {
      snapshot_texture (self, snapshot, width, height);
      return;
    }

  gtk_snapshot_push_cross_fade (snapshot, CLAMP (self->fade_progress, 0, 1));
  snapshot_placeholder (self, snapshot, width, height);
  gtk_snapshot_pop (snapshot);
  snapshot_texture (self, snapshot, width, height);
  gtk_snapshot_pop (snapshot);
}

/* 72×72 whatever the picture's own size */
static void
bulletin_thumbnail_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  *minimum = *natural = SIZE;
}

static GtkSizeRequestMode
bulletin_thumbnail_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_CONSTANT_SIZE;
}

static void
bulletin_thumbnail_unmap (GtkWidget *widget)
{
  stop_fade (BULLETIN_THUMBNAIL (widget));

  GTK_WIDGET_CLASS (bulletin_thumbnail_parent_class)->unmap (widget);
}

static void
bulletin_thumbnail_dispose (GObject *object)
{
  BulletinThumbnail *self = BULLETIN_THUMBNAIL (object);

  stop_fade (self);
  g_clear_object (&self->texture);

  G_OBJECT_CLASS (bulletin_thumbnail_parent_class)->dispose (object);
}

static void
bulletin_thumbnail_class_init (BulletinThumbnailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bulletin_thumbnail_dispose;
  widget_class->snapshot = bulletin_thumbnail_snapshot;
  widget_class->measure = bulletin_thumbnail_measure;
  widget_class->get_request_mode = bulletin_thumbnail_get_request_mode;
  widget_class->unmap = bulletin_thumbnail_unmap;

  gtk_widget_class_set_css_name (widget_class, "thumbnail");
  /* The headline's name says what the row is; its picture adds nothing */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);
}

static void
bulletin_thumbnail_init (BulletinThumbnail *self)
{
  self->fade_progress = 1;

  /* The rounded corners clip the picture */
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
}
