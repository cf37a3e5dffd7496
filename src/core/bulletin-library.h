/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bulletin-types.h"
#include "bulletin-article.h"

G_BEGIN_DECLS

#define BULLETIN_LIBRARY_MAX_IMAGES 64

#define BULLETIN_TYPE_LIBRARY (bulletin_library_get_type ())
G_DECLARE_FINAL_TYPE (BulletinLibrary, bulletin_library, BULLETIN, LIBRARY, GObject)

BulletinLibrary  *bulletin_library_new               (const char           *dir);
const char       *bulletin_library_get_dir           (BulletinLibrary      *self);
void              bulletin_library_save_async        (BulletinLibrary      *self,
                                                      BulletinClient       *client,
                                                      BulletinArticle      *article,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
gboolean          bulletin_library_save_finish       (BulletinLibrary      *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);
BulletinArticle  *bulletin_library_load              (BulletinLibrary      *self,
                                                      const char           *url,
                                                      GError              **error);
void              bulletin_library_load_async        (BulletinLibrary      *self,
                                                      const char           *url,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
BulletinArticle  *bulletin_library_load_finish       (BulletinLibrary      *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);
gboolean          bulletin_library_remove            (BulletinLibrary      *self,
                                                      const char           *url,
                                                      GError              **error);
gboolean          bulletin_library_contains          (BulletinLibrary      *self,
                                                      const char           *url);
gint64            bulletin_library_get_saved_at      (BulletinLibrary      *self,
                                                      const char           *url);
char             *bulletin_library_get_article_dir   (BulletinLibrary      *self,
                                                      const char           *url);
guint64           bulletin_library_get_size          (BulletinLibrary      *self);
guint             bulletin_library_remove_older_than (BulletinLibrary      *self,
                                                      guint                 days,
                                                      GError              **error);
char            **bulletin_library_missing           (BulletinLibrary      *self,
                                                      BulletinBookmarks    *bookmarks);

G_END_DECLS
