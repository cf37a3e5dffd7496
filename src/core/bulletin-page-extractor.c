/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bulletin-page-extractor"

#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>
#include <libxml/HTMLparser.h>

#include "bulletin-html.h"
#include "bulletin-json.h"
#include "bulletin-page-extractor.h"
#include "bulletin-readability.h"
#include "bulletin-sanitizer.h"
#include "bulletin-url.h"
#include "bulletin-date.h"
#include "bulletin-error.h"

/* BulletinPageExtractor turns an article's web page into a BulletinArticle.
 *
 * Metadata comes from the best source that has it: the outlet's own JSON
 * block (Al Mayadeen's "tawsiyat" metadata), JSON-LD, then OpenGraph,
 * Twitter, Dublin Core, Parse.ly and plain <meta> tags, then the page
 * itself. The body comes from a readability-style scoring of the page
 * (bulletin-readability.c) and always leaves through the sanitizer.
 */

typedef struct
{
  /* The outlet's own metadata */
  JsonObject *tawsiyat;

  /* JSON-LD */
  char       *ld_title;
  char       *ld_byline;
  char       *ld_excerpt;
  char       *ld_site_name;
  char       *ld_published;
  char       *ld_modified;
  char       *ld_image;
  char       *ld_image_caption;
  char       *ld_section;
  char       *ld_language;
  char       *ld_type;
  GPtrArray  *ld_keywords;

  /* <meta> values by normalized name; article:tag collected apart */
  GHashTable *values;
  GPtrArray  *article_tags;

  char       *doc_title;       /* <title> */
  char       *html_lang;
  char       *html_dir;
  char       *base_href;
  char       *canonical;
  char       *time_datetime;   /* first <time datetime> */
  char       *source;          /* "Source: …" in the page */
  char       *rel_author;      /* first rel=author / itemprop=author text */
  GPtrArray  *h_texts;         /* texts of h1 and h2 */
  GPtrArray  *ld_scripts;      /* JSON-LD texts, read after the walk */
  char       *ld_string_author;
  guint       n_h1;
  char       *single_h1;
} Meta;

static void
meta_clear (Meta *m)
{
  g_clear_pointer (&m->tawsiyat, json_object_unref);
  g_free (m->ld_title);
  g_free (m->ld_byline);
  g_free (m->ld_excerpt);
  g_free (m->ld_site_name);
  g_free (m->ld_published);
  g_free (m->ld_modified);
  g_free (m->ld_image);
  g_free (m->ld_image_caption);
  g_free (m->ld_section);
  g_free (m->ld_language);
  g_free (m->ld_type);
  g_clear_pointer (&m->ld_keywords, g_ptr_array_unref);
  g_clear_pointer (&m->values, g_hash_table_unref);
  g_clear_pointer (&m->article_tags, g_ptr_array_unref);
  g_free (m->doc_title);
  g_free (m->html_lang);
  g_free (m->html_dir);
  g_free (m->base_href);
  g_free (m->canonical);
  g_free (m->time_datetime);
  g_free (m->source);
  g_free (m->rel_author);
  g_clear_pointer (&m->h_texts, g_ptr_array_unref);
  g_clear_pointer (&m->ld_scripts, g_ptr_array_unref);
  g_free (m->ld_string_author);
  g_free (m->single_h1);
}

#define attr bulletin_html_attr
#define node_text bulletin_html_node_text
#define is_tag bulletin_html_is_tag
#define walk_next bulletin_html_next_node

static gboolean
is_blank (const char *s)
{
  if (s == NULL)
    return TRUE;
  for (; *s != '\0'; s++)
    if (!g_ascii_isspace (*s))
      return FALSE;
  return TRUE;
}

/* Trims, collapses white space, and gives NULL for an empty result. */
static char *
clean_text (const char *s)
{
  return bulletin_html_clean_text (s, TRUE);
}

/* Meta values are often escaped twice; undo the second time. */
static char *
unescape_entities (const char *s)
{
  GString *out;

  if (s == NULL)
    return NULL;
  if (strchr (s, '&') == NULL)
    return g_strdup (s);

  out = g_string_new (NULL);
  for (const char *p = s; *p != '\0';)
    {
      static const struct { const char *name; const char *text; } named[] = {
        { "&quot;", "\"" }, { "&amp;", "&" }, { "&apos;", "'" }, { "&lt;", "<" }, { "&gt;", ">" },
      };
      gboolean done = FALSE;

      if (*p == '&')
        {
          for (guint i = 0; i < G_N_ELEMENTS (named); i++)
            if (g_str_has_prefix (p, named[i].name))
              {
                g_string_append (out, named[i].text);
                p += strlen (named[i].name);
                done = TRUE;
                break;
              }
          if (!done && p[1] == '#')
            {
              gboolean hex = p[2] == 'x' || p[2] == 'X';
              const char *digits = p + (hex ? 3 : 2);
              char *end = NULL;
              guint64 value = g_ascii_strtoull (digits, &end, hex ? 16 : 10);

              if (end != digits && end != NULL && *end == ';' && end - digits <= 6 &&
                  value > 0 && value <= 0x10FFFF && g_unichar_validate ((gunichar) value))
                {
                  g_string_append_unichar (out, (gunichar) value);
                  p = end + 1;
                  done = TRUE;
                }
            }
        }
      if (!done)
        {
          g_string_append_c (out, *p);
          p++;
        }
    }

  return g_string_free (out, FALSE);
}

/* JSON helpers */

static JsonNode *
json_member (JsonObject *object,
             const char *name)
{
  if (object == NULL || !json_object_has_member (object, name))
    return NULL;
  return json_object_get_member (object, name);
}

/* A name from a string, an object with "name", or a list of either. */
static char *
json_names (JsonNode *node)
{
  if (node == NULL)
    return NULL;

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return clean_text (json_node_get_string (node));

  if (JSON_NODE_HOLDS_OBJECT (node))
    return clean_text (bulletin_json_get_string (json_node_get_object (node), "name"));

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

      for (guint i = 0; i < json_array_get_length (array) && i < 20; i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          char *name = JSON_NODE_HOLDS_ARRAY (element) ? NULL : json_names (element);

          if (name != NULL)
            g_ptr_array_add (names, name);
        }
      if (names->len == 0)
        return NULL;
      g_ptr_array_add (names, NULL);
      return g_strjoinv (", ", (char **) names->pdata);
    }

  return NULL;
}

/* A URL from a string, an object with "url" (or "contentUrl"), or the first
 * of a list. */
static char *
json_image (JsonNode *node,
            char    **caption)
{
  if (node == NULL)
    return NULL;

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return clean_text (json_node_get_string (node));

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      const char *url = bulletin_json_get_string (object, "url");

      if (url == NULL)
        url = bulletin_json_get_string (object, "contentUrl");
      if (caption != NULL && *caption == NULL)
        *caption = clean_text (bulletin_json_get_string (object, "caption"));
      return clean_text (url);
    }

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array) && i < 20; i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          char *url = JSON_NODE_HOLDS_ARRAY (element) ? NULL : json_image (element, caption);

          if (url != NULL)
            return url;
        }
    }

  return NULL;
}

static void
add_keyword (GPtrArray  *list,
             const char *keyword)
{
  g_autofree char *clean = clean_text (keyword);

  if (clean == NULL)
    return;
  for (guint i = 0; i < list->len; i++)
    if (g_utf8_collate (g_ptr_array_index (list, i), clean) == 0)
      return;
  g_ptr_array_add (list, g_steal_pointer (&clean));
}

static void
add_keywords_from_string (GPtrArray  *list,
                          const char *text)
{
  g_auto(GStrv) parts = NULL;

  if (text == NULL)
    return;
  parts = g_strsplit_set (text, ",;", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    add_keyword (list, parts[i]);
}

static GPtrArray *
json_keywords (JsonNode *node)
{
  GPtrArray *list = g_ptr_array_new_with_free_func (g_free);

  if (node == NULL)
    return list;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    add_keywords_from_string (list, json_node_get_string (node));
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array) && i < 100; i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING)
            add_keyword (list, json_node_get_string (element));
          else if (JSON_NODE_HOLDS_OBJECT (element))
            add_keyword (list, bulletin_json_get_string (json_node_get_object (element), "name"));
        }
    }

  return list;
}

static char *
json_first_string (JsonNode *node)
{
  if (node == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return clean_text (json_node_get_string (node));
  if (JSON_NODE_HOLDS_ARRAY (node) && json_array_get_length (json_node_get_array (node)) > 0)
    {
      JsonNode *first = json_array_get_element (json_node_get_array (node), 0);
      if (!JSON_NODE_HOLDS_ARRAY (first))
        return json_first_string (first);
    }
  if (JSON_NODE_HOLDS_OBJECT (node))
    return clean_text (bulletin_json_get_string (json_node_get_object (node), "name"));
  return NULL;
}

/* The @type of a JSON-LD node when it is an article type. */
static const char *
article_type (JsonObject *object)
{
  static const char * const types[] = {
    "Article", "AdvertiserContentArticle", "NewsArticle", "AnalysisNewsArticle",
    "AskPublicNewsArticle", "BackgroundNewsArticle", "OpinionNewsArticle",
    "ReportageNewsArticle", "ReviewNewsArticle", "Report", "SatiricalArticle",
    "ScholarlyArticle", "MedicalScholarlyArticle", "SocialMediaPosting", "BlogPosting",
    "LiveBlogPosting", "DiscussionForumPosting", "TechArticle", "APIReference", NULL
  };
  JsonNode *type = json_member (object, "@type");
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  if (type == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_VALUE (type) && json_node_get_value_type (type) == G_TYPE_STRING)
    g_ptr_array_add (names, (gpointer) json_node_get_string (type));
  else if (JSON_NODE_HOLDS_ARRAY (type))
    for (guint i = 0; i < json_array_get_length (json_node_get_array (type)); i++)
      {
        JsonNode *element = json_array_get_element (json_node_get_array (type), i);
        if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING)
          g_ptr_array_add (names, (gpointer) json_node_get_string (element));
      }

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);

      /* "http://schema.org/NewsArticle" and "schema:NewsArticle" too */
      if (strrchr (name, '/') != NULL)
        name = strrchr (name, '/') + 1;
      if (strrchr (name, ':') != NULL)
        name = strrchr (name, ':') + 1;
      if (g_strv_contains (types, name) || g_str_has_suffix (name, "Article"))
        return name;
    }
  return NULL;
}

static JsonObject *
find_article_object (JsonNode *node,
                     int       depth)
{
  if (node == NULL || depth > 4)
    return NULL;

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      JsonNode *graph;

      if (article_type (object) != NULL)
        return object;
      graph = json_member (object, "@graph");
      if (graph != NULL)
        return find_article_object (graph, depth + 1);
      return NULL;
    }

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array) && i < 200; i++)
        {
          JsonObject *found = find_article_object (json_array_get_element (array, i), depth + 1);
          if (found != NULL)
            return found;
        }
    }

  return NULL;
}

static double
similarity (const char *a,
            const char *b)
{
  return bulletin_readability_similarity (a, b);
}

static void
read_json_ld (Meta       *m,
              const char *text,
              const char *page_title)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *content = g_strdup (text);
  char *start, *end;
  JsonObject *article;
  const char *name, *headline;

  /* Strip CDATA markers and HTML comment markers around the JSON. */
  start = g_strstrip (content);
  if (g_str_has_prefix (start, "<![CDATA["))
    start += 9;
  else if (g_str_has_prefix (start, "<!--"))
    start += 4;
  end = start + strlen (start);
  if (end - start >= 3 && (g_str_has_suffix (start, "]]>") || g_str_has_suffix (start, "-->")))
    end[-3] = '\0';

  if (!json_parser_load_from_data (parser, start, -1, NULL))
    return;

  article = find_article_object (json_parser_get_root (parser), 0);
  if (article == NULL)
    return;

  name = bulletin_json_get_string (article, "name");
  headline = bulletin_json_get_string (article, "headline");
  if (name != NULL && headline != NULL && g_strcmp0 (name, headline) != 0)
    {
      /* Some sites put their own name in "name": take the one that looks
       * like the page's title. */
      gboolean name_matches = similarity (name, page_title) > 0.75;
      gboolean headline_matches = similarity (headline, page_title) > 0.75;

      m->ld_title = clean_text (headline_matches && !name_matches ? headline : name);
    }
  else if (name != NULL)
    m->ld_title = clean_text (name);
  else if (headline != NULL)
    m->ld_title = clean_text (headline);

  {
    /* A bare string is often a user name: it comes after the page's own
     * byline, as in Readability. */
    JsonNode *author = json_member (article, "author");

    if (author == NULL)
      author = json_member (article, "creator");
    if (author != NULL && JSON_NODE_HOLDS_VALUE (author))
      m->ld_string_author = json_names (author);
    else
      m->ld_byline = json_names (author);
  }
  m->ld_excerpt = clean_text (bulletin_json_get_string (article, "description"));
  {
    JsonNode *publisher = json_member (article, "publisher");
    if (publisher != NULL && JSON_NODE_HOLDS_OBJECT (publisher))
      m->ld_site_name = clean_text (bulletin_json_get_string (json_node_get_object (publisher), "name"));
  }
  m->ld_published = clean_text (bulletin_json_get_string (article, "datePublished"));
  if (m->ld_published == NULL)
    m->ld_published = clean_text (bulletin_json_get_string (article, "dateCreated"));
  m->ld_modified = clean_text (bulletin_json_get_string (article, "dateModified"));
  m->ld_image = json_image (json_member (article, "image"), &m->ld_image_caption);
  if (m->ld_image == NULL)
    m->ld_image = json_image (json_member (article, "thumbnailUrl"), NULL);
  m->ld_section = json_first_string (json_member (article, "articleSection"));
  m->ld_language = json_first_string (json_member (article, "inLanguage"));
  m->ld_type = g_strdup (article_type (article));
  m->ld_keywords = json_keywords (json_member (article, "keywords"));
}

static void
read_tawsiyat (Meta       *m,
               const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;

  if (!json_parser_load_from_data (parser, text, -1, NULL))
    return;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return;
  m->tawsiyat = json_object_ref (json_node_get_object (root));
}

static void
set_value (Meta       *m,
           const char *name,
           const char *content)
{
  g_autofree char *key = g_ascii_strdown (name, -1);
  g_autofree char *value = unescape_entities (content);
  char *clean;

  g_strdelimit (key, ".", ':');
  clean = clean_text (value);
  if (clean == NULL)
    return;

  if (g_str_equal (key, "article:tag"))
    {
      add_keyword (m->article_tags, clean);
      g_free (clean);
      return;
    }

  /* The first og:image and friends win; for the rest the last one does, as
   * in Readability. */
  if (g_str_has_suffix (key, "image") || g_str_has_suffix (key, "image:alt") ||
      g_str_has_suffix (key, "image:url") || g_str_has_suffix (key, "image:secure_url"))
    {
      if (g_hash_table_contains (m->values, key))
        {
          g_free (clean);
          return;
        }
    }
  g_hash_table_replace (m->values, g_steal_pointer (&key), clean);
}

static void
read_meta (Meta    *m,
           xmlNode *meta)
{
  const char *name = attr (meta, "name");
  const char *property = attr (meta, "property");
  const char *itemprop = attr (meta, "itemprop");
  const char *http_equiv = attr (meta, "http-equiv");
  const char *content = attr (meta, "content");
  gboolean matched = FALSE;

  if (is_blank (content))
    return;

  if (property != NULL)
    {
      /* A space-separated list of properties. */
      g_auto(GStrv) tokens = g_strsplit_set (property, " \t\n\r", -1);

      for (guint i = 0; tokens[i] != NULL; i++)
        {
          if (*tokens[i] == '\0')
            continue;
          set_value (m, tokens[i], content);
          matched = TRUE;
        }
    }
  if (!matched && name != NULL)
    {
      g_autofree char *key = g_strstrip (g_strdup (name));
      set_value (m, key, content);
    }
  if (itemprop != NULL)
    {
      g_autofree char *key = g_strconcat ("itemprop:", itemprop, NULL);
      set_value (m, key, content);
    }
  if (http_equiv != NULL)
    {
      g_autofree char *key = g_strconcat ("http-equiv:", http_equiv, NULL);
      set_value (m, key, content);
    }
}

static const char *
value (Meta       *m,
       const char *key)
{
  return g_hash_table_lookup (m->values, key);
}

static const char *
first_value (Meta               *m,
             const char * const *keys)
{
  for (guint i = 0; keys[i] != NULL; i++)
    {
      const char *v = value (m, keys[i]);
      if (v != NULL)
        return v;
    }
  return NULL;
}

static const char *
tawsiyat_string (Meta       *m,
                 const char *key)
{
  const char *s = bulletin_json_get_string (m->tawsiyat, key);
  return is_blank (s) ? NULL : s;
}

/* "Source: Agencies" in a short element of the page. */
static char *
find_source_line (xmlNode *node)
{
  g_autofree char *text = NULL;
  const char *colon;

  if (node->type != XML_TEXT_NODE || node->content == NULL)
    return NULL;
  text = clean_text ((const char *) node->content);
  if (text == NULL || g_utf8_strlen (text, -1) > 80)
    return NULL;
  if (g_ascii_strncasecmp (text, "Source:", 7) == 0)
    colon = text + 7;
  else if (g_ascii_strcasecmp (text, "Source") == 0 || g_ascii_strcasecmp (text, "Source:") == 0)
    {
      /* The value is in the next element: <span>Source:</span> <a>X</a> */
      xmlNode *next = node->next != NULL ? node->next : node->parent != NULL ? node->parent->next : NULL;

      while (next != NULL && next->type == XML_TEXT_NODE && is_blank ((const char *) next->content))
        next = next->next;
      if (next == NULL)
        return NULL;
      {
        g_autofree char *value_text = node_text (next, TRUE);
        char *v = clean_text (value_text);
        if (v != NULL && g_utf8_strlen (v, -1) > 60)
          g_clear_pointer (&v, g_free);
        return v;
      }
    }
  else
    return NULL;

  return clean_text (colon);
}

static void
collect (Meta    *m,
         xmlDoc  *doc)
{
  xmlNode *root = xmlDocGetRootElement (doc);

  m->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  m->article_tags = g_ptr_array_new_with_free_func (g_free);
  m->h_texts = g_ptr_array_new_with_free_func (g_free);
  m->ld_scripts = g_ptr_array_new_with_free_func (g_free);

  if (root == NULL)
    return;

  if (is_tag (root, "html"))
    {
      m->html_lang = clean_text (attr (root, "lang"));
      if (m->html_lang == NULL)
        m->html_lang = clean_text (attr (root, "xml:lang"));
      m->html_dir = clean_text (attr (root, "dir"));
    }

  for (xmlNode *n = root; n != NULL; n = walk_next (n, root, FALSE))
    {
      if (n->type == XML_TEXT_NODE)
        {
          if (m->source == NULL)
            m->source = find_source_line (n);
          continue;
        }
      if (n->type != XML_ELEMENT_NODE)
        continue;

      if (is_tag (n, "meta"))
        read_meta (m, n);
      else if (is_tag (n, "title") && m->doc_title == NULL)
        {
          g_autofree char *text = node_text (n, FALSE);
          m->doc_title = g_strdup (text);
        }
      else if (is_tag (n, "base") && m->base_href == NULL && !is_blank (attr (n, "href")))
        m->base_href = g_strstrip (g_strdup (attr (n, "href")));
      else if (is_tag (n, "link"))
        {
          const char *rel = attr (n, "rel");
          if (rel != NULL && g_ascii_strcasecmp (rel, "canonical") == 0 && m->canonical == NULL)
            m->canonical = clean_text (attr (n, "href"));
        }
      else if (is_tag (n, "script"))
        {
          const char *type = attr (n, "type");
          const char *id = attr (n, "id");
          g_autofree char *text = NULL;

          if (type == NULL)
            continue;
          if (g_ascii_strcasecmp (type, "application/ld+json") == 0)
            {
              if (m->ld_scripts->len < 50)
                g_ptr_array_add (m->ld_scripts, node_text (n, FALSE));
            }
          else if (m->tawsiyat == NULL &&
                   (g_ascii_strcasecmp (type, "text/tawsiyat") == 0 || g_strcmp0 (id, "tawsiyat-metadata") == 0))
            {
              text = node_text (n, FALSE);
              read_tawsiyat (m, text);
            }
        }
      else if (is_tag (n, "time") && m->time_datetime == NULL && !is_blank (attr (n, "datetime")))
        m->time_datetime = clean_text (attr (n, "datetime"));
      else if (is_tag (n, "h1") || is_tag (n, "h2"))
        {
          g_autofree char *text = node_text (n, FALSE);

          if (is_tag (n, "h1"))
            {
              m->n_h1++;
              if (m->n_h1 == 1)
                m->single_h1 = node_text (n, TRUE);
            }
          if (m->h_texts->len < 500)
            g_ptr_array_add (m->h_texts, g_steal_pointer (&text));
        }
      else if (m->rel_author == NULL &&
               (g_strcmp0 (attr (n, "rel"), "author") == 0 || g_strcmp0 (attr (n, "itemprop"), "author") == 0))
        {
          g_autofree char *text = node_text (n, TRUE);
          if (text != NULL && *text != '\0' && g_utf8_strlen (text, -1) < 100)
            m->rel_author = g_steal_pointer (&text);
        }
    }
}

/* Readability's title heuristics over the document's <title>. */

static guint
word_count (const char *s)
{
  g_auto(GStrv) parts = g_regex_split_simple ("\\s+", s, 0, 0);
  return g_strv_length (parts);
}

static char *
title_from_document (Meta *m)
{
  static GRegex *separator, *hierarchical, *strip_last, *strip_first, *any_separator;
  static gsize once;
  const char *orig = m->doc_title != NULL ? m->doc_title : "";
  g_autofree char *orig_trimmed = g_strstrip (g_strdup (orig));
  g_autofree char *cur = g_strdup (orig_trimmed);
  gboolean hierarchical_seps = FALSE;
  guint cur_words;

  if (g_once_init_enter (&once))
    {
      separator = g_regex_new (" [\\|\\-–—\\\\/>»] ", G_REGEX_OPTIMIZE, 0, NULL);
      hierarchical = g_regex_new (" [\\\\/>»] ", G_REGEX_OPTIMIZE, 0, NULL);
      strip_last = g_regex_new ("^(.*)[\\|\\-–—\\\\/>»] .*$", G_REGEX_DOTALL, 0, NULL);
      strip_first = g_regex_new ("^[^\\|\\-–—\\\\/>»]*[\\|\\-–—\\\\/>»](.*)$", G_REGEX_DOTALL, 0, NULL);
      any_separator = g_regex_new ("[\\|\\-–—\\\\/>»]+", 0, 0, NULL);
      g_once_init_leave (&once, 1);
    }

  if (g_regex_match (separator, cur, 0, NULL))
    {
      hierarchical_seps = g_regex_match (hierarchical, cur, 0, NULL);
      g_free (cur);
      cur = g_regex_replace (strip_last, orig_trimmed, -1, 0, "\\1", 0, NULL);
      if (cur == NULL || word_count (cur) < 3)
        {
          g_free (cur);
          cur = g_regex_replace (strip_first, orig_trimmed, -1, 0, "\\1", 0, NULL);
        }
      if (cur == NULL)
        cur = g_strdup (orig_trimmed);
    }
  else if (strstr (cur, ": ") != NULL)
    {
      gboolean match = FALSE;

      for (guint i = 0; i < m->h_texts->len && !match; i++)
        {
          g_autofree char *h = g_strstrip (g_strdup (g_ptr_array_index (m->h_texts, i)));
          match = g_str_equal (h, cur);
        }
      if (!match)
        {
          const char *last = strrchr (orig_trimmed, ':');
          const char *first = strchr (orig_trimmed, ':');
          g_autofree char *before = g_strndup (orig_trimmed, first - orig_trimmed);

          g_free (cur);
          cur = g_strdup (last + 1);
          if (word_count (cur) < 3)
            {
              g_free (cur);
              cur = g_strdup (first + 1);
            }
          else if (word_count (before) > 5)
            {
              g_free (cur);
              cur = g_strdup (orig_trimmed);
            }
        }
    }
  else if ((g_utf8_strlen (cur, -1) > 150 || g_utf8_strlen (cur, -1) < 15) && m->n_h1 == 1)
    {
      g_free (cur);
      cur = g_strdup (m->single_h1);
    }

  {
    g_autofree char *normalized = clean_text (cur);
    g_free (cur);
    cur = normalized != NULL ? g_steal_pointer (&normalized) : g_strdup ("");
  }

  cur_words = word_count (cur);
  if (cur_words <= 4)
    {
      g_autofree char *stripped = g_regex_replace (any_separator, orig_trimmed, -1, 0, "", 0, NULL);

      if (!hierarchical_seps || cur_words != word_count (stripped) - 1)
        {
          g_free (cur);
          cur = g_strdup (orig_trimmed);
        }
    }

  return g_steal_pointer (&cur);
}

static gboolean
is_rtl_language (const char *lang)
{
  static const char * const rtl[] = { "ar", "he", "iw", "fa", "ur", "ps", "yi", "dv", "sd", "ug", "ckb", NULL };
  g_autofree char *primary = NULL;

  if (lang == NULL)
    return FALSE;
  primary = g_ascii_strdown (lang, strcspn (lang, "-_"));
  return g_strv_contains (rtl, primary);
}

/* The text of @root with a space where a block starts or ends, so that
 * "<p>Caption</p><p>Photo: X</p>" reads "Caption Photo: X". */
static char *
spaced_text (xmlNode *root)
{
  static const char * const inline_tags[] = { "a", "b", "i", "em", "strong", "span", "small", "abbr", "cite", "q", "sub", "sup", "u", "mark", "time", NULL };
  g_autoptr(GString) out = g_string_new (NULL);
  xmlNode *n = root->children;

  while (n != NULL)
    {
      gboolean block = n->type == XML_ELEMENT_NODE && !g_strv_contains (inline_tags, (const char *) n->name);

      if (n->type == XML_TEXT_NODE && n->content != NULL)
        g_string_append (out, (const char *) n->content);
      if (block)
        g_string_append_c (out, ' ');
      if (n->type == XML_ELEMENT_NODE && n->children != NULL)
        {
          n = n->children;
          continue;
        }
      while (n != root && n->next == NULL)
        {
          n = n->parent;
          if (n != root && n->type == XML_ELEMENT_NODE && !g_strv_contains (inline_tags, (const char *) n->name))
            g_string_append_c (out, ' ');
        }
      n = n == root ? NULL : n->next;
    }

  return clean_text (out->str);
}

/* Finds the caption of the figure that holds @image in the page. */
static char *
caption_for_image (xmlDoc     *doc,
                   const char *image)
{
  xmlNode *root = xmlDocGetRootElement (doc);

  if (image == NULL || root == NULL)
    return NULL;

  for (xmlNode *n = root; n != NULL; n = walk_next (n, root, FALSE))
    {
      const char *candidates[4];
      gboolean same = FALSE;

      if (!is_tag (n, "img") && !is_tag (n, "source"))
        continue;
      candidates[0] = attr (n, "src");
      candidates[1] = attr (n, "data-src");
      candidates[2] = attr (n, "srcset");
      candidates[3] = attr (n, "data-srcset");
      for (guint i = 0; i < G_N_ELEMENTS (candidates) && !same; i++)
        if (candidates[i] != NULL)
          {
            g_autofree char *first = g_strndup (candidates[i], strcspn (candidates[i], " ,"));
            same = bulletin_readability_same_image (first, image);
          }
      if (!same)
        continue;

      {
        xmlNode *figure = n->parent;
        for (int depth = 0; figure != NULL && depth < 5 && !is_tag (figure, "figure"); depth++)
          figure = figure->parent;
        if (!is_tag (figure, "figure"))
          continue;
        for (xmlNode *c = figure; c != NULL; c = walk_next (c, figure, FALSE))
          if (is_tag (c, "figcaption"))
            return spaced_text (c);
      }
    }

  return NULL;
}

/**
 * bulletin_page_text_to_utf8:
 * @data: a page's bytes
 * @length: their number
 * @out_length: (out): the length of the result
 *
 * Decodes a page to valid UTF-8: a byte order mark first, then UTF-8 when
 * the bytes are valid UTF-8 whatever the page declares (pages often
 * declare wrongly), then the declared charset, then Windows-1252. NUL bytes
 * become spaces.
 *
 * Returns: (transfer full): valid UTF-8
 */
char *
bulletin_page_text_to_utf8 (const char *data,
                            gsize       length,
                            gsize      *out_length)
{
  g_autofree char *copy = NULL;
  char *result = NULL;
  gsize written = 0;

  if (length >= 2 && ((guchar) data[0] == 0xFF && (guchar) data[1] == 0xFE))
    result = g_convert (data + 2, length - 2, "UTF-8", "UTF-16LE", NULL, &written, NULL);
  else if (length >= 2 && ((guchar) data[0] == 0xFE && (guchar) data[1] == 0xFF))
    result = g_convert (data + 2, length - 2, "UTF-8", "UTF-16BE", NULL, &written, NULL);
  if (result != NULL)
    {
      char *valid = g_utf8_make_valid (result, written);
      g_free (result);
      *out_length = strlen (valid);
      return valid;
    }

  if (length >= 3 && (guchar) data[0] == 0xEF && (guchar) data[1] == 0xBB && (guchar) data[2] == 0xBF)
    {
      data += 3;
      length -= 3;
    }

  copy = g_malloc (length + 1);
  memcpy (copy, data, length);
  copy[length] = '\0';
  for (gsize i = 0; i < length; i++)
    if (copy[i] == '\0')
      copy[i] = ' ';

  if (g_utf8_validate (copy, length, NULL))
    {
      *out_length = length;
      return g_steal_pointer (&copy);
    }

  {
    /* Look for a declared charset near the top. */
    gsize head = MIN (length, 4096);
    g_autofree char *lower = g_ascii_strdown (copy, head);
    const char *at = strstr (lower, "charset=");
    g_autofree char *charset = NULL;

    if (at != NULL)
      {
        at += 8;
        while (*at == '"' || *at == '\'' || *at == ' ')
          at++;
        charset = g_strndup (at, strspn (at, "abcdefghijklmnopqrstuvwxyz0123456789-_:."));
      }

    if (charset != NULL && *charset != '\0' && !g_str_has_prefix (charset, "utf-8") &&
        !g_str_has_prefix (charset, "utf8") && !g_str_has_prefix (charset, "utf-16"))
      {
        /* Browsers read latin1 as windows-1252. */
        if (g_str_equal (charset, "iso-8859-1") || g_str_equal (charset, "latin1") || g_str_equal (charset, "us-ascii"))
          {
            g_free (charset);
            charset = g_strdup ("windows-1252");
          }
        result = g_convert (copy, length, "UTF-8", charset, NULL, &written, NULL);
      }
    if (result == NULL)
      result = g_convert (copy, length, "UTF-8", "WINDOWS-1252", NULL, &written, NULL);
    if (result != NULL)
      {
        char *valid = g_utf8_make_valid (result, written);
        g_free (result);
        *out_length = strlen (valid);
        return valid;
      }
  }

  result = g_utf8_make_valid (copy, length);
  *out_length = strlen (result);
  return result;
}

/**
 * bulletin_page_count_words:
 * @text: (nullable): plain text
 *
 * Counts words: runs of letters and digits separated by anything else; an
 * ideograph or kana counts as half a word, as such scripts have no spaces.
 *
 * Returns: the number of words
 */
guint
bulletin_page_count_words (const char *text)
{
  guint words = 0, ideographs = 0;
  gboolean in_word = FALSE;

  if (text == NULL)
    return 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeScript script = g_unichar_get_script (c);

      if (script == G_UNICODE_SCRIPT_HAN || script == G_UNICODE_SCRIPT_HIRAGANA ||
          script == G_UNICODE_SCRIPT_KATAKANA || script == G_UNICODE_SCRIPT_THAI)
        {
          ideographs++;
          in_word = FALSE;
        }
      else if (g_unichar_isspace (c))
        in_word = FALSE;
      else if (!in_word)
        {
          in_word = TRUE;
          words++;
        }
    }

  return words + ideographs / 2;
}

/* Writes every non-ASCII character of @html as a character reference, so
 * that the markup reads the same whatever encoding a later parser assumes
 * (an HTML parser given no charset falls back to Latin-1). */
static char *
ascii_html (const char *html)
{
  GString *out;

  if (html == NULL)
    return NULL;
  out = g_string_sized_new (strlen (html) + 64);
  for (const char *p = html; *p != '\0';)
    {
      if ((guchar) *p < 0x80)
        {
          const char *start = p;
          while (*p != '\0' && (guchar) *p < 0x80)
            p++;
          g_string_append_len (out, start, p - start);
        }
      else
        {
          g_string_append_printf (out, "&#%u;", (guint) g_utf8_get_char (p));
          p = g_utf8_next_char (p);
        }
    }

  return g_string_free (out, FALSE);
}

/**
 * bulletin_page_html_text:
 * @html: (nullable): sanitized HTML
 *
 * The plain text of @html, as bulletin_html_to_text() gives it, with
 * non-ASCII text kept intact whatever encoding its parser assumes.
 *
 * Returns: (transfer full): the text
 */
char *
bulletin_page_html_text (const char *html)
{
  g_autofree char *escaped = ascii_html (html != NULL ? html : "");

  return bulletin_html_to_text (escaped, -1);
}

static GDateTime *
parse_date (const char *text)
{
  if (is_blank (text))
    return NULL;
  return bulletin_date_parse (text);
}

static char *
resolve (const char *base,
         const char *reference)
{
  char *resolved;

  if (is_blank (reference))
    return NULL;
  resolved = bulletin_url_resolve (base, reference);
  if (resolved == NULL)
    return NULL;
  if (!bulletin_url_is_http (resolved) && !g_str_has_prefix (resolved, "data:image/"))
    {
      g_free (resolved);
      return NULL;
    }
  return resolved;
}

/* Drops " | Site" or " - Site" from a title when "Site" is the site's name. */
static char *
strip_site_suffix (const char *title,
                   const char *site_name)
{
  static const char * const separators[] = { " | ", " - ", " – ", " — ", " :: ", " · ", NULL };

  if (title == NULL || site_name == NULL)
    return g_strdup (title);

  for (guint i = 0; separators[i] != NULL; i++)
    {
      const char *at = g_strrstr (title, separators[i]);

      if (at != NULL && at != title &&
          g_utf8_collate (at + strlen (separators[i]), site_name) == 0)
        return g_strndup (title, at - title);
    }

  return g_strdup (title);
}

static BulletinArticle *
extract (GBytes      *html,
         const char  *url,
         char       **site_name_out,
         GError     **error)
{
  g_autoptr(BulletinArticle) article = NULL;
  g_autofree char *utf8 = NULL;
  gsize length = 0, size;
  const char *data;
  xmlDoc *doc;
  Meta m = { NULL, };
  BulletinReadabilityResult found = { NULL, };
  gboolean have_body;
  g_autofree char *base = NULL;
  g_autofree char *title = NULL;
  g_autofree char *byline = NULL;
  g_autofree char *excerpt = NULL;
  g_autofree char *site_name = NULL;
  g_autofree char *image = NULL;
  g_autofree char *caption = NULL;
  g_autofree char *lang = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *section = NULL;
  g_autofree char *body = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GDateTime) published = NULL;
  g_autoptr(GDateTime) modified = NULL;
  GPtrArray *tags = NULL;
  g_autoptr(GPtrArray) tag_list = NULL;
  const char *tawsiyat_html = NULL;
  guint words = 0;

  g_return_val_if_fail (html != NULL, NULL);

  data = g_bytes_get_data (html, &size);
  if (size > BULLETIN_PAGE_MAX_SIZE)
    {
      g_set_error (error, BULLETIN_ERROR, BULLETIN_ERROR_TOO_LARGE,
                   "The page is larger than the limit of %d MiB", BULLETIN_PAGE_MAX_SIZE / (1024 * 1024));
      return NULL;
    }
  if (size == 0 || data == NULL)
    {
      g_set_error_literal (error, BULLETIN_ERROR, BULLETIN_ERROR_NOT_A_PAGE, "The page is empty");
      return NULL;
    }

  utf8 = bulletin_page_text_to_utf8 (data, size, &length);
  doc = bulletin_readability_parse (utf8, length);
  if (doc == NULL)
    {
      g_set_error_literal (error, BULLETIN_ERROR, BULLETIN_ERROR_NOT_A_PAGE, "The page cannot be read as HTML");
      return NULL;
    }

  collect (&m, doc);
  {
    g_autofree char *page_title = title_from_document (&m);

    for (guint i = 0; i < m.ld_scripts->len && m.ld_type == NULL; i++)
      read_json_ld (&m, g_ptr_array_index (m.ld_scripts, i), page_title);
  }

  /* URLs resolve against <base href>, itself relative to the page. */
  if (m.base_href != NULL)
    base = bulletin_url_resolve (url, m.base_href);
  if (base == NULL)
    base = g_strdup (url);

  /* Site name */
  site_name = clean_text (m.ld_site_name);
  if (site_name == NULL)
    site_name = clean_text (value (&m, "og:site_name"));
  if (site_name == NULL)
    site_name = clean_text (first_value (&m, (const char * const[]) { "application-name", "twitter:site_name", NULL }));

  /* Title */
  {
    g_autofree char *doc_title = title_from_document (&m);
    const char *from_meta = tawsiyat_string (&m, "title");

    if (from_meta == NULL)
      from_meta = m.ld_title;
    if (from_meta == NULL)
      from_meta = first_value (&m, (const char * const[]) {
        "dc:title", "dcterm:title", "og:title", "weibo:article:title", "weibo:webpage:title",
        "title", "twitter:title", "parsely-title", NULL });
    if (from_meta != NULL)
      {
        g_autofree char *unescaped = unescape_entities (from_meta);
        g_autofree char *clean = clean_text (unescaped);
        title = strip_site_suffix (clean, site_name);
      }
    else
      title = clean_text (doc_title);
  }

  /* Byline */
  {
    const char *from_meta = tawsiyat_string (&m, "author");

    if (from_meta == NULL)
      from_meta = m.ld_byline;
    if (from_meta == NULL)
      from_meta = first_value (&m, (const char * const[]) {
        "dc:creator", "dcterm:creator", "author", "parsely-author", NULL });
    byline = clean_text (from_meta);
  }

  /* Excerpt */
  {
    const char *from_meta = tawsiyat_string (&m, "description");

    if (from_meta == NULL)
      from_meta = m.ld_excerpt;
    if (from_meta == NULL)
      from_meta = first_value (&m, (const char * const[]) {
        "dc:description", "dcterm:description", "og:description", "weibo:article:description",
        "weibo:webpage:description", "description", "twitter:description", NULL });
    excerpt = clean_text (from_meta);
  }

  /* Dates */
  {
    const char *from_meta = tawsiyat_string (&m, "published_time");

    published = parse_date (from_meta);
    if (published == NULL)
      published = parse_date (m.ld_published);
    if (published == NULL)
      published = parse_date (first_value (&m, (const char * const[]) {
        "article:published_time", "parsely-pub-date", "itemprop:datepublished", "dc:date",
        "dcterm:date", "dcterms:created", "date", "pubdate", "publishdate", "sailthru:date",
        "og:published_time", NULL }));
    if (published == NULL)
      published = parse_date (m.time_datetime);

    modified = parse_date (tawsiyat_string (&m, "last_updated"));
    if (modified == NULL)
      modified = parse_date (m.ld_modified);
    if (modified == NULL)
      modified = parse_date (first_value (&m, (const char * const[]) {
        "article:modified_time", "og:updated_time", "itemprop:datemodified", "dcterms:modified", NULL }));
  }

  /* Hero image and its caption */
  {
    const char *candidate = tawsiyat_string (&m, "thumbnail");

    image = resolve (base, candidate);
    if (image == NULL)
      image = resolve (base, m.ld_image);
    if (image == NULL)
      image = resolve (base, first_value (&m, (const char * const[]) {
        "og:image", "og:image:secure_url", "og:image:url", "twitter:image", "twitter:image:src",
        "parsely-image-url", "itemprop:image", NULL }));
    if (image != NULL)
      caption = caption_for_image (doc, image);
    if (caption == NULL && image != NULL)
      caption = clean_text (first_value (&m, (const char * const[]) { "og:image:alt", "twitter:image:alt", NULL }));
    if (caption == NULL && image != NULL)
      caption = clean_text (m.ld_image_caption);
  }

  /* Section and tags */
  section = clean_text (value (&m, "article:section"));
  if (section == NULL)
    section = clean_text (m.ld_section);
  if (section == NULL)
    section = clean_text (value (&m, "parsely-section"));
  if (section == NULL && m.tawsiyat != NULL)
    section = json_first_string (json_member (m.tawsiyat, "classes"));

  if (m.tawsiyat != NULL)
    tag_list = json_keywords (json_member (m.tawsiyat, "keywords"));
  if ((tag_list == NULL || tag_list->len == 0) && m.ld_keywords != NULL && m.ld_keywords->len > 0)
    {
      g_clear_pointer (&tag_list, g_ptr_array_unref);
      tag_list = g_ptr_array_ref (m.ld_keywords);
    }
  if ((tag_list == NULL || tag_list->len == 0) && m.article_tags->len > 0)
    {
      g_clear_pointer (&tag_list, g_ptr_array_unref);
      tag_list = g_ptr_array_ref (m.article_tags);
    }
  if (tag_list == NULL || tag_list->len == 0)
    {
      const char *list = first_value (&m, (const char * const[]) { "parsely-tags", "news_keywords", "keywords", NULL });

      g_clear_pointer (&tag_list, g_ptr_array_unref);
      tag_list = g_ptr_array_new_with_free_func (g_free);
      add_keywords_from_string (tag_list, list);
    }
  tags = tag_list;

  /* The body */
  bulletin_readability_prepare (doc);
  have_body = bulletin_readability_grab (doc, utf8, length, title, image, &found);
  doc = NULL;

  if (byline == NULL)
    byline = clean_text (found.byline);
  if (byline == NULL)
    byline = clean_text (m.ld_string_author);
  if (byline == NULL)
    byline = clean_text (m.rel_author);
  if (byline == NULL)
    {
      const char *article_author = value (&m, "article:author");
      if (article_author != NULL && !g_str_has_prefix (article_author, "http"))
        byline = clean_text (article_author);
    }

  tawsiyat_html = tawsiyat_string (&m, "html");
  if (tawsiyat_html != NULL && (!have_body || found.text_length < 500))
    {
      g_autofree char *escaped = ascii_html (tawsiyat_html);
      g_autofree char *candidate = bulletin_sanitize_html (escaped, -1, base);
      g_autofree char *candidate_text = bulletin_page_html_text (candidate);

      if (candidate_text != NULL && g_utf8_strlen (candidate_text, -1) > (glong) found.text_length)
        {
          body = g_steal_pointer (&candidate);
          text = g_steal_pointer (&candidate_text);
        }
    }
  if (body == NULL && have_body)
    {
      g_autofree char *escaped = ascii_html (found.content);

      body = bulletin_sanitize_html (escaped, -1, base);
      text = bulletin_page_html_text (body);
    }

  if (excerpt == NULL)
    excerpt = clean_text (found.first_paragraph);

  if (title == NULL && (text == NULL || *text == '\0'))
    {
      bulletin_readability_result_clear (&found);
      meta_clear (&m);
      g_set_error_literal (error, BULLETIN_ERROR, BULLETIN_ERROR_NOT_A_PAGE,
                           "The page has no article in it");
      return NULL;
    }

  /* Language and direction */
  lang = clean_text (tawsiyat_string (&m, "lang"));
  if (lang == NULL)
    lang = clean_text (m.html_lang);
  if (lang == NULL)
    lang = clean_text (found.lang);
  if (lang == NULL)
    lang = clean_text (m.ld_language);
  if (lang == NULL)
    lang = clean_text (first_value (&m, (const char * const[]) { "http-equiv:content-language", "dc:language", "og:locale", NULL }));
  if (lang != NULL)
    g_strdelimit (lang, "_", '-');

  dir = clean_text (m.html_dir);
  if (dir == NULL)
    dir = clean_text (found.dir);
  if (dir != NULL)
    {
      g_autofree char *lower = g_ascii_strdown (dir, -1);
      g_free (dir);
      dir = g_str_equal (lower, "rtl") || g_str_equal (lower, "ltr") ? g_steal_pointer (&lower) : NULL;
    }
  if (dir == NULL && lang != NULL)
    dir = g_strdup (is_rtl_language (lang) ? "rtl" : "ltr");

  /* Reading time */
  if (m.tawsiyat != NULL)
    {
      JsonNode *count = json_member (m.tawsiyat, "word_count");

      if (count != NULL && JSON_NODE_HOLDS_VALUE (count))
        {
          if (json_node_get_value_type (count) == G_TYPE_INT64)
            words = (guint) CLAMP (json_node_get_int (count), 0, G_MAXINT);
          else if (json_node_get_value_type (count) == G_TYPE_STRING)
            words = (guint) g_ascii_strtoull (json_node_get_string (count), NULL, 10);
        }
    }
  if (words == 0)
    words = bulletin_page_count_words (text);

  article = bulletin_article_new ();
  {
    g_autofree char *canonical = resolve (url, m.canonical);
    bulletin_article_set_url (article, url != NULL ? url : canonical);
  }
  bulletin_article_set_title (article, title);
  bulletin_article_set_author (article, byline);
  bulletin_article_set_summary (article, excerpt);
  bulletin_article_set_source (article, m.source != NULL ? m.source : site_name);
  bulletin_article_set_section_title (article, section);
  bulletin_article_set_image (article, image);
  bulletin_article_set_image_caption (article, caption);
  bulletin_article_set_language (article, lang);
  bulletin_article_set_direction (article, dir);
  bulletin_article_set_published (article, published);
  bulletin_article_set_updated (article, modified);
  if (tags != NULL && tags->len > 0)
    {
      g_ptr_array_add (tags, NULL);
      bulletin_article_set_tags (article, (const char * const *) tags->pdata);
      g_ptr_array_remove_index (tags, tags->len - 1);
    }
  if (body != NULL && *body != '\0')
    bulletin_article_set_body (article, body);
  bulletin_article_set_reading_minutes (article, bulletin_reading_minutes_for_words (words));

  {
    const char *type = tawsiyat_string (&m, "type");
    const char *og_type = value (&m, "og:type");

    if (type != NULL)
      bulletin_article_set_kind (article, bulletin_article_kind_from_string (type));
    else if (g_strcmp0 (m.ld_type, "LiveBlogPosting") == 0)
      bulletin_article_set_kind (article, BULLETIN_ARTICLE_KIND_LIVE);
    else if (og_type != NULL && g_str_has_prefix (og_type, "video"))
      bulletin_article_set_kind (article, BULLETIN_ARTICLE_KIND_VIDEO);
  }

  if (site_name_out != NULL)
    *site_name_out = g_steal_pointer (&site_name);

  bulletin_readability_result_clear (&found);
  meta_clear (&m);

  return g_steal_pointer (&article);
}

/**
 * bulletin_page_extract:
 * @html: the page's bytes
 * @url: (nullable): the page's address, the base of its relative URLs
 * @error: return location for a #GError
 *
 * Extracts the article from an article page: its metadata and its body,
 * sanitized, with URLs made absolute.
 *
 * Returns: (transfer full): the article, or %NULL with @error set
 *   (%BULLETIN_ERROR_NOT_A_PAGE when nothing in it is article-like,
 *   %BULLETIN_ERROR_TOO_LARGE above %BULLETIN_PAGE_MAX_SIZE)
 */
BulletinArticle *
bulletin_page_extract (GBytes      *html,
                       const char  *url,
                       GError     **error)
{
  return extract (html, url, NULL, error);
}

/**
 * bulletin_page_extract_full:
 * @html: the page's bytes
 * @url: (nullable): the page's address
 * @site_name: (out) (optional) (transfer full) (nullable): the site's name
 * @error: return location for a #GError
 *
 * Like bulletin_page_extract(), and also gives the site's name as the page
 * states it (og:site_name, the JSON-LD publisher).
 *
 * Returns: (transfer full): the article, or %NULL with @error set
 */
BulletinArticle *
bulletin_page_extract_full (GBytes      *html,
                            const char  *url,
                            char       **site_name,
                            GError     **error)
{
  if (site_name != NULL)
    *site_name = NULL;
  return extract (html, url, site_name, error);
}

typedef struct
{
  GBytes *html;
  char   *url;
} ExtractData;

static void
extract_data_free (ExtractData *data)
{
  g_bytes_unref (data->html);
  g_free (data->url);
  g_free (data);
}

static void
extract_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ExtractData *data = task_data;
  GError *error = NULL;
  BulletinArticle *article;

  if (!g_cancellable_is_cancelled (cancellable))
    article = bulletin_page_extract (data->html, data->url, &error);
  else
    article = NULL;

  /* The house's code for a cancelled operation, whoever cancelled when. */
  if (g_cancellable_is_cancelled (cancellable))
    {
      g_clear_object (&article);
      g_clear_error (&error);
      g_task_return_new_error (task, BULLETIN_ERROR, BULLETIN_ERROR_CANCELLED,
                               "The article extraction was cancelled");
    }
  else if (article == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, article, g_object_unref);
}

/**
 * bulletin_page_extract_async:
 * @html: the page's bytes
 * @url: (nullable): the page's address
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Runs bulletin_page_extract() in a worker thread.
 */
void
bulletin_page_extract_async (GBytes              *html,
                             const char          *url,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ExtractData *data;

  g_return_if_fail (html != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, bulletin_page_extract_async);
  g_task_set_check_cancellable (task, FALSE);

  data = g_new0 (ExtractData, 1);
  data->html = g_bytes_ref (html);
  data->url = g_strdup (url);
  g_task_set_task_data (task, data, (GDestroyNotify) extract_data_free);
  g_task_run_in_thread (task, extract_thread);
}

/**
 * bulletin_page_extract_finish:
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the article, or %NULL with @error set
 */
BulletinArticle *
bulletin_page_extract_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == bulletin_page_extract_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
