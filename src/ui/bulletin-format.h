/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char       *bulletin_format_relative_time (GDateTime    *time,
                                           GDateTime    *now);
const char *bulletin_format_error_title   (const GError *error);
const char *bulletin_format_error_icon    (const GError *error);
const char *bulletin_format_ui_language   (void);
char       *bulletin_format_full_date     (GDateTime    *time);

G_END_DECLS
