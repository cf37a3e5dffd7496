/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bulletin-application.h"

G_BEGIN_DECLS

#define BULLETIN_TYPE_PREFERENCES_WINDOW (bulletin_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (BulletinPreferencesWindow, bulletin_preferences_window, BULLETIN, PREFERENCES_WINDOW, AdwPreferencesWindow)

BulletinPreferencesWindow *bulletin_preferences_window_new (BulletinApplication *application);
void                       bulletin_preferences_window_update_storage    (BulletinPreferencesWindow *self);
GtkWidget                 *bulletin_preferences_window_confirm_remove    (BulletinPreferencesWindow *self);
guint                      bulletin_preferences_window_remove_older_than (BulletinPreferencesWindow *self,
                                                                          guint                      days);

G_END_DECLS
