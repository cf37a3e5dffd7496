/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-headline-row"

#include "config.h"

#include "bulletin-headline-row.h"
#include "bulletin-thumbnail.h"

#include "display-utils.h"

/* One headline row in a window of its own: what it is made of, the
 * saving progress and the saved marker it makes when they are needed, and
 * what its thumbnail draws. */

static BulletinApplication *app;

typedef struct
{
  GtkWidget       *window;
  GtkWidget       *row;
  BulletinArticle *article;
} Fixture;

static BulletinArticle *
article_new (const char *url)
{
  BulletinArticle *article = bulletin_article_new ();

  bulletin_article_set_url (article, url);
  bulletin_article_set_title (article, "Council approves the new tram line");
  bulletin_article_set_section_title (article, "City");

  return article;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->article = article_new ("https://example.com/tram");
  fixture->row = bulletin_headline_row_new ();
  bulletin_headline_row_set_article (BULLETIN_HEADLINE_ROW (fixture->row), fixture->article);

  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 420, 100);
  gtk_window_set_child (GTK_WINDOW (fixture->window), fixture->row);
  gtk_window_present (GTK_WINDOW (fixture->window));
  g_assert_true (display_wait_for (display_widget_mapped, fixture->row));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  BulletinBookmarks *bookmarks = bulletin_application_get_bookmarks (app);

  bulletin_bookmarks_remove (bookmarks, bulletin_article_get_url (fixture->article));
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->article);
  display_settle (20);
}

static guint
count_type (GtkWidget *widget,
            GType      type)
{
  guint n = G_TYPE_CHECK_INSTANCE_TYPE (widget, type) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_type (child, type);

  return n;
}

static void
emit_progress (const char *url,
               double      fraction)
{
  g_signal_emit_by_name (bulletin_application_get_save_queue (app), "progress", url, fraction);
}

/* The label that says "Saving…", beside the bar */
static GtkWidget *
saving_label (GtkWidget *progress)
{
  GtkWidget *label = gtk_widget_get_next_sibling (progress);

  return GTK_IS_LABEL (label) ? label : NULL;
}

/* A plain row is a thumbnail and its text: no saving progress, no saved
 * marker, nothing of the stack and clamps it was made of */
static void
test_row_widgets (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkWidget *thumbnail = display_find_type (fixture->row, BULLETIN_TYPE_THUMBNAIL);

  g_assert_nonnull (thumbnail);
  g_assert_true (gtk_widget_get_parent (thumbnail) == fixture->row);
  g_assert_cmpint (gtk_widget_get_width (thumbnail), ==, 72);
  g_assert_cmpint (gtk_widget_get_height (thumbnail), ==, 72);
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (thumbnail)), ==,
                   GTK_ACCESSIBLE_ROLE_PRESENTATION);

  g_assert_cmpuint (count_type (fixture->row, GTK_TYPE_PROGRESS_BAR), ==, 0);
  g_assert_cmpuint (count_type (fixture->row, GTK_TYPE_IMAGE), ==, 0);
  g_assert_cmpuint (count_type (fixture->row, GTK_TYPE_STACK), ==, 0);
  g_assert_cmpuint (count_type (fixture->row, GTK_TYPE_PICTURE), ==, 0);
  g_assert_cmpuint (count_type (fixture->row, GTK_TYPE_WIDGET), <=, 10);
}

/* The saving box comes with the first progress, follows it, and goes when
 * the save ends or the row is bound to another headline */
static void
test_row_saving (Fixture       *fixture,
                 gconstpointer  data)
{
  const char *url = bulletin_article_get_url (fixture->article);
  g_autoptr(BulletinArticle) other = article_new ("https://example.com/other");
  GtkWidget *progress;

  /* Another headline's save is not this row's */
  emit_progress ("https://example.com/other", 0.5);
  g_assert_null (display_find_type (fixture->row, GTK_TYPE_PROGRESS_BAR));

  emit_progress (url, 0.25);
  progress = display_find_type (fixture->row, GTK_TYPE_PROGRESS_BAR);
  g_assert_nonnull (progress);
  g_assert_cmpfloat (gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (progress)), ==, 0.25);
  g_assert_nonnull (saving_label (progress));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (saving_label (progress))), ==, "Saving…");
  g_assert_true (display_wait_for (display_widget_mapped, progress));

  /* The same bar moves on */
  emit_progress (url, 0.75);
  g_assert_true (display_find_type (fixture->row, GTK_TYPE_PROGRESS_BAR) == progress);
  g_assert_cmpfloat (gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (progress)), ==, 0.75);

  /* Finished: gone */
  g_signal_emit_by_name (bulletin_application_get_save_queue (app), "finished", url, NULL);
  g_assert_null (display_find_type (fixture->row, GTK_TYPE_PROGRESS_BAR));

  /* Done (a fraction of 1) is gone too */
  emit_progress (url, 0.5);
  g_assert_nonnull (display_find_type (fixture->row, GTK_TYPE_PROGRESS_BAR));
  emit_progress (url, 1);
  g_assert_null (display_find_type (fixture->row, GTK_TYPE_PROGRESS_BAR));

  /* A row recycled for another headline does not keep it */
  emit_progress (url, 0.5);
  g_assert_nonnull (display_find_type (fixture->row, GTK_TYPE_PROGRESS_BAR));
  bulletin_headline_row_set_article (BULLETIN_HEADLINE_ROW (fixture->row), other);
  g_assert_null (display_find_type (fixture->row, GTK_TYPE_PROGRESS_BAR));
}

/* The saved marker is made when the headline is first saved, and hidden
 * when it is no longer */
static void
test_row_saved (Fixture       *fixture,
                gconstpointer  data)
{
  BulletinBookmarks *bookmarks = bulletin_application_get_bookmarks (app);
  const char *url = bulletin_article_get_url (fixture->article);
  GtkWidget *marker;

  g_assert_null (display_find_type (fixture->row, GTK_TYPE_IMAGE));

  bulletin_bookmarks_add (bookmarks, fixture->article, "demo");
  marker = display_find_type (fixture->row, GTK_TYPE_IMAGE);
  g_assert_nonnull (marker);
  g_assert_true (gtk_widget_has_css_class (marker, "saved-marker"));
  g_assert_cmpstr (gtk_image_get_icon_name (GTK_IMAGE (marker)), ==, "user-bookmarks-symbolic");
  g_assert_true (gtk_widget_get_has_tooltip (marker));
  g_assert_true (display_wait_for (display_widget_mapped, marker));

  g_assert_true (bulletin_bookmarks_remove (bookmarks, url));
  g_assert_false (gtk_widget_get_visible (marker));

  /* Saved again: the same marker, shown */
  bulletin_bookmarks_add (bookmarks, fixture->article, "demo");
  g_assert_true (display_find_type (fixture->row, GTK_TYPE_IMAGE) == marker);
  g_assert_true (gtk_widget_get_visible (marker));
  g_assert_cmpuint (count_type (fixture->row, GTK_TYPE_IMAGE), ==, 1);
}

/* A solid red picture, twice as wide as tall */
static GdkTexture *
red_texture_new (void)
{
  static const guint8 red[] = {
    0xff, 0x00, 0x00, 0xff, 0xff, 0x00, 0x00, 0xff, 0xff, 0x00, 0x00, 0xff, 0xff, 0x00, 0x00, 0xff,
    0xff, 0x00, 0x00, 0xff, 0xff, 0x00, 0x00, 0xff, 0xff, 0x00, 0x00, 0xff, 0xff, 0x00, 0x00, 0xff,
  };
  g_autoptr(GBytes) bytes = g_bytes_new_static (red, sizeof red);

  return gdk_memory_texture_new (4, 2, GDK_MEMORY_R8G8B8A8, bytes, 16);
}

/* What the widget draws, as ARGB32 (B, G, R, A in memory here) */
static guint8 *
render (GtkWidget *widget,
        int       *stride)
{
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  guint8 *data;

  /* Drawn once on screen first: the paintable shows what was drawn */
  display_settle (200);
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  *stride = width * 4;
  data = g_malloc (*stride * height);
  gdk_texture_download (texture, data, *stride);

  return data;
}

static gboolean
is_red (const guint8 *data,
        int           stride,
        int           x,
        int           y)
{
  const guint8 *pixel = data + y * stride + x * 4;

  return pixel[2] == 0xff && pixel[1] == 0 && pixel[0] == 0 && pixel[3] == 0xff;
}

/* The picture covers the square, within rounded corners; without one,
 * the placeholder */
static void
test_thumbnail_draws (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWidget *thumbnail = display_find_type (fixture->row, BULLETIN_TYPE_THUMBNAIL);
  g_autoptr(GdkTexture) texture = red_texture_new ();
  g_autofree guint8 *placeholder = NULL;
  g_autofree guint8 *picture = NULL;
  int stride;

  g_assert_null (bulletin_thumbnail_get_texture (BULLETIN_THUMBNAIL (thumbnail)));
  placeholder = render (thumbnail, &stride);
  g_assert_false (is_red (placeholder, stride, 36, 36));

  bulletin_thumbnail_set_texture (BULLETIN_THUMBNAIL (thumbnail), texture, FALSE);
  g_assert_true (bulletin_thumbnail_get_texture (BULLETIN_THUMBNAIL (thumbnail)) == texture);
  g_assert_false (bulletin_thumbnail_is_fading (BULLETIN_THUMBNAIL (thumbnail)));
  picture = render (thumbnail, &stride);
  /* Covered: the middle, the middle of each edge; cut: the corners */
  g_assert_true (is_red (picture, stride, 36, 36));
  g_assert_true (is_red (picture, stride, 0, 36));
  g_assert_true (is_red (picture, stride, 71, 36));
  g_assert_true (is_red (picture, stride, 36, 0));
  g_assert_true (is_red (picture, stride, 36, 71));
  g_assert_false (is_red (picture, stride, 0, 0));
  g_assert_false (is_red (picture, stride, 71, 71));
}

static gboolean
fade_done (gpointer data)
{
  return !bulletin_thumbnail_is_fading (BULLETIN_THUMBNAIL (data));
}

/* A picture that loads late fades in over the placeholder; a recycled
 * row's shows at once */
static void
test_thumbnail_fades (Fixture       *fixture,
                      gconstpointer  data)
{
  BulletinThumbnail *thumbnail = BULLETIN_THUMBNAIL (display_find_type (fixture->row, BULLETIN_TYPE_THUMBNAIL));
  g_autoptr(GdkTexture) texture = red_texture_new ();
  g_autoptr(GdkTexture) other = red_texture_new ();

  g_object_set (gtk_widget_get_settings (GTK_WIDGET (thumbnail)), "gtk-enable-animations", TRUE, NULL);

  bulletin_thumbnail_set_texture (thumbnail, texture, TRUE);
  g_assert_true (bulletin_thumbnail_is_fading (thumbnail));
  g_assert_true (display_wait_for (fade_done, thumbnail));
  g_assert_true (bulletin_thumbnail_get_texture (thumbnail) == texture);

  /* From one picture to the next: no fade */
  bulletin_thumbnail_set_texture (thumbnail, other, TRUE);
  g_assert_false (bulletin_thumbnail_is_fading (thumbnail));

  /* Nor when told not to, nor to the placeholder */
  bulletin_thumbnail_set_texture (thumbnail, NULL, TRUE);
  g_assert_false (bulletin_thumbnail_is_fading (thumbnail));
  bulletin_thumbnail_set_texture (thumbnail, texture, FALSE);
  g_assert_false (bulletin_thumbnail_is_fading (thumbnail));

  /* Taken off screen, it stops */
  bulletin_thumbnail_set_texture (thumbnail, NULL, FALSE);
  bulletin_thumbnail_set_texture (thumbnail, texture, TRUE);
  g_assert_true (bulletin_thumbnail_is_fading (thumbnail));
  gtk_widget_set_visible (fixture->row, FALSE);
  g_assert_false (bulletin_thumbnail_is_fading (thumbnail));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  display_block_network ();
  display_init (&argc, &argv, "test-headline-row");
  app = display_application_new ();

  g_test_add ("/headline-row/widgets", Fixture, NULL, fixture_set_up, test_row_widgets, fixture_tear_down);
  g_test_add ("/headline-row/saving", Fixture, NULL, fixture_set_up, test_row_saving, fixture_tear_down);
  g_test_add ("/headline-row/saved", Fixture, NULL, fixture_set_up, test_row_saved, fixture_tear_down);
  g_test_add ("/headline-row/thumbnail/draws", Fixture, NULL, fixture_set_up, test_thumbnail_draws, fixture_tear_down);
  g_test_add ("/headline-row/thumbnail/fades", Fixture, NULL, fixture_set_up, test_thumbnail_fades, fixture_tear_down);

  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
