/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-startup"

#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <gio/gio.h>
#include <glib/gstdio.h>

/* Times Bulletin's start-up, from exec to the first headline row on
 * screen, on the demo edition, against a minimal libadwaita window with
 * one label, started the same way in the same run.
 *
 * Neither program is changed for the measure: each logs debug messages
 * (the app "First headline shown" when the first headline row is mapped
 * and "First headline drawn" when the frame that draws it is painted; the
 * baseline "Minimal window shown" when its label is mapped and "Minimal
 * window drawn" after its first frame), and this program, with
 * G_MESSAGES_DEBUG set to those domains, times from spawn to the lines.
 * Both are printed: "drawn" is the honest one (GTK 4.8's list view maps a
 * row as soon as it makes it, before the frame that lays it out and
 * paints it, and the baseline's label is mapped before its first frame
 * too); "shown" is the measure of the earlier figures.
 *
 * Cold: a fresh XDG_CACHE_HOME (and data and config directories), so no
 * kept headlines, no thumbnails, no WebKit or font caches of our own; the
 * system's page cache stays warm, that is not ours to drop. Warm: the
 * directories of an earlier run.
 *
 * Usage: bench-startup BULLETIN MINIMAL-WINDOW MINIMAL-WEBVIEW. Needs a display (skips
 * with 77 without one); `build-aux/dev bench` gives it Xvfb. It prints
 * figures; it asserts nothing about time.
 */

#define TIMEOUT_SECONDS 60

typedef struct
{
  GMainLoop        *loop;
  GDataInputStream *input;
  GCancellable     *cancellable;
  const char       *mark;
  const char       *drawn_mark;
  gint64            found;
  gint64            drawn;
  guint             drawn_timeout_id;
  gboolean          timed_out;
  GPtrArray        *tail;      /* the last lines, to show when the mark never came */
} Run;

static gboolean
drawn_timeout_cb (gpointer user_data)
{
  Run *run = user_data;

  /* A program without the second mark (an older build) */
  run->drawn_timeout_id = 0;
  g_main_loop_quit (run->loop);
  return G_SOURCE_REMOVE;
}

static void
read_line_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Run *run = user_data;
  g_autofree char *line = NULL;
  g_autoptr(GError) error = NULL;
  gint64 now = g_get_monotonic_time ();

  line = g_data_input_stream_read_line_finish_utf8 (run->input, result, NULL, &error);
  if (line == NULL)
    {
      if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_printerr ("reading the program's output: %s\n", error->message);
      g_main_loop_quit (run->loop);
      return;
    }

  if (run->found == 0 && strstr (line, run->mark) != NULL)
    {
      run->found = now;
      run->drawn_timeout_id = g_timeout_add_seconds (3, drawn_timeout_cb, run);
    }
  else if (run->found != 0 && strstr (line, run->drawn_mark) != NULL)
    {
      run->drawn = now;
      g_main_loop_quit (run->loop);
      return;
    }

  /* Only warnings and the marks are wanted on the terminal. */
  if (strstr (line, "WARNING") != NULL || strstr (line, "CRITICAL") != NULL)
    g_printerr ("  | %s\n", line);
  if (run->tail->len >= 8)
    g_ptr_array_remove_index (run->tail, 0);
  g_ptr_array_add (run->tail, g_steal_pointer (&line));

  g_data_input_stream_read_line_async (run->input, G_PRIORITY_DEFAULT, run->cancellable, read_line_cb, run);
}

static gboolean
timeout_cb (gpointer user_data)
{
  Run *run = user_data;

  run->timed_out = TRUE;
  g_main_loop_quit (run->loop);
  return G_SOURCE_REMOVE;
}

/* Milliseconds from spawn to @mark, or -1 when it never came; and in
 * @drawn_ms to @drawn_mark (-1 when it never came). */
static double
run_once (const char * const *argv,
          const char         *domains,
          const char         *mark,
          const char         *drawn_mark,
          const char         *home,
          double             *drawn_ms)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                       G_SUBPROCESS_FLAGS_STDERR_MERGE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *cache = g_build_filename (home, "cache", NULL);
  g_autofree char *data = g_build_filename (home, "data", NULL);
  g_autofree char *config = g_build_filename (home, "config", NULL);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GPtrArray) tail = g_ptr_array_new_with_free_func (g_free);
  Run run = { loop, NULL, cancellable, mark, drawn_mark, 0, 0, 0, FALSE, tail };
  guint timeout_id;
  gint64 start;

  g_subprocess_launcher_setenv (launcher, "G_MESSAGES_DEBUG", domains, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CACHE_HOME", cache, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", config, TRUE);
  /* A critical of the app's must not end the measure. */
  g_subprocess_launcher_unsetenv (launcher, "G_DEBUG");

  start = g_get_monotonic_time ();
  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  if (process == NULL)
    g_error ("Cannot start %s: %s", argv[0], error->message);

  run.input = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  g_data_input_stream_read_line_async (run.input, G_PRIORITY_DEFAULT, cancellable, read_line_cb, &run);
  timeout_id = g_timeout_add_seconds (TIMEOUT_SECONDS, timeout_cb, &run);

  g_main_loop_run (loop);

  g_clear_handle_id (&timeout_id, g_source_remove);
  g_clear_handle_id (&run.drawn_timeout_id, g_source_remove);
  g_cancellable_cancel (cancellable);
  /* Let the cancelled read come back before the stream goes. */
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_subprocess_send_signal (process, SIGTERM);
  g_subprocess_wait (process, NULL, NULL);
  g_clear_object (&run.input);

  if (run.found == 0)
    {
      g_printerr ("%s: no “%s” within %d s%s; its last words:\n", argv[0], mark, TIMEOUT_SECONDS,
                  run.timed_out ? "" : " (it exited)");
      for (guint i = 0; i < tail->len; i++)
        g_printerr ("  | %s\n", (const char *) g_ptr_array_index (tail, i));
      return -1;
    }

  if (drawn_ms != NULL)
    *drawn_ms = run.drawn != 0 ? (run.drawn - start) / 1000.0 : -1;

  return (run.found - start) / 1000.0;
}

static char *
make_home (void)
{
  g_autoptr(GError) error = NULL;
  char *home = g_dir_make_tmp ("bench-startup-XXXXXX", &error);

  if (home == NULL)
    g_error ("%s", error->message);
  return home;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, g_file_info_get_name (info), NULL);

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        remove_tree (child);
      else
        g_unlink (child);
      g_object_unref (info);
    }
  g_rmdir (path);
}

typedef struct
{
  const char         *name;
  const char * const *argv;
  const char         *domains;
  const char         *mark;
  const char         *drawn_mark;
  gboolean            cold;
  char               *warm_home;
  GArray             *times;
  GArray             *drawn_times;
} Subject;

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static double
median (GArray *times)
{
  if (times->len == 0)
    return -1;
  g_array_sort (times, compare_doubles);
  return g_array_index (times, double, times->len / 2);
}

static void
measure (Subject *subject)
{
  double ms, drawn_ms = -1;

  if (subject->cold)
    {
      g_autofree char *home = make_home ();

      ms = run_once (subject->argv, subject->domains, subject->mark, subject->drawn_mark, home, &drawn_ms);
      remove_tree (home);
    }
  else
    {
      ms = run_once (subject->argv, subject->domains, subject->mark, subject->drawn_mark,
                     subject->warm_home, &drawn_ms);
    }

  if (ms >= 0)
    g_array_append_val (subject->times, ms);
  if (drawn_ms >= 0)
    g_array_append_val (subject->drawn_times, drawn_ms);
}

int
main (int   argc,
      char *argv[])
{
  const char *env_iterations = g_getenv ("BENCH_ITERATIONS");
  guint iterations = env_iterations != NULL ? (guint) atoi (env_iterations) : 5;
  const char *app_argv[] = { NULL, "--edition", "demo", NULL };
  const char *minimal_argv[] = { NULL, NULL };
  const char *webview_argv[] = { NULL, NULL };
  Subject subjects[] = {
    { "minimal window, cold", minimal_argv, "bench-minimal-window", "Minimal window shown", "Minimal window drawn", TRUE },
    { "Bulletin, cold", app_argv, "bulletin-headline-row", "First headline shown", "First headline drawn", TRUE },
    { "minimal window, warm", minimal_argv, "bench-minimal-window", "Minimal window shown", "Minimal window drawn", FALSE },
    { "Bulletin, warm", app_argv, "bulletin-headline-row", "First headline shown", "First headline drawn", FALSE },
    { "minimal + WebKitWebView, warm", webview_argv, "bench-minimal-window", "Minimal window shown", "Minimal window drawn", FALSE },
  };
  double cold_base, cold_app, warm_base, warm_app, warm_webview;

  if (argc != 4)
    {
      g_printerr ("Usage: %s BULLETIN MINIMAL-WINDOW MINIMAL-WEBVIEW\n", argv[0]);
      return 2;
    }

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      printf ("no display: not measured (build-aux/dev bench runs this under Xvfb)\n");
      return 77;
    }

  iterations = MAX (iterations, 1);
  app_argv[0] = argv[1];
  minimal_argv[0] = argv[2];
  webview_argv[0] = argv[3];

  for (guint s = 0; s < G_N_ELEMENTS (subjects); s++)
    {
      subjects[s].times = g_array_new (FALSE, FALSE, sizeof (double));
      subjects[s].drawn_times = g_array_new (FALSE, FALSE, sizeof (double));
      if (!subjects[s].cold)
        {
          /* The run that fills the caches is not counted. */
          subjects[s].warm_home = make_home ();
          run_once (subjects[s].argv, subjects[s].domains, subjects[s].mark, subjects[s].drawn_mark,
                    subjects[s].warm_home, NULL);
        }
    }

  /* Interleaved, so that load from elsewhere falls on all alike. */
  for (guint i = 0; i < iterations; i++)
    for (guint s = 0; s < G_N_ELEMENTS (subjects); s++)
      measure (&subjects[s]);

  for (guint pass = 0; pass < 2; pass++)
    {
      gboolean drawn = pass == 1;

      if (drawn)
        printf ("\nstart-up, exec to the end of the frame that paints the first headline row (Bulletin --edition demo) "
                "or the label (baseline); median of %u runs\n\n", iterations);
      else
        printf ("start-up, exec to first headline row mapped (Bulletin --edition demo) or to the label mapped "
                "(baseline), the measure of the earlier figures; median of %u runs\n\n", iterations);

      for (guint s = 0; s < G_N_ELEMENTS (subjects); s++)
        {
          GArray *times = drawn ? subjects[s].drawn_times : subjects[s].times;
          double mid = median (times);

          printf ("%-32s median %7.1f ms  min %7.1f ms  max %7.1f ms  (%u runs)\n",
                  subjects[s].name, mid,
                  times->len > 0 ? g_array_index (times, double, 0) : -1,
                  times->len > 0 ? g_array_index (times, double, times->len - 1) : -1, times->len);
        }

      cold_base = median (drawn ? subjects[0].drawn_times : subjects[0].times);
      cold_app = median (drawn ? subjects[1].drawn_times : subjects[1].times);
      warm_base = median (drawn ? subjects[2].drawn_times : subjects[2].times);
      warm_app = median (drawn ? subjects[3].drawn_times : subjects[3].times);
      warm_webview = median (drawn ? subjects[4].drawn_times : subjects[4].times);

      printf ("\nratio Bulletin / minimal window (%s): cold %.2f, warm %.2f\n", drawn ? "drawn" : "mapped",
              cold_base > 0 ? cold_app / cold_base : 0, warm_base > 0 ? warm_app / warm_base : 0);
      printf ("cost of a WebKitWebView in the window (warm, %s): %+.1f ms (ratio %.2f)\n", drawn ? "drawn" : "mapped",
              warm_webview - warm_base, warm_base > 0 ? warm_webview / warm_base : 0);
    }

  for (guint s = 0; s < G_N_ELEMENTS (subjects); s++)
    {
      if (subjects[s].warm_home != NULL)
        remove_tree (subjects[s].warm_home);
      g_free (subjects[s].warm_home);
      g_array_unref (subjects[s].times);
      g_array_unref (subjects[s].drawn_times);
    }

  return 0;
}
