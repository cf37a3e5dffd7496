/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-cli-reading"

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "fixture-server.h"
#include "test-utils.h"

/* bulletin-cli's reading commands, run as a person or a script would. */

static FixtureServer *server;

typedef struct
{
  gboolean  done;
  char     *out;
  char     *err;
  int       status;
} Run;

static void
communicated_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Run *run = user_data;
  g_autoptr(GError) error = NULL;

  g_subprocess_communicate_utf8_finish (G_SUBPROCESS (object), result, &run->out, &run->err, &error);
  g_assert_no_error (error);
  if (!g_subprocess_get_if_exited (G_SUBPROCESS (object)))
    {
      /* killed by a signal (a sanitizer's abort): say what it printed */
      g_test_message ("bulletin-cli died: %s", run->err);
      g_test_fail_printf ("bulletin-cli was killed by signal %d",
                          g_subprocess_get_term_sig (G_SUBPROCESS (object)));
      run->status = -1;
    }
  else
    {
      run->status = g_subprocess_get_exit_status (G_SUBPROCESS (object));
    }
  run->done = TRUE;
}

/* Runs bulletin-cli while this process keeps serving the fixture outlet. */
static void
run_cli (Run                *run,
         const char * const *wrapper,
         ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                       G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list ap;

  memset (run, 0, sizeof *run);
  for (guint i = 0; wrapper != NULL && wrapper[i] != NULL; i++)
    g_ptr_array_add (args, (gpointer) wrapper[i]);
  g_ptr_array_add (args, (gpointer) g_getenv ("BULLETIN_CLI"));
  va_start (ap, wrapper);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  /* The test's isolated directories, for the child too. */
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CACHE_HOME", g_get_user_cache_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", g_get_user_config_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "HOME", g_get_home_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) args->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8_async (process, NULL, NULL, communicated_cb, run);
  while (!run->done)
    g_main_context_iteration (NULL, TRUE);
}

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

static JsonObject *
parse_object (JsonParser *parser,
              const char *text)
{
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));

  return json_node_get_object (json_parser_get_root (parser));
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p; p++)
    if (*p == '\n')
      n++;

  return n;
}

static void
test_cli_editions (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;
  JsonArray *editions;
  gboolean english = FALSE;
  Run run;

  run_cli (&run, NULL, "editions", "--json", "--check", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  root = parse_object (parser, run.out);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "problems")), ==, 0);

  editions = json_object_get_array_member (root, "editions");
  g_assert_cmpuint (json_array_get_length (editions), >=, 3);
  for (guint i = 0; i < json_array_get_length (editions); i++)
    {
      JsonObject *edition = json_array_get_object_element (editions, i);

      g_assert_true (json_object_get_boolean_member (edition, "valid"));
      if (g_str_equal (json_object_get_string_member (edition, "id"), "almayadeen-en"))
        {
          english = TRUE;
          g_assert_true (json_object_get_boolean_member (edition, "current"));
          g_assert_cmpuint (json_array_get_length (json_object_get_array_member (edition, "sections")), ==, 28);
        }
    }
  g_assert_true (english);
  run_clear (&run);

  /* A broken file of the user's is named. */
  {
    g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "bulletin", "editions", NULL);
    g_autofree char *path = g_build_filename (dir, "broken.json", NULL);

    g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
    g_assert_true (g_file_set_contents (path, "{\"format\": 1, \"id\": \"Bad Id\"}", -1, NULL));
    run_cli (&run, NULL, "editions", "--check", NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "broken.json: id:"));
    g_assert_cmpuint (count_lines (run.err), ==, 1);
    run_clear (&run);
    g_assert_cmpint (g_remove (path), ==, 0);
  }
}

static gboolean
have_demo (void)
{
  return g_resources_get_info ("/io/github/bulletinapp/Bulletin/editions/demo.json", 0, NULL, NULL, NULL);
}

static void
test_cli_headlines_demo (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;
  JsonArray *sections;
  Run run;

  if (!have_demo ())
    {
      g_test_skip ("The demo edition is not bundled");
      return;
    }

  run_cli (&run, NULL, "headlines", "--edition", "demo", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  root = parse_object (parser, run.out);
  g_assert_cmpstr (json_object_get_string_member (root, "edition"), ==, "demo");
  sections = json_object_get_array_member (root, "sections");
  g_assert_cmpuint (json_array_get_length (sections), ==, 28);
  for (guint i = 0; i < json_array_get_length (sections); i++)
    {
      JsonObject *section = json_array_get_object_element (sections, i);
      JsonArray *articles = json_object_get_array_member (section, "articles");

      g_test_message ("%s: %u", json_object_get_string_member (section, "id"), json_array_get_length (articles));
      g_assert_false (json_object_has_member (section, "error"));
      g_assert_cmpuint (json_array_get_length (articles), >, 0);
      g_assert_nonnull (json_object_get_string_member (json_array_get_object_element (articles, 0), "title"));
    }
  run_clear (&run);

  /* For a person: every section's title, headlines under it. */
  run_cli (&run, NULL, "headlines", "--edition", "demo", "--limit", "1", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_true (g_str_has_prefix (run.out, "Politics\n  "));
  g_assert_nonnull (strstr (run.out, "\nUS & Canada\n"));
  g_assert_nonnull (strstr (run.out, "    Politics · "));
  run_clear (&run);

  run_cli (&run, NULL, "headlines", "--edition", "demo", "--section", "latest", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  root = parse_object (parser, run.out);
  sections = json_object_get_array_member (root, "sections");
  g_assert_cmpuint (json_array_get_length (sections), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_array_get_object_element (sections, 0), "articles")), >, 10);
  run_clear (&run);

  run_cli (&run, NULL, "breaking", "--edition", "demo", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  root = parse_object (parser, run.out);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "items")), >, 0);
  run_clear (&run);
}

/* The demo in another language: its own feeds, every sidebar row filled,
 * the titles of its language, its own article URLs */
typedef struct
{
  const char *id;
  const char *first_title;
  const char *url_prefix;
} DemoEdition;

static const DemoEdition demo_editions[] = {
  { "demo-ar", "سياسة", "https://demo.bulletinapp.invalid/ar/" },
  { "demo-es", "Política", "https://demo.bulletinapp.invalid/es/" },
};

static void
test_cli_headlines_demo_language (gconstpointer data)
{
  const DemoEdition *demo = data;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;
  JsonArray *sections;
  JsonArray *items;
  Run run;

  if (!have_demo ())
    {
      g_test_skip ("The demo edition is not bundled");
      return;
    }

  run_cli (&run, NULL, "headlines", "--edition", demo->id, "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  root = parse_object (parser, run.out);
  g_assert_cmpstr (json_object_get_string_member (root, "edition"), ==, demo->id);
  sections = json_object_get_array_member (root, "sections");
  g_assert_cmpuint (json_array_get_length (sections), ==, 28);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (sections, 0), "title"), ==,
                   demo->first_title);
  for (guint i = 0; i < json_array_get_length (sections); i++)
    {
      JsonObject *section = json_array_get_object_element (sections, i);
      JsonArray *articles = json_object_get_array_member (section, "articles");

      g_assert_false (json_object_has_member (section, "error"));
      g_assert_cmpuint (json_array_get_length (articles), >, 0);
      for (guint j = 0; j < json_array_get_length (articles); j++)
        {
          const char *url = json_object_get_string_member (json_array_get_object_element (articles, j), "url");

          g_assert_true (g_str_has_prefix (url, demo->url_prefix));
        }
    }
  run_clear (&run);

  run_cli (&run, NULL, "breaking", "--edition", demo->id, "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  root = parse_object (parser, run.out);
  items = json_object_get_array_member (root, "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 10);
  g_assert_true (g_str_has_prefix (json_object_get_string_member (json_array_get_object_element (items, 0), "url"),
                                   demo->url_prefix));
  run_clear (&run);
}

static void
write_user_edition (const char *id,
                    const char *base)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "bulletin", "editions", NULL);
  g_autofree char *name = g_strconcat (id, ".json", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *json = g_strdup_printf (
    "{\"format\": 1, \"id\": \"%s\", \"name\": \"N\", \"language\": \"en\", \"direction\": \"ltr\","
    " \"home\": \"%s/outlet/\", \"breaking\": {\"type\": \"page\", \"url\": \"%s/outlet/breaking.html\"},"
    " \"groups\": [{\"id\": \"news\", \"title\": \"News\", \"sections\": ["
    " {\"id\": \"politics\", \"title\": \"Politics\", \"sources\": [{\"type\": \"feed\", \"url\": \"%s/outlet/politics.xml\"}]},"
    " {\"id\": \"economy\", \"title\": \"Economy\", \"sources\": [{\"type\": \"page\", \"url\": \"%s/outlet/news/economy.html\"}]}]}]}",
    id, base, base, base, base);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, json, -1, NULL));
}

static void
test_cli_offline (void)
{
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autofree char *base = NULL;
  g_autofree char *unshare_path = NULL;
  Run run;

  /* A port nothing listens on: the network is not there. */
  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL);
  g_assert_true (g_socket_bind (socket, address, TRUE, NULL));
  bound = g_socket_get_local_address (socket, NULL);
  base = g_strdup_printf ("http://127.0.0.1:%u", g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  write_user_edition ("down", base);

  run_cli (&run, NULL, "headlines", "--edition", "down", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpuint (count_lines (run.err), ==, 1);
  g_assert_true (g_str_has_prefix (run.err, "bulletin-cli: Cannot connect to 127.0.0.1"));
  run_clear (&run);

  run_cli (&run, NULL, "breaking", "--edition", "down", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpuint (count_lines (run.err), ==, 1);
  run_clear (&run);

  /* The real edition in a network namespace with no network at all. */
  unshare_path = g_find_program_in_path ("unshare");
  if (unshare_path != NULL)
    {
      const char *probe[] = { "unshare", "-n", "true", NULL };
      const char *no_network[] = { "unshare", "-n", NULL };
      int probe_status = -1;

      if (!g_spawn_sync (NULL, (char **) probe, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                         NULL, NULL, NULL, NULL, &probe_status, NULL) ||
          !g_spawn_check_wait_status (probe_status, NULL))
        {
          g_test_message ("unshare -n is not permitted here");
          return;
        }

      run_cli (&run, no_network, "headlines", "--edition", "almayadeen-en", NULL);
      g_test_message ("%s", run.err);
      g_assert_cmpint (run.status, ==, 1);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_cmpuint (count_lines (run.err), ==, 1);
      g_assert_nonnull (strstr (run.err, "english.almayadeen.net"));
      g_assert_nonnull (strstr (run.err, "network"));
      run_clear (&run);
    }
}

static void
test_cli_fixture (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *article_url = fixture_server_url (server, "/outlet/news/economy/grain-prices-settle-after-a-wet-spring");
  JsonObject *root;
  Run run;

  write_user_edition ("fixture-cli", fixture_server_get_base (server));

  run_cli (&run, NULL, "headlines", "--edition", "fixture-cli", "--section", "economy", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "Economy\n  Grain prices settle after a wet spring in the valley\n    Economy · "));
  run_clear (&run);

  run_cli (&run, NULL, "breaking", "--edition", "fixture-cli", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Weather office: a second storm is expected on the coast by Friday"));
  run_clear (&run);

  run_cli (&run, NULL, "read", article_url, "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  root = parse_object (parser, run.out);
  g_assert_cmpstr (json_object_get_string_member (root, "title"), ==, "Grain prices settle after a wet spring in the valley");
  g_assert_nonnull (strstr (json_object_get_string_member (root, "text"), "third week in a row"));
  g_assert_false (json_object_get_boolean_member (root, "saved"));
  run_clear (&run);

  run_cli (&run, NULL, "read", article_url, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "Grain prices settle after a wet spring in the valley\n"));
  g_assert_nonnull (strstr (run.out, "third week in a row"));
  run_clear (&run);

  /* Saved, it reads with the site gone. */
  run_cli (&run, NULL, "saved", "add", article_url, NULL);
  if (run.status == 0)
    {
      run_clear (&run);
      fixture_server_set_alias (server, "/outlet/news/economy/grain-prices-settle-after-a-wet-spring", "/fault/500");
      run_cli (&run, NULL, "read", article_url, "--json", NULL);
      g_assert_cmpint (run.status, ==, 0);
      root = parse_object (parser, run.out);
      g_assert_true (json_object_get_boolean_member (root, "saved"));
      g_assert_nonnull (strstr (json_object_get_string_member (root, "text"), "third week in a row"));
      fixture_server_clear_overrides (server);
    }
  else
    g_test_message ("saved add failed: %s", run.err);
  run_clear (&run);

  run_cli (&run, NULL, "read", "ftp://example.org/x", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpuint (count_lines (run.err), ==, 1);
  run_clear (&run);
}

static void
test_cli_bad_input (void)
{
  Run run;

  run_cli (&run, NULL, "headlines", "--edition", "no-such-edition", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpuint (count_lines (run.err), ==, 1);
  g_assert_nonnull (strstr (run.err, "no-such-edition"));
  run_clear (&run);

  run_cli (&run, NULL, "headlines", "--edition", "almayadeen-en", "--section", "no-such-section", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpuint (count_lines (run.err), ==, 1);
  run_clear (&run);

  run_cli (&run, NULL, "read", NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_clear (&run);

  run_cli (&run, NULL, "editions", "extra", NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_clear (&run);
}

/* "saved" lists the bookmarks, shared with `saved import` through the
 * same settings. */
static void
test_cli_headlines_saved (void)
{
  g_autofree char *file = g_build_filename (g_get_user_data_dir (), "bookmarks.json", NULL);
  g_autofree char *previous = g_strdup (g_getenv ("GSETTINGS_BACKEND"));
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonObject *section;
  JsonArray *articles;
  Run run;

  g_setenv ("GSETTINGS_BACKEND", "keyfile", TRUE);

  run_cli (&run, NULL, "headlines", "--edition", "demo", "--section", "saved", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "no saved articles"));
  run_clear (&run);

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  g_file_set_contents (file,
                       "{\"bookmarks\": [{\"url\": \"https://demo.bulletinapp.invalid/news/politics/x\","
                       " \"title\": \"A saved headline\", \"section\": \"politics\","
                       " \"saved_at\": \"2026-11-27T10:00:00Z\"}]}",
                       -1, &error);
  g_assert_no_error (error);
  run_cli (&run, NULL, "saved", "import", file, NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);

  run_cli (&run, NULL, "headlines", "--edition", "demo", "--section", "saved", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  root = parse_object (parser, run.out);
  section = json_array_get_object_element (json_object_get_array_member (root, "sections"), 0);
  g_assert_cmpstr (json_object_get_string_member (section, "id"), ==, "saved");
  articles = json_object_get_array_member (section, "articles");
  g_assert_cmpuint (json_array_get_length (articles), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (articles, 0), "title"),
                   ==, "A saved headline");
  run_clear (&run);

  if (previous != NULL)
    g_setenv ("GSETTINGS_BACKEND", previous, TRUE);
  else
    g_unsetenv ("GSETTINGS_BACKEND");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  test_utils_init (&argc, &argv);

  if (g_getenv ("BULLETIN_CLI") == NULL)
    {
      g_printerr ("BULLETIN_CLI is not set\n");
      return 77;
    }

  server = fixture_server_new ();

  g_test_add_func ("/cli-reading/editions", test_cli_editions);
  g_test_add_func ("/cli-reading/headlines-demo", test_cli_headlines_demo);
  for (guint i = 0; i < G_N_ELEMENTS (demo_editions); i++)
    {
      g_autofree char *path = g_strdup_printf ("/cli-reading/headlines-%s", demo_editions[i].id);

      g_test_add_data_func (path, &demo_editions[i], test_cli_headlines_demo_language);
    }
  g_test_add_func ("/cli-reading/headlines-saved", test_cli_headlines_saved);
  g_test_add_func ("/cli-reading/offline", test_cli_offline);
  g_test_add_func ("/cli-reading/fixture", test_cli_fixture);
  g_test_add_func ("/cli-reading/bad-input", test_cli_bad_input);

  status = g_test_run ();
  fixture_server_free (server);

  return status;
}
