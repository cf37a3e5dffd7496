/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bulletin-html-tokenizer"

#include "config.h"

#include <string.h>
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>

#include "bulletin-html-tokenizer.h"

/* The sanitizer listens to libxml2's HTML parser, and in a feed that
 * parser is most of the time spent: it reads every character through
 * several layers, to recover from anything. Yet most feed HTML is plain:
 * known elements, each closed where it opened, quoted attributes, a few
 * entities. For such input the events libxml2's parser (2.9) gives are
 * known exactly, and this reader gives the same ones, far faster:
 *
 * - element and attribute names in lower case;
 * - an attribute without a value with a NULL value; a repeated attribute
 *   left out; values with their references decoded;
 * - a void element (libxml2's HTML 4 list: br, img, hr, area, col), or
 *   one written <x/>, opened and closed at once;
 * - text with &name; decoded when libxml2's table (htmlEntityLookup)
 *   knows the name, and left as it is otherwise; &#…; decoded;
 * - what is still open at the end closed, innermost first.
 *
 * Anything whose treatment is less simple stops it, and the caller goes
 * back to libxml2 with the whole input: an element not in the list below
 * (scripts, styles, html, head and body among them), an element that
 * libxml2 would close by opening another (a <div> in a <p>, an <li> in an
 * <li>: htmlAutoCloseTag tells, asked of libxml2 itself), an end tag that
 * does not close the innermost open element, a comment, a doctype, a
 * processing instruction, a '<' that starts no tag, a numeric reference
 * without ';' or to a character XML does not allow, and the odd corners
 * of names. Text may come in other pieces than libxml2's; its
 * concatenation is the same.
 *
 * The input must be what the sanitizer's prepare_input() makes of it:
 * valid UTF-8 without NUL bytes, C0 controls other than tab and line
 * feed, or non-characters, and followed by a NUL (a GString's); it is
 * read as if it followed "<body>".
 */

/* The elements whose handling by libxml2 is known here: what feed HTML is
 * made of. None is raw text (script, style) or moves the document's
 * structure (html, head, body). */
static const char * const element_names[] = {
  "a", "abbr", "acronym", "address", "area", "article", "aside", "audio",
  "b", "bdi", "bdo", "big", "blockquote", "br", "canvas", "caption",
  "center", "cite", "code", "col", "colgroup", "data", "dd", "del",
  "details", "dfn", "dialog", "dir", "div", "dl", "dt", "em", "fieldset",
  "figcaption", "figure", "font", "footer", "h1", "h2", "h3", "h4", "h5",
  "h6", "header", "hgroup", "hr", "i", "img", "ins", "kbd", "label",
  "legend", "li", "main", "map", "mark", "menu", "meter", "nav", "ol",
  "output", "p", "picture", "pre", "progress", "q", "rp", "rt", "rtc",
  "ruby", "s", "samp", "section", "small", "source", "span", "strike",
  "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th",
  "thead", "time", "tr", "track", "tt", "u", "ul", "var", "video", "wbr",
};

#define N_ELEMENTS G_N_ELEMENTS (element_names)

/* For the tests, which check every pair of them against libxml2 */
const char * const *
bulletin_html_tokenizer_get_elements (guint *n_elements)
{
  *n_elements = N_ELEMENTS;
  return element_names;
}
/* the index of <body>, the parent of the outermost elements */
#define BODY N_ELEMENTS

/* htmlAutoCloseTag() does not answer for an element inside one of the
 * same name (it says no); libxml2 2.9 closes these (checked, with every
 * other pair, by tests/test-sanitizer-fastpath.c). */
static const char * const closed_by_themselves[] = {
  "a", "colgroup", "li", "p", "tbody", "td", "th", "tr", NULL
};

/* Void in HTML 5 but not in libxml2's HTML 4: it holds what follows
 * until an end tag or the end closes it. */
static const char * const open_void_elements[] = {
  "source", "track", "wbr", NULL
};

/* The longest element name above, and longer than any attribute name
 * or entity a feed uses. */
#define MAX_ELEMENT_NAME 10
#define MAX_ATTRIBUTE_NAME 64
#define MAX_ENTITY_NAME 32
#define MAX_ATTRIBUTES 32
#define MAX_DEPTH 256

G_STATIC_ASSERT (N_ELEMENTS < 255);

/* The elements by name: an open-addressing table of their index + 1,
 * hashed as read_element_name() hashes a name while it lowers it. */
#define NAME_SLOTS 512
static guint8 element_slots[NAME_SLOTS];
/* whether libxml2 has no end tag for the element */
static gboolean element_void[N_ELEMENTS];
static gboolean element_open_void[N_ELEMENTS];
/* closes[parent][child]: whether opening child inside parent makes
 * libxml2 close parent first */
static guint8 closes[N_ELEMENTS + 1][N_ELEMENTS];

static inline guint
name_hash (const char *name,
           gsize       length)
{
  guint hash = 0;

  for (gsize i = 0; i < length; i++)
    hash = hash * 31 + (guchar) name[i];
  return hash;
}

static gboolean
libxml2_closes (const char *parent,
                const char *child)
{
  xmlNode node = { 0 };

  if (g_str_equal (parent, child))
    return g_strv_contains (closed_by_themselves, child);

  node.type = XML_ELEMENT_NODE;
  node.name = (const xmlChar *) child;
  return htmlAutoCloseTag (NULL, (const xmlChar *) parent, &node) != 0;
}

static void
ensure_tables (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      xmlInitParser ();

      G_STATIC_ASSERT (NAME_SLOTS > 2 * N_ELEMENTS);
      for (guint i = 0; i < N_ELEMENTS; i++)
        {
          const htmlElemDesc *description = htmlTagLookup ((const xmlChar *) element_names[i]);
          guint slot = name_hash (element_names[i], strlen (element_names[i])) % NAME_SLOTS;

          while (element_slots[slot] != 0)
            slot = (slot + 1) % NAME_SLOTS;
          element_slots[slot] = i + 1;
          element_void[i] = description != NULL && description->empty;
          element_open_void[i] = g_strv_contains (open_void_elements, element_names[i]);
        }

      for (guint child = 0; child < N_ELEMENTS; child++)
        {
          for (guint parent = 0; parent < N_ELEMENTS; parent++)
            closes[parent][child] = libxml2_closes (element_names[parent], element_names[child]);
          closes[BODY][child] = libxml2_closes ("body", element_names[child]);
        }

      g_once_init_leave (&initialized, 1);
    }
}

static inline gboolean
is_open_void (guint element)
{
  return element_open_void[element];
}

static inline gboolean
is_blank (char c)
{
  /* libxml2's IS_BLANK_CH */
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static inline const char *
skip_blanks (const char *p,
             const char *end)
{
  while (p < end && is_blank (*p))
    p++;
  return p;
}

/* What comes after a name that libxml2 would read as part of it: such a
 * name is not one of ours. */
static inline gboolean
continues_name (char c)
{
  return c == ':' || c == '-' || c == '_' || c == '.' || (guchar) c >= 0x80;
}

/* The element named at @p, in any case, as an index into element_names;
 * the end of the name in *@next. */
static gboolean
read_element_name (const char  *p,
                   const char  *end,
                   guint       *element,
                   const char **next)
{
  char name[MAX_ELEMENT_NAME];
  gsize length = 0;
  guint hash = 0;

  /* lowered and hashed as it is read */
  while (p < end && g_ascii_isalnum (*p))
    {
      char c = *p++;

      if (length == MAX_ELEMENT_NAME)
        return FALSE;
      c = c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
      name[length++] = c;
      hash = hash * 31 + (guchar) c;
    }
  if (length == 0 || p >= end || continues_name (*p))
    return FALSE;

  for (guint slot = hash % NAME_SLOTS; element_slots[slot] != 0; slot = (slot + 1) % NAME_SLOTS)
    {
      guint candidate = element_slots[slot] - 1;
      const char *known = element_names[candidate];
      gsize i;

      /* the same bytes, and the known name ends where this one does */
      for (i = 0; i < length && known[i] == name[i]; i++)
        ;
      if (i == length && known[i] == '\0')
        {
          *element = candidate;
          *next = p;
          return TRUE;
        }
    }

  return FALSE;
}

/* XML's Char production, which libxml2 checks numeric references
 * against. */
static inline gboolean
is_xml_char (guint32 c)
{
  return c == 0x9 || c == 0xa || c == 0xd ||
         (c >= 0x20 && c <= 0xd7ff) ||
         (c >= 0xe000 && c <= 0xfffd) ||
         (c >= 0x10000 && c <= 0x10ffff);
}

typedef enum
{
  REFERENCE_REFUSED,
  REFERENCE_LITERAL,  /* the bytes up to *next stand for themselves */
  REFERENCE_DECODED,  /* the bytes up to *next stand for decoded */
} ReferenceKind;

/* The reference at @p (an '&'), read as libxml2's htmlParseReference (in
 * text) and htmlParseHTMLAttribute (in values) read it: a known name
 * needs its ';' to be decoded, an unknown one is text, and so is a lone
 * '&'. */
static ReferenceKind
read_reference (const char  *p,
                const char  *end,
                const char **next,
                char         decoded[8],
                gsize       *decoded_length)
{
  const char *q = p + 1;

  if (q >= end)
    {
      *next = q;
      return REFERENCE_LITERAL;
    }

  if (*q == '#')
    {
      guint32 value = 0;
      guint digits = 0;

      q++;
      if (q < end && (*q == 'x' || *q == 'X'))
        {
          for (q++; q < end && g_ascii_isxdigit (*q) && digits < 7; q++, digits++)
            value = value * 16 + g_ascii_xdigit_value (*q);
        }
      else
        {
          for (; q < end && g_ascii_isdigit (*q) && digits < 8; q++, digits++)
            value = value * 10 + (*q - '0');
        }
      /* libxml2 reads on without the ';', and drops a character XML does
       * not allow, or writes a NUL into a value: not ours to mimic. */
      if (digits == 0 || q >= end || *q != ';' || !is_xml_char (value))
        return REFERENCE_REFUSED;

      *next = q + 1;
      *decoded_length = g_unichar_to_utf8 (value, decoded);
      return REFERENCE_DECODED;
    }

  if (g_ascii_isalpha (*q))
    {
      const char *name = q;
      gsize length;

      while (q < end && g_ascii_isalnum (*q))
        q++;
      length = q - name;
      if (q >= end || length > MAX_ENTITY_NAME || continues_name (*q))
        return REFERENCE_REFUSED;

      if (*q == ';')
        {
          char key[MAX_ENTITY_NAME + 1];
          const htmlEntityDesc *entity;

          memcpy (key, name, length);
          key[length] = '\0';
          entity = htmlEntityLookup ((const xmlChar *) key);
          if (entity != NULL && entity->value > 0)
            {
              *next = q + 1;
              *decoded_length = g_unichar_to_utf8 (entity->value, decoded);
              return REFERENCE_DECODED;
            }
        }

      /* "&name" is text, and whatever follows is read on */
      *next = q;
      return REFERENCE_LITERAL;
    }

  /* a name starts with neither: libxml2 reads it as a name all the same */
  if (*q == '_' || *q == ':' || (guchar) *q >= 0x80)
    return REFERENCE_REFUSED;

  /* a lone '&' */
  *next = q;
  return REFERENCE_LITERAL;
}

/* The value at @p (after the '=' and blanks), decoded onto @scratch,
 * NUL-terminated. */
static const char *
read_value (const char *p,
            const char *end,
            GString    *scratch)
{
  char quote = 0;

  if (*p == '"' || *p == '\'')
    quote = *p++;

  while (p < end)
    {
      if (quote != 0 ? *p == quote : (is_blank (*p) || *p == '>'))
        break;

      if (*p == '&')
        {
          char decoded[8];
          gsize decoded_length;
          const char *next;

          switch (read_reference (p, end, &next, decoded, &decoded_length))
            {
            case REFERENCE_DECODED:
              g_string_append_len (scratch, decoded, decoded_length);
              break;
            case REFERENCE_LITERAL:
              g_string_append_len (scratch, p, next - p);
              break;
            case REFERENCE_REFUSED:
            default:
              return NULL;
            }
          p = next;
        }
      else if (quote != 0)
        {
          /* the run up to the quote or a reference at once (the input
           * holds no NUL before its end, and one there) */
          const char *run = p;

          p += strcspn (p, quote == '"' ? "\"&" : "'&");
          if (p > end)
            p = end;
          g_string_append_len (scratch, run, p - run);
        }
      else
        {
          /* Unquoted, libxml2 takes anything up to a blank or '>'; these
           * are more likely a mistake than a value. */
          if (*p == '"' || *p == '\'' || *p == '<' || *p == '=' || *p == '`')
            return NULL;
          g_string_append_c (scratch, *p);
          p++;
        }
    }

  if (p >= end)
    return NULL;
  if (quote != 0)
    p++;

  g_string_append_c (scratch, '\0');
  return p;
}

typedef struct
{
  gsize name;
  gssize value; /* -1: none */
} AttributeOffsets;

/* The start tag at @p ('<' and a letter). */
static const char *
read_start_tag (const char       *p,
                const char       *end,
                GString          *scratch,
                guint            *element,
                AttributeOffsets *attributes,
                guint            *n_attributes,
                gboolean         *self_closed)
{
  const char *q;

  if (!read_element_name (p + 1, end, element, &q))
    return NULL;

  *n_attributes = 0;
  *self_closed = FALSE;
  g_string_truncate (scratch, 0);

  q = skip_blanks (q, end);
  for (;;)
    {
      const char *name;
      gsize name_offset;
      gssize value_offset = -1;
      gboolean repeated = FALSE;

      if (q >= end)
        return NULL;
      if (*q == '>')
        return q + 1;
      if (*q == '/')
        {
          if (q + 1 < end && q[1] == '>')
            {
              *self_closed = TRUE;
              return q + 2;
            }
          return NULL;
        }

      if (!g_ascii_isalpha (*q))
        return NULL;
      name = q;
      while (q < end && (g_ascii_isalnum (*q) || *q == ':' || *q == '-' || *q == '_' || *q == '.'))
        q++;
      if (q - name > MAX_ATTRIBUTE_NAME)
        return NULL;

      name_offset = scratch->len;
      for (const char *c = name; c < q; c++)
        g_string_append_c (scratch, *c >= 'A' && *c <= 'Z' ? *c - 'A' + 'a' : *c);
      g_string_append_c (scratch, '\0');

      q = skip_blanks (q, end);
      if (q < end && *q == '=')
        {
          q = skip_blanks (q + 1, end);
          if (q >= end)
            return NULL;
          value_offset = scratch->len;
          q = read_value (q, end, scratch);
          if (q == NULL)
            return NULL;
        }

      /* libxml2 keeps the first of a repeated attribute */
      for (guint i = 0; i < *n_attributes && !repeated; i++)
        repeated = strcmp (scratch->str + attributes[i].name, scratch->str + name_offset) == 0;
      if (repeated)
        {
          g_string_truncate (scratch, name_offset);
        }
      else
        {
          if (*n_attributes == MAX_ATTRIBUTES)
            return NULL;
          attributes[*n_attributes].name = name_offset;
          attributes[*n_attributes].value = value_offset;
          (*n_attributes)++;
        }

      q = skip_blanks (q, end);
    }
}

/* The end tag at @p ("</"). */
static const char *
read_end_tag (const char *p,
              const char *end,
              guint      *element)
{
  const char *q;

  if (!read_element_name (p + 2, end, element, &q))
    return NULL;
  q = skip_blanks (q, end);
  if (q >= end || *q != '>')
    return NULL;
  return q + 1;
}

/*
 * bulletin_html_tokenize_strict:
 * @html: prepared HTML (see above), @html[@length] a NUL
 * @length: its length in bytes
 * @handler: what to call for each event
 * @user_data: for @handler
 *
 * Gives @handler the events libxml2's HTML parser would give for @html,
 * after "<body>", without the html and body elements' own, if @html is
 * simple enough to be sure of them. When it is not, it stops and returns
 * %FALSE: the events given until then are to be thrown away.
 *
 * Returns: whether @html was read to its end
 */
gboolean
bulletin_html_tokenize_strict (const char                *html,
                               gsize                      length,
                               const BulletinHtmlHandler *handler,
                               gpointer                   user_data)
{
  const char *p = html;
  const char *end = html + length;
  guint8 stack[MAX_DEPTH];
  guint depth = 0;
  g_autoptr(GString) scratch = NULL;

  g_return_val_if_fail (html[length] == '\0', FALSE);

  ensure_tables ();

  while (p < end)
    {
      if (*p == '<')
        {
          guint element;

          if (p + 1 < end && p[1] == '/')
            {
              guint open = depth;

              p = read_end_tag (p, end, &element);
              if (p == NULL)
                return FALSE;

              /* An end tag closes the HTML 5 void elements libxml2 took
               * for open ones (their end priority is the lowest) on its
               * way to its own, and nothing else. */
              while (open > 0 && stack[open - 1] != element && is_open_void (stack[open - 1]))
                open--;
              if (open == 0 || stack[open - 1] != element)
                return FALSE;
              while (depth >= open)
                {
                  depth--;
                  handler->end_element (user_data);
                }
            }
          else if (p + 1 < end && g_ascii_isalpha (p[1]))
            {
              AttributeOffsets offsets[MAX_ATTRIBUTES];
              const char *attributes[2 * MAX_ATTRIBUTES + 1];
              guint n_attributes;
              gboolean self_closed;

              if (scratch == NULL)
                scratch = g_string_sized_new (256);
              p = read_start_tag (p, end, scratch, &element, offsets, &n_attributes, &self_closed);
              if (p == NULL || closes[depth > 0 ? stack[depth - 1] : BODY][element])
                return FALSE;

              /* the scratch is written: its pointers hold now */
              for (guint i = 0; i < n_attributes; i++)
                {
                  attributes[2 * i] = scratch->str + offsets[i].name;
                  attributes[2 * i + 1] = offsets[i].value >= 0 ? scratch->str + offsets[i].value : NULL;
                }
              attributes[2 * n_attributes] = NULL;

              handler->start_element (user_data, element, element_names[element],
                                      n_attributes > 0 ? attributes : NULL);
              if (self_closed || element_void[element])
                {
                  handler->end_element (user_data);
                }
              else
                {
                  if (depth == MAX_DEPTH)
                    return FALSE;
                  stack[depth++] = element;
                }
            }
          else
            {
              return FALSE;
            }
        }
      else if (*p == '&')
        {
          char decoded[8];
          gsize decoded_length;
          const char *next;

          switch (read_reference (p, end, &next, decoded, &decoded_length))
            {
            case REFERENCE_DECODED:
              handler->characters (user_data, decoded, decoded_length);
              break;
            case REFERENCE_LITERAL:
              handler->characters (user_data, p, next - p);
              break;
            case REFERENCE_REFUSED:
            default:
              return FALSE;
            }
          p = next;
        }
      else
        {
          const char *run = p;

          /* the input ends with a NUL and holds none (see above) */
          p += strcspn (p, "<&");
          if (p > end)
            p = end;
          handler->characters (user_data, run, p - run);
        }
    }

  /* as libxml2 does at the end of its input */
  while (depth > 0)
    {
      depth--;
      handler->end_element (user_data);
    }

  return TRUE;
}
