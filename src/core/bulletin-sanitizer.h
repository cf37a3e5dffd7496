/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Inputs above this many bytes are cut at the limit before parsing. */
#define BULLETIN_SANITIZER_MAX_INPUT (64 * 1024 * 1024)

char     *bulletin_sanitize_html     (const char *html,
                                      gssize      length,
                                      const char *base_url);
char     *bulletin_html_to_text      (const char *html,
                                      gssize      length);
char     *bulletin_sanitize_css      (const char *style);
guint     bulletin_sanitized_html_count_words (const char *html);

G_END_DECLS
