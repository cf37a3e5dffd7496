/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

GDateTime *bulletin_date_parse      (const char *text);
char      *bulletin_date_to_iso8601 (GDateTime  *date);

G_END_DECLS
