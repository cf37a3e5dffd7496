/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bulletin-cli"

#include "config.h"

#include <stdio.h>

#include "bulletin-cli-commands.h"
#include "bulletin-error.h"
#include "bulletin-sanitizer.h"
#include "bulletin-url.h"

/* bulletin-cli sanitize [--base-url URL] [--text] [--json] FILE|-
 *
 * Prints the sanitized HTML (or with --text its plain text) followed by a
 * newline; with --json, {"html": …} or {"text": …}.
 */
int
bulletin_cli_sanitize (int    argc,
                       char **argv)
{
  g_autofree char *base_url = NULL;
  gboolean text = FALSE;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "base-url", 'b', 0, G_OPTION_ARG_STRING, &base_url, "Resolve relative URLs against URL", "URL" },
    { "text", 't', 0, G_OPTION_ARG_NONE, &text, "Print the plain text instead of HTML", NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print a JSON object", NULL },
    { NULL }
  };
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *result = NULL;
  const char *data;
  gsize size;
  int status;

  if (!bulletin_cli_parse_options ("sanitize", "FILE|-", entries, &argc, &argv))
    return BULLETIN_CLI_EXIT_USAGE;

  if (base_url != NULL)
    {
      g_autofree char *scheme = bulletin_url_get_scheme (base_url);
      g_autofree char *resolved = bulletin_url_resolve (NULL, base_url);

      if (scheme == NULL || resolved == NULL)
        return bulletin_cli_usage_error ("sanitize", "--base-url needs an absolute URL, not “%s”", base_url);
    }

  bytes = bulletin_cli_read_file_argument ("sanitize", argc, argv, BULLETIN_SANITIZER_MAX_INPUT, &status);
  if (bytes == NULL)
    return status;

  data = g_bytes_get_data (bytes, &size);
  if (text)
    result = bulletin_html_to_text (data, size);
  else
    result = bulletin_sanitize_html (data, size, base_url);

  if (json)
    {
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
      g_autoptr(JsonObject) object = json_object_new ();

      json_object_set_string_member (object, text ? "text" : "html", result);
      json_node_set_object (node, object);
      bulletin_cli_print_json (node, FALSE);
    }
  else
    {
      fputs (result, stdout);
      fputc ('\n', stdout);
      fflush (stdout);
    }

  return BULLETIN_CLI_EXIT_OK;
}
