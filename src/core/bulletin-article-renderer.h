/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bulletin-types.h"

G_BEGIN_DECLS

/**
 * BULLETIN_ARTICLE_CSP:
 *
 * The Content-Security-Policy every rendered article carries, as a
 * `<meta http-equiv>` in its head (DESIGN.md, Security).
 */
#define BULLETIN_ARTICLE_CSP \
  "default-src 'none'; img-src http: https: data:; media-src http: https:; style-src 'unsafe-inline' resource:"

/**
 * BULLETIN_READ_NEXT_URI_PREFIX:
 *
 * "Read next" links point here followed by the item's index. The host is in
 * the reserved .invalid domain, so such a link can never reach a server even
 * if something outside Bulletin followed it.
 */
#define BULLETIN_READ_NEXT_URI_PREFIX "https://bulletin.invalid/read-next/"

/**
 * BulletinRenderFlags:
 * @BULLETIN_RENDER_NONE: the article as it is
 * @BULLETIN_RENDER_LOADING: the full text is on its way: the summary is shown
 *   with a loading note
 */
typedef enum
{
  BULLETIN_RENDER_NONE = 0,
  BULLETIN_RENDER_LOADING = 1 << 0,
} BulletinRenderFlags;

#define BULLETIN_TYPE_ARTICLE_RENDERER (bulletin_article_renderer_get_type ())
G_DECLARE_FINAL_TYPE (BulletinArticleRenderer, bulletin_article_renderer, BULLETIN, ARTICLE_RENDERER, GObject)

BulletinArticleRenderer *bulletin_article_renderer_new               (const char               *template_html,
                                                                      const char               *css,
                                                                      GError                  **error);
void                     bulletin_article_renderer_set_dark          (BulletinArticleRenderer  *self,
                                                                      gboolean                  dark);
gboolean                 bulletin_article_renderer_get_dark          (BulletinArticleRenderer  *self);
void                     bulletin_article_renderer_set_font          (BulletinArticleRenderer  *self,
                                                                      const char               *font);
const char              *bulletin_article_renderer_get_font          (BulletinArticleRenderer  *self);
void                     bulletin_article_renderer_set_font_scale    (BulletinArticleRenderer  *self,
                                                                      double                    scale);
double                   bulletin_article_renderer_get_font_scale    (BulletinArticleRenderer  *self);
void                     bulletin_article_renderer_set_defaults      (BulletinArticleRenderer  *self,
                                                                      const char               *language,
                                                                      const char               *direction,
                                                                      const char               *source);
void                     bulletin_article_renderer_set_local_image_dir (BulletinArticleRenderer *self,
                                                                        const char              *dir);
char                    *bulletin_article_renderer_render            (BulletinArticleRenderer  *self,
                                                                      BulletinArticle          *article,
                                                                      GPtrArray                *read_next,
                                                                      BulletinRenderFlags       flags);
char                    *bulletin_article_renderer_image_uri         (BulletinArticleRenderer  *self,
                                                                      const char               *uri);

GPtrArray               *bulletin_article_pick_read_next             (BulletinArticle          *article,
                                                                      GListModel               *candidates,
                                                                      guint                     max_items);
int                      bulletin_article_parse_read_next_uri        (const char               *uri);

G_END_DECLS
