/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bulletin-article-view"

#include "config.h"

#include <gmodule.h>

#include "bulletin-article-view-loader.h"

/* WebKitGTK and its hundred libraries, linked to the app, cost its start
 * ~100 ms before main() and make every later symbol lookup (Mesa's, at
 * gtk_init) slower, for a view that is not shown until an article is
 * chosen. So the app has the article view as a module, loaded then;
 * the test programs, which link the view, are built with
 * BULLETIN_ARTICLE_VIEW_LINKED and have it at once.
 */

const BulletinArticleViewFuncs *bulletin_article_view_get_funcs (void);

#ifdef BULLETIN_ARTICLE_VIEW_LINKED

gboolean
bulletin_article_view_is_loaded (void)
{
  return TRUE;
}

const BulletinArticleViewFuncs *
bulletin_article_view_load (GError **error)
{
  return bulletin_article_view_get_funcs ();
}

void
bulletin_article_view_preload (void)
{
}

#else

#define MODULE_NAME "libbulletin-article-view.so"

static const BulletinArticleViewFuncs *funcs;

gboolean
bulletin_article_view_is_loaded (void)
{
  return funcs != NULL;
}

static GModule *
open_module (GError **error)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *exe_dir = exe != NULL ? g_path_get_dirname (exe) : NULL;
  g_autofree char *beside = exe_dir != NULL ? g_build_filename (exe_dir, MODULE_NAME, NULL) : NULL;
  g_autofree char *installed = g_build_filename (BULLETIN_MODULE_DIR, MODULE_NAME, NULL);

  /* Beside the program when it runs from its build directory */
  if (beside != NULL && g_file_test (beside, G_FILE_TEST_EXISTS))
    return g_module_open_full (beside, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL, error);

  return g_module_open_full (installed, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL, error);
}

/**
 * bulletin_article_view_load:
 * @error: return location for a #GError
 *
 * Loads the article view (and WebKitGTK with it) the first time.
 *
 * Returns: (transfer none) (nullable): the view's functions, or %NULL with
 *   @error set when the module cannot be loaded
 */
const BulletinArticleViewFuncs *
bulletin_article_view_load (GError **error)
{
  GModule *module;
  const BulletinArticleViewFuncs *(*get_funcs) (void) = NULL;

  if (funcs != NULL)
    return funcs;

  module = open_module (error);
  if (module == NULL)
    return NULL;

  if (!g_module_symbol (module, "bulletin_article_view_get_funcs", (gpointer *) &get_funcs) ||
      get_funcs == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   "%s holds no article view", g_module_name (module));
      g_module_close (module);
      return NULL;
    }

  /* Its types stay registered: it is never unloaded */
  g_module_make_resident (module);
  funcs = get_funcs ();
  g_debug ("Article view loaded from %s", g_module_name (module));

  return funcs;
}

static void
preload_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  /* Only the loading and relocating: the symbol is looked up, and the
   * view's types registered, on the main thread */
  GError *error = NULL;
  GModule *module = open_module (&error);

  if (module != NULL)
    g_task_return_pointer (task, module, NULL);
  else
    g_task_return_error (task, error);
}

static void
preloaded_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  GModule *module = g_task_propagate_pointer (G_TASK (result), &error);

  /* Said now rather than when an article is chosen: the app is
   * incomplete, which its packager wants to hear at once */
  if (module == NULL)
    {
      g_warning ("Cannot load the article view: %s", error->message);
      return;
    }

  /* bulletin_article_view_load() opens it again, which costs nothing now
   * (GModule counts the opens of one file) */
  if (funcs == NULL)
    bulletin_article_view_load (NULL);
  g_module_close (module);
}

/**
 * bulletin_article_view_preload:
 *
 * Loads the module in a worker thread, so that the first article read
 * does not wait for it (~130–170 ms for WebKitGTK's libraries here).
 * Called once the first headlines are drawn.
 */
void
bulletin_article_view_preload (void)
{
  static gboolean preloading;
  g_autoptr(GTask) task = NULL;

  if (funcs != NULL || preloading)
    return;

  preloading = TRUE;
  task = g_task_new (NULL, NULL, preloaded_cb, NULL);
  g_task_set_source_tag (task, bulletin_article_view_preload);
  g_task_run_in_thread (task, preload_thread);
}

#endif
