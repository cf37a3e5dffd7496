/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bulletin-types.h"
#include "bulletin-article.h"

G_BEGIN_DECLS

/* The largest page the extractor reads, as for a fetched page. */
#define BULLETIN_PAGE_MAX_SIZE (10 * 1024 * 1024)

BulletinArticle *bulletin_page_extract        (GBytes               *html,
                                               const char           *url,
                                               GError              **error);
BulletinArticle *bulletin_page_extract_full   (GBytes               *html,
                                               const char           *url,
                                               char                **site_name,
                                               GError              **error);
void             bulletin_page_extract_async  (GBytes               *html,
                                               const char           *url,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
BulletinArticle *bulletin_page_extract_finish (GAsyncResult         *result,
                                               GError              **error);

char            *bulletin_page_text_to_utf8   (const char           *data,
                                               gsize                 length,
                                               gsize                *out_length);
guint            bulletin_page_count_words    (const char           *text);
char            *bulletin_page_html_text      (const char           *html);

G_END_DECLS
