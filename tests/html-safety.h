/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *html_safety_find_unsafe (const char *html,
                               gssize      length);

G_END_DECLS
