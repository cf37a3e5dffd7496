/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fuzz-listing-parser"

/* The listing parser: any bytes as an outlet's section page. */

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
  g_autoptr(GPtrArray) stubs = NULL;
  g_autoptr(GError) error = NULL;

  stubs = bulletin_listing_parse (bytes, "https://english.almayadeen.net/news/politics",
                                  "^https://english\\.almayadeen\\.net/(outlet/)?(news|articles|videos)/.+",
                                  &error);
  if (stubs == NULL)
    {
      if (error == NULL || error->domain != BULLETIN_ERROR)
        abort ();
      return 0;
    }

  for (guint i = 0; i < stubs->len; i++)
    {
      BulletinArticle *stub = g_ptr_array_index (stubs, i);
      const char *url = bulletin_article_get_url (stub);

      /* Every stub is an article of the outlet, by the pattern. */
      if (url == NULL || !g_str_has_prefix (url, "https://english.almayadeen.net/"))
        abort ();
    }

  return 0;
}
