/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-scroll"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <adwaita.h>

#include "bulletin-core.h"
#include "bulletin-headline-list.h"

/* Scrolls Bulletin's headline list over 10,000 headlines from top to
 * bottom, a screenful a frame, in a real window, and reads the frame
 * clock: the time from each frame's start to its "after-paint" (the work
 * of the frame) and between frames. The baseline, in the same run, is the
 * same scroll over a bare GtkListView of 10,000 labels. Needs a display
 * (skips with 77 without one). It prints figures; it asserts nothing.
 */

#define N_HEADLINES 10000
#define FLICK_ROWS 1500
#define FLICK_ROWS_PER_FRAME 3

typedef struct
{
  GtkAdjustment *adjustment;
  GArray        *work;       /* ms from frame start to after-paint */
  GArray        *intervals;  /* ms between after-paints */
  gint64         last_paint;
  guint          at_end;
  gboolean       done;
  double         step;
  double         stop;       /* where to stop, 0 for the end */
} Scroll;

static void
after_paint_cb (GdkFrameClock *clock,
                Scroll        *scroll)
{
  gint64 now = g_get_monotonic_time ();
  double work = (now - gdk_frame_clock_get_frame_time (clock)) / 1000.0;

  g_array_append_val (scroll->work, work);
  if (scroll->last_paint != 0)
    {
      double interval = (now - scroll->last_paint) / 1000.0;

      g_array_append_val (scroll->intervals, interval);
    }
  scroll->last_paint = now;
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  Scroll *scroll = user_data;
  double value = gtk_adjustment_get_value (scroll->adjustment);
  double end = gtk_adjustment_get_upper (scroll->adjustment) - gtk_adjustment_get_page_size (scroll->adjustment);

  if (scroll->stop > 0 && value >= scroll->stop)
    {
      scroll->done = TRUE;
      return G_SOURCE_REMOVE;
    }

  /* The list learns its height as it goes: the end is where it stays. */
  if (value >= end - 0.5)
    {
      if (++scroll->at_end >= 3)
        {
          scroll->done = TRUE;
          return G_SOURCE_REMOVE;
        }
    }
  else
    scroll->at_end = 0;

  gtk_adjustment_set_value (scroll->adjustment, MIN (value + scroll->step, end));
  return G_SOURCE_CONTINUE;
}

static GtkScrolledWindow *
find_scrolled_window (GtkWidget *widget)
{
  if (GTK_IS_SCROLLED_WINDOW (widget))
    return GTK_SCROLLED_WINDOW (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkScrolledWindow *found = find_scrolled_window (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static double
percentile (GArray *values,
            double  p)
{
  guint index;

  if (values->len == 0)
    return -1;
  g_array_sort (values, compare_doubles);
  index = (guint) (p * (values->len - 1) + 0.5);
  return g_array_index (values, double, MIN (index, values->len - 1));
}

static gboolean
count_down_cb (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       user_data)
{
  guint *frames = user_data;

  if (*frames > 0)
    (*frames)--;
  return *frames > 0 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

/* A tick callback keeps the frame clock running while it waits. */
static void
wait_frames (GtkWidget *widget,
             guint      frames)
{
  gtk_widget_add_tick_callback (widget, count_down_cb, &frames, NULL);
  while (frames > 0)
    g_main_context_iteration (NULL, TRUE);
}

/* Scrolls the scrolled window in @content top to bottom in a new window,
 * a screenful a frame when @rows_per_frame is 0 (the worst case: every row
 * of every frame is new), else that many rows a frame (a fast flick) over
 * the first @rows rows; gives the 95th percentile of the frame work. */
static void
run_scroll (const char *name,
            GtkWidget  *content,
            guint       rows_per_frame,
            guint       rows,
            double     *work_p95_out)
{
  GtkWidget *window = gtk_window_new ();
  GtkScrolledWindow *scrolled;
  GdkFrameClock *clock;
  Scroll scroll = { 0 };
  gulong handler;
  gint64 start;
  double seconds;

  gtk_window_set_default_size (GTK_WINDOW (window), 420, 800);
  gtk_window_set_child (GTK_WINDOW (window), content);
  gtk_window_present (GTK_WINDOW (window));

  while (!gtk_widget_get_mapped (content))
    g_main_context_iteration (NULL, TRUE);
  wait_frames (window, 10);

  scrolled = find_scrolled_window (content);
  if (scrolled == NULL)
    g_error ("%s: no scrolled window", name);
  scroll.adjustment = gtk_scrolled_window_get_vadjustment (scrolled);
  /* From the top, also for a list scrolled before */
  gtk_adjustment_set_value (scroll.adjustment, 0);
  wait_frames (window, 10);
  scroll.step = gtk_adjustment_get_page_size (scroll.adjustment);
  if (rows_per_frame > 0)
    {
      /* The list's estimate of a row's height, from the rows it has seen */
      double row = gtk_adjustment_get_upper (scroll.adjustment) / N_HEADLINES;

      scroll.step = rows_per_frame * row;
      scroll.stop = rows * row;
    }
  scroll.work = g_array_new (FALSE, FALSE, sizeof (double));
  scroll.intervals = g_array_new (FALSE, FALSE, sizeof (double));

  clock = gtk_widget_get_frame_clock (window);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &scroll);
  start = g_get_monotonic_time ();
  gtk_widget_add_tick_callback (content, tick_cb, &scroll, NULL);
  while (!scroll.done)
    g_main_context_iteration (NULL, TRUE);
  seconds = (g_get_monotonic_time () - start) / 1e6;
  g_signal_handler_disconnect (clock, handler);

  printf ("%-34s %5u frames in %5.1f s (%4.1f fps)  frame work: median %5.1f ms  p95 %5.1f ms  max %6.1f ms   between frames: p95 %5.1f ms  max %6.1f ms\n",
          name, scroll.work->len, seconds, scroll.work->len / seconds,
          percentile (scroll.work, 0.5), percentile (scroll.work, 0.95), percentile (scroll.work, 1.0),
          percentile (scroll.intervals, 0.95), percentile (scroll.intervals, 1.0));
  *work_p95_out = percentile (scroll.work, 0.95);

  g_array_unref (scroll.work);
  g_array_unref (scroll.intervals);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_top (label, 24);
  gtk_widget_set_margin_bottom (label, 24);
  gtk_list_item_set_child (item, label);
}

static void
bind_label_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), gtk_string_object_get_string (string));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GListStore) store = g_list_store_new (BULLETIN_TYPE_ARTICLE);
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
  g_autoptr(GDateTime) start = g_date_time_new_now_utc ();
  GtkWidget *headlines;
  GtkWidget *bare;
  GtkListItemFactory *factory;
  double ours, baseline;

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      printf ("no display: not measured (build-aux/dev bench runs this under Xvfb)\n");
      return 77;
    }

  gtk_init ();
  adw_init ();

  for (guint i = 0; i < N_HEADLINES; i++)
    {
      g_autoptr(BulletinArticle) article = bulletin_article_new ();
      g_autoptr(GDateTime) published = g_date_time_add_minutes (start, -(int) (3 * i));
      g_autofree char *title = g_strdup_printf ("Talks resume in Cairo as delegations weigh a new proposal on the ceasefire, %u", i);
      g_autofree char *url = g_strdup_printf ("https://english.almayadeen.net/news/politics/item-%u", i);

      bulletin_article_set_title (article, title);
      bulletin_article_set_url (article, url);
      bulletin_article_set_section (article, "politics");
      bulletin_article_set_section_title (article, "Politics");
      bulletin_article_set_published (article, published);
      bulletin_article_set_read (article, i % 3 == 0);
      g_list_store_append (store, article);
      gtk_string_list_append (strings, title);
    }

  printf ("scrolling %u headlines top to bottom, a screenful a frame, 420x800 window\n\n", N_HEADLINES);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_label_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_label_cb), NULL);
  bare = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (bare),
                                 gtk_list_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (strings)))),
                                                    factory));
  run_scroll ("bare GtkListView of labels", g_object_ref (bare), 0, 0, &baseline);

  headlines = bulletin_headline_list_new ();
  bulletin_headline_list_set_model (BULLETIN_HEADLINE_LIST (headlines), G_LIST_MODEL (store));
  run_scroll ("BulletinHeadlineList", g_object_ref (headlines), 0, 0, &ours);

  printf ("\nratio of the p95 frame work, headline list / bare list: %.2f\n", baseline > 0 ? ours / baseline : 0);

  /* A fast flick rather than a new screen every frame */
  printf ("\nscrolling the first %u headlines, %u rows a frame\n\n", FLICK_ROWS, FLICK_ROWS_PER_FRAME);
  run_scroll ("bare GtkListView of labels", bare, FLICK_ROWS_PER_FRAME, FLICK_ROWS, &baseline);
  run_scroll ("BulletinHeadlineList", headlines, FLICK_ROWS_PER_FRAME, FLICK_ROWS, &ours);
  printf ("\nratio of the p95 frame work, headline list / bare list: %.2f\n", baseline > 0 ? ours / baseline : 0);
  return 0;
}
