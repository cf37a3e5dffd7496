/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bulletin-source-loader"

#include "config.h"

#include "bulletin-feed.h"
#include "bulletin-feed-parser.h"
#include "bulletin-source-loader.h"

/* What the section model and the breaking news poll both do with a
 * source's bytes: a feed goes through the feed parser, a page through the
 * caller's page parser, either way off the main thread, and the caller gets
 * the articles.
 */

typedef struct
{
  GBytes                   *bytes;
  char                     *url;
  char                     *data;
  BulletinSourcePageParser  parse_page;
} PageJob;

static void
page_job_free (PageJob *job)
{
  g_bytes_unref (job->bytes);
  g_free (job->url);
  g_free (job->data);
  g_free (job);
}

/**
 * bulletin_source_fetch_kind:
 * @source: a #BulletinSource
 *
 * Returns: how the client should fetch @source (its size limit)
 */
BulletinFetchKind
bulletin_source_fetch_kind (const BulletinSource *source)
{
  g_return_val_if_fail (source != NULL, BULLETIN_FETCH_PAGE);

  return source->type == BULLETIN_SOURCE_FEED ? BULLETIN_FETCH_FEED : BULLETIN_FETCH_PAGE;
}

static void
feed_parsed_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(BulletinFeed) feed = NULL;
  GPtrArray *items;
  GPtrArray *articles;
  GError *error = NULL;

  feed = bulletin_feed_parse_finish (result, &error);
  if (feed == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  items = bulletin_feed_get_items (feed);
  articles = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; items != NULL && i < items->len; i++)
    g_ptr_array_add (articles, g_object_ref (g_ptr_array_index (items, i)));

  g_task_return_pointer (task, articles, (GDestroyNotify) g_ptr_array_unref);
}

/**
 * bulletin_source_parse:
 * @type: what the bytes hold
 * @bytes: the source as fetched
 * @url: (nullable): the source's final URL, for its links
 * @parse_page: what reads a page source
 * @data: (nullable): passed to @parse_page
 * @cancellable: (nullable): a #GCancellable, looked at before and after
 * @error: return location for a #GError
 *
 * Parses a fetched source like bulletin_source_parse_async(), blocking:
 * for a worker thread that has just read the bytes itself.
 *
 * Returns: (transfer full) (element-type BulletinArticle): the articles
 *   (maybe none), or %NULL with @error set
 */
GPtrArray *
bulletin_source_parse (BulletinSourceType         type,
                       GBytes                    *bytes,
                       const char                *url,
                       BulletinSourcePageParser   parse_page,
                       const char                *data,
                       GCancellable              *cancellable,
                       GError                   **error)
{
  g_autoptr(GPtrArray) articles = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (parse_page != NULL, NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  if (type == BULLETIN_SOURCE_FEED)
    {
      g_autoptr(BulletinFeed) feed = bulletin_feed_parse (bytes, url, error);
      GPtrArray *items;

      if (feed == NULL)
        return NULL;

      items = bulletin_feed_get_items (feed);
      articles = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; items != NULL && i < items->len; i++)
        g_ptr_array_add (articles, g_object_ref (g_ptr_array_index (items, i)));
    }
  else
    {
      articles = parse_page (bytes, url, data, error);
      if (articles == NULL)
        return NULL;
    }

  /* The feed parser cannot be stopped half-way here; a refresh cancelled
   * meanwhile still ends as cancelled.
   */
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  return g_steal_pointer (&articles);
}

static void
page_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  PageJob *job = task_data;
  GError *error = NULL;
  GPtrArray *articles;

  articles = job->parse_page (job->bytes, job->url, job->data, &error);
  if (articles == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, articles, (GDestroyNotify) g_ptr_array_unref);
}

/**
 * bulletin_source_parse_async:
 * @type: what the bytes hold
 * @bytes: the source as fetched
 * @url: (nullable): the source's final URL, for its links
 * @parse_page: what reads a page source
 * @data: (nullable): passed to @parse_page
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the source is parsed
 * @user_data: data for @callback
 *
 * Parses a fetched source in a worker thread: a feed with the feed parser,
 * a page with @parse_page.
 */
void
bulletin_source_parse_async (BulletinSourceType        type,
                             GBytes                   *bytes,
                             const char               *url,
                             BulletinSourcePageParser  parse_page,
                             const char               *data,
                             GCancellable             *cancellable,
                             GAsyncReadyCallback       callback,
                             gpointer                  user_data)
{
  g_autoptr(GTask) task = NULL;
  PageJob *job;

  g_return_if_fail (bytes != NULL);
  g_return_if_fail (parse_page != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, bulletin_source_parse_async);

  if (type == BULLETIN_SOURCE_FEED)
    {
      /* The feed parser says for itself whether it was cancelled. */
      g_task_set_check_cancellable (task, FALSE);
      bulletin_feed_parse_async (bytes, url, cancellable, feed_parsed_cb, g_steal_pointer (&task));
      return;
    }

  job = g_new0 (PageJob, 1);
  job->bytes = g_bytes_ref (bytes);
  job->url = g_strdup (url);
  job->data = g_strdup (data);
  job->parse_page = parse_page;
  g_task_set_task_data (task, job, (GDestroyNotify) page_job_free);
  g_task_run_in_thread (task, page_thread);
}

/**
 * bulletin_source_parse_finish:
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type BulletinArticle): the articles
 *   (maybe none), or %NULL with @error set
 */
GPtrArray *
bulletin_source_parse_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == bulletin_source_parse_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
