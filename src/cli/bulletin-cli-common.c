/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bulletin-cli"

#include "config.h"

#include <stdio.h>
#include <unistd.h>
#include <gio/gunixinputstream.h>

#include "bulletin-cli-common.h"
#include "bulletin-date.h"
#include "bulletin-error.h"

/**
 * bulletin_cli_read_input:
 * @path: a file name, or "-" for standard input
 * @max_size: the most bytes accepted
 * @error: return location for a #GError
 *
 * Reads all of @path, refusing more than @max_size bytes as it reads rather
 * than after, so a huge input cannot exhaust memory.
 *
 * Returns: (transfer full): the bytes, or %NULL with @error set
 */
GBytes *
bulletin_cli_read_input (const char  *path,
                         gsize        max_size,
                         GError     **error)
{
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GByteArray) buffer = g_byte_array_new ();
  guint8 chunk[65536];

  if (g_strcmp0 (path, "-") == 0)
    {
      stream = g_unix_input_stream_new (STDIN_FILENO, FALSE);
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
      g_autoptr(GError) local_error = NULL;

      stream = G_INPUT_STREAM (g_file_read (file, NULL, &local_error));
      if (stream == NULL)
        {
          int code = g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND)
                       ? BULLETIN_ERROR_NOT_FOUND : BULLETIN_ERROR_FAILED;

          g_set_error (error, BULLETIN_ERROR, code,
                       "Cannot read %s: %s", path, local_error->message);
          return NULL;
        }
    }

  for (;;)
    {
      gssize n = g_input_stream_read (stream, chunk, sizeof chunk, NULL, error);

      if (n < 0)
        return NULL;
      if (n == 0)
        break;
      if (buffer->len + (gsize) n > max_size)
        {
          g_set_error (error, BULLETIN_ERROR, BULLETIN_ERROR_TOO_LARGE,
                       "%s is larger than the limit of %" G_GSIZE_FORMAT " MiB",
                       g_strcmp0 (path, "-") == 0 ? "The input" : path,
                       max_size / (1024 * 1024));
          return NULL;
        }
      g_byte_array_append (buffer, chunk, n);
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

/**
 * bulletin_cli_print_json:
 * @node: a JSON node
 * @pretty: whether to indent
 *
 * Writes @node to standard output followed by a newline.
 */
void
bulletin_cli_print_json (JsonNode *node,
                         gboolean  pretty)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_root (generator, node);
  json_generator_set_pretty (generator, pretty);
  text = json_generator_to_data (generator, NULL);
  fputs (text, stdout);
  fputc ('\n', stdout);
  fflush (stdout);
}

/**
 * bulletin_cli_fail:
 * @error: what went wrong
 *
 * Prints @error as one line on standard error.
 *
 * Returns: the exit status for a failure
 */
int
bulletin_cli_fail (const GError *error)
{
  g_autofree char *message = g_strdup (error != NULL ? error->message : "Unknown error");

  /* One line, whatever the message holds. */
  g_strdelimit (message, "\r\n", ' ');
  g_printerr ("bulletin-cli: %s\n", message);

  return BULLETIN_CLI_EXIT_FAILURE;
}

int
bulletin_cli_usage_error (const char *command,
                          const char *format,
                          ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("bulletin-cli %s: %s (see 'bulletin-cli %s --help')\n",
              command, message, command);

  return BULLETIN_CLI_EXIT_USAGE;
}

/**
 * bulletin_cli_parse_options:
 * @command: the subcommand's name, for messages
 * @parameter_string: what follows the options in the usage line
 * @entries: the subcommand's options
 * @argc: (inout): the argument count
 * @argv: (inout): the arguments, options removed on return
 *
 * Parses the options, and prints a usage error when they do not parse.
 *
 * Returns: whether the options parsed; if not, the command exits with
 *   %BULLETIN_CLI_EXIT_USAGE
 */
gboolean
bulletin_cli_parse_options (const char     *command,
                            const char     *parameter_string,
                            GOptionEntry   *entries,
                            int            *argc,
                            char         ***argv)
{
  g_autofree char *usage = g_strdup_printf ("%s %s", command, parameter_string);
  g_autoptr(GOptionContext) context = g_option_context_new (usage);
  g_autoptr(GError) error = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_strict_posix (context, FALSE);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      bulletin_cli_usage_error (command, "%s", error->message);
      return FALSE;
    }

  return TRUE;
}

/**
 * bulletin_cli_read_file_argument:
 * @command: the subcommand's name, for messages
 * @argc: the argument count, options removed
 * @argv: the arguments, options removed
 * @max_size: the most bytes accepted
 * @status: (out): the exit status when this fails
 *
 * Reads the one FILE (or "-" for standard input) a command like `extract`
 * takes, printing a usage error when there is not exactly one, or the
 * error when it cannot be read.
 *
 * Returns: (transfer full) (nullable): the bytes, or %NULL with @status set
 */
GBytes *
bulletin_cli_read_file_argument (const char  *command,
                                 int          argc,
                                 char       **argv,
                                 gsize        max_size,
                                 int         *status)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  if (argc != 2)
    {
      *status = bulletin_cli_usage_error (command, "expected one FILE, or - for standard input");
      return NULL;
    }

  bytes = bulletin_cli_read_input (argv[1], max_size, &error);
  if (bytes == NULL)
    *status = bulletin_cli_fail (error);

  return bytes;
}

/**
 * bulletin_cli_open_settings:
 * @error: return location for a #GError
 *
 * Opens the app's settings, the same bookmarks and edition the app uses.
 * g_settings_new() would abort on a missing schema; this fails cleanly.
 *
 * Returns: (transfer full): the settings, or %NULL with @error set
 */
GSettings *
bulletin_cli_open_settings (GError **error)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);

  if (schema == NULL)
    {
      g_set_error (error, BULLETIN_ERROR, BULLETIN_ERROR_FAILED,
                   "The settings schema %s is not installed", APP_ID);
      return NULL;
    }

  return g_settings_new_full (schema, NULL, NULL);
}

/**
 * bulletin_cli_add_string:
 * @builder: a #JsonBuilder in an object
 * @name: the member name
 * @value: (nullable): the value
 *
 * Adds a string member, or a null one when @value is %NULL.
 */
void
bulletin_cli_add_string (JsonBuilder *builder,
                         const char  *name,
                         const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/**
 * bulletin_cli_add_date:
 * @builder: a #JsonBuilder in an object
 * @name: the member name
 * @date: (nullable): the value
 *
 * Adds @date as ISO 8601 in UTC, or a null member when @date is %NULL.
 */
void
bulletin_cli_add_date (JsonBuilder *builder,
                       const char  *name,
                       GDateTime   *date)
{
  g_autofree char *iso = bulletin_date_to_iso8601 (date);

  bulletin_cli_add_string (builder, name, iso);
}
