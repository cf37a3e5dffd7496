/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bulletin-cli"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <glib/gi18n.h>

#include "bulletin-cli-commands.h"

static const BulletinCliCommand commands[] = {
  { "editions", "[--json] [--check]", "List the editions (--check validates every edition file)", bulletin_cli_editions },
  { "headlines", "[--edition ID] [--section ID] [--limit N] [--json]", "Print the headlines of every section, or of one", bulletin_cli_headlines },
  { "breaking", "[--edition ID] [--json]", "Print the current breaking news", bulletin_cli_breaking },
  { "read", "URL [--json]", "Print an article as text (from the saved copy when there is one)", bulletin_cli_read },
  { "saved", "add URL|remove URL|list [--json]|export FILE|import FILE", "Bookmarks and articles saved for offline reading", bulletin_cli_saved },
  { "extract", "[--url URL] FILE|-", "Extract the article from a web page, as JSON", bulletin_cli_extract },
  { "parse-feed", "[--base-url URL] FILE|-", "Parse an RSS, Atom or JSON feed and print it as JSON", bulletin_cli_parse_feed },
  { "sanitize", "[--base-url URL] FILE|-", "Make HTML safe to show and print it", bulletin_cli_sanitize },
  { NULL }
};

static void
print_help (FILE *out)
{
  fprintf (out,
           "Usage: bulletin-cli COMMAND [OPTION…] [ARGUMENT…]\n"
           "\n"
           "The terminal face and scripting interface of Bulletin.\n"
           "\n"
           "Commands:\n");
  for (guint i = 0; commands[i].name != NULL; i++)
    fprintf (out, "  %-12s %s\n", commands[i].name, commands[i].summary);
  fprintf (out,
           "\n"
           "Run 'bulletin-cli COMMAND --help' for a command's options.\n");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("bulletin-cli");

  if (argc < 2)
    {
      print_help (stderr);
      return BULLETIN_CLI_EXIT_USAGE;
    }

  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") ||
      g_str_equal (argv[1], "help"))
    {
      print_help (stdout);
      return BULLETIN_CLI_EXIT_OK;
    }

  if (g_str_equal (argv[1], "--version"))
    {
      printf ("bulletin-cli %s\n", PACKAGE_VERSION);
      return BULLETIN_CLI_EXIT_OK;
    }

  for (guint i = 0; commands[i].name != NULL; i++)
    if (g_str_equal (argv[1], commands[i].name))
      return commands[i].run (argc - 1, argv + 1);

  g_printerr ("bulletin-cli: unknown command '%s' (see 'bulletin-cli --help')\n", argv[1]);
  return BULLETIN_CLI_EXIT_USAGE;
}
