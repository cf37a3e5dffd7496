/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bulletin-core.h"

G_BEGIN_DECLS

#define BULLETIN_TYPE_ARTICLE_VIEW (bulletin_article_view_get_type ())
G_DECLARE_FINAL_TYPE (BulletinArticleView, bulletin_article_view, BULLETIN, ARTICLE_VIEW, AdwBin)

GtkWidget       *bulletin_article_view_new              (void);
void             bulletin_article_view_set_article      (BulletinArticleView *self,
                                                         BulletinArticle     *article,
                                                         BulletinEdition     *edition);
BulletinArticle *bulletin_article_view_get_article      (BulletinArticleView *self);
void             bulletin_article_view_set_related      (BulletinArticleView *self,
                                                         GListModel          *related);
GListModel      *bulletin_article_view_get_related      (BulletinArticleView *self);
void             bulletin_article_view_set_client       (BulletinArticleView *self,
                                                         BulletinClient      *client);
void             bulletin_article_view_set_font_scale   (BulletinArticleView *self,
                                                         double               scale);
double           bulletin_article_view_get_font_scale   (BulletinArticleView *self);
void             bulletin_article_view_set_article_font (BulletinArticleView *self,
                                                         const char          *font);
const char      *bulletin_article_view_get_article_font (BulletinArticleView *self);
void             bulletin_article_view_zoom_in          (BulletinArticleView *self);
void             bulletin_article_view_zoom_out         (BulletinArticleView *self);
void             bulletin_article_view_zoom_reset       (BulletinArticleView *self);
gboolean         bulletin_article_view_get_loading      (BulletinArticleView *self);

G_END_DECLS
