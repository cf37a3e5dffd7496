/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bulletin-cli-common.h"

G_BEGIN_DECLS

/* One function per subcommand, each in the file of its area. */

int bulletin_cli_parse_feed (int argc, char **argv);

int bulletin_cli_editions (int argc, char **argv);
int bulletin_cli_headlines (int argc, char **argv);
int bulletin_cli_breaking (int argc, char **argv);
int bulletin_cli_read (int argc, char **argv);

int bulletin_cli_saved (int argc, char **argv);

int bulletin_cli_extract (int argc, char **argv);

int bulletin_cli_sanitize (int argc, char **argv);

G_END_DECLS
