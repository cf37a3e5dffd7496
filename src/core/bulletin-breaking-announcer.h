/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bulletin-types.h"
#include "bulletin-breaking.h"

G_BEGIN_DECLS

/* How many announced items are remembered (in GSettings) */
#define BULLETIN_BREAKING_ANNOUNCER_MAX_SEEN 200

/**
 * BulletinAnnounceFunc:
 * @title: the announcement's title, in the user's language
 * @body: the item's text, or the texts of several items, one a line
 * @article_url: (nullable): the article to open, when one item with a URL
 *   is announced
 * @count: how many items the announcement stands for
 * @user_data: the data given with the function
 *
 * Where announcements go: the app sends a desktop notification.
 */
typedef void (*BulletinAnnounceFunc) (const char *title,
                                      const char *body,
                                      const char *article_url,
                                      guint       count,
                                      gpointer    user_data);

#define BULLETIN_TYPE_BREAKING_ANNOUNCER (bulletin_breaking_announcer_get_type ())
G_DECLARE_FINAL_TYPE (BulletinBreakingAnnouncer, bulletin_breaking_announcer, BULLETIN, BREAKING_ANNOUNCER, GObject)

BulletinBreakingAnnouncer *bulletin_breaking_announcer_new                (GSettings                 *settings);
void                       bulletin_breaking_announcer_set_sink           (BulletinBreakingAnnouncer *self,
                                                                           BulletinAnnounceFunc       func,
                                                                           gpointer                   user_data,
                                                                           GDestroyNotify             destroy);
BulletinBreaking          *bulletin_breaking_announcer_get_breaking       (BulletinBreakingAnnouncer *self);
void                       bulletin_breaking_announcer_set_breaking       (BulletinBreakingAnnouncer *self,
                                                                           BulletinBreaking          *breaking);
gboolean                   bulletin_breaking_announcer_get_window_focused (BulletinBreakingAnnouncer *self);
void                       bulletin_breaking_announcer_set_window_focused (BulletinBreakingAnnouncer *self,
                                                                           gboolean                   focused);
gboolean                   bulletin_breaking_announcer_get_enabled        (BulletinBreakingAnnouncer *self);
guint                      bulletin_breaking_announcer_offer              (BulletinBreakingAnnouncer *self,
                                                                           GPtrArray                 *items);
gboolean                   bulletin_breaking_announcer_has_seen           (BulletinBreakingAnnouncer *self,
                                                                           BulletinArticle           *item);
char                     **bulletin_breaking_announcer_dup_seen           (BulletinBreakingAnnouncer *self);

G_END_DECLS
