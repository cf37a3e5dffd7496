/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bulletin-breaking"

#include "config.h"

#include <string.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "bulletin-article.h"
#include "bulletin-breaking.h"
#include "bulletin-error.h"
#include "bulletin-html.h"
#include "bulletin-source-loader.h"
#include "bulletin-url.h"

/* BulletinBreaking keeps the edition's current breaking items: a feed of
 * them, or the breaking strip of a page. It polls on an interval while
 * started (not while the network monitor says there is no network), backs
 * off after failures, keeps the last items when a poll fails, and emits
 * "new-items" once for each item it has not seen before. The seen set is a
 * list of keys the UI can keep in GSettings across runs.
 */

#define MAX_ITEMS 30

struct _BulletinBreaking
{
  GObject           parent_instance;

  BulletinClient   *client;
  BulletinEdition  *edition;
  GPtrArray        *items;
  GPtrArray        *seen;        /* char*, oldest first */
  GHashTable       *seen_set;    /* borrowed from seen */
  GError           *error;

  guint             interval;
  guint             failures;
  guint             timeout_id;
  gboolean          running;
  gboolean          polling;
  GCancellable     *cancellable;
  GNetworkMonitor  *monitor;
  gulong            network_changed_id;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BulletinBreaking, bulletin_breaking, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_EDITION,
  PROP_INTERVAL,
  PROP_SEEN,
  PROP_RUNNING,
  PROP_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  NEW_ITEMS,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GType
get_item_type (GListModel *model)
{
  return BULLETIN_TYPE_ARTICLE;
}

static guint
get_n_items (GListModel *model)
{
  return BULLETIN_BREAKING (model)->items->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  BulletinBreaking *self = BULLETIN_BREAKING (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

/* Parsing a page's breaking strip */

static gboolean
names_breaking (xmlNode *node)
{
  static const char * const attrs[] = { "class", "id" };

  for (guint i = 0; i < G_N_ELEMENTS (attrs); i++)
    {
      g_autofree char *lower = NULL;
      xmlChar *value = xmlGetProp (node, (const xmlChar *) attrs[i]);

      if (value == NULL)
        continue;
      lower = g_ascii_strdown ((const char *) value, -1);
      xmlFree (value);
      if (strstr (lower, "breaking") != NULL || strstr (lower, "urgent") != NULL)
        return TRUE;
    }

  return FALSE;
}

static xmlNode *
find_strip (xmlNode *node)
{
  for (xmlNode *n = node; n != NULL; n = n->next)
    {
      xmlNode *found;

      if (n->type != XML_ELEMENT_NODE)
        continue;
      if (names_breaking (n))
        return n;
      found = find_strip (n->children);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
collect_elements (xmlNode    *node,
                  const char *name,
                  GPtrArray  *out)
{
  for (xmlNode *n = node; n != NULL; n = n->next)
    {
      if (n->type != XML_ELEMENT_NODE)
        continue;
      if (g_ascii_strcasecmp ((const char *) n->name, name) == 0)
        {
          g_ptr_array_add (out, n);
          continue;
        }
      collect_elements (n->children, name, out);
    }
}

static char *
node_text (xmlNode *node)
{
  xmlChar *content = xmlNodeGetContent (node);
  char *text = bulletin_html_clean_text ((const char *) content, FALSE);

  xmlFree (content);

  return text != NULL ? text : g_strdup ("");
}

static char *
first_link (xmlNode    *node,
            const char *base_url)
{
  g_autoptr(GPtrArray) links = g_ptr_array_new ();

  if (g_ascii_strcasecmp ((const char *) node->name, "a") == 0)
    g_ptr_array_add (links, node);
  else
    collect_elements (node->children, "a", links);

  for (guint i = 0; i < links->len; i++)
    {
      xmlChar *href = xmlGetProp (g_ptr_array_index (links, i), (const xmlChar *) "href");
      g_autofree char *url = NULL;

      if (href == NULL)
        continue;
      url = bulletin_url_resolve (base_url, (const char *) href);
      xmlFree (href);
      if (url != NULL && bulletin_url_is_http (url))
        return g_steal_pointer (&url);
    }

  return NULL;
}

/**
 * bulletin_breaking_parse_page:
 * @html: an HTML page
 * @base_url: (nullable): the page's URL, for its links
 * @error: return location for a #GError
 *
 * Reads the breaking strip of a page: the first element whose class or id
 * says "breaking" (or "urgent"), whose list items (else links, else
 * paragraphs) are the items. Each item's title is its text; its URL, the
 * first http(s) link in it, if any.
 *
 * Returns: (transfer full) (element-type BulletinArticle): the items, in
 *   page order (maybe none), or %NULL with %BULLETIN_ERROR_NOT_A_PAGE when
 *   the page has no breaking strip
 */
GPtrArray *
bulletin_breaking_parse_page (GBytes      *html,
                              const char  *base_url,
                              GError     **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) nodes = g_ptr_array_new ();
  g_autoptr(GHashTable) texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  static const char * const item_elements[] = { "li", "a", "p" };
  htmlDocPtr doc;
  xmlNode *strip;
  gsize size;
  const char *data = g_bytes_get_data (html, &size);

  if (size == 0 || size > G_MAXINT)
    {
      g_set_error_literal (error, BULLETIN_ERROR, BULLETIN_ERROR_NOT_A_PAGE, "The page is empty.");
      return NULL;
    }

  doc = htmlReadMemory (data, (int) size, base_url, NULL,
                        HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
  if (doc == NULL)
    {
      g_set_error_literal (error, BULLETIN_ERROR, BULLETIN_ERROR_NOT_A_PAGE, "The page cannot be read as HTML.");
      return NULL;
    }

  strip = find_strip (xmlDocGetRootElement (doc));
  if (strip == NULL)
    {
      xmlFreeDoc (doc);
      g_set_error_literal (error, BULLETIN_ERROR, BULLETIN_ERROR_NOT_A_PAGE,
                           "The page has no breaking news strip.");
      return NULL;
    }

  for (guint i = 0; i < G_N_ELEMENTS (item_elements) && nodes->len == 0; i++)
    collect_elements (strip->children, item_elements[i], nodes);

  for (guint i = 0; i < nodes->len && items->len < MAX_ITEMS; i++)
    {
      xmlNode *node = g_ptr_array_index (nodes, i);
      g_autofree char *text = node_text (node);
      g_autofree char *url = NULL;
      g_autoptr(BulletinArticle) item = NULL;

      /* the strip's own label ("BREAKING") is not an item */
      if (g_utf8_strlen (text, -1) < 8 || g_hash_table_contains (texts, text))
        continue;

      url = first_link (node, base_url);
      item = bulletin_article_new ();
      bulletin_article_set_title (item, text);
      bulletin_article_set_url (item, url);
      g_hash_table_add (texts, g_steal_pointer (&text));
      g_ptr_array_add (items, g_steal_pointer (&item));
    }

  xmlFreeDoc (doc);

  return g_steal_pointer (&items);
}

/**
 * bulletin_breaking_item_key:
 * @item: a breaking item
 *
 * Returns: (transfer full): what tells the item apart: its id, else its
 *   URL, else a hash of its text
 */
char *
bulletin_breaking_item_key (BulletinArticle *item)
{
  g_autofree char *folded = NULL;
  g_autofree char *hash = NULL;

  if (bulletin_article_get_id (item) != NULL)
    return g_strconcat ("id:", bulletin_article_get_id (item), NULL);
  if (bulletin_article_get_url (item) != NULL)
    return g_strconcat ("url:", bulletin_article_get_url (item), NULL);

  folded = g_utf8_casefold (bulletin_article_get_title (item) != NULL ? bulletin_article_get_title (item) : "", -1);
  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA1, folded, -1);

  return g_strconcat ("text:", hash, NULL);
}

/* GObject */

static void
bulletin_breaking_dispose (GObject *object)
{
  BulletinBreaking *self = (BulletinBreaking *)object;

  bulletin_breaking_stop (self);

  G_OBJECT_CLASS (bulletin_breaking_parent_class)->dispose (object);
}

static void
bulletin_breaking_finalize (GObject *object)
{
  BulletinBreaking *self = (BulletinBreaking *)object;

  g_clear_object (&self->client);
  g_clear_object (&self->edition);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->seen_set, g_hash_table_unref);
  g_clear_pointer (&self->seen, g_ptr_array_unref);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (bulletin_breaking_parent_class)->finalize (object);
}

static void
bulletin_breaking_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  BulletinBreaking *self = BULLETIN_BREAKING (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;

    case PROP_EDITION:
      g_value_set_object (value, self->edition);
      break;

    case PROP_INTERVAL:
      g_value_set_uint (value, self->interval);
      break;

    case PROP_SEEN:
      g_value_take_boxed (value, bulletin_breaking_dup_seen (self));
      break;

    case PROP_RUNNING:
      g_value_set_boolean (value, self->running);
      break;

    case PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bulletin_breaking_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  BulletinBreaking *self = BULLETIN_BREAKING (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;

    case PROP_EDITION:
      self->edition = g_value_dup_object (value);
      break;

    case PROP_INTERVAL:
      bulletin_breaking_set_interval (self, g_value_get_uint (value));
      break;

    case PROP_SEEN:
      bulletin_breaking_set_seen (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bulletin_breaking_class_init (BulletinBreakingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;
  GParamFlags readable = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags readwrite = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = bulletin_breaking_dispose;
  object_class->finalize = bulletin_breaking_finalize;
  object_class->get_property = bulletin_breaking_get_property;
  object_class->set_property = bulletin_breaking_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, BULLETIN_TYPE_CLIENT, construct);
  properties[PROP_EDITION] =
    g_param_spec_object ("edition", NULL, NULL, BULLETIN_TYPE_EDITION, construct);
  /**
   * BulletinBreaking:interval:
   *
   * Seconds between polls while started.
   */
  properties[PROP_INTERVAL] =
    g_param_spec_uint ("interval", NULL, NULL, 1, 24 * 60 * 60, BULLETIN_BREAKING_DEFAULT_INTERVAL, readwrite);
  /**
   * BulletinBreaking:seen:
   *
   * Keys (bulletin_breaking_item_key()) of the items already announced,
   * oldest first, at most %BULLETIN_BREAKING_MAX_SEEN.
   */
  properties[PROP_SEEN] =
    g_param_spec_boxed ("seen", NULL, NULL, G_TYPE_STRV, readwrite);
  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE, readable);
  properties[PROP_ERROR] =
    g_param_spec_boxed ("error", NULL, NULL, G_TYPE_ERROR, readable);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BulletinBreaking::new-items:
   * @self: the #BulletinBreaking
   * @items: (element-type BulletinArticle): the items not seen before
   *
   * Emitted once for the items a poll found that were never announced.
   */
  signals[NEW_ITEMS] =
    g_signal_new ("new-items",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_PTR_ARRAY);
}

static void
bulletin_breaking_init (BulletinBreaking *self)
{
  self->interval = BULLETIN_BREAKING_DEFAULT_INTERVAL;
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->seen = g_ptr_array_new_with_free_func (g_free);
  self->seen_set = g_hash_table_new (g_str_hash, g_str_equal);
}

/**
 * bulletin_breaking_new:
 * @client: the client to fetch with
 * @edition: the edition whose breaking news to follow
 *
 * Returns: (transfer full): a new, stopped #BulletinBreaking
 */
BulletinBreaking *
bulletin_breaking_new (BulletinClient  *client,
                       BulletinEdition *edition)
{
  g_return_val_if_fail (BULLETIN_IS_CLIENT (client), NULL);
  g_return_val_if_fail (BULLETIN_IS_EDITION (edition), NULL);

  return g_object_new (BULLETIN_TYPE_BREAKING,
                       "client", client,
                       "edition", edition,
                       NULL);
}

static void
remember (BulletinBreaking *self,
          const char       *key)
{
  char *copy;

  if (g_hash_table_contains (self->seen_set, key))
    return;

  copy = g_strdup (key);
  g_ptr_array_add (self->seen, copy);
  g_hash_table_add (self->seen_set, copy);

  while (self->seen->len > BULLETIN_BREAKING_MAX_SEEN)
    {
      g_hash_table_remove (self->seen_set, g_ptr_array_index (self->seen, 0));
      g_ptr_array_remove_index (self->seen, 0);
    }
}

/**
 * bulletin_breaking_dup_seen:
 * @self: a #BulletinBreaking
 *
 * Returns: (transfer full): the keys of the items already announced
 */
char **
bulletin_breaking_dup_seen (BulletinBreaking *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (BULLETIN_IS_BREAKING (self), NULL);

  for (guint i = 0; i < self->seen->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (self->seen, i));

  return g_strv_builder_end (builder);
}

/**
 * bulletin_breaking_set_seen:
 * @self: a #BulletinBreaking
 * @seen: (nullable): keys of items already announced, oldest first
 *
 * Replaces the seen set, as when the UI restores it from GSettings.
 */
void
bulletin_breaking_set_seen (BulletinBreaking   *self,
                            const char * const *seen)
{
  g_return_if_fail (BULLETIN_IS_BREAKING (self));

  g_hash_table_remove_all (self->seen_set);
  g_ptr_array_set_size (self->seen, 0);
  for (guint i = 0; seen != NULL && seen[i] != NULL; i++)
    remember (self, seen[i]);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEEN]);
}

guint
bulletin_breaking_get_interval (BulletinBreaking *self)
{
  g_return_val_if_fail (BULLETIN_IS_BREAKING (self), 0);

  return self->interval;
}

static void schedule (BulletinBreaking *self);

void
bulletin_breaking_set_interval (BulletinBreaking *self,
                                guint             seconds)
{
  g_return_if_fail (BULLETIN_IS_BREAKING (self));

  seconds = MAX (seconds, 1);
  if (self->interval == seconds)
    return;

  self->interval = seconds;
  if (self->running && !self->polling)
    schedule (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTERVAL]);
}

/**
 * bulletin_breaking_get_next_delay:
 * @self: a #BulletinBreaking
 *
 * Returns: the seconds the next poll waits: the interval, doubled after
 *   each failure in a row, at most %BULLETIN_BREAKING_MAX_BACKOFF
 */
guint
bulletin_breaking_get_next_delay (BulletinBreaking *self)
{
  guint64 delay;

  g_return_val_if_fail (BULLETIN_IS_BREAKING (self), 0);

  delay = self->interval;
  for (guint i = 0; i < self->failures && delay < BULLETIN_BREAKING_MAX_BACKOFF; i++)
    delay *= 2;

  return (guint) MIN (delay, MAX (BULLETIN_BREAKING_MAX_BACKOFF, self->interval));
}

/**
 * bulletin_breaking_get_error:
 * @self: a #BulletinBreaking
 *
 * Returns: (transfer none) (nullable): why the last poll failed
 */
const GError *
bulletin_breaking_get_error (BulletinBreaking *self)
{
  g_return_val_if_fail (BULLETIN_IS_BREAKING (self), NULL);

  return self->error;
}

gboolean
bulletin_breaking_is_running (BulletinBreaking *self)
{
  g_return_val_if_fail (BULLETIN_IS_BREAKING (self), FALSE);

  return self->running;
}

static void
set_error (BulletinBreaking *self,
           const GError     *error)
{
  if (self->error == NULL && error == NULL)
    return;

  g_clear_error (&self->error);
  if (error != NULL)
    self->error = g_error_copy (error);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

static void
apply_items (BulletinBreaking *self,
             GPtrArray        *found)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) fresh = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) current = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint old_n = self->items->len;
  gboolean same;

  for (guint i = 0; i < self->items->len; i++)
    g_hash_table_insert (current, bulletin_breaking_item_key (g_ptr_array_index (self->items, i)),
                         g_ptr_array_index (self->items, i));

  for (guint i = 0; i < found->len && items->len < MAX_ITEMS; i++)
    {
      BulletinArticle *item = g_ptr_array_index (found, i);
      char *key = bulletin_breaking_item_key (item);
      BulletinArticle *existing;

      if (bulletin_article_get_title (item) == NULL || !g_hash_table_add (keys, key))
        {
          if (bulletin_article_get_title (item) == NULL)
            g_free (key);
          continue;
        }

      existing = g_hash_table_lookup (current, key);
      if (existing != NULL)
        {
          if (existing != item)
            bulletin_article_merge (existing, item);
          item = existing;
        }
      g_ptr_array_add (items, g_object_ref (item));

      if (!g_hash_table_contains (self->seen_set, key))
        {
          remember (self, key);
          g_ptr_array_add (fresh, g_object_ref (item));
        }
    }

  same = items->len == old_n;
  for (guint i = 0; same && i < old_n; i++)
    same = g_ptr_array_index (items, i) == g_ptr_array_index (self->items, i);

  if (!same)
    {
      g_ptr_array_unref (self->items);
      self->items = g_steal_pointer (&items);
      g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, self->items->len);
    }

  if (fresh->len > 0)
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEEN]);
      g_signal_emit (self, signals[NEW_ITEMS], 0, fresh);
    }
}

static void
poll_failed (GTask  *task,
             GError *error)
{
  BulletinBreaking *self = g_task_get_source_object (task);

  bulletin_error_map_cancelled (&error);
  if (!g_error_matches (error, BULLETIN_ERROR, BULLETIN_ERROR_CANCELLED))
    {
      self->failures++;
      set_error (self, error);
    }
  g_task_return_error (task, error);
}

static void
poll_succeeded (GTask     *task,
                GPtrArray *found)
{
  BulletinBreaking *self = g_task_get_source_object (task);

  self->failures = 0;
  set_error (self, NULL);
  apply_items (self, found);
  g_task_return_boolean (task, TRUE);
}

static GPtrArray *
parse_page (GBytes      *html,
            const char  *url,
            const char  *data,
            GError     **error)
{
  return bulletin_breaking_parse_page (html, url, error);
}

static void
parsed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GPtrArray) items = NULL;
  GError *error = NULL;

  items = bulletin_source_parse_finish (result, &error);
  if (items == NULL)
    {
      poll_failed (task, error);
      return;
    }

  poll_succeeded (task, items);
}

static void
fetched_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  BulletinBreaking *self = g_task_get_source_object (task);
  const BulletinSource *source = bulletin_edition_get_breaking (self->edition);
  GCancellable *cancellable = g_task_get_cancellable (task);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *final_uri = NULL;
  GError *error = NULL;

  bytes = bulletin_client_fetch_finish_full (BULLETIN_CLIENT (object), result, NULL, &final_uri, NULL, &error);
  if (bytes == NULL)
    {
      poll_failed (task, error);
      return;
    }

  bulletin_source_parse_async (source->type, bytes, final_uri, parse_page, NULL,
                               cancellable, parsed_cb, g_steal_pointer (&task));
}

/**
 * bulletin_breaking_refresh_async:
 * @self: a #BulletinBreaking
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the poll is done
 * @user_data: data for @callback
 *
 * Polls the breaking source once, whether started or not and whatever the
 * network monitor says.
 */
void
bulletin_breaking_refresh_async (BulletinBreaking    *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  const BulletinSource *source;

  g_return_if_fail (BULLETIN_IS_BREAKING (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, bulletin_breaking_refresh_async);
  g_task_set_check_cancellable (task, FALSE);

  source = bulletin_edition_get_breaking (self->edition);
  if (source == NULL)
    {
      g_task_return_new_error (task, BULLETIN_ERROR, BULLETIN_ERROR_NOT_FOUND,
                               "The edition %s has no breaking news.",
                               bulletin_edition_get_id (self->edition));
      return;
    }

  bulletin_client_fetch_async (self->client, source->url, bulletin_source_fetch_kind (source),
                               cancellable, fetched_cb, g_steal_pointer (&task));
}

/**
 * bulletin_breaking_refresh_finish:
 * @self: a #BulletinBreaking
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: whether the poll succeeded; on failure the last items stay
 */
gboolean
bulletin_breaking_refresh_finish (BulletinBreaking  *self,
                                  GAsyncResult      *result,
                                  GError           **error)
{
  g_return_val_if_fail (BULLETIN_IS_BREAKING (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Polling */

static gboolean poll_cb (gpointer data);

static void
schedule (BulletinBreaking *self)
{
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->running)
    self->timeout_id = g_timeout_add_seconds (bulletin_breaking_get_next_delay (self), poll_cb, self);
}

static void
polled_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  BulletinBreaking *self = BULLETIN_BREAKING (object);
  g_autoptr(GError) error = NULL;

  if (!bulletin_breaking_refresh_finish (self, result, &error))
    g_debug ("Breaking news poll failed: %s", error->message);

  self->polling = FALSE;
  schedule (self);
}

static void
poll_now (BulletinBreaking *self)
{
  g_clear_handle_id (&self->timeout_id, g_source_remove);

  if (self->polling)
    return;

  if (!g_network_monitor_get_network_available (self->monitor))
    {
      /* Try again later; "network-changed" may come first. */
      schedule (self);
      return;
    }

  self->polling = TRUE;
  bulletin_breaking_refresh_async (self, self->cancellable, polled_cb, NULL);
}

static gboolean
poll_cb (gpointer data)
{
  BulletinBreaking *self = data;

  self->timeout_id = 0;
  poll_now (self);

  return G_SOURCE_REMOVE;
}

static void
network_changed_cb (GNetworkMonitor  *monitor,
                    gboolean          available,
                    BulletinBreaking *self)
{
  if (available && self->running && !self->polling)
    poll_now (self);
}

/**
 * bulletin_breaking_start:
 * @self: a #BulletinBreaking
 *
 * Polls now, then every #BulletinBreaking:interval seconds (longer after
 * failures), skipping polls while the network monitor says there is no
 * network.
 */
void
bulletin_breaking_start (BulletinBreaking *self)
{
  g_return_if_fail (BULLETIN_IS_BREAKING (self));

  if (self->running)
    return;

  self->running = TRUE;
  self->cancellable = g_cancellable_new ();
  self->monitor = g_object_ref (g_network_monitor_get_default ());
  self->network_changed_id = g_signal_connect (self->monitor, "network-changed",
                                               G_CALLBACK (network_changed_cb), self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);

  poll_now (self);
}

/**
 * bulletin_breaking_stop:
 * @self: a #BulletinBreaking
 *
 * Stops polling and cancels a poll under way. The items stay.
 */
void
bulletin_breaking_stop (BulletinBreaking *self)
{
  g_return_if_fail (BULLETIN_IS_BREAKING (self));

  if (!self->running)
    return;

  self->running = FALSE;
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_signal_handler (&self->network_changed_id, self->monitor);
  g_clear_object (&self->monitor);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}
