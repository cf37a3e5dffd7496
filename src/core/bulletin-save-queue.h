/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bulletin-types.h"
#include "bulletin-article.h"
#include "bulletin-client.h"
#include "bulletin-library.h"

G_BEGIN_DECLS

#define BULLETIN_SAVE_QUEUE_DEFAULT_RUNNING 2

#define BULLETIN_TYPE_SAVE_QUEUE (bulletin_save_queue_get_type ())
G_DECLARE_FINAL_TYPE (BulletinSaveQueue, bulletin_save_queue, BULLETIN, SAVE_QUEUE, GObject)

BulletinSaveQueue *bulletin_save_queue_new           (BulletinLibrary   *library,
                                                      BulletinClient    *client,
                                                      guint              max_running);
void               bulletin_save_queue_add           (BulletinSaveQueue *self,
                                                      BulletinArticle   *article,
                                                      gboolean           urgent);
gboolean           bulletin_save_queue_contains      (BulletinSaveQueue *self,
                                                      const char        *url);
double             bulletin_save_queue_get_progress  (BulletinSaveQueue *self,
                                                      const char        *url);
gboolean           bulletin_save_queue_cancel        (BulletinSaveQueue *self,
                                                      const char        *url);
void               bulletin_save_queue_cancel_all    (BulletinSaveQueue *self);
guint              bulletin_save_queue_get_n_pending (BulletinSaveQueue *self);
guint              bulletin_save_queue_get_n_running (BulletinSaveQueue *self);

G_END_DECLS
