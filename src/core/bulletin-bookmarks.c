/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bulletin-bookmarks"

#include "config.h"

#include <string.h>
#include <libsoup/soup.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "bulletin-atomic-file.h"
#include "bulletin-bookmarks.h"
#include "bulletin-date.h"
#include "bulletin-error.h"
#include "bulletin-json.h"
#include "bulletin-url.h"

#define BOOKMARKS_KEY "bookmarks"
/* A bookmarks file bigger than this is not one. */
#define MAX_IMPORT_SIZE (64 * 1024 * 1024)

/* One bookmark. The a{sv} dictionary is kept as it is stored so that a
 * write only gathers references instead of rebuilding 5,000 dictionaries,
 * and so that an outside change is recognised per bookmark by comparing
 * dictionaries. Entries are reference-counted so that the diff of an
 * outside change can move them from the old list to the new one.
 */
typedef struct
{
  GVariant        *dict;
  BulletinArticle *article;
  char            *edition;
  gint64           saved_at;
  char            *search_key;
} Entry;

struct _BulletinBookmarks
{
  GObject     parent_instance;

  GSettings  *settings;
  GPtrArray  *entries;       /* Entry, newest first */
  GHashTable *by_url;        /* url -> Entry (borrowed from entries) */
  GVariant   *last_written;
  gulong      changed_id;
  /* the idle that writes the list, when a change is not stored yet */
  guint       write_id;
  guint       writing : 1;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BulletinBookmarks, bulletin_bookmarks, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_N_ITEMS,
  N_PROPS
};

enum {
  BOOKMARK_TOGGLED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_QUARK (bulletin-bookmark-saved-at, saved_at)

static void
entry_clear (gpointer data)
{
  Entry *entry = data;

  g_clear_pointer (&entry->dict, g_variant_unref);
  g_clear_object (&entry->article);
  g_clear_pointer (&entry->edition, g_free);
  g_clear_pointer (&entry->search_key, g_free);
}

static Entry *
entry_ref (Entry *entry)
{
  return g_rc_box_acquire (entry);
}

static void
entry_unref (gpointer entry)
{
  g_rc_box_release_full (entry, entry_clear);
}

static inline const char *
entry_get_url (Entry *entry)
{
  return bulletin_article_get_url (entry->article);
}

static const char *
dict_get_string (GVariant   *dict,
                 const char *key)
{
  const char *value = NULL;

  if (!g_variant_lookup (dict, key, "&s", &value) || value[0] == '\0')
    return NULL;

  return value;
}

static gboolean
variant_get_time (GVariant *value,
                  gint64   *out)
{
  /* Someone editing the key by hand may well write an int32. */
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
    *out = g_variant_get_int64 (value);
  else if (g_variant_is_of_type (value, G_VARIANT_TYPE_UINT64))
    *out = (gint64) MIN (g_variant_get_uint64 (value), G_MAXINT64);
  else if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT32))
    *out = g_variant_get_int32 (value);
  else if (g_variant_is_of_type (value, G_VARIANT_TYPE_UINT32))
    *out = g_variant_get_uint32 (value);
  else
    return FALSE;

  return TRUE;
}

enum {
  KEY_URL,
  KEY_TITLE,
  KEY_EDITION,
  KEY_SECTION,
  KEY_SECTION_TITLE,
  KEY_IMAGE,
  N_STRING_KEYS
};

static const char * const string_keys[N_STRING_KEYS] = {
  "url", "title", "edition", "section", "section-title", "image",
};

/* Takes a reference on @dict; returns NULL for a dictionary without URL.
 * One pass over the dictionary: 5,000 of them are read at start.
 */
static Entry *
entry_new_from_dict (GVariant *dict)
{
  g_autoptr(BulletinArticle) article = NULL;
  GVariant *values[N_STRING_KEYS] = { NULL };
  const char *strings[N_STRING_KEYS] = { NULL };
  gboolean has_published = FALSE;
  gboolean has_saved_at = FALSE;
  gint64 published = 0;
  gint64 saved_at_value = 0;
  gint64 *saved_at;
  GVariantIter iter;
  const char *key;
  GVariant *value;
  Entry *entry;

  g_variant_iter_init (&iter, dict);
  while (g_variant_iter_loop (&iter, "{&sv}", &key, &value))
    {
      if (g_str_equal (key, "saved-at"))
        {
          if (!has_saved_at)
            has_saved_at = variant_get_time (value, &saved_at_value);
          continue;
        }
      if (g_str_equal (key, "published"))
        {
          if (!has_published)
            has_published = variant_get_time (value, &published);
          continue;
        }
      for (guint i = 0; i < N_STRING_KEYS; i++)
        if (values[i] == NULL && g_str_equal (key, string_keys[i]) &&
            g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
          {
            values[i] = g_variant_ref (value);
            strings[i] = g_variant_get_string (value, NULL);
            if (strings[i][0] == '\0')
              strings[i] = NULL;
            break;
          }
    }

  if (strings[KEY_URL] == NULL)
    {
      for (guint i = 0; i < N_STRING_KEYS; i++)
        g_clear_pointer (&values[i], g_variant_unref);
      return NULL;
    }

  entry = g_rc_box_new0 (Entry);
  entry->dict = g_variant_ref (dict);
  entry->edition = g_strdup (strings[KEY_EDITION]);
  entry->saved_at = has_saved_at ? saved_at_value : 0;

  article = bulletin_article_new ();
  bulletin_article_set_url (article, strings[KEY_URL]);
  bulletin_article_set_title (article, strings[KEY_TITLE]);
  bulletin_article_set_section (article, strings[KEY_SECTION]);
  bulletin_article_set_section_title (article, strings[KEY_SECTION_TITLE]);
  bulletin_article_set_image (article, strings[KEY_IMAGE]);
  if (has_published)
    {
      g_autoptr(GDateTime) date = g_date_time_new_from_unix_utc (published);

      bulletin_article_set_published (article, date);
    }

  saved_at = g_new (gint64, 1);
  *saved_at = entry->saved_at;
  g_object_set_qdata_full (G_OBJECT (article), saved_at_quark (), saved_at, g_free);
  entry->article = g_steal_pointer (&article);

  for (guint i = 0; i < N_STRING_KEYS; i++)
    g_clear_pointer (&values[i], g_variant_unref);

  return entry;
}

static void
add_string (GVariantBuilder *builder,
            const char      *key,
            const char      *value)
{
  if (value != NULL && value[0] != '\0' && g_utf8_validate (value, -1, NULL))
    g_variant_builder_add (builder, "{sv}", key, g_variant_new_string (value));
}

static Entry *
entry_new (const char *url,
           const char *title,
           const char *edition,
           const char *section,
           const char *section_title,
           const char *image,
           gint64      saved_at,
           GDateTime  *published)
{
  g_autoptr(GVariant) dict = NULL;
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE_VARDICT);
  add_string (&builder, "url", url);
  add_string (&builder, "title", title);
  add_string (&builder, "edition", edition);
  add_string (&builder, "section", section);
  add_string (&builder, "section-title", section_title);
  add_string (&builder, "image", image);
  g_variant_builder_add (&builder, "{sv}", "saved-at", g_variant_new_int64 (saved_at));
  if (published != NULL)
    g_variant_builder_add (&builder, "{sv}", "published",
                           g_variant_new_int64 (g_date_time_to_unix (published)));
  dict = g_variant_ref_sink (g_variant_builder_end (&builder));

  return entry_new_from_dict (dict);
}

static char *
normalize_for_search (const char *text)
{
  g_autofree char *normalized = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);

  if (normalized == NULL)
    return g_strdup ("");

  return g_utf8_casefold (normalized, -1);
}

static const char *
entry_get_search_key (Entry *entry)
{
  if (entry->search_key == NULL)
    {
      g_autofree char *text = g_strjoin ("\n",
                                         bulletin_article_get_title (entry->article) ?: "",
                                         bulletin_article_get_section (entry->article) ?: "",
                                         bulletin_article_get_section_title (entry->article) ?: "",
                                         entry_get_url (entry),
                                         NULL);

      entry->search_key = normalize_for_search (text);
    }

  return entry->search_key;
}

static GType
bulletin_bookmarks_get_item_type (GListModel *model)
{
  return BULLETIN_TYPE_ARTICLE;
}

static guint
bulletin_bookmarks_get_n_items (GListModel *model)
{
  return BULLETIN_BOOKMARKS (model)->entries->len;
}

static gpointer
bulletin_bookmarks_get_item (GListModel *model,
                             guint       position)
{
  BulletinBookmarks *self = BULLETIN_BOOKMARKS (model);
  Entry *entry;

  if (position >= self->entries->len)
    return NULL;

  entry = g_ptr_array_index (self->entries, position);

  return g_object_ref (entry->article);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = bulletin_bookmarks_get_item_type;
  iface->get_n_items = bulletin_bookmarks_get_n_items;
  iface->get_item = bulletin_bookmarks_get_item;
}

/* Reads the key into a new list, reusing the entries whose dictionary is
 * unchanged so that their articles (which a view may hold) stay the same
 * objects. Entries without URL and repeated URLs are skipped, not
 * repaired: the key is only written on a user action.
 */
static GPtrArray *
read_entries (BulletinBookmarks *self,
              GVariant          *value)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *entries;
  gsize n;

  n = g_variant_n_children (value);
  entries = g_ptr_array_new_full (n, entry_unref);

  for (gsize i = 0; i < n; i++)
    {
      g_autoptr(GVariant) dict = g_variant_get_child_value (value, i);
      const char *url = dict_get_string (dict, "url");
      Entry *old;
      Entry *entry;

      /* The key can be edited by hand: a bookmark is only ever a web
       * page, never a javascript: or file: URL a click would run or open. */
      if (url == NULL || !bulletin_url_is_http (url) || g_hash_table_contains (seen, url))
        continue;

      old = g_hash_table_lookup (self->by_url, url);
      if (old != NULL && g_variant_equal (old->dict, dict))
        entry = entry_ref (old);
      else
        entry = entry_new_from_dict (dict);

      g_ptr_array_add (entries, entry);
      g_hash_table_add (seen, (gpointer) entry_get_url (entry));
    }

  return entries;
}

/* Replaces the list by @entries, announcing the change as one
 * items-changed over the smallest range that differs, and a
 * bookmark-toggled for every URL that came or went.
 */
static void
apply_entries (BulletinBookmarks *self,
               GPtrArray         *entries)
{
  g_autoptr(GPtrArray) old = self->entries;
  g_autoptr(GHashTable) old_middle = NULL;
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) removed = g_ptr_array_new_with_free_func (g_free);
  guint prefix = 0;
  guint suffix = 0;
  guint n_removed;
  guint n_added;

  while (prefix < old->len && prefix < entries->len &&
         g_ptr_array_index (old, prefix) == g_ptr_array_index (entries, prefix))
    prefix++;

  while (suffix < old->len - prefix && suffix < entries->len - prefix &&
         g_ptr_array_index (old, old->len - 1 - suffix) ==
         g_ptr_array_index (entries, entries->len - 1 - suffix))
    suffix++;

  n_removed = old->len - prefix - suffix;
  n_added = entries->len - prefix - suffix;

  old_middle = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = prefix; i < prefix + n_removed; i++)
    {
      Entry *entry = g_ptr_array_index (old, i);

      g_hash_table_add (old_middle, (gpointer) entry_get_url (entry));
      g_hash_table_remove (self->by_url, entry_get_url (entry));
    }

  for (guint i = prefix; i < prefix + n_added; i++)
    {
      Entry *entry = g_ptr_array_index (entries, i);

      g_hash_table_insert (self->by_url, g_strdup (entry_get_url (entry)), entry);
      if (!g_hash_table_remove (old_middle, entry_get_url (entry)))
        g_ptr_array_add (added, g_strdup (entry_get_url (entry)));
    }

  /* What is left in old_middle did not come back. */
  for (guint i = prefix; i < prefix + n_removed; i++)
    {
      Entry *entry = g_ptr_array_index (old, i);

      if (g_hash_table_contains (old_middle, entry_get_url (entry)))
        g_ptr_array_add (removed, g_strdup (entry_get_url (entry)));
    }
  g_clear_pointer (&old_middle, g_hash_table_unref);

  self->entries = g_ptr_array_ref (entries);

  if (n_removed == 0 && n_added == 0)
    return;

  g_list_model_items_changed (G_LIST_MODEL (self), prefix, n_removed, n_added);
  if (n_removed != n_added)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);

  for (guint i = 0; i < removed->len; i++)
    g_signal_emit (self, signals[BOOKMARK_TOGGLED], 0, g_ptr_array_index (removed, i), FALSE);
  for (guint i = 0; i < added->len; i++)
    g_signal_emit (self, signals[BOOKMARK_TOGGLED], 0, g_ptr_array_index (added, i), TRUE);
}

static void
settings_changed_cb (BulletinBookmarks *self,
                     const char        *key,
                     GSettings         *settings)
{
  g_autoptr(GVariant) value = NULL;
  g_autoptr(GPtrArray) entries = NULL;

  /* Our own write, announced while it happens (or later, below): reading
   * the key back would cost a parse of the whole list with the keyfile
   * backend.
   */
  if (self->writing)
    return;

  /* An outside write after a change of ours not stored yet replaces the
   * whole list, as it would have had ours been stored at once: the last
   * write wins.
   */
  g_clear_handle_id (&self->write_id, g_source_remove);

  value = g_settings_get_value (settings, BOOKMARKS_KEY);
  if (self->last_written != NULL && g_variant_equal (value, self->last_written))
    return;

  g_debug ("The bookmarks changed from outside");
  entries = read_entries (self, value);
  apply_entries (self, entries);
}

static void
write_now (BulletinBookmarks *self)
{
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("aa{sv}"));
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);

      g_variant_builder_add_value (&builder, entry->dict);
    }

  g_clear_pointer (&self->last_written, g_variant_unref);
  self->last_written = g_variant_ref_sink (g_variant_builder_end (&builder));

  self->writing = TRUE;
  if (!g_settings_set_value (self->settings, BOOKMARKS_KEY, self->last_written))
    g_message ("The bookmarks could not be stored: the key is not writable");
  self->writing = FALSE;
}

static gboolean
write_cb (gpointer user_data)
{
  BulletinBookmarks *self = user_data;

  self->write_id = 0;
  write_now (self);

  return G_SOURCE_REMOVE;
}

/* The list is stored whole (GSettings has no smaller unit), which with the
 * keyfile backend means the whole file, 40 ms at 5,000 bookmarks: the
 * model changes at once and the write waits for the main loop to be idle,
 * after the frame that shows the change, one write for every change made
 * in the meantime. bulletin_bookmarks_flush() and dispose write what is
 * pending.
 */
static void
write_settings (BulletinBookmarks *self)
{
  if (self->write_id == 0)
    self->write_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, write_cb, self, NULL);
}

static void
bulletin_bookmarks_constructed (GObject *object)
{
  BulletinBookmarks *self = (BulletinBookmarks *)object;
  g_autoptr(GVariant) value = NULL;
  g_autoptr(GPtrArray) entries = NULL;

  G_OBJECT_CLASS (bulletin_bookmarks_parent_class)->constructed (object);

  g_assert (G_IS_SETTINGS (self->settings));

  value = g_settings_get_value (self->settings, BOOKMARKS_KEY);
  entries = read_entries (self, value);
  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (entries, i);

      g_hash_table_insert (self->by_url, g_strdup (entry_get_url (entry)), entry);
    }
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  self->entries = g_steal_pointer (&entries);

  self->changed_id = g_signal_connect_object (self->settings, "changed::" BOOKMARKS_KEY,
                                              G_CALLBACK (settings_changed_cb), self,
                                              G_CONNECT_SWAPPED);
}

static void
bulletin_bookmarks_dispose (GObject *object)
{
  BulletinBookmarks *self = (BulletinBookmarks *)object;

  bulletin_bookmarks_flush (self);

  if (self->settings != NULL && self->changed_id != 0)
    g_clear_signal_handler (&self->changed_id, self->settings);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (bulletin_bookmarks_parent_class)->dispose (object);
}

static void
bulletin_bookmarks_finalize (GObject *object)
{
  BulletinBookmarks *self = (BulletinBookmarks *)object;

  g_clear_pointer (&self->by_url, g_hash_table_unref);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->last_written, g_variant_unref);

  G_OBJECT_CLASS (bulletin_bookmarks_parent_class)->finalize (object);
}

static void
bulletin_bookmarks_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  BulletinBookmarks *self = BULLETIN_BOOKMARKS (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->entries->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bulletin_bookmarks_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  BulletinBookmarks *self = BULLETIN_BOOKMARKS (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bulletin_bookmarks_class_init (BulletinBookmarksClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = bulletin_bookmarks_constructed;
  object_class->dispose = bulletin_bookmarks_dispose;
  object_class->finalize = bulletin_bookmarks_finalize;
  object_class->get_property = bulletin_bookmarks_get_property;
  object_class->set_property = bulletin_bookmarks_set_property;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BulletinBookmarks::bookmark-toggled:
   * @self: the bookmarks
   * @url: the article's URL
   * @added: whether it was bookmarked (%TRUE) or unbookmarked (%FALSE)
   *
   * Emitted after the list changed, for a change made here and for one made
   * from outside (another process, bulletin-cli, dconf) alike.
   */
  signals[BOOKMARK_TOGGLED] =
    g_signal_new ("bookmark-toggled",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_BOOLEAN);
}

static void
bulletin_bookmarks_init (BulletinBookmarks *self)
{
  self->entries = g_ptr_array_new_with_free_func (entry_unref);
  self->by_url = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/**
 * bulletin_bookmarks_new:
 * @settings: a #GSettings of the schema `io.github.bulletinapp.Bulletin`
 *
 * Creates the bookmark list stored in the key `bookmarks` of @settings. It
 * is a #GListModel of #BulletinArticle stubs (URL, title, section, image,
 * published time when known), newest first, and it follows changes of the
 * key made from outside.
 *
 * Returns: (transfer full): the bookmarks
 */
BulletinBookmarks *
bulletin_bookmarks_new (GSettings *settings)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (BULLETIN_TYPE_BOOKMARKS, "settings", settings, NULL);
}

/**
 * bulletin_bookmarks_get_settings:
 * @self: a #BulletinBookmarks
 *
 * Returns: (transfer none): the settings the bookmarks live in
 */
GSettings *
bulletin_bookmarks_get_settings (BulletinBookmarks *self)
{
  g_return_val_if_fail (BULLETIN_IS_BOOKMARKS (self), NULL);

  return self->settings;
}

/**
 * bulletin_bookmarks_flush:
 * @self: a #BulletinBookmarks
 *
 * Stores now a change of the list that is waiting for the main loop to be
 * idle (see bulletin_bookmarks_add()). Disposing of @self does it too; a
 * program that exits right after a change calls this, then
 * g_settings_sync().
 */
void
bulletin_bookmarks_flush (BulletinBookmarks *self)
{
  g_return_if_fail (BULLETIN_IS_BOOKMARKS (self));

  if (self->write_id == 0 || self->settings == NULL)
    return;

  g_clear_handle_id (&self->write_id, g_source_remove);
  write_now (self);
}

/**
 * bulletin_bookmarks_contains:
 * @self: a #BulletinBookmarks
 * @url: (nullable): an article URL
 *
 * Returns: whether @url is bookmarked; a hash lookup
 */
gboolean
bulletin_bookmarks_contains (BulletinBookmarks *self,
                             const char        *url)
{
  g_return_val_if_fail (BULLETIN_IS_BOOKMARKS (self), FALSE);

  return url != NULL && g_hash_table_contains (self->by_url, url);
}

/**
 * bulletin_bookmarks_lookup:
 * @self: a #BulletinBookmarks
 * @url: an article URL
 *
 * Returns: (transfer none) (nullable): the bookmark's article stub
 */
BulletinArticle *
bulletin_bookmarks_lookup (BulletinBookmarks *self,
                           const char        *url)
{
  Entry *entry;

  g_return_val_if_fail (BULLETIN_IS_BOOKMARKS (self), NULL);

  if (url == NULL || (entry = g_hash_table_lookup (self->by_url, url)) == NULL)
    return NULL;

  return entry->article;
}

/**
 * bulletin_bookmarks_add:
 * @self: a #BulletinBookmarks
 * @article: the article to bookmark; it needs a URL
 * @edition_id: (nullable): the edition it was read in
 *
 * Puts @article at the top of the list, saved now, and stores the list
 * when the main loop is next idle (see bulletin_bookmarks_flush()).
 * An article already bookmarked stays where it is.
 */
void
bulletin_bookmarks_add (BulletinBookmarks *self,
                        BulletinArticle   *article,
                        const char        *edition_id)
{
  const char *url;
  Entry *entry;

  g_return_if_fail (BULLETIN_IS_BOOKMARKS (self));
  g_return_if_fail (BULLETIN_IS_ARTICLE (article));

  url = bulletin_article_get_url (article);
  g_return_if_fail (url != NULL && url[0] != '\0');

  if (g_hash_table_contains (self->by_url, url))
    return;

  entry = entry_new (url,
                     bulletin_article_get_title (article),
                     edition_id,
                     bulletin_article_get_section (article),
                     bulletin_article_get_section_title (article),
                     bulletin_article_get_image (article),
                     g_get_real_time () / G_USEC_PER_SEC,
                     bulletin_article_get_published (article));

  g_ptr_array_insert (self->entries, 0, entry);
  g_hash_table_insert (self->by_url, g_strdup (url), entry);
  write_settings (self);

  g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, 1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  g_signal_emit (self, signals[BOOKMARK_TOGGLED], 0, url, TRUE);
}

/**
 * bulletin_bookmarks_remove:
 * @self: a #BulletinBookmarks
 * @url: an article URL
 *
 * Removes the bookmark of @url and stores the list. The saved copy in the
 * library is the caller's to remove (after its undo window).
 *
 * Returns: whether @url was bookmarked
 */
gboolean
bulletin_bookmarks_remove (BulletinBookmarks *self,
                           const char        *url)
{
  g_autofree char *removed_url = NULL;
  Entry *entry;
  guint position;

  g_return_val_if_fail (BULLETIN_IS_BOOKMARKS (self), FALSE);

  if (url == NULL || (entry = g_hash_table_lookup (self->by_url, url)) == NULL)
    return FALSE;

  if (!g_ptr_array_find (self->entries, entry, &position))
    g_return_val_if_reached (FALSE);

  removed_url = g_strdup (url);
  g_hash_table_remove (self->by_url, removed_url);
  g_ptr_array_remove_index (self->entries, position);
  write_settings (self);

  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  g_signal_emit (self, signals[BOOKMARK_TOGGLED], 0, removed_url, FALSE);

  return TRUE;
}

/**
 * bulletin_bookmarks_toggle:
 * @self: a #BulletinBookmarks
 * @article: an article with a URL
 * @edition_id: (nullable): the edition it was read in
 *
 * Bookmarks @article, or removes its bookmark when it has one.
 *
 * Returns: whether @article is bookmarked now
 */
gboolean
bulletin_bookmarks_toggle (BulletinBookmarks *self,
                           BulletinArticle   *article,
                           const char        *edition_id)
{
  g_return_val_if_fail (BULLETIN_IS_BOOKMARKS (self), FALSE);
  g_return_val_if_fail (BULLETIN_IS_ARTICLE (article), FALSE);

  if (bulletin_bookmarks_remove (self, bulletin_article_get_url (article)))
    return FALSE;

  bulletin_bookmarks_add (self, article, edition_id);

  return TRUE;
}

/**
 * bulletin_bookmarks_restore:
 * @self: a #BulletinBookmarks
 * @article: a stub of this list, from before its bookmark was removed
 * @edition_id: (nullable): the edition it was bookmarked in
 *
 * The undo of bulletin_bookmarks_remove(): puts the bookmark back with the
 * saved time its stub carries (bulletin_article_get_bookmark_saved_at()),
 * where that time places it among the others, and stores the list.
 *
 * Returns: whether it was put back; %FALSE when it is bookmarked already
 */
gboolean
bulletin_bookmarks_restore (BulletinBookmarks *self,
                            BulletinArticle   *article,
                            const char        *edition_id)
{
  const char *url;
  gint64 saved_at;
  Entry *entry;
  guint position = 0;

  g_return_val_if_fail (BULLETIN_IS_BOOKMARKS (self), FALSE);
  g_return_val_if_fail (BULLETIN_IS_ARTICLE (article), FALSE);

  url = bulletin_article_get_url (article);
  g_return_val_if_fail (url != NULL && url[0] != '\0', FALSE);

  if (g_hash_table_contains (self->by_url, url))
    return FALSE;

  saved_at = bulletin_article_get_bookmark_saved_at (article);
  if (saved_at <= 0)
    saved_at = g_get_real_time () / G_USEC_PER_SEC;

  entry = entry_new (url,
                     bulletin_article_get_title (article),
                     edition_id,
                     bulletin_article_get_section (article),
                     bulletin_article_get_section_title (article),
                     bulletin_article_get_image (article),
                     saved_at,
                     bulletin_article_get_published (article));
  if (entry == NULL)
    return FALSE;

  /* Newest first: after the ones saved later or at the same time */
  while (position < self->entries->len &&
         ((Entry *) g_ptr_array_index (self->entries, position))->saved_at >= saved_at)
    position++;

  g_ptr_array_insert (self->entries, position, entry);
  g_hash_table_insert (self->by_url, g_strdup (url), entry);
  write_settings (self);

  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  g_signal_emit (self, signals[BOOKMARK_TOGGLED], 0, url, TRUE);

  return TRUE;
}

/**
 * bulletin_bookmarks_get_saved_at:
 * @self: a #BulletinBookmarks
 * @url: an article URL
 *
 * Returns: when @url was bookmarked, in seconds since 1970 (UTC), or 0 when
 *   it is not bookmarked or the time is unknown
 */
gint64
bulletin_bookmarks_get_saved_at (BulletinBookmarks *self,
                                 const char        *url)
{
  Entry *entry;

  g_return_val_if_fail (BULLETIN_IS_BOOKMARKS (self), 0);

  if (url == NULL || (entry = g_hash_table_lookup (self->by_url, url)) == NULL)
    return 0;

  return entry->saved_at;
}

/**
 * bulletin_bookmarks_get_edition:
 * @self: a #BulletinBookmarks
 * @url: an article URL
 *
 * Returns: (transfer none) (nullable): the edition @url was bookmarked in
 */
const char *
bulletin_bookmarks_get_edition (BulletinBookmarks *self,
                                const char        *url)
{
  Entry *entry;

  g_return_val_if_fail (BULLETIN_IS_BOOKMARKS (self), NULL);

  if (url == NULL || (entry = g_hash_table_lookup (self->by_url, url)) == NULL)
    return NULL;

  return entry->edition;
}

/**
 * bulletin_article_get_bookmark_saved_at:
 * @article: an article stub from a #BulletinBookmarks
 *
 * The bookmark time carried by the stubs of the list, for a sorter that
 * sees only the item.
 *
 * Returns: when the stub's article was bookmarked (Unix time), or 0 for an
 *   article that does not come from a #BulletinBookmarks
 */
gint64
bulletin_article_get_bookmark_saved_at (BulletinArticle *article)
{
  gint64 *saved_at;

  g_return_val_if_fail (BULLETIN_IS_ARTICLE (article), 0);

  saved_at = g_object_get_qdata (G_OBJECT (article), saved_at_quark ());

  return saved_at != NULL ? *saved_at : 0;
}

/**
 * bulletin_bookmarks_search:
 * @self: a #BulletinBookmarks
 * @query: (nullable): words to look for
 *
 * Finds the bookmarks whose title, section or URL contains every word of
 * @query, ignoring case and Unicode normalization differences.
 *
 * Returns: (transfer full) (element-type BulletinArticle): the matching
 *   stubs in list order; all of them for an empty @query
 */
GPtrArray *
bulletin_bookmarks_search (BulletinBookmarks *self,
                           const char        *query)
{
  g_autofree char *normalized = NULL;
  g_auto(GStrv) words = NULL;
  GPtrArray *result;

  g_return_val_if_fail (BULLETIN_IS_BOOKMARKS (self), NULL);

  result = g_ptr_array_new_with_free_func (g_object_unref);
  normalized = normalize_for_search (query != NULL ? query : "");
  words = g_strsplit_set (normalized, " \t\n\r", -1);

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);
      const char *key = entry_get_search_key (entry);
      gboolean match = TRUE;

      for (guint w = 0; words[w] != NULL && match; w++)
        if (words[w][0] != '\0' && strstr (key, words[w]) == NULL)
          match = FALSE;

      if (match)
        g_ptr_array_add (result, g_object_ref (entry->article));
    }

  return result;
}

static char *
format_iso8601 (gint64 unix_time)
{
  g_autoptr(GDateTime) date = g_date_time_new_from_unix_utc (unix_time);

  return bulletin_date_to_iso8601 (date);
}

static void
add_json_string (JsonBuilder *builder,
                 const char  *name,
                 const char  *value)
{
  if (value == NULL)
    return;

  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

/**
 * bulletin_bookmarks_to_json:
 * @self: a #BulletinBookmarks
 *
 * The export format, also printed by `bulletin-cli saved list --json`:
 * `{"bookmarks": [{"url", "title", "edition", "section", "image",
 * "saved_at", "published"}]}`, newest first, times in ISO 8601 (UTC),
 * missing values left out.
 *
 * Returns: (transfer full): a JSON object node
 */
JsonNode *
bulletin_bookmarks_to_json (BulletinBookmarks *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (BULLETIN_IS_BOOKMARKS (self), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "bookmarks");
  json_builder_begin_array (builder);

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);
      BulletinArticle *article = entry->article;
      g_autofree char *published = bulletin_date_to_iso8601 (bulletin_article_get_published (article));
      g_autofree char *saved_at = entry->saved_at > 0 ? format_iso8601 (entry->saved_at) : NULL;

      json_builder_begin_object (builder);
      add_json_string (builder, "url", entry_get_url (entry));
      add_json_string (builder, "title", bulletin_article_get_title (article));
      add_json_string (builder, "edition", entry->edition);
      add_json_string (builder, "section", bulletin_article_get_section (article));
      add_json_string (builder, "section_title", bulletin_article_get_section_title (article));
      add_json_string (builder, "image", bulletin_article_get_image (article));
      add_json_string (builder, "saved_at", saved_at);
      add_json_string (builder, "published", published);
      json_builder_end_object (builder);
    }

  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* Appends an XML attribute, dropping the control characters XML 1.0
 * cannot carry and keeping line breaks as character references.
 */
/* What an OPML file (XML 1.0) cannot hold, and its writer drops: the
 * controls but tab and newline (written as references), DEL, the C1
 * controls and the non-characters U+FFFE and U+FFFF. */
static gboolean
opml_cannot_carry (gunichar c)
{
  return (c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7F && c < 0xA0) ||
         c == 0xFFFE || c == 0xFFFF;
}

static void
append_xml_attribute (GString    *out,
                      const char *name,
                      const char *value)
{
  if (value == NULL)
    return;

  g_string_append_printf (out, " %s=\"", name);
  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      switch (c)
        {
        case '&': g_string_append (out, "&amp;"); break;
        case '<': g_string_append (out, "&lt;"); break;
        case '>': g_string_append (out, "&gt;"); break;
        case '"': g_string_append (out, "&quot;"); break;
        case '\n': g_string_append (out, "&#10;"); break;
        case '\t': g_string_append (out, "&#9;"); break;
        default:
          if (opml_cannot_carry (c))
            break;
          g_string_append_len (out, p, g_utf8_next_char (p) - p);
        }
    }
  g_string_append_c (out, '"');
}

static char *
format_rfc822 (gint64 unix_time)
{
  g_autoptr(GDateTime) date = g_date_time_new_from_unix_utc (unix_time);

  if (date == NULL)
    return NULL;

  return soup_date_time_to_string (date, SOUP_DATE_HTTP);
}

static GBytes *
serialize_opml (BulletinBookmarks *self)
{
  GString *out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                               "<opml version=\"2.0\">\n"
                               "  <head>\n"
                               "    <title>Bulletin bookmarks</title>\n");
  g_autofree char *now = format_rfc822 (g_get_real_time () / G_USEC_PER_SEC);

  g_string_append_printf (out, "    <dateCreated>%s</dateCreated>\n", now);
  g_string_append (out, "  </head>\n  <body>\n");

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);
      const char *title = bulletin_article_get_title (entry->article);
      const char *section = bulletin_article_get_section (entry->article);
      g_autofree char *created = entry->saved_at > 0 ? format_rfc822 (entry->saved_at) : NULL;
      g_autofree char *category = section != NULL ? g_strconcat ("/", section, NULL) : NULL;

      g_string_append (out, "    <outline type=\"link\"");
      append_xml_attribute (out, "text", title != NULL ? title : entry_get_url (entry));
      append_xml_attribute (out, "url", entry_get_url (entry));
      append_xml_attribute (out, "created", created);
      append_xml_attribute (out, "category", category);
      append_xml_attribute (out, "edition", entry->edition);
      g_string_append (out, "/>\n");
    }

  g_string_append (out, "  </body>\n</opml>\n");

  return g_string_free_to_bytes (out);
}

/**
 * bulletin_bookmarks_serialize:
 * @self: a #BulletinBookmarks
 * @format: the file format
 *
 * Returns: (transfer full): the bookmarks as a file in @format
 */
GBytes *
bulletin_bookmarks_serialize (BulletinBookmarks       *self,
                              BulletinBookmarksFormat  format)
{
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;
  char *text;
  gsize length;

  g_return_val_if_fail (BULLETIN_IS_BOOKMARKS (self), NULL);

  if (format == BULLETIN_BOOKMARKS_FORMAT_OPML)
    return serialize_opml (self);

  root = bulletin_bookmarks_to_json (self);
  generator = json_generator_new ();
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, &length);

  return g_bytes_new_take (text, length);
}

/**
 * bulletin_bookmarks_format_for_path:
 * @path: a file name
 *
 * Returns: OPML for a name ending in `.opml` or `.xml`, JSON otherwise
 */
BulletinBookmarksFormat
bulletin_bookmarks_format_for_path (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path != NULL ? path : "", -1);

  if (g_str_has_suffix (lower, ".opml") || g_str_has_suffix (lower, ".xml"))
    return BULLETIN_BOOKMARKS_FORMAT_OPML;

  return BULLETIN_BOOKMARKS_FORMAT_JSON;
}

/**
 * bulletin_bookmarks_export:
 * @self: a #BulletinBookmarks
 * @path: the file to write; replaced atomically
 * @format: the file format
 * @error: return location for a #GError
 *
 * Returns: whether @path now holds every bookmark
 */
gboolean
bulletin_bookmarks_export (BulletinBookmarks        *self,
                           const char               *path,
                           BulletinBookmarksFormat   format,
                           GError                  **error)
{
  g_autoptr(GBytes) bytes = NULL;
  gsize length;
  const void *data;

  g_return_val_if_fail (BULLETIN_IS_BOOKMARKS (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  bytes = bulletin_bookmarks_serialize (self, format);
  data = g_bytes_get_data (bytes, &length);

  return bulletin_atomic_file_write (path, data, length, error);
}

static gboolean
is_http_url (const char *url)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;

  if (url == NULL)
    return FALSE;

  /* GUri takes control characters in a path, non-characters, and a
   * space at the end; no valid URL has them, and OPML (XML 1.0, its
   * attributes stripped when read) cannot carry them, so an export would
   * change the URL, or make it another bookmark's.
   */
  if (!g_utf8_validate (url, -1, NULL))
    return FALSE;
  for (const char *p = url; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 || opml_cannot_carry (c) || (c == ' ' && p[1] == '\0'))
        return FALSE;
    }

  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL)
    return FALSE;

  scheme = g_uri_get_scheme (uri);

  return (g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0) &&
         g_uri_get_host (uri) != NULL && g_uri_get_host (uri)[0] != '\0';
}

/* Accepts Unix seconds and ISO 8601 strings. */
static gboolean
json_get_time (JsonObject *object,
               const char *name,
               gint64     *out)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  if (json_node_get_value_type (node) == G_TYPE_INT64)
    {
      *out = json_node_get_int (node);
      return TRUE;
    }

  if (json_node_get_value_type (node) == G_TYPE_STRING)
    {
      g_autoptr(GDateTime) date = g_date_time_new_from_iso8601 (json_node_get_string (node), NULL);

      if (date == NULL)
        return FALSE;
      *out = g_date_time_to_unix (date);
      return TRUE;
    }

  return FALSE;
}

static gboolean
parse_json (GBytes     *bytes,
            GPtrArray  *entries,
            GError    **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  JsonNode *root;
  JsonArray *array;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      g_set_error (error, BULLETIN_ERROR, BULLETIN_ERROR_INVALID_DATA,
                   "Not a bookmarks file: %s", local_error->message);
      return FALSE;
    }

  root = json_parser_get_root (parser);
  if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
    {
      JsonNode *member = json_object_get_member (json_node_get_object (root), "bookmarks");

      root = member;
    }

  if (root == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    {
      g_set_error_literal (error, BULLETIN_ERROR, BULLETIN_ERROR_INVALID_DATA,
                           "Not a bookmarks file: it has no \"bookmarks\" list");
      return FALSE;
    }

  array = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autoptr(GDateTime) published = NULL;
      JsonObject *object;
      const char *url;
      gint64 saved_at;
      gint64 published_at;
      Entry *entry;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;

      object = json_node_get_object (element);
      url = bulletin_json_get_string (object, "url");
      if (!is_http_url (url))
        continue;

      if (!json_get_time (object, "saved_at", &saved_at) &&
          !json_get_time (object, "saved-at", &saved_at))
        saved_at = now;
      if (json_get_time (object, "published", &published_at))
        published = g_date_time_new_from_unix_utc (published_at);

      entry = entry_new (url,
                         bulletin_json_get_string (object, "title"),
                         bulletin_json_get_string (object, "edition"),
                         bulletin_json_get_string (object, "section"),
                         bulletin_json_get_string (object, "section_title"),
                         bulletin_json_get_string (object, "image"),
                         saved_at,
                         published);
      if (entry != NULL)
        g_ptr_array_add (entries, entry);
    }

  return TRUE;
}

static char *
xml_get_attribute (xmlNode    *node,
                   const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  char *copy;

  if (value == NULL)
    return NULL;

  copy = g_strstrip (g_strdup ((const char *) value));
  xmlFree (value);

  if (copy[0] == '\0' || !g_utf8_validate (copy, -1, NULL))
    g_clear_pointer (&copy, g_free);

  return copy;
}

static void
collect_outlines (xmlNode   *node,
                  GPtrArray *entries,
                  gint64     now,
                  guint      depth)
{
  /* OPML nests folders; nothing sane nests them this deep. */
  if (depth > 64)
    return;

  for (xmlNode *child = node; child != NULL; child = child->next)
    {
      g_autofree char *url = NULL;
      g_autofree char *feed_url = NULL;
      g_autofree char *text = NULL;
      g_autofree char *created = NULL;
      g_autofree char *category = NULL;
      g_autofree char *edition = NULL;
      g_autofree char *section = NULL;
      gint64 saved_at = now;
      Entry *entry;

      if (child->type != XML_ELEMENT_NODE ||
          !xmlStrEqual (child->name, (const xmlChar *) "outline"))
        continue;

      collect_outlines (child->children, entries, now, depth + 1);

      url = xml_get_attribute (child, "url");
      feed_url = xml_get_attribute (child, "xmlUrl");
      /* A feed subscription's htmlUrl is a site, not an article. */
      if (url == NULL && feed_url == NULL)
        url = xml_get_attribute (child, "htmlUrl");
      if (!is_http_url (url))
        continue;

      text = xml_get_attribute (child, "text");
      if (text == NULL)
        text = xml_get_attribute (child, "title");
      created = xml_get_attribute (child, "created");
      if (created != NULL)
        {
          g_autoptr(GDateTime) date = soup_date_time_new_from_http_string (created);

          if (date != NULL)
            saved_at = g_date_time_to_unix (date);
        }
      category = xml_get_attribute (child, "category");
      if (category != NULL)
        {
          const char *start = category;
          const char *end;

          while (*start == '/')
            start++;
          end = start + strcspn (start, ",/");
          if (end > start)
            section = g_strndup (start, end - start);
        }
      edition = xml_get_attribute (child, "edition");

      entry = entry_new (url, text, edition, section, NULL, NULL, saved_at, NULL);
      if (entry != NULL)
        g_ptr_array_add (entries, entry);
    }
}

static gboolean
parse_opml (GBytes     *bytes,
            GPtrArray  *entries,
            GError    **error)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  xmlDoc *doc;
  xmlNode *root;

  if (length > G_MAXINT)
    {
      g_set_error_literal (error, BULLETIN_ERROR, BULLETIN_ERROR_TOO_LARGE,
                           "The bookmarks file is too large");
      return FALSE;
    }

  /* No network, no entity substitution, no DTD loading. */
  doc = xmlReadMemory (data, (int) length, NULL, NULL,
                       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc == NULL)
    {
      g_set_error_literal (error, BULLETIN_ERROR, BULLETIN_ERROR_INVALID_DATA,
                           "Not a bookmarks file: the XML is not well-formed");
      return FALSE;
    }

  root = xmlDocGetRootElement (doc);
  if (root == NULL || !xmlStrEqual (root->name, (const xmlChar *) "opml"))
    {
      xmlFreeDoc (doc);
      g_set_error_literal (error, BULLETIN_ERROR, BULLETIN_ERROR_INVALID_DATA,
                           "Not a bookmarks file: the XML is not OPML");
      return FALSE;
    }

  for (xmlNode *child = root->children; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE && xmlStrEqual (child->name, (const xmlChar *) "body"))
      collect_outlines (child->children, entries, g_get_real_time () / G_USEC_PER_SEC, 0);

  xmlFreeDoc (doc);

  return TRUE;
}

static int
compare_saved_at_descending (gconstpointer a,
                             gconstpointer b)
{
  const Entry *ea = *(const Entry * const *) a;
  const Entry *eb = *(const Entry * const *) b;

  return (ea->saved_at < eb->saved_at) - (ea->saved_at > eb->saved_at);
}

/**
 * bulletin_bookmarks_import_bytes:
 * @self: a #BulletinBookmarks
 * @bytes: a bookmarks file: JSON as written by bulletin_bookmarks_export()
 *   (or a bare array of such objects), or OPML with link outlines
 * @n_added: (out) (optional): how many bookmarks were new
 * @error: return location for a #GError
 *
 * Merges the bookmarks of @bytes into the list by their saved time; a URL
 * already bookmarked is kept as it is, so importing twice changes nothing.
 * The format is told by the content. A file that cannot be read changes
 * nothing. Entries without an http(s) URL are skipped.
 *
 * Returns: whether @bytes was a bookmarks file; %FALSE with @error set to
 *   %BULLETIN_ERROR_INVALID_DATA otherwise
 */
gboolean
bulletin_bookmarks_import_bytes (BulletinBookmarks  *self,
                                 GBytes             *bytes,
                                 guint              *n_added,
                                 GError            **error)
{
  g_autoptr(GPtrArray) parsed = g_ptr_array_new_with_free_func (entry_unref);
  g_autoptr(GPtrArray) fresh = g_ptr_array_new_with_free_func (entry_unref);
  g_autoptr(GPtrArray) merged = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  const char *data;
  gsize length;
  gsize start = 0;
  guint o = 0;
  guint f = 0;

  g_return_val_if_fail (BULLETIN_IS_BOOKMARKS (self), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  if (n_added != NULL)
    *n_added = 0;

  data = g_bytes_get_data (bytes, &length);
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    start = 3;
  while (start < length && g_ascii_isspace (data[start]))
    start++;

  if (start < length && (data[start] == '{' || data[start] == '['))
    {
      if (!parse_json (bytes, parsed, error))
        return FALSE;
    }
  else if (start < length && data[start] == '<')
    {
      if (!parse_opml (bytes, parsed, error))
        return FALSE;
    }
  else
    {
      g_set_error_literal (error, BULLETIN_ERROR, BULLETIN_ERROR_INVALID_DATA,
                           start < length ? "Not a bookmarks file: neither JSON nor OPML"
                                          : "Not a bookmarks file: it is empty");
      return FALSE;
    }

  for (guint i = 0; i < parsed->len; i++)
    {
      Entry *entry = g_ptr_array_index (parsed, i);
      const char *url = entry_get_url (entry);

      if (g_hash_table_contains (self->by_url, url) || g_hash_table_contains (seen, url))
        continue;
      g_hash_table_add (seen, (gpointer) url);
      g_ptr_array_add (fresh, entry_ref (entry));
    }

  if (fresh->len == 0)
    return TRUE;

  /* Merge by saved time, newest first, without reordering the bookmarks
   * already there (g_ptr_array_sort is stable).
   */
  g_ptr_array_sort (fresh, compare_saved_at_descending);
  merged = g_ptr_array_new_full (self->entries->len + fresh->len, entry_unref);
  while (o < self->entries->len || f < fresh->len)
    {
      Entry *old = o < self->entries->len ? g_ptr_array_index (self->entries, o) : NULL;
      Entry *new = f < fresh->len ? g_ptr_array_index (fresh, f) : NULL;

      if (new != NULL && (old == NULL || new->saved_at > old->saved_at))
        {
          g_ptr_array_add (merged, entry_ref (new));
          f++;
        }
      else
        {
          g_ptr_array_add (merged, entry_ref (old));
          o++;
        }
    }

  apply_entries (self, merged);
  write_settings (self);

  if (n_added != NULL)
    *n_added = fresh->len;

  return TRUE;
}

/**
 * bulletin_bookmarks_import:
 * @self: a #BulletinBookmarks
 * @path: a JSON or OPML bookmarks file
 * @n_added: (out) (optional): how many bookmarks were new
 * @error: return location for a #GError
 *
 * Reads @path and merges it as bulletin_bookmarks_import_bytes() does.
 *
 * Returns: whether the file was read and merged
 */
gboolean
bulletin_bookmarks_import (BulletinBookmarks  *self,
                           const char         *path,
                           guint              *n_added,
                           GError            **error)
{
  g_autoptr(GMappedFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (BULLETIN_IS_BOOKMARKS (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  file = g_mapped_file_new (path, FALSE, &local_error);
  if (file == NULL)
    {
      g_set_error (error, BULLETIN_ERROR,
                   g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT)
                     ? BULLETIN_ERROR_NOT_FOUND : BULLETIN_ERROR_FAILED,
                   "%s", local_error->message);
      return FALSE;
    }

  if (g_mapped_file_get_length (file) > MAX_IMPORT_SIZE)
    {
      g_set_error (error, BULLETIN_ERROR, BULLETIN_ERROR_TOO_LARGE,
                   "%s is too large for a bookmarks file", path);
      return FALSE;
    }

  bytes = g_mapped_file_get_bytes (file);

  return bulletin_bookmarks_import_bytes (self, bytes, n_added, error);
}
