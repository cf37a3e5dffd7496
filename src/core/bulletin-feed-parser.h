/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bulletin-feed.h"

G_BEGIN_DECLS

/* The largest feed the parser reads, in bytes. */
#define BULLETIN_FEED_MAX_SIZE (10 * 1024 * 1024)
/* The most items kept from one feed; the rest are dropped. */
#define BULLETIN_FEED_MAX_ITEMS 5000

BulletinFeed *bulletin_feed_parse        (GBytes               *bytes,
                                          const char           *base_url,
                                          GError              **error);
void          bulletin_feed_parse_async  (GBytes               *bytes,
                                          const char           *base_url,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
BulletinFeed *bulletin_feed_parse_finish (GAsyncResult         *result,
                                          GError              **error);

G_END_DECLS
