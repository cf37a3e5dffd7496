/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bulletin-listing-parser"

#include "config.h"

#include <string.h>
#include <libxml/HTMLparser.h>

#include "bulletin-listing-parser.h"
#include "bulletin-article.h"
#include "bulletin-date.h"
#include "bulletin-error.h"
#include "bulletin-html.h"
#include "bulletin-page-extractor.h"
#include "bulletin-readability.h"
#include "bulletin-url-private.h"

/* BulletinListingParser reads an outlet's section page and gives the
 * articles it links to, as stubs: canonical URL, headline, thumbnail,
 * section label and time, as far as the page tells them.
 *
 * An article link sits in a "card": the largest ancestor of the link that
 * still holds links to that one article only. The card's heading, image,
 * <time> and label belong to the article.
 */

#define MAX_CARD_LEVELS 6

#define attr bulletin_html_attr
#define node_text bulletin_html_node_text
#define is_element bulletin_html_is_element
#define is_tag bulletin_html_is_tag
#define walk_next bulletin_html_next_node

static char *
clean_text (const char *s)
{
  return bulletin_html_clean_text (s, FALSE);
}

/* Tells a tracking parameter by its name, @length bytes at @name, without
 * copying it: every article's dedup key asks, 10,000 times a big merge. */
static gboolean
is_tracking_param (const char *name,
                   gsize       length)
{
  static const char * const names[] = {
    "fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid", "yclid",
    "_ga", "_gl", "ocid", "cmpid",
  };

  if (length >= 4 && g_ascii_strncasecmp (name, "utm_", 4) == 0)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (strlen (names[i]) == length && g_ascii_strncasecmp (name, names[i], length) == 0)
      return TRUE;
  return FALSE;
}

/* Whether bulletin_url_clean() would give @url back as it is. */
static gboolean
is_clean (const char *url)
{
  for (const guchar *p = (const guchar *) url; *p != '\0'; p++)
    if (*p <= 0x20 || *p == 0x7f)
      return FALSE;
  return TRUE;
}

/* bulletin_url_resolve() of @href when it is an http(s) URL with a host
 * (bulletin_url_is_http()), else %NULL; without GUri for a plain URL, as
 * every article's dedup key asks: what bulletin_url_resolve_plain() takes
 * is what GUri gives back, and it starts with a plain http:// or https://
 * origin, so it is an http URL with a host. Anything else takes the two
 * GUri parses. */
static char *
resolve_http (const char *base,
              const char *href)
{
  g_autofree char *clean = is_clean (href) ? NULL : bulletin_url_clean (href);
  char *resolved = bulletin_url_resolve_plain (base, clean != NULL ? clean : href);

  if (resolved != NULL)
    return resolved;

  resolved = bulletin_url_resolve (base, href);
  if (resolved != NULL && !bulletin_url_is_http (resolved))
    g_clear_pointer (&resolved, g_free);
  return resolved;
}

/**
 * bulletin_listing_canonical_url:
 * @base: (nullable): the page's base URL
 * @href: a link as found in the page
 *
 * Resolves @href and removes what does not name a different article: the
 * fragment and tracking parameters (utm_*, fbclid, gclid, …).
 *
 * Returns: (transfer full) (nullable): an absolute http(s) URL, or %NULL
 */
char *
bulletin_listing_canonical_url (const char *base,
                                const char *href)
{
  char *resolved;
  char *query, *out;
  const char *param;

  if (href == NULL || *href == '\0' || href[0] == '#')
    return NULL;
  resolved = resolve_http (base, href);
  if (resolved == NULL)
    return NULL;

  resolved[strcspn (resolved, "#")] = '\0';
  query = strchr (resolved, '?');
  if (query == NULL)
    return resolved;

  /* The parameters that are kept, in their order, joined again in place
   * (what is kept is never longer than what was there); an empty one
   * ("?&a", "a&&b", a bare '?') goes as well. */
  out = query;
  for (param = query + 1; ; )
    {
      gsize length = strcspn (param, "&");
      gsize name_length = strcspn (param, "=");

      if (length > 0 && !is_tracking_param (param, MIN (name_length, length)))
        {
          char separator = out == query ? '?' : '&';

          *out++ = separator;
          memmove (out, param, length);
          out += length;
        }
      if (param[length] == '\0')
        break;
      param += length + 1;
    }
  *out = '\0';

  return resolved;
}

static gboolean
in_navigation (xmlNode *node)
{
  static GRegex *chrome;
  static gsize once;

  if (g_once_init_enter (&once))
    {
      chrome = g_regex_new ("(^|[\\s_-])(nav|navbar|navigation|menu|mainmenu|megamenu|footer|breadcrumbs?|skip-link|header-links|social|share)($|[\\s_-])",
                            G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&once, 1);
    }

  for (xmlNode *a = node; is_element (a); a = a->parent)
    {
      const char *role = attr (a, "role");
      const char *class_name = attr (a, "class");
      const char *id = attr (a, "id");

      if (is_tag (a, "nav") || is_tag (a, "footer"))
        return TRUE;
      if (role != NULL && (g_ascii_strcasecmp (role, "navigation") == 0 ||
                           g_ascii_strcasecmp (role, "contentinfo") == 0 ||
                           g_ascii_strcasecmp (role, "menu") == 0 ||
                           g_ascii_strcasecmp (role, "menubar") == 0))
        return TRUE;
      if ((class_name != NULL && g_regex_match (chrome, class_name, 0, NULL)) ||
          (id != NULL && g_regex_match (chrome, id, 0, NULL)))
        return TRUE;
    }

  return FALSE;
}

static char *
host_of (const char *url)
{
  g_autoptr(GUri) uri = url != NULL ? g_uri_parse (url, G_URI_FLAGS_PARSE_RELAXED | G_URI_FLAGS_ENCODED, NULL) : NULL;
  const char *host;

  if (uri == NULL || (host = g_uri_get_host (uri)) == NULL)
    return NULL;
  if (g_ascii_strncasecmp (host, "www.", 4) == 0)
    host += 4;
  return g_ascii_strdown (host, -1);
}

/* Without a pattern: a link on the same site whose path looks like an
 * article's (a long hyphenated slug, or a long number), not a section. */
static gboolean
looks_like_article (const char *url,
                    const char *page_host,
                    const char *page_url)
{
  static const char * const not_articles[] = {
    "/tag/", "/tags/", "/category/", "/categories/", "/author/", "/authors/", "/section/",
    "/search", "/login", "/signup", "/subscribe", "/about", "/contact", "/privacy", "/terms", NULL
  };
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_PARSE_RELAXED | G_URI_FLAGS_ENCODED, NULL);
  g_autofree char *host = host_of (url);
  const char *path;
  const char *last;
  g_autofree char *trimmed = NULL;
  guint hyphens = 0, digits = 0, max_digits = 0;

  if (uri == NULL || host == NULL)
    return FALSE;
  if (page_host != NULL && g_strcmp0 (host, page_host) != 0 && !g_str_has_suffix (host, page_host))
    return FALSE;
  if (page_url != NULL && g_strcmp0 (url, page_url) == 0)
    return FALSE;

  path = g_uri_get_path (uri);
  for (guint i = 0; not_articles[i] != NULL; i++)
    if (strstr (path, not_articles[i]) != NULL)
      return FALSE;

  trimmed = g_strdup (path);
  while (*trimmed != '\0' && trimmed[strlen (trimmed) - 1] == '/')
    trimmed[strlen (trimmed) - 1] = '\0';
  last = strrchr (trimmed, '/');
  last = last != NULL ? last + 1 : trimmed;

  for (const char *p = last; *p != '\0'; p++)
    {
      if (*p == '-' || *p == '_')
        hyphens++;
      if (g_ascii_isdigit (*p))
        max_digits = MAX (max_digits, ++digits);
      else
        digits = 0;
    }

  return (hyphens >= 3 && strlen (last) >= 15) || max_digits >= 5 || strlen (last) >= 40;
}

static char *
image_source (xmlNode    *img,
              const char *base)
{
  static const char * const names[] = { "data-src", "data-lazy-src", "data-original", "src", "data-srcset", "srcset", NULL };

  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *value = attr (img, names[i]);
      g_autofree char *first = NULL;
      char *resolved;

      if (value == NULL)
        continue;
      while (g_ascii_isspace (*value))
        value++;
      first = g_strndup (value, strcspn (value, " \t\n,"));
      if (*first == '\0' || g_ascii_strncasecmp (first, "data:", 5) == 0)
        continue;
      resolved = bulletin_url_resolve (base, first);
      if (resolved != NULL && bulletin_url_is_http (resolved))
        return resolved;
      g_free (resolved);
    }

  return NULL;
}

typedef struct
{
  BulletinArticle *article;
  gboolean         from_link_text;  /* the headline came from a link's text */
} Entry;

static gboolean
is_generic_link_text (const char *text)
{
  static const char * const generic[] = {
    "read more", "more", "continue reading", "read", "full story", "watch", "listen",
    "view", "details", "click here", "here", "...", "…", NULL
  };
  g_autofree char *lower = NULL;

  if (text == NULL)
    return TRUE;
  lower = g_utf8_strdown (text, -1);
  return g_strv_contains (generic, lower) || g_utf8_strlen (text, -1) < 4;
}

/* The card of @link: climb while the ancestor links to @url alone. */
static xmlNode *
find_card (xmlNode    *link,
           const char *url,
           const char *base)
{
  xmlNode *card = link;

  for (int level = 0; level < MAX_CARD_LEVELS; level++)
    {
      xmlNode *up = card->parent;
      gboolean other = FALSE;

      if (!is_element (up) || is_tag (up, "body") || is_tag (up, "html") || is_tag (up, "main"))
        break;

      for (xmlNode *n = up; n != NULL && !other; n = walk_next (n, up, FALSE))
        if (is_tag (n, "a") && n != link)
          {
            g_autofree char *other_url = bulletin_listing_canonical_url (base, attr (n, "href"));
            if (other_url != NULL && g_strcmp0 (other_url, url) != 0)
              other = TRUE;
          }
      if (other)
        break;
      card = up;
      if (is_tag (card, "article") || is_tag (card, "li"))
        break;
    }

  return card;
}

static void
read_card (xmlNode         *card,
           xmlNode         *link,
           const char      *base,
           BulletinArticle *article,
           gboolean        *headline_from_link)
{
  static GRegex *label_class, *time_class;
  static gsize once;
  g_autofree char *link_text = node_text (link, TRUE);
  g_autofree char *headline = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *image = NULL;
  g_autofree char *alt = NULL;
  g_autofree char *label = NULL;
  g_autoptr(GDateTime) time = NULL;

  if (g_once_init_enter (&once))
    {
      label_class = g_regex_new ("section|category|categ|kicker|label|region|tag|topic|rubric|eyebrow",
                                 G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
      time_class = g_regex_new ("date|time|published", G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&once, 1);
    }

  for (xmlNode *n = card; n != NULL; n = walk_next (n, card, FALSE))
    {
      const char *class_name;

      if (!is_element (n))
        continue;
      class_name = attr (n, "class");

      if (heading == NULL && (is_tag (n, "h1") || is_tag (n, "h2") || is_tag (n, "h3") ||
                              is_tag (n, "h4") || is_tag (n, "h5") || is_tag (n, "h6")))
        {
          g_autofree char *text = node_text (n, TRUE);
          heading = clean_text (text);
        }
      else if (image == NULL && (is_tag (n, "img") || is_tag (n, "source")))
        {
          image = image_source (n, base);
          if (image != NULL && is_tag (n, "img"))
            {
              alt = clean_text (attr (n, "alt"));
              if (alt == NULL)
                alt = clean_text (attr (n, "title"));
            }
        }
      else if (time == NULL && is_tag (n, "time"))
        {
          const char *datetime = attr (n, "datetime");
          g_autofree char *text = node_text (n, TRUE);

          if (datetime != NULL)
            time = bulletin_date_parse (datetime);
          if (time == NULL && text != NULL && *text != '\0')
            time = bulletin_date_parse (text);
        }
      else if (time == NULL && class_name != NULL && g_regex_match (time_class, class_name, 0, NULL) &&
               n->children != NULL && n->children->next == NULL && n->children->type == XML_TEXT_NODE)
        {
          g_autofree char *text = node_text (n, TRUE);
          if (text != NULL && g_utf8_strlen (text, -1) < 40)
            time = bulletin_date_parse (text);
        }

      if (label == NULL && class_name != NULL && g_regex_match (label_class, class_name, 0, NULL) &&
          !is_tag (n, "img"))
        {
          g_autofree char *text = node_text (n, TRUE);
          char *clean = clean_text (text);

          if (clean != NULL && g_utf8_strlen (clean, -1) <= 40 &&
              (link_text == NULL || g_strcmp0 (clean, link_text) != 0) &&
              (heading == NULL || g_strcmp0 (clean, heading) != 0))
            label = clean;
          else
            g_free (clean);
        }
    }

  *headline_from_link = FALSE;
  {
    g_autofree char *clean_link = clean_text (link_text);

    if (clean_link != NULL && !is_generic_link_text (clean_link) &&
        (heading == NULL || g_utf8_strlen (clean_link, -1) >= g_utf8_strlen (heading, -1) / 2))
      {
        headline = g_steal_pointer (&clean_link);
        *headline_from_link = TRUE;
      }
    else if (heading != NULL)
      headline = g_steal_pointer (&heading);
    else if (alt != NULL)
      headline = g_steal_pointer (&alt);
    else
      headline = clean_text (attr (link, "title"));
  }

  if (headline != NULL)
    bulletin_article_set_title (article, headline);
  if (image != NULL)
    bulletin_article_set_image (article, image);
  if (label != NULL)
    bulletin_article_set_section_title (article, label);
  if (time != NULL)
    bulletin_article_set_published (article, time);
}

static void
merge_into (BulletinArticle *target,
            BulletinArticle *found,
            gboolean         found_from_link,
            gboolean        *target_from_link)
{
  /* A headline from a heading beats one from an image link's alt text; a
   * value already known is kept otherwise. */
  if (bulletin_article_get_title (target) == NULL ||
      (found_from_link && !*target_from_link && bulletin_article_get_title (found) != NULL))
    {
      if (bulletin_article_get_title (found) != NULL)
        {
          bulletin_article_set_title (target, bulletin_article_get_title (found));
          *target_from_link = found_from_link;
        }
    }
  if (bulletin_article_get_image (target) == NULL && bulletin_article_get_image (found) != NULL)
    bulletin_article_set_image (target, bulletin_article_get_image (found));
  if (bulletin_article_get_section_title (target) == NULL && bulletin_article_get_section_title (found) != NULL)
    bulletin_article_set_section_title (target, bulletin_article_get_section_title (found));
  if (bulletin_article_get_published (target) == NULL && bulletin_article_get_published (found) != NULL)
    bulletin_article_set_published (target, bulletin_article_get_published (found));
}

/**
 * bulletin_listing_parse:
 * @html: a section page's bytes
 * @page_url: (nullable): the page's address, the base of its links
 * @article_url_pattern: (nullable): a #GRegex over absolute URLs that
 *   matches the outlet's article links; %NULL takes any same-site link
 *   that looks like an article
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type BulletinArticle): the
 *   articles the page links to, in page order, each once; %NULL with
 *   @error set for a bad pattern, an oversized or unreadable page
 */
GPtrArray *
bulletin_listing_parse (GBytes      *html,
                        const char  *page_url,
                        const char  *article_url_pattern,
                        GError     **error)
{
  g_autoptr(GPtrArray) result = NULL;
  g_autoptr(GRegex) pattern = NULL;
  g_autoptr(GHashTable) seen = NULL;
  g_autofree char *utf8 = NULL;
  g_autofree char *base = NULL;
  g_autofree char *page_host = NULL;
  g_autofree char *page_canonical = NULL;
  g_autoptr(GArray) from_link = NULL;
  xmlDoc *doc;
  xmlNode *root;
  const char *data;
  gsize size, length = 0;

  g_return_val_if_fail (html != NULL, NULL);

  if (article_url_pattern != NULL)
    {
      g_autoptr(GError) local_error = NULL;

      pattern = g_regex_new (article_url_pattern, G_REGEX_OPTIMIZE, 0, &local_error);
      if (pattern == NULL)
        {
          g_set_error (error, BULLETIN_ERROR, BULLETIN_ERROR_INVALID_DATA,
                       "The article URL pattern is not a valid regular expression: %s",
                       local_error->message);
          return NULL;
        }
    }

  data = g_bytes_get_data (html, &size);
  if (size > BULLETIN_PAGE_MAX_SIZE)
    {
      g_set_error (error, BULLETIN_ERROR, BULLETIN_ERROR_TOO_LARGE,
                   "The page is larger than the limit of %d MiB", BULLETIN_PAGE_MAX_SIZE / (1024 * 1024));
      return NULL;
    }

  result = g_ptr_array_new_with_free_func (g_object_unref);
  if (size == 0 || data == NULL)
    return g_steal_pointer (&result);

  utf8 = bulletin_page_text_to_utf8 (data, size, &length);
  doc = bulletin_readability_parse (utf8, length);
  if (doc == NULL)
    return g_steal_pointer (&result);
  root = xmlDocGetRootElement (doc);

  base = g_strdup (page_url);
  for (xmlNode *n = root; n != NULL; n = walk_next (n, root, FALSE))
    if (is_tag (n, "base") && attr (n, "href") != NULL)
      {
        char *resolved = bulletin_url_resolve (page_url, attr (n, "href"));
        if (resolved != NULL)
          {
            g_free (base);
            base = resolved;
          }
        break;
      }
  page_host = host_of (page_url);
  page_canonical = page_url != NULL ? bulletin_listing_canonical_url (NULL, page_url) : NULL;

  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  from_link = g_array_new (FALSE, FALSE, sizeof (gboolean));

  for (xmlNode *n = root; n != NULL; n = walk_next (n, root, FALSE))
    {
      g_autofree char *url = NULL;
      g_autoptr(BulletinArticle) found = NULL;
      gboolean headline_from_link = FALSE;
      gpointer index;
      xmlNode *card;

      if (!is_tag (n, "a"))
        continue;

      url = bulletin_listing_canonical_url (base, attr (n, "href"));
      if (url == NULL)
        continue;
      if (pattern != NULL ? !g_regex_match (pattern, url, 0, NULL)
                          : !looks_like_article (url, page_host, page_canonical))
        continue;
      if (in_navigation (n))
        continue;

      card = find_card (n, url, base);
      found = bulletin_article_new ();
      bulletin_article_set_url (found, url);
      read_card (card, n, base, found, &headline_from_link);

      if (g_hash_table_lookup_extended (seen, url, NULL, &index))
        {
          guint i = GPOINTER_TO_UINT (index);
          merge_into (g_ptr_array_index (result, i), found, headline_from_link,
                      &g_array_index (from_link, gboolean, i));
        }
      else
        {
          g_hash_table_insert (seen, g_strdup (url), GUINT_TO_POINTER (result->len));
          g_ptr_array_add (result, g_steal_pointer (&found));
          g_array_append_val (from_link, headline_from_link);
        }
    }

  xmlFreeDoc (doc);

  /* A link that never said what it links to is no headline. */
  for (guint i = result->len; i > 0; i--)
    if (bulletin_article_get_title (g_ptr_array_index (result, i - 1)) == NULL)
      g_ptr_array_remove_index (result, i - 1);

  return g_steal_pointer (&result);
}
