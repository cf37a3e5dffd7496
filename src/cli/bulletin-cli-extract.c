/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bulletin-cli"

#include "config.h"

#include "bulletin-cli-commands.h"
#include "bulletin-error.h"
#include "bulletin-page-extractor.h"
#include "bulletin-sanitizer.h"

#define add_string bulletin_cli_add_string
#define add_date bulletin_cli_add_date

static JsonNode *
article_to_json (BulletinArticle *article,
                 const char      *site_name)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const char * const *tags = bulletin_article_get_tags (article);
  const char *body = bulletin_article_get_body (article);
  g_autofree char *text = body != NULL ? bulletin_page_html_text (body) : NULL;

  json_builder_begin_object (builder);
  add_string (builder, "title", bulletin_article_get_title (article));
  add_string (builder, "byline", bulletin_article_get_author (article));
  add_string (builder, "excerpt", bulletin_article_get_summary (article));
  add_string (builder, "site_name", site_name);
  add_date (builder, "published", bulletin_article_get_published (article));
  add_date (builder, "modified", bulletin_article_get_updated (article));
  add_string (builder, "lang", bulletin_article_get_language (article));
  add_string (builder, "dir", bulletin_article_get_direction (article));
  add_string (builder, "image", bulletin_article_get_image (article));
  add_string (builder, "image_caption", bulletin_article_get_image_caption (article));
  add_string (builder, "section", bulletin_article_get_section_title (article));

  json_builder_set_member_name (builder, "tags");
  json_builder_begin_array (builder);
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    json_builder_add_string_value (builder, tags[i]);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "reading_minutes");
  json_builder_add_int_value (builder, bulletin_article_get_reading_minutes (article));

  add_string (builder, "content", body);
  add_string (builder, "text", text);

  /* Beyond the contract: what the app uses too. */
  add_string (builder, "source", bulletin_article_get_source (article));
  add_string (builder, "kind", bulletin_article_kind_to_string (bulletin_article_get_kind (article)));
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* bulletin-cli extract [--url URL] FILE|- */
int
bulletin_cli_extract (int    argc,
                      char **argv)
{
  g_autofree char *url = NULL;
  gboolean json = FALSE;
  gboolean pretty = FALSE;
  GOptionEntry entries[] = {
    { "url", 'u', 0, G_OPTION_ARG_STRING, &url, "The page's address, to resolve its links against", "URL" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print JSON (always on)", NULL },
    { "pretty", 0, 0, G_OPTION_ARG_NONE, &pretty, "Indent the JSON", NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(BulletinArticle) article = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *site_name = NULL;
  int status;

  if (!bulletin_cli_parse_options ("extract", "FILE|-", entries, &argc, &argv))
    return BULLETIN_CLI_EXIT_USAGE;

  bytes = bulletin_cli_read_file_argument ("extract", argc, argv, BULLETIN_PAGE_MAX_SIZE, &status);
  if (bytes == NULL)
    return status;

  article = bulletin_page_extract_full (bytes, url, &site_name, &error);
  if (article == NULL)
    return bulletin_cli_fail (error);

  node = article_to_json (article, site_name);
  bulletin_cli_print_json (node, pretty);

  return BULLETIN_CLI_EXIT_OK;
}
