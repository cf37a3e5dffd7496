/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bulletin-types.h"
#include "bulletin-client.h"
#include "bulletin-edition.h"

G_BEGIN_DECLS

#define BULLETIN_BREAKING_DEFAULT_INTERVAL 120
#define BULLETIN_BREAKING_MAX_BACKOFF (30 * 60)
#define BULLETIN_BREAKING_MAX_SEEN 200

#define BULLETIN_TYPE_BREAKING (bulletin_breaking_get_type ())
G_DECLARE_FINAL_TYPE (BulletinBreaking, bulletin_breaking, BULLETIN, BREAKING, GObject)

BulletinBreaking    *bulletin_breaking_new             (BulletinClient      *client,
                                                        BulletinEdition     *edition);
void                 bulletin_breaking_start           (BulletinBreaking    *self);
void                 bulletin_breaking_stop            (BulletinBreaking    *self);
gboolean             bulletin_breaking_is_running      (BulletinBreaking    *self);
void                 bulletin_breaking_refresh_async   (BulletinBreaking    *self,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
gboolean             bulletin_breaking_refresh_finish  (BulletinBreaking    *self,
                                                        GAsyncResult        *result,
                                                        GError             **error);
guint                bulletin_breaking_get_interval    (BulletinBreaking    *self);
void                 bulletin_breaking_set_interval    (BulletinBreaking    *self,
                                                        guint                seconds);
guint                bulletin_breaking_get_next_delay  (BulletinBreaking    *self);
char               **bulletin_breaking_dup_seen        (BulletinBreaking    *self);
void                 bulletin_breaking_set_seen        (BulletinBreaking    *self,
                                                        const char * const  *seen);
const GError        *bulletin_breaking_get_error       (BulletinBreaking    *self);
char                *bulletin_breaking_item_key        (BulletinArticle     *item);

GPtrArray           *bulletin_breaking_parse_page      (GBytes              *html,
                                                        const char          *base_url,
                                                        GError             **error);

G_END_DECLS
