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
 * Neither program is changed for the measure: each logs a debug message
 * when it shows (the app "First headline shown" when the first headline
 * row is mapped, which is in the frame that draws it; the baseline
 * "Minimal window shown" when its label is mapped), and this program,
 * with G_MESSAGES_DEBUG set to those domains, times from spawn to the line.
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
  gint64            found;
  gboolean          timed_out;
  GPtrArray        *tail;      /* the last lines, to show when the mark never came */
} Run;

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

  if (strstr (line, run->mark) != NULL)
    {
      run->found = now;
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

/* Milliseconds from spawn to @mark, or -1 when it never came. */
static double
run_once (const char * const *argv,
          const char         *domains,
          const char         *mark,
          const char         *home)
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
  Run run = { loop, NULL, cancellable, mark, 0, FALSE, tail };
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
  gboolean            cold;
  char               *warm_home;
  GArray             *times;
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
  double ms;

  if (subject->cold)
    {
      g_autofree char *home = make_home ();

      ms = run_once (subject->argv, subject->domains, subject->mark, home);
      remove_tree (home);
    }
  else
    {
      ms = run_once (subject->argv, subject->domains, subject->mark, subject->warm_home);
    }

  if (ms >= 0)
    g_array_append_val (subject->times, ms);
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
    { "minimal window, cold", minimal_argv, "bench-minimal-window", "Minimal window shown", TRUE },
    { "Bulletin, cold", app_argv, "bulletin-headline-row", "First headline shown", TRUE },
    { "minimal window, warm", minimal_argv, "bench-minimal-window", "Minimal window shown", FALSE },
    { "Bulletin, warm", app_argv, "bulletin-headline-row", "First headline shown", FALSE },
    { "minimal + WebKitWebView, warm", webview_argv, "bench-minimal-window", "Minimal window shown", FALSE },
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
      if (!subjects[s].cold)
        {
          /* The run that fills the caches is not counted. */
          subjects[s].warm_home = make_home ();
          run_once (subjects[s].argv, subjects[s].domains, subjects[s].mark, subjects[s].warm_home);
        }
    }

  /* Interleaved, so that load from elsewhere falls on all alike. */
  for (guint i = 0; i < iterations; i++)
    for (guint s = 0; s < G_N_ELEMENTS (subjects); s++)
      measure (&subjects[s]);

  printf ("start-up, exec to first headline row shown (Bulletin --edition demo) or to a label shown (baseline); median of %u runs\n\n",
          iterations);
  for (guint s = 0; s < G_N_ELEMENTS (subjects); s++)
    {
      GArray *times = subjects[s].times;
      double min = times->len > 0 ? g_array_index (times, double, 0) : -1;

      median (times);
      min = times->len > 0 ? g_array_index (times, double, 0) : -1;
      printf ("%-32s median %7.1f ms  min %7.1f ms  max %7.1f ms  (%u runs)\n",
              subjects[s].name, median (times), min,
              times->len > 0 ? g_array_index (times, double, times->len - 1) : -1, times->len);
    }

  cold_base = median (subjects[0].times);
  cold_app = median (subjects[1].times);
  warm_base = median (subjects[2].times);
  warm_app = median (subjects[3].times);
  warm_webview = median (subjects[4].times);

  printf ("\nratio Bulletin / minimal window: cold %.2f, warm %.2f\n",
          cold_base > 0 ? cold_app / cold_base : 0, warm_base > 0 ? warm_app / warm_base : 0);
  printf ("cost of a WebKitWebView in the window (warm): %+.1f ms (ratio %.2f)\n",
          warm_webview - warm_base, warm_base > 0 ? warm_webview / warm_base : 0);

  for (guint s = 0; s < G_N_ELEMENTS (subjects); s++)
    {
      if (subjects[s].warm_home != NULL)
        remove_tree (subjects[s].warm_home);
      g_free (subjects[s].warm_home);
      g_array_unref (subjects[s].times);
    }

  return 0;
}
