/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bulletin-types.h"
#include "bulletin-client.h"

G_BEGIN_DECLS

void     bulletin_article_load_async  (BulletinClient      *client,
                                       BulletinArticle     *article,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
gboolean bulletin_article_load_finish (BulletinClient      *client,
                                       GAsyncResult        *result,
                                       GError             **error);

G_END_DECLS
