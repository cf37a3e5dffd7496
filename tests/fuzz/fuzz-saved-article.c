/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fuzz-saved-article"

/* The saved-article reader: any bytes as the article.json of a saved
 * article, read back by BulletinLibrary (with one saved image beside it,
 * so that the body's images are rewritten), and as an article's JSON by
 * bulletin_article_new_from_json.
 */

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "bulletin-core.h"
#include "fuzz-common.h"

#define ARTICLE_URL "https://example.com/news/a"
#define IMAGE_URL "https://example.com/img/a.png"

static BulletinLibrary *library;
static char *article_file;

/* The smallest valid PNG: one transparent pixel. */
static const guint8 png[] = {
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d,
  0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01,
  0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4, 0x89, 0x00, 0x00, 0x00,
  0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0x00, 0x01, 0x00, 0x00,
  0x05, 0x00, 0x01, 0x0d, 0x0a, 0x2d, 0xb4, 0x00, 0x00, 0x00, 0x00, 0x49,
  0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
};

static void
remove_library (void)
{
  g_autofree char *dir = g_strdup (bulletin_library_get_dir (library));
  g_autofree char *article_dir = g_path_get_dirname (article_file);
  g_autofree char *images = g_build_filename (article_dir, "images", NULL);
  g_autofree char *image = NULL;
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, IMAGE_URL, -1);
  g_autofree char *name = g_strconcat (hash, ".png", NULL);
  g_autofree char *corrupt = g_strconcat (article_file, ".corrupt", NULL);

  image = g_build_filename (images, name, NULL);
  g_unlink (image);
  g_rmdir (images);
  g_unlink (article_file);
  g_unlink (corrupt);
  g_rmdir (article_dir);
  g_rmdir (dir);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autofree char *dir = NULL;
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, ARTICLE_URL, -1);
  g_autofree char *image_hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, IMAGE_URL, -1);
  g_autofree char *image_name = g_strconcat (image_hash, ".png", NULL);
  g_autofree char *article_dir = NULL;
  g_autofree char *images = NULL;
  g_autofree char *image = NULL;

  fuzz_init ();
  /* The file is rewritten for every input: keep it in memory where we can. */
  dir = g_dir_make_tmp ("fuzz-saved-article-XXXXXX", NULL);
  if (dir == NULL)
    abort ();
  article_dir = g_build_filename (dir, hash, NULL);
  images = g_build_filename (article_dir, "images", NULL);
  image = g_build_filename (images, image_name, NULL);
  if (g_mkdir_with_parents (images, 0700) != 0 ||
      !g_file_set_contents (image, (const char *) png, sizeof png, NULL))
    abort ();

  library = bulletin_library_new (dir);
  article_file = g_build_filename (article_dir, "article.json", NULL);
  atexit (remove_library);

  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(BulletinArticle) article = NULL;
  g_autoptr(BulletinArticle) from_json = NULL;
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) error = NULL;

  /* As the library reads it. A failed load set the last one aside. */
  g_unlink (article_file);
  if (!g_file_set_contents_full (article_file, (const char *) data, size,
                                 G_FILE_SET_CONTENTS_NONE, 0600, NULL))
    abort ();
  article = bulletin_library_load (library, ARTICLE_URL, &error);
  if (article == NULL)
    {
      if (error == NULL || error->domain != BULLETIN_ERROR ||
          (error->code != BULLETIN_ERROR_INVALID_DATA && error->code != BULLETIN_ERROR_NOT_FOUND))
        abort ();
    }
  else if (g_strcmp0 (bulletin_article_get_url (article), ARTICLE_URL) != 0)
    {
      abort ();
    }

  /* As an article's JSON, whatever the manifest around it. */
  if (json_parser_load_from_data (parser, (const char *) data, size, NULL) &&
      json_parser_get_root (parser) != NULL)
    {
      JsonNode *root = json_parser_get_root (parser);
      JsonNode *member = JSON_NODE_HOLDS_OBJECT (root)
                         ? json_object_get_member (json_node_get_object (root), "article")
                         : NULL;

      from_json = bulletin_article_new_from_json (member != NULL ? member : root, NULL);
      if (from_json != NULL)
        {
          /* What was read writes out and reads back the same. */
          g_autoptr(JsonNode) written = bulletin_article_to_json (from_json);
          g_autoptr(BulletinArticle) reread = bulletin_article_new_from_json (written, NULL);

          if (reread == NULL || g_strcmp0 (bulletin_article_get_url (reread), bulletin_article_get_url (from_json)) != 0)
            abort ();
        }
    }

  return 0;
}
