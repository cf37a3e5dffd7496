/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bulletin-cli"

#include "config.h"

#include "bulletin-cli-commands.h"
#include "bulletin-error.h"
#include "bulletin-feed-parser.h"

#define add_string bulletin_cli_add_string
#define add_date bulletin_cli_add_date

static void
add_item (JsonBuilder     *builder,
          BulletinArticle *item)
{
  const char * const *tags = bulletin_article_get_tags (item);
  GPtrArray *enclosures = bulletin_article_get_enclosures (item);

  json_builder_begin_object (builder);
  add_string (builder, "id", bulletin_article_get_id (item));
  add_string (builder, "title", bulletin_article_get_title (item));
  add_string (builder, "link", bulletin_article_get_url (item));
  add_string (builder, "summary", bulletin_article_get_summary (item));
  add_string (builder, "content", bulletin_article_get_body (item));
  add_string (builder, "author", bulletin_article_get_author (item));
  add_date (builder, "published", bulletin_article_get_published (item));
  add_date (builder, "updated", bulletin_article_get_updated (item));

  json_builder_set_member_name (builder, "categories");
  json_builder_begin_array (builder);
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    json_builder_add_string_value (builder, tags[i]);
  json_builder_end_array (builder);

  add_string (builder, "image", bulletin_article_get_image (item));

  json_builder_set_member_name (builder, "enclosures");
  json_builder_begin_array (builder);
  for (guint i = 0; enclosures != NULL && i < enclosures->len; i++)
    {
      const BulletinEnclosure *enclosure = g_ptr_array_index (enclosures, i);

      json_builder_begin_object (builder);
      add_string (builder, "url", enclosure->url);
      add_string (builder, "type", enclosure->type);
      json_builder_set_member_name (builder, "length");
      if (enclosure->length > 0)
        json_builder_add_int_value (builder, enclosure->length);
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  /* Beyond the contract: what the app uses too. */
  add_string (builder, "kind", bulletin_article_kind_to_string (bulletin_article_get_kind (item)));
  if (bulletin_article_get_media_url (item) != NULL)
    add_string (builder, "media_url", bulletin_article_get_media_url (item));
  if (bulletin_article_get_language (item) != NULL)
    add_string (builder, "language", bulletin_article_get_language (item));

  json_builder_end_object (builder);
}

static JsonNode *
feed_to_json (BulletinFeed *feed)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GPtrArray *items = bulletin_feed_get_items (feed);

  json_builder_begin_object (builder);
  add_string (builder, "format", bulletin_feed_get_format (feed));
  add_string (builder, "title", bulletin_feed_get_title (feed));
  add_string (builder, "link", bulletin_feed_get_link (feed));
  add_string (builder, "subtitle", bulletin_feed_get_subtitle (feed));
  add_string (builder, "language", bulletin_feed_get_language (feed));
  add_date (builder, "updated", bulletin_feed_get_updated (feed));
  if (bulletin_feed_get_image (feed) != NULL)
    add_string (builder, "image", bulletin_feed_get_image (feed));
  /* feedparser's name for "the XML was not well-formed and was recovered". */
  json_builder_set_member_name (builder, "bozo");
  json_builder_add_boolean_value (builder, bulletin_feed_get_recovered (feed));

  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < items->len; i++)
    add_item (builder, g_ptr_array_index (items, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* bulletin-cli parse-feed [--base-url URL] FILE|- */
int
bulletin_cli_parse_feed (int    argc,
                         char **argv)
{
  g_autofree char *base_url = NULL;
  gboolean json = FALSE;
  gboolean pretty = FALSE;
  GOptionEntry entries[] = {
    { "base-url", 'b', 0, G_OPTION_ARG_STRING, &base_url, "Resolve relative links against URL", "URL" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print JSON (always on)", NULL },
    { "pretty", 0, 0, G_OPTION_ARG_NONE, &pretty, "Indent the JSON", NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(BulletinFeed) feed = NULL;
  g_autoptr(JsonNode) node = NULL;
  int status;

  if (!bulletin_cli_parse_options ("parse-feed", "FILE|-", entries, &argc, &argv))
    return BULLETIN_CLI_EXIT_USAGE;

  bytes = bulletin_cli_read_file_argument ("parse-feed", argc, argv, BULLETIN_FEED_MAX_SIZE, &status);
  if (bytes == NULL)
    return status;

  feed = bulletin_feed_parse (bytes, base_url, &error);
  if (feed == NULL)
    return bulletin_cli_fail (error);

  node = feed_to_json (feed);
  bulletin_cli_print_json (node, pretty);

  return BULLETIN_CLI_EXIT_OK;
}
