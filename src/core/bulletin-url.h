/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *bulletin_url_resolve         (const char *base,
                                        const char *reference);
gboolean  bulletin_url_is_http         (const char *url);
gboolean  bulletin_url_is_safe_link    (const char *url);
char     *bulletin_url_clean           (const char *url);
char     *bulletin_url_get_scheme      (const char *url);
gboolean  bulletin_url_uri_is_writable (GUri       *uri);

G_END_DECLS
