/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bulletin-sanitizer"

#include "config.h"

#include <string.h>

#include "bulletin-sanitizer-private.h"

/* The filter of style attributes, apart from the HTML sanitizer that calls
 * it (bulletin-sanitizer.c): a style is text of its own language, read
 * here by feedparser's rules, and refused whole at the first thing that
 * is not plainly harmless.
 */

/* feedparser's CSS allow-list: properties that only change how text and
 * boxes look. Nothing positions, loads or runs anything. */
static const char * const css_properties[] = {
  "azimuth", "background-color", "border-bottom-color", "border-collapse",
  "border-color", "border-left-color", "border-right-color",
  "border-top-color", "clear", "color", "cursor", "direction", "display",
  "elevation", "float", "font", "font-family", "font-size", "font-style",
  "font-variant", "font-weight", "height", "letter-spacing", "line-height",
  "overflow", "pause", "pause-after", "pause-before", "pitch",
  "pitch-range", "richness", "speak", "speak-header", "speak-numeral",
  "speak-punctuation", "speech-rate", "stress", "text-align",
  "text-decoration", "text-indent", "unicode-bidi", "vertical-align",
  "voice-family", "volume", "white-space", "width", NULL
};

/* The shorthands whose every word must be a keyword or a plain value. */
static const char * const css_box_families[] = {
  "background", "border", "margin", "padding", NULL
};

static const char * const css_keywords[] = {
  "aqua", "auto", "black", "block", "blue", "bold", "both", "bottom",
  "brown", "center", "collapse", "dashed", "dotted", "fuchsia", "gray",
  "green", "!important", "italic", "left", "lime", "maroon", "medium",
  "none", "navy", "normal", "nowrap", "olive", "pointer", "purple", "red",
  "right", "solid", "silver", "teal", "top", "transparent", "underline",
  "white", "yellow", NULL
};

static gboolean
css_is_space (gunichar c)
{
  return g_unichar_isspace (c);
}

static gboolean
css_is_word (gunichar c)
{
  return c == '_' || g_unichar_isalnum (c);
}

/* Removes every url(…) as feedparser does (its pattern is
 * url\s*\(\s*[^\s)]+\s*\)\s*), leaving a space. */
static char *
css_remove_urls (const char *style)
{
  GString *out = g_string_new (NULL);
  const char *p = style;

  while (*p != '\0')
    {
      const char *q = p;
      const char *run;

      if (g_ascii_strncasecmp (q, "url", 3) != 0)
        {
          g_string_append_c (out, *p++);
          continue;
        }
      q += 3;
      while (g_ascii_isspace (*q))
        q++;
      if (*q != '(')
        {
          g_string_append_c (out, *p++);
          continue;
        }
      q++;
      while (g_ascii_isspace (*q))
        q++;
      run = q;
      while (*q != '\0' && *q != ')' && !g_ascii_isspace (*q))
        q++;
      if (q == run)
        {
          g_string_append_c (out, *p++);
          continue;
        }
      while (g_ascii_isspace (*q))
        q++;
      if (*q != ')')
        {
          g_string_append_c (out, *p++);
          continue;
        }
      q++;
      while (g_ascii_isspace (*q))
        q++;
      g_string_append_c (out, ' ');
      p = q;
    }

  return g_string_free (out, FALSE);
}

/* Words that have meant code in some browser's CSS. A style holding one
 * anywhere, even inside a harmless-looking word such as a font name, is
 * refused whole: no reader needs them, and no later filter can then be
 * fooled by them. */
static const char * const css_forbidden_words[] = {
  "expression", "binding", "behavior", "behaviour", "javascript",
  "vbscript", NULL
};

static gboolean
css_has_forbidden_word (const char *style)
{
  g_autofree char *lower = g_ascii_strdown (style, -1);

  for (guint i = 0; css_forbidden_words[i] != NULL; i++)
    if (strstr (lower, css_forbidden_words[i]) != NULL)
      return TRUE;

  return FALSE;
}

/* Every character of @style must be harmless: letters, digits, spaces and
 * :,;#%.! ; a hyphen between word characters; a quoted run of words and
 * spaces; a parenthesized run of digits, commas and spaces. Backslash
 * escapes, comments, expression(), anything quoted strangely: refused.
 */
static gboolean
css_passes_gauntlet (const char *style)
{
  const char *p = style;
  gunichar previous = 0;

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);

      if ((c < 0x80 && (g_ascii_isalnum (c) || strchr (":,;#%.!", c) != NULL)) ||
          css_is_space (c))
        {
          p = next;
        }
      else if (c == '-')
        {
          if (!css_is_word (previous) || *next == '\0' ||
              !css_is_word (g_utf8_get_char (next)))
            return FALSE;
          p = next;
        }
      else if (c == '\'' || c == '"')
        {
          const char *q = next;

          while (*q != '\0' && (gunichar) *q != c)
            {
              gunichar d = g_utf8_get_char (q);

              if (!css_is_space (d) && !css_is_word (d))
                return FALSE;
              q = g_utf8_next_char (q);
            }
          if (*q == '\0' || q == next)
            return FALSE;
          c = '"';
          p = q + 1;
        }
      else if (c == '(')
        {
          const char *q = next;

          while (*q != '\0' && *q != ')')
            {
              if (!g_ascii_isdigit (*q) && *q != ',' && !g_ascii_isspace (*q))
                return FALSE;
              q++;
            }
          if (*q == '\0' || q == next)
            return FALSE;
          c = ')';
          p = q + 1;
        }
      else if (css_is_word (c))
        {
          /* a non-ASCII letter, allowed only before or after a hyphen */
          if (previous != '-' && !(*next == '-'))
            return FALSE;
          p = next;
        }
      else
        {
          return FALSE;
        }

      previous = c;
    }

  return TRUE;
}

/* feedparser's valid_css_values:
 * ^(#[0-9a-f]+|rgb\(\d+%?,\d*%?,?\d*%?\)?|\d{0,2}\.?\d{0,2}(cm|em|ex|in|mm|pc|pt|px|%|,|\))?)$
 */
static gboolean
css_is_plain_value (const char *word)
{
  static const char * const units[] = {
    "cm", "em", "ex", "in", "mm", "pc", "pt", "px", "%", ",", ")", NULL
  };
  const char *p = word;
  guint digits;

  if (*p == '#')
    {
      p++;
      if (*p == '\0')
        return FALSE;
      for (; *p != '\0'; p++)
        if (!g_ascii_isdigit (*p) && !(*p >= 'a' && *p <= 'f'))
          return FALSE;
      return TRUE;
    }

  if (g_str_has_prefix (p, "rgb("))
    {
      p += 4;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
      if (*p == '%')
        p++;
      if (*p++ != ',')
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
      if (*p == '%')
        p++;
      if (*p == ',')
        p++;
      while (g_ascii_isdigit (*p))
        p++;
      if (*p == '%')
        p++;
      if (*p == ')')
        p++;
      return *p == '\0';
    }

  for (digits = 0; g_ascii_isdigit (*p); p++)
    digits++;
  if (*p == '.')
    {
      guint decimals = 0;

      if (digits > 2)
        return FALSE;
      for (p++; g_ascii_isdigit (*p); p++)
        decimals++;
      if (decimals > 2)
        return FALSE;
    }
  else if (digits > 4)
    {
      return FALSE;
    }

  return *p == '\0' || g_strv_contains (units, p);
}

static gboolean
css_value_is_plain (const char *value)
{
  g_auto(GStrv) words = g_strsplit_set (value, " \t\n\r\f\v", -1);

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (words[i][0] == '\0')
        continue;
      if (!g_strv_contains (css_keywords, words[i]) && !css_is_plain_value (words[i]))
        return FALSE;
    }

  return TRUE;
}

/**
 * bulletin_sanitize_css:
 * @style: (nullable): the value of a style attribute
 *
 * Keeps the declarations of @style that only change how text looks, by
 * feedparser's rules: a few properties, and the background, border,
 * margin and padding families when every word of their value is a
 * keyword, a colour or a small length. url() is removed; a style with
 * anything unusual in it (escapes, comments, expression(), a stray
 * colon, or a word that once meant code, even inside a font name) is
 * refused whole.
 *
 * Returns: (transfer full) (nullable): the clean declarations, each as
 *   "property: value;", or %NULL when none is left
 */
char *
bulletin_sanitize_css (const char *style)
{
  g_autofree char *without_urls = NULL;
  g_auto(GStrv) declarations = NULL;
  g_autoptr(GString) clean = NULL;

  if (style == NULL || !g_utf8_validate (style, -1, NULL))
    return NULL;

  without_urls = css_remove_urls (style);
  if (css_has_forbidden_word (without_urls) || !css_passes_gauntlet (without_urls))
    return NULL;

  clean = g_string_new (NULL);
  declarations = g_strsplit (without_urls, ";", -1);
  for (guint i = 0; declarations[i] != NULL; i++)
    {
      const char *p = declarations[i];
      const char *name;
      gsize name_length;
      const char *value;

      while (g_ascii_isspace (*p))
        p++;
      if (*p == '\0')
        continue;

      name = p;
      while (*p == '-' || css_is_word (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      name_length = p - name;
      while (g_ascii_isspace (*p))
        p++;
      if (name_length == 0 || *p != ':')
        return NULL;
      p++;
      while (g_ascii_isspace (*p))
        p++;
      value = p;
      if (strchr (value, ':') != NULL)
        return NULL;
      if (*value == '\0')
        continue;

      if (!bulletin_strv_contains_ascii_lower (css_properties, name, name_length))
        {
          g_autofree char *family = g_ascii_strdown (name, name_length);
          char *hyphen = strchr (family, '-');

          if (hyphen != NULL)
            *hyphen = '\0';
          if (!g_strv_contains (css_box_families, family) || !css_value_is_plain (value))
            continue;
        }

      if (clean->len > 0)
        g_string_append_c (clean, ' ');
      g_string_append_len (clean, name, name_length);
      g_string_append_printf (clean, ": %s;", value);
    }

  if (clean->len == 0)
    return NULL;

  return g_string_free (g_steal_pointer (&clean), FALSE);
}
