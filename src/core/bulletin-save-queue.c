/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bulletin-save-queue"

#include "config.h"

#include "bulletin-article-loader.h"
#include "bulletin-error.h"
#include "bulletin-save-queue.h"

/*
 * BulletinSaveQueue: the articles on their way into a #BulletinLibrary, a
 * few at a time. An article without its body has its page read first (a
 * copy is loaded, so a bookmark's stub stays a stub); then the library
 * saves it with its images. One job per URL: asking again while it is
 * queued or running changes nothing, except that an urgent request (the
 * reader's own) moves a queued one to the front.
 */

typedef struct
{
  BulletinSaveQueue *queue;        /* unowned; jobs never outlive it */
  BulletinArticle   *article;
  char              *url;
  guint64            serial;
  GCancellable      *cancellable;
  double             progress;
  gboolean           running;
} Job;

/* What an async callback gets: the queue may be gone by then, and the job
 * replaced by a newer one of the same URL */
typedef struct
{
  GWeakRef  queue;
  char     *url;
  guint64   serial;
} Callback;

struct _BulletinSaveQueue
{
  GObject          parent_instance;

  BulletinLibrary *library;
  BulletinClient  *client;
  guint            max_running;
  guint            n_running;
  GQueue           waiting;        /* Job, in order */
  GHashTable      *jobs;           /* url -> Job (queued or running) */
  guint64          next_serial;
};

G_DEFINE_FINAL_TYPE (BulletinSaveQueue, bulletin_save_queue, G_TYPE_OBJECT)

enum {
  PROGRESS,
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void pump (BulletinSaveQueue *self);

static Callback *
callback_new (Job *job)
{
  Callback *callback = g_new0 (Callback, 1);

  g_weak_ref_init (&callback->queue, job->queue);
  callback->url = g_strdup (job->url);
  callback->serial = job->serial;

  return callback;
}

static void
callback_free (Callback *callback)
{
  g_weak_ref_clear (&callback->queue);
  g_free (callback->url);
  g_free (callback);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Callback, callback_free)

/* The running job @callback was made for, if the queue and it are still
 * there; the queue comes with a reference for the caller */
static Job *
callback_get_job (Callback           *callback,
                  BulletinSaveQueue **queue)
{
  BulletinSaveQueue *self = g_weak_ref_get (&callback->queue);
  Job *job;

  *queue = self;
  if (self == NULL)
    return NULL;

  job = g_hash_table_lookup (self->jobs, callback->url);
  if (job == NULL || job->serial != callback->serial || !job->running)
    return NULL;

  return job;
}

static void
job_free (Job *job)
{
  g_clear_object (&job->article);
  g_clear_object (&job->cancellable);
  g_free (job->url);
  g_free (job);
}

/* Removes @job from the queue's tables and tells how it ended */
static void
job_finish (Job          *job,
            const GError *error)
{
  BulletinSaveQueue *self = job->queue;
  g_autofree char *url = g_strdup (job->url);

  if (job->running)
    self->n_running--;
  else
    g_queue_remove (&self->waiting, job);

  /* The table owns the job */
  g_hash_table_remove (self->jobs, url);

  g_signal_emit (self, signals[FINISHED], 0, url, error);
  pump (self);
}

static gboolean
is_cancelled (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
         g_error_matches (error, BULLETIN_ERROR, BULLETIN_ERROR_CANCELLED);
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(Callback) callback = user_data;
  g_autoptr(BulletinSaveQueue) self = NULL;
  g_autoptr(GError) error = NULL;
  Job *job;

  bulletin_library_save_finish (BULLETIN_LIBRARY (object), result, &error);

  /* A job cancelled with the queue's disposal has no one left to tell */
  if ((job = callback_get_job (callback, &self)) == NULL)
    return;

  if (error != NULL && !is_cancelled (error))
    g_debug ("Could not save %s: %s", job->url, error->message);

  job_finish (job, error);
}

static void
job_save (Job *job)
{
  BulletinSaveQueue *self = job->queue;

  bulletin_library_save_async (self->library, self->client, job->article, job->cancellable,
                               saved_cb, callback_new (job));
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(Callback) callback = user_data;
  g_autoptr(BulletinSaveQueue) self = NULL;
  g_autoptr(GError) error = NULL;
  Job *job;

  bulletin_article_load_finish (BULLETIN_CLIENT (object), result, &error);

  if ((job = callback_get_job (callback, &self)) == NULL)
    return;

  if (g_cancellable_is_cancelled (job->cancellable))
    {
      g_autoptr(GError) cancelled = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                                         "The save was cancelled");
      job_finish (job, cancelled);
      return;
    }

  /* With no network the page is out of reach: there is nothing to save
   * that the bookmark does not have already, and the saved copy (if any)
   * is better left as it is */
  if (error != NULL && !bulletin_article_has_body (job->article))
    {
      g_debug ("Not saving %s without its page: %s", job->url, error->message);
      job_finish (job, error);
      return;
    }

  job_save (job);
}

static void
job_start (Job *job)
{
  BulletinSaveQueue *self = job->queue;

  g_queue_remove (&self->waiting, job);
  job->running = TRUE;
  self->n_running++;

  if (bulletin_article_has_body (job->article))
    job_save (job);
  else
    bulletin_article_load_async (self->client, job->article, job->cancellable,
                                 loaded_cb, callback_new (job));
}

static void
pump (BulletinSaveQueue *self)
{
  while (self->n_running < self->max_running && !g_queue_is_empty (&self->waiting))
    job_start (g_queue_peek_head (&self->waiting));
}

static void
library_progress_cb (BulletinSaveQueue *self,
                     const char        *url,
                     double             fraction,
                     BulletinLibrary   *library)
{
  Job *job = g_hash_table_lookup (self->jobs, url);

  if (job == NULL || !job->running)
    return;

  job->progress = CLAMP (fraction, 0.0, 1.0);
  g_signal_emit (self, signals[PROGRESS], 0, url, job->progress);
}

/* A copy that can take a body without touching @article: a bookmark's stub
 * is shown in lists and must stay light */
static BulletinArticle *
copy_article (BulletinArticle *article)
{
  g_autoptr(JsonNode) node = bulletin_article_to_json (article);
  g_autoptr(GError) error = NULL;
  BulletinArticle *copy;

  copy = bulletin_article_new_from_json (node, &error);
  if (copy == NULL)
    {
      g_debug ("Could not copy an article: %s", error->message);
      copy = g_object_ref (article);
    }

  return copy;
}

/**
 * bulletin_save_queue_add:
 * @self: a #BulletinSaveQueue
 * @article: an article with a URL; its page is read first when it has no body
 * @urgent: whether the reader asked for it (it goes before the waiting ones)
 *
 * Saves @article to the library when its turn comes.
 * #BulletinSaveQueue::progress reports how far it is and
 * #BulletinSaveQueue::finished how it ended.
 */
void
bulletin_save_queue_add (BulletinSaveQueue *self,
                         BulletinArticle   *article,
                         gboolean           urgent)
{
  const char *url;
  Job *job;

  g_return_if_fail (BULLETIN_IS_SAVE_QUEUE (self));
  g_return_if_fail (BULLETIN_IS_ARTICLE (article));

  url = bulletin_article_get_url (article);
  g_return_if_fail (url != NULL && url[0] != '\0');

  job = g_hash_table_lookup (self->jobs, url);
  if (job != NULL)
    {
      /* A body arriving for a queued stub is worth keeping */
      if (!job->running && bulletin_article_has_body (article) && !bulletin_article_has_body (job->article))
        g_set_object (&job->article, article);

      if (urgent && !job->running)
        {
          g_queue_remove (&self->waiting, job);
          g_queue_push_head (&self->waiting, job);
        }
      pump (self);
      return;
    }

  job = g_new0 (Job, 1);
  job->queue = self;
  job->url = g_strdup (url);
  job->serial = ++self->next_serial;
  job->article = bulletin_article_has_body (article) ? g_object_ref (article) : copy_article (article);
  job->cancellable = g_cancellable_new ();
  g_hash_table_insert (self->jobs, job->url, job);

  if (urgent)
    g_queue_push_head (&self->waiting, job);
  else
    g_queue_push_tail (&self->waiting, job);

  g_signal_emit (self, signals[PROGRESS], 0, url, 0.0);
  pump (self);
}

/**
 * bulletin_save_queue_contains:
 * @self: a #BulletinSaveQueue
 * @url: (nullable): an article URL
 *
 * Returns: whether @url is waiting or being saved
 */
gboolean
bulletin_save_queue_contains (BulletinSaveQueue *self,
                              const char        *url)
{
  g_return_val_if_fail (BULLETIN_IS_SAVE_QUEUE (self), FALSE);

  return url != NULL && g_hash_table_contains (self->jobs, url);
}

/**
 * bulletin_save_queue_get_progress:
 * @self: a #BulletinSaveQueue
 * @url: (nullable): an article URL
 *
 * Returns: how much of the save of @url is done, from 0 to 1, or -1 when
 *   it is not in the queue
 */
double
bulletin_save_queue_get_progress (BulletinSaveQueue *self,
                                  const char        *url)
{
  Job *job;

  g_return_val_if_fail (BULLETIN_IS_SAVE_QUEUE (self), -1);

  if (url == NULL || (job = g_hash_table_lookup (self->jobs, url)) == NULL)
    return -1;

  return job->progress;
}

/**
 * bulletin_save_queue_cancel:
 * @self: a #BulletinSaveQueue
 * @url: an article URL
 *
 * Stops the save of @url; #BulletinSaveQueue::finished follows with
 * %G_IO_ERROR_CANCELLED (at once for a waiting one).
 *
 * Returns: whether @url was in the queue
 */
gboolean
bulletin_save_queue_cancel (BulletinSaveQueue *self,
                            const char        *url)
{
  Job *job;

  g_return_val_if_fail (BULLETIN_IS_SAVE_QUEUE (self), FALSE);

  if (url == NULL || (job = g_hash_table_lookup (self->jobs, url)) == NULL)
    return FALSE;

  g_cancellable_cancel (job->cancellable);
  if (!job->running)
    {
      g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                                     "The save was cancelled");
      job_finish (job, error);
    }

  return TRUE;
}

/**
 * bulletin_save_queue_cancel_all:
 * @self: a #BulletinSaveQueue
 *
 * Stops every save, waiting or running.
 */
void
bulletin_save_queue_cancel_all (BulletinSaveQueue *self)
{
  g_autoptr(GPtrArray) urls = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  const char *url;

  g_return_if_fail (BULLETIN_IS_SAVE_QUEUE (self));

  g_hash_table_iter_init (&iter, self->jobs);
  while (g_hash_table_iter_next (&iter, (gpointer *) &url, NULL))
    g_ptr_array_add (urls, g_strdup (url));

  for (guint i = 0; i < urls->len; i++)
    bulletin_save_queue_cancel (self, g_ptr_array_index (urls, i));
}

/**
 * bulletin_save_queue_get_n_pending:
 * @self: a #BulletinSaveQueue
 *
 * Returns: how many saves are waiting or running
 */
guint
bulletin_save_queue_get_n_pending (BulletinSaveQueue *self)
{
  g_return_val_if_fail (BULLETIN_IS_SAVE_QUEUE (self), 0);

  return g_hash_table_size (self->jobs);
}

/**
 * bulletin_save_queue_get_n_running:
 * @self: a #BulletinSaveQueue
 *
 * Returns: how many saves are running now, never more than the queue's
 *   limit
 */
guint
bulletin_save_queue_get_n_running (BulletinSaveQueue *self)
{
  g_return_val_if_fail (BULLETIN_IS_SAVE_QUEUE (self), 0);

  return self->n_running;
}

static void
bulletin_save_queue_dispose (GObject *object)
{
  BulletinSaveQueue *self = BULLETIN_SAVE_QUEUE (object);
  GHashTableIter iter;
  Job *job;

  /* The callbacks still to come find no queue */
  g_hash_table_iter_init (&iter, self->jobs);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &job))
    g_cancellable_cancel (job->cancellable);
  g_queue_clear (&self->waiting);
  g_hash_table_remove_all (self->jobs);
  self->n_running = 0;

  g_clear_object (&self->library);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (bulletin_save_queue_parent_class)->dispose (object);
}

static void
bulletin_save_queue_finalize (GObject *object)
{
  BulletinSaveQueue *self = BULLETIN_SAVE_QUEUE (object);

  g_clear_pointer (&self->jobs, g_hash_table_unref);

  G_OBJECT_CLASS (bulletin_save_queue_parent_class)->finalize (object);
}

static void
bulletin_save_queue_class_init (BulletinSaveQueueClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bulletin_save_queue_dispose;
  object_class->finalize = bulletin_save_queue_finalize;

  /**
   * BulletinSaveQueue::progress:
   * @self: the queue
   * @url: the article
   * @fraction: how much is done, from 0 (queued or reading its page) to 1
   */
  signals[PROGRESS] =
    g_signal_new ("progress",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_DOUBLE);

  /**
   * BulletinSaveQueue::finished:
   * @self: the queue
   * @url: the article
   * @error: (nullable): why it was not saved, or %NULL when it was
   *
   * The save of @url ended; it is no longer in the queue.
   */
  signals[FINISHED] =
    g_signal_new ("finished",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_ERROR);
}

static void
bulletin_save_queue_init (BulletinSaveQueue *self)
{
  g_queue_init (&self->waiting);
  self->jobs = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) job_free);
}

/**
 * bulletin_save_queue_new:
 * @library: where the articles go
 * @client: what fetches their pages and images
 * @max_running: how many saves run at once (at least one)
 *
 * Returns: (transfer full): an empty queue
 */
BulletinSaveQueue *
bulletin_save_queue_new (BulletinLibrary *library,
                         BulletinClient  *client,
                         guint            max_running)
{
  BulletinSaveQueue *self;

  g_return_val_if_fail (BULLETIN_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (BULLETIN_IS_CLIENT (client), NULL);

  self = g_object_new (BULLETIN_TYPE_SAVE_QUEUE, NULL);
  self->library = g_object_ref (library);
  self->client = g_object_ref (client);
  self->max_running = MAX (max_running, 1);

  g_signal_connect_object (library, "save-progress",
                           G_CALLBACK (library_progress_cb), self,
                           G_CONNECT_SWAPPED);

  return self;
}
