/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bulletin-article-renderer"

#include "config.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>

#include "bulletin-article.h"
#include "bulletin-article-renderer.h"
#include "bulletin-date.h"
#include "bulletin-date-format.h"
#include "bulletin-error.h"
#include "bulletin-sanitizer.h"
#include "bulletin-url.h"

/* The renderer fills the article template (src/ui/article/article.html) with
 * an article. Everything it inserts is either a text field escaped with
 * g_markup_escape_text, a URL it has checked and escaped, or the article body
 * run through bulletin_sanitize_html: the view never receives markup that
 * came from the network without going through the sanitizer here, whatever
 * the caller did before.
 */

#define CSP_META "<meta http-equiv=\"Content-Security-Policy\" content=\"" BULLETIN_ARTICLE_CSP "\">"

/* The images Bulletin itself ships (the demo edition) */
#define OWN_RESOURCE_PREFIX "/io/github/bulletinapp/Bulletin/"

/* Same cap as BULLETIN_FETCH_IMAGE */
#define MAX_LOCAL_IMAGE_SIZE (20 * 1024 * 1024)

/* data: URIs of local images, so a re-render does not read and encode them
 * again; cleared when it grows past this many entries.
 */
#define MAX_CACHED_IMAGES 64

#define MAX_READ_NEXT 4

typedef enum
{
  SLOT_LITERAL,
  SLOT_LANG,
  SLOT_DIR,
  SLOT_CLASS,
  SLOT_FONT_SCALE,
  SLOT_TITLE,
  SLOT_CSS,
  SLOT_KICKER,
  SLOT_HEADLINE,
  SLOT_LEDE,
  SLOT_META,
  SLOT_NOTICE,
  SLOT_MEDIA,
  SLOT_BODY,
  SLOT_TAGS,
  SLOT_READ_NEXT,
  N_SLOTS
} Slot;

static const char * const slot_names[N_SLOTS] = {
  [SLOT_LANG] = "lang",
  [SLOT_DIR] = "dir",
  [SLOT_CLASS] = "class",
  [SLOT_FONT_SCALE] = "font-scale",
  [SLOT_TITLE] = "title",
  [SLOT_CSS] = "css",
  [SLOT_KICKER] = "kicker",
  [SLOT_HEADLINE] = "headline",
  [SLOT_LEDE] = "lede",
  [SLOT_META] = "meta",
  [SLOT_NOTICE] = "notice",
  [SLOT_MEDIA] = "media",
  [SLOT_BODY] = "body",
  [SLOT_TAGS] = "tags",
  [SLOT_READ_NEXT] = "read-next",
};

typedef struct
{
  Slot   slot;
  /* for SLOT_LITERAL: a part of the template */
  char  *text;
  gsize  length;
} Segment;

struct _BulletinArticleRenderer
{
  GObject      parent_instance;

  /* The template split once into literals and slots, so a value that
   * happens to contain "{{body}}" is never expanded.
   */
  GArray      *segments;
  char        *css;

  char        *font;
  double       font_scale;
  char        *default_language;
  char        *default_direction;
  char        *default_source;
  char        *local_image_dir;
  GHashTable  *image_cache;
  guint        dark : 1;
};

G_DEFINE_FINAL_TYPE (BulletinArticleRenderer, bulletin_article_renderer, G_TYPE_OBJECT)

static void
segment_clear (gpointer data)
{
  Segment *segment = data;

  g_clear_pointer (&segment->text, g_free);
}

static void
bulletin_article_renderer_finalize (GObject *object)
{
  BulletinArticleRenderer *self = BULLETIN_ARTICLE_RENDERER (object);

  g_clear_pointer (&self->segments, g_array_unref);
  g_clear_pointer (&self->css, g_free);
  g_clear_pointer (&self->font, g_free);
  g_clear_pointer (&self->default_language, g_free);
  g_clear_pointer (&self->default_direction, g_free);
  g_clear_pointer (&self->default_source, g_free);
  g_clear_pointer (&self->local_image_dir, g_free);
  g_clear_pointer (&self->image_cache, g_hash_table_unref);

  G_OBJECT_CLASS (bulletin_article_renderer_parent_class)->finalize (object);
}

static void
bulletin_article_renderer_class_init (BulletinArticleRendererClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bulletin_article_renderer_finalize;
}

static void
bulletin_article_renderer_init (BulletinArticleRenderer *self)
{
  self->segments = g_array_new (FALSE, TRUE, sizeof (Segment));
  g_array_set_clear_func (self->segments, segment_clear);
  self->font = g_strdup ("serif");
  self->font_scale = 1.0;
  self->local_image_dir = g_build_filename (g_get_user_data_dir (), "bulletin", NULL);
  self->image_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static gboolean
parse_template (BulletinArticleRenderer  *self,
                const char               *template_html,
                GError                  **error)
{
  const char *p = template_html;

  while (*p != '\0')
    {
      const char *open = strstr (p, "{{");
      const char *close;
      Segment literal = { SLOT_LITERAL, NULL, 0 };
      Segment slot = { SLOT_LITERAL, NULL, 0 };
      g_autofree char *name = NULL;

      if (open == NULL)
        open = p + strlen (p);

      if (open > p)
        {
          literal.text = g_strndup (p, open - p);
          literal.length = open - p;
          g_array_append_val (self->segments, literal);
        }

      if (*open == '\0')
        break;

      close = strstr (open + 2, "}}");
      if (close == NULL)
        {
          g_set_error (error, BULLETIN_ERROR, BULLETIN_ERROR_INVALID_DATA,
                       "The article template has an unclosed “{{” at offset %d",
                       (int) (open - template_html));
          return FALSE;
        }

      name = g_strstrip (g_strndup (open + 2, close - open - 2));
      for (guint i = SLOT_LITERAL + 1; i < N_SLOTS; i++)
        if (g_str_equal (name, slot_names[i]))
          slot.slot = (Slot) i;

      if (slot.slot == SLOT_LITERAL)
        {
          g_set_error (error, BULLETIN_ERROR, BULLETIN_ERROR_INVALID_DATA,
                       "The article template names an unknown slot “%s”", name);
          return FALSE;
        }

      g_array_append_val (self->segments, slot);
      p = close + 2;
    }

  return TRUE;
}

/**
 * bulletin_article_renderer_new:
 * @template_html: the article page template: HTML with `{{slot}}` markers
 *   (lang, dir, class, font-scale, title, css, kicker, headline, lede, meta,
 *   notice, media, body, tags, read-next)
 * @css: the style sheet inserted at `{{css}}`
 * @error: return location for a #GError
 *
 * Creates a renderer for the template. The template must carry the
 * Content-Security-Policy `<meta>` of #BULLETIN_ARTICLE_CSP, exactly: a
 * template without it is refused, so no article is ever shown without it.
 *
 * Returns: (transfer full) (nullable): a new renderer, or %NULL with
 *   %BULLETIN_ERROR_INVALID_DATA
 */
BulletinArticleRenderer *
bulletin_article_renderer_new (const char  *template_html,
                               const char  *css,
                               GError     **error)
{
  g_autoptr(BulletinArticleRenderer) self = NULL;

  g_return_val_if_fail (template_html != NULL, NULL);
  g_return_val_if_fail (css != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_utf8_validate (template_html, -1, NULL) || !g_utf8_validate (css, -1, NULL))
    {
      g_set_error_literal (error, BULLETIN_ERROR, BULLETIN_ERROR_INVALID_DATA,
                           "The article template or its style sheet is not UTF-8");
      return NULL;
    }

  if (strstr (template_html, CSP_META) == NULL)
    {
      g_set_error_literal (error, BULLETIN_ERROR, BULLETIN_ERROR_INVALID_DATA,
                           "The article template lacks the Content-Security-Policy");
      return NULL;
    }

  /* The style sheet goes inside <style>: it must not be able to close it */
  if (strstr (css, "</") != NULL)
    {
      g_set_error_literal (error, BULLETIN_ERROR, BULLETIN_ERROR_INVALID_DATA,
                           "The article style sheet contains “</”");
      return NULL;
    }

  self = g_object_new (BULLETIN_TYPE_ARTICLE_RENDERER, NULL);
  self->css = g_strdup (css);

  if (!parse_template (self, template_html, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * bulletin_article_renderer_set_dark:
 * @self: a #BulletinArticleRenderer
 * @dark: whether to use the dark colours
 *
 * Sets whether the page gets the `dark` class on its root element.
 */
void
bulletin_article_renderer_set_dark (BulletinArticleRenderer *self,
                                    gboolean                 dark)
{
  g_return_if_fail (BULLETIN_IS_ARTICLE_RENDERER (self));

  self->dark = !!dark;
}

gboolean
bulletin_article_renderer_get_dark (BulletinArticleRenderer *self)
{
  g_return_val_if_fail (BULLETIN_IS_ARTICLE_RENDERER (self), FALSE);

  return self->dark;
}

/**
 * bulletin_article_renderer_set_font:
 * @self: a #BulletinArticleRenderer
 * @font: "serif" or "sans" (the article-font setting); anything else is serif
 *
 * Sets the family of the article text.
 */
void
bulletin_article_renderer_set_font (BulletinArticleRenderer *self,
                                    const char              *font)
{
  g_return_if_fail (BULLETIN_IS_ARTICLE_RENDERER (self));

  g_free (self->font);
  self->font = g_strdup (g_strcmp0 (font, "sans") == 0 ? "sans" : "serif");
}

const char *
bulletin_article_renderer_get_font (BulletinArticleRenderer *self)
{
  g_return_val_if_fail (BULLETIN_IS_ARTICLE_RENDERER (self), NULL);

  return self->font;
}

/**
 * bulletin_article_renderer_set_font_scale:
 * @self: a #BulletinArticleRenderer
 * @scale: the text size relative to the default, clamped to 0.5–3.0
 *
 * Sets the `--font-scale` of the page.
 */
void
bulletin_article_renderer_set_font_scale (BulletinArticleRenderer *self,
                                          double                   scale)
{
  g_return_if_fail (BULLETIN_IS_ARTICLE_RENDERER (self));

  if (isnan (scale))
    scale = 1.0;

  self->font_scale = CLAMP (scale, 0.5, 3.0);
}

double
bulletin_article_renderer_get_font_scale (BulletinArticleRenderer *self)
{
  g_return_val_if_fail (BULLETIN_IS_ARTICLE_RENDERER (self), 1.0);

  return self->font_scale;
}

/**
 * bulletin_article_renderer_set_defaults:
 * @self: a #BulletinArticleRenderer
 * @language: (nullable): the edition's language, for articles that have none
 * @direction: (nullable): the edition's direction ("ltr" or "rtl")
 * @source: (nullable): the name shown as the source of articles without one
 *
 * Sets what an article inherits from its edition.
 */
void
bulletin_article_renderer_set_defaults (BulletinArticleRenderer *self,
                                        const char              *language,
                                        const char              *direction,
                                        const char              *source)
{
  g_return_if_fail (BULLETIN_IS_ARTICLE_RENDERER (self));

  g_free (self->default_language);
  self->default_language = g_strdup (language);
  g_free (self->default_direction);
  self->default_direction = g_strdup (direction);
  g_free (self->default_source);
  self->default_source = g_strdup (source);
}

/**
 * bulletin_article_renderer_set_local_image_dir:
 * @self: a #BulletinArticleRenderer
 * @dir: the only directory whose files may be shown as images
 *
 * Sets where `file://` images may come from: saved articles keep their
 * images under the app's data directory, which is the default
 * (`$XDG_DATA_HOME/bulletin`). A file anywhere else is never read.
 */
void
bulletin_article_renderer_set_local_image_dir (BulletinArticleRenderer *self,
                                               const char              *dir)
{
  g_return_if_fail (BULLETIN_IS_ARTICLE_RENDERER (self));
  g_return_if_fail (dir != NULL);

  g_free (self->local_image_dir);
  self->local_image_dir = g_strdup (dir);
  g_hash_table_remove_all (self->image_cache);
}

/* Escaping */

static void
append_escaped (GString    *out,
                const char *text)
{
  g_autofree char *valid = NULL;
  g_autofree char *escaped = NULL;

  if (text == NULL)
    return;

  valid = g_utf8_make_valid (text, -1);
  escaped = g_markup_escape_text (valid, -1);
  g_string_append (out, escaped);
}

/* Appends a translated format with one "%s" in it: the format's text is
 * escaped, and @html (already safe markup) goes where the "%s" was.
 */
static void
append_format_with_markup (GString    *out,
                           const char *format,
                           const char *html)
{
  const char *mark = strstr (format, "%s");
  g_autofree char *before = NULL;

  if (mark == NULL)
    {
      /* A broken translation: keep the value rather than lose it */
      append_escaped (out, format);
      g_string_append_c (out, ' ');
      g_string_append (out, html);
      return;
    }

  before = g_strndup (format, mark - format);
  append_escaped (out, before);
  g_string_append (out, html);
  append_escaped (out, mark + 2);
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;

  return TRUE;
}

/* Plain text from a field that may hold HTML (summaries do) */
static char *
field_as_text (const char *value)
{
  if (is_blank (value))
    return NULL;

  if (strchr (value, '<') == NULL && strchr (value, '&') == NULL)
    return g_strstrip (g_strdup (value));

  return g_strstrip (bulletin_html_to_text (value, -1));
}

/* Images */

static char *
data_uri_for_bytes (GBytes     *bytes,
                    const char *name)
{
  gsize size;
  const guchar *data = g_bytes_get_data (bytes, &size);
  g_autofree char *content_type = NULL;
  g_autofree char *mime = NULL;
  g_autofree char *base64 = NULL;
  gboolean uncertain = FALSE;

  if (size == 0 || size > MAX_LOCAL_IMAGE_SIZE)
    return NULL;

  content_type = g_content_type_guess (name, data, size, &uncertain);
  mime = g_content_type_get_mime_type (content_type);
  if (mime == NULL || !g_str_has_prefix (mime, "image/"))
    return NULL;

  base64 = g_base64_encode (data, size);

  return g_strconcat ("data:", mime, ";base64,", base64, NULL);
}

static char *
data_uri_for_resource (const char *uri)
{
  g_autoptr(GUri) parsed = g_uri_parse (uri, G_URI_FLAGS_NONE, NULL);
  g_autofree char *path = NULL;
  g_autoptr(GBytes) bytes = NULL;

  if (parsed == NULL || g_uri_get_path (parsed) == NULL)
    return NULL;

  /* The decoded, normalized path: "%2e%2e" and "/../" cannot climb out */
  path = g_canonicalize_filename (g_uri_get_path (parsed), "/");
  if (!g_str_has_prefix (path, OWN_RESOURCE_PREFIX))
    return NULL;

  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (bytes == NULL)
    return NULL;

  return data_uri_for_bytes (bytes, path);
}

static char *
data_uri_for_file (BulletinArticleRenderer *self,
                   const char              *uri)
{
  g_autofree char *path = g_filename_from_uri (uri, NULL, NULL);
  g_autofree char *real_path = NULL;
  g_autofree char *real_dir = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize length = 0;

  if (path == NULL)
    return NULL;

  /* Symbolic links and ".." resolved on both sides before comparing */
  real_path = realpath (path, NULL);
  real_dir = realpath (self->local_image_dir, NULL);
  if (real_path == NULL || real_dir == NULL)
    return NULL;

  if (!g_str_has_prefix (real_path, real_dir) || real_path[strlen (real_dir)] != G_DIR_SEPARATOR)
    return NULL;

  if (!g_file_test (real_path, G_FILE_TEST_IS_REGULAR))
    return NULL;

  if (!g_file_get_contents (real_path, &contents, &length, NULL))
    return NULL;

  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);

  return data_uri_for_bytes (bytes, real_path);
}

/**
 * bulletin_article_renderer_image_uri:
 * @self: a #BulletinArticleRenderer
 * @uri: (nullable): an image's URI
 *
 * Gives the URI under which the page can show the image: http and https
 * images as they are; `data:image/…` as it is; images of Bulletin's own
 * resources (`resource:///io/github/bulletinapp/Bulletin/…`) and files under
 * the local image directory as `data:` URIs, because the page's CSP allows
 * no other scheme. Anything else (other files, other resources, non-images,
 * other schemes) gives %NULL.
 *
 * Returns: (transfer full) (nullable): the URI to put in `src`, or %NULL
 */
char *
bulletin_article_renderer_image_uri (BulletinArticleRenderer *self,
                                     const char              *uri)
{
  g_autofree char *scheme = NULL;
  char *converted = NULL;

  g_return_val_if_fail (BULLETIN_IS_ARTICLE_RENDERER (self), NULL);

  if (uri == NULL || *uri == '\0')
    return NULL;

  if (bulletin_url_is_http (uri))
    return g_strdup (uri);

  scheme = g_uri_parse_scheme (uri);
  if (scheme == NULL)
    return NULL;

  if (g_ascii_strcasecmp (scheme, "data") == 0)
    return g_ascii_strncasecmp (uri, "data:image/", 11) == 0 ? g_strdup (uri) : NULL;

  converted = g_hash_table_lookup (self->image_cache, uri);
  if (converted != NULL)
    return g_strdup (converted);

  if (g_ascii_strcasecmp (scheme, "resource") == 0)
    converted = data_uri_for_resource (uri);
  else if (g_ascii_strcasecmp (scheme, "file") == 0)
    converted = data_uri_for_file (self, uri);

  if (converted == NULL)
    return NULL;

  if (g_hash_table_size (self->image_cache) >= MAX_CACHED_IMAGES)
    g_hash_table_remove_all (self->image_cache);
  g_hash_table_insert (self->image_cache, g_strdup (uri), g_strdup (converted));

  return converted;
}

/* Inline images of a body that point at Bulletin's own resources or at
 * saved copies on disk become data: URIs; other images are left for the
 * sanitizer to judge. The body is reparsed only when it mentions such a URI.
 */
static char *
localize_body_images (BulletinArticleRenderer *self,
                      const char              *body)
{
  htmlDocPtr doc;
  xmlNodePtr root;
  xmlNodePtr body_node = NULL;
  g_autoptr(GString) out = NULL;
  xmlBufferPtr buffer;
  xmlNodePtr node;

  if (strstr (body, "resource:") == NULL && strstr (body, "file:") == NULL)
    return g_strdup (body);

  doc = htmlReadMemory (body, strlen (body), NULL, "UTF-8",
                        HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                        HTML_PARSE_NONET | HTML_PARSE_NOIMPLIED);
  if (doc == NULL)
    return g_strdup (body);

  /* Walk every element, depth first, without recursion */
  root = xmlDocGetRootElement (doc);
  node = root;
  while (node != NULL)
    {
      if (node->type == XML_ELEMENT_NODE &&
          xmlStrcasecmp (node->name, BAD_CAST "img") == 0)
        {
          xmlChar *src = xmlGetProp (node, BAD_CAST "src");

          if (src != NULL)
            {
              g_autofree char *local = bulletin_article_renderer_image_uri (self, (const char *) src);

              if (local != NULL && !xmlStrEqual (src, BAD_CAST local))
                xmlSetProp (node, BAD_CAST "src", BAD_CAST local);
              xmlFree (src);
            }
          /* srcset may name other copies the page cannot load */
          xmlUnsetProp (node, BAD_CAST "srcset");
        }

      if (node->children != NULL && node->type == XML_ELEMENT_NODE)
        node = node->children;
      else
        {
          while (node != NULL && node->next == NULL)
            node = node->parent;
          if (node != NULL)
            node = node->next;
        }
    }

  /* Serialize the top-level siblings (NOIMPLIED keeps the fragment flat) */
  out = g_string_new (NULL);
  buffer = xmlBufferCreate ();
  for (node = doc->children; node != NULL; node = node->next)
    {
      if (node->type == XML_DTD_NODE)
        continue;
      if (node->type == XML_ELEMENT_NODE && xmlStrcasecmp (node->name, BAD_CAST "html") == 0)
        {
          body_node = node;
          break;
        }
      xmlBufferEmpty (buffer);
      htmlNodeDump (buffer, doc, node);
      g_string_append_len (out, (const char *) xmlBufferContent (buffer), xmlBufferLength (buffer));
    }

  if (body_node != NULL)
    {
      /* The parser still wrapped it: keep the children of <body> */
      xmlNodePtr child;

      for (child = body_node->children; child != NULL; child = child->next)
        if (child->type == XML_ELEMENT_NODE && xmlStrcasecmp (child->name, BAD_CAST "body") == 0)
          body_node = child;

      for (child = body_node->children; child != NULL; child = child->next)
        {
          xmlBufferEmpty (buffer);
          htmlNodeDump (buffer, doc, child);
          g_string_append_len (out, (const char *) xmlBufferContent (buffer), xmlBufferLength (buffer));
        }
    }

  xmlBufferFree (buffer);
  xmlFreeDoc (doc);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Pieces of the page */

static gboolean
is_rtl_language (const char *language)
{
  static const char * const rtl[] = { "ar", "he", "fa", "ur", "ps", "yi", "ckb", "dv", "sd", "ug", NULL };
  g_autofree char *primary = NULL;
  const char *dash;

  if (language == NULL)
    return FALSE;

  dash = strpbrk (language, "-_");
  primary = dash != NULL ? g_ascii_strdown (language, dash - language) : g_ascii_strdown (language, -1);

  return g_strv_contains (rtl, primary);
}

static gboolean
is_language_tag (const char *language)
{
  gsize length = 0;

  if (language == NULL || *language == '\0')
    return FALSE;

  for (const char *p = language; *p != '\0'; p++, length++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
      return FALSE;

  return length <= 35;
}

static const char *
article_language (BulletinArticleRenderer *self,
                  BulletinArticle         *article)
{
  const char *language = bulletin_article_get_language (article);

  if (is_language_tag (language))
    return language;
  if (is_language_tag (self->default_language))
    return self->default_language;

  return NULL;
}

static const char *
article_direction (BulletinArticleRenderer *self,
                   BulletinArticle         *article)
{
  const char *direction = bulletin_article_get_direction (article);
  const char *language = bulletin_article_get_language (article);

  if (g_strcmp0 (direction, "rtl") == 0 || g_strcmp0 (direction, "ltr") == 0)
    return direction;

  /* An article whose language is known decides before the edition does:
   * an English article in the Arabic edition reads left to right.
   */
  if (is_language_tag (language))
    return is_rtl_language (language) ? "rtl" : "ltr";

  if (g_strcmp0 (self->default_direction, "rtl") == 0 || g_strcmp0 (self->default_direction, "ltr") == 0)
    return self->default_direction;

  return is_rtl_language (self->default_language) ? "rtl" : "ltr";
}

/* The date is the article's: written in its language ("19 Jun 2023 14:25",
 * "١٩ يونيو ٢٠٢٣ ١٤:٢٥"), whatever the user's locale */
static void
append_time (GString    *out,
             GDateTime  *when,
             const char *language)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (when);
  g_autofree char *iso = bulletin_date_to_iso8601 (when);
  g_autofree char *shown = bulletin_date_format (local, language, BULLETIN_DATE_STYLE_DATE_TIME);

  g_string_append (out, "<time datetime=\"");
  append_escaped (out, iso);
  g_string_append (out, "\">");
  append_escaped (out, shown != NULL ? shown : iso);
  g_string_append (out, "</time>");
}

static guint
count_words (const char *text)
{
  gboolean in_word = FALSE;
  guint words = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gboolean space = g_unichar_isspace (g_utf8_get_char (p));

      if (!space && !in_word)
        words++;
      in_word = !space;
    }

  return words;
}

static guint
article_reading_minutes (BulletinArticle *article,
                         const char      *body_text)
{
  guint minutes = bulletin_article_get_reading_minutes (article);

  if (minutes > 0)
    return minutes;

  if (is_blank (body_text))
    return 0;

  return bulletin_reading_minutes_for_words (count_words (body_text));
}

/* Text with every run of white space made one space */
static char *
collapse_spaces (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/* Many feeds give the first paragraph as the summary: shown above a body
 * that opens with the same words, it would be read twice. A summary cut
 * short with an ellipsis counts as the same when the body goes on with it.
 */
static gboolean
lede_repeats_body (const char *lede,
                   const char *body_text)
{
  g_autofree char *lede_words = NULL;
  g_autofree char *body_words = NULL;
  gsize length;

  if (lede == NULL || body_text == NULL)
    return FALSE;

  lede_words = collapse_spaces (lede);
  body_words = collapse_spaces (body_text);
  length = strlen (lede_words);

  if (g_str_has_suffix (lede_words, "…"))
    length -= strlen ("…");
  else if (g_str_has_suffix (lede_words, "..."))
    length -= 3;

  /* A few words in common prove nothing */
  if (length < 40)
    return FALSE;

  return strncmp (body_words, lede_words, length) == 0;
}

static void
append_kicker (GString         *out,
               BulletinArticle *article)
{
  const char *section = bulletin_article_get_section_title (article);

  if (bulletin_article_get_kind (article) == BULLETIN_ARTICLE_KIND_LIVE)
    {
      g_string_append (out, "<span class=\"live\">");
      append_escaped (out, C_("article kind", "Live"));
      g_string_append (out, "</span> ");
    }

  if (!is_blank (section))
    {
      g_string_append (out, "<span class=\"section\" dir=\"auto\">");
      append_escaped (out, section);
      g_string_append (out, "</span>");
    }
}

/* The meta line mixes the interface's language ("By", "min read") with the
 * article's (the name, the date): the text of each part is isolated in a
 * <bdi>, so that an Arabic byline in an English article, or the reverse,
 * keeps its words in order while the separators between the parts stay in
 * the article's direction */
static void
append_meta (BulletinArticleRenderer *self,
             GString                 *out,
             BulletinArticle         *article,
             const char              *body_text)
{
  const char *author = bulletin_article_get_author (article);
  const char *source = bulletin_article_get_source (article);
  GDateTime *published = bulletin_article_get_published (article);
  guint minutes = article_reading_minutes (article, body_text);

  if (published == NULL)
    published = bulletin_article_get_updated (article);
  if (is_blank (source))
    source = self->default_source;

  if (!is_blank (author))
    {
      g_autoptr(GString) name = g_string_new ("<bdi class=\"author\">");

      append_escaped (name, author);
      g_string_append (name, "</bdi>");
      /* An isolating span rather than a bdi: the author's bdi inside is
       * the byline's only one */
      g_string_append (out, "<span class=\"byline\"><span dir=\"auto\">");
      /* Translators: the byline of an article; %s is the author's name */
      append_format_with_markup (out, _("By %s"), name->str);
      g_string_append (out, "</span></span>");
    }

  if (!is_blank (source))
    {
      g_string_append (out, "<span class=\"source\"><bdi>");
      append_escaped (out, source);
      g_string_append (out, "</bdi></span>");
    }

  if (published != NULL)
    {
      g_string_append (out, "<span class=\"date\"><bdi>");
      append_time (out, published, article_language (self, article));
      g_string_append (out, "</bdi></span>");
    }

  if (minutes > 0)
    {
      g_autofree char *text = NULL;

      /* Translators: the reading time of an article */
      text = g_strdup_printf (ngettext ("%u min read", "%u min read", minutes), minutes);
      g_string_append (out, "<span class=\"reading-time\"><bdi>");
      append_escaped (out, text);
      g_string_append (out, "</bdi></span>");
    }
}

static void
append_figure (BulletinArticleRenderer *self,
               GString                 *out,
               const char              *css_class,
               const char              *image,
               const char              *caption)
{
  g_autofree char *src = bulletin_article_renderer_image_uri (self, image);

  if (src == NULL)
    return;

  g_string_append_printf (out, "<figure class=\"%s\"><img src=\"", css_class);
  append_escaped (out, src);
  g_string_append (out, "\" alt=\"");
  append_escaped (out, caption);
  g_string_append (out, "\">");
  if (!is_blank (caption))
    {
      g_string_append (out, "<figcaption dir=\"auto\">");
      append_escaped (out, caption);
      g_string_append (out, "</figcaption>");
    }
  g_string_append (out, "</figure>");
}

static const char *
video_media_url (BulletinArticle *article)
{
  const char *media = bulletin_article_get_media_url (article);
  GPtrArray *enclosures = bulletin_article_get_enclosures (article);

  if (bulletin_url_is_http (media))
    return media;

  for (guint i = 0; enclosures != NULL && i < enclosures->len; i++)
    {
      const BulletinEnclosure *enclosure = g_ptr_array_index (enclosures, i);

      if (enclosure->type != NULL &&
          (g_str_has_prefix (enclosure->type, "video/") || g_str_has_prefix (enclosure->type, "audio/")) &&
          bulletin_url_is_http (enclosure->url))
        return enclosure->url;
    }

  /* The video's own page, which plays it */
  if (bulletin_url_is_http (bulletin_article_get_url (article)))
    return bulletin_article_get_url (article);

  return NULL;
}

static void
append_video (BulletinArticleRenderer *self,
              GString                 *out,
              BulletinArticle         *article)
{
  const char *media = video_media_url (article);
  const char *caption = bulletin_article_get_image_caption (article);
  g_autofree char *poster = bulletin_article_renderer_image_uri (self, bulletin_article_get_image (article));

  if (media == NULL)
    {
      append_figure (self, out, "hero", bulletin_article_get_image (article), caption);
      return;
    }

  g_string_append (out, "<figure class=\"video\"><a class=\"play\" href=\"");
  append_escaped (out, media);
  g_string_append (out, "\">");
  if (poster != NULL)
    {
      g_string_append (out, "<img src=\"");
      append_escaped (out, poster);
      g_string_append (out, "\" alt=\"\">");
    }
  g_string_append (out, "<span class=\"play-button\" role=\"img\" aria-label=\"");
  append_escaped (out, _("Play video"));
  g_string_append (out, "\"></span></a>");
  if (!is_blank (caption))
    {
      g_string_append (out, "<figcaption dir=\"auto\">");
      append_escaped (out, caption);
      g_string_append (out, "</figcaption>");
    }
  g_string_append (out, "</figure>");
}

static void
append_gallery (BulletinArticleRenderer *self,
                GString                 *out,
                BulletinArticle         *article)
{
  const char * const *gallery = bulletin_article_get_gallery (article);
  const char *hero = bulletin_article_get_image (article);
  const char *hero_caption = bulletin_article_get_image_caption (article);
  guint total = gallery != NULL ? g_strv_length ((char **) gallery) : 0;
  gsize start = out->len;
  guint shown = 0;

  if (total == 0)
    {
      append_figure (self, out, "hero", hero, hero_caption);
      return;
    }

  g_string_append (out, "<section class=\"gallery\">");
  for (guint i = 0; i < total; i++)
    {
      g_autofree char *src = bulletin_article_renderer_image_uri (self, gallery[i]);
      g_autofree char *position = NULL;
      const char *caption = NULL;

      if (src == NULL)
        continue;

      /* The data model has a caption only for the lead picture */
      if (g_strcmp0 (gallery[i], hero) == 0)
        caption = hero_caption;
      /* Translators: the position of a picture in a gallery */
      position = g_strdup_printf (_("Picture %u of %u"), i + 1, total);

      g_string_append (out, "<figure><img src=\"");
      append_escaped (out, src);
      g_string_append (out, "\" alt=\"");
      append_escaped (out, caption != NULL ? caption : position);
      g_string_append (out, "\"");
      /* Lazy images load after layout and hold the page's load back:
       * only pictures well below the first screen are left for later */
      if (shown >= 4)
        g_string_append (out, " loading=\"lazy\"");
      g_string_append (out, "><figcaption dir=\"auto\"><span class=\"position\">");
      append_escaped (out, position);
      g_string_append (out, "</span>");
      if (!is_blank (caption))
        {
          g_string_append (out, " ");
          append_escaped (out, caption);
        }
      g_string_append (out, "</figcaption></figure>");
      shown++;
    }
  g_string_append (out, "</section>");

  if (shown == 0)
    {
      g_string_truncate (out, start);
      append_figure (self, out, "hero", hero, hero_caption);
    }
}

static void
append_media (BulletinArticleRenderer *self,
              GString                 *out,
              BulletinArticle         *article,
              const char              *safe_body)
{
  const char *image = bulletin_article_get_image (article);

  switch (bulletin_article_get_kind (article))
    {
    case BULLETIN_ARTICLE_KIND_VIDEO:
      append_video (self, out, article);
      break;

    case BULLETIN_ARTICLE_KIND_GALLERY:
      append_gallery (self, out, article);
      break;

    case BULLETIN_ARTICLE_KIND_ARTICLE:
    case BULLETIN_ARTICLE_KIND_LIVE:
    default:
      /* A body that has the same picture shows it already */
      if (image != NULL && safe_body != NULL)
        {
          g_autofree char *src = bulletin_article_renderer_image_uri (self, image);

          if (strstr (safe_body, image) != NULL || (src != NULL && strstr (safe_body, src) != NULL))
            break;
        }
      append_figure (self, out, "hero", image, bulletin_article_get_image_caption (article));
      break;
    }
}

static void
append_tags (GString         *out,
             BulletinArticle *article)
{
  const char * const *tags = bulletin_article_get_tags (article);
  gboolean any = FALSE;

  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      if (is_blank (tags[i]))
        continue;

      if (!any)
        {
          g_string_append (out, "<ul class=\"tags\" aria-label=\"");
          append_escaped (out, _("Tags"));
          g_string_append (out, "\">");
          any = TRUE;
        }
      g_string_append (out, "<li dir=\"auto\">");
      append_escaped (out, tags[i]);
      g_string_append (out, "</li>");
    }

  if (any)
    g_string_append (out, "</ul>");
}

static void
append_read_next (BulletinArticleRenderer *self,
                  GString                 *out,
                  GPtrArray               *read_next)
{
  if (read_next == NULL || read_next->len == 0)
    return;

  g_string_append (out, "<nav class=\"read-next\" aria-labelledby=\"read-next-title\"><h2 id=\"read-next-title\">");
  append_escaped (out, _("Read Next"));
  g_string_append (out, "</h2><ul>");

  for (guint i = 0; i < read_next->len; i++)
    {
      BulletinArticle *item = g_ptr_array_index (read_next, i);
      g_autofree char *thumbnail = bulletin_article_renderer_image_uri (self, bulletin_article_get_image (item));
      GDateTime *published = bulletin_article_get_published (item);

      g_string_append_printf (out, "<li><a href=\"%s%u\">", BULLETIN_READ_NEXT_URI_PREFIX, i);
      if (thumbnail != NULL)
        {
          g_string_append (out, "<img src=\"");
          append_escaped (out, thumbnail);
          g_string_append (out, "\" alt=\"\">");
        }
      g_string_append (out, "<span class=\"title\" dir=\"auto\">");
      append_escaped (out, bulletin_article_get_title (item));
      g_string_append (out, "</span>");
      if (published != NULL)
        {
          g_string_append (out, "<span class=\"date\">");
          append_time (out, published, article_language (self, item));
          g_string_append (out, "</span>");
        }
      g_string_append (out, "</a></li>");
    }

  g_string_append (out, "</ul></nav>");
}

/**
 * bulletin_article_renderer_render:
 * @self: a #BulletinArticleRenderer
 * @article: the article
 * @read_next: (nullable) (element-type BulletinArticle): the "Read next"
 *   items, linked as #BULLETIN_READ_NEXT_URI_PREFIX followed by their index
 *   (see bulletin_article_pick_read_next())
 * @flags: #BulletinRenderFlags
 *
 * Fills the template with @article. Text fields are escaped; the body is
 * sanitized here again, with its own and local images made `data:` URIs.
 * An article without a body shows its summary as the lede.
 *
 * Returns: (transfer full): the page's HTML
 */
char *
bulletin_article_renderer_render (BulletinArticleRenderer *self,
                                  BulletinArticle         *article,
                                  GPtrArray               *read_next,
                                  BulletinRenderFlags      flags)
{
  g_autoptr(GString) out = NULL;
  g_autofree char *safe_body = NULL;
  g_autofree char *body_text = NULL;
  g_autofree char *lede = NULL;
  g_autofree char *title = NULL;
  const char *body;
  const char *language;
  char scale[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_val_if_fail (BULLETIN_IS_ARTICLE_RENDERER (self), NULL);
  g_return_val_if_fail (BULLETIN_IS_ARTICLE (article), NULL);

  body = bulletin_article_get_body (article);
  if (!is_blank (body))
    {
      /* Own and saved pictures become data: first, as the sanitizer keeps
       * no resource: or file: URL; then the sanitizer has the last word.
       */
      g_autofree char *localized = localize_body_images (self, body);

      safe_body = bulletin_sanitize_html (localized, -1, bulletin_article_get_url (article));
      if (is_blank (safe_body))
        g_clear_pointer (&safe_body, g_free);
    }

  if (safe_body != NULL)
    body_text = bulletin_html_to_text (safe_body, -1);

  lede = field_as_text (bulletin_article_get_summary (article));
  if (lede_repeats_body (lede, body_text))
    g_clear_pointer (&lede, g_free);
  /* Titles are plain text: "<i>" in one is the characters "<i>" */
  if (!is_blank (bulletin_article_get_title (article)))
    title = g_strstrip (g_strdup (bulletin_article_get_title (article)));
  else
    title = g_strdup (_("Untitled Article"));
  language = article_language (self, article);
  g_ascii_formatd (scale, sizeof scale, "%.3g", self->font_scale);

  out = g_string_sized_new (8192 + (safe_body != NULL ? strlen (safe_body) : 0));

  for (guint i = 0; i < self->segments->len; i++)
    {
      const Segment *segment = &g_array_index (self->segments, Segment, i);

      switch (segment->slot)
        {
        case SLOT_LITERAL:
          g_string_append_len (out, segment->text, segment->length);
          break;

        case SLOT_LANG:
          append_escaped (out, language != NULL ? language : "");
          break;

        case SLOT_DIR:
          g_string_append (out, article_direction (self, article));
          break;

        case SLOT_CLASS:
          g_string_append (out, self->font);
          g_string_append (out, self->dark ? " dark" : " light");
          g_string_append_printf (out, " kind-%s", bulletin_article_kind_to_string (bulletin_article_get_kind (article)));
          if (flags & BULLETIN_RENDER_LOADING)
            g_string_append (out, " loading");
          break;

        case SLOT_FONT_SCALE:
          g_string_append (out, scale);
          break;

        case SLOT_TITLE:
        case SLOT_HEADLINE:
          append_escaped (out, title);
          break;

        case SLOT_CSS:
          g_string_append (out, self->css);
          break;

        case SLOT_KICKER:
          append_kicker (out, article);
          break;

        case SLOT_LEDE:
          if (lede != NULL)
            {
              g_string_append (out, "<p class=\"lede\" dir=\"auto\">");
              append_escaped (out, lede);
              g_string_append (out, "</p>");
            }
          break;

        case SLOT_META:
          append_meta (self, out, article, body_text);
          break;

        case SLOT_NOTICE:
          if (flags & BULLETIN_RENDER_LOADING)
            {
              g_string_append (out, "<p class=\"notice loading\" role=\"status\"><span class=\"spinner\"></span>");
              append_escaped (out, _("Loading the full article…"));
              g_string_append (out, "</p>");
            }
          break;

        case SLOT_MEDIA:
          append_media (self, out, article, safe_body);
          break;

        case SLOT_BODY:
          if (safe_body != NULL)
            g_string_append (out, safe_body);
          break;

        case SLOT_TAGS:
          append_tags (out, article);
          break;

        case SLOT_READ_NEXT:
          append_read_next (self, out, read_next);
          break;

        case N_SLOTS:
        default:
          g_assert_not_reached ();
        }
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
same_article (BulletinArticle *a,
              BulletinArticle *b)
{
  const char *url_a = bulletin_article_get_url (a);
  const char *id_a = bulletin_article_get_id (a);

  if (a == b)
    return TRUE;
  if (url_a != NULL && g_strcmp0 (url_a, bulletin_article_get_url (b)) == 0)
    return TRUE;
  if (id_a != NULL && g_strcmp0 (id_a, bulletin_article_get_id (b)) == 0)
    return TRUE;

  return FALSE;
}

/**
 * bulletin_article_pick_read_next:
 * @article: the article being read
 * @candidates: (nullable): a #GListModel of #BulletinArticle, in the order
 *   to offer them (the section being read, newest first)
 * @max_items: at most this many (0 means 4)
 *
 * Picks the "Read next" items: other articles of @article's section, in the
 * order of @candidates, skipping @article itself, duplicates and articles
 * without a title. When @article has a section, candidates known to be of
 * another section are skipped.
 *
 * Returns: (transfer container) (element-type BulletinArticle): the picks,
 *   possibly empty
 */
GPtrArray *
bulletin_article_pick_read_next (BulletinArticle *article,
                                 GListModel      *candidates,
                                 guint            max_items)
{
  g_autoptr(GPtrArray) picks = g_ptr_array_new_with_free_func (g_object_unref);
  const char *section;
  guint n_items;

  g_return_val_if_fail (BULLETIN_IS_ARTICLE (article), NULL);
  g_return_val_if_fail (candidates == NULL || G_IS_LIST_MODEL (candidates), NULL);

  if (max_items == 0)
    max_items = MAX_READ_NEXT;

  if (candidates == NULL)
    return g_steal_pointer (&picks);

  section = bulletin_article_get_section (article);
  n_items = g_list_model_get_n_items (candidates);

  for (guint i = 0; i < n_items && picks->len < max_items; i++)
    {
      g_autoptr(GObject) object = g_list_model_get_item (candidates, i);
      BulletinArticle *candidate;
      const char *candidate_section;
      gboolean duplicate = FALSE;

      if (!BULLETIN_IS_ARTICLE (object))
        continue;

      candidate = BULLETIN_ARTICLE (object);
      candidate_section = bulletin_article_get_section (candidate);

      if (same_article (article, candidate) || is_blank (bulletin_article_get_title (candidate)))
        continue;
      if (section != NULL && candidate_section != NULL && g_strcmp0 (section, candidate_section) != 0)
        continue;

      for (guint j = 0; j < picks->len && !duplicate; j++)
        duplicate = same_article (g_ptr_array_index (picks, j), candidate);
      if (duplicate)
        continue;

      g_ptr_array_add (picks, g_object_ref (candidate));
    }

  return g_steal_pointer (&picks);
}

/**
 * bulletin_article_parse_read_next_uri:
 * @uri: (nullable): a link's URI
 *
 * Returns: the index of the "Read next" item @uri points at, or -1 when it
 *   is not such a link
 */
int
bulletin_article_parse_read_next_uri (const char *uri)
{
  const char *digits;
  char *end = NULL;
  guint64 index;

  if (uri == NULL || !g_str_has_prefix (uri, BULLETIN_READ_NEXT_URI_PREFIX))
    return -1;

  digits = uri + strlen (BULLETIN_READ_NEXT_URI_PREFIX);
  if (!g_ascii_isdigit (*digits))
    return -1;

  errno = 0;
  index = g_ascii_strtoull (digits, &end, 10);
  if (errno != 0 || *end != '\0' || index > 1000)
    return -1;

  return (int) index;
}
