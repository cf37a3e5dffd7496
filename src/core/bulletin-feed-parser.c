/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bulletin-feed-parser"

#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>
#include <libxml/HTMLparser.h>
#include <libxml/entities.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "bulletin-date.h"
#include "bulletin-error.h"
#include "bulletin-feed-parser.h"
#include "bulletin-html.h"
#include "bulletin-json.h"
#include "bulletin-sanitizer-private.h"
#include "bulletin-url.h"

/* Feeds are parsed into a libxml2 tree (JSON Feed with json-glib) and read
 * by namespace and local name, the same code for RSS and Atom elements, the
 * way feedparser does: real feeds mix vocabularies freely.
 *
 * Safety: no XML_PARSE_NOENT (entities are never substituted by libxml2),
 * no DTD loading, no network, no XML_PARSE_HUGE (libxml2's own depth and
 * amplification limits stay on). Entities the tree still holds are read
 * here under a budget of visited nodes and of text, so an entity bomb cannot
 * expand. A document that is not well-formed is reparsed in recovery mode
 * and the feed is marked recovered.
 */

#define MAX_TEXT_LENGTH     (2 * 1024 * 1024)
#define MAX_VISITS          (1000 * 1000)
#define MAX_ENTITY_DEPTH    8
#define MAX_JSON_DEPTH      64

typedef enum
{
  NS_NONE,
  NS_RSS,
  NS_ATOM10,
  NS_ATOM03,
  NS_RDF,
  NS_DC,
  NS_DCTERMS,
  NS_CONTENT,
  NS_MEDIA,
  NS_XHTML,
  NS_OTHER,
} Namespace;

static const struct
{
  const char *uri;
  Namespace   ns;
} namespaces[] = {
  { "http://purl.org/rss/1.0/", NS_RSS },
  { "http://my.netscape.com/rdf/simple/0.9/", NS_RSS },
  { "http://backend.userland.com/rss2", NS_RSS },
  { "http://backend.userland.com/rss", NS_RSS },
  { "http://blogs.law.harvard.edu/tech/rss", NS_RSS },
  { "http://purl.org/net/rss1.1#", NS_RSS },
  { "http://www.w3.org/2005/Atom", NS_ATOM10 },
  { "http://purl.org/atom/ns#", NS_ATOM03 },
  { "http://www.w3.org/1999/02/22-rdf-syntax-ns#", NS_RDF },
  { "http://purl.org/dc/elements/1.1/", NS_DC },
  { "http://purl.org/dc/elements/1.0/", NS_DC },
  { "http://purl.org/dc/terms/", NS_DCTERMS },
  { "http://purl.org/rss/1.0/modules/content/", NS_CONTENT },
  { "http://search.yahoo.com/mrss/", NS_MEDIA },
  { "http://search.yahoo.com/mrss", NS_MEDIA },
  { "http://www.w3.org/1999/xhtml", NS_XHTML },
};

typedef enum
{
  KIND_TEXT,
  KIND_HTML,
  KIND_XHTML,
  KIND_MAYBE_HTML,   /* RSS titles: text unless it looks like markup */
} ContentKind;

/* An item's fields before they become a BulletinArticle. Each candidate
 * value comes with a priority, so that the order of elements in the feed
 * does not decide which of <content:encoded> and <description> wins.
 */
typedef enum
{
  SLOT_TITLE,
  SLOT_LINK,
  SLOT_ID,
  SLOT_SUMMARY,
  SLOT_CONTENT,
  SLOT_AUTHOR,
  SLOT_IMAGE,
  SLOT_LANGUAGE,
  SLOT_SOURCE,
  SLOT_SUBTITLE,
  N_SLOTS
} SlotId;

typedef struct
{
  char *value;
  int   priority;
} Slot;

typedef struct
{
  Slot        slots[N_SLOTS];
  GDateTime  *published;
  int         published_priority;
  GDateTime  *updated;
  int         updated_priority;
  GPtrArray  *tags;          /* char* */
  GPtrArray  *enclosures;    /* BulletinEnclosure*: <enclosure>, Atom rel=enclosure */
  GPtrArray  *media;         /* BulletinEnclosure*: media:content */
  GPtrArray  *gallery;       /* char*: the image media:content URLs, in order */
  char       *image_caption; /* the first image media:content's description */
  char       *video_url;
  int         content_words; /* the words of the content slot's value, -1 if not counted */
} Entry;

typedef struct
{
  xmlDoc        *doc;
  const char    *base_url;
  guint          visits;
  BulletinFeed  *feed;
  Entry          channel;
  guint          n_items;
  GCancellable  *cancellable;
  /* the last base node_base() checked, and whether GUri took it: every
   * link of every item asks, mostly of the same base */
  char          *checked_base;
  gboolean       checked_base_valid;
} Parser;

static void
entry_init (Entry *entry)
{
  memset (entry, 0, sizeof *entry);
  entry->published_priority = -1;
  entry->updated_priority = -1;
  entry->content_words = -1;
  for (guint i = 0; i < N_SLOTS; i++)
    entry->slots[i].priority = -1;
  entry->tags = g_ptr_array_new_with_free_func (g_free);
  entry->enclosures = g_ptr_array_new_with_free_func ((GDestroyNotify) bulletin_enclosure_free);
  entry->gallery = g_ptr_array_new_with_free_func (g_free);
  entry->media = g_ptr_array_new_with_free_func ((GDestroyNotify) bulletin_enclosure_free);
}

static void
entry_clear (Entry *entry)
{
  for (guint i = 0; i < N_SLOTS; i++)
    g_clear_pointer (&entry->slots[i].value, g_free);
  g_clear_pointer (&entry->published, g_date_time_unref);
  g_clear_pointer (&entry->updated, g_date_time_unref);
  g_clear_pointer (&entry->tags, g_ptr_array_unref);
  g_clear_pointer (&entry->enclosures, g_ptr_array_unref);
  g_clear_pointer (&entry->media, g_ptr_array_unref);
  g_clear_pointer (&entry->gallery, g_ptr_array_unref);
  g_clear_pointer (&entry->image_caption, g_free);
  g_clear_pointer (&entry->video_url, g_free);
}

/* Takes @value. A candidate replaces the current value only when its
 * priority is higher; among equals the first one stays. */
static void
entry_offer (Entry  *entry,
             SlotId  slot,
             char   *value,
             int     priority)
{
  Slot *s = &entry->slots[slot];

  if (value == NULL)
    return;

  if (value[0] == '\0' || priority <= s->priority)
    {
      g_free (value);
      return;
    }

  g_free (s->value);
  s->value = value;
  s->priority = priority;
  if (slot == SLOT_CONTENT)
    entry->content_words = -1;
}

/* entry_offer() for content whose words the sanitizer counted. */
static void
entry_offer_content (Entry *entry,
                     char  *value,
                     guint  words,
                     int    priority)
{
  /* entry_offer()'s rule */
  gboolean wins = value != NULL && value[0] != '\0' &&
                  priority > entry->slots[SLOT_CONTENT].priority;

  entry_offer (entry, SLOT_CONTENT, value, priority);
  if (wins)
    entry->content_words = MIN (words, G_MAXINT);
}

static void
entry_offer_date (Entry      *entry,
                  gboolean    published,
                  const char *text,
                  int         priority)
{
  GDateTime **date = published ? &entry->published : &entry->updated;
  int *current = published ? &entry->published_priority : &entry->updated_priority;
  GDateTime *parsed;

  /* Among equals the last one wins, as in feedparser. */
  if (priority < *current)
    return;

  parsed = bulletin_date_parse (text);
  if (parsed == NULL)
    return;

  g_clear_pointer (date, g_date_time_unref);
  *date = parsed;
  *current = priority;
}

static void
entry_add_tag (Entry      *entry,
               const char *tag)
{
  g_autofree char *clean = NULL;

  if (tag == NULL || entry->tags->len >= 100)
    return;

  clean = g_strstrip (g_strdup (tag));
  if (clean[0] != '\0')
    g_ptr_array_add (entry->tags, g_steal_pointer (&clean));
}

/* Strings go out as valid UTF-8 whatever came in. */
static char *
clean_utf8 (char *text)
{
  char *valid;

  if (text == NULL || g_utf8_validate (text, -1, NULL))
    return text;

  valid = g_utf8_make_valid (text, -1);
  g_free (text);
  return valid;
}

/* clean_utf8() without a copy of what is valid already, the usual case:
 * @text itself, or a repaired copy left in @repaired. */
static const char *
valid_utf8 (const char  *text,
            char       **repaired)
{
  *repaired = NULL;
  if (text == NULL || g_utf8_validate (text, -1, NULL))
    return text;

  *repaired = g_utf8_make_valid (text, -1);
  return *repaired;
}

static Namespace
node_namespace (xmlNode *node)
{
  if (node->ns == NULL || node->ns->href == NULL)
    return NS_NONE;

  for (guint i = 0; i < G_N_ELEMENTS (namespaces); i++)
    if (strcmp ((const char *) node->ns->href, namespaces[i].uri) == 0)
      return namespaces[i].ns;

  return NS_OTHER;
}

/* RSS, RDF-RSS and Atom elements are read by the same code. */
static gboolean
is_core_namespace (Namespace ns)
{
  return ns == NS_NONE || ns == NS_RSS || ns == NS_ATOM10 || ns == NS_ATOM03;
}

static gboolean
node_is (xmlNode    *node,
         const char *name)
{
  return node->type == XML_ELEMENT_NODE && node->name != NULL &&
         strcmp ((const char *) node->name, name) == 0;
}

static char *
get_attribute (xmlNode    *node,
               const char *name)
{
  xmlChar *value = xmlGetNoNsProp (node, (const xmlChar *) name);
  char *result;

  if (value == NULL)
    {
      /* Atom attributes are unqualified, but some feeds qualify them. */
      for (xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
        if (attr->name != NULL && strcmp ((const char *) attr->name, name) == 0)
          {
            value = xmlNodeGetContent ((xmlNode *) attr);
            break;
          }
    }

  if (value == NULL)
    return NULL;

  result = clean_utf8 (g_strdup ((const char *) value));
  xmlFree (value);
  return g_strstrip (result);
}

static void
append_unichar (GString  *out,
                gunichar  c)
{
  if (g_unichar_validate (c) && c != 0)
    g_string_append_unichar (out, c);
}

/* The text of @first and its siblings, entities included under budget. */
static void
append_text (Parser  *self,
             xmlNode *first,
             GString *out,
             int      entity_depth)
{
  for (xmlNode *node = first; node != NULL; node = node->next)
    {
      if (++self->visits > MAX_VISITS || out->len > MAX_TEXT_LENGTH)
        return;

      switch (node->type)
        {
        case XML_TEXT_NODE:
        case XML_CDATA_SECTION_NODE:
          if (node->content != NULL)
            g_string_append (out, (const char *) node->content);
          break;

        case XML_ENTITY_REF_NODE:
          {
            xmlEntity *entity = (xmlEntity *) node->children;

            if (entity != NULL && entity->type == XML_ENTITY_DECL)
              {
                if (entity->etype == XML_INTERNAL_PREDEFINED_ENTITY && entity->content != NULL)
                  g_string_append (out, (const char *) entity->content);
                else if (entity->etype == XML_INTERNAL_GENERAL_ENTITY &&
                         entity_depth < MAX_ENTITY_DEPTH)
                  {
                    if (entity->children != NULL)
                      append_text (self, entity->children, out, entity_depth + 1);
                    else if (entity->content != NULL &&
                             strchr ((const char *) entity->content, '&') == NULL &&
                             strchr ((const char *) entity->content, '<') == NULL)
                      g_string_append (out, (const char *) entity->content);
                  }
              }
            else if (node->name != NULL)
              {
                /* An entity the document never declared: HTML's, as in
                 * "&nbsp;" or "&eacute;" in RSS written by hand. */
                const htmlEntityDesc *html = htmlEntityLookup (node->name);

                if (html != NULL)
                  append_unichar (out, html->value);
              }
          }
          break;

        case XML_ELEMENT_NODE:
          append_text (self, node->children, out, entity_depth);
          break;

        default:
          break;
        }
    }
}

/* The text of @node as libxml2 has it, which in a recovered document
 * may hold bytes that are not UTF-8. */
static char *
node_text_unchecked (Parser  *self,
                     xmlNode *node)
{
  GString *out = g_string_new (NULL);

  append_text (self, node->children, out, 0);
  return g_string_free (out, FALSE);
}

static char *
node_text (Parser  *self,
           xmlNode *node)
{
  return clean_utf8 (node_text_unchecked (self, node));
}

static char *
node_text_stripped (Parser  *self,
                    xmlNode *node)
{
  return g_strstrip (node_text (self, node));
}

static gboolean
has_element_children (xmlNode *node)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE)
      return TRUE;
  return FALSE;
}

/* The markup inside @node, as XML; HTML parsers read it fine. */
static char *
inner_markup (Parser  *self,
              xmlNode *node)
{
  xmlBuffer *buffer = xmlBufferCreate ();
  char *result;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (xmlBufferLength (buffer) > MAX_TEXT_LENGTH)
        break;
      xmlNodeDump (buffer, self->doc, child, 0, 0);
    }

  result = g_strdup ((const char *) xmlBufferContent (buffer));
  xmlBufferFree (buffer);
  return clean_utf8 (result);
}

static gboolean
looks_like_html (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '<' && (g_ascii_isalpha (p[1]) || p[1] == '/' || p[1] == '!') &&
          strchr (p, '>') != NULL)
        return TRUE;
      if (*p == '&')
        {
          const char *q = p + 1;

          if (*q == '#')
            q++;
          while (g_ascii_isalnum (*q))
            q++;
          if (*q == ';' && q > p + 1)
            return TRUE;
        }
    }
  return FALSE;
}

/* Reads a text construct: Atom 1.0 type="text|html|xhtml", Atom 0.3
 * type="<mime>" mode="xml|escaped|base64", or RSS's implicit HTML. */
/* @for_html: the value goes to construct_to_html(), which sanitizes
 * HTML: then it is checked for UTF-8 only if it is text, since the
 * sanitizer repairs bad UTF-8 as clean_utf8() would (and reads the
 * content anyway), and looks_like_html() reads only ASCII bytes. */
static char *
read_construct_for (Parser      *self,
                    xmlNode     *node,
                    ContentKind  default_kind,
                    ContentKind *kind_out,
                    gboolean     for_html)
{
  g_autofree char *type = get_attribute (node, "type");
  g_autofree char *mode = get_attribute (node, "mode");
  ContentKind kind = default_kind;
  char *value;

  if (type != NULL && type[0] == '\0')
    g_clear_pointer (&type, g_free);

  if (type != NULL)
    {
      g_autofree char *lower = g_ascii_strdown (type, -1);
      char *semicolon = strchr (lower, ';');

      if (semicolon != NULL)
        *semicolon = '\0';
      g_strstrip (lower);

      if (g_str_equal (lower, "text") || g_str_equal (lower, "text/plain"))
        kind = KIND_TEXT;
      else if (g_str_equal (lower, "html") || g_str_equal (lower, "text/html"))
        kind = KIND_HTML;
      else if (g_str_equal (lower, "xhtml") || g_str_equal (lower, "application/xhtml+xml"))
        kind = KIND_XHTML;
      else if (g_str_has_prefix (lower, "text/"))
        kind = KIND_TEXT;
      else if (g_str_has_suffix (lower, "xml"))
        kind = KIND_XHTML;
      else if (strchr (lower, '/') != NULL && mode == NULL)
        {
          /* Atom: any other media type is Base64 (RFC 4287 4.1.3.3). What
           * decodes to UTF-8 text is read as possible HTML; the rest
           * (images…) is not text. */
          g_autofree char *encoded = node_text_stripped (self, node);
          gsize length = 0;
          g_autofree guchar *decoded = g_base64_decode (encoded, &length);

          if (length == 0 || !g_utf8_validate ((const char *) decoded, length, NULL) ||
              memchr (decoded, '\0', length) != NULL)
            return NULL;
          value = g_strndup ((const char *) decoded, length);
          *kind_out = looks_like_html (value) ? KIND_HTML : KIND_TEXT;
          return value;
        }
      else
        return NULL;
    }

  if (mode != NULL && g_ascii_strcasecmp (mode, "base64") == 0)
    {
      g_autofree char *encoded = node_text_stripped (self, node);
      gsize length = 0;
      g_autofree guchar *decoded = g_base64_decode (encoded, &length);

      value = clean_utf8 (g_strndup ((const char *) decoded, length));
      if (kind == KIND_XHTML)
        kind = KIND_HTML;
    }
  else if (mode != NULL && g_ascii_strcasecmp (mode, "escaped") == 0)
    {
      value = node_text (self, node);
      if (kind == KIND_XHTML)
        kind = KIND_HTML;
    }
  else if (kind == KIND_XHTML ||
           ((type == NULL || mode != NULL) && has_element_children (node)))
    {
      xmlNode *div = NULL;

      /* Atom 1.0: the <div> wrapper is not part of the content. */
      if (type != NULL && g_ascii_strcasecmp (type, "xhtml") == 0)
        for (xmlNode *child = node->children; child != NULL; child = child->next)
          if (child->type == XML_ELEMENT_NODE)
            {
              if (node_is (child, "div") && node_namespace (child) == NS_XHTML)
                div = child;
              break;
            }

      value = inner_markup (self, div != NULL ? div : node);
      kind = KIND_XHTML;
    }
  else if (!for_html)
    value = node_text (self, node);
  else
    {
      value = node_text_unchecked (self, node);
      if (kind == KIND_MAYBE_HTML)
        kind = looks_like_html (value) ? KIND_HTML : KIND_TEXT;
      if (kind == KIND_TEXT)
        value = clean_utf8 (value);
    }

  if (kind == KIND_MAYBE_HTML)
    kind = looks_like_html (value) ? KIND_HTML : KIND_TEXT;

  *kind_out = kind;
  return value;
}

static char *
read_construct (Parser      *self,
                xmlNode     *node,
                ContentKind  default_kind,
                ContentKind *kind_out)
{
  return read_construct_for (self, node, default_kind, kind_out, FALSE);
}

/* The effective xml:base of @node, when it is an absolute URL. */
static char *
node_base (Parser  *self,
           xmlNode *node)
{
  xmlChar *base = xmlNodeGetBase (self->doc, node);
  char *result = NULL;

  if (base != NULL)
    {
      if (self->checked_base == NULL || strcmp (self->checked_base, (const char *) base) != 0)
        {
          g_free (self->checked_base);
          self->checked_base = g_strdup ((const char *) base);
          self->checked_base_valid = g_uri_is_valid (self->checked_base, G_URI_FLAGS_NONE, NULL);
        }
      if (self->checked_base_valid)
        result = g_strdup ((const char *) base);
      xmlFree (base);
    }

  if (result == NULL && self->base_url != NULL &&
      g_uri_is_valid (self->base_url, G_URI_FLAGS_NONE, NULL))
    result = g_strdup (self->base_url);

  return result;
}

/* Links, images and media are followed or fetched: http and https only,
 * never javascript:, data: or file:. Takes @url. */
static char *
http_url_or_null (char *url)
{
  if (url != NULL && !bulletin_url_is_http (url))
    g_clear_pointer (&url, g_free);
  return url;
}

/* A feed bundled in the app's resources (the demo edition) may point at
 * its own resources; a feed from anywhere else never can. Takes @url. */
static char *
fetchable_url_or_null (Parser *self,
                       char   *url)
{
  if (url != NULL && self->base_url != NULL &&
      g_str_has_prefix (self->base_url, "resource:///") &&
      g_str_has_prefix (url, "resource:///"))
    return url;

  return http_url_or_null (url);
}

static char *
resolve_url (Parser     *self,
             xmlNode    *node,
             const char *reference)
{
  g_autofree char *base = NULL;
  g_autofree char *trimmed = NULL;

  if (reference == NULL)
    return NULL;

  trimmed = g_strstrip (g_strdup (reference));
  if (trimmed[0] == '\0')
    return NULL;

  base = node_base (self, node);
  return fetchable_url_or_null (self, bulletin_url_resolve (base, trimmed));
}

static char *
construct_to_text (const char  *value,
                   ContentKind  kind)
{
  g_autofree char *text = NULL;
  GString *collapsed;
  gboolean space = FALSE;

  if (value == NULL)
    return NULL;

  if (kind == KIND_HTML || kind == KIND_XHTML)
    text = bulletin_html_to_text (value, -1);
  else
    text = g_strdup (value);

  /* One line: titles and names never hold paragraphs. */
  collapsed = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        space = TRUE;
      else
        {
          if (space && collapsed->len > 0)
            g_string_append_c (collapsed, ' ');
          space = FALSE;
          g_string_append_c (collapsed, *p);
        }
    }

  return g_string_free (collapsed, FALSE);
}

/* @words: (out) (optional): the words of the result, counted by the
 * sanitizer */
static char *
construct_to_html (Parser      *self,
                   xmlNode     *node,
                   const char  *value,
                   ContentKind  kind,
                   guint       *words)
{
  g_autofree char *base = NULL;
  g_autofree char *escaped = NULL;

  if (value == NULL)
    return NULL;

  base = node_base (self, node);

  if (kind == KIND_TEXT)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (value));

      escaped = g_markup_escape_text (stripped, -1);
      value = escaped;
    }

  if (words != NULL)
    return bulletin_sanitize_html_counted (value, -1, base, words);
  return bulletin_sanitize_html (value, -1, base);
}

static char *
read_text (Parser      *self,
           xmlNode     *node,
           ContentKind  default_kind)
{
  ContentKind kind = default_kind;
  g_autofree char *value = read_construct (self, node, default_kind, &kind);

  return construct_to_text (value, kind);
}

static char *
read_html (Parser      *self,
           xmlNode     *node,
           ContentKind  default_kind)
{
  ContentKind kind = default_kind;
  g_autofree char *value = read_construct_for (self, node, default_kind, &kind, TRUE);

  return construct_to_html (self, node, value, kind, NULL);
}

/* read_html() for an item's content, its words counted for the reading
 * time as it is sanitized. */
static void
offer_content (Parser      *self,
               Entry       *entry,
               xmlNode     *node,
               ContentKind  default_kind,
               int          priority)
{
  ContentKind kind = default_kind;
  g_autofree char *value = read_construct_for (self, node, default_kind, &kind, TRUE);
  guint words = 0;
  char *html = construct_to_html (self, node, value, kind, &words);

  entry_offer_content (entry, html, words, priority);
}

/* "me@example.com (Jane Doe)", "Jane Doe (me@example.com)",
 * "Jane Doe <me@example.com>" → "Jane Doe". */
static char *
author_from_text (const char *text)
{
  g_autofree char *copy = NULL;
  char *open, *close;

  if (text == NULL)
    return NULL;

  copy = g_strstrip (g_strdup (text));
  if (copy[0] == '\0')
    return NULL;

  open = strrchr (copy, '(');
  close = open != NULL ? strchr (open, ')') : NULL;
  if (open != NULL && close != NULL)
    {
      g_autofree char *inside = g_strstrip (g_strndup (open + 1, close - open - 1));
      g_autofree char *outside = NULL;

      *open = '\0';
      outside = g_strstrip (g_strconcat (copy, close + 1, NULL));

      if (strchr (outside, '@') != NULL && strchr (outside, ' ') == NULL && inside[0] != '\0')
        return g_steal_pointer (&inside);
      if (outside[0] != '\0')
        return g_steal_pointer (&outside);
      return g_steal_pointer (&inside);
    }

  open = strchr (copy, '<');
  close = open != NULL ? strchr (open, '>') : NULL;
  if (open != NULL && close != NULL && open > copy)
    {
      *open = '\0';
      return g_strstrip (g_strdup (copy));
    }

  if (g_str_has_prefix (copy, "mailto:"))
    return g_strdup (copy + strlen ("mailto:"));

  return g_steal_pointer (&copy);
}

/* Atom person constructs (<name>, <email>, <uri>) and plain RSS text. */
static char *
read_person (Parser  *self,
             xmlNode *node)
{
  g_autofree char *name = NULL;
  g_autofree char *email = NULL;
  g_autofree char *text = NULL;

  if (!has_element_children (node))
    {
      text = node_text_stripped (self, node);
      return author_from_text (text);
    }

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (node_is (child, "name") && name == NULL)
        name = node_text_stripped (self, child);
      else if (node_is (child, "email") && email == NULL)
        email = node_text_stripped (self, child);
    }

  if (name != NULL && name[0] != '\0')
    return construct_to_text (name, KIND_TEXT);
  if (email != NULL && email[0] != '\0')
    return g_steal_pointer (&email);
  return NULL;
}

static gboolean
is_image_type (const char *type)
{
  return type != NULL && g_ascii_strncasecmp (type, "image/", 6) == 0;
}

static gboolean
is_video_type (const char *type)
{
  return type != NULL && (g_ascii_strncasecmp (type, "video/", 6) == 0 ||
                          g_ascii_strcasecmp (type, "application/x-shockwave-flash") == 0 ||
                          g_ascii_strcasecmp (type, "application/x-mpegurl") == 0 ||
                          g_ascii_strcasecmp (type, "application/vnd.apple.mpegurl") == 0);
}

static gint64
parse_length (const char *text)
{
  gint64 value;
  char *end = NULL;

  if (text == NULL)
    return 0;

  value = g_ascii_strtoll (text, &end, 10);
  if (end == text || value < 0)
    return 0;
  return value;
}

static void
add_enclosure (Parser     *self,
               Entry      *entry,
               GPtrArray  *list,
               xmlNode    *node,
               const char *url_attribute,
               const char *length_attribute)
{
  g_autofree char *raw = get_attribute (node, url_attribute);
  g_autofree char *url = resolve_url (self, node, raw);
  g_autofree char *type = get_attribute (node, "type");
  g_autofree char *length = get_attribute (node, length_attribute);
  g_autofree char *medium = get_attribute (node, "medium");

  if (url == NULL || list->len >= 50)
    return;

  if (type != NULL && type[0] == '\0')
    g_clear_pointer (&type, g_free);

  if (is_image_type (type) || g_strcmp0 (medium, "image") == 0)
    {
      entry_offer (entry, SLOT_IMAGE, g_strdup (url), list == entry->media ? 4 : 3);
      if (list == entry->media)
        g_ptr_array_add (entry->gallery, g_strdup (url));
    }

  if ((is_video_type (type) || g_strcmp0 (medium, "video") == 0) && entry->video_url == NULL)
    entry->video_url = g_strdup (url);

  g_ptr_array_add (list, bulletin_enclosure_new (url, type, parse_length (length)));
}

static void read_media (Parser  *self,
                        Entry   *entry,
                        xmlNode *node);

/* The Media RSS elements that can appear on an item, in a <media:group>
 * or inside a <media:content>. */
static void
read_media_children (Parser  *self,
                     Entry   *entry,
                     xmlNode *node)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE && node_namespace (child) == NS_MEDIA)
      read_media (self, entry, child);
}

static void
read_media (Parser  *self,
            Entry   *entry,
            xmlNode *node)
{
  if (node_is (node, "content"))
    {
      add_enclosure (self, entry, entry->media, node, "url", "fileSize");
      read_media_children (self, entry, node);
    }
  else if (node_is (node, "group"))
    read_media_children (self, entry, node);
  else if (node_is (node, "thumbnail"))
    {
      g_autofree char *raw = get_attribute (node, "url");

      entry_offer (entry, SLOT_IMAGE, resolve_url (self, node, raw), 5);
    }
  else if (node_is (node, "description"))
    {
      /* The description of the first picture is its caption. */
      if (node->parent != NULL && node_is (node->parent, "content") &&
          entry->gallery->len == 1 && entry->image_caption == NULL)
        entry->image_caption = read_text (self, node, KIND_TEXT);
      entry_offer (entry, SLOT_SUMMARY, read_html (self, node, KIND_TEXT), 0);
    }
  else if (node_is (node, "title"))
    entry_offer (entry, SLOT_TITLE, read_text (self, node, KIND_TEXT), 0);
  else if (node_is (node, "category"))
    {
      g_autofree char *text = node_text_stripped (self, node);

      entry_add_tag (entry, text);
    }
}

static void
read_link (Parser  *self,
           Entry   *entry,
           xmlNode *node)
{
  g_autofree char *href = get_attribute (node, "href");
  g_autofree char *rel = get_attribute (node, "rel");

  if (href == NULL && rel == NULL)
    {
      /* RSS: the link is the element's text. */
      g_autofree char *text = node_text_stripped (self, node);

      entry_offer (entry, SLOT_LINK, resolve_url (self, node, text), 3);
      return;
    }

  /* An Atom link written like an RSS one, its URL as text. */
  if (href == NULL)
    href = node_text_stripped (self, node);

  if (rel == NULL || g_ascii_strcasecmp (rel, "alternate") == 0 ||
      g_ascii_strcasecmp (rel, "http://www.iana.org/assignments/relation/alternate") == 0)
    {
      g_autofree char *type = get_attribute (node, "type");
      /* Prefer the HTML alternate over other formats. */
      int priority = type == NULL || g_ascii_strcasecmp (type, "text/html") == 0 ||
                     g_ascii_strcasecmp (type, "application/xhtml+xml") == 0 ? 4 : 2;

      entry_offer (entry, SLOT_LINK, resolve_url (self, node, href), priority);
    }
  else if (g_ascii_strcasecmp (rel, "enclosure") == 0)
    {
      g_autofree char *url = resolve_url (self, node, href);
      g_autofree char *type = get_attribute (node, "type");
      g_autofree char *length = get_attribute (node, "length");

      if (url != NULL && entry->enclosures->len < 50)
        {
          if (is_image_type (type))
            entry_offer (entry, SLOT_IMAGE, g_strdup (url), 3);
          if (is_video_type (type) && entry->video_url == NULL)
            entry->video_url = g_strdup (url);
          g_ptr_array_add (entry->enclosures,
                           bulletin_enclosure_new (url, type != NULL && type[0] != '\0' ? type : NULL,
                                                   parse_length (length)));
        }
    }
}

static void
read_category (Parser  *self,
               Entry   *entry,
               xmlNode *node)
{
  g_autofree char *term = get_attribute (node, "term");
  g_autofree char *text = NULL;

  if (term == NULL || term[0] == '\0')
    {
      g_free (term);
      term = get_attribute (node, "label");
    }
  if (term != NULL && term[0] != '\0')
    {
      entry_add_tag (entry, term);
      return;
    }

  text = node_text_stripped (self, node);
  entry_add_tag (entry, text);
}

static gboolean
looks_like_url (const char *text)
{
  return text != NULL &&
         (g_str_has_prefix (text, "http://") || g_str_has_prefix (text, "https://"));
}

/* An element of an item or entry. */
static void
read_entry_element (Parser  *self,
                    Entry   *entry,
                    xmlNode *node,
                    gboolean atom)
{
  Namespace ns = node_namespace (node);
  const char *name = (const char *) node->name;

  if (is_core_namespace (ns))
    {
      gboolean atom_element = atom || ns == NS_ATOM10 || ns == NS_ATOM03;

      if (g_str_equal (name, "title"))
        entry_offer (entry, SLOT_TITLE,
                     read_text (self, node, atom_element ? KIND_TEXT : KIND_MAYBE_HTML), 3);
      else if (g_str_equal (name, "link"))
        read_link (self, entry, node);
      else if (g_str_equal (name, "guid"))
        {
          g_autofree char *guid = node_text_stripped (self, node);
          g_autofree char *permalink = get_attribute (node, "isPermaLink");

          if ((permalink == NULL || g_ascii_strcasecmp (permalink, "false") != 0) &&
              looks_like_url (guid))
            entry_offer (entry, SLOT_LINK, http_url_or_null (g_strdup (guid)), 1);
          entry_offer (entry, SLOT_ID, g_steal_pointer (&guid), 3);
        }
      else if (g_str_equal (name, "id"))
        {
          g_autofree char *id = node_text_stripped (self, node);
          const char *scheme = g_uri_peek_scheme (id);

          /* Atom ids are IRIs, relative ones resolved against xml:base. */
          if (scheme == NULL && id[0] != '\0')
            {
              char *resolved = resolve_url (self, node, id);

              if (resolved != NULL)
                {
                  g_free (id);
                  id = resolved;
                }
            }
          entry_offer (entry, SLOT_ID, g_steal_pointer (&id), 3);
        }
      else if (g_str_equal (name, "description"))
        entry_offer (entry, SLOT_SUMMARY, read_html (self, node, KIND_HTML), 2);
      else if (g_str_equal (name, "summary"))
        entry_offer (entry, SLOT_SUMMARY, read_html (self, node, KIND_TEXT), 3);
      else if (g_str_equal (name, "content"))
        {
          g_autofree char *src = get_attribute (node, "src");

          if (src != NULL && !has_element_children (node))
            entry_offer (entry, SLOT_LINK, resolve_url (self, node, src), 0);
          else
            offer_content (self, entry, node, KIND_TEXT, 3);
        }
      else if (g_str_equal (name, "body") && !atom_element)
        offer_content (self, entry, node, KIND_HTML, 3);
      else if (g_str_equal (name, "fullitem"))
        offer_content (self, entry, node, KIND_HTML, 2);
      else if (g_str_equal (name, "author"))
        {
          g_autofree char *author = read_person (self, node);

          if (author != NULL && entry->slots[SLOT_AUTHOR].priority == 3 && atom_element)
            {
              /* Several Atom authors make one byline. */
              char *joined = g_strconcat (entry->slots[SLOT_AUTHOR].value, ", ", author, NULL);

              g_free (entry->slots[SLOT_AUTHOR].value);
              entry->slots[SLOT_AUTHOR].value = joined;
            }
          else
            entry_offer (entry, SLOT_AUTHOR, g_steal_pointer (&author), 3);
        }
      else if (g_str_equal (name, "pubDate") || g_str_equal (name, "published"))
        {
          g_autofree char *text = node_text_stripped (self, node);
          entry_offer_date (entry, TRUE, text, 3);
        }
      else if (g_str_equal (name, "issued"))
        {
          g_autofree char *text = node_text_stripped (self, node);
          entry_offer_date (entry, TRUE, text, 2);
        }
      else if (g_str_equal (name, "created"))
        {
          g_autofree char *text = node_text_stripped (self, node);
          entry_offer_date (entry, TRUE, text, 1);
        }
      else if (g_str_equal (name, "updated") || g_str_equal (name, "lastBuildDate"))
        {
          g_autofree char *text = node_text_stripped (self, node);
          entry_offer_date (entry, FALSE, text, 3);
        }
      else if (g_str_equal (name, "modified"))
        {
          g_autofree char *text = node_text_stripped (self, node);
          entry_offer_date (entry, FALSE, text, 2);
        }
      else if (g_str_equal (name, "category"))
        read_category (self, entry, node);
      else if (g_str_equal (name, "enclosure"))
        add_enclosure (self, entry, entry->enclosures, node, "url", "length");
      else if (g_str_equal (name, "source") && !has_element_children (node))
        entry_offer (entry, SLOT_SOURCE, node_text_stripped (self, node), 3);
    }
  else if (ns == NS_DC || ns == NS_DCTERMS)
    {
      if (g_str_equal (name, "creator") || g_str_equal (name, "author"))
        {
          g_autofree char *text = node_text_stripped (self, node);
          entry_offer (entry, SLOT_AUTHOR, author_from_text (text), 2);
        }
      else if (g_str_equal (name, "contributor"))
        {
          g_autofree char *text = node_text_stripped (self, node);
          entry_offer (entry, SLOT_AUTHOR, author_from_text (text), 0);
        }
      else if (g_str_equal (name, "date") || g_str_equal (name, "issued"))
        {
          g_autofree char *text = node_text_stripped (self, node);
          entry_offer_date (entry, TRUE, text, 2);
        }
      else if (g_str_equal (name, "created"))
        {
          g_autofree char *text = node_text_stripped (self, node);
          entry_offer_date (entry, TRUE, text, 1);
        }
      else if (g_str_equal (name, "modified"))
        {
          g_autofree char *text = node_text_stripped (self, node);
          entry_offer_date (entry, FALSE, text, 2);
        }
      else if (g_str_equal (name, "subject"))
        {
          g_autofree char *text = node_text_stripped (self, node);
          entry_add_tag (entry, text);
        }
      else if (g_str_equal (name, "description") || g_str_equal (name, "abstract"))
        entry_offer (entry, SLOT_SUMMARY, read_html (self, node, KIND_MAYBE_HTML), 1);
      else if (g_str_equal (name, "title"))
        entry_offer (entry, SLOT_TITLE, read_text (self, node, KIND_MAYBE_HTML), 1);
      else if (g_str_equal (name, "language"))
        entry_offer (entry, SLOT_LANGUAGE, node_text_stripped (self, node), 2);
      else if (g_str_equal (name, "identifier"))
        entry_offer (entry, SLOT_ID, node_text_stripped (self, node), 1);
      else if (g_str_equal (name, "source") || g_str_equal (name, "publisher"))
        entry_offer (entry, SLOT_SOURCE, node_text_stripped (self, node), 1);
    }
  else if (ns == NS_CONTENT)
    {
      if (g_str_equal (name, "encoded"))
        offer_content (self, entry, node, KIND_HTML, 4);
    }
  else if (ns == NS_MEDIA)
    read_media (self, entry, node);
  else if (ns == NS_XHTML && g_str_equal (name, "body"))
    {
      g_autofree char *markup = inner_markup (self, node);
      guint words = 0;
      char *html = construct_to_html (self, node, markup, KIND_XHTML, &words);

      entry_offer_content (entry, html, words, 3);
    }
}

/* The source of the first <img> in sanitized HTML. */
static char *
first_image (const char *html)
{
  htmlDocPtr doc;
  xmlNode *node;
  char *result = NULL;
  guint visits = 0;

  if (html == NULL || strstr (html, "<img") == NULL)
    return NULL;

  doc = htmlReadMemory (html, strlen (html), NULL, "UTF-8",
                        HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                        HTML_PARSE_NOBLANKS);
  if (doc == NULL)
    return NULL;

  node = xmlDocGetRootElement (doc);
  while (node != NULL && result == NULL && visits++ < MAX_VISITS)
    {
      if (node->type == XML_ELEMENT_NODE && node_is (node, "img"))
        {
          xmlChar *src = xmlGetProp (node, (const xmlChar *) "src");

          if (src != NULL && bulletin_url_is_http ((const char *) src))
            result = g_strdup ((const char *) src);
          xmlFree (src);
        }

      /* Depth-first, without recursion. */
      if (node->children != NULL)
        node = node->children;
      else
        {
          while (node != NULL && node->next == NULL)
            node = node->parent;
          if (node != NULL)
            node = node->next;
        }
    }

  xmlFreeDoc (doc);
  return result;
}

static BulletinArticle *
entry_to_article (Entry      *entry,
                  const char *feed_language)
{
  g_autoptr(BulletinArticle) article = bulletin_article_new ();
  const char *content = entry->slots[SLOT_CONTENT].value;
  const char *summary = entry->slots[SLOT_SUMMARY].value;
  g_autofree char *image = NULL;

  bulletin_article_set_id (article, entry->slots[SLOT_ID].value);
  bulletin_article_set_url (article, entry->slots[SLOT_LINK].value);
  bulletin_article_set_title (article, entry->slots[SLOT_TITLE].value);
  bulletin_article_set_summary (article, summary);
  bulletin_article_set_body (article, content);
  bulletin_article_set_author (article, entry->slots[SLOT_AUTHOR].value);
  bulletin_article_set_source (article, entry->slots[SLOT_SOURCE].value);
  bulletin_article_set_language (article, entry->slots[SLOT_LANGUAGE].value != NULL
                                            ? entry->slots[SLOT_LANGUAGE].value
                                            : feed_language);
  bulletin_article_set_published (article, entry->published != NULL ? entry->published : entry->updated);
  bulletin_article_set_updated (article, entry->updated);

  for (guint i = 0; i < entry->tags->len; i++)
    bulletin_article_add_tag (article, g_ptr_array_index (entry->tags, i));

  for (guint i = 0; i < entry->enclosures->len; i++)
    bulletin_article_add_enclosure (article, bulletin_enclosure_copy (g_ptr_array_index (entry->enclosures, i)));
  for (guint i = 0; i < entry->media->len; i++)
    bulletin_article_add_enclosure (article, bulletin_enclosure_copy (g_ptr_array_index (entry->media, i)));

  image = g_strdup (entry->slots[SLOT_IMAGE].value);
  if (image == NULL)
    image = first_image (content);
  if (image == NULL)
    image = first_image (summary);
  bulletin_article_set_image (article, image);
  if (entry->image_caption != NULL && entry->gallery->len > 0 &&
      g_strcmp0 (image, g_ptr_array_index (entry->gallery, 0)) == 0)
    bulletin_article_set_image_caption (article, entry->image_caption);

  /* Several pictures make a gallery (Media RSS's way of carrying one). */
  if (entry->gallery->len >= 2)
    {
      g_ptr_array_add (entry->gallery, NULL);
      bulletin_article_set_gallery (article, (const char * const *) entry->gallery->pdata);
      g_ptr_array_remove_index (entry->gallery, entry->gallery->len - 1);
      bulletin_article_set_kind (article, BULLETIN_ARTICLE_KIND_GALLERY);
    }

  if (entry->video_url != NULL)
    {
      bulletin_article_set_kind (article, BULLETIN_ARTICLE_KIND_VIDEO);
      bulletin_article_set_media_url (article, entry->video_url);
    }

  if (content != NULL)
    {
      guint words = entry->content_words >= 0 ? (guint) entry->content_words
                                              : bulletin_sanitized_html_count_words (content);

      bulletin_article_set_reading_minutes (article, bulletin_reading_minutes_for_words (words));
    }

  return g_steal_pointer (&article);
}

static void
read_item (Parser  *self,
           xmlNode *node,
           gboolean atom)
{
  Entry entry;
  g_autoptr(BulletinArticle) article = NULL;
  g_autofree char *about = NULL;
  xmlChar *lang;

  if (self->n_items >= BULLETIN_FEED_MAX_ITEMS)
    return;
  self->n_items++;

  entry_init (&entry);

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE)
      read_entry_element (self, &entry, child, atom);

  /* RSS 1.0 names its items by rdf:about. */
  about = (char *) xmlGetNsProp (node, (const xmlChar *) "about",
                                 (const xmlChar *) "http://www.w3.org/1999/02/22-rdf-syntax-ns#");
  if (about != NULL)
    {
      entry_offer (&entry, SLOT_ID, clean_utf8 (g_strdup (about)), 0);
      entry_offer (&entry, SLOT_LINK, resolve_url (self, node, about), 0);
    }

  lang = xmlNodeGetLang (node);
  if (lang != NULL)
    {
      entry_offer (&entry, SLOT_LANGUAGE, clean_utf8 (g_strdup ((const char *) lang)), 1);
      xmlFree (lang);
    }

  article = entry_to_article (&entry, bulletin_feed_get_language (self->feed));
  bulletin_feed_add_item (self->feed, article);

  entry_clear (&entry);
}

static gboolean
is_item_element (xmlNode  *node,
                 gboolean *atom)
{
  Namespace ns = node_namespace (node);

  if (!is_core_namespace (ns))
    return FALSE;

  if (node_is (node, "item"))
    {
      *atom = FALSE;
      return TRUE;
    }
  if (node_is (node, "entry"))
    {
      *atom = TRUE;
      return TRUE;
    }
  return FALSE;
}

/* The channel's (or Atom feed's) own elements. */
static void
read_channel_element (Parser  *self,
                      xmlNode *node,
                      gboolean atom)
{
  Namespace ns = node_namespace (node);
  const char *name = (const char *) node->name;
  Entry *channel = &self->channel;

  if (is_core_namespace (ns))
    {
      gboolean atom_element = atom || ns == NS_ATOM10 || ns == NS_ATOM03;

      if (g_str_equal (name, "title"))
        entry_offer (channel, SLOT_TITLE,
                     read_text (self, node, atom_element ? KIND_TEXT : KIND_MAYBE_HTML), 3);
      else if (g_str_equal (name, "link"))
        read_link (self, channel, node);
      else if (g_str_equal (name, "description"))
        entry_offer (channel, SLOT_SUBTITLE, read_text (self, node, KIND_MAYBE_HTML), 2);
      else if (g_str_equal (name, "subtitle") || g_str_equal (name, "tagline"))
        entry_offer (channel, SLOT_SUBTITLE, read_text (self, node, KIND_TEXT), 3);
      else if (g_str_equal (name, "language"))
        entry_offer (channel, SLOT_LANGUAGE, node_text_stripped (self, node), 3);
      else if (g_str_equal (name, "lastBuildDate") || g_str_equal (name, "updated") ||
               g_str_equal (name, "modified"))
        {
          g_autofree char *text = node_text_stripped (self, node);
          entry_offer_date (channel, FALSE, text, 3);
        }
      else if (g_str_equal (name, "pubDate"))
        {
          g_autofree char *text = node_text_stripped (self, node);
          entry_offer_date (channel, FALSE, text, 2);
        }
      else if (g_str_equal (name, "image"))
        {
          for (xmlNode *child = node->children; child != NULL; child = child->next)
            if (child->type == XML_ELEMENT_NODE && node_is (child, "url"))
              {
                g_autofree char *text = node_text_stripped (self, child);
                entry_offer (channel, SLOT_IMAGE, resolve_url (self, child, text), 3);
              }
        }
      else if (g_str_equal (name, "logo") || g_str_equal (name, "icon"))
        {
          g_autofree char *text = node_text_stripped (self, node);
          entry_offer (channel, SLOT_IMAGE, resolve_url (self, node, text),
                       g_str_equal (name, "logo") ? 2 : 1);
        }
    }
  else if (ns == NS_DC || ns == NS_DCTERMS)
    {
      if (g_str_equal (name, "title"))
        entry_offer (channel, SLOT_TITLE, read_text (self, node, KIND_MAYBE_HTML), 1);
      else if (g_str_equal (name, "description"))
        entry_offer (channel, SLOT_SUBTITLE, read_text (self, node, KIND_MAYBE_HTML), 1);
      else if (g_str_equal (name, "language"))
        entry_offer (channel, SLOT_LANGUAGE, node_text_stripped (self, node), 2);
      else if (g_str_equal (name, "date") || g_str_equal (name, "modified"))
        {
          g_autofree char *text = node_text_stripped (self, node);
          entry_offer_date (channel, FALSE, text, 1);
        }
    }
}

static void
read_container (Parser  *self,
                xmlNode *container,
                gboolean atom,
                int      depth)
{
  xmlChar *lang;

  lang = xmlGetNsProp (container, (const xmlChar *) "lang", XML_XML_NAMESPACE);
  if (lang != NULL)
    {
      entry_offer (&self->channel, SLOT_LANGUAGE, clean_utf8 (g_strdup ((const char *) lang)), 1);
      xmlFree (lang);
    }

  /* The channel's metadata first, so that items can inherit its language. */
  for (xmlNode *child = container->children; child != NULL; child = child->next)
    {
      gboolean item_atom;

      if (child->type != XML_ELEMENT_NODE || is_item_element (child, &item_atom))
        continue;

      if (depth < 2 && node_is (child, "channel") && is_core_namespace (node_namespace (child)))
        read_container (self, child, atom, depth + 1);
      else
        read_channel_element (self, child, atom);
    }

  bulletin_feed_set_language (self->feed, self->channel.slots[SLOT_LANGUAGE].value);

  for (xmlNode *child = container->children; child != NULL; child = child->next)
    {
      gboolean item_atom;

      if (child->type != XML_ELEMENT_NODE || !is_item_element (child, &item_atom))
        continue;

      if (g_cancellable_is_cancelled (self->cancellable))
        return;
      read_item (self, child, item_atom);
    }
}

static const char *
detect_format (xmlNode *root,
               gboolean *atom)
{
  Namespace ns = node_namespace (root);
  const char *name = (const char *) root->name;

  *atom = FALSE;

  if (g_str_equal (name, "rss") && (is_core_namespace (ns) || ns == NS_OTHER))
    {
      g_autofree char *version = get_attribute (root, "version");

      if (version == NULL)
        return "rss";
      if (g_str_has_prefix (version, "2"))
        return "rss20";
      if (g_str_equal (version, "0.90"))
        return "rss090";
      if (g_str_equal (version, "0.91"))
        return "rss091";
      if (g_str_equal (version, "0.92"))
        return "rss092";
      if (g_str_equal (version, "0.93"))
        return "rss093";
      if (g_str_equal (version, "0.94"))
        return "rss094";
      return "rss";
    }

  if (g_str_equal (name, "RDF"))
    {
      for (xmlNs *def = root->nsDef; def != NULL; def = def->next)
        if (g_strcmp0 ((const char *) def->href, "http://my.netscape.com/rdf/simple/0.9/") == 0)
          return "rss090";
      for (xmlNode *child = root->children; child != NULL; child = child->next)
        if (child->type == XML_ELEMENT_NODE && child->ns != NULL &&
            g_strcmp0 ((const char *) child->ns->href, "http://my.netscape.com/rdf/simple/0.9/") == 0)
          return "rss090";
      return "rss10";
    }

  if (g_str_equal (name, "feed") && (is_core_namespace (ns) || ns == NS_OTHER))
    {
      g_autofree char *version = NULL;

      *atom = TRUE;
      if (ns == NS_ATOM10)
        return "atom10";
      if (ns == NS_ATOM03)
        return "atom03";
      version = get_attribute (root, "version");
      if (g_strcmp0 (version, "0.3") == 0)
        return "atom03";
      if (g_strcmp0 (version, "0.2") == 0)
        return "atom02";
      if (g_strcmp0 (version, "0.1") == 0)
        return "atom01";
      return "atom10";
    }

  if (g_str_equal (name, "channel") && is_core_namespace (ns))
    return "rss";

  return NULL;
}

/* A feed whose root is <rss> or <feed> in a namespace of its own
 * ("http://backend.userland.com/rss2.1", "http://purl.org/pie/") is read
 * as if that namespace were the plain one. */
static void
adopt_root_namespace (xmlNode *root)
{
  xmlNs *ns = root->ns;
  xmlNode *node = root;

  if (ns == NULL || node_namespace (root) != NS_OTHER)
    return;

  for (; node != NULL; node = bulletin_html_next_node (node, root, FALSE))
    if (node->type == XML_ELEMENT_NODE && node->ns == ns)
      node->ns = NULL;
}

static xmlDoc *
read_xml (const guint8  *data,
          gsize          size,
          const char    *base_url,
          gboolean       recover,
          gboolean      *well_formed,
          char         **message)
{
  xmlParserCtxt *ctxt = xmlNewParserCtxt ();
  xmlDoc *doc;
  int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA |
                XML_PARSE_COMPACT;

  if (ctxt == NULL)
    return NULL;

  if (recover)
    options |= XML_PARSE_RECOVER;

  doc = xmlCtxtReadMemory (ctxt, (const char *) data, (int) size, base_url, NULL, options);
  *well_formed = ctxt->wellFormed != 0;

  if (!*well_formed && message != NULL && *message == NULL)
    {
      const xmlError *error = xmlCtxtGetLastError (ctxt);

      if (error != NULL && error->message != NULL)
        {
          g_autofree char *text = g_strstrip (clean_utf8 (g_strdup (error->message)));

          *message = g_strdup_printf ("line %d: %s", error->line, text);
        }
    }

  xmlFreeParserCtxt (ctxt);
  return doc;
}

static gboolean
is_name_char (char c)
{
  return g_ascii_isalnum (c) || c == '_' || c == '-' || c == '.' || c == ':';
}

/* The two faults that make most hand-written feeds not well-formed, fixed
 * in the bytes before a strict parse is tried again (libxml2's recovery
 * mode drops every entity after the first error, "&lt;" included):
 * HTML entities XML does not know ("&nbsp;" → "&#160;") and bare
 * ampersands ("a & b" → "a &amp; b"). CDATA sections and comments are left
 * alone. Returns %NULL when nothing needed fixing or the encoding is not
 * ASCII-compatible.
 */
static GBytes *
repair_xml (const char *data,
            gsize       size)
{
  GString *out;
  gboolean changed = FALSE;
  gsize i = 0;

  /* UTF-16 and UTF-32 have NUL bytes among the first four. */
  if (size < 4 || memchr (data, '\0', 4) != NULL ||
      (guchar) data[0] == 0xFE || (guchar) data[0] == 0xFF)
    return NULL;

  out = g_string_sized_new (size + 64);

  while (i < size)
    {
      const char *p = data + i;
      gsize left = size - i;

      if (*p == '<' && left >= 9 && memcmp (p, "<![CDATA[", 9) == 0)
        {
          const char *end = g_strstr_len (p, left, "]]>");
          gsize n = end != NULL ? (gsize) (end - p) + 3 : left;

          g_string_append_len (out, p, n);
          i += n;
          continue;
        }

      if (*p == '<' && left >= 4 && memcmp (p, "<!--", 4) == 0)
        {
          const char *end = g_strstr_len (p + 4, left - 4, "-->");
          gsize n = end != NULL ? (gsize) (end - p) + 3 : left;

          g_string_append_len (out, p, n);
          i += n;
          continue;
        }

      if (*p == '&')
        {
          gsize n = 1;

          if (n < left && p[n] == '#')
            {
              gsize digits = 0;

              n++;
              if (n < left && (p[n] == 'x' || p[n] == 'X'))
                {
                  n++;
                  while (n < left && g_ascii_isxdigit (p[n]) && digits < 10)
                    n++, digits++;
                }
              else
                while (n < left && g_ascii_isdigit (p[n]) && digits < 10)
                  n++, digits++;

              if (digits > 0 && n < left && p[n] == ';')
                {
                  g_string_append_len (out, p, n + 1);
                  i += n + 1;
                  continue;
                }
            }
          else
            {
              while (n < left && n < 40 && is_name_char (p[n]))
                n++;

              if (n > 1 && n < left && p[n] == ';' && g_ascii_isalpha (p[1]))
                {
                  g_autofree char *name = g_strndup (p + 1, n - 1);
                  const htmlEntityDesc *html;

                  if (g_str_equal (name, "amp") || g_str_equal (name, "lt") ||
                      g_str_equal (name, "gt") || g_str_equal (name, "quot") ||
                      g_str_equal (name, "apos") ||
                      (html = htmlEntityLookup ((const xmlChar *) name)) == NULL)
                    {
                      /* XML's own, or one the document may declare. */
                      g_string_append_len (out, p, n + 1);
                    }
                  else
                    {
                      g_string_append_printf (out, "&#%u;", html->value);
                      changed = TRUE;
                    }
                  i += n + 1;
                  continue;
                }
            }

          g_string_append (out, "&amp;");
          changed = TRUE;
          i++;
          continue;
        }

      g_string_append_c (out, *p);
      i++;
    }

  if (!changed)
    {
      g_string_free (out, TRUE);
      return NULL;
    }

  return g_string_free_to_bytes (out);
}

static BulletinFeed *
parse_xml (GBytes        *bytes,
           const char    *base_url,
           GCancellable  *cancellable,
           GError       **error)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  g_autofree char *message = NULL;
  gboolean well_formed = FALSE;
  gboolean recovered = FALSE;
  gboolean atom = FALSE;
  const char *format = NULL;
  xmlDoc *doc;
  xmlNode *root;
  Parser self = { 0 };
  BulletinFeed *feed;
  g_autofree char *feed_base = NULL;

  doc = read_xml (data, size, base_url, FALSE, &well_formed, &message);
  if (doc == NULL || !well_formed)
    {
      g_autoptr(GBytes) repaired = repair_xml ((const char *) data, size);

      g_clear_pointer (&doc, xmlFreeDoc);
      recovered = TRUE;

      if (repaired != NULL)
        {
          data = g_bytes_get_data (repaired, &size);
          doc = read_xml (data, size, base_url, FALSE, &well_formed, NULL);
          if (doc == NULL || !well_formed)
            {
              g_clear_pointer (&doc, xmlFreeDoc);
              doc = read_xml (data, size, base_url, TRUE, &well_formed, NULL);
            }
        }
      else
        doc = read_xml (data, size, base_url, TRUE, &well_formed, NULL);
    }

  root = doc != NULL ? xmlDocGetRootElement (doc) : NULL;
  if (root != NULL)
    format = detect_format (root, &atom);

  if (format == NULL)
    {
      if (root != NULL)
        g_set_error (error, BULLETIN_ERROR, BULLETIN_ERROR_NOT_A_FEED,
                     "Not a feed: the document is <%s>, not RSS or Atom", (const char *) root->name);
      else
        g_set_error (error, BULLETIN_ERROR, BULLETIN_ERROR_NOT_A_FEED,
                     "Not a feed: the XML cannot be read (%s)",
                     message != NULL ? message : "no root element");
      g_clear_pointer (&doc, xmlFreeDoc);
      return NULL;
    }

  adopt_root_namespace (root);

  feed = bulletin_feed_new ();
  bulletin_feed_set_format (feed, format);
  bulletin_feed_set_recovered (feed, recovered);

  self.doc = doc;
  self.base_url = base_url;
  self.feed = feed;
  self.cancellable = cancellable;
  entry_init (&self.channel);

  read_container (&self, root, atom, 0);

  bulletin_feed_set_title (feed, self.channel.slots[SLOT_TITLE].value);
  bulletin_feed_set_link (feed, self.channel.slots[SLOT_LINK].value);
  bulletin_feed_set_subtitle (feed, self.channel.slots[SLOT_SUBTITLE].value);
  bulletin_feed_set_image (feed, self.channel.slots[SLOT_IMAGE].value);
  bulletin_feed_set_updated (feed, self.channel.updated != NULL ? self.channel.updated
                                                                 : self.channel.published);

  entry_clear (&self.channel);
  g_free (self.checked_base);
  xmlFreeDoc (doc);

  return feed;
}

/* JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1). */

static JsonObject *
json_get_object (JsonObject *object,
                 const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static JsonArray *
json_get_array (JsonObject *object,
                const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static char *
json_url (const char *base,
          const char *reference)
{
  if (reference == NULL || reference[0] == '\0')
    return NULL;
  return http_url_or_null (bulletin_url_resolve (base, reference));
}

static char *
json_text (const char *value)
{
  g_autofree char *repaired = NULL;

  if (value == NULL)
    return NULL;
  return construct_to_text (valid_utf8 (value, &repaired), KIND_TEXT);
}

static BulletinArticle *
json_read_item (JsonObject *item,
                const char *base,
                const char *feed_language,
                const char *feed_author)
{
  Entry entry;
  BulletinArticle *article;
  JsonArray *array;
  JsonObject *author;
  const char *value;
  JsonNode *id;

  entry_init (&entry);

  id = json_object_get_member (item, "id");
  if (id != NULL && JSON_NODE_HOLDS_VALUE (id))
    {
      if (json_node_get_value_type (id) == G_TYPE_STRING)
        entry_offer (&entry, SLOT_ID, clean_utf8 (g_strdup (json_node_get_string (id))), 3);
      else if (json_node_get_value_type (id) == G_TYPE_INT64)
        entry_offer (&entry, SLOT_ID, g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (id)), 3);
    }

  entry_offer (&entry, SLOT_LINK, json_url (base, bulletin_json_get_string (item, "url")), 3);
  entry_offer (&entry, SLOT_LINK, json_url (base, bulletin_json_get_string (item, "external_url")), 2);
  entry_offer (&entry, SLOT_TITLE, json_text (bulletin_json_get_string (item, "title")), 3);

  if ((value = bulletin_json_get_string (item, "content_html")) != NULL)
    {
      guint words = 0;
      /* Not checked for UTF-8 first: the sanitizer repairs what is not,
       * byte for byte as g_utf8_make_valid() would (one U+FFFD for each
       * byte it cannot read), and it reads the content anyway. */
      char *html = bulletin_sanitize_html_counted (value, -1, base, &words);

      entry_offer_content (&entry, html, words, 3);
    }
  else if ((value = bulletin_json_get_string (item, "content_text")) != NULL)
    {
      g_autofree char *repaired = NULL;
      g_autofree char *escaped = g_markup_escape_text (valid_utf8 (value, &repaired), -1);
      g_autofree char *paragraphs = NULL;
      g_auto(GStrv) parts = g_strsplit (escaped, "\n\n", -1);
      GString *html = g_string_new (NULL);

      for (guint i = 0; parts[i] != NULL; i++)
        if (g_strstrip (parts[i])[0] != '\0')
          g_string_append_printf (html, "<p>%s</p>", parts[i]);
      guint words = 0;
      char *sanitized;

      paragraphs = g_string_free (html, FALSE);
      sanitized = bulletin_sanitize_html_counted (paragraphs, -1, base, &words);
      entry_offer_content (&entry, sanitized, words, 3);
    }

  if ((value = bulletin_json_get_string (item, "summary")) != NULL)
    {
      g_autofree char *repaired = NULL;
      g_autofree char *escaped = g_markup_escape_text (valid_utf8 (value, &repaired), -1);
      entry_offer (&entry, SLOT_SUMMARY, bulletin_sanitize_html (escaped, -1, base), 3);
    }

  entry_offer (&entry, SLOT_IMAGE, json_url (base, bulletin_json_get_string (item, "image")), 5);
  entry_offer (&entry, SLOT_IMAGE, json_url (base, bulletin_json_get_string (item, "banner_image")), 4);
  entry_offer (&entry, SLOT_LANGUAGE, clean_utf8 (g_strdup (bulletin_json_get_string (item, "language"))), 3);

  value = bulletin_json_get_string (item, "date_published");
  if (value != NULL)
    entry_offer_date (&entry, TRUE, value, 3);
  value = bulletin_json_get_string (item, "date_modified");
  if (value != NULL)
    entry_offer_date (&entry, FALSE, value, 3);

  /* 1.1: authors[]; 1.0: author{} */
  array = json_get_array (item, "authors");
  if (array != NULL)
    {
      GString *names = g_string_new (NULL);

      for (guint i = 0; i < json_array_get_length (array) && i < 20; i++)
        {
          JsonNode *node = json_array_get_element (array, i);
          const char *name;

          if (!JSON_NODE_HOLDS_OBJECT (node))
            continue;
          name = bulletin_json_get_string (json_node_get_object (node), "name");
          if (name == NULL || name[0] == '\0')
            continue;
          if (names->len > 0)
            g_string_append (names, ", ");
          g_string_append (names, name);
        }
      entry_offer (&entry, SLOT_AUTHOR, json_text (names->str), 3);
      g_string_free (names, TRUE);
    }
  author = json_get_object (item, "author");
  if (author != NULL)
    entry_offer (&entry, SLOT_AUTHOR, json_text (bulletin_json_get_string (author, "name")), 2);
  entry_offer (&entry, SLOT_AUTHOR, json_text (feed_author), 1);

  array = json_get_array (item, "tags");
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        {
          g_autofree char *tag = clean_utf8 (g_strdup (json_node_get_string (node)));
          entry_add_tag (&entry, tag);
        }
    }

  array = json_get_array (item, "attachments");
  for (guint i = 0; array != NULL && i < json_array_get_length (array) && i < 50; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *attachment;
      g_autofree char *url = NULL;
      const char *type;
      gint64 length;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      attachment = json_node_get_object (node);
      url = json_url (base, bulletin_json_get_string (attachment, "url"));
      if (url == NULL)
        continue;
      type = bulletin_json_get_string (attachment, "mime_type");
      length = bulletin_json_get_int (attachment, "size_in_bytes", 0);

      if (is_image_type (type))
        entry_offer (&entry, SLOT_IMAGE, g_strdup (url), 3);
      if (is_video_type (type) && entry.video_url == NULL)
        entry.video_url = g_strdup (url);
      g_ptr_array_add (entry.enclosures, bulletin_enclosure_new (url, type, length));
    }

  article = entry_to_article (&entry, feed_language);
  entry_clear (&entry);
  return article;
}

/* json-glib parses recursively; a document nested deeper than any feed
 * would be is refused before it gets there. */
static gboolean
json_depth_ok (const char *data,
               gsize       size)
{
  int depth = 0;
  gboolean in_string = FALSE;

  for (gsize i = 0; i < size; i++)
    {
      char c = data[i];

      if (in_string)
        {
          /* Strings are most of a feed (its HTML): to their next quote
           * at once. It ends the string unless an odd run of
           * backslashes, each escaping the next, stands before it. */
          const char *quote = memchr (data + i, '"', size - i);
          gsize backslashes = 0;

          if (quote == NULL)
            break;
          i = quote - data;
          while (data[i - 1 - backslashes] == '\\')
            backslashes++;
          if (backslashes % 2 == 0)
            in_string = FALSE;
          continue;
        }

      if (c == '"')
        in_string = TRUE;
      else if (c == '{' || c == '[')
        {
          if (++depth > MAX_JSON_DEPTH)
            return FALSE;
        }
      else if (c == '}' || c == ']')
        depth--;
    }

  return TRUE;
}

static BulletinFeed *
parse_json (const char    *data,
            gsize          size,
            const char    *base_url,
            GCancellable  *cancellable,
            GError       **error)
{
  /* not immutable: sealing every node costs a sixth of the parse, and
   * the tree never leaves this function */
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  g_autoptr(BulletinFeed) feed = NULL;
  g_autofree char *base = NULL;
  g_autofree char *feed_author = NULL;
  JsonNode *root;
  JsonObject *object;
  JsonArray *items;
  JsonArray *authors;
  const char *version;
  const char *value;

  if (!json_depth_ok (data, size))
    {
      g_set_error_literal (error, BULLETIN_ERROR, BULLETIN_ERROR_NOT_A_FEED,
                           "Not a feed: the JSON is nested too deeply");
      return NULL;
    }

  if (!json_parser_load_from_data (parser, data, size, &local_error))
    {
      g_set_error (error, BULLETIN_ERROR, BULLETIN_ERROR_NOT_A_FEED,
                   "Not a feed: the JSON cannot be read (%s)", local_error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  version = root != NULL && JSON_NODE_HOLDS_OBJECT (root)
              ? bulletin_json_get_string (json_node_get_object (root), "version") : NULL;
  if (version == NULL ||
      (!g_str_has_prefix (version, "https://jsonfeed.org/version/") &&
       !g_str_has_prefix (version, "http://jsonfeed.org/version/")))
    {
      g_set_error_literal (error, BULLETIN_ERROR, BULLETIN_ERROR_NOT_A_FEED,
                           "Not a feed: the JSON is not a JSON Feed (no jsonfeed.org version)");
      return NULL;
    }
  object = json_node_get_object (root);

  feed = bulletin_feed_new ();
  bulletin_feed_set_format (feed, g_str_has_suffix (version, "/1.1") ? "json11" : "json10");

  value = bulletin_json_get_string (object, "feed_url");
  base = base_url != NULL ? g_strdup (base_url) : json_url (NULL, value);

  {
    g_autofree char *title = json_text (bulletin_json_get_string (object, "title"));
    g_autofree char *link = json_url (base, bulletin_json_get_string (object, "home_page_url"));
    g_autofree char *subtitle = json_text (bulletin_json_get_string (object, "description"));
    g_autofree char *language = clean_utf8 (g_strdup (bulletin_json_get_string (object, "language")));
    g_autofree char *icon = json_url (base, bulletin_json_get_string (object, "icon"));

    bulletin_feed_set_title (feed, title);
    bulletin_feed_set_link (feed, link);
    bulletin_feed_set_subtitle (feed, subtitle);
    bulletin_feed_set_language (feed, language);
    bulletin_feed_set_image (feed, icon);
  }

  authors = json_get_array (object, "authors");
  if (authors != NULL && json_array_get_length (authors) > 0 &&
      JSON_NODE_HOLDS_OBJECT (json_array_get_element (authors, 0)))
    feed_author = g_strdup (bulletin_json_get_string (json_node_get_object (json_array_get_element (authors, 0)), "name"));
  else
    feed_author = g_strdup (bulletin_json_get_string (json_get_object (object, "author"), "name"));

  items = json_get_array (object, "items");
  for (guint i = 0; items != NULL && i < json_array_get_length (items) && i < BULLETIN_FEED_MAX_ITEMS; i++)
    {
      JsonNode *node = json_array_get_element (items, i);
      g_autoptr(BulletinArticle) article = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      if (g_cancellable_is_cancelled (cancellable))
        break;

      article = json_read_item (json_node_get_object (node), base,
                                bulletin_feed_get_language (feed), feed_author);
      bulletin_feed_add_item (feed, article);
    }

  return g_steal_pointer (&feed);
}

static void
init_libxml (void)
{
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      xmlInitParser ();
      g_once_init_leave (&initialized, 1);
    }
}

static BulletinFeed *
parse_feed (GBytes        *bytes,
            const char    *base_url,
            GCancellable  *cancellable,
            GError       **error)
{
  gsize size;
  const char *data;
  gsize offset = 0;
  BulletinFeed *feed;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &size);

  if (size > BULLETIN_FEED_MAX_SIZE)
    {
      g_set_error (error, BULLETIN_ERROR, BULLETIN_ERROR_TOO_LARGE,
                   "The feed is larger than the limit of %d MiB",
                   BULLETIN_FEED_MAX_SIZE / (1024 * 1024));
      return NULL;
    }

  /* Skip a UTF-8 byte order mark and white space to find out what this is. */
  if (size >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    offset = 3;
  while (offset < size && g_ascii_isspace (data[offset]))
    offset++;

  if (offset == size)
    {
      g_set_error_literal (error, BULLETIN_ERROR, BULLETIN_ERROR_NOT_A_FEED,
                           "Not a feed: the document is empty");
      return NULL;
    }

  if (size > G_MAXINT)
    {
      g_set_error_literal (error, BULLETIN_ERROR, BULLETIN_ERROR_TOO_LARGE,
                           "The feed is too large");
      return NULL;
    }

  if (data[offset] == '{')
    return parse_json (data + offset, size - offset, base_url, cancellable, error);

  init_libxml ();
  feed = parse_xml (bytes, base_url, cancellable, error);

  if (feed != NULL && g_cancellable_set_error_if_cancelled (cancellable, error))
    g_clear_object (&feed);

  return feed;
}

/**
 * bulletin_feed_parse:
 * @bytes: the feed as fetched
 * @base_url: (nullable): the feed's own URL, against which relative links
 *   are resolved (xml:base in the feed takes precedence)
 * @error: return location for a #GError
 *
 * Parses RSS 0.9x, 1.0 and 2.0, Atom 0.3 and 1.0, and JSON Feed 1.0 and
 * 1.1. Titles and authors come out as plain text; summaries and content as
 * sanitized HTML with absolute URLs. A feed that is not well-formed is
 * recovered where possible (see bulletin_feed_get_recovered()).
 *
 * Returns: (transfer full): the feed, or %NULL with @error set:
 *   %BULLETIN_ERROR_NOT_A_FEED when the bytes are not a feed,
 *   %BULLETIN_ERROR_TOO_LARGE above %BULLETIN_FEED_MAX_SIZE bytes
 */
BulletinFeed *
bulletin_feed_parse (GBytes      *bytes,
                     const char  *base_url,
                     GError     **error)
{
  return parse_feed (bytes, base_url, NULL, error);
}

typedef struct
{
  GBytes *bytes;
  char   *base_url;
} ParseData;

static void
parse_data_free (ParseData *data)
{
  g_bytes_unref (data->bytes);
  g_free (data->base_url);
  g_free (data);
}

static void
parse_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  ParseData *data = task_data;
  GError *error = NULL;
  BulletinFeed *feed;

  feed = parse_feed (data->bytes, data->base_url, cancellable, &error);
  if (feed == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, feed, g_object_unref);
}

/**
 * bulletin_feed_parse_async:
 * @bytes: the feed as fetched
 * @base_url: (nullable): the feed's own URL
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the feed is parsed
 * @user_data: data for @callback
 *
 * Parses @bytes like bulletin_feed_parse(), in a worker thread.
 */
void
bulletin_feed_parse_async (GBytes              *bytes,
                           const char          *base_url,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ParseData *data;

  g_return_if_fail (bytes != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, bulletin_feed_parse_async);
  g_task_set_return_on_cancel (task, FALSE);

  data = g_new0 (ParseData, 1);
  data->bytes = g_bytes_ref (bytes);
  data->base_url = g_strdup (base_url);
  g_task_set_task_data (task, data, (GDestroyNotify) parse_data_free);

  g_task_run_in_thread (task, parse_thread);
}

/**
 * bulletin_feed_parse_finish:
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the feed, or %NULL with @error set
 */
BulletinFeed *
bulletin_feed_parse_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == bulletin_feed_parse_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
