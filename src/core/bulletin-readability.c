/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bulletin-readability"

#include "config.h"

#include <string.h>
#include <math.h>
#include <libxml/HTMLtree.h>

#include "bulletin-html.h"
#include "bulletin-readability.h"

/* A port of the ideas of Mozilla's Readability (the Firefox Reader View
 * engine, Apache-2.0) to libxml2's tree: paragraphs are scored by their
 * text, the score flows to their ancestors, the best ancestor wins, and its
 * siblings that look like article text join it. On top of that, boxes that
 * news sites put inside the article ("Related News", "Most Read", "Read
 * Next") are recognised by their heading and dropped.
 *
 * Every walk over the tree is iterative, and the tree's depth is capped right
 * after parsing, so a hostile page cannot exhaust the stack.
 */

#define MAX_DEPTH           200
#define N_TOP_CANDIDATES    5
#define CHAR_THRESHOLD      500

enum {
  FLAG_STRIP_UNLIKELYS = 1 << 0,
  FLAG_WEIGHT_CLASSES = 1 << 1,
  FLAG_CLEAN_CONDITIONALLY = 1 << 2,
};

typedef struct
{
  double   score;
  int      data_table; /* -1 unknown, 0 no, 1 yes */
  gboolean initialized;
} NodeInfo;

typedef struct
{
  xmlDoc     *doc;
  int         flags;
  const char *title;
  const char *hero_image;
  GPtrArray  *infos;      /* NodeInfo, owned */
  GPtrArray  *graveyard;  /* unlinked nodes, freed at the end */
  char       *byline;
  char       *lang;
} Grab;

typedef struct
{
  GRegex *unlikely;
  GRegex *maybe;
  GRegex *positive;
  GRegex *negative;
  GRegex *byline;
  GRegex *videos;
  GRegex *share;
  GRegex *junk_heading;
  GRegex *meta_line;
  GRegex *image_ext;
  GRegex *image_srcset;
  GRegex *image_src;
} Regexes;

static const Regexes *
regexes (void)
{
  static Regexes r;
  static gsize once;

  if (g_once_init_enter (&once))
    {
      GRegexCompileFlags f = G_REGEX_CASELESS | G_REGEX_OPTIMIZE;

      r.unlikely = g_regex_new ("-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote"
                                "|most-?read|most-?popular|read-?next|newsletter|breaking|ticker|trending|outbrain|taboola",
                                f, 0, NULL);
      r.maybe = g_regex_new ("and|article|body|column|content|main|shadow", f, 0, NULL);
      r.positive = g_regex_new ("article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story", f, 0, NULL);
      r.negative = g_regex_new ("-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|foot|footer|footnote|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|tool|widget"
                                "|most-?read|read-?next|social|advert|newsletter",
                                f, 0, NULL);
      r.byline = g_regex_new ("byline|author|dateline|writtenby|p-author", f, 0, NULL);
      r.videos = g_regex_new ("//(www\\.)?((dailymotion|youtube|youtube-nocookie|player\\.vimeo|v\\.qq)\\.com|(archive|upload\\.wikimedia)\\.org|player\\.twitch\\.tv)", f, 0, NULL);
      r.share = g_regex_new ("(\\b|_)(share|sharedaddy)(\\b|_)", f, 0, NULL);
      r.junk_heading = g_regex_new ("^\\s*(related|related (news|articles|stories|posts|content|coverage|topics)|more (news|stories|on this|from [^.]{1,40})|most (read|popular|viewed|shared)|read (next|more|also)|also read|recommended( for you| articles| stories)?|you (may|might) (also )?like|trending( now)?|popular( now| stories)?|latest news|top stories|more to read|don't miss)\\s*:?\\s*$",
                                    f, 0, NULL);
      r.meta_line = g_regex_new ("(^|[\\s_-])(meta|metas|byline|dateline|timestamp|read-?time|reading-?time|share-?count|shares|article-info|post-info)($|[\\s_-])",
                                 f, 0, NULL);
      r.image_ext = g_regex_new ("\\.(jpg|jpeg|png|webp)", f, 0, NULL);
      r.image_srcset = g_regex_new ("\\.(jpg|jpeg|png|webp)\\s+\\d", f, 0, NULL);
      r.image_src = g_regex_new ("^\\s*\\S+\\.(jpg|jpeg|png|webp)\\S*\\s*$", f, 0, NULL);
      g_once_init_leave (&once, 1);
    }

  return &r;
}

static const char * const tags_to_score[] = { "section", "h2", "h3", "h4", "h5", "h6", "p", "td", "pre", NULL };
static const char * const unlikely_roles[] = { "menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog", NULL };
static const char * const div_to_p_elems[] = { "blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul", NULL };
static const char * const alter_to_div_exceptions[] = { "div", "article", "section", "p", NULL };
static const char * const presentational_attributes[] = { "align", "background", "bgcolor", "border", "cellpadding", "cellspacing", "frame", "hspace", "rules", "style", "valign", "vspace", NULL };
static const char * const deprecated_size_elems[] = { "table", "th", "td", "hr", "pre", NULL };
static const char * const phrasing_elems[] = {
  "abbr", "audio", "b", "bdo", "br", "button", "cite", "code", "data",
  "datalist", "dfn", "em", "embed", "i", "img", "input", "kbd", "label",
  "mark", "math", "meter", "noscript", "object", "output", "progress", "q",
  "ruby", "samp", "script", "select", "small", "span", "strong", "sub",
  "sup", "textarea", "time", "var", "wbr", NULL
};
static const char * const headings[] = { "h1", "h2", "h3", "h4", "h5", "h6", NULL };

/* Tree helpers */

#define is_element bulletin_html_is_element
#define is_tag bulletin_html_is_tag

static gboolean
tag_in (xmlNode           *node,
        const char * const *tags)
{
  if (!is_element (node))
    return FALSE;
  for (guint i = 0; tags[i] != NULL; i++)
    if (strcmp ((const char *) node->name, tags[i]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
str_in (const char         *s,
        const char * const *list)
{
  if (s == NULL)
    return FALSE;
  for (guint i = 0; list[i] != NULL; i++)
    if (g_ascii_strcasecmp (s, list[i]) == 0)
      return TRUE;
  return FALSE;
}

#define attr bulletin_html_attr
#define append_text bulletin_html_append_text

static const char *
attr_or_empty (xmlNode    *node,
               const char *name)
{
  const char *value = attr (node, name);
  return value != NULL ? value : "";
}

static xmlNode *
first_element_child (xmlNode *node)
{
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    if (c->type == XML_ELEMENT_NODE)
      return c;
  return NULL;
}

static xmlNode *
next_element_sibling (xmlNode *node)
{
  for (xmlNode *c = node->next; c != NULL; c = c->next)
    if (c->type == XML_ELEMENT_NODE)
      return c;
  return NULL;
}

static xmlNode *
prev_element_sibling (xmlNode *node)
{
  for (xmlNode *c = node->prev; c != NULL; c = c->prev)
    if (c->type == XML_ELEMENT_NODE)
      return c;
  return NULL;
}

static guint
count_element_children (xmlNode *node)
{
  guint n = 0;
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    if (c->type == XML_ELEMENT_NODE)
      n++;
  return n;
}

/* Depth-first order over elements of the whole document, like
 * Readability's _getNextNode. */
static xmlNode *
get_next_node (xmlNode  *node,
               gboolean  ignore_self_and_kids)
{
  xmlNode *next;

  if (!ignore_self_and_kids && (next = first_element_child (node)) != NULL)
    return next;
  if ((next = next_element_sibling (node)) != NULL)
    return next;
  do
    node = node->parent;
  while (is_element (node) && next_element_sibling (node) == NULL);

  return is_element (node) ? next_element_sibling (node) : NULL;
}

/* Depth-first order over the nodes (all types) below @root. */
#define subtree_next bulletin_html_next_node

static GPtrArray *
elements_by_tags (xmlNode            *root,
                  const char * const *tags)
{
  GPtrArray *found = g_ptr_array_new ();

  if (root == NULL)
    return found;
  for (xmlNode *n = root->children; n != NULL; n = subtree_next (n, root, FALSE))
    if (tags == NULL ? is_element (n) : tag_in (n, tags))
      g_ptr_array_add (found, n);

  return found;
}

static GPtrArray *
elements_by_tag (xmlNode    *root,
                 const char *tag)
{
  const char *tags[] = { tag, NULL };
  return elements_by_tags (root, tags);
}

static guint
count_tag (xmlNode    *root,
           const char *tag)
{
  guint n = 0;
  for (xmlNode *c = root->children; c != NULL; c = subtree_next (c, root, FALSE))
    if (is_tag (c, tag))
      n++;
  return n;
}

static inline gboolean
is_space_char (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

#define node_text bulletin_html_node_text

static glong
text_length (xmlNode *node)
{
  g_autofree char *text = node_text (node, TRUE);
  return g_utf8_strlen (text, -1);
}

static gboolean
has_text (xmlNode *node)
{
  for (xmlNode *n = node->children; n != NULL; n = subtree_next (n, node, FALSE))
    if (n->type == XML_TEXT_NODE && n->content != NULL)
      for (const char *p = (const char *) n->content; *p != '\0'; p++)
        if (!is_space_char (*p))
          return TRUE;
  return FALSE;
}

static void
bury (Grab    *grab,
      xmlNode *node)
{
  xmlUnlinkNode (node);
  g_ptr_array_add (grab->graveyard, node);
}

static xmlNode *
remove_and_get_next (Grab    *grab,
                     xmlNode *node)
{
  xmlNode *next = get_next_node (node, TRUE);
  bury (grab, node);
  return next;
}

static NodeInfo *
info_of (xmlNode *node)
{
  return node->_private;
}

static NodeInfo *
ensure_info (Grab    *grab,
             xmlNode *node)
{
  if (node->_private == NULL)
    {
      NodeInfo *info = g_new0 (NodeInfo, 1);
      info->data_table = -1;
      g_ptr_array_add (grab->infos, info);
      node->_private = info;
    }
  return node->_private;
}

static void
set_tag (xmlNode    *node,
         const char *tag)
{
  xmlNodeSetName (node, (const xmlChar *) tag);
}

static void
move_children (xmlNode *from,
               xmlNode *to)
{
  xmlNode *child = from->children;

  while (child != NULL)
    {
      xmlNode *next = child->next;
      xmlUnlinkNode (child);
      xmlAddChild (to, child);
      child = next;
    }
}

/* Parsing and preparation */

/* Replaces the subtrees deeper than MAX_DEPTH by their text. */
static void
cap_depth (xmlNode *root)
{
  xmlNode *n = root;
  int depth = 0;

  while (n != NULL)
    {
      if (n->type == XML_ELEMENT_NODE && depth >= MAX_DEPTH && n->children != NULL)
        {
          GString *text = g_string_new (NULL);
          xmlNode *child;

          append_text (n, text);
          while ((child = n->children) != NULL)
            {
              xmlUnlinkNode (child);
              xmlFreeNode (child);
            }
          xmlNodeAddContentLen (n, (const xmlChar *) text->str, text->len);
          g_string_free (text, TRUE);
        }

      if (n->type == XML_ELEMENT_NODE && n->children != NULL)
        {
          n = n->children;
          depth++;
          continue;
        }
      while (n != root && n->next == NULL)
        {
          n = n->parent;
          depth--;
        }
      if (n == root)
        break;
      n = n->next;
    }
}

/**
 * bulletin_readability_parse:
 * @utf8: a page, valid UTF-8
 * @length: its length in bytes
 *
 * Returns: (transfer full) (nullable): the parsed page, its depth capped
 */
xmlDoc *
bulletin_readability_parse (const char *utf8,
                            gsize       length)
{
  xmlDoc *doc;
  xmlNode *root;

  if (length > G_MAXINT)
    return NULL;

  doc = htmlReadMemory (utf8, (int) length, NULL, "UTF-8",
                        HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                        HTML_PARSE_NOWARNING | HTML_PARSE_IGNORE_ENC |
                        HTML_PARSE_COMPACT);
  if (doc == NULL)
    return NULL;

  root = xmlDocGetRootElement (doc);
  if (root == NULL)
    {
      xmlFreeDoc (doc);
      return NULL;
    }
  cap_depth (root);

  return doc;
}

static gboolean
is_single_image (xmlNode *node)
{
  while (node != NULL)
    {
      if (is_tag (node, "img"))
        return TRUE;
      if (count_element_children (node) != 1 || has_text (node))
        return FALSE;
      node = first_element_child (node);
    }
  return FALSE;
}

static gboolean
img_has_source (xmlNode *img)
{
  const Regexes *re = regexes ();

  for (xmlAttr *a = img->properties; a != NULL; a = a->next)
    {
      const char *name = (const char *) a->name;
      const char *value = attr (img, name);

      if (str_in (name, (const char * const[]) { "src", "srcset", "data-src", "data-srcset", NULL }))
        return TRUE;
      if (value != NULL && g_regex_match (re->image_ext, value, 0, NULL))
        return TRUE;
    }
  return FALSE;
}

static void
unwrap_noscript_images (xmlDoc *doc,
                        GPtrArray *graveyard)
{
  xmlNode *root = xmlDocGetRootElement (doc);
  g_autoptr(GPtrArray) imgs = elements_by_tag (root, "img");
  g_autoptr(GPtrArray) noscripts = NULL;

  for (guint i = 0; i < imgs->len; i++)
    {
      xmlNode *img = g_ptr_array_index (imgs, i);
      if (!img_has_source (img))
        {
          xmlUnlinkNode (img);
          g_ptr_array_add (graveyard, img);
        }
    }

  noscripts = elements_by_tag (root, "noscript");
  for (guint i = 0; i < noscripts->len; i++)
    {
      xmlNode *noscript = g_ptr_array_index (noscripts, i);
      xmlNode *prev, *prev_img, *new_img;
      g_autoptr(GPtrArray) inner = NULL;

      if (noscript->parent == NULL || !is_single_image (first_element_child (noscript)) ||
          count_element_children (noscript) != 1 || has_text (noscript))
        continue;
      prev = prev_element_sibling (noscript);
      if (prev == NULL || !is_single_image (prev))
        continue;

      prev_img = prev;
      if (!is_tag (prev_img, "img"))
        {
          g_autoptr(GPtrArray) found = elements_by_tag (prev, "img");
          if (found->len == 0)
            continue;
          prev_img = g_ptr_array_index (found, 0);
        }
      inner = elements_by_tag (noscript, "img");
      if (inner->len == 0)
        continue;
      new_img = g_ptr_array_index (inner, 0);

      for (xmlAttr *a = prev_img->properties; a != NULL; a = a->next)
        {
          const char *name = (const char *) a->name;
          const char *value = attr (prev_img, name);
          const char *existing;

          if (value == NULL || *value == '\0')
            continue;
          if (g_strcmp0 (name, "src") != 0 && g_strcmp0 (name, "srcset") != 0 &&
              !g_regex_match (regexes ()->image_ext, value, 0, NULL))
            continue;
          existing = attr (new_img, name);
          if (g_strcmp0 (existing, value) == 0)
            continue;
          if (existing != NULL)
            {
              g_autofree char *old = g_strconcat ("data-old-", name, NULL);
              xmlSetProp (new_img, (const xmlChar *) old, (const xmlChar *) value);
            }
          else
            xmlSetProp (new_img, (const xmlChar *) name, (const xmlChar *) value);
        }

      {
        xmlNode *replacement = first_element_child (noscript);
        xmlUnlinkNode (replacement);
        xmlReplaceNode (prev, replacement);
        g_ptr_array_add (graveyard, prev);
      }
    }
}

static gboolean
is_phrasing (xmlNode *node)
{
  if (node->type == XML_TEXT_NODE)
    return TRUE;
  if (!is_element (node))
    return FALSE;
  if (tag_in (node, phrasing_elems))
    return TRUE;
  if (is_tag (node, "a") || is_tag (node, "del") || is_tag (node, "ins"))
    {
      /* Every descendant must be phrasing content. */
      for (xmlNode *n = node->children; n != NULL; n = subtree_next (n, node, FALSE))
        if (n->type != XML_TEXT_NODE && n->type != XML_COMMENT_NODE &&
            !(is_element (n) && (tag_in (n, phrasing_elems) || is_tag (n, "a") ||
                                 is_tag (n, "del") || is_tag (n, "ins"))))
          return FALSE;
      return TRUE;
    }
  return FALSE;
}

static gboolean
is_whitespace (xmlNode *node)
{
  if (node->type == XML_TEXT_NODE)
    {
      for (const char *p = (const char *) node->content; p != NULL && *p != '\0'; p++)
        if (!is_space_char (*p))
          return FALSE;
      return TRUE;
    }
  return is_tag (node, "br");
}

/* Skips white space text to the next node; an element is returned as is. */
static xmlNode *
next_significant (xmlNode *node)
{
  while (node != NULL && node->type != XML_ELEMENT_NODE && is_whitespace (node))
    node = node->next;
  return node;
}

static void
replace_brs (xmlNode   *body,
             GPtrArray *graveyard)
{
  g_autoptr(GPtrArray) brs = elements_by_tag (body, "br");

  for (guint i = 0; i < brs->len; i++)
    {
      xmlNode *br = g_ptr_array_index (brs, i);
      xmlNode *next = br->next;
      gboolean replaced = FALSE;

      if (br->parent == NULL)
        continue;

      while ((next = next_significant (next)) != NULL && is_tag (next, "br"))
        {
          xmlNode *sibling = next->next;
          replaced = TRUE;
          xmlUnlinkNode (next);
          g_ptr_array_add (graveyard, next);
          next = sibling;
        }

      if (replaced)
        {
          xmlNode *p = xmlNewDocNode (br->doc, NULL, (const xmlChar *) "p", NULL);

          xmlReplaceNode (br, p);
          g_ptr_array_add (graveyard, br);

          next = p->next;
          while (next != NULL)
            {
              xmlNode *sibling;

              if (is_tag (next, "br"))
                {
                  xmlNode *after = next_significant (next->next);
                  if (after != NULL && is_tag (after, "br"))
                    break;
                }
              if (!is_phrasing (next))
                break;

              sibling = next->next;
              xmlUnlinkNode (next);
              xmlAddChild (p, next);
              next = sibling;
            }

          /* A <br> dropped here may be one of brs still to visit: kept
           * (unlinked) until the end, as the others. */
          while (p->last != NULL && is_whitespace (p->last))
            {
              xmlNode *last = p->last;
              xmlUnlinkNode (last);
              g_ptr_array_add (graveyard, last);
            }

          if (is_tag (p->parent, "p"))
            set_tag (p->parent, "div");
        }
    }
}

/**
 * bulletin_readability_prepare:
 * @doc: a parsed page
 *
 * Removes scripts, styles and comments, puts lazy images' sources where an
 * image is looked for, and turns runs of <br> into paragraphs. Call after
 * reading the metadata held in scripts.
 */
void
bulletin_readability_prepare (xmlDoc *doc)
{
  g_autoptr(GPtrArray) graveyard = g_ptr_array_new_with_free_func ((GDestroyNotify) xmlFreeNode);
  xmlNode *root = xmlDocGetRootElement (doc);
  g_autoptr(GPtrArray) junk = NULL;
  xmlNode *body = NULL;

  if (root == NULL)
    return;

  unwrap_noscript_images (doc, graveyard);

  junk = g_ptr_array_new ();
  for (xmlNode *n = root->children; n != NULL; n = subtree_next (n, root, FALSE))
    if (n->type == XML_COMMENT_NODE ||
        tag_in (n, (const char * const[]) { "script", "noscript", "style", "template", NULL }))
      g_ptr_array_add (junk, n);
  /* Remove after the walk, and children before their parents are freed:
   * each node is unlinked from its own parent, which is still alive. */
  for (guint i = junk->len; i > 0; i--)
    {
      xmlNode *n = g_ptr_array_index (junk, i - 1);
      xmlUnlinkNode (n);
      g_ptr_array_add (graveyard, n);
    }

  for (xmlNode *c = root->children; c != NULL; c = c->next)
    if (is_tag (c, "body"))
      body = c;
  if (body != NULL)
    replace_brs (body, graveyard);

  {
    g_autoptr(GPtrArray) fonts = elements_by_tag (root, "font");
    for (guint i = 0; i < fonts->len; i++)
      set_tag (g_ptr_array_index (fonts, i), "span");
  }
}

/* Scoring */

static int
class_weight (Grab    *grab,
              xmlNode *node)
{
  const Regexes *re = regexes ();
  const char *class_name, *id;
  int weight = 0;

  if (!(grab->flags & FLAG_WEIGHT_CLASSES))
    return 0;

  class_name = attr (node, "class");
  if (class_name != NULL && *class_name != '\0')
    {
      if (g_regex_match (re->negative, class_name, 0, NULL))
        weight -= 25;
      if (g_regex_match (re->positive, class_name, 0, NULL))
        weight += 25;
    }

  id = attr (node, "id");
  if (id != NULL && *id != '\0')
    {
      if (g_regex_match (re->negative, id, 0, NULL))
        weight -= 25;
      if (g_regex_match (re->positive, id, 0, NULL))
        weight += 25;
    }

  return weight;
}

static void
initialize_node (Grab    *grab,
                 xmlNode *node)
{
  NodeInfo *info = ensure_info (grab, node);
  const char *tag = (const char *) node->name;

  info->initialized = TRUE;
  info->score = 0;

  if (g_str_equal (tag, "div"))
    info->score += 5;
  else if (g_str_equal (tag, "pre") || g_str_equal (tag, "td") || g_str_equal (tag, "blockquote"))
    info->score += 3;
  else if (str_in (tag, (const char * const[]) { "address", "ol", "ul", "dl", "dd", "dt", "li", "form", NULL }))
    info->score -= 3;
  else if (str_in (tag, (const char * const[]) { "h1", "h2", "h3", "h4", "h5", "h6", "th", NULL }))
    info->score -= 5;

  info->score += class_weight (grab, node);
}

static gboolean
is_initialized (xmlNode *node)
{
  return node->_private != NULL && info_of (node)->initialized;
}

static double
link_density (xmlNode *node)
{
  glong length = text_length (node);
  double link_length = 0;

  if (length == 0)
    return 0;

  for (xmlNode *n = node->children; n != NULL; n = subtree_next (n, node, FALSE))
    if (is_tag (n, "a"))
      {
        const char *href = attr (n, "href");
        double coefficient = href != NULL && href[0] == '#' && href[1] != '\0' ? 0.3 : 1;
        link_length += text_length (n) * coefficient;
      }

  return link_length / length;
}

static gboolean
has_ancestor_tag (xmlNode    *node,
                  const char *tag,
                  int         max_depth,
                  gboolean    data_tables_only)
{
  int depth = 0;

  while (is_element (node->parent))
    {
      if (max_depth > 0 && depth > max_depth)
        return FALSE;
      if (is_tag (node->parent, tag) &&
          (!data_tables_only || (node->parent->_private != NULL && info_of (node->parent)->data_table == 1)))
        return TRUE;
      node = node->parent;
      depth++;
    }
  return FALSE;
}

static gboolean
is_probably_visible (xmlNode *node)
{
  const char *style = attr (node, "style");
  const char *aria_hidden;

  if (style != NULL)
    {
      g_autofree char *compact = g_ascii_strdown (style, -1);
      char *w = compact;

      for (const char *r = compact; *r != '\0'; r++)
        if (!is_space_char (*r))
          *w++ = *r;
      *w = '\0';
      if (strstr (compact, "display:none") != NULL || strstr (compact, "visibility:hidden") != NULL)
        return FALSE;
    }

  if (attr (node, "hidden") != NULL)
    return FALSE;

  aria_hidden = attr (node, "aria-hidden");
  if (aria_hidden != NULL && g_str_equal (aria_hidden, "true") &&
      strstr (attr_or_empty (node, "class"), "fallback-image") == NULL)
    return FALSE;

  return TRUE;
}

static gboolean
is_valid_byline (const char *text)
{
  glong length;

  if (text == NULL)
    return FALSE;
  length = g_utf8_strlen (text, -1);
  return length > 0 && length < 100;
}

static gboolean
check_byline (Grab       *grab,
              xmlNode    *node,
              const char *match)
{
  const char *rel, *itemprop;
  g_autofree char *text = NULL;

  if (grab->byline != NULL)
    return FALSE;

  rel = attr (node, "rel");
  itemprop = attr (node, "itemprop");

  if (!(g_strcmp0 (rel, "author") == 0 ||
        (itemprop != NULL && strstr (itemprop, "author") != NULL) ||
        g_regex_match (regexes ()->byline, match, 0, NULL)))
    return FALSE;

  /* The name inside the byline, when marked, without "By" or a date. */
  {
    xmlNode *end = get_next_node (node, TRUE);
    xmlNode *name = NULL;

    for (xmlNode *n = get_next_node (node, FALSE); n != NULL && n != end; n = get_next_node (n, FALSE))
      {
        const char *prop = attr (n, "itemprop");
        if (prop != NULL && strstr (prop, "name") != NULL)
          {
            name = n;
            break;
          }
      }
    text = node_text (name != NULL ? name : node, FALSE);
  }
  if (!is_valid_byline (text))
    return FALSE;

  grab->byline = g_steal_pointer (&text);
  return TRUE;
}

static char **
tokenize (const char *text)
{
  GPtrArray *tokens = g_ptr_array_new ();
  g_autofree char *lower = g_utf8_strdown (text, -1);
  const char *p = lower, *start = NULL;

  for (;;)
    {
      gunichar c = *p != '\0' ? g_utf8_get_char (p) : 0;
      gboolean word = c != 0 && (g_unichar_isalnum (c) || c == '_');

      if (word && start == NULL)
        start = p;
      else if (!word && start != NULL)
        {
          g_ptr_array_add (tokens, g_strndup (start, p - start));
          start = NULL;
        }
      if (c == 0)
        break;
      p = g_utf8_next_char (p);
    }
  g_ptr_array_add (tokens, NULL);

  return (char **) g_ptr_array_free (tokens, FALSE);
}

/**
 * bulletin_readability_similarity:
 * @a: a text
 * @b: another text
 *
 * Returns: 1 when every word of @b is in @a, 0 when none is
 */
double
bulletin_readability_similarity (const char *a,
                                 const char *b)
{
  g_auto(GStrv) ta = NULL;
  g_auto(GStrv) tb = NULL;
  gsize unique_length = 0, total_length = 0;
  guint n_b;

  if (a == NULL || b == NULL)
    return 0;

  ta = tokenize (a);
  tb = tokenize (b);
  n_b = g_strv_length (tb);
  if (ta[0] == NULL || n_b == 0)
    return 0;

  for (guint i = 0; tb[i] != NULL; i++)
    {
      gsize len = g_utf8_strlen (tb[i], -1);

      total_length += len + (i > 0 ? 1 : 0);
      if (!g_strv_contains ((const char * const *) ta, tb[i]))
        unique_length += len + (unique_length > 0 ? 1 : 0);
    }

  return 1.0 - (double) unique_length / (double) total_length;
}

static gboolean
header_duplicates_title (Grab    *grab,
                         xmlNode *node)
{
  g_autofree char *heading = NULL;

  if (grab->title == NULL || !(is_tag (node, "h1") || is_tag (node, "h2")))
    return FALSE;
  heading = node_text (node, FALSE);
  return bulletin_readability_similarity (grab->title, heading) > 0.75;
}

static gboolean
element_without_content (xmlNode *node)
{
  if (!is_element (node) || has_text (node))
    return FALSE;

  for (xmlNode *c = node->children; c != NULL; c = c->next)
    if (is_element (c) && !is_tag (c, "br") && !is_tag (c, "hr"))
      return FALSE;

  return TRUE;
}

static gboolean
has_single_tag_inside (xmlNode    *node,
                       const char *tag)
{
  xmlNode *child = first_element_child (node);

  if (child == NULL || next_element_sibling (child) != NULL || !is_tag (child, tag))
    return FALSE;

  for (xmlNode *c = node->children; c != NULL; c = c->next)
    if (c->type == XML_TEXT_NODE && !is_whitespace (c))
      return FALSE;

  return TRUE;
}

static gboolean
has_child_block_element (xmlNode *node)
{
  for (xmlNode *n = node->children; n != NULL; n = subtree_next (n, node, FALSE))
    if (tag_in (n, div_to_p_elems))
      return TRUE;
  return FALSE;
}

/* A box of links that a news site puts in or around the article and whose
 * first words say what it is: "Related News", "Most Read", "Read Next". */
static gboolean
is_junk_box (xmlNode *node)
{
  xmlNode *label = node;

  if (!tag_in (node, (const char * const[]) { "div", "section", "aside", "ul", "ol", "nav", "header", NULL }))
    return FALSE;

  for (int depth = 0; depth < 4 && label != NULL; depth++)
    {
      xmlNode *child = first_element_child (label);
      g_autofree char *text = NULL;

      if (child == NULL)
        return FALSE;
      /* A label is short: don't gather the text of a whole article. */
      {
        g_autoptr(GString) raw = g_string_new (NULL);

        for (xmlNode *n = child->children; n != NULL && raw->len < 400; n = subtree_next (n, child, FALSE))
          if (n->type == XML_TEXT_NODE && n->content != NULL)
            g_string_append (raw, (const char *) n->content);
        if (raw->len >= 400)
          {
            label = child;
            continue;
          }
      }
      text = node_text (child, TRUE);
      if (g_utf8_strlen (text, -1) <= 40 && *text != '\0')
        {
          if (g_regex_match (regexes ()->junk_heading, text, 0, NULL))
            return link_density (node) > 0.25;
          return FALSE;
        }
      label = child;
    }

  return FALSE;
}

static glong
count_commas (const char *text)
{
  glong n = 1;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    switch (g_utf8_get_char (p))
      {
      case 0x002C: case 0x060C: case 0xFE50: case 0xFE10: case 0xFE11:
      case 0x2E41: case 0x2E34: case 0x2E32: case 0xFF0C:
        n++;
        break;
      default:
        break;
      }

  return n;
}

/* Article cleaning */

static void
clean_styles (xmlNode *root)
{
  for (xmlNode *n = root; n != NULL; n = subtree_next (n, root, is_tag (n, "svg")))
    {
      if (!is_element (n) || is_tag (n, "svg"))
        continue;
      for (guint i = 0; presentational_attributes[i] != NULL; i++)
        xmlUnsetProp (n, (const xmlChar *) presentational_attributes[i]);
      if (tag_in (n, deprecated_size_elems))
        {
          xmlUnsetProp (n, (const xmlChar *) "width");
          xmlUnsetProp (n, (const xmlChar *) "height");
        }
    }
}

static void
mark_data_tables (Grab    *grab,
                  xmlNode *root)
{
  g_autoptr(GPtrArray) tables = elements_by_tag (root, "table");

  for (guint i = 0; i < tables->len; i++)
    {
      xmlNode *table = g_ptr_array_index (tables, i);
      NodeInfo *info = ensure_info (grab, table);
      const char *summary;
      guint rows = 0, columns = 0;
      g_autoptr(GPtrArray) captions = NULL;
      g_autoptr(GPtrArray) trs = NULL;

      if (g_strcmp0 (attr (table, "role"), "presentation") == 0 ||
          g_strcmp0 (attr (table, "datatable"), "0") == 0)
        {
          info->data_table = 0;
          continue;
        }
      summary = attr (table, "summary");
      if (summary != NULL && *summary != '\0')
        {
          info->data_table = 1;
          continue;
        }
      captions = elements_by_tag (table, "caption");
      if (captions->len > 0 && ((xmlNode *) g_ptr_array_index (captions, 0))->children != NULL)
        {
          info->data_table = 1;
          continue;
        }
      {
        g_autoptr(GPtrArray) data = elements_by_tags (table, (const char * const[]) { "col", "colgroup", "tfoot", "thead", "th", NULL });
        if (data->len > 0)
          {
            info->data_table = 1;
            continue;
          }
      }
      if (count_tag (table, "table") > 0)
        {
          info->data_table = 0;
          continue;
        }

      trs = elements_by_tag (table, "tr");
      for (guint j = 0; j < trs->len; j++)
        {
          xmlNode *tr = g_ptr_array_index (trs, j);
          const char *rowspan = attr (tr, "rowspan");
          int span = rowspan != NULL ? atoi (rowspan) : 0;
          guint in_row = 0;
          g_autoptr(GPtrArray) cells = elements_by_tag (tr, "td");

          rows += span > 0 ? span : 1;
          for (guint k = 0; k < cells->len; k++)
            {
              const char *colspan = attr (g_ptr_array_index (cells, k), "colspan");
              int cspan = colspan != NULL ? atoi (colspan) : 0;
              in_row += cspan > 0 ? cspan : 1;
            }
          columns = MAX (columns, in_row);
        }

      if (rows >= 10 || columns > 4)
        info->data_table = 1;
      else
        info->data_table = rows * columns > 10;
    }
}

static void
fix_lazy_images (xmlNode *root)
{
  const Regexes *re = regexes ();
  g_autoptr(GPtrArray) elems = elements_by_tags (root, (const char * const[]) { "img", "picture", "figure", NULL });

  for (guint i = 0; i < elems->len; i++)
    {
      xmlNode *elem = g_ptr_array_index (elems, i);
      const char *src = attr (elem, "src");
      const char *srcset = attr (elem, "srcset");
      g_autofree char *class_lower = g_ascii_strdown (attr_or_empty (elem, "class"), -1);
      const char *lazy_src, *lazy_srcset;

      if (elem->parent == NULL)
        continue;

      /* A tiny base64 placeholder hides the real source in another attribute. */
      if (src != NULL && g_ascii_strncasecmp (src, "data:", 5) == 0 &&
          strstr (src, "image/svg+xml") == NULL)
        {
          gboolean could_remove = FALSE;
          const char *b64 = strstr (src, "base64");

          for (xmlAttr *a = elem->properties; a != NULL; a = a->next)
            if (g_strcmp0 ((const char *) a->name, "src") != 0 &&
                g_regex_match (re->image_ext, attr_or_empty (elem, (const char *) a->name), 0, NULL))
              could_remove = TRUE;
          if (could_remove && b64 != NULL && strlen (b64 + 6) < 133)
            {
              xmlUnsetProp (elem, (const xmlChar *) "src");
              src = NULL;
            }
        }

      /* The usual lazy-loading attributes first. */
      lazy_src = attr (elem, "data-src");
      if (lazy_src == NULL)
        lazy_src = attr (elem, "data-lazy-src");
      if (lazy_src == NULL)
        lazy_src = attr (elem, "data-original");
      lazy_srcset = attr (elem, "data-srcset");
      if (lazy_srcset == NULL)
        lazy_srcset = attr (elem, "data-lazy-srcset");

      if (is_tag (elem, "img") &&
          (src == NULL || *src == '\0' || g_ascii_strncasecmp (src, "data:", 5) == 0 ||
           strstr (class_lower, "lazy") != NULL))
        {
          if (lazy_src != NULL && *lazy_src != '\0')
            {
              xmlSetProp (elem, (const xmlChar *) "src", (const xmlChar *) lazy_src);
              src = attr (elem, "src");
            }
          if (lazy_srcset != NULL && *lazy_srcset != '\0')
            {
              xmlSetProp (elem, (const xmlChar *) "srcset", (const xmlChar *) lazy_srcset);
              srcset = attr (elem, "srcset");
            }
        }

      if (((src != NULL && *src != '\0') || (srcset != NULL && *srcset != '\0' && g_strcmp0 (srcset, "null") != 0)) &&
          strstr (class_lower, "lazy") == NULL)
        continue;

      for (xmlAttr *a = elem->properties; a != NULL; a = a->next)
        {
          const char *name = (const char *) a->name;
          g_autofree char *value = NULL;
          const char *copy_to = NULL;

          if (g_str_equal (name, "src") || g_str_equal (name, "srcset") || g_str_equal (name, "alt"))
            continue;
          value = g_strdup (attr_or_empty (elem, name));
          if (g_regex_match (re->image_srcset, value, 0, NULL))
            copy_to = "srcset";
          else if (g_regex_match (re->image_src, value, 0, NULL))
            copy_to = "src";
          if (copy_to == NULL)
            continue;

          if (is_tag (elem, "img") || is_tag (elem, "picture"))
            xmlSetProp (elem, (const xmlChar *) copy_to, (const xmlChar *) value);
          else if (is_tag (elem, "figure") && count_tag (elem, "img") == 0 && count_tag (elem, "picture") == 0)
            {
              xmlNode *img = xmlNewDocNode (elem->doc, NULL, (const xmlChar *) "img", NULL);
              xmlSetProp (img, (const xmlChar *) copy_to, (const xmlChar *) value);
              xmlAddChild (elem, img);
            }
        }
    }
}

static gboolean
matches_video (xmlNode *node)
{
  const Regexes *re = regexes ();

  for (xmlNode *n = node; n != NULL; n = subtree_next (n, node, FALSE))
    if (is_element (n))
      for (xmlAttr *a = n->properties; a != NULL; a = a->next)
        if (g_regex_match (re->videos, attr_or_empty (n, (const char *) a->name), 0, NULL))
          return TRUE;
  return FALSE;
}

static void
clean_tag (Grab       *grab,
           xmlNode    *root,
           const char *tag)
{
  gboolean is_embed = g_str_equal (tag, "object") || g_str_equal (tag, "embed") || g_str_equal (tag, "iframe");
  g_autoptr(GPtrArray) nodes = elements_by_tag (root, tag);

  for (guint i = nodes->len; i > 0; i--)
    {
      xmlNode *node = g_ptr_array_index (nodes, i - 1);

      if (node->parent == NULL)
        continue;
      if (is_embed && matches_video (node))
        continue;
      bury (grab, node);
    }
}

static double
text_density (xmlNode            *node,
              const char * const *tags)
{
  glong length = text_length (node);
  glong children_length = 0;
  g_autoptr(GPtrArray) children = NULL;

  if (length == 0)
    return 0;
  children = elements_by_tags (node, tags);
  for (guint i = 0; i < children->len; i++)
    children_length += text_length (g_ptr_array_index (children, i));
  return (double) children_length / length;
}

static gboolean
should_clean_conditionally (Grab       *grab,
                            xmlNode    *node,
                            const char *tag)
{
  gboolean is_list = g_str_equal (tag, "ul") || g_str_equal (tag, "ol");
  int weight;
  g_autofree char *text = NULL;

  if (!is_list)
    {
      glong list_length = 0;
      glong length = text_length (node);
      g_autoptr(GPtrArray) lists = elements_by_tags (node, (const char * const[]) { "ul", "ol", NULL });

      for (guint i = 0; i < lists->len; i++)
        list_length += text_length (g_ptr_array_index (lists, i));
      is_list = length > 0 && (double) list_length / length > 0.9;
    }

  if (g_str_equal (tag, "table") && node->_private != NULL && info_of (node)->data_table == 1)
    return FALSE;
  if (has_ancestor_tag (node, "table", -1, TRUE))
    return FALSE;
  if (has_ancestor_tag (node, "code", 3, FALSE))
    return FALSE;

  weight = class_weight (grab, node);
  if (weight < 0)
    return TRUE;

  text = node_text (node, TRUE);
  if (count_commas (text) - 1 < 10)
    {
      guint p = count_tag (node, "p");
      guint img = count_tag (node, "img");
      int li = (int) count_tag (node, "li") - 100;
      guint input = count_tag (node, "input");
      double heading_density = text_density (node, headings);
      guint embed_count = 0;
      double density;
      glong content_length;
      gboolean remove;
      g_autoptr(GPtrArray) embeds = elements_by_tags (node, (const char * const[]) { "object", "embed", "iframe", NULL });

      for (guint i = 0; i < embeds->len; i++)
        {
          if (matches_video (g_ptr_array_index (embeds, i)))
            return FALSE;
          embed_count++;
        }

      density = link_density (node);
      content_length = g_utf8_strlen (text, -1);

      remove = (img > 1 && (double) p / img < 0.5 && !has_ancestor_tag (node, "figure", 3, FALSE)) ||
               (!is_list && li > (int) p) ||
               (input > p / 3) ||
               (!is_list && heading_density < 0.9 && content_length < 25 && (img == 0 || img > 2) &&
                !has_ancestor_tag (node, "figure", 3, FALSE)) ||
               (!is_list && weight < 25 && density > 0.2) ||
               (weight >= 25 && density > 0.5) ||
               ((embed_count == 1 && content_length < 75) || embed_count > 1);

      if (is_list && remove)
        {
          for (xmlNode *c = node->children; c != NULL; c = c->next)
            if (is_element (c) && count_element_children (c) > 1)
              return remove;
          if (img == count_tag (node, "li"))
            return FALSE;
        }
      return remove;
    }

  return FALSE;
}

static void
clean_conditionally (Grab       *grab,
                     xmlNode    *root,
                     const char *tag)
{
  g_autoptr(GPtrArray) nodes = NULL;

  if (!(grab->flags & FLAG_CLEAN_CONDITIONALLY))
    return;

  nodes = elements_by_tag (root, tag);
  for (guint i = nodes->len; i > 0; i--)
    {
      xmlNode *node = g_ptr_array_index (nodes, i - 1);

      /* A node inside a removed subtree is skipped: JS would still look at
       * it, but the result would no longer be in the article. */
      if (node->parent == NULL)
        continue;
      {
        gboolean attached = FALSE;
        for (xmlNode *a = node->parent; a != NULL; a = a->parent)
          if (a == root)
            {
              attached = TRUE;
              break;
            }
        if (!attached)
          continue;
      }
      if (should_clean_conditionally (grab, node, tag))
        bury (grab, node);
    }
}

static void
clean_share_elements (Grab    *grab,
                      xmlNode *content)
{
  const Regexes *re = regexes ();

  for (xmlNode *top = first_element_child (content); top != NULL; top = next_element_sibling (top))
    {
      xmlNode *n = first_element_child (top) != NULL ? top->children : NULL;

      while (n != NULL)
        {
          if (is_element (n))
            {
              g_autofree char *match = g_strconcat (attr_or_empty (n, "class"), " ", attr_or_empty (n, "id"), NULL);

              if (g_regex_match (re->share, match, 0, NULL))
                {
                  g_autoptr(GString) text = g_string_new (NULL);

                  append_text (n, text);
                  if (g_utf8_strlen (text->str, -1) < CHAR_THRESHOLD)
                    {
                      xmlNode *next = subtree_next (n, top, TRUE);
                      bury (grab, n);
                      n = next;
                      continue;
                    }
                }
            }
          n = subtree_next (n, top, FALSE);
        }
    }
}

static void
prep_article (Grab    *grab,
              xmlNode *content)
{
  clean_styles (content);
  mark_data_tables (grab, content);
  fix_lazy_images (content);

  clean_conditionally (grab, content, "form");
  clean_conditionally (grab, content, "fieldset");
  clean_tag (grab, content, "object");
  clean_tag (grab, content, "embed");
  clean_tag (grab, content, "footer");
  clean_tag (grab, content, "link");
  clean_tag (grab, content, "aside");

  clean_share_elements (grab, content);

  clean_tag (grab, content, "iframe");
  clean_tag (grab, content, "input");
  clean_tag (grab, content, "textarea");
  clean_tag (grab, content, "select");
  clean_tag (grab, content, "button");

  {
    g_autoptr(GPtrArray) heads = elements_by_tags (content, (const char * const[]) { "h1", "h2", NULL });
    for (guint i = heads->len; i > 0; i--)
      {
        xmlNode *h = g_ptr_array_index (heads, i - 1);
        if (h->parent != NULL && class_weight (grab, h) < 0)
          bury (grab, h);
      }
  }

  clean_conditionally (grab, content, "table");
  clean_conditionally (grab, content, "ul");
  clean_conditionally (grab, content, "div");

  {
    g_autoptr(GPtrArray) h1s = elements_by_tag (content, "h1");
    for (guint i = 0; i < h1s->len; i++)
      set_tag (g_ptr_array_index (h1s, i), "h2");
  }

  {
    g_autoptr(GPtrArray) ps = elements_by_tag (content, "p");
    for (guint i = ps->len; i > 0; i--)
      {
        xmlNode *p = g_ptr_array_index (ps, i - 1);
        g_autoptr(GPtrArray) media = NULL;

        if (p->parent == NULL)
          continue;
        media = elements_by_tags (p, (const char * const[]) { "img", "embed", "object", "iframe", NULL });
        if (media->len == 0 && !has_text (p))
          bury (grab, p);
      }
  }

  {
    g_autoptr(GPtrArray) brs = elements_by_tag (content, "br");
    for (guint i = 0; i < brs->len; i++)
      {
        xmlNode *br = g_ptr_array_index (brs, i);
        xmlNode *next = next_significant (br->next);
        if (br->parent != NULL && next != NULL && is_tag (next, "p"))
          bury (grab, br);
      }
  }

  {
    g_autoptr(GPtrArray) tables = elements_by_tag (content, "table");
    for (guint i = 0; i < tables->len; i++)
      {
        xmlNode *table = g_ptr_array_index (tables, i);
        xmlNode *tbody = has_single_tag_inside (table, "tbody") ? first_element_child (table) : table;

        if (table->parent == NULL || !has_single_tag_inside (tbody, "tr"))
          continue;
        {
          xmlNode *row = first_element_child (tbody);
          if (has_single_tag_inside (row, "td"))
            {
              xmlNode *cell = first_element_child (row);
              gboolean phrasing = TRUE;

              for (xmlNode *c = cell->children; c != NULL; c = c->next)
                if (!is_phrasing (c))
                  phrasing = FALSE;
              set_tag (cell, phrasing ? "p" : "div");
              xmlUnlinkNode (cell);
              xmlReplaceNode (table, cell);
              bury (grab, table);
            }
        }
      }
  }
}

/* Removes the hero image from the top of the body: the reader shows it
 * above the body already. */
static void
remove_leading_hero (Grab    *grab,
                     xmlNode *content)
{
  if (grab->hero_image == NULL)
    return;

  for (xmlNode *n = content->children; n != NULL; n = subtree_next (n, content, FALSE))
    {
      if (n->type == XML_TEXT_NODE && !is_whitespace (n))
        return;
      if (is_tag (n, "img"))
        {
          xmlNode *drop = n;

          if (!bulletin_readability_same_image (attr (n, "src"), grab->hero_image))
            return;
          for (xmlNode *a = n->parent; a != NULL && a != content; a = a->parent)
            if (is_tag (a, "figure") || is_tag (a, "picture"))
              drop = a;
          if (drop != n || is_tag (n->parent, "picture"))
            {
              bury (grab, drop);
              return;
            }
          bury (grab, n);
          return;
        }
    }
}

/**
 * bulletin_readability_same_image:
 * @a: (nullable): an image URL
 * @b: (nullable): another
 *
 * Returns: whether both name the same file (last path segment, no query)
 */
gboolean
bulletin_readability_same_image (const char *a,
                                 const char *b)
{
  const char *sa, *sb, *ea, *eb;

  if (a == NULL || b == NULL || *a == '\0' || *b == '\0')
    return FALSE;

  ea = a + strcspn (a, "?#");
  eb = b + strcspn (b, "?#");
  sa = g_strrstr_len (a, ea - a, "/");
  sb = g_strrstr_len (b, eb - b, "/");
  sa = sa != NULL ? sa + 1 : a;
  sb = sb != NULL ? sb + 1 : b;

  return (ea - sa) == (eb - sb) && (ea - sa) > 0 && strncmp (sa, sb, ea - sa) == 0;
}

static char *
serialize (xmlDoc  *doc,
           xmlNode *node)
{
  xmlBuffer *buffer = xmlBufferCreate ();
  char *result;

  htmlNodeDump (buffer, doc, node);
  result = g_strdup ((const char *) xmlBufferContent (buffer));
  xmlBufferFree (buffer);

  return result;
}

static xmlNode *
find_body (xmlDoc *doc)
{
  xmlNode *root = xmlDocGetRootElement (doc);

  if (root == NULL)
    return NULL;
  for (xmlNode *c = root->children; c != NULL; c = c->next)
    if (is_tag (c, "body"))
      return c;
  return root;
}

typedef struct
{
  char  *content;
  char  *dir;
  char  *first_paragraph;
  glong  text_length;
} Attempt;

static void
attempt_clear (Attempt *attempt)
{
  g_clear_pointer (&attempt->content, g_free);
  g_clear_pointer (&attempt->dir, g_free);
  g_clear_pointer (&attempt->first_paragraph, g_free);
}

static void
score_paragraphs (Grab      *grab,
                  GPtrArray *elements,
                  GPtrArray *candidates)
{
  for (guint e = 0; e < elements->len; e++)
    {
      xmlNode *element = g_ptr_array_index (elements, e);
      g_autofree char *text = NULL;
      glong length;
      double score;
      xmlNode *ancestor;
      int level = 0;

      if (!is_element (element->parent))
        continue;
      /* Skip elements that left the tree. */
      {
        xmlNode *a = element;
        while (a->parent != NULL && a->parent->type == XML_ELEMENT_NODE)
          a = a->parent;
        if (a->parent == NULL || a->parent->type != XML_HTML_DOCUMENT_NODE)
          continue;
      }

      text = node_text (element, TRUE);
      length = g_utf8_strlen (text, -1);
      if (length < 25)
        continue;

      score = 1 + count_commas (text) + MIN (length / 100, 3);

      for (ancestor = element->parent; is_element (ancestor) && level < 5; ancestor = ancestor->parent, level++)
        {
          double divider;

          if (!is_element (ancestor->parent))
            continue;
          if (!is_initialized (ancestor))
            {
              initialize_node (grab, ancestor);
              g_ptr_array_add (candidates, ancestor);
            }
          divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
          info_of (ancestor)->score += score / divider;
        }
    }
}

static gboolean
ancestors_contain (xmlNode *node,
                   xmlNode *ancestor)
{
  for (xmlNode *a = node->parent; a != NULL; a = a->parent)
    if (a == ancestor)
      return TRUE;
  return FALSE;
}

static gboolean
grab_once (Grab    *grab,
           Attempt *out)
{
  xmlNode *body = find_body (grab->doc);
  xmlNode *node;
  g_autoptr(GPtrArray) elements = g_ptr_array_new ();
  g_autoptr(GPtrArray) candidates = g_ptr_array_new ();
  xmlNode *top[N_TOP_CANDIDATES] = { NULL, };
  xmlNode *top_candidate, *parent_of_top, *content, *page;
  gboolean created = FALSE;
  gboolean should_remove_title_header = TRUE;
  gboolean strip = (grab->flags & FLAG_STRIP_UNLIKELYS) != 0;
  double sibling_threshold;
  g_autoptr(GPtrArray) siblings = NULL;
  const Regexes *re = regexes ();

  if (body == NULL)
    return FALSE;

  node = xmlDocGetRootElement (grab->doc);
  while (node != NULL)
    {
      g_autofree char *match = NULL;
      const char *role;

      if (is_tag (node, "html") && grab->lang == NULL && attr (node, "lang") != NULL)
        grab->lang = g_strdup (attr (node, "lang"));

      match = g_strconcat (attr_or_empty (node, "class"), " ", attr_or_empty (node, "id"), NULL);

      if (!is_probably_visible (node))
        {
          node = remove_and_get_next (grab, node);
          continue;
        }

      if (g_strcmp0 (attr (node, "aria-modal"), "true") == 0 && g_strcmp0 (attr (node, "role"), "dialog") == 0)
        {
          node = remove_and_get_next (grab, node);
          continue;
        }

      if (check_byline (grab, node, match))
        {
          node = remove_and_get_next (grab, node);
          continue;
        }

      if (should_remove_title_header && header_duplicates_title (grab, node))
        {
          should_remove_title_header = FALSE;
          node = remove_and_get_next (grab, node);
          continue;
        }

      if (strip)
        {
          if (g_regex_match (re->unlikely, match, 0, NULL) &&
              !g_regex_match (re->maybe, match, 0, NULL) &&
              !has_ancestor_tag (node, "table", 3, FALSE) &&
              !has_ancestor_tag (node, "code", 3, FALSE) &&
              !is_tag (node, "body") && !is_tag (node, "html") && !is_tag (node, "a"))
            {
              node = remove_and_get_next (grab, node);
              continue;
            }

          /* The line of byline, source, date and reading time. */
          if (g_regex_match (re->meta_line, match, 0, NULL) && text_length (node) < 150)
            {
              node = remove_and_get_next (grab, node);
              continue;
            }

          role = attr (node, "role");
          if (str_in (role, unlikely_roles) || is_tag (node, "nav") || is_junk_box (node))
            {
              node = remove_and_get_next (grab, node);
              continue;
            }
        }

      if (tag_in (node, (const char * const[]) { "div", "section", "header", "h1", "h2", "h3", "h4", "h5", "h6", NULL }) &&
          element_without_content (node))
        {
          node = remove_and_get_next (grab, node);
          continue;
        }

      if (tag_in (node, tags_to_score))
        g_ptr_array_add (elements, node);

      if (is_tag (node, "div"))
        {
          xmlNode *p = NULL;
          xmlNode *child = node->children;

          while (child != NULL)
            {
              xmlNode *next = child->next;

              if (is_phrasing (child))
                {
                  if (p != NULL)
                    {
                      xmlUnlinkNode (child);
                      xmlAddChild (p, child);
                    }
                  else if (!is_whitespace (child))
                    {
                      p = xmlNewDocNode (grab->doc, NULL, (const xmlChar *) "p", NULL);
                      xmlAddPrevSibling (child, p);
                      xmlUnlinkNode (child);
                      xmlAddChild (p, child);
                    }
                }
              else if (p != NULL)
                {
                  while (p->last != NULL && is_whitespace (p->last))
                    {
                      xmlNode *last = p->last;
                      xmlUnlinkNode (last);
                      xmlFreeNode (last);
                    }
                  p = NULL;
                }
              child = next;
            }

          if (has_single_tag_inside (node, "p") && link_density (node) < 0.25)
            {
              xmlNode *inner = first_element_child (node);

              xmlUnlinkNode (inner);
              xmlReplaceNode (node, inner);
              bury (grab, node);
              node = inner;
              g_ptr_array_add (elements, node);
            }
          else if (!has_child_block_element (node))
            {
              set_tag (node, "p");
              g_ptr_array_add (elements, node);
            }
        }

      node = get_next_node (node, FALSE);
    }

  score_paragraphs (grab, elements, candidates);

  for (guint c = 0; c < candidates->len; c++)
    {
      xmlNode *candidate = g_ptr_array_index (candidates, c);
      NodeInfo *info = info_of (candidate);

      info->score *= 1 - link_density (candidate);

      for (int t = 0; t < N_TOP_CANDIDATES; t++)
        if (top[t] == NULL || info->score > info_of (top[t])->score)
          {
            memmove (&top[t + 1], &top[t], sizeof (xmlNode *) * (N_TOP_CANDIDATES - t - 1));
            top[t] = candidate;
            break;
          }
    }

  top_candidate = top[0];
  page = body;

  if (top_candidate == NULL || is_tag (top_candidate, "body"))
    {
      top_candidate = xmlNewDocNode (grab->doc, NULL, (const xmlChar *) "div", NULL);
      created = TRUE;
      move_children (page, top_candidate);
      xmlAddChild (page, top_candidate);
      initialize_node (grab, top_candidate);
    }
  else
    {
      g_autoptr(GPtrArray) alternatives = g_ptr_array_new ();
      double last_score, threshold;

      for (int i = 1; i < N_TOP_CANDIDATES && top[i] != NULL; i++)
        if (info_of (top[i])->score / info_of (top_candidate)->score >= 0.75)
          g_ptr_array_add (alternatives, top[i]);

      if (alternatives->len >= 3)
        {
          parent_of_top = top_candidate->parent;
          while (is_element (parent_of_top) && !is_tag (parent_of_top, "body"))
            {
              guint containing = 0;

              for (guint a = 0; a < alternatives->len && containing < 3; a++)
                if (ancestors_contain (g_ptr_array_index (alternatives, a), parent_of_top))
                  containing++;
              if (containing >= 3)
                {
                  top_candidate = parent_of_top;
                  break;
                }
              parent_of_top = parent_of_top->parent;
            }
        }
      if (!is_initialized (top_candidate))
        initialize_node (grab, top_candidate);

      parent_of_top = top_candidate->parent;
      last_score = info_of (top_candidate)->score;
      threshold = last_score / 3;
      while (is_element (parent_of_top) && !is_tag (parent_of_top, "body"))
        {
          double parent_score;

          if (!is_initialized (parent_of_top))
            {
              parent_of_top = parent_of_top->parent;
              continue;
            }
          parent_score = info_of (parent_of_top)->score;
          if (parent_score < threshold)
            break;
          if (parent_score > last_score)
            {
              top_candidate = parent_of_top;
              break;
            }
          last_score = parent_score;
          parent_of_top = parent_of_top->parent;
        }

      parent_of_top = top_candidate->parent;
      while (is_element (parent_of_top) && !is_tag (parent_of_top, "body") &&
             count_element_children (parent_of_top) == 1)
        {
          top_candidate = parent_of_top;
          parent_of_top = top_candidate->parent;
        }
      if (!is_initialized (top_candidate))
        initialize_node (grab, top_candidate);
    }

  content = xmlNewDocNode (grab->doc, NULL, (const xmlChar *) "div", NULL);
  g_ptr_array_add (grab->graveyard, content);

  sibling_threshold = MAX (10, info_of (top_candidate)->score * 0.2);
  parent_of_top = top_candidate->parent;
  siblings = g_ptr_array_new ();
  for (xmlNode *s = parent_of_top->children; s != NULL; s = s->next)
    if (is_element (s))
      g_ptr_array_add (siblings, s);

  for (guint s = 0; s < siblings->len; s++)
    {
      xmlNode *sibling = g_ptr_array_index (siblings, s);
      gboolean append = FALSE;

      if (sibling == top_candidate)
        append = TRUE;
      else
        {
          double bonus = 0;
          const char *top_class = attr_or_empty (top_candidate, "class");

          if (*top_class != '\0' && g_strcmp0 (attr_or_empty (sibling, "class"), top_class) == 0)
            bonus += info_of (top_candidate)->score * 0.2;

          if (is_initialized (sibling) && info_of (sibling)->score + bonus >= sibling_threshold)
            append = TRUE;
          else if (is_tag (sibling, "p"))
            {
              double density = link_density (sibling);
              g_autofree char *text = node_text (sibling, TRUE);
              glong length = g_utf8_strlen (text, -1);

              if (length > 80 && density < 0.25)
                append = TRUE;
              else if (length < 80 && length > 0 && density == 0)
                {
                  const char *dot = strchr (text, '.');
                  while (dot != NULL && dot[1] != ' ' && dot[1] != '\0')
                    dot = strchr (dot + 1, '.');
                  append = dot != NULL;
                }
            }
        }

      if (append)
        {
          if (!tag_in (sibling, alter_to_div_exceptions))
            set_tag (sibling, "div");
          xmlUnlinkNode (sibling);
          xmlAddChild (content, sibling);
        }
    }

  prep_article (grab, content);

  if (created)
    {
      /* The made-up top candidate is the only child of content. */
      xmlSetProp (top_candidate, (const xmlChar *) "id", (const xmlChar *) "readability-page-1");
      xmlSetProp (top_candidate, (const xmlChar *) "class", (const xmlChar *) "page");
    }
  else
    {
      xmlNode *div = xmlNewDocNode (grab->doc, NULL, (const xmlChar *) "div", NULL);

      xmlSetProp (div, (const xmlChar *) "id", (const xmlChar *) "readability-page-1");
      xmlSetProp (div, (const xmlChar *) "class", (const xmlChar *) "page");
      move_children (content, div);
      xmlAddChild (content, div);
    }

  remove_leading_hero (grab, content);

  out->text_length = text_length (content);

  /* Text direction from the ancestors of the top candidate. */
  {
    xmlNode *chain[3] = { parent_of_top, top_candidate, NULL };

    for (guint i = 0; i < 2 && out->dir == NULL; i++)
      if (is_element (chain[i]) && attr (chain[i], "dir") != NULL && *attr (chain[i], "dir") != '\0')
        out->dir = g_strdup (attr (chain[i], "dir"));
    for (xmlNode *a = is_element (parent_of_top) ? parent_of_top->parent : NULL;
         out->dir == NULL && is_element (a); a = a->parent)
      if (attr (a, "dir") != NULL && *attr (a, "dir") != '\0')
        out->dir = g_strdup (attr (a, "dir"));
  }

  {
    g_autoptr(GPtrArray) ps = elements_by_tag (content, "p");
    if (ps->len > 0)
      out->first_paragraph = node_text (g_ptr_array_index (ps, 0), FALSE);
  }

  out->content = serialize (grab->doc, first_element_child (content) != NULL ? first_element_child (content) : content);

  return TRUE;
}

static void
grab_clear (Grab *grab)
{
  /* Graveyard nodes may contain each other: free only the roots, the
   * nodes whose ancestors are not buried too. */
  if (grab->graveyard != NULL)
    {
      g_autoptr(GHashTable) buried = g_hash_table_new (NULL, NULL);

      for (guint i = 0; i < grab->graveyard->len; i++)
        g_hash_table_add (buried, g_ptr_array_index (grab->graveyard, i));
      for (guint i = 0; i < grab->graveyard->len; i++)
        {
          xmlNode *node = g_ptr_array_index (grab->graveyard, i);
          gboolean inside = FALSE;

          for (xmlNode *a = node->parent; a != NULL; a = a->parent)
            if (g_hash_table_contains (buried, a))
              {
                inside = TRUE;
                break;
              }
          if (!inside && node->parent == NULL)
            xmlFreeNode (node);
          else if (!inside && node->parent != NULL)
            {
              /* Put back into a tree after burial (a moved node): the
               * document frees it. */
            }
        }
      g_clear_pointer (&grab->graveyard, g_ptr_array_unref);
    }
  if (grab->doc != NULL)
    {
      xmlNode *root = xmlDocGetRootElement (grab->doc);
      /* Clear the pointers into the info arena before it goes away. */
      if (root != NULL)
        for (xmlNode *n = root; n != NULL; n = subtree_next (n, root, FALSE))
          n->_private = NULL;
      g_clear_pointer (&grab->doc, xmlFreeDoc);
    }
  g_clear_pointer (&grab->infos, g_ptr_array_unref);
}

/**
 * bulletin_readability_grab:
 * @doc: (transfer full): the parsed and prepared page
 * @utf8: the page's text, to parse again for another attempt
 * @length: its length
 * @title: (nullable): the article's title, to drop the heading that repeats it
 * @hero_image: (nullable): the hero image's URL, dropped from the top of the body
 * @result: (out caller-allocates): the body and what was learnt on the way
 *
 * Returns: whether a body was found
 */
gboolean
bulletin_readability_grab (xmlDoc                    *doc,
                           const char                *utf8,
                           gsize                      length,
                           const char                *title,
                           const char                *hero_image,
                           BulletinReadabilityResult *result)
{
  int flags = FLAG_STRIP_UNLIKELYS | FLAG_WEIGHT_CLASSES | FLAG_CLEAN_CONDITIONALLY;
  Attempt best = { NULL, };
  char *byline = NULL;
  char *lang = NULL;

  memset (result, 0, sizeof *result);

  for (;;)
    {
      Grab grab = { NULL, };
      Attempt attempt = { NULL, };
      gboolean ok;

      if (doc == NULL)
        {
          doc = bulletin_readability_parse (utf8, length);
          if (doc == NULL)
            break;
          bulletin_readability_prepare (doc);
        }

      grab.doc = g_steal_pointer (&doc);
      grab.flags = flags;
      grab.title = title;
      grab.hero_image = hero_image;
      grab.infos = g_ptr_array_new_with_free_func (g_free);
      grab.graveyard = g_ptr_array_new ();

      ok = grab_once (&grab, &attempt);

      if (byline == NULL)
        byline = g_steal_pointer (&grab.byline);
      if (lang == NULL)
        lang = g_steal_pointer (&grab.lang);
      g_free (grab.byline);
      g_free (grab.lang);
      grab_clear (&grab);

      if (ok && attempt.text_length > best.text_length)
        {
          attempt_clear (&best);
          best = attempt;
        }
      else
        attempt_clear (&attempt);

      if (ok && best.text_length >= CHAR_THRESHOLD)
        break;

      if (flags & FLAG_STRIP_UNLIKELYS)
        flags &= ~FLAG_STRIP_UNLIKELYS;
      else if (flags & FLAG_WEIGHT_CLASSES)
        flags &= ~FLAG_WEIGHT_CLASSES;
      else if (flags & FLAG_CLEAN_CONDITIONALLY)
        flags &= ~FLAG_CLEAN_CONDITIONALLY;
      else
        break;
    }

  if (doc != NULL)
    xmlFreeDoc (doc);

  result->byline = byline;
  result->lang = lang;
  if (best.content == NULL || best.text_length == 0)
    {
      attempt_clear (&best);
      return FALSE;
    }

  result->content = best.content;
  result->dir = best.dir;
  result->first_paragraph = best.first_paragraph;
  result->text_length = best.text_length;

  return TRUE;
}

void
bulletin_readability_result_clear (BulletinReadabilityResult *result)
{
  g_clear_pointer (&result->content, g_free);
  g_clear_pointer (&result->byline, g_free);
  g_clear_pointer (&result->dir, g_free);
  g_clear_pointer (&result->lang, g_free);
  g_clear_pointer (&result->first_paragraph, g_free);
}
