/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "bulletin-types.h"

G_BEGIN_DECLS

/**
 * BulletinSectionKind:
 * @BULLETIN_SECTION_KIND_SECTION: a section of the outlet (Politics, Opinion, Infographs…)
 * @BULLETIN_SECTION_KIND_REGION: a region (Africa, Europe…)
 * @BULLETIN_SECTION_KIND_LATEST: the edition's latest headlines, all sections merged
 */
typedef enum
{
  BULLETIN_SECTION_KIND_SECTION,
  BULLETIN_SECTION_KIND_REGION,
  BULLETIN_SECTION_KIND_LATEST,
} BulletinSectionKind;

#define BULLETIN_TYPE_SECTION_KIND (bulletin_section_kind_get_type ())
GType bulletin_section_kind_get_type (void) G_GNUC_CONST;

/**
 * BulletinSourceType:
 * @BULLETIN_SOURCE_FEED: an RSS, Atom or JSON feed
 * @BULLETIN_SOURCE_PAGE: an HTML page read by the listing parser (or, for
 *   breaking news, a page whose breaking strip is read)
 */
typedef enum
{
  BULLETIN_SOURCE_FEED,
  BULLETIN_SOURCE_PAGE,
} BulletinSourceType;

/**
 * BulletinSource:
 * @type: what the URL holds
 * @url: an absolute http, https, resource or file URI
 *
 * Where a section's headlines are read from.
 */
typedef struct
{
  BulletinSourceType  type;
  char               *url;
} BulletinSource;

#define BULLETIN_TYPE_SOURCE (bulletin_source_get_type ())
GType           bulletin_source_get_type (void) G_GNUC_CONST;
BulletinSource *bulletin_source_new      (BulletinSourceType    type,
                                          const char           *url);
BulletinSource *bulletin_source_copy     (const BulletinSource *self);
void            bulletin_source_free     (BulletinSource       *self);
const char     *bulletin_source_type_to_string (BulletinSourceType type);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BulletinSource, bulletin_source_free)

#define BULLETIN_TYPE_SECTION (bulletin_section_get_type ())
G_DECLARE_FINAL_TYPE (BulletinSection, bulletin_section, BULLETIN, SECTION, GObject)

BulletinSection     *bulletin_section_new             (const char          *id,
                                                       const char          *title,
                                                       const char          *group_id,
                                                       const char          *group_title,
                                                       BulletinSectionKind  kind);
const char          *bulletin_section_get_id          (BulletinSection     *self);
const char          *bulletin_section_get_title       (BulletinSection     *self);
const char          *bulletin_section_get_group_id    (BulletinSection     *self);
const char          *bulletin_section_get_group_title (BulletinSection     *self);
BulletinSectionKind  bulletin_section_get_kind        (BulletinSection     *self);
GPtrArray           *bulletin_section_get_sources     (BulletinSection     *self);
void                 bulletin_section_add_source      (BulletinSection     *self,
                                                       BulletinSourceType   type,
                                                       const char          *url);

G_END_DECLS
