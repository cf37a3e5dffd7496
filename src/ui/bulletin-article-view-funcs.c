/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bulletin-article-view"

#include "config.h"

#include "bulletin-article-view.h"
#include "bulletin-article-view-loader.h"

/* The article view as the window calls it, built with the view: into the
 * module the app loads, or into the test programs that link the view. */

static GtkWidget *
create (void)
{
  return bulletin_article_view_new ();
}

static void
set_client (GtkWidget      *view,
            BulletinClient *client)
{
  bulletin_article_view_set_client (BULLETIN_ARTICLE_VIEW (view), client);
}

static void
set_related (GtkWidget  *view,
             GListModel *related)
{
  bulletin_article_view_set_related (BULLETIN_ARTICLE_VIEW (view), related);
}

static void
set_article (GtkWidget       *view,
             BulletinArticle *article,
             BulletinEdition *edition)
{
  bulletin_article_view_set_article (BULLETIN_ARTICLE_VIEW (view), article, edition);
}

static void
zoom_in (GtkWidget *view)
{
  bulletin_article_view_zoom_in (BULLETIN_ARTICLE_VIEW (view));
}

static void
zoom_out (GtkWidget *view)
{
  bulletin_article_view_zoom_out (BULLETIN_ARTICLE_VIEW (view));
}

static void
zoom_reset (GtkWidget *view)
{
  bulletin_article_view_zoom_reset (BULLETIN_ARTICLE_VIEW (view));
}

static const BulletinArticleViewFuncs funcs = {
  create, set_client, set_related, set_article, zoom_in, zoom_out, zoom_reset,
};

/* Looked up by name in the module: see bulletin-article-view-loader.c */
G_MODULE_EXPORT const BulletinArticleViewFuncs *bulletin_article_view_get_funcs (void);

const BulletinArticleViewFuncs *
bulletin_article_view_get_funcs (void)
{
  return &funcs;
}
