/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* A subcommand: parses its own options from argv (argv[0] is its name) and
 * returns the process exit status. It prints one JSON document or readable
 * text on stdout and, on failure, one line on stderr.
 */
typedef int (*BulletinCliCommandFunc) (int argc, char **argv);

typedef struct
{
  const char             *name;
  const char             *usage;
  const char             *summary;
  BulletinCliCommandFunc  run;
} BulletinCliCommand;

enum {
  BULLETIN_CLI_EXIT_OK = 0,
  BULLETIN_CLI_EXIT_FAILURE = 1,
  BULLETIN_CLI_EXIT_USAGE = 2,
};

GBytes   *bulletin_cli_read_input     (const char   *path,
                                       gsize         max_size,
                                       GError      **error);
void      bulletin_cli_print_json     (JsonNode     *node,
                                       gboolean      pretty);
int       bulletin_cli_fail           (const GError *error);
int       bulletin_cli_usage_error    (const char   *command,
                                       const char   *format,
                                       ...) G_GNUC_PRINTF (2, 3);
gboolean  bulletin_cli_parse_options  (const char   *command,
                                       const char   *parameter_string,
                                       GOptionEntry *entries,
                                       int          *argc,
                                       char       ***argv);
GBytes   *bulletin_cli_read_file_argument (const char  *command,
                                           int          argc,
                                           char       **argv,
                                           gsize        max_size,
                                           int         *status);
GSettings *bulletin_cli_open_settings   (GError      **error);
void      bulletin_cli_add_string     (JsonBuilder  *builder,
                                       const char   *name,
                                       const char   *value);
void      bulletin_cli_add_date       (JsonBuilder  *builder,
                                       const char   *name,
                                       GDateTime    *date);

G_END_DECLS
