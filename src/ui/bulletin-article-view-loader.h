/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bulletin-core.h"

G_BEGIN_DECLS

/* What the window calls of the article view. The app does not link
 * WebKitGTK: the view is a module loaded when the first article is read
 * (see bulletin-article-view-loader.c); the test programs link it in. */
typedef struct
{
  GtkWidget *(*create)      (void);
  void       (*set_client)  (GtkWidget       *view,
                             BulletinClient  *client);
  void       (*set_related) (GtkWidget       *view,
                             GListModel      *related);
  void       (*set_article) (GtkWidget       *view,
                             BulletinArticle *article,
                             BulletinEdition *edition);
  void       (*zoom_in)     (GtkWidget       *view);
  void       (*zoom_out)    (GtkWidget       *view);
  void       (*zoom_reset)  (GtkWidget       *view);
} BulletinArticleViewFuncs;

gboolean                        bulletin_article_view_is_loaded (void);
const BulletinArticleViewFuncs *bulletin_article_view_load      (GError **error);
void                            bulletin_article_view_preload   (void);

G_END_DECLS
