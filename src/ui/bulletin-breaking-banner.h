/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bulletin-core.h"

G_BEGIN_DECLS

/* Milliseconds each item shows before the next one */
#define BULLETIN_BREAKING_BANNER_DEFAULT_INTERVAL_MS 7000

#define BULLETIN_TYPE_BREAKING_BANNER (bulletin_breaking_banner_get_type ())
G_DECLARE_FINAL_TYPE (BulletinBreakingBanner, bulletin_breaking_banner, BULLETIN, BREAKING_BANNER, GtkWidget)

GtkWidget       *bulletin_breaking_banner_new              (void);
GListModel      *bulletin_breaking_banner_get_model        (BulletinBreakingBanner *self);
void             bulletin_breaking_banner_set_model        (BulletinBreakingBanner *self,
                                                            GListModel             *model);
guint            bulletin_breaking_banner_get_interval_ms  (BulletinBreakingBanner *self);
void             bulletin_breaking_banner_set_interval_ms  (BulletinBreakingBanner *self,
                                                            guint                   interval_ms);
gboolean         bulletin_breaking_banner_get_paused       (BulletinBreakingBanner *self);
gboolean         bulletin_breaking_banner_get_revealed     (BulletinBreakingBanner *self);
guint            bulletin_breaking_banner_get_n_items      (BulletinBreakingBanner *self);
guint            bulletin_breaking_banner_get_position     (BulletinBreakingBanner *self);
BulletinArticle *bulletin_breaking_banner_get_current      (BulletinBreakingBanner *self);
gboolean         bulletin_breaking_banner_advance          (BulletinBreakingBanner *self);
void             bulletin_breaking_banner_next             (BulletinBreakingBanner *self);
void             bulletin_breaking_banner_previous         (BulletinBreakingBanner *self);
void             bulletin_breaking_banner_dismiss          (BulletinBreakingBanner *self);
void             bulletin_breaking_banner_activate_current (BulletinBreakingBanner *self);
void             bulletin_breaking_banner_set_now          (BulletinBreakingBanner *self,
                                                            GDateTime              *now);

G_END_DECLS
