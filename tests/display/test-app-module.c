/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-app-module"

#include "config.h"

#include <gio/gio.h>

/* The app as it ships: `bulletin` is not linked to WebKitGTK; it loads the
 * article view, a module beside it in the build directory or in
 * libdir/bulletin once installed, after the first headlines are drawn (the
 * other display tests link the view in, so they never take this path).
 * This runs the real program on the demo edition and waits for the
 * loader's debug line, given once the module is open and its functions
 * found. A missing module, or a symbol the app does not export to it,
 * ends the program or never gives the line.
 */

#define TIMEOUT_SECONDS 90

typedef struct
{
  GMainLoop        *loop;
  GDataInputStream *input;
  GString          *seen;
  gboolean          loaded;
  gboolean          timed_out;
} Run;

static void
read_line_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Run *run = user_data;
  g_autofree char *line = NULL;

  line = g_data_input_stream_read_line_finish_utf8 (run->input, result, NULL, NULL);
  if (line == NULL)
    {
      g_main_loop_quit (run->loop);
      return;
    }

  g_string_append_printf (run->seen, "%s\n", line);
  if (strstr (line, "Article view loaded from ") != NULL &&
      strstr (line, "libbulletin-article-view.so") != NULL)
    {
      run->loaded = TRUE;
      g_main_loop_quit (run->loop);
      return;
    }
  if (strstr (line, "Cannot load the article view") != NULL)
    {
      g_main_loop_quit (run->loop);
      return;
    }

  g_data_input_stream_read_line_async (run->input, G_PRIORITY_DEFAULT, NULL, read_line_cb, run);
}

static gboolean
timeout_cb (gpointer user_data)
{
  Run *run = user_data;

  run->timed_out = TRUE;
  g_main_loop_quit (run->loop);
  return G_SOURCE_REMOVE;
}

static void
test_module_loads (void)
{
  const char *app = g_getenv ("BULLETIN_APP");
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *home = NULL;
  Run run = { 0 };
  guint timeout;

  g_assert_nonnull (app);

  home = g_dir_make_tmp ("test-app-module-XXXXXX", &error);
  g_assert_no_error (error);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_MERGE);
  g_subprocess_launcher_setenv (launcher, "G_MESSAGES_DEBUG", "bulletin-article-view", TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", home, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CACHE_HOME", home, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", home, TRUE);
  g_subprocess_launcher_setenv (launcher, "GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  process = g_subprocess_launcher_spawn (launcher, &error, app, "--edition", "demo", NULL);
  g_assert_no_error (error);

  run.loop = g_main_loop_new (NULL, FALSE);
  run.seen = g_string_new (NULL);
  run.input = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  g_data_input_stream_read_line_async (run.input, G_PRIORITY_DEFAULT, NULL, read_line_cb, &run);
  timeout = g_timeout_add_seconds (TIMEOUT_SECONDS, timeout_cb, &run);
  g_main_loop_run (run.loop);
  if (!run.timed_out)
    g_source_remove (timeout);

  g_subprocess_force_exit (process);
  g_subprocess_wait (process, NULL, NULL);

  if (!run.loaded)
    g_test_message ("the app printed:\n%s", run.seen->str);
  g_assert_false (run.timed_out);
  g_assert_true (run.loaded);

  g_object_unref (run.input);
  g_string_free (run.seen, TRUE);
  g_main_loop_unref (run.loop);
}

int
main (int   argc,
      char *argv[])
{
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("1..0 # SKIP no display (run under Xvfb: build-aux/dev test)\n");
      return 0;
    }

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/app-module/loads", test_module_loads);

  return g_test_run ();
}
