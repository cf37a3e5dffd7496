/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bulletin-cli"

#include "config.h"

#include <stdio.h>
#include <unistd.h>
#include <gio/gunixinputstream.h>

#include "bulletin-cli-common.h"
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
 * @error: return location for a #GError
 *
 * Returns: whether the options parsed
 */
gboolean
bulletin_cli_parse_options (const char     *command,
                            const char     *parameter_string,
                            GOptionEntry   *entries,
                            int            *argc,
                            char         ***argv,
                            GError        **error)
{
  g_autofree char *usage = g_strdup_printf ("%s %s", command, parameter_string);
  g_autoptr(GOptionContext) context = g_option_context_new (usage);

  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_strict_posix (context, FALSE);

  return g_option_context_parse (context, argc, argv, error);
}
