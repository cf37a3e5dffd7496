/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BULLETIN_TYPE_SIDEBAR_ROW (bulletin_sidebar_row_get_type ())
G_DECLARE_FINAL_TYPE (BulletinSidebarRow, bulletin_sidebar_row, BULLETIN, SIDEBAR_ROW, GtkListBoxRow)

GtkWidget  *bulletin_sidebar_row_new             (const char         *section_id,
                                                  const char         *title,
                                                  const char         *group_id,
                                                  const char         *group_title,
                                                  const char         *icon_name);
const char *bulletin_sidebar_row_get_section_id  (BulletinSidebarRow *self);
const char *bulletin_sidebar_row_get_title       (BulletinSidebarRow *self);
const char *bulletin_sidebar_row_get_group_id    (BulletinSidebarRow *self);
const char *bulletin_sidebar_row_get_group_title (BulletinSidebarRow *self);
gboolean    bulletin_sidebar_row_get_loading     (BulletinSidebarRow *self);
void        bulletin_sidebar_row_set_loading     (BulletinSidebarRow *self,
                                                  gboolean            loading);
guint       bulletin_sidebar_row_get_unread      (BulletinSidebarRow *self);
void        bulletin_sidebar_row_set_unread      (BulletinSidebarRow *self,
                                                  guint               unread);
void        bulletin_sidebar_row_set_model       (BulletinSidebarRow *self,
                                                  GListModel         *model);
void        bulletin_sidebar_row_count_unread    (BulletinSidebarRow *self);

G_END_DECLS
