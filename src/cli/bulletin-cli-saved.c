/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bulletin-cli"

#include "config.h"

#include <stdio.h>

#include "bulletin-article-loader.h"
#include "bulletin-bookmarks.h"
#include "bulletin-cli-commands.h"
#include "bulletin-client.h"
#include "bulletin-error.h"
#include "bulletin-library.h"
#include "bulletin-url.h"

/* `bulletin-cli saved`: the same bookmarks (GSettings) and the same saved
 * articles ($XDG_DATA_HOME/bulletin/saved) as the app.
 */

static const char saved_usage[] =
  "add [--edition ID] URL | remove URL | list [--json] | export FILE | import FILE";

static BulletinBookmarks *
open_bookmarks (GError **error)
{
  g_autoptr(GSettings) settings = bulletin_cli_open_settings (error);

  if (settings == NULL)
    return NULL;

  return bulletin_bookmarks_new (settings);
}

typedef struct
{
  GMainLoop       *loop;
  BulletinClient  *client;
  BulletinLibrary *library;
  BulletinArticle *article;
  GError          *error;
  gboolean         saved;
} AddData;

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  AddData *data = user_data;

  data->saved = bulletin_library_save_finish (BULLETIN_LIBRARY (object), result, &data->error);
  g_main_loop_quit (data->loop);
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  AddData *data = user_data;

  bulletin_article_load_finish (BULLETIN_CLIENT (object), result, &data->error);
  g_main_loop_quit (data->loop);
}

static int
saved_add (const char *url,
           const char *edition)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BulletinBookmarks) bookmarks = NULL;
  g_autoptr(BulletinClient) client = NULL;
  g_autoptr(BulletinLibrary) library = NULL;
  g_autoptr(BulletinArticle) article = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *default_edition = NULL;
  AddData data = { 0 };

  if (!bulletin_url_is_http (url))
    return bulletin_cli_usage_error ("saved", "'%s' is not an http or https URL", url);

  bookmarks = open_bookmarks (&error);
  if (bookmarks == NULL)
    return bulletin_cli_fail (error);

  settings = g_object_ref (bulletin_bookmarks_get_settings (bookmarks));
  if (edition == NULL)
    edition = default_edition = g_settings_get_string (settings, "edition");

  client = bulletin_client_new (NULL);
  library = bulletin_library_new (NULL);
  article = bulletin_article_new ();
  bulletin_article_set_url (article, url);
  loop = g_main_loop_new (NULL, FALSE);

  data.loop = loop;
  data.client = client;
  data.library = library;
  data.article = article;

  /* Fetch first: an article that cannot be read is not bookmarked. */
  bulletin_article_load_async (client, article, NULL, load_cb, &data);
  g_main_loop_run (loop);
  if (data.error != NULL)
    {
      g_prefix_error (&data.error, "Cannot fetch %s: ", url);
      error = g_steal_pointer (&data.error);
      return bulletin_cli_fail (error);
    }

  bulletin_bookmarks_add (bookmarks, article, edition);
  bulletin_bookmarks_flush (bookmarks);
  g_settings_sync ();

  bulletin_library_save_async (library, client, article, NULL, save_cb, &data);
  g_main_loop_run (loop);
  if (!data.saved)
    {
      g_prefix_error (&data.error, "Bookmarked %s, but could not save it for offline reading: ", url);
      error = g_steal_pointer (&data.error);
      return bulletin_cli_fail (error);
    }

  printf ("Saved “%s”\n", bulletin_article_get_title (article) ?: url);

  return BULLETIN_CLI_EXIT_OK;
}

static int
saved_remove (const char *url)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BulletinBookmarks) bookmarks = NULL;
  g_autoptr(BulletinLibrary) library = NULL;
  gboolean was_saved;
  gboolean was_bookmarked;

  bookmarks = open_bookmarks (&error);
  if (bookmarks == NULL)
    return bulletin_cli_fail (error);

  library = bulletin_library_new (NULL);
  was_saved = bulletin_library_contains (library, url);
  was_bookmarked = bulletin_bookmarks_remove (bookmarks, url);
  bulletin_bookmarks_flush (bookmarks);
  g_settings_sync ();

  if (!bulletin_library_remove (library, url, &error))
    return bulletin_cli_fail (error);

  if (!was_bookmarked && !was_saved)
    {
      g_set_error (&error, BULLETIN_ERROR, BULLETIN_ERROR_NOT_FOUND,
                   "%s is not bookmarked", url);
      return bulletin_cli_fail (error);
    }

  printf ("Removed %s\n", url);

  return BULLETIN_CLI_EXIT_OK;
}

static int
saved_list (gboolean json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BulletinBookmarks) bookmarks = NULL;
  g_autoptr(BulletinLibrary) library = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *array;
  guint n;

  bookmarks = open_bookmarks (&error);
  if (bookmarks == NULL)
    return bulletin_cli_fail (error);

  library = bulletin_library_new (NULL);
  root = bulletin_bookmarks_to_json (bookmarks);
  array = json_object_get_array_member (json_node_get_object (root), "bookmarks");
  n = json_array_get_length (array);

  for (guint i = 0; i < n; i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      const char *url = json_object_get_string_member (object, "url");

      json_object_set_boolean_member (object, "offline", bulletin_library_contains (library, url));
    }

  if (json)
    {
      bulletin_cli_print_json (json_object_get_member (json_node_get_object (root), "bookmarks"), TRUE);
      return BULLETIN_CLI_EXIT_OK;
    }

  for (guint i = 0; i < n; i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      const char *url = json_object_get_string_member (object, "url");
      const char *title = json_object_get_string_member_with_default (object, "title", NULL);
      const char *section = json_object_get_string_member_with_default (object, "section_title", NULL);
      const char *saved_at = json_object_get_string_member_with_default (object, "saved_at", NULL);
      g_autoptr(GDateTime) saved = saved_at != NULL ? g_date_time_new_from_iso8601 (saved_at, NULL) : NULL;
      g_autoptr(GDateTime) local = saved != NULL ? g_date_time_to_local (saved) : NULL;
      g_autofree char *when = local != NULL ? g_date_time_format (local, "%Y-%m-%d %H:%M") : NULL;

      if (section == NULL)
        section = json_object_get_string_member_with_default (object, "section", NULL);

      printf ("%s\n", title != NULL ? title : url);
      printf ("  %s%s%s%s\n",
              section != NULL ? section : "",
              section != NULL && when != NULL ? " · " : "",
              when != NULL ? "saved " : "",
              when != NULL ? when : "");
      printf ("  %s%s\n", url,
              json_object_get_boolean_member (object, "offline") ? "" : " (not saved for offline reading)");
    }

  if (n == 0)
    printf ("No bookmarks\n");

  return BULLETIN_CLI_EXIT_OK;
}

static int
saved_export (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BulletinBookmarks) bookmarks = NULL;

  bookmarks = open_bookmarks (&error);
  if (bookmarks == NULL)
    return bulletin_cli_fail (error);

  if (g_str_equal (path, "-"))
    {
      g_autoptr(GBytes) bytes = bulletin_bookmarks_serialize (bookmarks, BULLETIN_BOOKMARKS_FORMAT_JSON);
      gsize length;
      const char *text = g_bytes_get_data (bytes, &length);

      fwrite (text, 1, length, stdout);
      fputc ('\n', stdout);
      return BULLETIN_CLI_EXIT_OK;
    }

  if (!bulletin_bookmarks_export (bookmarks, path, bulletin_bookmarks_format_for_path (path), &error))
    return bulletin_cli_fail (error);

  printf ("Exported %u bookmarks to %s\n",
          g_list_model_get_n_items (G_LIST_MODEL (bookmarks)), path);

  return BULLETIN_CLI_EXIT_OK;
}

static int
saved_import (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BulletinBookmarks) bookmarks = NULL;
  g_autoptr(GBytes) bytes = NULL;
  guint n_added = 0;

  bookmarks = open_bookmarks (&error);
  if (bookmarks == NULL)
    return bulletin_cli_fail (error);

  bytes = bulletin_cli_read_input (path, 64 * 1024 * 1024, &error);
  if (bytes == NULL)
    return bulletin_cli_fail (error);

  if (!bulletin_bookmarks_import_bytes (bookmarks, bytes, &n_added, &error))
    {
      g_prefix_error (&error, "%s: ", path);
      return bulletin_cli_fail (error);
    }
  bulletin_bookmarks_flush (bookmarks);
  g_settings_sync ();

  printf (n_added == 1 ? "Imported %u new bookmark\n" : "Imported %u new bookmarks\n", n_added);

  return BULLETIN_CLI_EXIT_OK;
}

int
bulletin_cli_saved (int    argc,
                    char **argv)
{
  g_autofree char *edition = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print JSON (list)", NULL },
    { "edition", 0, 0, G_OPTION_ARG_STRING, &edition, "The edition to file the bookmark under (add)", "ID" },
    { NULL }
  };
  const char *action;

  if (!bulletin_cli_parse_options ("saved", saved_usage, entries, &argc, &argv))
    return BULLETIN_CLI_EXIT_USAGE;

  if (argc < 2)
    return bulletin_cli_usage_error ("saved", "expected one of add, remove, list, export, import");

  action = argv[1];

  if (g_str_equal (action, "list"))
    {
      if (argc != 2)
        return bulletin_cli_usage_error ("saved", "list takes no argument");
      return saved_list (json);
    }

  if (argc != 3)
    return bulletin_cli_usage_error ("saved", "%s takes one argument", action);

  if (g_str_equal (action, "add"))
    return saved_add (argv[2], edition);
  if (g_str_equal (action, "remove"))
    return saved_remove (argv[2]);
  if (g_str_equal (action, "export"))
    return saved_export (argv[2]);
  if (g_str_equal (action, "import"))
    return saved_import (argv[2]);

  return bulletin_cli_usage_error ("saved", "unknown action '%s'", action);
}
