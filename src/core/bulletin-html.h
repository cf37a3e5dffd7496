/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <string.h>
#include <glib.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

/* Internal to libbulletin-core: walking and reading the libxml2 tree of an
 * HTML page, for the readers of pages (readability, the page extractor,
 * the listing parser) and of the HTML inside feeds.
 */

static inline gboolean
bulletin_html_is_element (xmlNode *node)
{
  return node != NULL && node->type == XML_ELEMENT_NODE;
}

static inline gboolean
bulletin_html_is_tag (xmlNode    *node,
                      const char *tag)
{
  return bulletin_html_is_element (node) && strcmp ((const char *) node->name, tag) == 0;
}

xmlNode    *bulletin_html_next_node   (xmlNode    *node,
                                       xmlNode    *root,
                                       gboolean    skip_children);
const char *bulletin_html_attr        (xmlNode    *node,
                                       const char *name);
void        bulletin_html_append_text (xmlNode    *node,
                                       GString    *out);
char       *bulletin_html_node_text   (xmlNode    *node,
                                       gboolean    normalize);
char       *bulletin_html_clean_text  (const char *text,
                                       gboolean    keep_nbsp);

G_END_DECLS
