/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fuzz-bookmarks-import"

/* The bookmark import reader: any bytes as an exported bookmarks file
 * (JSON or OPML), imported into a fresh bookmark list over a memory
 * settings backend, then exported and imported again: what was accepted
 * once must be accepted again, whole.
 */

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>

#include "config.h"
#include "bulletin-core.h"
#include "fuzz-common.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  g_setenv ("GSETTINGS_SCHEMA_DIR", SCHEMAS_DIR, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  return 0;
}

static BulletinBookmarks *
new_bookmarks (GSettings **settings)
{
  g_autoptr(GSettingsBackend) backend = g_memory_settings_backend_new ();

  *settings = g_settings_new_with_backend (APP_ID, backend);
  return bulletin_bookmarks_new (*settings);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GSettings) settings2 = NULL;
  g_autoptr(BulletinBookmarks) bookmarks = new_bookmarks (&settings);
  g_autoptr(BulletinBookmarks) bookmarks2 = NULL;
  g_autoptr(GError) error = NULL;
  guint n_added = 0;
  guint n_again = 0;

  if (!bulletin_bookmarks_import_bytes (bookmarks, bytes, &n_added, &error))
    {
      if (error == NULL || error->domain != BULLETIN_ERROR || n_added != 0)
        abort ();
      return 0;
    }
  if (n_added == 0)
    return 0;

  for (int format = BULLETIN_BOOKMARKS_FORMAT_JSON; format <= BULLETIN_BOOKMARKS_FORMAT_OPML; format++)
    {
      g_autoptr(GBytes) exported = bulletin_bookmarks_serialize (bookmarks, format);

      g_clear_object (&bookmarks2);
      g_clear_object (&settings2);
      bookmarks2 = new_bookmarks (&settings2);
      if (!bulletin_bookmarks_import_bytes (bookmarks2, exported, &n_again, &error))
        {
          g_printerr ("Re-import failed: %s\n", error->message);
          abort ();
        }
      if (n_again != n_added)
        {
          g_printerr ("Imported %u, exported and re-imported %u (format %d)\n", n_added, n_again, format);
          abort ();
        }
    }

  return 0;
}
