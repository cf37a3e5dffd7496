/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Private to core and its tests: the sanitizer with its parser chosen,
 * and what its HTML and CSS filters share. */

#include "bulletin-sanitizer.h"

G_BEGIN_DECLS

typedef enum
{
  /* the strict reader when the input is simple enough, else libxml2's
   * HTML parser: what the public functions do */
  BULLETIN_SANITIZER_PARSER_ANY,
  /* libxml2's HTML parser only, the reference the strict reader must
   * agree with */
  BULLETIN_SANITIZER_PARSER_LIBXML2,
} BulletinSanitizerParser;

char *bulletin_sanitize_html_using (const char              *html,
                                    gssize                   length,
                                    const char              *base_url,
                                    BulletinSanitizerParser  parser,
                                    gboolean                *strict);
char *bulletin_sanitize_html_counted (const char *html,
                                      gssize      length,
                                      const char *base_url,
                                      guint      *words);
char *bulletin_sanitize_html_counted_using (const char              *html,
                                            gssize                   length,
                                            const char              *base_url,
                                            BulletinSanitizerParser  parser,
                                            gboolean                *strict,
                                            guint                   *words);
char *bulletin_html_to_text_using  (const char              *html,
                                    gssize                   length,
                                    BulletinSanitizerParser  parser,
                                    gboolean                *strict);

/* Whether @strv, lower case, holds the @length first bytes of @text in
 * any case */
static inline gboolean
bulletin_strv_contains_ascii_lower (const char * const *strv,
                                    const char         *text,
                                    gsize               length)
{
  g_autofree char *lower = g_ascii_strdown (text, length);

  return g_strv_contains (strv, lower);
}

G_END_DECLS
