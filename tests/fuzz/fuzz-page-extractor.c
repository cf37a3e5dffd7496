/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fuzz-page-extractor"

/* The page extractor: any bytes as an article page, through Readability's
 * scoring and the sanitizer, and the listing's text helpers. */

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
  g_autoptr(BulletinArticle) article = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *site_name = NULL;
  const char *body;

  article = bulletin_page_extract_full (bytes, "https://english.almayadeen.net/news/politics/a-story",
                                        &site_name, &error);
  if (article == NULL)
    {
      if (error == NULL || error->domain != BULLETIN_ERROR)
        abort ();
      return 0;
    }

  body = bulletin_article_get_body (article);
  if (body != NULL)
    {
      g_autofree char *text = bulletin_page_html_text (body);

      if (!g_utf8_validate (body, -1, NULL) || (text != NULL && !g_utf8_validate (text, -1, NULL)))
        abort ();
      bulletin_page_count_words (text);
    }
  if (bulletin_article_get_title (article) != NULL &&
      !g_utf8_validate (bulletin_article_get_title (article), -1, NULL))
    abort ();

  return 0;
}
