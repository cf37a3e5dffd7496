/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bulletin-types.h"

G_BEGIN_DECLS

GPtrArray *bulletin_listing_parse      (GBytes      *html,
                                        const char  *page_url,
                                        const char  *article_url_pattern,
                                        GError     **error);
char      *bulletin_listing_canonical_url (const char *base,
                                           const char *href);

G_END_DECLS
