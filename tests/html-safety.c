/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "html-safety"

/* An independent look at sanitized HTML: parse it again, as a reader's
 * view would, and report the first thing that could run code, load another
 * document or change how the page is read. It shares no code with the
 * sanitizer on purpose: it works on the parsed tree, not on the stream the
 * sanitizer saw, so output that re-parses differently (mutation XSS) is
 * judged by what it becomes.
 */

#include <string.h>
#include <libxml/HTMLparser.h>

#include "html-safety.h"

/* Elements that must never survive sanitizing. */
static const char * const forbidden_elements[] = {
  "script", "style", "iframe", "frame", "frameset", "object", "embed",
  "applet", "form", "input", "button", "textarea", "select", "base", "meta",
  "link", "svg", "math", "noscript", "template", "portal", "xml",
};

/* Attributes whose value a browser treats as a URL. */
static const char * const url_attributes[] = {
  "href", "src", "action", "formaction", "poster", "background", "cite",
  "longdesc", "lowsrc", "dynsrc", "data", "datasrc", "codebase", "usemap",
  "manifest", "icon", "profile", "classid", "archive", "xlink:href", "href:xlink",
};

/* Lower case, with what browsers ignore in a URL removed: leading spaces
 * and C0 controls anywhere at the start, tabs and line breaks anywhere. */
static char *
normalize_url (const char *value)
{
  GString *out = g_string_new (NULL);

  while (*value != '\0' && (guchar) *value <= 0x20)
    value++;
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '\t' || *p == '\n' || *p == '\r')
        continue;
      g_string_append_c (out, g_ascii_tolower (*p));
    }

  return g_string_free (out, FALSE);
}

static gboolean
is_dangerous_url (const char *value)
{
  g_autofree char *url = normalize_url (value);

  if (g_str_has_prefix (url, "javascript:") || g_str_has_prefix (url, "vbscript:") ||
      g_str_has_prefix (url, "livescript:") || g_str_has_prefix (url, "mocha:"))
    return TRUE;
  if (g_str_has_prefix (url, "data:") && !g_str_has_prefix (url, "data:image/"))
    return TRUE;

  return FALSE;
}

/* A srcset is a comma-separated list of "URL [descriptor]". */
static gboolean
srcset_is_dangerous (const char *value)
{
  g_auto(GStrv) candidates = g_strsplit (value, ",", -1);

  for (guint i = 0; candidates[i] != NULL; i++)
    {
      g_autofree char *candidate = g_strstrip (g_strdup (candidates[i]));

      if (is_dangerous_url (candidate))
        return TRUE;
    }

  return FALSE;
}

static gboolean
style_is_dangerous (const char *value)
{
  g_autofree char *style = normalize_url (value);

  return strstr (style, "javascript:") != NULL || strstr (style, "vbscript:") != NULL ||
         strstr (style, "expression(") != NULL || strstr (style, "-moz-binding") != NULL ||
         strstr (style, "behavior:") != NULL || strstr (style, "@import") != NULL;
}

static gboolean
is_forbidden_element (const char *name)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);
  const char *colon = strrchr (lower, ':');
  const char *local = colon != NULL ? colon + 1 : lower;

  for (guint i = 0; i < G_N_ELEMENTS (forbidden_elements); i++)
    if (strcmp (local, forbidden_elements[i]) == 0)
      return TRUE;

  return FALSE;
}

static gboolean
is_url_attribute (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (url_attributes); i++)
    if (strcmp (name, url_attributes[i]) == 0)
      return TRUE;

  return FALSE;
}

static char *
check_attribute (xmlNode *node,
                 xmlAttr *attr)
{
  g_autofree char *value = (char *) xmlNodeGetContent ((xmlNode *) attr);
  g_autofree char *name = NULL;

  if (attr->ns != NULL && attr->ns->prefix != NULL)
    name = g_ascii_strdown (g_strconcat ((const char *) attr->ns->prefix, ":",
                                         (const char *) attr->name, NULL), -1);
  else
    name = g_ascii_strdown ((const char *) attr->name, -1);

  if (value == NULL)
    value = g_strdup ("");

  if (g_str_has_prefix (name, "on"))
    return g_strdup_printf ("event handler %s on <%s>", name, node->name);
  if (g_str_has_prefix (name, "xmlns"))
    return g_strdup_printf ("namespace declaration %s on <%s>", name, node->name);
  if (is_url_attribute (name) && is_dangerous_url (value))
    return g_strdup_printf ("dangerous URL %s=\"%s\" on <%s>", name, value, node->name);
  if (strcmp (name, "srcset") == 0 && srcset_is_dangerous (value))
    return g_strdup_printf ("dangerous srcset \"%s\" on <%s>", value, node->name);
  if (strcmp (name, "style") == 0 && style_is_dangerous (value))
    return g_strdup_printf ("dangerous style \"%s\" on <%s>", value, node->name);
  /* A refresh or a link to somewhere else has no business on any element. */
  if (strcmp (name, "http-equiv") == 0)
    return g_strdup_printf ("http-equiv on <%s>", node->name);

  return NULL;
}

static char *
check_tree (xmlNode *node)
{
  /* Iterative walk: sanitized output may nest deeply. */
  while (node != NULL)
    {
      if (node->type == XML_ELEMENT_NODE)
        {
          char *problem;

          if (is_forbidden_element ((const char *) node->name))
            return g_strdup_printf ("element <%s>", node->name);

          for (xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
            if ((problem = check_attribute (node, attr)) != NULL)
              return problem;
        }

      if (node->type == XML_ELEMENT_NODE && node->children != NULL)
        {
          node = node->children;
          continue;
        }

      while (node != NULL && node->next == NULL)
        node = node->parent;
      if (node != NULL)
        node = node->next;
    }

  return NULL;
}

/**
 * html_safety_find_unsafe:
 * @html: sanitized HTML, a fragment
 * @length: its length, or -1 when NUL-terminated
 *
 * Returns: (transfer full) (nullable): a description of the first unsafe
 *   thing found after parsing @html with libxml2's HTML parser, or %NULL
 *   when there is none
 */
char *
html_safety_find_unsafe (const char *html,
                         gssize      length)
{
  htmlDocPtr doc;
  char *problem;
  xmlNode *root;

  if (html == NULL)
    return NULL;
  if (length < 0)
    length = strlen (html);
  if (length == 0)
    return NULL;

  doc = htmlReadMemory (html, (int) MIN (length, G_MAXINT), NULL, "UTF-8",
                        HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                        HTML_PARSE_NONET | HTML_PARSE_NOIMPLIED);
  if (doc == NULL)
    return NULL;

  root = xmlDocGetRootElement (doc);
  /* With NOIMPLIED a fragment may have several top-level nodes. */
  problem = root != NULL ? check_tree (doc->children) : NULL;
  xmlFreeDoc (doc);

  return problem;
}
