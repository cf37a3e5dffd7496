/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-utils"

#include "config.h"

#include <string.h>

#include "test-utils.h"

/* Starts a test program: its own XDG folders (G_TEST_OPTION_ISOLATE_DIRS)
 * and no proxy (the isolated folders hide GNOME's proxy schema, and the
 * tests only reach 127.0.0.1).
 */
void
test_utils_init (int    *argc,
                 char ***argv)
{
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
}

/* A client with its cache in the test's own cache folder, and a short
 * timeout, which the fixture server's stalls run into. */
BulletinClient *
test_utils_new_client (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "bulletin", "http", NULL);
  BulletinClient *client = bulletin_client_new (dir);

  bulletin_client_set_timeout (client, 2);

  return client;
}

/* The file at TEST_DATA_DIR/first_element/…, which must be there. */
GBytes *
test_utils_load_data (const char *first_element,
                      ...)
{
  g_autoptr(GPtrArray) elements = g_ptr_array_new ();
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;
  va_list args;

  g_ptr_array_add (elements, (gpointer) TEST_DATA_DIR);
  va_start (args, first_element);
  for (const char *element = first_element; element != NULL; element = va_arg (args, const char *))
    g_ptr_array_add (elements, (gpointer) element);
  va_end (args);
  g_ptr_array_add (elements, NULL);

  path = g_build_filenamev ((char **) elements->pdata);
  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

/* A GAsyncReadyCallback that keeps the result in *(GAsyncResult **) user_data. */
void
test_utils_result_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  g_assert_null (*slot);
  *slot = g_object_ref (result);
}

/* Runs the main context until test_utils_result_cb() has filled @result.
 *
 * Returns: (transfer none): the result, still owned by @result
 */
GAsyncResult *
test_utils_wait (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return *result;
}

static void
walk_tree (const char         *dir,
           guint               depth,
           const char * const *suffixes,
           TestUtilsFileFunc   func,
           gpointer            user_data)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  if (handle == NULL || depth > 5)
    return;

  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          walk_tree (path, depth + 1, suffixes, func, user_data);
          continue;
        }
      for (guint i = 0; suffixes[i] != NULL; i++)
        if (g_str_has_suffix (name, suffixes[i]))
          {
            func (path, user_data);
            break;
          }
    }
}

/* Calls @func for each file under @dir (the test data, the shared
 * corpus), five folders deep at most, whose name ends in one of
 * @suffixes. */
void
test_utils_walk_tree (const char         *dir,
                      const char * const *suffixes,
                      TestUtilsFileFunc   func,
                      gpointer            user_data)
{
  walk_tree (dir, 0, suffixes, func, user_data);
}

/* Adds to @found each text of @text between @open and the next @close,
 * under 2,000 bytes: the URLs of the test data and the corpus, for
 * tests to try. */
void
test_utils_collect_between (const char *text,
                            const char *open,
                            const char *close,
                            GHashTable *found)
{
  for (const char *p = strstr (text, open); p != NULL; p = strstr (p, open))
    {
      const char *value = p + strlen (open);
      const char *end = strstr (value, close);

      if (end == NULL)
        break;
      if (end - value < 2000)
        g_hash_table_add (found, g_strndup (value, end - value));
      p = end;
    }
}
