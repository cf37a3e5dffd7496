/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bulletin-headline-cache"

#include "config.h"

#include <json-glib/json-glib.h>

#include "bulletin-article.h"
#include "bulletin-atomic-file.h"
#include "bulletin-headline-cache.h"
#include "bulletin-json.h"

#define FORMAT_VERSION 1

static GFile *
cache_file (const char *edition_id,
            const char *section_id)
{
  g_autofree char *name = g_strconcat (section_id, ".json", NULL);

  return g_file_new_build_filename (g_get_user_cache_dir (), "bulletin", "headlines",
                                    edition_id, name, NULL);
}

/**
 * bulletin_headline_cache_load:
 * @edition_id: the edition's id
 * @section_id: the section's id
 *
 * Reads the headlines kept for a section. A file that is missing, damaged
 * or of another format gives none; an article that does not read is left
 * out.
 *
 * Returns: (transfer full) (element-type BulletinArticle): the articles,
 *   in the order kept, maybe none
 */
GPtrArray *
bulletin_headline_cache_load (const char *edition_id,
                              const char *section_id)
{
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GFile) file = cache_file (edition_id, section_id);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *contents = NULL;
  gsize length;
  JsonNode *root;
  JsonArray *articles;
  JsonNode *member;

  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, NULL))
    return g_steal_pointer (&result);

  if (!json_parser_load_from_data (parser, contents, length, NULL))
    return g_steal_pointer (&result);

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return g_steal_pointer (&result);

  if (bulletin_json_get_int (json_node_get_object (root), "format", 0) != FORMAT_VERSION)
    return g_steal_pointer (&result);

  member = json_object_get_member (json_node_get_object (root), "articles");
  if (member == NULL || !JSON_NODE_HOLDS_ARRAY (member))
    return g_steal_pointer (&result);
  articles = json_node_get_array (member);

  for (guint i = 0; i < json_array_get_length (articles); i++)
    {
      BulletinArticle *article = bulletin_article_new_from_json (json_array_get_element (articles, i), NULL);

      if (article != NULL)
        g_ptr_array_add (result, article);
    }

  return g_steal_pointer (&result);
}

static void
store_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  const char *path = g_object_get_data (G_OBJECT (task), "path");
  GBytes *bytes = task_data;
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  /* Written to a temporary file and renamed over the old one. */
  if (!bulletin_mkdir_with_parents (dir, &error) ||
      !bulletin_atomic_file_write (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error))
    g_debug ("Cannot keep the headlines for an offline start: %s", error->message);

  g_task_return_boolean (task, TRUE);
}

/**
 * bulletin_headline_cache_store:
 * @edition_id: the edition's id
 * @section_id: the section's id
 * @articles: (element-type BulletinArticle): the headlines shown
 *
 * Keeps @articles for the next start: serialized here, written in a
 * worker thread. A failure to write is only logged.
 */
void
bulletin_headline_cache_store (const char *edition_id,
                               const char *section_id,
                               GPtrArray  *articles)
{
  g_autoptr(GFile) file = cache_file (edition_id, section_id);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GTask) task = NULL;
  char *text;
  gsize length;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_int_value (builder, FORMAT_VERSION);
  json_builder_set_member_name (builder, "edition");
  json_builder_add_string_value (builder, edition_id);
  json_builder_set_member_name (builder, "section");
  json_builder_add_string_value (builder, section_id);
  json_builder_set_member_name (builder, "stored");
  json_builder_add_int_value (builder, g_get_real_time () / G_USEC_PER_SEC);
  json_builder_set_member_name (builder, "articles");
  json_builder_begin_array (builder);
  for (guint i = 0; i < articles->len; i++)
    json_builder_add_value (builder, bulletin_article_to_json (g_ptr_array_index (articles, i)));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, &length);

  task = g_task_new (NULL, NULL, NULL, NULL);
  g_task_set_task_data (task, g_bytes_new_take (text, length), (GDestroyNotify) g_bytes_unref);
  g_object_set_data_full (G_OBJECT (task), "path", g_file_get_path (file), g_free);
  g_task_run_in_thread (task, store_thread);
}
