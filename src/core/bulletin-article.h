/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "bulletin-types.h"

G_BEGIN_DECLS

typedef enum
{
  BULLETIN_ARTICLE_KIND_ARTICLE,
  BULLETIN_ARTICLE_KIND_VIDEO,
  BULLETIN_ARTICLE_KIND_GALLERY,
  BULLETIN_ARTICLE_KIND_LIVE,
} BulletinArticleKind;

#define BULLETIN_TYPE_ARTICLE_KIND (bulletin_article_kind_get_type ())
GType bulletin_article_kind_get_type (void) G_GNUC_CONST;

const char          *bulletin_article_kind_to_string   (BulletinArticleKind kind);
BulletinArticleKind  bulletin_article_kind_from_string (const char         *name);

/**
 * BulletinEnclosure:
 * @url: the media's absolute URL
 * @type: (nullable): its MIME type
 * @length: its size in bytes, or 0 when unknown
 *
 * A media file attached to a feed item.
 */
typedef struct
{
  char    *url;
  char    *type;
  gint64   length;
} BulletinEnclosure;

#define BULLETIN_TYPE_ENCLOSURE (bulletin_enclosure_get_type ())
GType              bulletin_enclosure_get_type (void) G_GNUC_CONST;
BulletinEnclosure *bulletin_enclosure_new      (const char              *url,
                                                const char              *type,
                                                gint64                   length);
BulletinEnclosure *bulletin_enclosure_copy     (const BulletinEnclosure *self);
void               bulletin_enclosure_free     (BulletinEnclosure       *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BulletinEnclosure, bulletin_enclosure_free)

#define BULLETIN_TYPE_ARTICLE (bulletin_article_get_type ())
G_DECLARE_FINAL_TYPE (BulletinArticle, bulletin_article, BULLETIN, ARTICLE, GObject)

BulletinArticle     *bulletin_article_new                (void);
BulletinArticle     *bulletin_article_new_from_json      (JsonNode            *node,
                                                          GError             **error);
JsonNode            *bulletin_article_to_json            (BulletinArticle     *self);
void                 bulletin_article_merge              (BulletinArticle     *self,
                                                          BulletinArticle     *other);

const char          *bulletin_article_get_id             (BulletinArticle     *self);
void                 bulletin_article_set_id             (BulletinArticle     *self,
                                                          const char          *id);
const char          *bulletin_article_get_url            (BulletinArticle     *self);
void                 bulletin_article_set_url            (BulletinArticle     *self,
                                                          const char          *url);
const char          *bulletin_article_get_title          (BulletinArticle     *self);
void                 bulletin_article_set_title          (BulletinArticle     *self,
                                                          const char          *title);
const char          *bulletin_article_get_summary        (BulletinArticle     *self);
void                 bulletin_article_set_summary        (BulletinArticle     *self,
                                                          const char          *summary);
const char          *bulletin_article_get_body           (BulletinArticle     *self);
void                 bulletin_article_set_body           (BulletinArticle     *self,
                                                          const char          *body);
const char          *bulletin_article_get_author         (BulletinArticle     *self);
void                 bulletin_article_set_author         (BulletinArticle     *self,
                                                          const char          *author);
const char          *bulletin_article_get_source         (BulletinArticle     *self);
void                 bulletin_article_set_source         (BulletinArticle     *self,
                                                          const char          *source);
const char          *bulletin_article_get_section        (BulletinArticle     *self);
void                 bulletin_article_set_section        (BulletinArticle     *self,
                                                          const char          *section);
const char          *bulletin_article_get_section_title  (BulletinArticle     *self);
void                 bulletin_article_set_section_title  (BulletinArticle     *self,
                                                          const char          *section_title);
const char          *bulletin_article_get_region         (BulletinArticle     *self);
void                 bulletin_article_set_region         (BulletinArticle     *self,
                                                          const char          *region);
const char          *bulletin_article_get_image          (BulletinArticle     *self);
void                 bulletin_article_set_image          (BulletinArticle     *self,
                                                          const char          *image);
const char          *bulletin_article_get_image_caption  (BulletinArticle     *self);
void                 bulletin_article_set_image_caption  (BulletinArticle     *self,
                                                          const char          *image_caption);
const char          *bulletin_article_get_media_url      (BulletinArticle     *self);
void                 bulletin_article_set_media_url      (BulletinArticle     *self,
                                                          const char          *media_url);
const char          *bulletin_article_get_language       (BulletinArticle     *self);
void                 bulletin_article_set_language       (BulletinArticle     *self,
                                                          const char          *language);
const char          *bulletin_article_get_direction      (BulletinArticle     *self);
void                 bulletin_article_set_direction      (BulletinArticle     *self,
                                                          const char          *direction);
GDateTime           *bulletin_article_get_published      (BulletinArticle     *self);
void                 bulletin_article_set_published      (BulletinArticle     *self,
                                                          GDateTime           *published);
GDateTime           *bulletin_article_get_updated        (BulletinArticle     *self);
void                 bulletin_article_set_updated        (BulletinArticle     *self,
                                                          GDateTime           *updated);
gint64               bulletin_article_get_sort_time      (BulletinArticle     *self);
const char * const  *bulletin_article_get_tags           (BulletinArticle     *self);
void                 bulletin_article_set_tags           (BulletinArticle     *self,
                                                          const char * const  *tags);
void                 bulletin_article_add_tag            (BulletinArticle     *self,
                                                          const char          *tag);
const char * const  *bulletin_article_get_gallery        (BulletinArticle     *self);
void                 bulletin_article_set_gallery        (BulletinArticle     *self,
                                                          const char * const  *gallery);
GPtrArray           *bulletin_article_get_enclosures     (BulletinArticle     *self);
void                 bulletin_article_add_enclosure      (BulletinArticle     *self,
                                                          BulletinEnclosure   *enclosure);
BulletinArticleKind  bulletin_article_get_kind           (BulletinArticle     *self);
void                 bulletin_article_set_kind           (BulletinArticle     *self,
                                                          BulletinArticleKind  kind);
guint                bulletin_article_get_reading_minutes (BulletinArticle    *self);
void                 bulletin_article_set_reading_minutes (BulletinArticle    *self,
                                                           guint               minutes);
gboolean             bulletin_article_get_read           (BulletinArticle     *self);
void                 bulletin_article_set_read           (BulletinArticle     *self,
                                                          gboolean             read);
gboolean             bulletin_article_has_body           (BulletinArticle     *self);

guint                bulletin_reading_minutes_for_words  (guint                words);

G_END_DECLS
