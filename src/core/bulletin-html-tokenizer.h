/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Private to core: the sanitizer's fast reader of strict HTML. */

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  /* @name in lower case, @element its index in
   * bulletin_html_tokenizer_get_elements(); @attributes as libxml2's SAX
   * gives them: NULL when there are none, else name, value pairs (a
   * value NULL for an attribute without one) ending with NULL */
  void (*start_element) (gpointer     user_data,
                         guint        element,
                         const char  *name,
                         const char **attributes);
  void (*end_element)   (gpointer     user_data);
  void (*characters)    (gpointer     user_data,
                         const char  *text,
                         gsize        length);
} BulletinHtmlHandler;

const char * const *bulletin_html_tokenizer_get_elements (guint *n_elements);

gboolean bulletin_html_tokenize_strict (const char                *html,
                                        gsize                      length,
                                        const BulletinHtmlHandler *handler,
                                        gpointer                   user_data);

G_END_DECLS
