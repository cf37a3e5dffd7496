/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bulletin-article-view-loader.h"
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
  gboolean              drawn;            /* the first frame is painted */
  BulletinThumbnailCache *held_thumbnails; /* until the first headlines are */
  BulletinSectionModel *held_model;     /* the first section's other feeds, too */
  gboolean              first_out;      /* the first headlines are painted */

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
  GMenuModel           *primary_menu;    /* the menus' models, given to */
  GMenuModel           *share_menu;      /* their buttons when first opened */
  GMenuModel           *saved_menu;
  GtkToggleButton      *bookmark_button;
  GtkWidget            *refresh_button;
  GtkWidget            *browser_button;
  gboolean              tooltips_set;    /* after the first headlines */
  GtkStack             *article_stack;
  AdwBin               *article_bin;
  GtkWidget            *article_view;    /* made when first needed */
  const BulletinArticleViewFuncs *article_view_funcs;
  gboolean              article_view_failed;

  /* Saved articles (bulletin-window-saved.c) */
  GtkMenuButton        *saved_menu_button;
  GtkSorter            *saved_sorter;
  char                 *saved_sort;
  AdwToast             *saved_toast;     /* unowned, while shown */
  AdwToast             *removal_toast;
  GPtrArray            *removal_batch;   /* RemovedBookmark of removal_toast */

  /* Offline (bulletin-window-offline.c) */
  GtkRevealer          *offline_revealer;
  gboolean              offline;
  gboolean              refresh_missed;   /* a refresh skipped while offline */

  /* Breaking news (bulletin-window-breaking.c) */
  BulletinBreakingBanner    *breaking_banner;    /* made when a poll first starts */
  BulletinBreaking          *breaking;
  BulletinBreakingAnnouncer *breaking_announcer;
  gboolean                   breaking_waits;     /* for the first headlines */
  GdkFrameClock             *breaking_clock;
  gulong                     breaking_paint_id;
  guint                      breaking_timeout_id;
};

/* bulletin-window.c */
void     _bulletin_window_refresh             (BulletinWindow *self);
void     _bulletin_window_set_bookmarked      (BulletinWindow *self,
                                               gboolean        bookmarked);
void     _bulletin_window_update_actions      (BulletinWindow *self);
gboolean _bulletin_window_ensure_article_view (BulletinWindow *self);
void     _bulletin_window_release_held        (BulletinWindow *self);
void     _bulletin_window_set_tooltips        (BulletinWindow *self);

/* bulletin-window-saved.c */
void     _bulletin_window_saved_class_init    (BulletinWindowClass *klass);
void     _bulletin_window_saved_init          (BulletinWindow  *self);
void     _bulletin_window_saved_dispose       (BulletinWindow  *self);
void     _bulletin_window_save_article        (BulletinWindow  *self,
                                               BulletinArticle *article);
void     _bulletin_window_remove_saved        (BulletinWindow  *self,
                                               const char      *url);
void     _bulletin_window_saved_section_shown (BulletinWindow  *self,
                                               gboolean         saved);
BulletinArticle *_bulletin_window_find_article (BulletinWindow *self,
                                               const char      *url);
AdwToast *_bulletin_window_get_removal_toast  (BulletinWindow  *self);
void     _bulletin_window_export_saved        (BulletinWindow  *self,
                                               GFile           *file,
                                               BulletinBookmarksFormat format);
void     _bulletin_window_import_saved        (BulletinWindow  *self,
                                               GFile           *file);

/* bulletin-window-offline.c */
void     _bulletin_window_offline_init        (BulletinWindow  *self);
gboolean _bulletin_window_can_refresh         (BulletinWindow  *self,
                                               gboolean         asked);
void     _bulletin_window_refresh_failed      (BulletinWindow  *self,
                                               const GError    *error);
void     _bulletin_window_refresh_succeeded   (BulletinWindow  *self);

/* bulletin-window-breaking.c */
void     _bulletin_window_breaking_init        (BulletinWindow  *self);
void     _bulletin_window_breaking_set_edition (BulletinWindow  *self,
                                                BulletinEdition *edition);
void     _bulletin_window_breaking_dispose     (BulletinWindow  *self);

/* bulletin-window-actions.c */
void     _bulletin_window_class_actions_init  (BulletinWindowClass *klass);
void     _bulletin_window_actions_init        (BulletinWindow      *self);

G_END_DECLS
