/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bulletin-article-loader"

#include "config.h"

#include "bulletin-article.h"
#include "bulletin-article-loader.h"
#include "bulletin-error.h"
#include "bulletin-page-extractor.h"

/* Reading an article whose headline came from a feed summary or a section
 * page: fetch its page, extract the article and merge it into the object
 * the list already shows, so every view of it sees the body arrive.
 */

static gboolean
loadable_uri (const char *url)
{
  g_autofree char *scheme = g_uri_parse_scheme (url);

  /* A feed from the web may link anywhere: never to a local file. */
  return scheme != NULL &&
         (g_ascii_strcasecmp (scheme, "http") == 0 ||
          g_ascii_strcasecmp (scheme, "https") == 0 ||
          g_ascii_strcasecmp (scheme, "resource") == 0);
}

static void
extracted_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  BulletinArticle *article = g_task_get_task_data (task);
  g_autoptr(BulletinArticle) extracted = NULL;
  GError *error = NULL;

  extracted = bulletin_page_extract_finish (result, &error);
  if (extracted == NULL)
    {
      bulletin_error_map_cancelled (&error);
      g_task_return_error (task, error);
      return;
    }

  /* The list's URL is the one the app knows the article by. */
  bulletin_article_set_url (extracted, NULL);
  bulletin_article_merge (article, extracted);
  g_task_return_boolean (task, TRUE);
}

static void
fetched_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GCancellable *cancellable = g_task_get_cancellable (task);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *final_uri = NULL;
  GError *error = NULL;

  bytes = bulletin_client_fetch_finish_full (BULLETIN_CLIENT (object), result, NULL, &final_uri, NULL, &error);
  if (bytes == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  bulletin_page_extract_async (bytes, final_uri, cancellable,
                               extracted_cb, g_steal_pointer (&task));
}

/**
 * bulletin_article_load_async:
 * @client: the client to fetch with
 * @article: the article to complete
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Makes @article readable: when it has no body, fetches its page (http,
 * https or resource: only), extracts the article from it off the main
 * thread and merges the result into @article. An article with a body is
 * done at once.
 */
void
bulletin_article_load_async (BulletinClient      *client,
                             BulletinArticle     *article,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  const char *url;

  g_return_if_fail (BULLETIN_IS_CLIENT (client));
  g_return_if_fail (BULLETIN_IS_ARTICLE (article));

  task = g_task_new (client, cancellable, callback, user_data);
  g_task_set_source_tag (task, bulletin_article_load_async);
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, g_object_ref (article), g_object_unref);

  if (bulletin_article_has_body (article))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  url = bulletin_article_get_url (article);
  if (url == NULL)
    {
      g_task_return_new_error (task, BULLETIN_ERROR, BULLETIN_ERROR_NOT_FOUND,
                               "This article has no page to read it from.");
      return;
    }

  if (!loadable_uri (url))
    {
      g_task_return_new_error (task, BULLETIN_ERROR, BULLETIN_ERROR_UNSUPPORTED_URI,
                               "Bulletin does not open the article at “%s”.", url);
      return;
    }

  bulletin_client_fetch_async (client, url, BULLETIN_FETCH_PAGE, cancellable,
                               fetched_cb, g_steal_pointer (&task));
}

/**
 * bulletin_article_load_finish:
 * @client: the client
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: whether the article now has its body; on failure it is left as
 *   it was
 */
gboolean
bulletin_article_load_finish (BulletinClient  *client,
                              GAsyncResult    *result,
                              GError         **error)
{
  g_return_val_if_fail (BULLETIN_IS_CLIENT (client), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, client), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
