/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bulletin-sanitizer"

#include "config.h"

#include <string.h>
#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>

#include "bulletin-bytes-private.h"
#include "bulletin-html-tokenizer.h"
#include "bulletin-sanitizer-private.h"
#include "bulletin-url-private.h"

/* Remote HTML goes through libxml2's HTML parser, which turns whatever it
 * is given into a stream of balanced start tags, end tags and decoded
 * text. The sanitizer listens to that stream (SAX) rather than building a
 * tree: memory stays proportional to the input and nesting depth costs
 * no stack. Every element and attribute is checked against an allow-list
 * and written out again with its values escaped, so nothing of the input
 * reaches the output that was not understood first. Comments, processing
 * instructions, doctype declarations and unknown entities never do.
 *
 * Most feed HTML is simple, and for it a strict reader of our own
 * (bulletin-html-tokenizer.c) gives the walker the very events libxml2's
 * parser would, several times faster; at the first thing it is not sure
 * of, the walker starts again from nothing on libxml2's events. The
 * tests compare the two on every HTML input they can find.
 *
 * The output follows the serialization of the Python feedparser's
 * sanitizer where that is safe: attribute order kept, empty values kept
 * as attr="", void elements as <img ... />, the same CSS allow-list.
 */

/* Elements kept open beyond this depth are unwrapped: their text stays,
 * their tags go, so no consumer of our output has to nest deeper.
 */
#define MAX_KEPT_DEPTH 256

typedef enum
{
  ACTION_UNWRAP,  /* drop the tags, keep the content (also every unknown element) */
  ACTION_KEEP,    /* keep the element and its allowed attributes */
  ACTION_DROP,    /* drop the element with everything in it */
} ElementAction;

enum
{
  /* void in HTML5: no end tag, and no content even where libxml2 (which
   * knows HTML 4) thinks otherwise */
  FLAG_VOID = 1 << 0,
  /* for plain text: a line of its own */
  FLAG_LINE = 1 << 1,
  /* for plain text: a paragraph of its own */
  FLAG_PARAGRAPH = 1 << 2,
  /* for plain text: set apart by a space (table cells) */
  FLAG_CELL = 1 << 3,
  /* for plain text: white space kept as it is */
  FLAG_PRE = 1 << 4,
};

typedef struct
{
  const char *name;
  guint8      action;
  guint8      flags;
} ElementRule;

#define KEEP ACTION_KEEP
#define DROP ACTION_DROP
#define UNWRAP ACTION_UNWRAP

static const ElementRule element_rules[] = {
  /* What an article needs, and the harmless rest of feedparser's list. */
  { "a", KEEP, 0 },
  { "abbr", KEEP, 0 },
  { "acronym", KEEP, 0 },
  { "address", KEEP, FLAG_PARAGRAPH },
  { "area", KEEP, FLAG_VOID },
  { "article", KEEP, FLAG_LINE },
  { "aside", KEEP, FLAG_LINE },
  { "audio", KEEP, FLAG_LINE },
  { "b", KEEP, 0 },
  { "bdi", KEEP, 0 },
  { "bdo", KEEP, 0 },
  { "big", KEEP, 0 },
  { "blockquote", KEEP, FLAG_PARAGRAPH },
  { "br", KEEP, FLAG_VOID },
  { "canvas", KEEP, 0 },
  { "caption", KEEP, FLAG_LINE },
  { "center", KEEP, FLAG_LINE },
  { "cite", KEEP, 0 },
  { "code", KEEP, 0 },
  { "col", KEEP, FLAG_VOID },
  { "colgroup", KEEP, 0 },
  { "data", KEEP, 0 },
  { "dd", KEEP, FLAG_LINE },
  { "del", KEEP, 0 },
  { "details", KEEP, FLAG_PARAGRAPH },
  { "dfn", KEEP, 0 },
  { "dialog", KEEP, FLAG_PARAGRAPH },
  { "dir", KEEP, FLAG_PARAGRAPH },
  { "div", KEEP, FLAG_LINE },
  { "dl", KEEP, FLAG_PARAGRAPH },
  { "dt", KEEP, FLAG_LINE },
  { "em", KEEP, 0 },
  { "fieldset", KEEP, FLAG_PARAGRAPH },
  { "figcaption", KEEP, FLAG_LINE },
  { "figure", KEEP, FLAG_PARAGRAPH },
  { "font", KEEP, 0 },
  { "footer", KEEP, FLAG_LINE },
  { "h1", KEEP, FLAG_PARAGRAPH },
  { "h2", KEEP, FLAG_PARAGRAPH },
  { "h3", KEEP, FLAG_PARAGRAPH },
  { "h4", KEEP, FLAG_PARAGRAPH },
  { "h5", KEEP, FLAG_PARAGRAPH },
  { "h6", KEEP, FLAG_PARAGRAPH },
  { "header", KEEP, FLAG_LINE },
  { "hgroup", KEEP, FLAG_LINE },
  { "hr", KEEP, FLAG_VOID | FLAG_PARAGRAPH },
  { "i", KEEP, 0 },
  { "img", KEEP, FLAG_VOID },
  { "ins", KEEP, 0 },
  { "kbd", KEEP, 0 },
  { "label", KEEP, 0 },
  { "legend", KEEP, FLAG_LINE },
  { "li", KEEP, FLAG_LINE },
  { "main", KEEP, FLAG_LINE },
  { "map", KEEP, 0 },
  { "mark", KEEP, 0 },
  { "menu", KEEP, FLAG_PARAGRAPH },
  { "meter", KEEP, 0 },
  { "nav", KEEP, FLAG_LINE },
  { "ol", KEEP, FLAG_PARAGRAPH },
  { "output", KEEP, 0 },
  { "p", KEEP, FLAG_PARAGRAPH },
  { "picture", KEEP, 0 },
  { "pre", KEEP, FLAG_PARAGRAPH | FLAG_PRE },
  { "progress", KEEP, 0 },
  { "q", KEEP, 0 },
  { "rp", KEEP, 0 },
  { "rt", KEEP, 0 },
  { "rtc", KEEP, 0 },
  { "ruby", KEEP, 0 },
  { "s", KEEP, 0 },
  { "samp", KEEP, 0 },
  { "section", KEEP, FLAG_LINE },
  { "small", KEEP, 0 },
  { "source", KEEP, FLAG_VOID },
  { "span", KEEP, 0 },
  { "strike", KEEP, 0 },
  { "strong", KEEP, 0 },
  { "sub", KEEP, 0 },
  { "summary", KEEP, FLAG_LINE },
  { "sup", KEEP, 0 },
  { "table", KEEP, FLAG_PARAGRAPH },
  { "tbody", KEEP, 0 },
  { "td", KEEP, FLAG_CELL },
  { "tfoot", KEEP, 0 },
  { "th", KEEP, FLAG_CELL },
  { "thead", KEEP, 0 },
  { "time", KEEP, 0 },
  { "tr", KEEP, FLAG_LINE },
  { "track", KEEP, FLAG_VOID },
  { "tt", KEEP, 0 },
  { "u", KEEP, 0 },
  { "ul", KEEP, FLAG_PARAGRAPH },
  { "var", KEEP, 0 },
  { "video", KEEP, FLAG_LINE },
  { "wbr", KEEP, FLAG_VOID },
  /* obsolete or never implemented, harmless, and on feedparser's list */
  { "datagrid", KEEP, 0 },
  { "event-source", KEEP, 0 },
  { "m", KEEP, 0 },
  { "multicol", KEEP, 0 },
  { "nextid", KEEP, 0 },
  { "sound", KEEP, 0 },
  { "spacer", KEEP, 0 },

  /* Code, styles, other documents, plugins, forms' controls, and the
   * foreign content (SVG, MathML) where HTML parsers disagree: gone with
   * all they hold. */
  { "applet", DROP, 0 },
  { "base", DROP, FLAG_VOID },
  { "basefont", DROP, FLAG_VOID },
  { "bgsound", DROP, FLAG_VOID },
  { "button", DROP, 0 },
  { "command", DROP, FLAG_VOID },
  { "datalist", DROP, 0 },
  { "embed", DROP, FLAG_VOID },
  { "frame", DROP, FLAG_VOID },
  { "frameset", DROP, 0 },
  { "head", DROP, 0 },
  { "iframe", DROP, 0 },
  { "ilayer", DROP, 0 },
  { "image", DROP, FLAG_VOID },
  { "input", DROP, FLAG_VOID },
  { "isindex", DROP, FLAG_VOID },
  { "keygen", DROP, FLAG_VOID },
  { "layer", DROP, 0 },
  { "link", DROP, FLAG_VOID },
  { "math", DROP, 0 },
  { "menuitem", DROP, 0 },
  { "meta", DROP, FLAG_VOID },
  { "noembed", DROP, 0 },
  { "noframes", DROP, 0 },
  { "noscript", DROP, 0 },
  { "optgroup", DROP, 0 },
  { "option", DROP, 0 },
  { "param", DROP, FLAG_VOID },
  { "portal", DROP, 0 },
  { "script", DROP, 0 },
  { "select", DROP, 0 },
  { "style", DROP, 0 },
  { "svg", DROP, 0 },
  { "template", DROP, 0 },
  { "textarea", DROP, 0 },
  { "title", DROP, 0 },
  { "xml", DROP, 0 },

  /* Unwrapped, listed only for their place in plain text. */
  { "body", UNWRAP, FLAG_LINE },
  { "form", UNWRAP, FLAG_LINE },
  { "listing", UNWRAP, FLAG_PARAGRAPH | FLAG_PRE },
  { "marquee", UNWRAP, FLAG_LINE },
  /* the plugin goes, its fallback content stays */
  { "object", UNWRAP, 0 },
  { "plaintext", UNWRAP, FLAG_PARAGRAPH | FLAG_PRE },
  { "xmp", UNWRAP, FLAG_PARAGRAPH | FLAG_PRE },
};

#undef KEEP
#undef DROP
#undef UNWRAP

typedef enum
{
  ATTR_PLAIN,
  ATTR_LINK,    /* a URL one may follow: http, https, mailto */
  ATTR_MEDIA,   /* a URL that loads: http, https (and data:image/… in img) */
  ATTR_SRCSET,
  ATTR_STYLE,
  ATTR_PING,
} AttributeKind;

typedef struct
{
  const char *name;
  guint8      kind;
} AttributeRule;

/* feedparser's list, less nothing dangerous, plus what responsive images
 * and media tracks need. Event handlers, formaction, xlink:href, xmlns
 * and data-* are not in it, so they go. */
static const AttributeRule attribute_rules[] = {
  { "abbr", ATTR_PLAIN }, { "accept", ATTR_PLAIN }, { "accept-charset", ATTR_PLAIN },
  { "accesskey", ATTR_PLAIN }, { "action", ATTR_LINK }, { "align", ATTR_PLAIN },
  { "alt", ATTR_PLAIN }, { "autocomplete", ATTR_PLAIN }, { "autofocus", ATTR_PLAIN },
  { "axis", ATTR_PLAIN }, { "background", ATTR_MEDIA }, { "balance", ATTR_PLAIN },
  { "bgcolor", ATTR_PLAIN }, { "bgproperties", ATTR_PLAIN }, { "border", ATTR_PLAIN },
  { "bordercolor", ATTR_PLAIN }, { "bordercolordark", ATTR_PLAIN },
  { "bordercolorlight", ATTR_PLAIN }, { "bottompadding", ATTR_PLAIN },
  { "cellpadding", ATTR_PLAIN }, { "cellspacing", ATTR_PLAIN }, { "ch", ATTR_PLAIN },
  { "challenge", ATTR_PLAIN }, { "char", ATTR_PLAIN }, { "charoff", ATTR_PLAIN },
  { "charset", ATTR_PLAIN }, { "checked", ATTR_PLAIN }, { "choff", ATTR_PLAIN },
  { "cite", ATTR_LINK }, { "class", ATTR_PLAIN }, { "clear", ATTR_PLAIN },
  { "color", ATTR_PLAIN }, { "cols", ATTR_PLAIN }, { "colspan", ATTR_PLAIN },
  { "compact", ATTR_PLAIN }, { "contenteditable", ATTR_PLAIN }, { "controls", ATTR_PLAIN },
  { "coords", ATTR_PLAIN }, { "data", ATTR_MEDIA }, { "datafld", ATTR_PLAIN },
  { "datapagesize", ATTR_PLAIN }, { "datasrc", ATTR_MEDIA }, { "datetime", ATTR_PLAIN },
  { "default", ATTR_PLAIN }, { "delay", ATTR_PLAIN }, { "dir", ATTR_PLAIN },
  { "disabled", ATTR_PLAIN }, { "draggable", ATTR_PLAIN }, { "dynsrc", ATTR_MEDIA },
  { "enctype", ATTR_PLAIN }, { "end", ATTR_PLAIN }, { "face", ATTR_PLAIN },
  { "for", ATTR_PLAIN }, { "form", ATTR_PLAIN }, { "frame", ATTR_PLAIN },
  { "galleryimg", ATTR_PLAIN }, { "gutter", ATTR_PLAIN }, { "headers", ATTR_PLAIN },
  { "height", ATTR_PLAIN }, { "hidden", ATTR_PLAIN }, { "high", ATTR_PLAIN },
  { "href", ATTR_LINK }, { "hreflang", ATTR_PLAIN }, { "hspace", ATTR_PLAIN },
  { "icon", ATTR_MEDIA }, { "id", ATTR_PLAIN }, { "inputmode", ATTR_PLAIN },
  { "ismap", ATTR_PLAIN }, { "keytype", ATTR_PLAIN }, { "kind", ATTR_PLAIN },
  { "label", ATTR_PLAIN }, { "lang", ATTR_PLAIN }, { "leftspacing", ATTR_PLAIN },
  { "list", ATTR_PLAIN }, { "loading", ATTR_PLAIN }, { "longdesc", ATTR_LINK }, { "loop", ATTR_PLAIN },
  { "loopcount", ATTR_PLAIN }, { "loopend", ATTR_PLAIN }, { "loopstart", ATTR_PLAIN },
  { "low", ATTR_PLAIN }, { "lowsrc", ATTR_MEDIA }, { "max", ATTR_PLAIN },
  { "maxlength", ATTR_PLAIN }, { "media", ATTR_PLAIN }, { "method", ATTR_PLAIN },
  { "min", ATTR_PLAIN }, { "multiple", ATTR_PLAIN }, { "name", ATTR_PLAIN },
  { "nohref", ATTR_PLAIN }, { "noshade", ATTR_PLAIN }, { "nowrap", ATTR_PLAIN },
  { "open", ATTR_PLAIN }, { "optimum", ATTR_PLAIN }, { "pattern", ATTR_PLAIN },
  { "ping", ATTR_PING }, { "point-size", ATTR_PLAIN }, { "poster", ATTR_MEDIA },
  { "pqg", ATTR_PLAIN }, { "preload", ATTR_PLAIN }, { "prompt", ATTR_PLAIN },
  { "radiogroup", ATTR_PLAIN }, { "readonly", ATTR_PLAIN }, { "rel", ATTR_PLAIN },
  { "repeat-max", ATTR_PLAIN }, { "repeat-min", ATTR_PLAIN }, { "replace", ATTR_PLAIN },
  { "required", ATTR_PLAIN }, { "rev", ATTR_PLAIN }, { "reversed", ATTR_PLAIN },
  { "rightspacing", ATTR_PLAIN }, { "rows", ATTR_PLAIN }, { "rowspan", ATTR_PLAIN },
  { "rules", ATTR_PLAIN }, { "scope", ATTR_PLAIN }, { "selected", ATTR_PLAIN },
  { "shape", ATTR_PLAIN }, { "size", ATTR_PLAIN }, { "sizes", ATTR_PLAIN },
  { "span", ATTR_PLAIN }, { "src", ATTR_MEDIA }, { "srclang", ATTR_PLAIN },
  { "srcset", ATTR_SRCSET }, { "start", ATTR_PLAIN }, { "step", ATTR_PLAIN },
  { "style", ATTR_STYLE }, { "summary", ATTR_PLAIN }, { "suppress", ATTR_PLAIN },
  { "tabindex", ATTR_PLAIN }, { "target", ATTR_PLAIN }, { "template", ATTR_PLAIN },
  { "title", ATTR_PLAIN }, { "toppadding", ATTR_PLAIN }, { "type", ATTR_PLAIN },
  { "unselectable", ATTR_PLAIN }, { "urn", ATTR_PLAIN }, { "usemap", ATTR_LINK },
  { "valign", ATTR_PLAIN }, { "value", ATTR_PLAIN }, { "variable", ATTR_PLAIN },
  { "volume", ATTR_PLAIN }, { "vrml", ATTR_PLAIN }, { "vspace", ATTR_PLAIN },
  { "width", ATTR_PLAIN }, { "wrap", ATTR_PLAIN }, { "xml:lang", ATTR_PLAIN },
};

/* The URL attributes made absolute against the base (feedparser's list,
 * less the elements we drop, plus responsive images and tracks). A URL
 * elsewhere is only checked for its scheme. */
static const struct
{
  const char *element;
  const char *attribute;
} resolved_attributes[] = {
  { "a", "href" },
  { "area", "href" },
  { "audio", "src" },
  { "blockquote", "cite" },
  { "del", "cite" },
  { "img", "longdesc" },
  { "img", "src" },
  { "img", "srcset" },
  { "img", "usemap" },
  { "ins", "cite" },
  { "q", "cite" },
  { "source", "src" },
  { "source", "srcset" },
  { "track", "src" },
  { "video", "poster" },
  { "video", "src" },
};

/* Where lazy-loading scripts keep the real image. */
static const char * const lazy_src_attributes[] = {
  "data-src", "data-lazy-src", "data-original", NULL
};
static const char * const lazy_srcset_attributes[] = {
  "data-srcset", "data-lazy-srcset", NULL
};

/* What sanitize_text() does with a byte of text, as
 * bulletin_sanitized_html_count_words() counts it in the output: white
 * space ends a word; the C0 controls that bulletin_html_to_text() drops
 * neither end nor start one; any other ASCII byte is a letter, and '&',
 * '<' and '>' are written escaped (an escape stands for one letter). */
enum
{
  TEXT_LETTER,
  TEXT_SPACE,
  TEXT_NEITHER,
  TEXT_ESCAPED,
  TEXT_NON_ASCII,
};

static guint8 text_classes[256];

static guint8
text_class (guchar c)
{
  if (c >= 0x80)
    return TEXT_NON_ASCII;
  if (c == '&' || c == '<' || c == '>')
    return TEXT_ESCAPED;
  if (g_ascii_isspace (c))
    return TEXT_SPACE;
  if (c >= 0x20 && c != 0x7f)
    return TEXT_LETTER;
  return TEXT_NEITHER;
}

static GHashTable *element_table;
/* The attribute rules by name: an open-addressing table of their index
 * + 1, hashed as write_start_tag() hashes a name while it lowers it
 * (a start tag's every attribute is looked up). */
#define ATTRIBUTE_SLOTS 1024
static guint16 attribute_slots[ATTRIBUTE_SLOTS];
/* lookup_element() of each element of bulletin_html_tokenizer_get_elements() */
static const ElementRule **strict_rules;
/* lookup_element() of "html" and "body", which every input opens */
static const ElementRule *html_rule;
static const ElementRule *body_rule;

static const ElementRule *lookup_element (const char *name);

static inline guint
name_hash (const char *name)
{
  guint hash = 0;

  for (const char *p = name; *p != '\0'; p++)
    hash = hash * 31 + (guchar) *p;
  return hash;
}

/* The rule of an attribute named @name (lower case, name_hash() @hash),
 * or %NULL. */
static const AttributeRule *
lookup_attribute (const char *name,
                  guint       hash)
{
  for (guint slot = hash % ATTRIBUTE_SLOTS;
       attribute_slots[slot] != 0;
       slot = (slot + 1) % ATTRIBUTE_SLOTS)
    {
      const AttributeRule *rule = &attribute_rules[attribute_slots[slot] - 1];

      if (rule->name[0] == name[0] && strcmp (rule->name, name) == 0)
        return rule;
    }

  return NULL;
}

static void
ensure_tables (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      /* libxml2 wants its first initialization done once, before threads
       * race to it. */
      xmlInitParser ();

      element_table = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < G_N_ELEMENTS (element_rules); i++)
        g_hash_table_insert (element_table,
                             (gpointer) element_rules[i].name,
                             (gpointer) &element_rules[i]);

      G_STATIC_ASSERT (ATTRIBUTE_SLOTS > 4 * G_N_ELEMENTS (attribute_rules));
      for (guint i = 0; i < G_N_ELEMENTS (attribute_rules); i++)
        {
          guint slot = name_hash (attribute_rules[i].name) % ATTRIBUTE_SLOTS;

          while (attribute_slots[slot] != 0)
            slot = (slot + 1) % ATTRIBUTE_SLOTS;
          attribute_slots[slot] = i + 1;
        }

      for (guint c = 0; c < G_N_ELEMENTS (text_classes); c++)
        text_classes[c] = text_class (c);

      {
        guint n_elements;
        const char * const *names = bulletin_html_tokenizer_get_elements (&n_elements);

        strict_rules = g_new (const ElementRule *, n_elements);
        for (guint i = 0; i < n_elements; i++)
          strict_rules[i] = lookup_element (names[i]);
        html_rule = lookup_element ("html");
        body_rule = lookup_element ("body");
      }

      g_once_init_leave (&initialized, 1);
    }
}

/* The rule for an element name as libxml2 reports it (lower case). A
 * prefixed name ("svg:script", "o:p") is judged by its local part when
 * that is dangerous, and otherwise unwrapped: only plain HTML names are
 * ever written out.
 */
static const ElementRule *
lookup_element (const char *name)
{
  static const ElementRule unwrap = { NULL, ACTION_UNWRAP, 0 };
  char buffer[32];
  g_autofree char *allocated = NULL;
  char *lower;
  const ElementRule *rule;
  const char *colon;
  gsize length = strlen (name);

  /* once per element of every feed item: no allocation for a short name */
  if (length < sizeof buffer)
    {
      for (gsize i = 0; i <= length; i++)
        buffer[i] = g_ascii_tolower (name[i]);
      lower = buffer;
    }
  else
    {
      lower = allocated = g_ascii_strdown (name, length);
    }

  colon = strrchr (lower, ':');

  if (colon != NULL)
    {
      rule = g_hash_table_lookup (element_table, colon + 1);
      if (rule != NULL && rule->action == ACTION_DROP)
        return rule;
      return &unwrap;
    }

  rule = g_hash_table_lookup (element_table, lower);
  return rule != NULL ? rule : &unwrap;
}

/* Input clean-up ---------------------------------------------------------- */

/* libxml2 reads bytes, not text: given invalid UTF-8 it switches the rest
 * of the document to Latin-1, and a NUL byte ends it. So the input is made
 * valid first: bad sequences become U+FFFD, NUL bytes and the C0 controls
 * HTML has no use for are dropped, as are the non-characters libxml2
 * refuses, and line breaks are normalized. The result starts with <body>, which opens the body before any
 * text so that libxml2 does not wrap a leading text in an implied <p>; a
 * fragment's own <html>, <head> and <body> tags are then ignored by the
 * parser as misplaced, and everything lands in one body.
 */
#define INPUT_PREFIX "<body>"

static GString *
prepare_input (const char *html,
               gssize      length)
{
  static const char prefix[] = INPUT_PREFIX;
  const char *p;
  const char *end;
  GString *input;

  if (html == NULL)
    length = 0;
  else if (length < 0)
    length = strlen (html);

  if ((gsize) length > BULLETIN_SANITIZER_MAX_INPUT)
    length = BULLETIN_SANITIZER_MAX_INPUT;

  input = g_string_sized_new (length + sizeof prefix);
  g_string_append_len (input, prefix, sizeof prefix - 1);

  p = html;
  end = html + length;
  if (length >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
    p += 3;
  while (p < end)
    {
      const char *run = p;
      guchar c;

      /* Most bytes stay as they are: copied a run at a time. */
      while (p < end)
        {
          /* eight at a time while none is non-ASCII, below 0x20 or 0x7f */
          if (end - p >= 8)
            {
              guint64 word = bulletin_bytes_load (p);

              if ((bulletin_bytes_non_ascii (word) |
                   bulletin_bytes_below (word, 0x20) |
                   bulletin_bytes_equal (word, 0x7f)) == 0)
                {
                  p += 8;
                  continue;
                }
            }

          c = (guchar) *p;
          if (c < 0x80)
            {
              if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7f)
                break;
              p++;
            }
          else
            {
              gunichar ch = g_utf8_get_char_validated (p, end - p);

              if (ch == (gunichar) -1 || ch == (gunichar) -2 ||
                  (ch & 0xfffe) == 0xfffe || (ch >= 0xfdd0 && ch <= 0xfdef))
                break;
              p = g_utf8_next_char (p);
            }
        }
      g_string_append_len (input, run, p - run);
      if (p >= end)
        break;

      c = (guchar) *p;
      if (c < 0x80)
        {
          /* As an HTML5 parser does: line breaks become line feeds; the
           * form feed, white space that libxml2 would drop, a space. */
          if (c == '\r')
            {
              g_string_append_c (input, '\n');
              if (p + 1 < end && p[1] == '\n')
                p++;
            }
          else if (c == '\f')
            g_string_append_c (input, ' ');
          else if (c >= 0x20 ? c != 0x7f : (c == '\t' || c == '\n'))
            g_string_append_c (input, c);
          p++;
        }
      else
        {
          gunichar ch = g_utf8_get_char_validated (p, end - p);

          if (ch == (gunichar) -1 || ch == (gunichar) -2)
            {
              g_string_append (input, "\xef\xbf\xbd");
              p++;
            }
          else
            {
              const char *next = g_utf8_next_char (p);

              if ((ch & 0xfffe) == 0xfffe || (ch >= 0xfdd0 && ch <= 0xfdef))
                g_string_append (input, "\xef\xbf\xbd");
              else
                g_string_append_len (input, p, next - p);
              p = next;
            }
        }
    }

  return input;
}

/* Parsing ---------------------------------------------------------------- */

typedef struct _Walker Walker;

typedef void (*StartFunc) (Walker            *walker,
                           const ElementRule *rule,
                           const char       **attributes);
typedef void (*EndFunc)   (Walker            *walker);
typedef void (*TextFunc)  (Walker            *walker,
                           const char        *text,
                           gsize              length);

/* An open element, and whether its start tag was written. */
typedef struct
{
  const ElementRule *rule;
  gboolean           kept;
} OpenElement;

struct _Walker
{
  GString    *out;
  const char *base_url;

  /* the open elements, outside dropped ones: in the walker itself
   * until there are many */
  OpenElement *stack;
  guint        depth;
  guint        stack_size;
  OpenElement  stack_start[32];
  /* > 0 inside an element dropped with its content */
  guint       skip_depth;
  /* open elements whose tags were written */
  guint       kept_depth;

  /* plain text */
  guint       pending_newlines;
  gboolean    pending_space;
  guint       pre_depth;

  /* the last style attribute and what bulletin_sanitize_css() made of
   * it: an item's paragraphs often share one */
  char       *last_style;
  char       *last_clean_style;

  /* The words of the text written, counted as
   * bulletin_sanitized_html_count_words() would count them in the
   * output, for a caller that wants both (NULL: not counted); lost when
   * a run of text ends inside a character. */
  guint      *words;
  gboolean    in_word;
  gboolean    words_lost;

  StartFunc   start;
  EndFunc     end;
  TextFunc    text;
};

static OpenElement *
walker_top (Walker *walker)
{
  return &walker->stack[walker->depth - 1];
}

static void
walker_init_stack (Walker *walker)
{
  walker->stack = walker->stack_start;
  walker->stack_size = G_N_ELEMENTS (walker->stack_start);
  walker->depth = 0;
}

static void
walker_clear_stack (Walker *walker)
{
  if (walker->stack != walker->stack_start)
    g_free (walker->stack);
  walker->stack = NULL;
}

static inline void
walker_push (Walker            *walker,
             const OpenElement *open)
{
  if (G_UNLIKELY (walker->depth == walker->stack_size))
    {
      OpenElement *stack = g_new (OpenElement, 2 * (gsize) walker->stack_size);

      memcpy (stack, walker->stack, walker->depth * sizeof *stack);
      if (walker->stack != walker->stack_start)
        g_free (walker->stack);
      walker->stack = stack;
      walker->stack_size *= 2;
    }
  walker->stack[walker->depth++] = *open;
}

/* The walker's three events. libxml2's SAX callbacks and the strict
 * reader (bulletin-html-tokenizer.c) both drive these, so whichever reads
 * the input, the same events give the same output. */
static void
walker_start_rule (Walker             *walker,
                   const ElementRule  *rule,
                   const char        **attributes)
{
  OpenElement open = { NULL, FALSE };

  if (walker->skip_depth > 0)
    {
      walker->skip_depth++;
      return;
    }

  if (rule->action == ACTION_DROP && (rule->flags & FLAG_VOID) == 0)
    {
      walker->skip_depth = 1;
      return;
    }

  open.rule = rule;
  walker_push (walker, &open);

  /* A void element has no content to drop, whatever libxml2 thinks: what
   * it nests inside an unknown void element is really its sibling. */
  if (rule->action != ACTION_DROP)
    walker->start (walker, rule, attributes);
}

static void
walker_start_element (Walker      *walker,
                      const char  *name,
                      const char **attributes)
{
  /* (no lookup inside a dropped element) */
  walker_start_rule (walker, walker->skip_depth > 0 ? NULL : lookup_element (name), attributes);
}

static void
walker_end_element (Walker *walker)
{
  if (walker->skip_depth > 0)
    {
      walker->skip_depth--;
      return;
    }

  if (walker->depth == 0)
    return;

  if (walker_top (walker)->rule->action != ACTION_DROP)
    walker->end (walker);
  walker->depth--;
}

static void
walker_characters (Walker     *walker,
                   const char *text,
                   gsize       length)
{
  if (walker->skip_depth > 0 || length == 0)
    return;

  walker->text (walker, text, length);
}

static void
start_element_cb (void           *user_data,
                  const xmlChar  *name,
                  const xmlChar **attributes)
{
  htmlParserCtxtPtr ctxt = user_data;

  walker_start_element (ctxt->_private, (const char *) name, (const char **) attributes);
}

static void
end_element_cb (void          *user_data,
                const xmlChar *name)
{
  htmlParserCtxtPtr ctxt = user_data;

  walker_end_element (ctxt->_private);
}

static void
characters_cb (void          *user_data,
               const xmlChar *text,
               int            length)
{
  htmlParserCtxtPtr ctxt = user_data;

  if (length > 0)
    walker_characters (ctxt->_private, (const char *) text, length);
}

/* Takes @input, freed as soon as libxml2 has its copy. */
static void
parse_with_libxml2 (Walker  *walker,
                    GString *input)
{
  htmlSAXHandler sax;
  htmlParserCtxtPtr ctxt;

  memset (&sax, 0, sizeof sax);
  sax.startElement = start_element_cb;
  sax.endElement = end_element_cb;
  sax.characters = characters_cb;
  sax.ignorableWhitespace = characters_cb;
  /* the raw content of <script> and <style>, dropped with them anyway */
  sax.cdataBlock = characters_cb;

  /* libxml2 copies the input */
  ctxt = htmlCreateMemoryParserCtxt (input->str, input->len);
  g_string_free (input, TRUE);
  if (ctxt == NULL)
    return;

  /* Without this libxml2 guesses, and guesses Latin-1. */
  xmlSwitchEncoding (ctxt, XML_CHAR_ENCODING_UTF8);

  /* No network, no error output, recover from anything, and no switching
   * to the encoding a <meta> declares: the input is UTF-8 by now. The
   * HTML parser never loads a DTD nor expands entities beyond HTML's own,
   * so entity bombs stay unexpanded text. */
  htmlCtxtUseOptions (ctxt,
                      HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                      HTML_PARSE_RECOVER | HTML_PARSE_IGNORE_ENC);

  memcpy (ctxt->sax, &sax, sizeof sax);
  ctxt->sax->initialized = 0;
  ctxt->userData = ctxt;
  ctxt->_private = walker;

  htmlParseDocument (ctxt);

  /* Close what the parser left open if it stopped early. */
  while (walker->depth > 0)
    walker_end_element (walker);

  /* a tree was never built, but be sure */
  if (ctxt->myDoc != NULL)
    xmlFreeDoc (ctxt->myDoc);
  htmlFreeParserCtxt (ctxt);
}

static void
strict_start_element_cb (gpointer     user_data,
                         guint        element,
                         const char  *name,
                         const char **attributes)
{
  /* the rule of each element the strict reader knows, looked up once */
  walker_start_rule (user_data, strict_rules[element], attributes);
}

static void
strict_end_element_cb (gpointer user_data)
{
  walker_end_element (user_data);
}

static void
strict_characters_cb (gpointer    user_data,
                      const char *text,
                      gsize       length)
{
  walker_characters (user_data, text, length);
}

/* The same events as libxml2's for input simple enough to be sure of
 * them, without its parser: see bulletin-html-tokenizer.c. libxml2
 * opens <html> and <body> (ours, from prepare_input()) with no
 * attributes and closes them at the end. */
static gboolean
parse_strict (Walker  *walker,
              GString *input)
{
  static const BulletinHtmlHandler handler = {
    strict_start_element_cb,
    strict_end_element_cb,
    strict_characters_cb,
  };
  const gsize prefix = strlen (INPUT_PREFIX);

  walker_start_rule (walker, html_rule, NULL);
  walker_start_rule (walker, body_rule, NULL);
  if (!bulletin_html_tokenize_strict (input->str + prefix, input->len - prefix, &handler, walker))
    return FALSE;
  walker_end_element (walker);
  walker_end_element (walker);

  return TRUE;
}

/* Back to where the walker started, its output and state gone. */
static void
walker_reset (Walker *walker)
{
  g_string_truncate (walker->out, 0);
  walker->depth = 0;
  walker->skip_depth = 0;
  walker->kept_depth = 0;
  walker->pending_newlines = 0;
  walker->pending_space = FALSE;
  walker->pre_depth = 0;
  if (walker->words != NULL)
    *walker->words = 0;
  walker->in_word = FALSE;
  walker->words_lost = FALSE;
}

/* Returns whether the strict reader did it. */
static gboolean
parse (Walker                  *walker,
       const char              *html,
       gssize                   length,
       BulletinSanitizerParser  parser)
{
  g_autoptr(GString) input = prepare_input (html, length);

  ensure_tables ();

  /* The sanitized output is about the size of the input: room for it
   * at once rather than a copy at every doubling. */
  if (walker->out == NULL)
    walker->out = g_string_sized_new (input->len + input->len / 8);

  if (parser == BULLETIN_SANITIZER_PARSER_ANY && parse_strict (walker, input))
    return TRUE;

  walker_reset (walker);
  parse_with_libxml2 (walker, g_steal_pointer (&input));
  return FALSE;
}

static char *
finish_output (GString  *out,
               gboolean  strict,
               gboolean *repaired)
{
  /* What the strict reader passed on is valid UTF-8 (prepare_input()'s
   * runs cut at ASCII bytes, and characters it encoded itself), and so is
   * all we make of it; libxml2's events are checked. */
  if (!strict && !g_utf8_validate_len (out->str, out->len, NULL))
    {
      char *valid = g_utf8_make_valid (out->str, out->len);

      g_string_free (out, TRUE);
      if (repaired != NULL)
        *repaired = TRUE;
      return valid;
    }

  return g_string_free (out, FALSE);
}

/* Words counted while writing --------------------------------------------- */

static gboolean
is_word_separator (gunichar c)
{
  return g_unichar_isspace (c) || c == '\v';
}

/* One character of text: white space ends a word, anything else is in
 * one, and starts it when none was open. */
static inline void
count_character (gunichar  c,
                 gboolean *in_word,
                 guint    *words)
{
  if (is_word_separator (c))
    {
      *in_word = FALSE;
    }
  else
    {
      if (!*in_word)
        (*words)++;
      *in_word = TRUE;
    }
}

/* A start or end tag written for @rule ends a word in the output's
 * plain text where bulletin_sanitized_html_count_words() says it does. */
static inline void
count_tag (Walker            *walker,
           const ElementRule *rule)
{
  if ((rule->flags & (FLAG_LINE | FLAG_PARAGRAPH | FLAG_CELL)) != 0 ||
      (rule->name[0] == 'b' && rule->name[1] == 'r' && rule->name[2] == '\0'))
    walker->in_word = FALSE;
}

/* Sanitized HTML --------------------------------------------------------- */

/* g_string_append_len() without its call when there is room: the output
 * grows by a few bytes at a time, several times per tag. */
static inline void
append_len (GString    *out,
            const char *text,
            gsize       length)
{
  if (out->len + length < out->allocated_len)
    {
      memcpy (out->str + out->len, text, length);
      out->len += length;
      out->str[out->len] = '\0';
    }
  else
    {
      g_string_append_len (out, text, length);
    }
}

static inline void
append (GString    *out,
        const char *text)
{
  append_len (out, text, strlen (text));
}

static void
append_escaped (GString    *out,
                const char *text,
                gsize       length,
                gboolean    in_attribute)
{
  const char *run = text;
  const char *end = text + length;

  for (const char *p = text; p < end; p++)
    {
      const char *entity;

      /* letters and most else: all four come before '?' */
      if ((guchar) *p > '>')
        continue;

      switch (*p)
        {
        case '&': entity = "&amp;"; break;
        case '<': entity = "&lt;"; break;
        case '>': entity = "&gt;"; break;
        case '"': entity = in_attribute ? "&quot;" : NULL; break;
        default: entity = NULL; break;
        }

      if (entity == NULL)
        continue;

      append_len (out, run, p - run);
      append (out, entity);
      run = p + 1;
    }

  append_len (out, run, end - run);
}

/* append_escaped() of an attribute's value: runs without a character to
 * escape (a whole URL, usually) found by strcspn() rather than a byte at
 * a time. */
static void
append_escaped_value (GString    *out,
                      const char *value)
{
  const char *p = value;

  for (;;)
    {
      gsize run = strcspn (p, "&<>\"");

      append_len (out, p, run);
      p += run;
      switch (*p)
        {
        case '&': append_len (out, "&amp;", 5); break;
        case '<': append_len (out, "&lt;", 4); break;
        case '>': append_len (out, "&gt;", 4); break;
        case '"': append_len (out, "&quot;", 6); break;
        default: return;
        }
      p++;
    }
}

static gboolean
is_resolved_attribute (const char *element,
                       const char *attribute)
{
  for (guint i = 0; i < G_N_ELEMENTS (resolved_attributes); i++)
    if (resolved_attributes[i].element[0] == element[0] &&
        resolved_attributes[i].attribute[0] == attribute[0] &&
        strcmp (resolved_attributes[i].element, element) == 0 &&
        strcmp (resolved_attributes[i].attribute, attribute) == 0)
      return TRUE;

  return FALSE;
}

/* data: URIs are allowed for raster images only (saved articles carry
 * their pictures so): an SVG image or an HTML document in a data: URI can
 * carry script. */
static gboolean
is_data_image (const char *url)
{
  static const char * const types[] = {
    "image/png", "image/gif", "image/jpeg", "image/jpg", "image/webp",
    "image/avif", "image/bmp", "image/x-icon", "image/vnd.microsoft.icon", NULL
  };
  const char *type = url + strlen ("data:");
  gsize type_length = strcspn (type, ";,");

  if (type[type_length] == '\0' || strchr (type, ',') == NULL)
    return FALSE;

  return bulletin_strv_contains_ascii_lower (types, type, type_length);
}

/* Whether @url (cleaned) may stay in an attribute of @kind. A relative
 * reference may; an absolute one must have an allowed scheme. A colon
 * before any slash, question mark or hash that does not end a valid scheme
 * ("java script:", "&#1;javascript:") is refused rather than guessed at.
 */
static gboolean
is_allowed_url (const char    *url,
                AttributeKind  kind,
                gboolean       data_images)
{
  /* longer than any scheme allowed, and read without an allocation */
  char scheme[8];
  gsize length = bulletin_url_peek_scheme (url, scheme, sizeof scheme);

  if (length == 0)
    return url[strcspn (url, ":/?#")] != ':';
  if (length >= sizeof scheme)
    return FALSE;

  if (strcmp (scheme, "http") == 0 || strcmp (scheme, "https") == 0)
    return TRUE;
  if (kind == ATTR_LINK)
    return strcmp (scheme, "mailto") == 0;
  if (data_images && strcmp (scheme, "data") == 0)
    return is_data_image (url);

  return FALSE;
}

static char *
clean_url (Walker        *walker,
           const char    *element,
           const char    *attribute,
           AttributeKind  kind,
           const char    *raw)
{
  g_autofree char *url = bulletin_url_clean (raw != NULL ? raw : "");
  gboolean resolve = walker->base_url != NULL && is_resolved_attribute (element, attribute);
  gboolean data_images = g_str_equal (element, "img") || g_str_equal (element, "source");
  g_autofree char *absolute = NULL;

  /* An empty value points nowhere; kept as it came. */
  if (url[0] == '\0' && !resolve)
    return g_strdup ("");

  if (!is_allowed_url (url, kind, data_images))
    return NULL;

  if (!resolve)
    return g_steal_pointer (&url);

  /* A plain absolute URL resolves to itself (and has passed the check) */
  if (bulletin_url_is_plain_absolute (url))
    return g_steal_pointer (&url);

  /* @url is clean already: the plain way without cleaning it again */
  absolute = bulletin_url_resolve_plain (walker->base_url, url);
  if (absolute == NULL)
    absolute = bulletin_url_resolve (walker->base_url, url);
  if (absolute == NULL)
    {
      /* A base we cannot use leaves relative references relative. */
      g_autofree char *scheme = bulletin_url_get_scheme (url);

      return scheme == NULL ? g_steal_pointer (&url) : NULL;
    }

  /* The base itself may have an unwanted scheme. */
  if (!is_allowed_url (absolute, kind, data_images))
    return NULL;

  return g_steal_pointer (&absolute);
}

/* Descriptors as HTML defines them: each a number followed by w, x or
 * h ("640w", "1.5x"), separated by white space. */
static gboolean
srcset_descriptors_are_valid (const char *descriptors)
{
  const char *p = descriptors;

  while (*p != '\0')
    {
      gboolean digits = FALSE;

      while (g_ascii_isspace (*p))
        p++;
      if (*p == '\0')
        break;
      for (; g_ascii_isdigit (*p) || *p == '.'; p++)
        digits |= g_ascii_isdigit (*p);
      if (!digits || (*p != 'w' && *p != 'x' && *p != 'h'))
        return FALSE;
      p++;
      if (*p != '\0' && !g_ascii_isspace (*p))
        return FALSE;
    }

  return TRUE;
}

/* A URL in a srcset may hold commas, and a reader that splits the srcset
 * at every comma (a naive filter after us) takes what follows one for a
 * URL of its own: that must pass as one too. */
static gboolean
srcset_url_is_unambiguous (const char *url)
{
  /* (The base64 payload of a data: image holds no ':', so it passes.) */
  for (const char *comma = strchr (url, ','); comma != NULL; comma = strchr (comma + 1, ','))
    {
      const char *piece = comma + 1;
      g_autofree char *until_comma = NULL;

      while (g_ascii_isspace (*piece))
        piece++;
      until_comma = g_strndup (piece, strcspn (piece, ","));
      if (!is_allowed_url (until_comma, ATTR_MEDIA, FALSE))
        return FALSE;
    }

  return TRUE;
}

/* Each candidate of a srcset ("url [descriptor], …") checked and resolved
 * like a src; candidates that fail are left out. */
static char *
clean_srcset (Walker     *walker,
              const char *element,
              const char *raw)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *p = raw != NULL ? raw : "";

  while (*p != '\0')
    {
      g_autofree char *url = NULL;
      g_autofree char *descriptors = NULL;
      g_autofree char *clean = NULL;
      const char *start;

      while (g_ascii_isspace (*p) || *p == ',')
        p++;
      if (*p == '\0')
        break;

      start = p;
      while (*p != '\0' && !g_ascii_isspace (*p))
        p++;
      url = g_strndup (start, p - start);

      if (g_str_has_suffix (url, ","))
        {
          gsize length = strlen (url);

          while (length > 0 && url[length - 1] == ',')
            url[--length] = '\0';
        }
      else
        {
          int parens = 0;

          while (g_ascii_isspace (*p))
            p++;
          start = p;
          while (*p != '\0' && (parens > 0 || *p != ','))
            {
              if (*p == '(')
                parens++;
              else if (*p == ')' && parens > 0)
                parens--;
              p++;
            }
          descriptors = g_strstrip (g_strndup (start, p - start));
          if (*p == ',')
            p++;
        }

      /* A browser drops a candidate whose descriptors it cannot read,
       * and anything kept here is written out: a "descriptor" can hold
       * parentheses and commas, so another candidate's URL. */
      if (url[0] == '\0' || (descriptors != NULL && !srcset_descriptors_are_valid (descriptors)))
        continue;
      clean = clean_url (walker, element, "srcset", ATTR_MEDIA, url);
      if (clean == NULL || clean[0] == '\0' || !srcset_url_is_unambiguous (clean))
        continue;

      if (out->len > 0)
        g_string_append (out, ", ");
      g_string_append (out, clean);
      if (descriptors != NULL && descriptors[0] != '\0')
        {
          g_string_append_c (out, ' ');
          g_string_append (out, descriptors);
        }
    }

  if (out->len == 0)
    return NULL;

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The value to write for an attribute of @kind, or %NULL to leave it
 * out; *@owned holds it when it was made for the call. */
static const char *
clean_attribute (Walker        *walker,
                 const char    *element,
                 const char    *attribute,
                 AttributeKind  kind,
                 const char    *raw,
                 char         **owned)
{
  *owned = NULL;

  switch (kind)
    {
    case ATTR_PLAIN:
      return raw != NULL ? raw : "";

    case ATTR_LINK:
    case ATTR_MEDIA:
      return *owned = clean_url (walker, element, attribute, kind, raw);

    case ATTR_SRCSET:
      return *owned = clean_srcset (walker, element, raw);

    case ATTR_STYLE:
      if (raw == NULL)
        return NULL;
      if (walker->last_style == NULL || strcmp (raw, walker->last_style) != 0)
        {
          g_free (walker->last_style);
          g_free (walker->last_clean_style);
          walker->last_style = g_strdup (raw);
          walker->last_clean_style = bulletin_sanitize_css (raw);
        }
      return walker->last_clean_style;

    case ATTR_PING:
      {
        g_autofree char *url = bulletin_url_clean (raw != NULL ? raw : "");

        /* It reports clicks to a third party: only an empty one stays. */
        return url[0] == '\0' ? "" : NULL;
      }

    default:
      g_assert_not_reached ();
    }
}

static const char *
first_value (const char        **attributes,
             const char * const *names)
{
  if (attributes == NULL)
    return NULL;

  for (guint i = 0; attributes[i] != NULL; i += 2)
    {
      const char *value = attributes[i + 1];

      if (value == NULL || value[0] == '\0')
        continue;
      for (guint j = 0; names[j] != NULL; j++)
        if (g_ascii_strcasecmp (attributes[i], names[j]) == 0)
          return value;
    }

  return NULL;
}

static gboolean
has_attribute (const char **attributes,
               const char  *name)
{
  if (attributes == NULL)
    return FALSE;

  for (guint i = 0; attributes[i] != NULL; i += 2)
    if (g_ascii_strcasecmp (attributes[i], name) == 0)
      return TRUE;

  return FALSE;
}

static inline char
ascii_lower (char c)
{
  return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/* Writes the start tag of a kept element with its allowed attributes in
 * their order, each as it is cleaned.
 */
static void
write_start_tag (Walker            *walker,
                 const ElementRule *rule,
                 const char       **attributes)
{
  GString *out = walker->out;
  const char *element = rule->name;
  gboolean is_link = element[0] == 'a' && element[1] == '\0';
  gboolean lazy = (element[0] == 'i' && strcmp (element, "img") == 0) ||
                  (element[0] == 's' && strcmp (element, "source") == 0);
  const char *lazy_src = NULL;
  const char *lazy_srcset = NULL;
  gboolean has_src = FALSE;
  gboolean has_srcset = FALSE;
  gboolean has_href = FALSE;
  gboolean has_target = FALSE;
  /* where the value of a rel written stands in @out, to be replaced */
  gsize rel_start = 0;
  gsize rel_end = 0;

  /* Lazy-loading pages keep the real image in data-src and a placeholder
   * (or nothing) in src: the real one wins. */
  if (lazy)
    {
      lazy_src = first_value (attributes, lazy_src_attributes);
      lazy_srcset = first_value (attributes, lazy_srcset_attributes);
      has_src = has_attribute (attributes, "src");
      has_srcset = has_attribute (attributes, "srcset");
    }

  append_len (out, "<", 1);
  append (out, element);

  for (guint i = 0; attributes != NULL && attributes[i] != NULL; i += 2)
    {
      char buffer[64];
      g_autofree char *allocated = NULL;
      g_autofree char *owned = NULL;
      const char *name;
      const char *raw = attributes[i + 1];
      const AttributeRule *attribute_rule;
      const char *value;
      gsize length = 0;
      guint hash = 0;

      /* lowered and hashed in one pass, as lookup_attribute() hashes */
      for (const char *c = attributes[i]; *c != '\0'; c++, length++)
        {
          char lower = ascii_lower (*c);

          if (length + 1 < sizeof buffer)
            buffer[length] = lower;
          hash = hash * 31 + (guchar) lower;
        }
      if (length + 1 < sizeof buffer)
        {
          buffer[length] = '\0';
          name = buffer;
        }
      else
        {
          name = allocated = g_ascii_strdown (attributes[i], length);
        }

      if (lazy && lazy_src != NULL && raw == lazy_src &&
          g_strv_contains (lazy_src_attributes, name))
        {
          if (has_src)
            continue;
          name = "src";
          hash = name_hash (name);
        }
      else if (lazy && lazy_srcset != NULL && raw == lazy_srcset &&
               g_strv_contains (lazy_srcset_attributes, name))
        {
          if (has_srcset)
            continue;
          name = "srcset";
          hash = name_hash (name);
        }
      else if (lazy && lazy_src != NULL && strcmp (name, "src") == 0)
        {
          raw = lazy_src;
        }
      else if (lazy && lazy_srcset != NULL && strcmp (name, "srcset") == 0)
        {
          raw = lazy_srcset;
        }

      attribute_rule = lookup_attribute (name, hash);
      if (attribute_rule == NULL)
        continue;
      name = attribute_rule->name;

      /* libxml2 drops repeated attributes, and a lazy one renamed to src
       * is written only when there is no src: no name comes twice. */
      value = clean_attribute (walker, element, name, attribute_rule->kind, raw, &owned);
      if (value == NULL)
        continue;

      append_len (out, " ", 1);
      append (out, name);
      append_len (out, "=\"", 2);
      if (!is_link)
        {
          append_escaped_value (out, value);
        }
      else if (strcmp (name, "rel") == 0)
        {
          rel_start = out->len;
          append_escaped_value (out, value);
          rel_end = out->len;
        }
      else
        {
          append_escaped_value (out, value);
          if (strcmp (name, "href") == 0)
            has_href = TRUE;
          else if (strcmp (name, "target") == 0)
            has_target = TRUE;
        }
      append_len (out, "\"", 1);
    }

  /* A link that asks for another window must not hand it our window nor
   * tell it where it came from: its rel, where it stands, or a rel
   * after the rest. */
  if (is_link && has_href && has_target)
    {
      if (rel_start > 0)
        {
          g_string_erase (out, rel_start, rel_end - rel_start);
          g_string_insert (out, rel_start, "noopener noreferrer");
        }
      else
        {
          append (out, " rel=\"noopener noreferrer\"");
        }
    }

  if (rule->flags & FLAG_VOID)
    append_len (out, " />", 3);
  else
    append_len (out, ">", 1);
}

static void
sanitize_start (Walker            *walker,
                const ElementRule *rule,
                const char       **attributes)
{
  if (rule->action != ACTION_KEEP || walker->kept_depth >= MAX_KEPT_DEPTH)
    return;

  write_start_tag (walker, rule, attributes);
  if (walker->words != NULL)
    count_tag (walker, rule);

  if ((rule->flags & FLAG_VOID) == 0)
    {
      walker_top (walker)->kept = TRUE;
      walker->kept_depth++;
    }
}

static void
sanitize_end (Walker *walker)
{
  OpenElement *open = walker_top (walker);

  if (!open->kept)
    return;

  append_len (walker->out, "</", 2);
  append (walker->out, open->rule->name);
  g_string_append_c (walker->out, '>');
  walker->kept_depth--;
  if (walker->words != NULL)
    count_tag (walker, open->rule);
}

/* Writes @text escaped and counts its words in the same pass: each byte
 * is read once, and runs without '&', '<' or '>' are copied whole. */
static void
sanitize_text (Walker     *walker,
               const char *text,
               gsize       length)
{
  GString *out = walker->out;
  const char *p = text;
  const char *end = text + length;
  const char *run = text;
  gboolean in_word;
  guint words;

  if (walker->words == NULL || walker->words_lost)
    {
      append_escaped (out, text, length, FALSE);
      return;
    }

  in_word = walker->in_word;
  words = *walker->words;
  while (p < end)
    {
#if G_BYTE_ORDER == G_LITTLE_ENDIAN
      /* Eight bytes at a time while each is a space or a letter that
       * stays as it is (the usual prose): the words that start in them
       * counted without a branch for each. '<' and '>' are one test:
       * with bit 1 set, both read 0x3e, and no other byte does. A
       * space's byte is zero once xor-ed with spaces, and adding 0x7f to
       * the others sets their high bit. */
      while (end - p >= 8)
        {
          const guint64 ones = BULLETIN_BYTES_ONES;
          guint64 word = bulletin_bytes_load (p);
          guint64 letters;
          guint64 starts;

          if ((bulletin_bytes_non_ascii (word) |
               bulletin_bytes_equal (word, 0x7f) |
               bulletin_bytes_below (word, 0x20) |
               bulletin_bytes_equal (word, '&') |
               bulletin_bytes_equal (word | (ones * 0x02), '>')) != 0)
            break;
          /* the high bit of each byte that is not a space */
          letters = ((word ^ (ones * ' ')) + ones * 0x7f) & BULLETIN_BYTES_HIGHS;
          /* those whose byte before (the previous block's last, for
           * the first) is a space */
          starts = letters & ~((letters << 8) | (in_word ? 0x80 : 0));
          words += (guint) (((starts >> 7) * ones) >> 56);
          in_word = (letters >> 63) != 0;
          p += 8;
        }
      if (p >= end)
        break;
#endif

      switch (text_classes[(guchar) *p])
        {
        case TEXT_LETTER:
          if (!in_word)
            words++;
          in_word = TRUE;
          /* the rest of an ASCII word at once */
          for (p++; p < end && text_classes[(guchar) *p] == TEXT_LETTER; p++)
            ;
          break;

        case TEXT_SPACE:
          in_word = FALSE;
          p++;
          break;

        case TEXT_ESCAPED:
          if (!in_word)
            words++;
          in_word = TRUE;
          append_len (out, run, p - run);
          if (*p == '&')
            append_len (out, "&amp;", 5);
          else if (*p == '<')
            append_len (out, "&lt;", 4);
          else
            append_len (out, "&gt;", 4);
          run = ++p;
          break;

        case TEXT_NON_ASCII:
          {
            gunichar ch = g_utf8_get_char_validated (p, end - p);

            if (ch == (gunichar) -1 || ch == (gunichar) -2)
              {
                /* bulletin_sanitize_html_counted_using() counts the
                 * output again */
                walker->words_lost = TRUE;
                append_escaped (out, run, end - run, FALSE);
                return;
              }
            count_character (ch, &in_word, &words);
            p = g_utf8_next_char (p);
          }
          break;

        case TEXT_NEITHER:
        default:
          p++;
          break;
        }
    }
  append_len (out, run, end - run);

  walker->in_word = in_word;
  *walker->words = words;
}

/**
 * bulletin_sanitize_html:
 * @html: (nullable): remote HTML, a fragment or a whole document
 * @length: the length of @html in bytes, or -1 if it is nul-terminated
 * @base_url: (nullable): the URL the HTML came from, to resolve relative
 *   URLs against
 *
 * Makes remote HTML safe to show: parses it with libxml2's HTML parser
 * (or, when it is simple, reads it as that parser would, faster) and
 * writes back only allowed elements and attributes. Scripts, styles,
 * frames, plugins, forms' controls, SVG and MathML go with their content;
 * unknown elements are unwrapped; event handlers, unsafe URLs (anything
 * but http, https and mailto for links; http, https and data: raster
 * images for media) and unsafe CSS are removed. Relative URLs become
 * absolute against @base_url, lazy images (`data-src`) get their real
 * source. Invalid UTF-8 is repaired; input beyond
 * %BULLETIN_SANITIZER_MAX_INPUT bytes is ignored.
 *
 * Returns: (transfer full): the safe HTML fragment, "" for nothing
 */
char *
bulletin_sanitize_html (const char *html,
                        gssize      length,
                        const char *base_url)
{
  return bulletin_sanitize_html_using (html, length, base_url, BULLETIN_SANITIZER_PARSER_ANY, NULL);
}

/*
 * bulletin_sanitize_html_using:
 * @parser: which parser may read @html
 * @strict: (out) (optional): whether the strict reader did
 *
 * bulletin_sanitize_html(), for the tests that compare the two parsers.
 */
char *
bulletin_sanitize_html_using (const char              *html,
                              gssize                   length,
                              const char              *base_url,
                              BulletinSanitizerParser  parser,
                              gboolean                *strict)
{
  return bulletin_sanitize_html_counted_using (html, length, base_url, parser, strict, NULL);
}

/*
 * bulletin_sanitize_html_counted:
 * @words: (out): the words of the result's text
 *
 * bulletin_sanitize_html(), and bulletin_sanitized_html_count_words() of
 * its result counted as it is written rather than by a second scan: the
 * feed parser's reading time.
 */
char *
bulletin_sanitize_html_counted (const char *html,
                                gssize      length,
                                const char *base_url,
                                guint      *words)
{
  return bulletin_sanitize_html_counted_using (html, length, base_url,
                                               BULLETIN_SANITIZER_PARSER_ANY, NULL, words);
}

/*
 * bulletin_sanitize_html_counted_using:
 * @strict: (out) (optional): whether the strict reader did
 * @words: (out) (optional): the words of the result's text
 *
 * The two above, for the tests.
 */
char *
bulletin_sanitize_html_counted_using (const char              *html,
                                      gssize                   length,
                                      const char              *base_url,
                                      BulletinSanitizerParser  parser,
                                      gboolean                *strict,
                                      guint                   *words)
{
  char base_scheme[2];
  Walker walker = { 0 };
  gboolean was_strict;
  gboolean repaired = FALSE;
  char *result;

  /* made by parse(), to the input's size */
  walker.out = NULL;
  /* A base that is not an absolute URL resolves nothing. */
  walker.base_url = bulletin_url_peek_scheme (base_url, base_scheme, sizeof base_scheme) > 0 ? base_url : NULL;
  walker_init_stack (&walker);
  walker.start = sanitize_start;
  walker.end = sanitize_end;
  walker.text = sanitize_text;
  walker.words = words;
  if (words != NULL)
    *words = 0;

  was_strict = parse (&walker, html, length, parser);
  if (strict != NULL)
    *strict = was_strict;

  walker_clear_stack (&walker);
  g_free (walker.last_style);
  g_free (walker.last_clean_style);
  result = finish_output (walker.out, was_strict, &repaired);

  /* Text that libxml2 gave cut inside a character, or that had to be
   * repaired: count what was written. */
  if (words != NULL && (walker.words_lost || repaired))
    *words = bulletin_sanitized_html_count_words (result);

  return result;
}

/* Plain text ------------------------------------------------------------- */

static void
text_request_break (Walker *walker,
                    guint   flags)
{
  guint newlines = (flags & FLAG_PARAGRAPH) ? 2 : 1;

  walker->pending_newlines = MAX (walker->pending_newlines, newlines);
  walker->pending_space = FALSE;
}

static void
text_start (Walker            *walker,
            const ElementRule *rule,
            const char       **attributes)
{
  if (rule->flags & (FLAG_LINE | FLAG_PARAGRAPH))
    text_request_break (walker, rule->flags);
  else if ((rule->flags & FLAG_CELL) && walker->pending_newlines == 0)
    walker->pending_space = TRUE;

  if (rule->flags & FLAG_PRE)
    walker->pre_depth++;

  if (rule->name != NULL && g_str_equal (rule->name, "br"))
    {
      walker->pending_newlines = MIN (walker->pending_newlines + 1, 2);
      walker->pending_space = FALSE;
    }
}

static void
text_end (Walker *walker)
{
  const ElementRule *rule = walker_top (walker)->rule;

  if (rule->flags & (FLAG_LINE | FLAG_PARAGRAPH))
    text_request_break (walker, rule->flags);
  else if ((rule->flags & FLAG_CELL) && walker->pending_newlines == 0)
    walker->pending_space = TRUE;

  if ((rule->flags & FLAG_PRE) && walker->pre_depth > 0)
    walker->pre_depth--;
}

static void
text_text (Walker     *walker,
           const char *text,
           gsize       length)
{
  const char *end = text + length;

  for (const char *p = text; p < end; p++)
    {
      if (walker->pre_depth == 0 && g_ascii_isspace (*p))
        {
          if (walker->pending_newlines == 0)
            walker->pending_space = TRUE;
          continue;
        }

      if (walker->out->len > 0)
        {
          for (guint i = 0; i < walker->pending_newlines; i++)
            g_string_append_c (walker->out, '\n');
          if (walker->pending_newlines == 0 && walker->pending_space)
            g_string_append_c (walker->out, ' ');
        }
      walker->pending_newlines = 0;
      walker->pending_space = FALSE;

      g_string_append_c (walker->out, *p);
    }
}

/**
 * bulletin_html_to_text:
 * @html: (nullable): HTML, or text that may hold entities
 * @length: the length of @html in bytes, or -1 if it is nul-terminated
 *
 * Turns HTML into plain text for titles, bylines, excerpts and word
 * counts: entities decoded, scripts and styles dropped, white space
 * collapsed (except in <pre>), block elements on lines of their own and
 * paragraphs separated by a blank line. Text without tags comes back
 * decoded ("AT&amp;T" gives "AT&T"; "a < b" stays).
 *
 * Returns: (transfer full): the text, "" for nothing
 */
char *
bulletin_html_to_text (const char *html,
                       gssize      length)
{
  return bulletin_html_to_text_using (html, length, BULLETIN_SANITIZER_PARSER_ANY, NULL);
}

/*
 * bulletin_html_to_text_using:
 * @parser: which parser may read @html
 * @strict: (out) (optional): whether the strict reader did
 *
 * bulletin_html_to_text(), for the tests that compare the two parsers.
 */
char *
bulletin_html_to_text_using (const char              *html,
                             gssize                   length,
                             BulletinSanitizerParser  parser,
                             gboolean                *strict)
{
  Walker walker = { 0 };
  gboolean was_strict;

  walker.out = g_string_new (NULL);
  walker_init_stack (&walker);
  walker.start = text_start;
  walker.end = text_end;
  walker.text = text_text;

  was_strict = parse (&walker, html, length, parser);
  if (strict != NULL)
    *strict = was_strict;

  walker_clear_stack (&walker);
  return finish_output (walker.out, was_strict, NULL);
}

/* Word counts -------------------------------------------------------------- */

/**
 * bulletin_sanitized_html_count_words:
 * @html: HTML as bulletin_sanitize_html() writes it
 *
 * Counts the words of @html's text, as many as the white-space separated
 * words of bulletin_html_to_text() of it, without parsing it again: the
 * sanitizer's output is simple (known lower-case elements, quoted and
 * escaped attribute values, no comments, only &amp;amp; &amp;lt; &amp;gt;
 * &amp;quot;), so a scan of its tags and text says where words end. Input
 * that is not so is counted through bulletin_html_to_text().
 *
 * Returns: the number of words
 */
guint
bulletin_sanitized_html_count_words (const char *html)
{
  const char *p = html;
  gboolean in_word = FALSE;
  guint words = 0;

  if (html == NULL)
    return 0;

  ensure_tables ();

  while (*p != '\0')
    {
      guchar c = (guchar) *p;

      if (c == '<')
        {
          char name[16];
          gsize length = 0;
          const ElementRule *rule;
          const char *q = p + 1;

          if (*q == '/')
            q++;
          while (g_ascii_islower (*q) || g_ascii_isdigit (*q))
            {
              if (length + 1 >= sizeof name)
                goto slow;
              name[length++] = *q++;
            }
          name[length] = '\0';
          if (length == 0 || (*q != '>' && *q != ' ' && *q != '/'))
            goto slow;

          rule = g_hash_table_lookup (element_table, name);
          if (rule == NULL || rule->action != ACTION_KEEP)
            goto slow;

          /* As the plain text's line breaks and cell spaces fall. */
          if ((rule->flags & (FLAG_LINE | FLAG_PARAGRAPH | FLAG_CELL)) != 0 || g_str_equal (name, "br"))
            in_word = FALSE;

          p = strchr (q, '>');
          if (p == NULL)
            goto slow;
          p++;
        }
      else if (c == '&')
        {
          static const char * const entities[] = { "&amp;", "&lt;", "&gt;", "&quot;" };
          gsize length = 0;

          for (guint i = 0; i < G_N_ELEMENTS (entities) && length == 0; i++)
            if (g_str_has_prefix (p, entities[i]))
              length = strlen (entities[i]);
          if (length == 0)
            goto slow;
          if (!in_word)
            words++;
          in_word = TRUE;
          p += length;
        }
      else if (c < 0x80)
        {
          /* The C0 controls that bulletin_html_to_text() drops are neither. */
          if (g_ascii_isspace (c))
            in_word = FALSE;
          else if (c >= 0x20 && c != 0x7f)
            {
              if (!in_word)
                words++;
              in_word = TRUE;
              /* the rest of an ASCII word at once */
              while ((guchar) p[1] > 0x20 && (guchar) p[1] < 0x7f && p[1] != '<' && p[1] != '&')
                p++;
            }
          p++;
        }
      else
        {
          gunichar ch = g_utf8_get_char_validated (p, -1);

          if (ch == (gunichar) -1 || ch == (gunichar) -2)
            goto slow;
          count_character (ch, &in_word, &words);
          p = g_utf8_next_char (p);
        }
    }

  return words;

slow:
  {
    g_autofree char *text = bulletin_html_to_text (html, -1);

    words = 0;
    in_word = FALSE;
    for (const char *t = text; *t != '\0'; t = g_utf8_next_char (t))
      {
        gunichar ch = g_utf8_get_char (t);

        count_character (ch, &in_word, &words);
      }
    return words;
  }
}
