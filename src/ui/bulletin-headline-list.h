/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bulletin-core.h"

G_BEGIN_DECLS

#define BULLETIN_TYPE_HEADLINE_LIST (bulletin_headline_list_get_type ())
G_DECLARE_FINAL_TYPE (BulletinHeadlineList, bulletin_headline_list, BULLETIN, HEADLINE_LIST, GtkWidget)

GtkWidget       *bulletin_headline_list_new                  (void);
GListModel      *bulletin_headline_list_get_model            (BulletinHeadlineList *self);
void             bulletin_headline_list_set_model            (BulletinHeadlineList *self,
                                                              GListModel           *model);
void             bulletin_headline_list_set_empty_state      (BulletinHeadlineList *self,
                                                              const char           *icon_name,
                                                              const char           *title,
                                                              const char           *description);
BulletinArticle *bulletin_headline_list_get_selected_article (BulletinHeadlineList *self);
gboolean         bulletin_headline_list_select_article       (BulletinHeadlineList *self,
                                                              BulletinArticle      *article);
gboolean         bulletin_headline_list_select_next          (BulletinHeadlineList *self);
gboolean         bulletin_headline_list_select_previous      (BulletinHeadlineList *self);
guint            bulletin_headline_list_get_n_shown          (BulletinHeadlineList *self);
gboolean         bulletin_headline_list_get_search_mode      (BulletinHeadlineList *self);
void             bulletin_headline_list_set_search_mode      (BulletinHeadlineList *self,
                                                              gboolean              search_mode);
const char      *bulletin_headline_list_get_search_text      (BulletinHeadlineList *self);
void             bulletin_headline_list_set_search_text      (BulletinHeadlineList *self,
                                                              const char           *text);
const char      *bulletin_headline_list_get_state            (BulletinHeadlineList *self);
void             bulletin_headline_list_activate_article     (BulletinHeadlineList *self,
                                                              BulletinArticle      *article);
void             bulletin_headline_list_set_sorter           (BulletinHeadlineList *self,
                                                              GtkSorter            *sorter);
GtkWidget       *bulletin_headline_list_popup_menu           (BulletinHeadlineList *self,
                                                              BulletinArticle      *article,
                                                              GtkWidget            *widget,
                                                              double                x,
                                                              double                y);

G_END_DECLS
