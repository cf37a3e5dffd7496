/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bulletin-core.h"

G_BEGIN_DECLS

/* The sidebar's own entries before the edition's sections */
#define BULLETIN_SECTION_SAVED  "saved"
#define BULLETIN_SECTION_LATEST "latest"

#define BULLETIN_TYPE_SIDEBAR (bulletin_sidebar_get_type ())
G_DECLARE_FINAL_TYPE (BulletinSidebar, bulletin_sidebar, BULLETIN, SIDEBAR, GtkWidget)

GtkWidget  *bulletin_sidebar_new               (void);
void        bulletin_sidebar_set_edition       (BulletinSidebar *self,
                                                BulletinEdition *edition);
const char *bulletin_sidebar_get_section_id    (BulletinSidebar *self);
gboolean    bulletin_sidebar_select_section    (BulletinSidebar *self,
                                                const char      *section_id);
gboolean    bulletin_sidebar_select_index      (BulletinSidebar *self,
                                                guint            index);
guint       bulletin_sidebar_get_n_entries     (BulletinSidebar *self);
const char *bulletin_sidebar_get_entry_id      (BulletinSidebar *self,
                                                guint            index);
const char *bulletin_sidebar_get_entry_title   (BulletinSidebar *self,
                                                guint            index);
const char *bulletin_sidebar_get_section_title (BulletinSidebar *self,
                                                const char      *section_id);
void        bulletin_sidebar_set_section_model (BulletinSidebar *self,
                                                const char      *section_id,
                                                GListModel      *model);
void        bulletin_sidebar_count_unread      (BulletinSidebar *self,
                                                const char      *section_id);
GtkWidget  *bulletin_sidebar_get_row           (BulletinSidebar *self,
                                                const char      *section_id);

G_END_DECLS
