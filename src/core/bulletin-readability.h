/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <libxml/HTMLparser.h>

G_BEGIN_DECLS

/* Internal to libbulletin-core: the readability-style scoring that finds an
 * article's body in a page. Used by BulletinPageExtractor.
 */

typedef struct
{
  char  *content;          /* the article body as (unsanitized) HTML */
  char  *byline;           /* a byline found in the page, raw text */
  char  *dir;              /* text direction of the body's ancestors */
  char  *lang;             /* the <html lang> */
  char  *first_paragraph;  /* text of the body's first <p>, for an excerpt */
  gsize  text_length;      /* characters of text in the body */
} BulletinReadabilityResult;

xmlDoc   *bulletin_readability_parse          (const char                *utf8,
                                               gsize                      length);
void      bulletin_readability_prepare        (xmlDoc                    *doc);
gboolean  bulletin_readability_grab           (xmlDoc                    *doc,
                                               const char                *utf8,
                                               gsize                      length,
                                               const char                *title,
                                               const char                *hero_image,
                                               BulletinReadabilityResult *result);
void      bulletin_readability_result_clear   (BulletinReadabilityResult *result);

double    bulletin_readability_similarity     (const char                *a,
                                               const char                *b);
gboolean  bulletin_readability_same_image     (const char                *a,
                                               const char                *b);

G_END_DECLS
