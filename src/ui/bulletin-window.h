/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bulletin-application.h"

G_BEGIN_DECLS

#define BULLETIN_TYPE_WINDOW (bulletin_window_get_type ())
G_DECLARE_FINAL_TYPE (BulletinWindow, bulletin_window, BULLETIN, WINDOW, AdwApplicationWindow)

BulletinWindow *bulletin_window_new (BulletinApplication *application);

G_END_DECLS
