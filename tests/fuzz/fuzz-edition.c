/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fuzz-edition"

/* The edition loader: any bytes as an edition file. */

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
  g_autoptr(BulletinEdition) edition = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *sections;

  edition = bulletin_edition_new_from_bytes (bytes, "file:///usr/share/bulletin/editions/", &error);
  if (edition == NULL)
    {
      if (error == NULL || error->domain != BULLETIN_ERROR)
        abort ();
      return 0;
    }

  /* A loaded edition is whole: an id, a name, sections to show. */
  if (bulletin_edition_get_id (edition) == NULL || bulletin_edition_get_name (edition) == NULL)
    abort ();
  sections = bulletin_edition_get_sections (edition);
  for (guint i = 0; sections != NULL && i < g_list_model_get_n_items (sections); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (sections, i);

      if (item == NULL)
        abort ();
    }
  bulletin_edition_url_is_article (edition, "https://english.almayadeen.net/news/politics/x");

  return 0;
}
