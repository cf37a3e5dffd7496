/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bulletin-client.h"
#include "bulletin-section.h"

G_BEGIN_DECLS

/**
 * BulletinSourcePageParser:
 * @html: the page as fetched
 * @url: the page's final URL
 * @data: (nullable): what the caller gave with the parser
 * @error: return location for a #GError
 *
 * Reads the articles of a page source, in a worker thread.
 *
 * Returns: (transfer full) (element-type BulletinArticle): the articles, or
 *   %NULL with @error set
 */
typedef GPtrArray *(*BulletinSourcePageParser) (GBytes      *html,
                                                const char  *url,
                                                const char  *data,
                                                GError     **error);

BulletinFetchKind  bulletin_source_fetch_kind   (const BulletinSource      *source);
void               bulletin_source_parse_async  (BulletinSourceType         type,
                                                 GBytes                    *bytes,
                                                 const char                *url,
                                                 BulletinSourcePageParser   parse_page,
                                                 const char                *data,
                                                 GCancellable              *cancellable,
                                                 GAsyncReadyCallback        callback,
                                                 gpointer                   user_data);
GPtrArray         *bulletin_source_parse        (BulletinSourceType         type,
                                                 GBytes                    *bytes,
                                                 const char                *url,
                                                 BulletinSourcePageParser   parse_page,
                                                 const char                *data,
                                                 GCancellable              *cancellable,
                                                 GError                   **error);
GPtrArray         *bulletin_source_parse_finish (GAsyncResult              *result,
                                                 GError                   **error);

G_END_DECLS
