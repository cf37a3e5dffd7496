/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fuzz-feed"

/* The feed parser: RSS, Atom and RDF (the fuzz-feed-xml seeds) and JSON
 * Feed (the fuzz-feed-json seeds) go through the same function, which
 * sniffs the format. Every item is read back so that what the parser
 * built is touched, not only built.
 */

#include "bulletin-core.h"
#include "fuzz-common.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(BulletinFeed) feed = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *items;
  gsize total = 0;

  feed = bulletin_feed_parse (bytes, "https://example.com/feeds/main.xml", &error);
  if (feed == NULL)
    {
      if (error == NULL || error->domain != BULLETIN_ERROR)
        abort ();
      return 0;
    }
  if (error != NULL)
    abort ();

  total += strlen (bulletin_feed_get_format (feed) ? bulletin_feed_get_format (feed) : "");
  items = bulletin_feed_get_items (feed);
  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      BulletinArticle *article = g_ptr_array_index (items, i);
      const char *body = bulletin_article_get_body (article);
      const char *summary = bulletin_article_get_summary (article);

      /* Sanitized HTML and plain text must be valid UTF-8. */
      if ((body != NULL && !g_utf8_validate (body, -1, NULL)) ||
          (summary != NULL && !g_utf8_validate (summary, -1, NULL)) ||
          (bulletin_article_get_title (article) != NULL &&
           !g_utf8_validate (bulletin_article_get_title (article), -1, NULL)))
        abort ();
      total += body != NULL ? strlen (body) : 0;
    }

  return total == G_MAXSIZE;
}
