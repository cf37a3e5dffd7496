/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bulletin-library"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gstdio.h>
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>

#include "bulletin-atomic-file.h"
#include "bulletin-bookmarks.h"
#include "bulletin-client.h"
#include "bulletin-date.h"
#include "bulletin-error.h"
#include "bulletin-json.h"
#include "bulletin-library.h"

/* The library keeps one folder per saved article, named by the SHA-256 of
 * its URL:
 *
 *   <dir>/<sha256(url)>/images/<sha256(image url)>.<ext>
 *   <dir>/<sha256(url)>/article.json
 *
 * Every file is written atomically, and article.json (the article plus the
 * manifest of its images) is written last, so its presence means that the
 * save completed. A saved article that does not parse is renamed to
 * article.json.corrupt and reported as missing, so the app saves it again.
 */

#define ARTICLE_FILE "article.json"
#define CORRUPT_SUFFIX ".corrupt"
#define IMAGES_DIR "images"
#define TRASH_PREFIX ".trash-"
#define FORMAT_VERSION 1
#define MAX_ARTICLE_FILE_SIZE (32 * 1024 * 1024)
/* What one loaded article may carry inline as data: URIs; images past it
 * keep their remote address.
 */
#define MAX_INLINE_IMAGE_BYTES (48 * 1024 * 1024)
#define MAX_CONCURRENT_FETCHES 4

struct _BulletinLibrary
{
  GObject  parent_instance;

  char    *dir;
  GQueue   waiting;       /* ImageJob waiting for a fetch slot */
  guint    n_fetching;
  GList   *saves;         /* SaveData in flight, to cancel on remove */
};

G_DEFINE_FINAL_TYPE (BulletinLibrary, bulletin_library, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DIR,
  N_PROPS
};

enum {
  SAVE_PROGRESS,
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const struct {
  const char *mime;
  const char *ext;
} image_types[] = {
  { "image/jpeg", "jpg" },
  { "image/png", "png" },
  { "image/gif", "gif" },
  { "image/webp", "webp" },
  { "image/avif", "avif" },
  { "image/svg+xml", "svg" },
  { "image/bmp", "bmp" },
  { "image/x-icon", "ico" },
};

static const char *
mime_for_ext (const char *ext)
{
  for (guint i = 0; i < G_N_ELEMENTS (image_types); i++)
    if (g_str_equal (image_types[i].ext, ext))
      return image_types[i].mime;

  return NULL;
}

static const char *
ext_for_mime (const char *mime)
{
  for (guint i = 0; i < G_N_ELEMENTS (image_types); i++)
    if (g_strcmp0 (image_types[i].mime, mime) == 0)
      return image_types[i].ext;

  return NULL;
}

/* The bytes decide, not the server's word: an image shown as a data: URI
 * needs its true type, and anything that is not an image is dropped.
 */
static const char *
sniff_image_type (GBytes     *bytes,
                  const char *declared)
{
  gsize n;
  const guint8 *d = g_bytes_get_data (bytes, &n);
  g_autofree char *declared_mime = NULL;

  if (n >= 8 && memcmp (d, "\x89PNG\r\n\x1a\n", 8) == 0)
    return "image/png";
  if (n >= 3 && d[0] == 0xFF && d[1] == 0xD8 && d[2] == 0xFF)
    return "image/jpeg";
  if (n >= 6 && (memcmp (d, "GIF87a", 6) == 0 || memcmp (d, "GIF89a", 6) == 0))
    return "image/gif";
  if (n >= 12 && memcmp (d, "RIFF", 4) == 0 && memcmp (d + 8, "WEBP", 4) == 0)
    return "image/webp";
  if (n >= 12 && memcmp (d + 4, "ftypavif", 8) == 0)
    return "image/avif";
  if (n >= 2 && memcmp (d, "BM", 2) == 0)
    return "image/bmp";
  if (n >= 4 && memcmp (d, "\0\0\1\0", 4) == 0)
    return "image/x-icon";

  if (declared != NULL)
    {
      declared_mime = g_ascii_strdown (declared, strcspn (declared, "; "));
      if (g_str_equal (declared_mime, "image/svg+xml") && n > 0 &&
          g_strstr_len ((const char *) d, MIN (n, 4096), "<svg") != NULL)
        return "image/svg+xml";
    }

  return NULL;
}

static char *
hash_url (const char *url)
{
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, url, -1);
}

static gboolean
is_savable_image_url (const char *url)
{
  g_autofree char *scheme = g_uri_parse_scheme (url);

  /* Never file: — a saved article must not be able to pull a local file
   * into the library.
   */
  return scheme != NULL &&
         (g_ascii_strcasecmp (scheme, "http") == 0 ||
          g_ascii_strcasecmp (scheme, "https") == 0 ||
          g_ascii_strcasecmp (scheme, "resource") == 0);
}

static char *
resolve_url (const char *base,
             const char *reference)
{
  g_autofree char *stripped = NULL;

  if (reference == NULL)
    return NULL;

  stripped = g_strstrip (g_strdup (reference));
  if (stripped[0] == '\0' || g_str_has_prefix (stripped, "data:"))
    return NULL;

  return g_uri_resolve_relative (base, stripped, G_URI_FLAGS_NONE, NULL);
}

static htmlDocPtr
parse_body (const char *body)
{
  g_autofree char *document = NULL;

  if (body == NULL || body[0] == '\0')
    return NULL;

  document = g_strconcat ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>",
                          body, "</body></html>", NULL);

  return htmlReadMemory (document, strlen (document), NULL, "UTF-8",
                         HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
}

static xmlNode *
find_body (htmlDocPtr doc)
{
  xmlNode *root = xmlDocGetRootElement (doc);

  for (xmlNode *child = root != NULL ? root->children : NULL; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE && xmlStrcasecmp (child->name, (const xmlChar *) "body") == 0)
      return child;

  return NULL;
}

typedef void (*ImageFunc) (xmlNode *img, const char *src, gpointer user_data);

static void
walk_images (xmlNode   *node,
             ImageFunc  func,
             gpointer   user_data)
{
  for (; node != NULL; node = node->next)
    {
      if (node->type != XML_ELEMENT_NODE)
        continue;

      if (xmlStrcasecmp (node->name, (const xmlChar *) "img") == 0)
        {
          xmlChar *src = xmlGetProp (node, (const xmlChar *) "src");

          if (src != NULL)
            func (node, (const char *) src, user_data);
          xmlFree (src);
        }

      walk_images (node->children, func, user_data);
    }
}

typedef struct
{
  const char *base;
  GPtrArray  *urls;
  GHashTable *seen;
} CollectData;

static void
collect_url (CollectData *data,
             const char  *reference)
{
  g_autofree char *url = resolve_url (data->base, reference);

  if (url == NULL || !is_savable_image_url (url) ||
      g_hash_table_contains (data->seen, url) ||
      data->urls->len >= BULLETIN_LIBRARY_MAX_IMAGES)
    return;

  g_hash_table_add (data->seen, g_strdup (url));
  g_ptr_array_add (data->urls, g_steal_pointer (&url));
}

static void
collect_image_cb (xmlNode    *img,
                  const char *src,
                  gpointer    user_data)
{
  collect_url (user_data, src);
}

/* The hero image, the gallery and every <img> of the body, in that order,
 * each once.
 */
static GPtrArray *
collect_image_urls (BulletinArticle *article)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  CollectData data = { bulletin_article_get_url (article), g_ptr_array_new_with_free_func (g_free), seen };
  const char * const *gallery = bulletin_article_get_gallery (article);
  htmlDocPtr doc;

  collect_url (&data, bulletin_article_get_image (article));
  for (guint i = 0; gallery != NULL && gallery[i] != NULL; i++)
    collect_url (&data, gallery[i]);

  doc = parse_body (bulletin_article_get_body (article));
  if (doc != NULL)
    {
      xmlNode *body = find_body (doc);

      if (body != NULL)
        walk_images (body->children, collect_image_cb, &data);
      xmlFreeDoc (doc);
    }

  return data.urls;
}

/* Saving */

typedef struct _SaveData SaveData;

typedef struct
{
  SaveData *save;
  GTask    *task;
  char     *url;
  char     *file;      /* "images/<hash>.<ext>" once stored */
  char     *mime;
  gsize     size;
} ImageJob;

struct _SaveData
{
  BulletinLibrary *library;
  BulletinClient  *client;
  char            *url;
  char            *article_dir;
  JsonNode        *article_json;
  GPtrArray       *jobs;
  GHashTable      *existing;        /* hash -> "images/<hash>.<ext>" already on disk */
  guint            n_done;
  GCancellable    *cancellable;
  GCancellable    *caller_cancellable;
  gulong           cancel_id;
};

static void
image_job_free (gpointer data)
{
  ImageJob *job = data;

  g_free (job->url);
  g_free (job->file);
  g_free (job->mime);
  g_free (job);
}

static void
save_data_free (gpointer data)
{
  SaveData *save = data;

  if (save->caller_cancellable != NULL)
    g_cancellable_disconnect (save->caller_cancellable, save->cancel_id);
  g_clear_object (&save->caller_cancellable);
  g_clear_object (&save->cancellable);
  g_clear_object (&save->library);
  g_clear_object (&save->client);
  g_free (save->url);
  g_free (save->article_dir);
  g_clear_pointer (&save->article_json, json_node_unref);
  g_clear_pointer (&save->jobs, g_ptr_array_unref);
  g_clear_pointer (&save->existing, g_hash_table_unref);
  g_free (save);
}

static void
caller_cancelled_cb (GCancellable *caller,
                     GCancellable *own)
{
  g_cancellable_cancel (own);
}

static void
emit_progress (SaveData *save)
{
  double fraction = (double) save->n_done / (save->jobs->len + 1);

  g_signal_emit (save->library, signals[SAVE_PROGRESS], 0, save->url, fraction);
}

static void
save_return (GTask  *task,
             GError *error)
{
  SaveData *save = g_task_get_task_data (task);
  BulletinLibrary *self = save->library;

  self->saves = g_list_remove (self->saves, save);

  if (error != NULL)
    {
      g_debug ("Could not save %s: %s", save->url, error->message);
      g_task_return_error (task, error);
      return;
    }

  g_signal_emit (self, signals[SAVE_PROGRESS], 0, save->url, 1.0);
  g_signal_emit (self, signals[CHANGED], 0, save->url);
  g_task_return_boolean (task, TRUE);
}

static char *
build_manifest (SaveData *save)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *saved_at = bulletin_date_to_iso8601 (now);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_int_value (builder, FORMAT_VERSION);
  json_builder_set_member_name (builder, "url");
  json_builder_add_string_value (builder, save->url);
  json_builder_set_member_name (builder, "saved-at");
  json_builder_add_string_value (builder, saved_at);
  json_builder_set_member_name (builder, "article");
  json_builder_add_value (builder, json_node_copy (save->article_json));
  json_builder_set_member_name (builder, "images");
  json_builder_begin_array (builder);
  for (guint i = 0; i < save->jobs->len; i++)
    {
      ImageJob *job = g_ptr_array_index (save->jobs, i);

      if (job->file == NULL)
        continue;
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "url");
      json_builder_add_string_value (builder, job->url);
      json_builder_set_member_name (builder, "file");
      json_builder_add_string_value (builder, job->file);
      json_builder_set_member_name (builder, "type");
      json_builder_add_string_value (builder, job->mime);
      json_builder_set_member_name (builder, "size");
      json_builder_add_int_value (builder, job->size);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);

  return json_generator_to_data (generator, NULL);
}

/* Images of an earlier save that this one no longer lists. */
static void
remove_unlisted_images (SaveData *save)
{
  g_autofree char *images_dir = g_build_filename (save->article_dir, IMAGES_DIR, NULL);
  g_autoptr(GHashTable) listed = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GDir) dir = g_dir_open (images_dir, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;

  for (guint i = 0; i < save->jobs->len; i++)
    {
      ImageJob *job = g_ptr_array_index (save->jobs, i);

      if (job->file != NULL)
        g_hash_table_add (listed, job->file + strlen (IMAGES_DIR "/"));
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;

      if (g_hash_table_contains (listed, name))
        continue;
      path = g_build_filename (images_dir, name, NULL);
      g_unlink (path);
    }
}

static void
write_article_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  SaveData *save = task_data;
  g_autofree char *path = g_build_filename (save->article_dir, ARTICLE_FILE, NULL);
  g_autofree char *text = NULL;
  GError *error = NULL;

  if (g_cancellable_set_error_if_cancelled (cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  text = build_manifest (save);
  if (!bulletin_atomic_file_write (path, text, strlen (text), &error))
    {
      g_task_return_error (task, error);
      return;
    }

  remove_unlisted_images (save);
  g_task_return_boolean (task, TRUE);
}

static void
write_article_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      save_return (task, error);
      return;
    }

  save_return (task, NULL);
}

static void
save_write_article (GTask *task)
{
  SaveData *save = g_task_get_task_data (task);
  g_autoptr(GTask) write_task = NULL;
  GError *error = NULL;

  if (g_cancellable_set_error_if_cancelled (save->cancellable, &error))
    {
      save_return (task, error);
      return;
    }

  write_task = g_task_new (save->library, save->cancellable, write_article_cb, g_object_ref (task));
  g_task_set_source_tag (write_task, save_write_article);
  g_task_set_task_data (write_task, save, NULL);
  g_task_run_in_thread (write_task, write_article_thread);
}

static void pump_fetches (BulletinLibrary *self);

static void
image_job_done (ImageJob *job)
{
  g_autoptr(GTask) task = g_steal_pointer (&job->task);
  SaveData *save = job->save;

  save->n_done++;
  emit_progress (save);

  if (save->n_done == save->jobs->len)
    save_write_article (task);
}

typedef struct
{
  char   *path;
  GBytes *bytes;
} WriteImageData;

static void
write_image_data_free (gpointer data)
{
  WriteImageData *write = data;

  g_free (write->path);
  g_bytes_unref (write->bytes);
  g_free (write);
}

static void
write_image_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  WriteImageData *write = task_data;
  gsize length;
  const void *data = g_bytes_get_data (write->bytes, &length);
  GError *error = NULL;

  if (g_cancellable_set_error_if_cancelled (cancellable, &error) ||
      !bulletin_atomic_file_write (write->path, data != NULL ? data : "", length, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
write_image_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  ImageJob *job = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_debug ("Could not store the image %s: %s", job->url, error->message);
      g_clear_pointer (&job->file, g_free);
      g_clear_pointer (&job->mime, g_free);
    }

  image_job_done (job);
}

static void
fetch_image_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  ImageJob *job = user_data;
  SaveData *save = job->save;
  BulletinLibrary *self = save->library;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *content_type = NULL;
  g_autofree char *hash = NULL;
  g_autoptr(GTask) write_task = NULL;
  WriteImageData *write;
  const char *mime;

  self->n_fetching--;
  pump_fetches (self);

  bytes = bulletin_client_fetch_finish (BULLETIN_CLIENT (object), result, &content_type, &error);
  if (bytes == NULL)
    {
      g_debug ("Could not fetch the image %s: %s", job->url, error->message);
      image_job_done (job);
      return;
    }

  mime = sniff_image_type (bytes, content_type);
  if (mime == NULL)
    {
      g_debug ("%s is not an image (%s)", job->url, content_type ? content_type : "no type");
      image_job_done (job);
      return;
    }

  hash = hash_url (job->url);
  job->mime = g_strdup (mime);
  job->size = g_bytes_get_size (bytes);
  job->file = g_strdup_printf (IMAGES_DIR "/%s.%s", hash, ext_for_mime (mime));

  write = g_new0 (WriteImageData, 1);
  write->path = g_build_filename (save->article_dir, job->file, NULL);
  write->bytes = g_steal_pointer (&bytes);

  write_task = g_task_new (self, save->cancellable, write_image_cb, job);
  g_task_set_source_tag (write_task, fetch_image_cb);
  g_task_set_task_data (write_task, write, write_image_data_free);
  g_task_run_in_thread (write_task, write_image_thread);
}

/* Image fetches of every save share a few slots, so that saving a hundred
 * bookmarks at once does not open hundreds of connections.
 */
static void
pump_fetches (BulletinLibrary *self)
{
  while (self->n_fetching < MAX_CONCURRENT_FETCHES && !g_queue_is_empty (&self->waiting))
    {
      ImageJob *job = g_queue_pop_head (&self->waiting);

      self->n_fetching++;
      bulletin_client_fetch_async (job->save->client, job->url, BULLETIN_FETCH_IMAGE,
                                   job->save->cancellable, fetch_image_cb, job);
    }
}

static void
prepare_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  SaveData *save = task_data;
  g_autofree char *images_dir = g_build_filename (save->article_dir, IMAGES_DIR, NULL);
  const char * const dirs[] = { save->article_dir, images_dir };
  GError *error = NULL;

  if (g_cancellable_set_error_if_cancelled (cancellable, &error) ||
      !bulletin_mkdir_with_parents (images_dir, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  /* Sweep what an interrupted write left, and note which images an
   * earlier save already stored.
   */
  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autoptr(GDir) dir = g_dir_open (dirs[i], 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          if (bulletin_atomic_file_is_temp (name))
            {
              g_autofree char *path = g_build_filename (dirs[i], name, NULL);

              g_unlink (path);
            }
          else if (dirs[i] == images_dir && strlen (name) > 65 && name[64] == '.')
            {
              g_hash_table_insert (save->existing, g_strndup (name, 64),
                                   g_strconcat (IMAGES_DIR "/", name, NULL));
            }
        }
    }

  g_task_return_boolean (task, TRUE);
}

static void
prepare_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SaveData *save = g_task_get_task_data (task);
  BulletinLibrary *self = save->library;
  GError *error = NULL;
  guint n_queued = 0;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      save_return (task, error);
      return;
    }

  for (guint i = 0; i < save->jobs->len; i++)
    {
      ImageJob *job = g_ptr_array_index (save->jobs, i);
      g_autofree char *hash = hash_url (job->url);
      const char *file = g_hash_table_lookup (save->existing, hash);
      const char *mime = file != NULL ? mime_for_ext (strrchr (file, '.') + 1) : NULL;

      if (mime != NULL)
        {
          g_autofree char *path = g_build_filename (save->article_dir, file, NULL);
          GStatBuf st;

          if (g_stat (path, &st) == 0 && st.st_size > 0)
            {
              job->file = g_strdup (file);
              job->mime = g_strdup (mime);
              job->size = st.st_size;
              save->n_done++;
              continue;
            }
        }

      job->task = g_object_ref (task);
      g_queue_push_tail (&self->waiting, job);
      n_queued++;
    }

  if (n_queued == 0)
    {
      save_write_article (task);
      return;
    }

  emit_progress (save);
  pump_fetches (self);
}

/**
 * bulletin_library_save_async:
 * @self: a #BulletinLibrary
 * @client: the client to fetch the images with
 * @article: the article to save, with its body (see bulletin_article_load_async())
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the article is saved
 * @user_data: data for @callback
 *
 * Saves @article for offline reading with its hero image, its gallery and
 * the images of its body, fetched in the background a few at a time
 * (http, https and resource URIs only). An image that cannot be fetched is
 * left out and keeps its remote address. The article file is written
 * last, atomically, so a save interrupted at any point leaves either the
 * previous copy or none. #BulletinLibrary::save-progress reports the
 * progress.
 */
void
bulletin_library_save_async (BulletinLibrary     *self,
                             BulletinClient      *client,
                             BulletinArticle     *article,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) prepare_task = NULL;
  g_autoptr(GPtrArray) urls = NULL;
  g_autofree char *hash = NULL;
  const char *url;
  SaveData *save;

  g_return_if_fail (BULLETIN_IS_LIBRARY (self));
  g_return_if_fail (BULLETIN_IS_CLIENT (client));
  g_return_if_fail (BULLETIN_IS_ARTICLE (article));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, bulletin_library_save_async);

  url = bulletin_article_get_url (article);
  if (url == NULL || url[0] == '\0')
    {
      g_task_return_new_error (task, BULLETIN_ERROR, BULLETIN_ERROR_INVALID_DATA,
                               "An article without URL cannot be saved");
      return;
    }

  hash = hash_url (url);
  save = g_new0 (SaveData, 1);
  save->library = g_object_ref (self);
  save->client = g_object_ref (client);
  save->url = g_strdup (url);
  save->article_dir = g_build_filename (self->dir, hash, NULL);
  save->article_json = bulletin_article_to_json (article);
  save->jobs = g_ptr_array_new_with_free_func (image_job_free);
  save->existing = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  save->cancellable = g_cancellable_new ();
  if (cancellable != NULL)
    {
      save->caller_cancellable = g_object_ref (cancellable);
      save->cancel_id = g_cancellable_connect (cancellable, G_CALLBACK (caller_cancelled_cb),
                                               g_object_ref (save->cancellable), g_object_unref);
    }
  g_task_set_task_data (task, save, save_data_free);

  urls = collect_image_urls (article);
  for (guint i = 0; i < urls->len; i++)
    {
      ImageJob *job = g_new0 (ImageJob, 1);

      job->save = save;
      job->url = g_strdup (g_ptr_array_index (urls, i));
      g_ptr_array_add (save->jobs, job);
    }

  self->saves = g_list_prepend (self->saves, save);

  prepare_task = g_task_new (self, save->cancellable, prepare_cb, g_object_ref (task));
  g_task_set_source_tag (prepare_task, prepare_thread);
  g_task_set_task_data (prepare_task, save, NULL);
  g_task_run_in_thread (prepare_task, prepare_thread);
}

/**
 * bulletin_library_save_finish:
 * @self: a #BulletinLibrary
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: whether the article is saved; %BULLETIN_ERROR_NO_SPACE or
 *   %BULLETIN_ERROR_READ_ONLY tell a disk problem, %G_IO_ERROR_CANCELLED a
 *   cancellation (also by bulletin_library_remove() of the same URL)
 */
gboolean
bulletin_library_save_finish (BulletinLibrary  *self,
                              GAsyncResult     *result,
                              GError          **error)
{
  g_return_val_if_fail (BULLETIN_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Loading */

static void
set_aside (const char *path,
           const char *reason)
{
  g_autofree char *corrupt = g_strconcat (path, CORRUPT_SUFFIX, NULL);

  g_message ("Setting aside the damaged saved article %s: %s", path, reason);
  if (g_rename (path, corrupt) != 0)
    g_debug ("Could not rename %s: %s", path, g_strerror (errno));
}

static gboolean
is_valid_image_file (const char *file)
{
  const char *name;
  const char *dot;

  if (file == NULL || !g_str_has_prefix (file, IMAGES_DIR "/"))
    return FALSE;

  name = file + strlen (IMAGES_DIR "/");
  dot = strchr (name, '.');
  if (dot == NULL || dot - name != 64 || mime_for_ext (dot + 1) == NULL)
    return FALSE;

  for (const char *p = name; p < dot; p++)
    if (!g_ascii_isxdigit (*p))
      return FALSE;

  return TRUE;
}

/* url -> data: URI of every listed image still on disk, within the
 * budget of MAX_INLINE_IMAGE_BYTES.
 */
static GHashTable *
read_images (const char *article_dir,
             JsonArray  *images)
{
  GHashTable *map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  gsize budget = MAX_INLINE_IMAGE_BYTES;

  for (guint i = 0; images != NULL && i < json_array_get_length (images); i++)
    {
      JsonNode *element = json_array_get_element (images, i);
      g_autofree char *path = NULL;
      g_autofree char *contents = NULL;
      g_autofree char *encoded = NULL;
      g_autoptr(GBytes) bytes = NULL;
      JsonObject *object;
      const char *url;
      const char *file;
      const char *mime;
      gsize length;
      GStatBuf st;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;
      object = json_node_get_object (element);
      url = bulletin_json_get_string (object, "url");
      file = bulletin_json_get_string (object, "file");
      if (url == NULL || !is_valid_image_file (file))
        continue;

      path = g_build_filename (article_dir, file, NULL);
      if (g_lstat (path, &st) != 0 || !S_ISREG (st.st_mode) ||
          (gsize) st.st_size > budget || st.st_size > BULLETIN_FETCH_IMAGE_MAX_SIZE)
        {
          g_debug ("The saved image %s is missing or too large", path);
          continue;
        }

      if (!g_file_get_contents (path, &contents, &length, NULL))
        continue;

      /* Trust the bytes over the manifest. */
      bytes = g_bytes_new_static (contents, length);
      mime = sniff_image_type (bytes, mime_for_ext (strrchr (file, '.') + 1));
      if (mime == NULL)
        {
          g_debug ("The saved image %s is damaged", path);
          continue;
        }

      budget -= length;
      encoded = g_base64_encode ((const guchar *) contents, length);
      g_hash_table_insert (map, g_strdup (url), g_strconcat ("data:", mime, ";base64,", encoded, NULL));
    }

  return map;
}

typedef struct
{
  const char *base;
  GHashTable *map;
  guint       n_replaced;
} RewriteData;

static void
rewrite_image_cb (xmlNode    *img,
                  const char *src,
                  gpointer    user_data)
{
  RewriteData *data = user_data;
  g_autofree char *url = resolve_url (data->base, src);
  const char *local;

  if (url == NULL || (local = g_hash_table_lookup (data->map, url)) == NULL)
    return;

  xmlSetProp (img, (const xmlChar *) "src", (const xmlChar *) local);
  /* A srcset would win over src and go to the network. */
  xmlUnsetProp (img, (const xmlChar *) "srcset");
  xmlUnsetProp (img, (const xmlChar *) "sizes");
  data->n_replaced++;
}

static char *
rewrite_body (const char *body,
              const char *base,
              GHashTable *map)
{
  RewriteData data = { base, map, 0 };
  xmlOutputBufferPtr out;
  htmlDocPtr doc;
  xmlNode *root;
  char *result;

  doc = parse_body (body);
  if (doc == NULL)
    return NULL;

  root = find_body (doc);
  if (root == NULL)
    {
      xmlFreeDoc (doc);
      return NULL;
    }

  walk_images (root->children, rewrite_image_cb, &data);
  if (data.n_replaced == 0)
    {
      xmlFreeDoc (doc);
      return NULL;
    }

  out = xmlAllocOutputBuffer (NULL);
  for (xmlNode *child = root->children; child != NULL; child = child->next)
    htmlNodeDumpFormatOutput (out, doc, child, "UTF-8", 0);
  xmlOutputBufferFlush (out);
  result = g_strndup ((const char *) xmlOutputBufferGetContent (out),
                      xmlOutputBufferGetSize (out));
  xmlOutputBufferClose (out);
  xmlFreeDoc (doc);

  return result;
}

static BulletinArticle *
load_article (const char  *dir,
              const char  *url,
              GError     **error)
{
  g_autofree char *hash = hash_url (url);
  g_autofree char *article_dir = g_build_filename (dir, hash, NULL);
  g_autofree char *path = g_build_filename (article_dir, ARTICLE_FILE, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  g_autoptr(BulletinArticle) article = NULL;
  g_autoptr(GHashTable) map = NULL;
  g_autofree char *body = NULL;
  const char * const *gallery;
  const char *image;
  JsonObject *object;
  JsonNode *root;
  JsonNode *images;
  gsize length;
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    {
      g_set_error (error, BULLETIN_ERROR, BULLETIN_ERROR_NOT_FOUND,
                   "%s is not saved for offline reading", url);
      return NULL;
    }

  if (st.st_size > MAX_ARTICLE_FILE_SIZE)
    {
      set_aside (path, "too large");
      g_set_error (error, BULLETIN_ERROR, BULLETIN_ERROR_INVALID_DATA,
                   "The saved copy of %s is damaged and was set aside", url);
      return NULL;
    }

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, BULLETIN_ERROR, BULLETIN_ERROR_FAILED,
                   "Cannot read the saved copy of %s: %s", url, local_error->message);
      return NULL;
    }

  if (!json_parser_load_from_data (parser, contents, length, &local_error))
    {
      set_aside (path, local_error->message);
      g_set_error (error, BULLETIN_ERROR, BULLETIN_ERROR_INVALID_DATA,
                   "The saved copy of %s is damaged and was set aside", url);
      return NULL;
    }

  root = json_parser_get_root (parser);
  object = root != NULL && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  if (object == NULL ||
      bulletin_json_get_int (object, "format", 0) != FORMAT_VERSION ||
      g_strcmp0 (bulletin_json_get_string (object, "url"), url) != 0 ||
      (article = bulletin_article_new_from_json (json_object_get_member (object, "article"), NULL)) == NULL ||
      g_strcmp0 (bulletin_article_get_url (article), url) != 0)
    {
      set_aside (path, "not a saved article of this URL");
      g_set_error (error, BULLETIN_ERROR, BULLETIN_ERROR_INVALID_DATA,
                   "The saved copy of %s is damaged and was set aside", url);
      return NULL;
    }

  images = json_object_get_member (object, "images");
  map = read_images (article_dir,
                     images != NULL && JSON_NODE_HOLDS_ARRAY (images) ? json_node_get_array (images) : NULL);
  if (g_hash_table_size (map) == 0)
    return g_steal_pointer (&article);

  image = bulletin_article_get_image (article);
  if (image != NULL)
    {
      g_autofree char *resolved = resolve_url (url, image);
      const char *local = resolved != NULL ? g_hash_table_lookup (map, resolved) : NULL;

      if (local != NULL)
        bulletin_article_set_image (article, local);
    }

  gallery = bulletin_article_get_gallery (article);
  if (gallery != NULL)
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) rewritten = NULL;

      for (guint i = 0; gallery[i] != NULL; i++)
        {
          g_autofree char *resolved = resolve_url (url, gallery[i]);
          const char *local = resolved != NULL ? g_hash_table_lookup (map, resolved) : NULL;

          g_strv_builder_add (builder, local != NULL ? local : gallery[i]);
        }
      rewritten = g_strv_builder_end (builder);
      bulletin_article_set_gallery (article, (const char * const *) rewritten);
    }

  body = rewrite_body (bulletin_article_get_body (article), url, map);
  if (body != NULL)
    bulletin_article_set_body (article, body);

  return g_steal_pointer (&article);
}

/**
 * bulletin_library_load:
 * @self: a #BulletinLibrary
 * @url: the article's URL
 * @error: return location for a #GError
 *
 * Reads a saved article back, with the hero image, the gallery and the
 * body's images pointing at their saved copies as data: URIs (which the
 * article view's Content-Security-Policy allows), so that it reads with no
 * network. Only saved images are rewritten, within a budget per article.
 *
 * A damaged saved copy is renamed to article.json.corrupt, so that the
 * article counts as missing and is saved again.
 *
 * Returns: (transfer full): the article, or %NULL with @error set:
 *   %BULLETIN_ERROR_NOT_FOUND when it is not saved,
 *   %BULLETIN_ERROR_INVALID_DATA when the saved copy was damaged
 */
BulletinArticle *
bulletin_library_load (BulletinLibrary  *self,
                       const char       *url,
                       GError          **error)
{
  g_return_val_if_fail (BULLETIN_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (url != NULL, NULL);

  return load_article (self->dir, url, error);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  BulletinLibrary *self = source_object;
  BulletinArticle *article;
  GError *error = NULL;

  article = load_article (self->dir, task_data, &error);
  if (article == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, article, g_object_unref);
}

/**
 * bulletin_library_load_async:
 * @self: a #BulletinLibrary
 * @url: the article's URL
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the article
 * @user_data: data for @callback
 *
 * Does bulletin_library_load() in a worker thread.
 */
void
bulletin_library_load_async (BulletinLibrary     *self,
                             const char          *url,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (BULLETIN_IS_LIBRARY (self));
  g_return_if_fail (url != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, bulletin_library_load_async);
  g_task_set_task_data (task, g_strdup (url), g_free);
  g_task_run_in_thread (task, load_thread);
}

/**
 * bulletin_library_load_finish:
 * @self: a #BulletinLibrary
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the article, or %NULL with @error set as by
 *   bulletin_library_load()
 */
BulletinArticle *
bulletin_library_load_finish (BulletinLibrary  *self,
                              GAsyncResult     *result,
                              GError          **error)
{
  g_return_val_if_fail (BULLETIN_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Removing and maintenance */

static gboolean
remove_article_dir (BulletinLibrary  *self,
                    const char       *name,
                    GError          **error)
{
  g_autofree char *path = g_build_filename (self->dir, name, NULL);
  g_autofree char *trash = NULL;

  /* Renamed first, so that the article vanishes at once even if the
   * deletion below is interrupted; leftovers are swept later.
   */
  trash = g_strdup_printf ("%s/" TRASH_PREFIX "%s-%08x", self->dir, name, g_random_int ());
  if (g_rename (path, trash) != 0)
    {
      if (errno == ENOENT)
        return TRUE;
      bulletin_set_error_from_errno (error, errno, "Cannot remove", path);
      return FALSE;
    }

  return bulletin_remove_tree (trash, error);
}

/**
 * bulletin_library_remove:
 * @self: a #BulletinLibrary
 * @url: the article's URL
 * @error: return location for a #GError
 *
 * Deletes the saved copy of @url with its images, and cancels a save of
 * it in progress. An article that is not saved is not an error.
 *
 * Returns: whether no copy of @url is left
 */
gboolean
bulletin_library_remove (BulletinLibrary  *self,
                         const char       *url,
                         GError          **error)
{
  g_autofree char *hash = NULL;
  gboolean existed;

  g_return_val_if_fail (BULLETIN_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (url != NULL, FALSE);

  for (GList *l = self->saves; l != NULL; l = l->next)
    {
      SaveData *save = l->data;

      if (g_str_equal (save->url, url))
        g_cancellable_cancel (save->cancellable);
    }

  existed = bulletin_library_contains (self, url);
  hash = hash_url (url);
  if (!remove_article_dir (self, hash, error))
    return FALSE;

  if (existed)
    g_signal_emit (self, signals[CHANGED], 0, url);

  return TRUE;
}

static gboolean
stat_article (BulletinLibrary *self,
              const char      *url,
              GStatBuf        *st)
{
  g_autofree char *hash = hash_url (url);
  g_autofree char *path = g_build_filename (self->dir, hash, ARTICLE_FILE, NULL);

  return g_stat (path, st) == 0 && S_ISREG (st->st_mode) && st->st_size > 0;
}

/**
 * bulletin_library_contains:
 * @self: a #BulletinLibrary
 * @url: (nullable): an article URL
 *
 * Whether a complete copy of @url is saved. It looks at the file only; a
 * copy damaged on disk shows up (and is set aside) when loaded.
 *
 * Returns: whether @url is saved
 */
gboolean
bulletin_library_contains (BulletinLibrary *self,
                           const char      *url)
{
  GStatBuf st;

  g_return_val_if_fail (BULLETIN_IS_LIBRARY (self), FALSE);

  return url != NULL && stat_article (self, url, &st);
}

/**
 * bulletin_library_get_saved_at:
 * @self: a #BulletinLibrary
 * @url: an article URL
 *
 * Returns: when @url was last saved (Unix time), or 0 when it is not
 */
gint64
bulletin_library_get_saved_at (BulletinLibrary *self,
                               const char      *url)
{
  GStatBuf st;

  g_return_val_if_fail (BULLETIN_IS_LIBRARY (self), 0);

  if (url == NULL || !stat_article (self, url, &st))
    return 0;

  return st.st_mtime;
}

/**
 * bulletin_library_get_article_dir:
 * @self: a #BulletinLibrary
 * @url: an article URL
 *
 * Returns: (transfer full): the folder where @url is (or would be) saved
 */
char *
bulletin_library_get_article_dir (BulletinLibrary *self,
                                  const char      *url)
{
  g_autofree char *hash = NULL;

  g_return_val_if_fail (BULLETIN_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (url != NULL, NULL);

  hash = hash_url (url);

  return g_build_filename (self->dir, hash, NULL);
}

static guint64
tree_size (const char *path,
           guint       depth)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint64 total = 0;

  if (depth > 8 || (dir = g_dir_open (path, 0, NULL)) == NULL)
    return 0;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      GStatBuf st;

      if (g_lstat (child, &st) != 0)
        continue;
      if (S_ISDIR (st.st_mode))
        total += tree_size (child, depth + 1);
      else if (S_ISREG (st.st_mode))
        total += st.st_size;
    }

  return total;
}

/**
 * bulletin_library_get_size:
 * @self: a #BulletinLibrary
 *
 * Returns: the bytes the library takes on disk (the sizes of its files)
 */
guint64
bulletin_library_get_size (BulletinLibrary *self)
{
  g_return_val_if_fail (BULLETIN_IS_LIBRARY (self), 0);

  return tree_size (self->dir, 0);
}

static gboolean
is_article_dir_name (const char *name)
{
  if (strlen (name) != 64)
    return FALSE;

  for (const char *p = name; *p != '\0'; p++)
    if (!g_ascii_isxdigit (*p))
      return FALSE;

  return TRUE;
}

/**
 * bulletin_library_remove_older_than:
 * @self: a #BulletinLibrary
 * @days: the age limit
 * @error: return location for a #GError
 *
 * Deletes the articles saved more than @days days ago, and sweeps what
 * interrupted removals and saves left behind (folders without a complete
 * article older than a day). The caller decides which articles are worth
 * keeping: this looks at ages only.
 *
 * Returns: how many saved articles were deleted; @error is set if one
 *   could not be
 */
guint
bulletin_library_remove_older_than (BulletinLibrary  *self,
                                    guint             days,
                                    GError          **error)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) doomed = g_ptr_array_new_with_free_func (g_free);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 limit = now - (gint64) days * 24 * 60 * 60;
  const char *name;
  guint removed = 0;

  g_return_val_if_fail (BULLETIN_IS_LIBRARY (self), 0);

  dir = g_dir_open (self->dir, 0, NULL);
  if (dir == NULL)
    return 0;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (self->dir, name, NULL);
      g_autofree char *article = NULL;
      GStatBuf st;

      if (g_str_has_prefix (name, TRASH_PREFIX))
        {
          bulletin_remove_tree (path, NULL);
          continue;
        }

      if (!is_article_dir_name (name))
        continue;

      article = g_build_filename (path, ARTICLE_FILE, NULL);
      if (g_stat (article, &st) == 0)
        {
          if (st.st_mtime < limit)
            {
              g_ptr_array_add (doomed, g_strdup (name));
              removed++;
            }
        }
      else if (g_stat (path, &st) == 0 && st.st_mtime < now - 24 * 60 * 60)
        {
          /* An abandoned save, or a copy set aside as damaged. */
          g_ptr_array_add (doomed, g_strdup (name));
        }
    }

  for (guint i = 0; i < doomed->len; i++)
    {
      g_autoptr(GError) local_error = NULL;

      if (!remove_article_dir (self, g_ptr_array_index (doomed, i), &local_error))
        {
          if (error != NULL && *error == NULL)
            g_propagate_error (error, g_steal_pointer (&local_error));
          removed--;
        }
    }

  return removed;
}

/**
 * bulletin_library_missing:
 * @self: a #BulletinLibrary
 * @bookmarks: the bookmarks
 *
 * The repair at start: the bookmarks that have no complete saved copy
 * (never saved, interrupted, set aside as damaged), for the app to save
 * again.
 *
 * Returns: (transfer full) (array zero-terminated=1): their URLs, in the
 *   order of the bookmarks
 */
char **
bulletin_library_missing (BulletinLibrary   *self,
                          BulletinBookmarks *bookmarks)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n;

  g_return_val_if_fail (BULLETIN_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (BULLETIN_IS_BOOKMARKS (bookmarks), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (bookmarks));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BulletinArticle) article = g_list_model_get_item (G_LIST_MODEL (bookmarks), i);
      const char *url = bulletin_article_get_url (article);

      if (!bulletin_library_contains (self, url))
        g_strv_builder_add (builder, url);
    }

  return g_strv_builder_end (builder);
}

static void
bulletin_library_finalize (GObject *object)
{
  BulletinLibrary *self = (BulletinLibrary *)object;

  /* Every save holds a reference on the library, so none is in flight. */
  g_assert (self->saves == NULL);
  g_assert (g_queue_is_empty (&self->waiting));
  g_free (self->dir);

  G_OBJECT_CLASS (bulletin_library_parent_class)->finalize (object);
}

static void
bulletin_library_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  BulletinLibrary *self = BULLETIN_LIBRARY (object);

  switch (prop_id)
    {
    case PROP_DIR:
      g_value_set_string (value, self->dir);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bulletin_library_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  BulletinLibrary *self = BULLETIN_LIBRARY (object);

  switch (prop_id)
    {
    case PROP_DIR:
      if (g_value_get_string (value) != NULL)
        self->dir = g_value_dup_string (value);
      else
        self->dir = g_build_filename (g_get_user_data_dir (), "bulletin", "saved", NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bulletin_library_class_init (BulletinLibraryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bulletin_library_finalize;
  object_class->get_property = bulletin_library_get_property;
  object_class->set_property = bulletin_library_set_property;

  properties[PROP_DIR] =
    g_param_spec_string ("dir", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BulletinLibrary::save-progress:
   * @self: the library
   * @url: the article being saved
   * @fraction: how much is done, from 0 to 1
   *
   * Reports a save's progress as its images arrive; 1 when it is complete.
   */
  signals[SAVE_PROGRESS] =
    g_signal_new ("save-progress",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_DOUBLE);

  /**
   * BulletinLibrary::changed:
   * @self: the library
   * @url: the article
   *
   * Emitted when the saved copy of @url appeared, was replaced or was
   * removed by this object.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
bulletin_library_init (BulletinLibrary *self)
{
  g_queue_init (&self->waiting);
}

/**
 * bulletin_library_new:
 * @dir: (nullable): the folder of saved articles, or %NULL for
 *   `$XDG_DATA_HOME/bulletin/saved`
 *
 * Creates a library over @dir; nothing is read or written until asked.
 *
 * Returns: (transfer full): the library
 */
BulletinLibrary *
bulletin_library_new (const char *dir)
{
  return g_object_new (BULLETIN_TYPE_LIBRARY, "dir", dir, NULL);
}

/**
 * bulletin_library_get_dir:
 * @self: a #BulletinLibrary
 *
 * Returns: (transfer none): the folder of saved articles
 */
const char *
bulletin_library_get_dir (BulletinLibrary *self)
{
  g_return_val_if_fail (BULLETIN_IS_LIBRARY (self), NULL);

  return self->dir;
}
