/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BULLETIN_TYPE_THUMBNAIL (bulletin_thumbnail_get_type ())
G_DECLARE_FINAL_TYPE (BulletinThumbnail, bulletin_thumbnail, BULLETIN, THUMBNAIL, GtkWidget)

GtkWidget  *bulletin_thumbnail_new         (void);
GdkTexture *bulletin_thumbnail_get_texture (BulletinThumbnail *self);
void        bulletin_thumbnail_set_texture (BulletinThumbnail *self,
                                            GdkTexture        *texture,
                                            gboolean           fade);
gboolean    bulletin_thumbnail_is_fading   (BulletinThumbnail *self);

G_END_DECLS
