/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bulletin-types.h"
#include "bulletin-section.h"

G_BEGIN_DECLS

#define BULLETIN_EDITION_FORMAT 1
#define BULLETIN_EDITION_RESOURCE_DIR "/io/github/bulletinapp/Bulletin/editions"

#define BULLETIN_TYPE_EDITION (bulletin_edition_get_type ())
G_DECLARE_FINAL_TYPE (BulletinEdition, bulletin_edition, BULLETIN, EDITION, GObject)

GPtrArray       *bulletin_edition_load_all             (GError          **error);
char           **bulletin_edition_list_uris            (void);
BulletinEdition *bulletin_edition_lookup               (const char       *id,
                                                        GError          **error);
BulletinEdition *bulletin_edition_new_from_bytes       (GBytes           *json,
                                                        const char       *base_uri,
                                                        GError          **error);
BulletinEdition *bulletin_edition_new_from_uri         (const char       *uri,
                                                        GError          **error);

const char      *bulletin_edition_get_id               (BulletinEdition  *self);
const char      *bulletin_edition_get_name             (BulletinEdition  *self);
const char      *bulletin_edition_get_short_name       (BulletinEdition  *self);
const char      *bulletin_edition_get_language         (BulletinEdition  *self);
const char      *bulletin_edition_get_direction        (BulletinEdition  *self);
const char      *bulletin_edition_get_home_url         (BulletinEdition  *self);
const char      *bulletin_edition_get_site_name        (BulletinEdition  *self);
const char      *bulletin_edition_get_article_pattern  (BulletinEdition  *self);
const char      *bulletin_edition_get_base_uri         (BulletinEdition  *self);
gboolean         bulletin_edition_is_bundled           (BulletinEdition  *self);
GListModel      *bulletin_edition_get_sections         (BulletinEdition  *self);
BulletinSection *bulletin_edition_get_latest           (BulletinEdition  *self);
BulletinSection *bulletin_edition_lookup_section       (BulletinEdition  *self,
                                                        const char       *id);
const BulletinSource *bulletin_edition_get_breaking    (BulletinEdition  *self);
gboolean         bulletin_edition_url_is_article       (BulletinEdition  *self,
                                                        const char       *url);

G_END_DECLS
