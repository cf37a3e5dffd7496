/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "bulletin-types.h"
#include "bulletin-article.h"

G_BEGIN_DECLS

#define BULLETIN_TYPE_FEED (bulletin_feed_get_type ())
G_DECLARE_FINAL_TYPE (BulletinFeed, bulletin_feed, BULLETIN, FEED, GObject)

BulletinFeed *bulletin_feed_new           (void);

const char   *bulletin_feed_get_format    (BulletinFeed    *self);
void          bulletin_feed_set_format    (BulletinFeed    *self,
                                           const char      *format);
const char   *bulletin_feed_get_title     (BulletinFeed    *self);
void          bulletin_feed_set_title     (BulletinFeed    *self,
                                           const char      *title);
const char   *bulletin_feed_get_link      (BulletinFeed    *self);
void          bulletin_feed_set_link      (BulletinFeed    *self,
                                           const char      *link);
const char   *bulletin_feed_get_subtitle  (BulletinFeed    *self);
void          bulletin_feed_set_subtitle  (BulletinFeed    *self,
                                           const char      *subtitle);
const char   *bulletin_feed_get_language  (BulletinFeed    *self);
void          bulletin_feed_set_language  (BulletinFeed    *self,
                                           const char      *language);
const char   *bulletin_feed_get_image     (BulletinFeed    *self);
void          bulletin_feed_set_image     (BulletinFeed    *self,
                                           const char      *image);
GDateTime    *bulletin_feed_get_updated   (BulletinFeed    *self);
void          bulletin_feed_set_updated   (BulletinFeed    *self,
                                           GDateTime       *updated);
gboolean      bulletin_feed_get_recovered (BulletinFeed    *self);
void          bulletin_feed_set_recovered (BulletinFeed    *self,
                                           gboolean         recovered);
GPtrArray    *bulletin_feed_get_items     (BulletinFeed    *self);
void          bulletin_feed_add_item      (BulletinFeed    *self,
                                           BulletinArticle *item);

G_END_DECLS
