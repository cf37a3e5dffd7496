/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-scroll"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <time.h>
#include <sys/resource.h>
#include <adwaita.h>

#include "bulletin-core.h"
#include "bulletin-headline-list.h"

/* Scrolls Bulletin's headline list over 10,000 headlines from top to
 * bottom, a screenful a frame, in a real window, and reads the frame
 * clock: the time from each frame's start to its "after-paint" (the work
 * of the frame) and between frames. The baseline, in the same run, is the
 * same scroll over a bare GtkListView of 10,000 labels. Needs a display
 * (skips with 77 without one). It prints figures; it asserts nothing.
 *
 * A frame's wall time on a shared machine also holds time the thread did
 * not run: preempted, or waiting on the X server's replies (GDK asks it
 * about the window and its monitor every frame). So each run also gives
 * the main thread's CPU time a frame and, for every frame over 16 ms,
 * its CPU time and how often it was preempted. BENCH_SCROLL_TRACE=FILE
 * appends every frame: run, index, start (µs, monotonic, for `perf
 * record -k mono`), scroll position, ms to the end of layout and of
 * paint, wall ms, CPU ms, voluntary waits, preemptions, layout passes.
 */

#define N_HEADLINES 10000
#define FLICK_ROWS 1500
#define FLICK_ROWS_PER_FRAME 3

typedef struct
{
  double work;    /* ms from the frame's start to its after-paint */
  double cpu;     /* ms of the main thread's CPU time in that span */
  double layout;  /* ms from the frame's start to the end of its layout */
  double paint;   /* ms from the frame's start to the end of its paint */
  double value;   /* where the list was scrolled to */
  gint64 start;   /* the frame time, on the monotonic clock (µs) */
  guint  layouts; /* layout passes: GDK runs another, up to 4, while a
                   * pass queues a resize, and each asks the X server
                   * about the window and its monitor again */
  long   waits;   /* times the thread slept on its own (on the X server) */
  long   preempted; /* times the kernel gave its CPU to another */
} Frame;

typedef struct
{
  GtkAdjustment *adjustment;
  GArray        *work;       /* ms from frame start to after-paint */
  GArray        *intervals;  /* ms between after-paints */
  GArray        *frames;     /* Frame, in order */
  Frame          frame;      /* the one being made */
  double         cpu_start;
  struct rusage  usage_start;
  gint64         last_paint;
  guint          at_end;
  gboolean       done;
  double         step;
  double         stop;       /* where to stop, 0 for the end */
} Scroll;

/* The main thread's CPU time, in ms: on a loaded machine a frame's wall
 * time also holds the time the thread waited for a CPU. */
static double
thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static double
since_frame_start (GdkFrameClock *clock)
{
  return (g_get_monotonic_time () - gdk_frame_clock_get_frame_time (clock)) / 1000.0;
}

static void
before_paint_cb (GdkFrameClock *clock,
                 Scroll        *scroll)
{
  memset (&scroll->frame, 0, sizeof scroll->frame);
  scroll->frame.value = gtk_adjustment_get_value (scroll->adjustment);
  scroll->frame.start = gdk_frame_clock_get_frame_time (clock);
  scroll->cpu_start = thread_cpu_ms ();
  getrusage (RUSAGE_THREAD, &scroll->usage_start);
}

/* Connected after GTK's own handlers: they mark the end of each phase */
static void
layout_cb (GdkFrameClock *clock,
           Scroll        *scroll)
{
  scroll->frame.layout = since_frame_start (clock);
  scroll->frame.layouts++;
}

static void
paint_cb (GdkFrameClock *clock,
          Scroll        *scroll)
{
  scroll->frame.paint = since_frame_start (clock);
}

static void
after_paint_cb (GdkFrameClock *clock,
                Scroll        *scroll)
{
  gint64 now = g_get_monotonic_time ();
  double work = (now - gdk_frame_clock_get_frame_time (clock)) / 1000.0;
  struct rusage usage;

  getrusage (RUSAGE_THREAD, &usage);
  scroll->frame.waits = usage.ru_nvcsw - scroll->usage_start.ru_nvcsw;
  scroll->frame.preempted = usage.ru_nivcsw - scroll->usage_start.ru_nivcsw;
  scroll->frame.work = work;
  scroll->frame.cpu = thread_cpu_ms () - scroll->cpu_start;
  g_array_append_val (scroll->frames, scroll->frame);
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

/* Which frames were long, and what the thread did in them: its CPU time
 * against the wall's. BENCH_SCROLL_TRACE=FILE appends every frame. */
static void
report_frames (const char *name,
               GArray     *frames)
{
  const char *trace = g_getenv ("BENCH_SCROLL_TRACE");
  g_autoptr(GArray) cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GString) long_frames = g_string_new (NULL);
  guint n_long = 0;

  for (guint i = 0; i < frames->len; i++)
    {
      Frame *frame = &g_array_index (frames, Frame, i);

      g_array_append_val (cpu, frame->cpu);
      if (frame->work > 16)
        {
          if (n_long++ < 8)
            g_string_append_printf (long_frames, " #%u %.1f (cpu %.1f, preempted %ld)",
                                    i, frame->work, frame->cpu, frame->preempted);
        }
    }

  printf ("%-34s main thread CPU a frame: median %5.1f ms  p95 %5.1f ms  max %6.1f ms; frames over 16 ms: %u%s%s\n",
          "", percentile (cpu, 0.5), percentile (cpu, 0.95), percentile (cpu, 1.0),
          n_long, n_long > 0 ? ":" : "", long_frames->str);

  if (trace != NULL)
    {
      FILE *file = fopen (trace, "a");

      if (file == NULL)
        g_error ("%s: %s", trace, g_strerror (errno));
      for (guint i = 0; i < frames->len; i++)
        {
          Frame *frame = &g_array_index (frames, Frame, i);

          fprintf (file, "%s\t%u\t%" G_GINT64_FORMAT "\t%.0f\t%.2f\t%.2f\t%.2f\t%.2f\t%ld\t%ld\t%u\n",
                   name, i, frame->start, frame->value,
                   frame->layout, frame->paint, frame->work, frame->cpu, frame->waits, frame->preempted,
                   frame->layouts);
        }
      fclose (file);
    }
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
  gulong handlers[4];
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
  scroll.frames = g_array_new (FALSE, FALSE, sizeof (Frame));

  clock = gtk_widget_get_frame_clock (window);
  handlers[0] = g_signal_connect (clock, "before-paint", G_CALLBACK (before_paint_cb), &scroll);
  handlers[1] = g_signal_connect (clock, "layout", G_CALLBACK (layout_cb), &scroll);
  handlers[2] = g_signal_connect (clock, "paint", G_CALLBACK (paint_cb), &scroll);
  handlers[3] = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &scroll);
  start = g_get_monotonic_time ();
  gtk_widget_add_tick_callback (content, tick_cb, &scroll, NULL);
  while (!scroll.done)
    g_main_context_iteration (NULL, TRUE);
  seconds = (g_get_monotonic_time () - start) / 1e6;
  for (guint i = 0; i < G_N_ELEMENTS (handlers); i++)
    g_signal_handler_disconnect (clock, handlers[i]);

  printf ("%-34s %5u frames in %5.1f s (%4.1f fps)  frame work: median %5.1f ms  p95 %5.1f ms  max %6.1f ms   between frames: p95 %5.1f ms  max %6.1f ms\n",
          name, scroll.work->len, seconds, scroll.work->len / seconds,
          percentile (scroll.work, 0.5), percentile (scroll.work, 0.95), percentile (scroll.work, 1.0),
          percentile (scroll.intervals, 0.95), percentile (scroll.intervals, 1.0));
  *work_p95_out = percentile (scroll.work, 0.95);
  report_frames (name, scroll.frames);

  g_array_unref (scroll.frames);
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
