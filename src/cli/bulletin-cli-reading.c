/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bulletin-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/ioctl.h>

#include "bulletin-cli-commands.h"
#include "bulletin-article.h"
#include "bulletin-article-loader.h"
#include "bulletin-bookmarks.h"
#include "bulletin-breaking.h"
#include "bulletin-client.h"
#include "bulletin-date.h"
#include "bulletin-edition.h"
#include "bulletin-error.h"
#include "bulletin-library.h"
#include "bulletin-sanitizer.h"
#include "bulletin-section-model.h"

/* The reading commands: editions, headlines, breaking, read. Human output
 * is meant for a terminal (wrapped to its width); --json is the stable,
 * scripting form.
 */

#define DEFAULT_EDITION "almayadeen-en"

/* The outlet's navigation, which the English edition must follow. */
static const char * const english_navigation[] = {
  "politics", "economy", "sports", "arts-culture", "health", "miscellaneous",
  "technology", "environment", "opinion", "analysis", "blog", "features",
  "newsfeed", "video-features", "explainers", "tv", "digital-series",
  "infographs", "in-pictures", "live", "africa", "asia", "asia-pacific",
  "europe", "latin-america", "mena", "palestine", "us-canada", NULL
};

/* Helpers */

static char *
default_edition_id (void)
{
  g_autoptr(GSettings) settings = bulletin_cli_open_settings (NULL);
  g_autofree char *id = NULL;

  if (settings == NULL)
    return g_strdup (DEFAULT_EDITION);

  id = g_settings_get_string (settings, "edition");

  return id != NULL && id[0] != '\0' ? g_steal_pointer (&id) : g_strdup (DEFAULT_EDITION);
}

static BulletinEdition *
find_edition (const char  *id,
              GError     **error)
{
  g_autofree char *fallback = NULL;

  if (id == NULL)
    id = fallback = default_edition_id ();

  return bulletin_edition_lookup (id, error);
}

static guint
terminal_width (void)
{
  struct winsize size;

  if (isatty (STDOUT_FILENO) && ioctl (STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col >= 20)
    return MIN (size.ws_col, 120);

  return 80;
}

/* Writes @text wrapped to @width columns, each line after @indent spaces. */
static void
print_wrapped (const char *text,
               guint       indent,
               guint       width)
{
  g_auto(GStrv) words = NULL;
  guint column = 0;
  guint room = width > indent + 20 ? width - indent : 20;

  if (text == NULL)
    return;

  words = g_strsplit_set (text, " \t\n", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      guint length = g_utf8_strlen (words[i], -1);

      if (length == 0)
        continue;
      if (column > 0 && column + 1 + length > room)
        {
          fputc ('\n', stdout);
          column = 0;
        }
      if (column == 0)
        printf ("%*s", indent, "");
      else
        {
          fputc (' ', stdout);
          column++;
        }
      fputs (words[i], stdout);
      column += length;
    }
  if (column > 0)
    fputc ('\n', stdout);
}

static char *
relative_time (GDateTime *when)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  GTimeSpan span;
  gint64 minutes;

  if (when == NULL)
    return NULL;

  span = g_date_time_difference (now, when);
  minutes = span / G_TIME_SPAN_MINUTE;

  if (span < 0)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (when);

      return g_date_time_format (local, "%e %b %Y %H:%M");
    }
  if (minutes < 1)
    return g_strdup ("just now");
  if (minutes < 60)
    return g_strdup_printf (minutes == 1 ? "%" G_GINT64_FORMAT " minute ago" : "%" G_GINT64_FORMAT " minutes ago", minutes);
  if (minutes < 24 * 60)
    return g_strdup_printf (minutes / 60 == 1 ? "%" G_GINT64_FORMAT " hour ago" : "%" G_GINT64_FORMAT " hours ago", minutes / 60);
  if (minutes < 2 * 24 * 60)
    return g_strdup ("yesterday");
  if (minutes < 7 * 24 * 60)
    return g_strdup_printf ("%" G_GINT64_FORMAT " days ago", minutes / (24 * 60));

  {
    g_autoptr(GDateTime) local = g_date_time_to_local (when);
    g_autofree char *text = g_date_time_format (local, "%e %b %Y");

    return g_strdup (g_strstrip (text));
  }
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static void
add_date (JsonBuilder *builder,
          const char  *name,
          GDateTime   *date)
{
  g_autofree char *text = bulletin_date_to_iso8601 (date);

  add_string (builder, name, text);
}

static void
add_error (JsonBuilder  *builder,
           const GError *error)
{
  if (error == NULL)
    return;

  json_builder_set_member_name (builder, "error");
  json_builder_begin_object (builder);
  add_string (builder, "code", error->domain == BULLETIN_ERROR ? bulletin_error_code_name (error->code) : "failed");
  add_string (builder, "message", error->message);
  json_builder_end_object (builder);
}

static void
add_headline (JsonBuilder     *builder,
              BulletinArticle *article)
{
  json_builder_begin_object (builder);
  add_string (builder, "title", bulletin_article_get_title (article));
  add_string (builder, "url", bulletin_article_get_url (article));
  add_string (builder, "id", bulletin_article_get_id (article));
  add_string (builder, "section", bulletin_article_get_section (article));
  add_string (builder, "section_title", bulletin_article_get_section_title (article));
  add_string (builder, "region", bulletin_article_get_region (article));
  add_date (builder, "published", bulletin_article_get_published (article));
  add_date (builder, "updated", bulletin_article_get_updated (article));
  add_string (builder, "author", bulletin_article_get_author (article));
  add_string (builder, "summary", bulletin_article_get_summary (article));
  add_string (builder, "image", bulletin_article_get_image (article));
  add_string (builder, "kind", bulletin_article_kind_to_string (bulletin_article_get_kind (article)));
  json_builder_end_object (builder);
}

static const char *
article_label (BulletinArticle *article)
{
  if (bulletin_article_get_section_title (article) != NULL)
    return bulletin_article_get_section_title (article);
  if (bulletin_article_get_section (article) != NULL)
    return bulletin_article_get_section (article);
  return bulletin_article_get_region (article);
}

static void
print_headline (BulletinArticle *article,
                guint            width)
{
  g_autofree char *when = relative_time (bulletin_article_get_published (article) != NULL
                                         ? bulletin_article_get_published (article)
                                         : bulletin_article_get_updated (article));
  const char *label = article_label (article);
  g_autofree char *meta = NULL;

  print_wrapped (bulletin_article_get_title (article) != NULL ? bulletin_article_get_title (article)
                                                              : bulletin_article_get_url (article),
                 2, width);
  if (label != NULL && when != NULL)
    meta = g_strdup_printf ("%s · %s", label, when);
  else if (label != NULL || when != NULL)
    meta = g_strdup (label != NULL ? label : when);
  if (meta != NULL)
    printf ("    %s\n", meta);
}

static void
wait_for (gboolean *done)
{
  while (!*done)
    g_main_context_iteration (NULL, TRUE);
}

/* editions */

static gboolean
check_edition (BulletinEdition *edition,
               GPtrArray       *problems)
{
  GListModel *sections = bulletin_edition_get_sections (edition);
  guint n = g_list_model_get_n_items (sections);
  gboolean ok = TRUE;

  if (!g_str_equal (bulletin_edition_get_id (edition), "almayadeen-en"))
    return TRUE;

  /* The English edition follows the outlet's navigation, in its order. */
  if (n != g_strv_length ((char **) english_navigation))
    {
      g_ptr_array_add (problems, g_strdup_printf ("almayadeen-en: %u sidebar entries, the outlet has %u",
                                                  n, g_strv_length ((char **) english_navigation)));
      ok = FALSE;
    }

  for (guint i = 0; i < n && english_navigation[i] != NULL; i++)
    {
      g_autoptr(BulletinSection) section = g_list_model_get_item (sections, i);

      if (!g_str_equal (bulletin_section_get_id (section), english_navigation[i]))
        {
          g_ptr_array_add (problems, g_strdup_printf ("almayadeen-en: entry %u is “%s”, the outlet has “%s” there",
                                                      i + 1, bulletin_section_get_id (section), english_navigation[i]));
          ok = FALSE;
        }
    }

  return ok;
}

int
bulletin_cli_editions (int    argc,
                       char **argv)
{
  gboolean json = FALSE;
  gboolean check = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print JSON", NULL },
    { "check", 0, 0, G_OPTION_ARG_NONE, &check, "Load every edition file and report what is wrong", NULL },
    { NULL }
  };
  g_auto(GStrv) uris = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *current = NULL;

  if (!bulletin_cli_parse_options ("editions", "", entries, &argc, &argv))
    return BULLETIN_CLI_EXIT_USAGE;
  if (argc > 1)
    return bulletin_cli_usage_error ("editions", "unexpected argument '%s'", argv[1]);

  current = default_edition_id ();
  uris = bulletin_edition_list_uris ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "editions");
  json_builder_begin_array (builder);

  for (guint i = 0; uris[i] != NULL; i++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(BulletinEdition) edition = bulletin_edition_new_from_uri (uris[i], &local_error);
      const char *id;

      if (edition == NULL)
        {
          g_ptr_array_add (problems, g_strdup (local_error->message));
          if (json)
            {
              json_builder_begin_object (builder);
              add_string (builder, "file", uris[i]);
              json_builder_set_member_name (builder, "valid");
              json_builder_add_boolean_value (builder, FALSE);
              add_error (builder, local_error);
              json_builder_end_object (builder);
            }
          continue;
        }

      id = bulletin_edition_get_id (edition);
      if (check)
        check_edition (edition, problems);

      if (json)
        {
          json_builder_begin_object (builder);
          add_string (builder, "id", id);
          add_string (builder, "name", bulletin_edition_get_name (edition));
          add_string (builder, "short_name", bulletin_edition_get_short_name (edition));
          add_string (builder, "language", bulletin_edition_get_language (edition));
          add_string (builder, "direction", bulletin_edition_get_direction (edition));
          add_string (builder, "home", bulletin_edition_get_home_url (edition));
          add_string (builder, "file", uris[i]);
          json_builder_set_member_name (builder, "bundled");
          json_builder_add_boolean_value (builder, bulletin_edition_is_bundled (edition));
          json_builder_set_member_name (builder, "current");
          json_builder_add_boolean_value (builder, g_str_equal (id, current));
          json_builder_set_member_name (builder, "valid");
          json_builder_add_boolean_value (builder, TRUE);
          json_builder_set_member_name (builder, "sections");
          json_builder_begin_array (builder);
          for (guint j = 0; j < g_list_model_get_n_items (bulletin_edition_get_sections (edition)); j++)
            {
              g_autoptr(BulletinSection) section = g_list_model_get_item (bulletin_edition_get_sections (edition), j);

              json_builder_begin_object (builder);
              add_string (builder, "id", bulletin_section_get_id (section));
              add_string (builder, "title", bulletin_section_get_title (section));
              add_string (builder, "group", bulletin_section_get_group_id (section));
              add_string (builder, "kind", bulletin_section_get_kind (section) == BULLETIN_SECTION_KIND_REGION ? "region" : "section");
              json_builder_end_object (builder);
            }
          json_builder_end_array (builder);
          json_builder_end_object (builder);
        }
      else
        {
          printf ("%s %-16s %-8s %-3s %s%s\n",
                  g_str_equal (id, current) ? "*" : " ",
                  id,
                  bulletin_edition_get_short_name (edition),
                  bulletin_edition_get_language (edition),
                  bulletin_edition_get_name (edition),
                  bulletin_edition_is_bundled (edition) ? "" : " (yours)");
        }
    }

  json_builder_end_array (builder);
  if (check)
    {
      json_builder_set_member_name (builder, "problems");
      json_builder_begin_array (builder);
      for (guint i = 0; i < problems->len; i++)
        json_builder_add_string_value (builder, g_ptr_array_index (problems, i));
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);

  if (json)
    {
      root = json_builder_get_root (builder);
      bulletin_cli_print_json (root, TRUE);
    }

  for (guint i = 0; i < problems->len; i++)
    g_printerr ("bulletin-cli editions: %s\n", (char *) g_ptr_array_index (problems, i));

  if (check && problems->len == 0 && !json)
    printf ("All %u edition files are valid.\n", g_strv_length (uris));

  return problems->len > 0 ? BULLETIN_CLI_EXIT_FAILURE : BULLETIN_CLI_EXIT_OK;
}

/* headlines */

typedef struct
{
  guint pending;
} Refreshes;

static void
refreshed_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Refreshes *refreshes = user_data;

  /* the model keeps the error in its "error" property */
  bulletin_section_model_refresh_finish (BULLETIN_SECTION_MODEL (object), result, NULL);
  refreshes->pending--;
}

/* "saved" is a section of every edition: the bookmarks, as the app's
 * sidebar shows them, newest first. */
static int
print_saved_headlines (BulletinEdition *edition,
                       gboolean         json,
                       int              limit,
                       guint            width)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = bulletin_cli_open_settings (&error);
  g_autoptr(BulletinBookmarks) bookmarks = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  GListModel *list;
  guint n;

  if (settings == NULL)
    return bulletin_cli_fail (error);

  bookmarks = bulletin_bookmarks_new (settings);
  list = G_LIST_MODEL (bookmarks);
  n = g_list_model_get_n_items (list);
  if (limit > 0)
    n = MIN (n, (guint) limit);

  if (!json)
    {
      printf ("Saved\n");
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(BulletinArticle) article = g_list_model_get_item (list, i);

          print_headline (article, width);
        }
      if (n == 0)
        printf ("  (no saved articles)\n");
      return BULLETIN_CLI_EXIT_OK;
    }

  json_builder_begin_object (builder);
  add_string (builder, "edition", bulletin_edition_get_id (edition));
  json_builder_set_member_name (builder, "sections");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  add_string (builder, "id", "saved");
  add_string (builder, "title", "Saved");
  json_builder_set_member_name (builder, "stale");
  json_builder_add_boolean_value (builder, FALSE);
  json_builder_set_member_name (builder, "articles");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BulletinArticle) article = g_list_model_get_item (list, i);

      add_headline (builder, article);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  bulletin_cli_print_json (root, TRUE);

  return BULLETIN_CLI_EXIT_OK;
}

int
bulletin_cli_headlines (int    argc,
                        char **argv)
{
  g_autofree char *edition_id = NULL;
  g_autofree char *section_id = NULL;
  gboolean json = FALSE;
  int limit = 0;
  GOptionEntry entries[] = {
    { "edition", 'e', 0, G_OPTION_ARG_STRING, &edition_id, "The edition (default: the app's)", "ID" },
    { "section", 's', 0, G_OPTION_ARG_STRING, &section_id, "One section or region, “latest” or “saved” (default: every section)", "ID" },
    { "limit", 'n', 0, G_OPTION_ARG_INT, &limit, "At most N headlines per section", "N" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print JSON", NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(BulletinEdition) edition = NULL;
  g_autoptr(BulletinClient) client = NULL;
  g_autoptr(GPtrArray) models = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  const GError *failure = NULL;
  Refreshes refreshes = { 0 };
  guint refreshed = 0;
  guint width = terminal_width ();

  if (!bulletin_cli_parse_options ("headlines", "", entries, &argc, &argv))
    return BULLETIN_CLI_EXIT_USAGE;
  if (argc > 1)
    return bulletin_cli_usage_error ("headlines", "unexpected argument '%s'", argv[1]);
  if (limit < 0)
    return bulletin_cli_usage_error ("headlines", "--limit must not be negative");

  edition = find_edition (edition_id, &error);
  if (edition == NULL)
    return bulletin_cli_fail (error);

  if (g_strcmp0 (section_id, "saved") == 0)
    return print_saved_headlines (edition, json, limit, width);

  client = bulletin_client_new (NULL);

  if (section_id != NULL)
    {
      if (bulletin_edition_lookup_section (edition, section_id) == NULL)
        return bulletin_cli_usage_error ("headlines", "the edition %s has no section '%s'",
                                         bulletin_edition_get_id (edition), section_id);
      g_ptr_array_add (models, bulletin_section_model_new (client, edition, section_id));
    }
  else
    {
      GListModel *sections = bulletin_edition_get_sections (edition);

      for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
        {
          g_autoptr(BulletinSection) section = g_list_model_get_item (sections, i);

          g_ptr_array_add (models, bulletin_section_model_new (client, edition, bulletin_section_get_id (section)));
        }
    }

  for (guint i = 0; i < models->len; i++)
    {
      refreshes.pending++;
      bulletin_section_model_refresh_async (g_ptr_array_index (models, i), NULL, refreshed_cb, &refreshes);
    }
  while (refreshes.pending > 0)
    g_main_context_iteration (NULL, TRUE);

  for (guint i = 0; i < models->len; i++)
    {
      BulletinSectionModel *model = g_ptr_array_index (models, i);
      const GError *model_error = bulletin_section_model_get_error (model);

      if (model_error == NULL)
        refreshed++;
      else if (failure == NULL || g_error_matches (model_error, BULLETIN_ERROR, BULLETIN_ERROR_OFFLINE))
        failure = failure != NULL && g_error_matches (failure, BULLETIN_ERROR, BULLETIN_ERROR_OFFLINE) ? failure : model_error;
    }

  json_builder_begin_object (builder);
  add_string (builder, "edition", bulletin_edition_get_id (edition));
  json_builder_set_member_name (builder, "sections");
  json_builder_begin_array (builder);

  for (guint i = 0; i < models->len; i++)
    {
      BulletinSectionModel *model = g_ptr_array_index (models, i);
      BulletinSection *section = bulletin_section_model_get_section (model);
      GListModel *list = G_LIST_MODEL (model);
      guint n = g_list_model_get_n_items (list);

      if (limit > 0)
        n = MIN (n, (guint) limit);

      if (json)
        {
          json_builder_begin_object (builder);
          add_string (builder, "id", bulletin_section_get_id (section));
          add_string (builder, "title", bulletin_section_get_title (section));
          json_builder_set_member_name (builder, "stale");
          json_builder_add_boolean_value (builder, bulletin_section_model_get_stale (model));
          add_error (builder, bulletin_section_model_get_error (model));
          json_builder_set_member_name (builder, "articles");
          json_builder_begin_array (builder);
          for (guint j = 0; j < n; j++)
            {
              g_autoptr(BulletinArticle) article = g_list_model_get_item (list, j);

              add_headline (builder, article);
            }
          json_builder_end_array (builder);
          json_builder_end_object (builder);
          continue;
        }

      /* With nothing refreshed, the one error line says it all. */
      if (refreshed == 0 && n == 0)
        continue;

      printf ("%s%s\n", i > 0 ? "\n" : "", bulletin_section_get_title (section));
      if (bulletin_section_model_get_error (model) != NULL)
        printf ("  (%s%s)\n", bulletin_section_model_get_error (model)->message,
                bulletin_section_model_get_stale (model) ? " Showing the headlines kept from before." : "");
      for (guint j = 0; j < n; j++)
        {
          g_autoptr(BulletinArticle) article = g_list_model_get_item (list, j);

          print_headline (article, width);
        }
      if (n == 0 && bulletin_section_model_get_error (model) == NULL)
        printf ("  (no headlines)\n");
    }

  json_builder_end_array (builder);
  json_builder_end_object (builder);

  if (json)
    {
      root = json_builder_get_root (builder);
      bulletin_cli_print_json (root, TRUE);
    }

  fflush (stdout);
  if (refreshed == 0 && failure != NULL)
    return bulletin_cli_fail (failure);

  return BULLETIN_CLI_EXIT_OK;
}

/* breaking */

typedef struct
{
  gboolean  done;
  gboolean  ok;
  GError   *error;
} Poll;

static void
polled_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Poll *poll = user_data;

  poll->ok = bulletin_breaking_refresh_finish (BULLETIN_BREAKING (object), result, &poll->error);
  poll->done = TRUE;
}

int
bulletin_cli_breaking (int    argc,
                       char **argv)
{
  g_autofree char *edition_id = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "edition", 'e', 0, G_OPTION_ARG_STRING, &edition_id, "The edition (default: the app's)", "ID" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print JSON", NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(BulletinEdition) edition = NULL;
  g_autoptr(BulletinClient) client = NULL;
  g_autoptr(BulletinBreaking) breaking = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  GListModel *list;
  Poll poll = { 0 };
  guint width = terminal_width ();

  if (!bulletin_cli_parse_options ("breaking", "", entries, &argc, &argv))
    return BULLETIN_CLI_EXIT_USAGE;
  if (argc > 1)
    return bulletin_cli_usage_error ("breaking", "unexpected argument '%s'", argv[1]);

  edition = find_edition (edition_id, &error);
  if (edition == NULL)
    return bulletin_cli_fail (error);

  client = bulletin_client_new (NULL);
  breaking = bulletin_breaking_new (client, edition);
  bulletin_breaking_refresh_async (breaking, NULL, polled_cb, &poll);
  wait_for (&poll.done);
  if (!poll.ok)
    {
      int status = bulletin_cli_fail (poll.error);

      g_clear_error (&poll.error);
      return status;
    }

  list = G_LIST_MODEL (breaking);
  if (json)
    {
      json_builder_begin_object (builder);
      add_string (builder, "edition", bulletin_edition_get_id (edition));
      json_builder_set_member_name (builder, "items");
      json_builder_begin_array (builder);
      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr(BulletinArticle) item = g_list_model_get_item (list, i);
          g_autofree char *key = bulletin_breaking_item_key (item);

          json_builder_begin_object (builder);
          add_string (builder, "key", key);
          add_string (builder, "title", bulletin_article_get_title (item));
          add_string (builder, "url", bulletin_article_get_url (item));
          add_date (builder, "published", bulletin_article_get_published (item));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      bulletin_cli_print_json (root, TRUE);
      return BULLETIN_CLI_EXIT_OK;
    }

  if (g_list_model_get_n_items (list) == 0)
    printf ("No breaking news.\n");
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(BulletinArticle) item = g_list_model_get_item (list, i);

      print_wrapped (bulletin_article_get_title (item), 2, width);
      if (bulletin_article_get_url (item) != NULL)
        printf ("    %s\n", bulletin_article_get_url (item));
    }

  return BULLETIN_CLI_EXIT_OK;
}

/* read */

typedef struct
{
  gboolean  done;
  gboolean  ok;
  GError   *error;
} Load;

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Load *load = user_data;

  load->ok = bulletin_article_load_finish (BULLETIN_CLIENT (object), result, &load->error);
  load->done = TRUE;
}

int
bulletin_cli_read (int    argc,
                   char **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print JSON", NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(BulletinArticle) article = NULL;
  g_autoptr(BulletinLibrary) library = NULL;
  g_autoptr(BulletinClient) client = NULL;
  g_autofree char *text = NULL;
  g_autofree char *when = NULL;
  const char *url;
  gboolean saved = FALSE;
  guint width = terminal_width ();

  if (!bulletin_cli_parse_options ("read", "URL", entries, &argc, &argv))
    return BULLETIN_CLI_EXIT_USAGE;
  if (argc != 2)
    return bulletin_cli_usage_error ("read", "expected one URL");

  url = argv[1];

  /* A saved article reads from disk, with no network. */
  library = bulletin_library_new (NULL);
  if (bulletin_library_contains (library, url))
    {
      article = bulletin_library_load (library, url, &error);
      if (article == NULL)
        return bulletin_cli_fail (error);
      saved = TRUE;
    }
  else
    {
      Load load = { 0 };

      article = bulletin_article_new ();
      bulletin_article_set_url (article, url);
      client = bulletin_client_new (NULL);
      bulletin_article_load_async (client, article, NULL, loaded_cb, &load);
      wait_for (&load.done);
      if (!load.ok)
        {
          int status = bulletin_cli_fail (load.error);

          g_clear_error (&load.error);
          return status;
        }
    }

  if (bulletin_article_get_body (article) != NULL)
    text = bulletin_html_to_text (bulletin_article_get_body (article), -1);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;
      const char * const *tags = bulletin_article_get_tags (article);

      json_builder_begin_object (builder);
      add_string (builder, "url", bulletin_article_get_url (article));
      add_string (builder, "title", bulletin_article_get_title (article));
      add_string (builder, "byline", bulletin_article_get_author (article));
      add_string (builder, "source", bulletin_article_get_source (article));
      add_date (builder, "published", bulletin_article_get_published (article));
      add_date (builder, "updated", bulletin_article_get_updated (article));
      add_string (builder, "section", bulletin_article_get_section (article));
      add_string (builder, "summary", bulletin_article_get_summary (article));
      add_string (builder, "image", bulletin_article_get_image (article));
      add_string (builder, "image_caption", bulletin_article_get_image_caption (article));
      add_string (builder, "lang", bulletin_article_get_language (article));
      add_string (builder, "dir", bulletin_article_get_direction (article));
      json_builder_set_member_name (builder, "tags");
      json_builder_begin_array (builder);
      for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
        json_builder_add_string_value (builder, tags[i]);
      json_builder_end_array (builder);
      if (bulletin_article_get_reading_minutes (article) > 0)
        {
          json_builder_set_member_name (builder, "reading_minutes");
          json_builder_add_int_value (builder, bulletin_article_get_reading_minutes (article));
        }
      add_string (builder, "content", bulletin_article_get_body (article));
      add_string (builder, "text", text);
      json_builder_set_member_name (builder, "saved");
      json_builder_add_boolean_value (builder, saved);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      bulletin_cli_print_json (root, TRUE);
      return BULLETIN_CLI_EXIT_OK;
    }

  print_wrapped (bulletin_article_get_title (article), 0, width);
  {
    g_autoptr(GString) meta = g_string_new (NULL);

    if (bulletin_article_get_author (article) != NULL)
      g_string_append_printf (meta, "By %s", bulletin_article_get_author (article));
    if (bulletin_article_get_published (article) != NULL)
      {
        g_autoptr(GDateTime) local = g_date_time_to_local (bulletin_article_get_published (article));

        when = g_date_time_format (local, "%e %b %Y %H:%M");
        g_string_append_printf (meta, "%s%s", meta->len > 0 ? " · " : "", g_strstrip (when));
      }
    if (bulletin_article_get_reading_minutes (article) > 0)
      g_string_append_printf (meta, "%s%u min read", meta->len > 0 ? " · " : "",
                              bulletin_article_get_reading_minutes (article));
    if (saved)
      g_string_append_printf (meta, "%s(saved)", meta->len > 0 ? " " : "");
    if (meta->len > 0)
      printf ("%s\n", meta->str);
  }
  printf ("\n");

  if (bulletin_article_get_summary (article) != NULL && text == NULL)
    {
      g_autofree char *summary = bulletin_html_to_text (bulletin_article_get_summary (article), -1);

      print_wrapped (summary, 0, width);
    }

  if (text != NULL)
    {
      g_auto(GStrv) paragraphs = g_strsplit (text, "\n", -1);
      gboolean blank = FALSE;

      for (guint i = 0; paragraphs[i] != NULL; i++)
        {
          g_strstrip (paragraphs[i]);
          if (paragraphs[i][0] == '\0')
            {
              blank = TRUE;
              continue;
            }
          if (blank && i > 0)
            printf ("\n");
          blank = FALSE;
          print_wrapped (paragraphs[i], 0, width);
        }
    }

  if (bulletin_article_get_url (article) != NULL)
    printf ("\n%s\n", bulletin_article_get_url (article));

  return BULLETIN_CLI_EXIT_OK;
}
