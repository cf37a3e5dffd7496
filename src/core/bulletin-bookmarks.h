/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bulletin-types.h"
#include "bulletin-article.h"

G_BEGIN_DECLS

/**
 * BulletinBookmarksFormat:
 * @BULLETIN_BOOKMARKS_FORMAT_JSON: `{"bookmarks": [{url, title, edition, section, image, saved_at}]}`
 * @BULLETIN_BOOKMARKS_FORMAT_OPML: OPML 2.0 with one `<outline type="link">` per bookmark
 *
 * The formats bookmarks are exported to and imported from.
 */
typedef enum
{
  BULLETIN_BOOKMARKS_FORMAT_JSON,
  BULLETIN_BOOKMARKS_FORMAT_OPML,
} BulletinBookmarksFormat;

#define BULLETIN_TYPE_BOOKMARKS (bulletin_bookmarks_get_type ())
G_DECLARE_FINAL_TYPE (BulletinBookmarks, bulletin_bookmarks, BULLETIN, BOOKMARKS, GObject)

BulletinBookmarks *bulletin_bookmarks_new             (GSettings               *settings);
GSettings         *bulletin_bookmarks_get_settings    (BulletinBookmarks       *self);
void               bulletin_bookmarks_flush           (BulletinBookmarks       *self);
gboolean           bulletin_bookmarks_contains        (BulletinBookmarks       *self,
                                                       const char              *url);
BulletinArticle   *bulletin_bookmarks_lookup          (BulletinBookmarks       *self,
                                                       const char              *url);
void               bulletin_bookmarks_add             (BulletinBookmarks       *self,
                                                       BulletinArticle         *article,
                                                       const char              *edition_id);
gboolean           bulletin_bookmarks_remove          (BulletinBookmarks       *self,
                                                       const char              *url);
gboolean           bulletin_bookmarks_toggle          (BulletinBookmarks       *self,
                                                       BulletinArticle         *article,
                                                       const char              *edition_id);
gboolean           bulletin_bookmarks_restore         (BulletinBookmarks       *self,
                                                       BulletinArticle         *article,
                                                       const char              *edition_id);
gint64             bulletin_bookmarks_get_saved_at    (BulletinBookmarks       *self,
                                                       const char              *url);
const char        *bulletin_bookmarks_get_edition     (BulletinBookmarks       *self,
                                                       const char              *url);
gint64             bulletin_article_get_bookmark_saved_at (BulletinArticle     *article);
GPtrArray         *bulletin_bookmarks_search          (BulletinBookmarks       *self,
                                                       const char              *query);
JsonNode          *bulletin_bookmarks_to_json         (BulletinBookmarks       *self);
GBytes            *bulletin_bookmarks_serialize       (BulletinBookmarks       *self,
                                                       BulletinBookmarksFormat  format);
gboolean           bulletin_bookmarks_export          (BulletinBookmarks       *self,
                                                       const char              *path,
                                                       BulletinBookmarksFormat  format,
                                                       GError                 **error);
gboolean           bulletin_bookmarks_import_bytes    (BulletinBookmarks       *self,
                                                       GBytes                  *bytes,
                                                       guint                   *n_added,
                                                       GError                 **error);
gboolean           bulletin_bookmarks_import          (BulletinBookmarks       *self,
                                                       const char              *path,
                                                       guint                   *n_added,
                                                       GError                 **error);

BulletinBookmarksFormat bulletin_bookmarks_format_for_path (const char         *path);

G_END_DECLS
