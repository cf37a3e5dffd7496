/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bulletin-core.h"

G_BEGIN_DECLS

/* Thumbnails are decoded to at most this many pixels on their short side */
#define BULLETIN_THUMBNAIL_SIZE 144

#define BULLETIN_TYPE_THUMBNAIL_CACHE (bulletin_thumbnail_cache_get_type ())
G_DECLARE_FINAL_TYPE (BulletinThumbnailCache, bulletin_thumbnail_cache, BULLETIN, THUMBNAIL_CACHE, GObject)

BulletinThumbnailCache *bulletin_thumbnail_cache_new             (BulletinClient          *client,
                                                                  guint                    max_items);
gboolean                bulletin_thumbnail_cache_get_load_remote (BulletinThumbnailCache  *self);
void                    bulletin_thumbnail_cache_set_load_remote (BulletinThumbnailCache  *self,
                                                                  gboolean                 load_remote);
gboolean                bulletin_thumbnail_cache_can_load        (BulletinThumbnailCache  *self,
                                                                  const char              *url);
GdkTexture             *bulletin_thumbnail_cache_lookup          (BulletinThumbnailCache  *self,
                                                                  const char              *url);
guint                   bulletin_thumbnail_cache_get_n_items     (BulletinThumbnailCache  *self);
void                    bulletin_thumbnail_cache_load_async      (BulletinThumbnailCache  *self,
                                                                  const char              *url,
                                                                  GCancellable            *cancellable,
                                                                  GAsyncReadyCallback      callback,
                                                                  gpointer                 user_data);
GdkTexture             *bulletin_thumbnail_cache_load_finish     (BulletinThumbnailCache  *self,
                                                                  GAsyncResult            *result,
                                                                  GError                 **error);
void                    bulletin_thumbnail_cache_hold            (BulletinThumbnailCache  *self);
void                    bulletin_thumbnail_cache_release         (BulletinThumbnailCache  *self);

G_END_DECLS
