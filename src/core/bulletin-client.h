/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bulletin-types.h"

G_BEGIN_DECLS

/**
 * BulletinFetchKind:
 * @BULLETIN_FETCH_FEED: an RSS, Atom or JSON feed (at most 10 MiB)
 * @BULLETIN_FETCH_PAGE: an HTML page (at most 10 MiB)
 * @BULLETIN_FETCH_IMAGE: an image (at most 20 MiB)
 *
 * What a fetch expects; it sets the size cap, the Accept header and the
 * content types refused.
 */
typedef enum
{
  BULLETIN_FETCH_FEED,
  BULLETIN_FETCH_PAGE,
  BULLETIN_FETCH_IMAGE,
} BulletinFetchKind;

#define BULLETIN_FETCH_FEED_MAX_SIZE  (10 * 1024 * 1024)
#define BULLETIN_FETCH_PAGE_MAX_SIZE  (10 * 1024 * 1024)
#define BULLETIN_FETCH_IMAGE_MAX_SIZE (20 * 1024 * 1024)

#define BULLETIN_CLIENT_MAX_REDIRECTS 5
#define BULLETIN_CLIENT_DEFAULT_TIMEOUT 30

#define BULLETIN_TYPE_CLIENT (bulletin_client_get_type ())
G_DECLARE_FINAL_TYPE (BulletinClient, bulletin_client, BULLETIN, CLIENT, GObject)

BulletinClient *bulletin_client_new                 (const char         *cache_dir);
BulletinClient *bulletin_client_get_default         (void);

void            bulletin_client_fetch_async         (BulletinClient     *self,
                                                     const char         *uri,
                                                     BulletinFetchKind   kind,
                                                     GCancellable       *cancellable,
                                                     GAsyncReadyCallback callback,
                                                     gpointer            user_data);
GBytes         *bulletin_client_fetch_finish        (BulletinClient     *self,
                                                     GAsyncResult       *result,
                                                     char              **content_type,
                                                     GError            **error);
GBytes         *bulletin_client_fetch_finish_full   (BulletinClient     *self,
                                                     GAsyncResult       *result,
                                                     char              **content_type,
                                                     char              **final_uri,
                                                     gboolean           *not_modified,
                                                     GError            **error);

gboolean        bulletin_client_uri_is_local        (const char         *uri);
GBytes         *bulletin_client_read_local          (BulletinClient     *self,
                                                     const char         *uri,
                                                     BulletinFetchKind   kind,
                                                     GCancellable       *cancellable,
                                                     char              **content_type,
                                                     GError            **error);

guint           bulletin_client_get_timeout         (BulletinClient     *self);
void            bulletin_client_set_timeout         (BulletinClient     *self,
                                                     guint               seconds);
const char     *bulletin_client_get_cache_dir       (BulletinClient     *self);
const char     *bulletin_client_get_user_agent      (BulletinClient     *self);
gsize           bulletin_client_get_max_size        (BulletinClient     *self,
                                                     BulletinFetchKind   kind);
void            bulletin_client_set_max_size        (BulletinClient     *self,
                                                     BulletinFetchKind   kind,
                                                     gsize               max_size);
void            bulletin_client_forget_retry_after  (BulletinClient     *self);

G_END_DECLS
