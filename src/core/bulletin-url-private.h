/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Private to core and its tests: the two ways bulletin_url_resolve()
 * takes, to be compared, and the sanitizer's scheme reader. */

#include "bulletin-url.h"

G_BEGIN_DECLS

char *bulletin_url_resolve_plain     (const char *base,
                                      const char *clean_reference);
char *bulletin_url_resolve_with_guri (const char *base,
                                      const char *reference);
gsize bulletin_url_peek_scheme       (const char *url,
                                      char       *buffer,
                                      gsize       size);
gboolean bulletin_url_is_plain_absolute (const char *clean_url);

G_END_DECLS
