/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bulletin-breaking-banner.h"
#include "bulletin-headline-list.h"
#include "bulletin-sidebar.h"
#include "bulletin-window.h"

G_BEGIN_DECLS

struct _BulletinWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;

  /* The edition read and what the window made of it */
  BulletinEdition      *edition;
  GHashTable           *models;          /* section id -> BulletinSectionModel */
  GListModel           *current_model;   /* the list's model (unowned) */
  char                 *section_id;
  BulletinArticle      *article;
  gboolean              bookmarked;
  GCancellable         *cancellable;     /* cancelled when the edition changes */
  GCancellable         *article_cancellable;
  guint                 refresh_source_id;
  gboolean              updating_dropdown;
  gboolean              restoring;        /* selecting what was read last */

  /* Template children */
  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar_pane;
  GtkWidget            *list_pane;
  GtkWidget            *article_pane;
  GtkDropDown          *edition_dropdown;
  GtkMenuButton        *menu_button;
  BulletinSidebar      *sidebar;
  AdwWindowTitle       *list_title;
  GtkWidget            *list_back_button;
  GtkStack             *refresh_stack;
  GtkSpinner           *refresh_spinner;
  GtkToggleButton      *search_button;
  BulletinHeadlineList *headline_list;
  AdwWindowTitle       *article_title;
  GtkWidget            *article_back_button;
  GtkMenuButton        *share_button;
  GtkToggleButton      *bookmark_button;
  GtkStack             *article_stack;
  AdwBin               *article_bin;
  GtkWidget            *article_view;

  /* Breaking news (bulletin-window-breaking.c) */
  BulletinBreakingBanner    *breaking_banner;
  BulletinBreaking          *breaking;
  BulletinBreakingAnnouncer *breaking_announcer;
};

/* bulletin-window.c */
void     _bulletin_window_refresh             (BulletinWindow *self);
void     _bulletin_window_set_bookmarked      (BulletinWindow *self,
                                               gboolean        bookmarked);
void     _bulletin_window_update_actions      (BulletinWindow *self);

/* bulletin-window-breaking.c */
void     _bulletin_window_breaking_init        (BulletinWindow  *self);
void     _bulletin_window_breaking_set_edition (BulletinWindow  *self,
                                                BulletinEdition *edition);
void     _bulletin_window_breaking_dispose     (BulletinWindow  *self);

/* bulletin-window-actions.c */
void     _bulletin_window_class_actions_init  (BulletinWindowClass *klass);
void     _bulletin_window_actions_init        (BulletinWindow      *self);

G_END_DECLS
