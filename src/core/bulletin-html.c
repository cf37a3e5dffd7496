/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bulletin-html"

#include "config.h"

#include "bulletin-html.h"

/**
 * bulletin_html_next_node:
 * @node: a node below (or at) @root
 * @root: where the walk stays below
 * @skip_children: whether to step over @node's children
 *
 * Steps a depth-first walk over every node (of any type) below @root,
 * without recursion, so a deep tree cannot exhaust the stack.
 *
 * Returns: (transfer none) (nullable): the next node, or %NULL at the end
 */
xmlNode *
bulletin_html_next_node (xmlNode  *node,
                         xmlNode  *root,
                         gboolean  skip_children)
{
  if (!skip_children && node->type == XML_ELEMENT_NODE && node->children != NULL)
    return node->children;
  while (node != root && node->next == NULL)
    node = node->parent;
  if (node == root || node == NULL)
    return NULL;
  return node->next;
}

/**
 * bulletin_html_attr:
 * @node: an element
 * @name: an attribute name
 *
 * Returns: (transfer none) (nullable): the attribute's value, without copying
 */
const char *
bulletin_html_attr (xmlNode    *node,
                    const char *name)
{
  if (!bulletin_html_is_element (node))
    return NULL;

  for (xmlAttr *a = node->properties; a != NULL; a = a->next)
    if (g_ascii_strcasecmp ((const char *) a->name, name) == 0)
      {
        if (a->children != NULL && a->children->type == XML_TEXT_NODE && a->children->content != NULL)
          return (const char *) a->children->content;
        return "";
      }

  return NULL;
}

/**
 * bulletin_html_append_text:
 * @node: a node
 * @out: where the text goes
 *
 * Appends the text of @node and of every node below it, as it stands.
 */
void
bulletin_html_append_text (xmlNode *node,
                           GString *out)
{
  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
    {
      if (node->content != NULL)
        g_string_append (out, (const char *) node->content);
      return;
    }
  for (xmlNode *n = node->children; n != NULL; n = bulletin_html_next_node (n, node, FALSE))
    if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) && n->content != NULL)
      g_string_append (out, (const char *) n->content);
}

static inline gboolean
is_space_char (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/**
 * bulletin_html_node_text:
 * @node: (nullable): a node
 * @normalize: whether to collapse runs of white space
 *
 * Returns: (transfer full): the text of @node, trimmed
 */
char *
bulletin_html_node_text (xmlNode  *node,
                         gboolean  normalize)
{
  GString *text = g_string_new (NULL);
  char *result;

  if (node != NULL)
    bulletin_html_append_text (node, text);
  result = g_strstrip (g_string_free (text, FALSE));

  if (normalize)
    {
      char *w = result;
      const char *r = result;

      /* Readability replaces runs of two or more white space characters. */
      while (*r != '\0')
        {
          if (is_space_char (*r) && is_space_char (r[1]))
            {
              while (is_space_char (*r))
                r++;
              *w++ = ' ';
            }
          else
            *w++ = *r++;
        }
      *w = '\0';
    }

  return result;
}

/**
 * bulletin_html_clean_text:
 * @text: (nullable): text as found in a page (valid UTF-8)
 * @keep_nbsp: whether a no-break space stays as it is rather than count
 *   as white space
 *
 * Trims @text and collapses each run of white space to one space.
 *
 * Returns: (transfer full) (nullable): the text, or %NULL when nothing is
 *   left
 */
char *
bulletin_html_clean_text (const char *text,
                          gboolean    keep_nbsp)
{
  GString *out;
  gboolean space = FALSE;

  if (text == NULL)
    return NULL;

  out = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) && !(keep_nbsp && c == 0xA0))
        space = TRUE;
      else
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_unichar (out, c);
        }
    }

  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}
