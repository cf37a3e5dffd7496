/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bulletin-core.h"

G_BEGIN_DECLS

#define BULLETIN_TYPE_HEADLINE_ROW (bulletin_headline_row_get_type ())
G_DECLARE_FINAL_TYPE (BulletinHeadlineRow, bulletin_headline_row, BULLETIN, HEADLINE_ROW, GtkWidget)

GtkWidget       *bulletin_headline_row_new         (void);
BulletinArticle *bulletin_headline_row_get_article (BulletinHeadlineRow *self);
void             bulletin_headline_row_set_article (BulletinHeadlineRow *self,
                                                    BulletinArticle     *article);
void             bulletin_headline_row_update_time (BulletinHeadlineRow *self);

G_END_DECLS
