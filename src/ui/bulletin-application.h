/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bulletin-core.h"
#include "bulletin-thumbnail-cache.h"

G_BEGIN_DECLS

#define BULLETIN_TYPE_APPLICATION (bulletin_application_get_type ())
G_DECLARE_FINAL_TYPE (BulletinApplication, bulletin_application, BULLETIN, APPLICATION, AdwApplication)

BulletinApplication    *bulletin_application_new                   (void);
const char             *bulletin_application_get_edition_override  (BulletinApplication *self);
void                    bulletin_application_set_edition_override  (BulletinApplication *self,
                                                                    const char          *edition_id);
GSettings              *bulletin_application_get_settings          (BulletinApplication *self);
BulletinClient         *bulletin_application_get_client            (BulletinApplication *self);
GListModel             *bulletin_application_get_editions          (BulletinApplication *self);
BulletinEdition        *bulletin_application_lookup_edition        (BulletinApplication *self,
                                                                    const char          *edition_id);
BulletinBookmarks      *bulletin_application_get_bookmarks         (BulletinApplication *self);
BulletinLibrary        *bulletin_application_get_library           (BulletinApplication *self);
BulletinThumbnailCache *bulletin_application_get_thumbnails        (BulletinApplication *self);
BulletinSaveQueue      *bulletin_application_get_save_queue        (BulletinApplication *self);
void                    bulletin_application_defer_removal         (BulletinApplication *self,
                                                                    const char          *url);
void                    bulletin_application_complete_removal      (BulletinApplication *self,
                                                                    const char          *url,
                                                                    gboolean             undone);
gboolean                bulletin_application_is_removal_pending    (BulletinApplication *self,
                                                                    const char          *url);
void                    bulletin_application_repair_library        (BulletinApplication *self);
gboolean                bulletin_application_get_network_available (BulletinApplication *self);
void                    bulletin_application_set_network_available (BulletinApplication *self,
                                                                    gboolean             available);
GtkTextDirection        bulletin_application_get_locale_direction  (BulletinApplication *self);

G_END_DECLS
