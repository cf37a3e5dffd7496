/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Internal to libbulletin-core: the last headlines of each section, kept
 * under $XDG_CACHE_HOME/bulletin/headlines/EDITION/SECTION.json so a start
 * with no network has something to show. Used by BulletinSectionModel.
 */

GPtrArray *bulletin_headline_cache_load  (const char *edition_id,
                                          const char *section_id);
void       bulletin_headline_cache_store (const char *edition_id,
                                          const char *section_id,
                                          GPtrArray  *articles);

G_END_DECLS
