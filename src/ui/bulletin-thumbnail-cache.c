/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bulletin-thumbnail-cache"

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>

#include "bulletin-thumbnail-cache.h"

/* Images whose header claims more pixels than this are not decoded at all,
 * so a small file cannot make a huge allocation. */
#define MAX_SOURCE_PIXELS (8192 * 8192)
#define WRITE_CHUNK_SIZE  (64 * 1024)

/*
 * BulletinThumbnailCache: headline thumbnails fetched through the one
 * #BulletinClient, decoded off the main thread at thumbnail size, and kept
 * in memory by URL, the least recently used dropped first. Loads of the
 * same URL share one fetch. While the cache is held (at start-up, until
 * the first headlines are painted) fetches wait: decoding in the worker
 * threads took a core from the window's first frame.
 */
struct _BulletinThumbnailCache
{
  GObject         parent_instance;

  BulletinClient *client;
  guint           max_items;
  gboolean        load_remote;

  GQueue          lru;      /* Entry*, most recently used first */
  GHashTable     *entries;  /* url -> GList* link in lru */
  GHashTable     *pending;  /* url -> GPtrArray of GTask waiting for it */
  guint           holds;
  GPtrArray      *held;     /* urls whose fetch waits for the last release */
};

typedef struct
{
  char       *url;
  GdkTexture *texture;
} Entry;

enum {
  PROP_0,
  PROP_LOAD_REMOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (BulletinThumbnailCache, bulletin_thumbnail_cache, G_TYPE_OBJECT)

static void
entry_free (Entry *entry)
{
  g_free (entry->url);
  g_clear_object (&entry->texture);
  g_free (entry);
}

BulletinThumbnailCache *
bulletin_thumbnail_cache_new (BulletinClient *client,
                              guint           max_items)
{
  BulletinThumbnailCache *self;

  g_return_val_if_fail (BULLETIN_IS_CLIENT (client), NULL);
  g_return_val_if_fail (max_items > 0, NULL);

  self = g_object_new (BULLETIN_TYPE_THUMBNAIL_CACHE, NULL);
  self->client = g_object_ref (client);
  self->max_items = max_items;

  return self;
}

gboolean
bulletin_thumbnail_cache_get_load_remote (BulletinThumbnailCache *self)
{
  g_return_val_if_fail (BULLETIN_IS_THUMBNAIL_CACHE (self), FALSE);

  return self->load_remote;
}

void
bulletin_thumbnail_cache_set_load_remote (BulletinThumbnailCache *self,
                                          gboolean                load_remote)
{
  g_return_if_fail (BULLETIN_IS_THUMBNAIL_CACHE (self));

  load_remote = !!load_remote;
  if (self->load_remote == load_remote)
    return;

  self->load_remote = load_remote;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOAD_REMOTE]);
}

/**
 * bulletin_thumbnail_cache_can_load:
 * @self: the cache
 * @url: (nullable): an image URL
 *
 * Returns: whether @url would be loaded: bundled `resource:` images always,
 *   web images only while remote images are allowed
 */
gboolean
bulletin_thumbnail_cache_can_load (BulletinThumbnailCache *self,
                                   const char             *url)
{
  const char *scheme;

  g_return_val_if_fail (BULLETIN_IS_THUMBNAIL_CACHE (self), FALSE);

  if (url == NULL || *url == '\0')
    return FALSE;

  scheme = g_uri_peek_scheme (url);
  if (scheme == NULL)
    return FALSE;

  if (g_str_equal (scheme, "resource"))
    return TRUE;

  if (g_str_equal (scheme, "http") || g_str_equal (scheme, "https"))
    return self->load_remote;

  return FALSE;
}

/**
 * bulletin_thumbnail_cache_lookup:
 * @self: the cache
 * @url: an image URL
 *
 * Returns: (transfer full) (nullable): the decoded thumbnail when it is in
 *   memory; it becomes the most recently used
 */
GdkTexture *
bulletin_thumbnail_cache_lookup (BulletinThumbnailCache *self,
                                 const char             *url)
{
  GList *link;

  g_return_val_if_fail (BULLETIN_IS_THUMBNAIL_CACHE (self), NULL);

  if (url == NULL)
    return NULL;

  link = g_hash_table_lookup (self->entries, url);
  if (link == NULL)
    return NULL;

  g_queue_unlink (&self->lru, link);
  g_queue_push_head_link (&self->lru, link);

  return g_object_ref (((Entry *) link->data)->texture);
}

guint
bulletin_thumbnail_cache_get_n_items (BulletinThumbnailCache *self)
{
  g_return_val_if_fail (BULLETIN_IS_THUMBNAIL_CACHE (self), 0);

  return self->lru.length;
}

static void
bulletin_thumbnail_cache_insert (BulletinThumbnailCache *self,
                                 const char             *url,
                                 GdkTexture             *texture)
{
  Entry *entry;

  if (g_hash_table_contains (self->entries, url))
    return;

  entry = g_new0 (Entry, 1);
  entry->url = g_strdup (url);
  entry->texture = g_object_ref (texture);
  g_queue_push_head (&self->lru, entry);
  g_hash_table_insert (self->entries, entry->url, self->lru.head);

  while (self->lru.length > self->max_items)
    {
      Entry *oldest = g_queue_pop_tail (&self->lru);

      g_hash_table_remove (self->entries, oldest->url);
      entry_free (oldest);
    }
}

typedef struct
{
  gboolean too_large;
} DecodeState;

static void
size_prepared_cb (GdkPixbufLoader *loader,
                  int              width,
                  int              height,
                  gpointer         user_data)
{
  DecodeState *state = user_data;
  int short_side = MIN (width, height);

  if (width <= 0 || height <= 0 || (gint64) width * height > MAX_SOURCE_PIXELS)
    {
      state->too_large = TRUE;
      return;
    }

  if (short_side > BULLETIN_THUMBNAIL_SIZE)
    {
      double scale = (double) BULLETIN_THUMBNAIL_SIZE / short_side;

      gdk_pixbuf_loader_set_size (loader,
                                  MAX (1, (int) (width * scale + 0.5)),
                                  MAX (1, (int) (height * scale + 0.5)));
    }
}

static void
decode_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GBytes *bytes = task_data;
  g_autoptr(GdkPixbufLoader) loader = gdk_pixbuf_loader_new ();
  g_autoptr(GError) error = NULL;
  DecodeState state = { FALSE };
  const guint8 *data;
  gsize size;
  gsize offset = 0;
  GdkPixbuf *pixbuf;

  g_signal_connect (loader, "size-prepared", G_CALLBACK (size_prepared_cb), &state);

  data = g_bytes_get_data (bytes, &size);
  while (offset < size && !state.too_large)
    {
      gsize chunk = MIN (WRITE_CHUNK_SIZE, size - offset);

      if (!gdk_pixbuf_loader_write (loader, data + offset, chunk, &error))
        break;
      offset += chunk;
    }

  /* Closing is needed even after a failure, or the loader complains */
  if (error == NULL && !state.too_large)
    gdk_pixbuf_loader_close (loader, &error);
  else
    gdk_pixbuf_loader_close (loader, NULL);

  if (state.too_large)
    {
      g_task_return_new_error (task, BULLETIN_ERROR, BULLETIN_ERROR_TOO_LARGE,
                               "The image is too large to show");
      return;
    }

  if (error != NULL)
    {
      g_task_return_new_error (task, BULLETIN_ERROR, BULLETIN_ERROR_INVALID_DATA,
                               "The image could not be read: %s", error->message);
      return;
    }

  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  if (pixbuf == NULL)
    {
      g_task_return_new_error (task, BULLETIN_ERROR, BULLETIN_ERROR_INVALID_DATA,
                               "The image could not be read");
      return;
    }

  g_task_return_pointer (task, gdk_texture_new_for_pixbuf (pixbuf), g_object_unref);
}

static void
bulletin_thumbnail_cache_complete (BulletinThumbnailCache *self,
                                   const char             *url,
                                   GdkTexture             *texture,
                                   const GError           *error)
{
  g_autoptr(GPtrArray) waiters = NULL;
  g_autofree char *key = NULL;

  if (!g_hash_table_steal_extended (self->pending, url, (gpointer *) &key, (gpointer *) &waiters))
    return;

  if (texture != NULL)
    bulletin_thumbnail_cache_insert (self, url, texture);

  for (guint i = 0; i < waiters->len; i++)
    {
      GTask *task = g_ptr_array_index (waiters, i);

      if (texture != NULL)
        g_task_return_pointer (task, g_object_ref (texture), g_object_unref);
      else
        g_task_return_error (task, g_error_copy (error));
    }
}

static void
decode_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  BulletinThumbnailCache *self = BULLETIN_THUMBNAIL_CACHE (object);
  g_autofree char *url = user_data;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  texture = g_task_propagate_pointer (G_TASK (result), &error);
  bulletin_thumbnail_cache_complete (self, url, texture, error);
}

static void
bulletin_thumbnail_cache_fetch_cb (GObject      *object,
                                   GAsyncResult *result,
                                   gpointer      user_data)
{
  g_autoptr(GTask) fetch = user_data;
  BulletinThumbnailCache *self = g_task_get_source_object (fetch);
  const char *url = g_task_get_task_data (fetch);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) decode = NULL;

  bytes = bulletin_client_fetch_finish (BULLETIN_CLIENT (object), result, NULL, &error);
  if (bytes == NULL)
    {
      bulletin_thumbnail_cache_complete (self, url, NULL, error);
      g_task_return_boolean (fetch, FALSE);
      return;
    }

  decode = g_task_new (self, NULL, decode_cb, g_strdup (url));
  g_task_set_source_tag (decode, decode_thread);
  g_task_set_task_data (decode, g_bytes_ref (bytes), (GDestroyNotify) g_bytes_unref);
  g_task_run_in_thread (decode, decode_thread);
  g_task_return_boolean (fetch, TRUE);
}

static void
start_fetch (BulletinThumbnailCache *self,
             const char             *url)
{
  GTask *fetch;

  /* The fetch is shared by every waiter and not cancelled with any of them:
   * what it brings is kept for the next row that shows the same image. */
  fetch = g_task_new (self, NULL, NULL, NULL);
  g_task_set_source_tag (fetch, bulletin_thumbnail_cache_fetch_cb);
  g_task_set_task_data (fetch, g_strdup (url), g_free);
  bulletin_client_fetch_async (self->client, url, BULLETIN_FETCH_IMAGE, NULL,
                               bulletin_thumbnail_cache_fetch_cb, fetch);
}

/**
 * bulletin_thumbnail_cache_load_async:
 * @self: the cache
 * @url: an image URL
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the thumbnail
 * @user_data: data for @callback
 *
 * Loads the thumbnail of @url: from memory, or by fetching and decoding it.
 * A URL that may not be loaded (see bulletin_thumbnail_cache_can_load())
 * completes with no texture and no error.
 */
void
bulletin_thumbnail_cache_load_async (BulletinThumbnailCache *self,
                                     const char             *url,
                                     GCancellable           *cancellable,
                                     GAsyncReadyCallback     callback,
                                     gpointer                user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GPtrArray *waiters;

  g_return_if_fail (BULLETIN_IS_THUMBNAIL_CACHE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, bulletin_thumbnail_cache_load_async);

  if (!bulletin_thumbnail_cache_can_load (self, url))
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }

  texture = bulletin_thumbnail_cache_lookup (self, url);
  if (texture != NULL)
    {
      g_task_return_pointer (task, g_steal_pointer (&texture), g_object_unref);
      return;
    }

  waiters = g_hash_table_lookup (self->pending, url);
  if (waiters != NULL)
    {
      g_ptr_array_add (waiters, g_steal_pointer (&task));
      return;
    }

  waiters = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (waiters, g_steal_pointer (&task));
  g_hash_table_insert (self->pending, g_strdup (url), waiters);

  if (self->holds > 0)
    g_ptr_array_add (self->held, g_strdup (url));
  else
    start_fetch (self, url);
}

/**
 * bulletin_thumbnail_cache_hold:
 * @self: the cache
 *
 * Makes the loads asked from now on wait, until as many
 * bulletin_thumbnail_cache_release() as holds; thumbnails already in
 * memory are still given at once.
 */
void
bulletin_thumbnail_cache_hold (BulletinThumbnailCache *self)
{
  g_return_if_fail (BULLETIN_IS_THUMBNAIL_CACHE (self));

  self->holds++;
}

/**
 * bulletin_thumbnail_cache_release:
 * @self: the cache
 *
 * Ends a bulletin_thumbnail_cache_hold(); the last one starts the loads
 * that waited.
 */
void
bulletin_thumbnail_cache_release (BulletinThumbnailCache *self)
{
  g_autoptr(GPtrArray) held = NULL;

  g_return_if_fail (BULLETIN_IS_THUMBNAIL_CACHE (self));
  g_return_if_fail (self->holds > 0);

  if (--self->holds > 0 || self->held->len == 0)
    return;

  held = g_steal_pointer (&self->held);
  self->held = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < held->len; i++)
    start_fetch (self, g_ptr_array_index (held, i));
}

/**
 * bulletin_thumbnail_cache_load_finish:
 * @self: the cache
 * @result: the result
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the thumbnail, or %NULL with no
 *   error set when the URL may not be loaded
 */
GdkTexture *
bulletin_thumbnail_cache_load_finish (BulletinThumbnailCache  *self,
                                      GAsyncResult            *result,
                                      GError                 **error)
{
  g_return_val_if_fail (BULLETIN_IS_THUMBNAIL_CACHE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
bulletin_thumbnail_cache_finalize (GObject *object)
{
  BulletinThumbnailCache *self = BULLETIN_THUMBNAIL_CACHE (object);

  g_queue_clear_full (&self->lru, (GDestroyNotify) entry_free);
  g_clear_pointer (&self->entries, g_hash_table_unref);
  g_clear_pointer (&self->pending, g_hash_table_unref);
  g_clear_pointer (&self->held, g_ptr_array_unref);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (bulletin_thumbnail_cache_parent_class)->finalize (object);
}

static void
bulletin_thumbnail_cache_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  BulletinThumbnailCache *self = BULLETIN_THUMBNAIL_CACHE (object);

  switch (prop_id)
    {
    case PROP_LOAD_REMOTE:
      g_value_set_boolean (value, self->load_remote);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bulletin_thumbnail_cache_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  BulletinThumbnailCache *self = BULLETIN_THUMBNAIL_CACHE (object);

  switch (prop_id)
    {
    case PROP_LOAD_REMOTE:
      bulletin_thumbnail_cache_set_load_remote (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bulletin_thumbnail_cache_class_init (BulletinThumbnailCacheClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bulletin_thumbnail_cache_finalize;
  object_class->get_property = bulletin_thumbnail_cache_get_property;
  object_class->set_property = bulletin_thumbnail_cache_set_property;

  properties[PROP_LOAD_REMOTE] =
    g_param_spec_boolean ("load-remote", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bulletin_thumbnail_cache_init (BulletinThumbnailCache *self)
{
  g_queue_init (&self->lru);
  self->entries = g_hash_table_new (g_str_hash, g_str_equal);
  self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) g_ptr_array_unref);
  self->held = g_ptr_array_new_with_free_func (g_free);
}
