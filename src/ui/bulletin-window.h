/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bulletin-application.h"

G_BEGIN_DECLS

#define BULLETIN_TYPE_WINDOW (bulletin_window_get_type ())
G_DECLARE_FINAL_TYPE (BulletinWindow, bulletin_window, BULLETIN, WINDOW, AdwApplicationWindow)

BulletinWindow  *bulletin_window_new             (BulletinApplication *application);
BulletinEdition *bulletin_window_get_edition     (BulletinWindow      *self);
gboolean         bulletin_window_set_edition_id  (BulletinWindow      *self,
                                                  const char          *edition_id);
const char      *bulletin_window_get_section_id  (BulletinWindow      *self);
gboolean         bulletin_window_select_section  (BulletinWindow      *self,
                                                  const char          *section_id);
BulletinArticle *bulletin_window_get_article     (BulletinWindow      *self);
void             bulletin_window_show_article    (BulletinWindow      *self,
                                                  BulletinArticle     *article);
GListModel      *bulletin_window_get_section_model (BulletinWindow    *self,
                                                    const char        *section_id);
void             bulletin_window_add_toast       (BulletinWindow      *self,
                                                  const char          *title);
void             bulletin_window_add_breaking_action (GtkApplication  *app);

G_END_DECLS
