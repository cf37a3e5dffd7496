/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bulletin-section-model"

#include "config.h"

#include <stdlib.h>

#include "bulletin-article.h"
#include "bulletin-error.h"
#include "bulletin-headline-cache.h"
#include "bulletin-listing-parser.h"
#include "bulletin-section-model.h"
#include "bulletin-source-loader.h"

/* A GListModel of one section's (or region's, or the latest) headlines.
 *
 * A refresh reads each "chain" of sources: a section's sources are tried
 * in order and the first that answers wins (a feed that fails falls back to
 * the section page). "latest" runs one chain for the edition's own latest
 * sources and one per section, a few at a time. What the chains return is
 * merged into the articles already shown, deduplicated by canonical URL:
 * an article already in the list stays the same object and has the new
 * data merged into it, so a view's selection and read state survive.
 *
 * A source whose bytes did not change (the server said 304, or the bytes
 * are the same as last time) is not parsed again: the articles parsed from
 * it last time are used. The last headlines are kept on disk so a start
 * with no network shows them, marked stale.
 */

/* The bytes are kept to tell a source that did not change: comparing them
 * costs a memcmp(), where a SHA-256 of every fetch cost the main thread
 * more than the merge (290 M instructions for two 3 MB feeds).
 */
typedef struct
{
  GBytes    *bytes;
  GPtrArray *articles;
} SourceCache;

struct _BulletinSectionModel
{
  GObject           parent_instance;

  BulletinClient   *client;
  BulletinEdition  *edition;
  BulletinSection  *section;
  char             *section_id;

  GPtrArray        *items;
  GHashTable       *by_key;       /* dedup key -> BulletinArticle (borrowed from items) */
  GHashTable       *parsed;       /* source URL -> SourceCache */
  GHashTable       *labels;       /* see find_section_by_label() */
  GHashTable       *label_hits;   /* a label as found -> its section's index + 1, or 0 */
  GPtrArray        *label_sections;

  GError           *error;
  guint             parse_count;
  guint             loading : 1;
  guint             stale : 1;

  GPtrArray        *waiting;      /* GTask: refreshes asked while one runs */
  struct _Refresh  *running;
  guint             holds;        /* see bulletin_section_model_hold_others() */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BulletinSectionModel, bulletin_section_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_EDITION,
  PROP_SECTION_ID,
  PROP_SECTION,
  PROP_LOADING,
  PROP_STALE,
  PROP_ERROR,
  PROP_PARSE_COUNT,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
source_cache_free (SourceCache *cache)
{
  g_clear_pointer (&cache->bytes, g_bytes_unref);
  g_clear_pointer (&cache->articles, g_ptr_array_unref);
  g_free (cache);
}

/* GListModel */

static GType
get_item_type (GListModel *model)
{
  return BULLETIN_TYPE_ARTICLE;
}

static guint
get_n_items (GListModel *model)
{
  return BULLETIN_SECTION_MODEL (model)->items->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  BulletinSectionModel *self = BULLETIN_SECTION_MODEL (model);

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

/**
 * bulletin_article_dedup_key:
 * @article: a #BulletinArticle
 *
 * The key two copies of one article share: its canonical URL (no fragment,
 * no tracking parameters), else its URL, else its id, else its title.
 *
 * Returns: (transfer full) (nullable): the key
 */
char *
bulletin_article_dedup_key (BulletinArticle *article)
{
  const char *url = bulletin_article_get_url (article);
  char *canonical;

  if (url != NULL)
    {
      canonical = bulletin_listing_canonical_url (NULL, url);
      if (canonical != NULL)
        return canonical;
      return g_strdup (url);
    }

  if (bulletin_article_get_id (article) != NULL)
    return g_strconcat ("id:", bulletin_article_get_id (article), NULL);

  if (bulletin_article_get_title (article) != NULL)
    return g_strconcat ("title:", bulletin_article_get_title (article), NULL);

  return NULL;
}

/* An article's key, worked out once per article object for the URL it
 * has: a canonical URL is two URL parses, and a source that did not
 * change gives the same objects to every merge.
 */
typedef struct
{
  char *url;
  char *key;
} CachedKey;

static void
cached_key_free (gpointer data)
{
  CachedKey *cached = data;

  g_free (cached->url);
  g_free (cached->key);
  g_free (cached);
}

static GQuark
cached_key_quark (void)
{
  static GQuark quark;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("bulletin-section-model-dedup-key");
  return quark;
}

/* Returns: (transfer none) (nullable): the key, valid while @article is
 * alive and its URL unchanged */
static const char *
article_key (BulletinArticle *article)
{
  const char *url = bulletin_article_get_url (article);
  CachedKey *cached;

  /* Without a URL the key comes from the id or title: cheap, not kept */
  if (url == NULL)
    return NULL;

  cached = g_object_get_qdata (G_OBJECT (article), cached_key_quark ());
  if (cached != NULL && g_str_equal (cached->url, url))
    return cached->key;

  cached = g_new0 (CachedKey, 1);
  cached->url = g_strdup (url);
  cached->key = bulletin_article_dedup_key (article);
  g_object_set_qdata_full (G_OBJECT (article), cached_key_quark (), cached, cached_key_free);

  return cached->key;
}

/* The headline cache, for an offline start */

static void
load_headline_cache (BulletinSectionModel *self)
{
  g_autoptr(GPtrArray) articles = bulletin_headline_cache_load (bulletin_edition_get_id (self->edition),
                                                                self->section_id);

  for (guint i = 0; i < articles->len && self->items->len < BULLETIN_SECTION_MODEL_MAX_ITEMS; i++)
    {
      BulletinArticle *article = g_ptr_array_index (articles, i);
      g_autofree char *key = bulletin_article_dedup_key (article);

      if (key == NULL || g_hash_table_contains (self->by_key, key))
        continue;

      g_hash_table_insert (self->by_key, g_steal_pointer (&key), article);
      g_ptr_array_add (self->items, g_object_ref (article));
    }

  self->stale = self->items->len > 0;
}

/* GObject */

static void
bulletin_section_model_constructed (GObject *object)
{
  BulletinSectionModel *self = (BulletinSectionModel *)object;

  G_OBJECT_CLASS (bulletin_section_model_parent_class)->constructed (object);

  g_assert (self->client != NULL);
  g_assert (self->edition != NULL);

  if (self->section_id == NULL)
    self->section_id = g_strdup ("latest");

  self->section = bulletin_edition_lookup_section (self->edition, self->section_id);
  if (self->section != NULL)
    {
      g_object_ref (self->section);
      load_headline_cache (self);
    }
  else
    {
      self->error = g_error_new (BULLETIN_ERROR, BULLETIN_ERROR_NOT_FOUND,
                                 "The edition %s has no section called “%s”.",
                                 bulletin_edition_get_id (self->edition), self->section_id);
    }
}

static void
bulletin_section_model_finalize (GObject *object)
{
  BulletinSectionModel *self = (BulletinSectionModel *)object;

  g_clear_object (&self->client);
  g_clear_object (&self->edition);
  g_clear_object (&self->section);
  g_free (self->section_id);
  g_clear_pointer (&self->by_key, g_hash_table_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->parsed, g_hash_table_unref);
  g_clear_pointer (&self->labels, g_hash_table_unref);
  g_clear_pointer (&self->label_hits, g_hash_table_unref);
  g_clear_pointer (&self->label_sections, g_ptr_array_unref);
  g_clear_error (&self->error);
  g_clear_pointer (&self->waiting, g_ptr_array_unref);

  G_OBJECT_CLASS (bulletin_section_model_parent_class)->finalize (object);
}

static void
bulletin_section_model_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  BulletinSectionModel *self = BULLETIN_SECTION_MODEL (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;

    case PROP_EDITION:
      g_value_set_object (value, self->edition);
      break;

    case PROP_SECTION_ID:
      g_value_set_string (value, self->section_id);
      break;

    case PROP_SECTION:
      g_value_set_object (value, self->section);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;

    case PROP_STALE:
      g_value_set_boolean (value, self->stale);
      break;

    case PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;

    case PROP_PARSE_COUNT:
      g_value_set_uint (value, self->parse_count);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->items->len);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bulletin_section_model_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  BulletinSectionModel *self = BULLETIN_SECTION_MODEL (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;

    case PROP_EDITION:
      self->edition = g_value_dup_object (value);
      break;

    case PROP_SECTION_ID:
      self->section_id = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bulletin_section_model_class_init (BulletinSectionModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;
  GParamFlags readable = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = bulletin_section_model_constructed;
  object_class->finalize = bulletin_section_model_finalize;
  object_class->get_property = bulletin_section_model_get_property;
  object_class->set_property = bulletin_section_model_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, BULLETIN_TYPE_CLIENT, construct);
  properties[PROP_EDITION] =
    g_param_spec_object ("edition", NULL, NULL, BULLETIN_TYPE_EDITION, construct);
  properties[PROP_SECTION_ID] =
    g_param_spec_string ("section-id", NULL, NULL, NULL, construct);
  /**
   * BulletinSectionModel:section:
   *
   * The section shown, or %NULL when the edition has none by that id (the
   * "error" property says so).
   */
  properties[PROP_SECTION] =
    g_param_spec_object ("section", NULL, NULL, BULLETIN_TYPE_SECTION, readable);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE, readable);
  /**
   * BulletinSectionModel:stale:
   *
   * Whether the headlines shown are the ones kept from an earlier run,
   * not yet refreshed.
   */
  properties[PROP_STALE] =
    g_param_spec_boolean ("stale", NULL, NULL, FALSE, readable);
  /**
   * BulletinSectionModel:error:
   *
   * Why the last refresh failed, or %NULL after a success. The articles
   * from before the failure stay.
   */
  properties[PROP_ERROR] =
    g_param_spec_boxed ("error", NULL, NULL, G_TYPE_ERROR, readable);
  /**
   * BulletinSectionModel:parse-count:
   *
   * How many source bodies were parsed since the model was made; a source
   * that did not change is not parsed again.
   */
  properties[PROP_PARSE_COUNT] =
    g_param_spec_uint ("parse-count", NULL, NULL, 0, G_MAXUINT, 0, readable);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0, readable);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bulletin_section_model_init (BulletinSectionModel *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->parsed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) source_cache_free);
  self->waiting = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * bulletin_section_model_new:
 * @client: the client to fetch with
 * @edition: the edition
 * @section_id: a section or region id, or "latest"
 *
 * Makes the model and fills it with the headlines kept from the last run,
 * if any (the model is then stale). Nothing is fetched before
 * bulletin_section_model_refresh_async().
 *
 * Returns: (transfer full): a new #BulletinSectionModel
 */
BulletinSectionModel *
bulletin_section_model_new (BulletinClient  *client,
                            BulletinEdition *edition,
                            const char      *section_id)
{
  g_return_val_if_fail (BULLETIN_IS_CLIENT (client), NULL);
  g_return_val_if_fail (BULLETIN_IS_EDITION (edition), NULL);

  return g_object_new (BULLETIN_TYPE_SECTION_MODEL,
                       "client", client,
                       "edition", edition,
                       "section-id", section_id,
                       NULL);
}

/* Refreshing */

typedef struct _Refresh Refresh;

typedef struct
{
  Refresh         *refresh;
  BulletinSection *section;
  guint            next_source;
} Chain;

struct _Refresh
{
  BulletinSectionModel *self;
  GCancellable         *cancellable;
  GPtrArray            *chains;
  guint                 next_chain;
  guint                 active;
  guint                 finished;
  guint                 successes;
  GPtrArray            *results;
  GError               *first_error;
  GError               *offline_error;
  GTask                *task;
  gboolean              own_first;   /* the section's own chain alone, then the rest */
};

static void
chain_free (Chain *chain)
{
  g_clear_object (&chain->section);
  g_free (chain);
}

static void
refresh_free (Refresh *refresh)
{
  g_clear_object (&refresh->cancellable);
  g_clear_pointer (&refresh->chains, g_ptr_array_unref);
  g_clear_pointer (&refresh->results, g_ptr_array_unref);
  g_clear_error (&refresh->first_error);
  g_clear_error (&refresh->offline_error);
  g_free (refresh);
}

static void start_chains (Refresh *refresh);
static void try_source (Chain *chain);

/* The first section whose id is @label but for ASCII case, or whose
 * title collates equal to it. Every tag of every article is looked up, so
 * the ids and titles go in a table once (a g_utf8_collate() per section
 * per tag was 4 % of the main thread's start-up); a collation key is
 * equal exactly where g_utf8_collate() says equal. */
static BulletinSection *
find_section_by_label (BulletinSectionModel *self,
                       const char           *label)
{
  GListModel *sections = bulletin_edition_get_sections (self->edition);
  guint n = g_list_model_get_n_items (sections);
  g_autofree char *lower = NULL;
  g_autofree char *collated = NULL;
  g_autofree char *id_key = NULL;
  g_autofree char *title_key = NULL;
  guint by_id, by_title;
  gpointer hit;

  if (self->labels == NULL || self->label_sections->len != n)
    {
      g_clear_pointer (&self->labels, g_hash_table_unref);
      g_clear_pointer (&self->label_hits, g_hash_table_unref);
      g_clear_pointer (&self->label_sections, g_ptr_array_unref);
      self->labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      self->label_hits = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      self->label_sections = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < n; i++)
        {
          BulletinSection *section = g_list_model_get_item (sections, i);
          g_autofree char *id = g_ascii_strdown (bulletin_section_get_id (section), -1);
          g_autofree char *title = g_utf8_collate_key (bulletin_section_get_title (section), -1);
          char *keys[] = { g_strconcat ("i", id, NULL), g_strconcat ("t", title, NULL) };

          g_ptr_array_add (self->label_sections, section);
          /* The first section wins, as in a scan in order */
          for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
            {
              if (g_hash_table_contains (self->labels, keys[k]))
                g_free (keys[k]);
              else
                g_hash_table_insert (self->labels, keys[k], GUINT_TO_POINTER (i + 1));
            }
        }
    }

  /* A feed gives most of its items the same few labels, and a collation
   * key is not cheap (2,500 instructions): each label is looked up once. */
  if (g_hash_table_lookup_extended (self->label_hits, label, NULL, &hit))
    {
      by_id = GPOINTER_TO_UINT (hit);
      return by_id != 0 ? g_ptr_array_index (self->label_sections, by_id - 1) : NULL;
    }

  lower = g_ascii_strdown (label, -1);
  id_key = g_strconcat ("i", lower, NULL);
  collated = g_utf8_collate_key (label, -1);
  title_key = g_strconcat ("t", collated, NULL);

  by_id = GPOINTER_TO_UINT (g_hash_table_lookup (self->labels, id_key));
  by_title = GPOINTER_TO_UINT (g_hash_table_lookup (self->labels, title_key));
  if (by_id == 0 || (by_title != 0 && by_title < by_id))
    by_id = by_title;
  g_hash_table_insert (self->label_hits, g_strdup (label), GUINT_TO_POINTER (by_id));

  return by_id != 0 ? g_ptr_array_index (self->label_sections, by_id - 1) : NULL;
}

/* Through the field's own getter and setter: g_object_get() copied every
 * title and summary of a merge to look at it. */
static void
make_valid (BulletinArticle *article,
            const char *(*get) (BulletinArticle *),
            void        (*set) (BulletinArticle *, const char *))
{
  const char *value = get (article);

  if (value != NULL && !g_utf8_validate (value, -1, NULL))
    {
      g_autofree char *valid = g_utf8_make_valid (value, -1);

      set (article, valid);
    }
}

/* Fills in what the article does not say from where it was found. */
static void
attribute (BulletinSectionModel *self,
           BulletinSection      *section,
           BulletinArticle      *article)
{
  const char * const *tags = bulletin_article_get_tags (article);

  make_valid (article, bulletin_article_get_title, bulletin_article_set_title);
  make_valid (article, bulletin_article_get_summary, bulletin_article_set_summary);

  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      BulletinSection *tagged = find_section_by_label (self, tags[i]);

      if (tagged == NULL)
        continue;

      if (bulletin_section_get_kind (tagged) == BULLETIN_SECTION_KIND_REGION)
        {
          if (bulletin_article_get_region (article) == NULL)
            bulletin_article_set_region (article, bulletin_section_get_id (tagged));
        }
      else if (bulletin_article_get_section (article) == NULL)
        {
          bulletin_article_set_section (article, bulletin_section_get_id (tagged));
          bulletin_article_set_section_title (article, bulletin_section_get_title (tagged));
        }
    }

  switch (bulletin_section_get_kind (section))
    {
    case BULLETIN_SECTION_KIND_SECTION:
      if (bulletin_article_get_section (article) == NULL)
        {
          bulletin_article_set_section (article, bulletin_section_get_id (section));
          bulletin_article_set_section_title (article, bulletin_section_get_title (section));
        }
      break;

    case BULLETIN_SECTION_KIND_REGION:
      if (bulletin_article_get_region (article) == NULL)
        bulletin_article_set_region (article, bulletin_section_get_id (section));
      break;

    case BULLETIN_SECTION_KIND_LATEST:
    default:
      break;
    }

  if (bulletin_article_get_section (article) != NULL &&
      bulletin_article_get_section_title (article) == NULL)
    {
      BulletinSection *known = bulletin_edition_lookup_section (self->edition, bulletin_article_get_section (article));

      if (known != NULL)
        bulletin_article_set_section_title (article, bulletin_section_get_title (known));
    }

  if (bulletin_article_get_language (article) == NULL)
    bulletin_article_set_language (article, bulletin_edition_get_language (self->edition));
  if (bulletin_article_get_direction (article) == NULL)
    bulletin_article_set_direction (article, bulletin_edition_get_direction (self->edition));
  if (bulletin_article_get_source (article) == NULL)
    bulletin_article_set_source (article, bulletin_edition_get_site_name (self->edition));
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  gint64 ta = bulletin_article_get_sort_time (*(BulletinArticle **) a);
  gint64 tb = bulletin_article_get_sort_time (*(BulletinArticle **) b);

  /* Stable sort (GLib's is a merge sort): equal times keep source order. */
  return ta < tb ? 1 : ta > tb ? -1 : 0;
}

/* An article's place in a merge: newer first, and of two as new, the one
 * earlier in the merge, as the stable sort orders them. */
typedef struct
{
  gint64 time;
  guint  index;
} Ranked;

static inline gboolean
ranked_before (const Ranked *a,
               const Ranked *b)
{
  return a->time > b->time || (a->time == b->time && a->index < b->index);
}

static int
compare_ranked (gconstpointer a,
                gconstpointer b)
{
  return ranked_before (a, b) ? -1 : ranked_before (b, a) ? 1 : 0;
}

/* Sifts heap[at] down a heap whose root is the one ranked last. */
static void
sift_down (Ranked *heap,
           guint   n,
           guint   at)
{
  for (;;)
    {
      guint last = at;
      guint left = 2 * at + 1;
      guint right = left + 1;
      Ranked swap;

      if (left < n && ranked_before (&heap[last], &heap[left]))
        last = left;
      if (right < n && ranked_before (&heap[last], &heap[right]))
        last = right;
      if (last == at)
        return;
      swap = heap[at];
      heap[at] = heap[last];
      heap[last] = swap;
      at = last;
    }
}

/* Leaves in self->items the @keep newest of its articles, newest first,
 * in the order g_ptr_array_sort() with compare_newest_first() and a trim
 * would: a big merge (10,000 headlines from two feeds, 200 kept) sorted
 * them all to drop all but 200. A heap of the @keep newest seen so far
 * costs one comparison for most of the others. */
static void
keep_newest (BulletinSectionModel *self,
             guint                 keep)
{
  g_autofree Ranked *heap = g_new (Ranked, keep);
  GPtrArray *newest;
  guint n = 0;

  for (guint i = 0; i < self->items->len; i++)
    {
      Ranked ranked = { bulletin_article_get_sort_time (g_ptr_array_index (self->items, i)), i };

      if (n < keep)
        {
          /* Up from the end */
          guint at = n++;

          heap[at] = ranked;
          while (at > 0 && ranked_before (&heap[(at - 1) / 2], &heap[at]))
            {
              Ranked swap = heap[at];

              heap[at] = heap[(at - 1) / 2];
              heap[(at - 1) / 2] = swap;
              at = (at - 1) / 2;
            }
        }
      else if (ranked_before (&ranked, &heap[0]))
        {
          heap[0] = ranked;
          sift_down (heap, n, 0);
        }
    }

  qsort (heap, n, sizeof (Ranked), compare_ranked);

  newest = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (newest, g_object_ref (g_ptr_array_index (self->items, heap[i].index)));
  g_ptr_array_unref (self->items);
  self->items = newest;
}

static gpointer
ref_article (gconstpointer article,
             gpointer      user_data)
{
  return g_object_ref ((gpointer) article);
}

static gboolean
not_kept_cb (gpointer key,
             gpointer value,
             gpointer user_data)
{
  return !g_hash_table_contains (user_data, value);
}

static void
merge_results (BulletinSectionModel *self,
               GPtrArray            *results)
{
  g_autoptr(GPtrArray) old = g_ptr_array_copy (self->items, ref_article, NULL);
  guint old_n = old->len;
  guint new_n;
  guint prefix = 0;
  guint suffix = 0;

  for (guint i = 0; i < results->len; i++)
    {
      BulletinArticle *article = g_ptr_array_index (results, i);
      const char *cached = article_key (article);
      g_autofree char *key = cached == NULL ? bulletin_article_dedup_key (article) : NULL;
      BulletinArticle *existing;

      if (key == NULL && cached == NULL)
        continue;

      existing = g_hash_table_lookup (self->by_key, cached != NULL ? cached : key);
      if (existing == article)
        continue;
      if (existing != NULL)
        {
          bulletin_article_merge (existing, article);
          continue;
        }

      g_hash_table_insert (self->by_key, cached != NULL ? g_strdup (cached) : g_steal_pointer (&key), article);
      g_ptr_array_add (self->items, g_object_ref (article));
    }

  /* The oldest go. Their keys are not worked out again (a URL parse
   * each, most of a big merge's time): whatever the key table holds that
   * is not kept goes with them. */
  if (self->items->len > BULLETIN_SECTION_MODEL_MAX_ITEMS)
    {
      g_autoptr(GHashTable) kept = g_hash_table_new (NULL, NULL);

      keep_newest (self, BULLETIN_SECTION_MODEL_MAX_ITEMS);
      for (guint i = 0; i < self->items->len; i++)
        g_hash_table_add (kept, g_ptr_array_index (self->items, i));
      g_hash_table_foreach_remove (self->by_key, not_kept_cb, kept);
    }
  else
    {
      g_ptr_array_sort (self->items, compare_newest_first);
    }

  /* Tell views only what moved, so a selection outside it survives. */
  new_n = self->items->len;
  while (prefix < old_n && prefix < new_n &&
         g_ptr_array_index (old, prefix) == g_ptr_array_index (self->items, prefix))
    prefix++;
  while (suffix < old_n - prefix && suffix < new_n - prefix &&
         g_ptr_array_index (old, old_n - 1 - suffix) == g_ptr_array_index (self->items, new_n - 1 - suffix))
    suffix++;

  if (prefix != old_n || prefix != new_n)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), prefix, old_n - prefix - suffix, new_n - prefix - suffix);
      if (old_n != new_n)
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
    }
}

static void
set_loading (BulletinSectionModel *self,
             gboolean              loading)
{
  if (self->loading == !!loading)
    return;

  self->loading = !!loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
set_error (BulletinSectionModel *self,
           const GError         *error)
{
  if (self->error == NULL && error == NULL)
    return;

  g_clear_error (&self->error);
  if (error != NULL)
    self->error = g_error_copy (error);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

static void
finish_refresh (Refresh *refresh)
{
  BulletinSectionModel *self = refresh->self;
  g_autoptr(GTask) task = g_steal_pointer (&refresh->task);
  g_autoptr(GPtrArray) waiting = g_steal_pointer (&self->waiting);
  const GError *error = NULL;

  self->waiting = g_ptr_array_new_with_free_func (g_object_unref);

  if (refresh->successes > 0)
    {
      merge_results (self, refresh->results);
      set_error (self, NULL);
      if (self->stale)
        {
          self->stale = FALSE;
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STALE]);
        }
      bulletin_headline_cache_store (bulletin_edition_get_id (self->edition), self->section_id, self->items);
    }
  else
    {
      /* Offline says most about what to do; else the first source's error. */
      error = refresh->offline_error != NULL ? refresh->offline_error : refresh->first_error;
      if (!g_error_matches (error, BULLETIN_ERROR, BULLETIN_ERROR_CANCELLED))
        set_error (self, error);
    }

  set_loading (self, FALSE);

  if (error != NULL)
    g_task_return_error (task, g_error_copy (error));
  else
    g_task_return_boolean (task, TRUE);

  for (guint i = 0; i < waiting->len; i++)
    {
      if (error != NULL)
        g_task_return_error (g_ptr_array_index (waiting, i), g_error_copy (error));
      else
        g_task_return_boolean (g_ptr_array_index (waiting, i), TRUE);
    }
}

static void
chain_done (Chain     *chain,
            GPtrArray *articles)
{
  Refresh *refresh = chain->refresh;

  if (articles != NULL)
    {
      refresh->successes++;
      for (guint i = 0; i < articles->len; i++)
        {
          BulletinArticle *article = g_ptr_array_index (articles, i);

          attribute (refresh->self, chain->section, article);
          g_ptr_array_add (refresh->results, g_object_ref (article));
        }
    }

  refresh->active--;
  refresh->finished++;

  /* An empty list shows the section's own headlines as soon as they are
   * in: the other chains ("latest" reads every section, 28 feeds for the
   * demo) come after, and they do not share the CPU with the first. */
  if (refresh->own_first)
    {
      refresh->own_first = FALSE;
      if (articles != NULL && refresh->self->items->len == 0)
        merge_results (refresh->self, refresh->results);
    }

  if (refresh->finished == refresh->chains->len)
    {
      refresh->self->running = NULL;
      finish_refresh (refresh);
      refresh_free (refresh);
      return;
    }

  start_chains (refresh);
}

static void
source_failed (Chain        *chain,
               const GError *error)
{
  Refresh *refresh = chain->refresh;
  const BulletinSource *source = g_ptr_array_index (bulletin_section_get_sources (chain->section),
                                                    chain->next_source - 1);

  g_autoptr(GError) cancelled = NULL;

  g_debug ("%s: %s failed: %s", bulletin_section_get_id (chain->section), source->url, error->message);

  /* A parser cancelled mid-way says so in GIO's words. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    error = cancelled = bulletin_error_new_cancelled ();

  if (refresh->first_error == NULL)
    refresh->first_error = g_error_copy (error);
  if (refresh->offline_error == NULL && g_error_matches (error, BULLETIN_ERROR, BULLETIN_ERROR_OFFLINE))
    refresh->offline_error = g_error_copy (error);

  if (g_error_matches (error, BULLETIN_ERROR, BULLETIN_ERROR_CANCELLED))
    {
      chain_done (chain, NULL);
      return;
    }

  try_source (chain);
}

typedef struct
{
  Chain              *chain;
  BulletinSourceType  type;
  char               *url;
  GBytes             *bytes;
} Parse;

static void
parse_free (Parse *parse)
{
  g_free (parse->url);
  g_clear_pointer (&parse->bytes, g_bytes_unref);
  g_free (parse);
}

/* Takes @articles or @error: what a source's parse gave */
static void
source_parsed (Chain              *chain,
               BulletinSourceType  type,
               const char         *url,
               GBytes             *bytes,
               GPtrArray          *articles,
               GError             *error)
{
  BulletinSectionModel *self = chain->refresh->self;
  g_autoptr(GPtrArray) parsed = articles;
  g_autoptr(GError) failure = error;
  SourceCache *cache;

  if (parsed != NULL && parsed->len == 0 && type == BULLETIN_SOURCE_PAGE)
    {
      failure = g_error_new (BULLETIN_ERROR, BULLETIN_ERROR_NOT_A_PAGE,
                             "No headlines were found on %s.", url);
      g_clear_pointer (&parsed, g_ptr_array_unref);
    }

  if (parsed == NULL)
    {
      source_failed (chain, failure);
      return;
    }

  cache = g_new0 (SourceCache, 1);
  cache->bytes = g_bytes_ref (bytes);
  cache->articles = g_ptr_array_ref (parsed);
  g_hash_table_replace (self->parsed, g_strdup (url), cache);

  chain_done (chain, parsed);
}

static void
parsed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Parse *parse = user_data;
  GError *error = NULL;
  GPtrArray *articles;

  articles = bulletin_source_parse_finish (result, &error);
  source_parsed (parse->chain, parse->type, parse->url, parse->bytes, articles, error);
  parse_free (parse);
}

static void
count_parse (BulletinSectionModel *self)
{
  self->parse_count++;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARSE_COUNT]);
}

static void
fetched_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Chain *chain = user_data;
  Refresh *refresh = chain->refresh;
  BulletinSectionModel *self = refresh->self;
  const BulletinSource *source = g_ptr_array_index (bulletin_section_get_sources (chain->section),
                                                    chain->next_source - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *final_uri = NULL;
  gboolean not_modified = FALSE;
  SourceCache *cache;
  Parse *parse;

  bytes = bulletin_client_fetch_finish_full (BULLETIN_CLIENT (object), result, NULL,
                                             &final_uri, &not_modified, &error);
  if (bytes == NULL)
    {
      source_failed (chain, error);
      return;
    }

  cache = g_hash_table_lookup (self->parsed, source->url);
  if (cache != NULL && (not_modified || g_bytes_equal (cache->bytes, bytes)))
    {
      g_debug ("%s: unchanged, not parsed again", source->url);
      chain_done (chain, cache->articles);
      return;
    }

  count_parse (self);

  parse = g_new0 (Parse, 1);
  parse->chain = chain;
  parse->type = source->type;
  parse->url = g_strdup (source->url);
  parse->bytes = g_bytes_ref (bytes);

  bulletin_source_parse_async (source->type, bytes, final_uri, bulletin_listing_parse,
                               bulletin_edition_get_article_pattern (self->edition),
                               refresh->cancellable, parsed_cb, parse);
}

/* A local source (an edition on disk, the bundled demo) is read and parsed
 * in one worker step. Read and parsed in two, the parse only started when
 * the main loop came back to the read's callback, which on a cold start is
 * after the window's first frame: the headlines came a frame later.
 */
typedef struct
{
  BulletinClient     *client;
  BulletinSourceType  type;
  BulletinFetchKind   kind;
  char               *url;
  char               *article_pattern;
  GBytes             *previous;      /* the bytes parsed last time, if any, */
  GPtrArray          *previous_articles; /* and what they held (not read in the thread) */

  GBytes             *bytes;
  GPtrArray          *articles;
  GError             *error;
  gboolean            parsed;        /* FALSE: unread, or the same as before */
} LocalLoad;

static void
local_load_free (LocalLoad *load)
{
  g_clear_object (&load->client);
  g_free (load->url);
  g_free (load->article_pattern);
  g_clear_pointer (&load->previous, g_bytes_unref);
  g_clear_pointer (&load->previous_articles, g_ptr_array_unref);
  g_clear_pointer (&load->bytes, g_bytes_unref);
  g_clear_pointer (&load->articles, g_ptr_array_unref);
  g_clear_error (&load->error);
  g_free (load);
}

static void
local_load_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  LocalLoad *load = task_data;

  load->bytes = bulletin_client_read_local (load->client, load->url, load->kind,
                                            cancellable, NULL, &load->error);
  if (load->bytes != NULL &&
      (load->previous == NULL || !g_bytes_equal (load->previous, load->bytes)))
    {
      load->parsed = TRUE;
      load->articles = bulletin_source_parse (load->type, load->bytes, load->url,
                                              bulletin_listing_parse, load->article_pattern,
                                              cancellable, &load->error);
    }

  /* The articles are this thread's alone until the task returns: their
   * dedup keys are worked out here, on the core that parsed them, rather
   * than one after the other on the main thread when they are merged
   * (10,000 keys were a third of the main thread's part of a big
   * refresh). bulletin_source_parse() has looked at @cancellable since the
   * parse ended. */
  for (guint i = 0; load->articles != NULL && i < load->articles->len; i++)
    article_key (g_ptr_array_index (load->articles, i));

  g_task_return_boolean (task, TRUE);
}

static void
local_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Chain *chain = user_data;
  BulletinSectionModel *self = chain->refresh->self;
  LocalLoad *load = g_task_get_task_data (G_TASK (result));

  if (load->bytes == NULL)
    {
      source_failed (chain, load->error);
      return;
    }

  if (!load->parsed)
    {
      g_debug ("%s: unchanged, not parsed again", load->url);
      chain_done (chain, load->previous_articles);
      return;
    }

  count_parse (self);
  source_parsed (chain, load->type, load->url, load->bytes,
                 g_steal_pointer (&load->articles), g_steal_pointer (&load->error));
}

static void
load_local (Chain                *chain,
            const BulletinSource *source)
{
  BulletinSectionModel *self = chain->refresh->self;
  g_autoptr(GTask) task = NULL;
  SourceCache *cache = g_hash_table_lookup (self->parsed, source->url);
  LocalLoad *load;

  load = g_new0 (LocalLoad, 1);
  load->client = g_object_ref (self->client);
  load->type = source->type;
  load->kind = bulletin_source_fetch_kind (source);
  load->url = g_strdup (source->url);
  load->article_pattern = g_strdup (bulletin_edition_get_article_pattern (self->edition));
  if (cache != NULL)
    {
      load->previous = g_bytes_ref (cache->bytes);
      load->previous_articles = g_ptr_array_ref (cache->articles);
    }

  task = g_task_new (NULL, chain->refresh->cancellable, local_loaded_cb, chain);
  g_task_set_source_tag (task, load_local);
  /* The callback always runs, and says for itself what was cancelled. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, load, (GDestroyNotify) local_load_free);
  g_task_run_in_thread (task, local_load_thread);
}

static void
try_source (Chain *chain)
{
  Refresh *refresh = chain->refresh;
  GPtrArray *sources = bulletin_section_get_sources (chain->section);
  const BulletinSource *source;

  if (chain->next_source >= sources->len)
    {
      chain_done (chain, NULL);
      return;
    }

  source = g_ptr_array_index (sources, chain->next_source++);
  if (bulletin_client_uri_is_local (source->url))
    {
      load_local (chain, source);
      return;
    }

  bulletin_client_fetch_async (refresh->self->client,
                               source->url,
                               bulletin_source_fetch_kind (source),
                               refresh->cancellable,
                               fetched_cb,
                               chain);
}

static void
start_chains (Refresh *refresh)
{
  /* Held, the other sections' chains wait only while the list has
   * headlines for the window to draw: with none (no own source, or it
   * failed or was empty) holding them would keep the list empty. */
  gboolean own_only = refresh->own_first ||
                      (refresh->self->holds > 0 && refresh->self->items->len > 0);

  while (refresh->active < BULLETIN_SECTION_MODEL_CONCURRENCY &&
         refresh->next_chain < refresh->chains->len)
    {
      Chain *chain = g_ptr_array_index (refresh->chains, refresh->next_chain);

      /* The section's own chain, when it has one, is the first */
      if (own_only && chain->section != refresh->self->section)
        break;

      refresh->next_chain++;
      refresh->active++;
      try_source (chain);
    }
}

static void
add_chain (Refresh         *refresh,
           BulletinSection *section)
{
  Chain *chain;

  if (bulletin_section_get_sources (section)->len == 0)
    return;

  chain = g_new0 (Chain, 1);
  chain->refresh = refresh;
  chain->section = g_object_ref (section);
  g_ptr_array_add (refresh->chains, chain);
}

/**
 * bulletin_section_model_refresh_async:
 * @self: a #BulletinSectionModel
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the refresh is done
 * @user_data: data for @callback
 *
 * Reads the section's sources again and merges what they hold. A refresh
 * asked while one runs ends with it.
 */
void
bulletin_section_model_refresh_async (BulletinSectionModel *self,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  Refresh *refresh;

  g_return_if_fail (BULLETIN_IS_SECTION_MODEL (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, bulletin_section_model_refresh_async);
  g_task_set_check_cancellable (task, FALSE);

  if (self->section == NULL)
    {
      g_task_return_error (task, g_error_copy (self->error));
      return;
    }

  if (self->loading)
    {
      g_ptr_array_add (self->waiting, g_steal_pointer (&task));
      return;
    }

  /* Forgotten at every refresh, so that the table holds the labels of
   * one refresh, not every tag ever seen. */
  if (self->label_hits != NULL)
    g_hash_table_remove_all (self->label_hits);

  refresh = g_new0 (Refresh, 1);
  refresh->self = self;
  refresh->task = g_steal_pointer (&task);
  refresh->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  refresh->chains = g_ptr_array_new_with_free_func ((GDestroyNotify) chain_free);
  refresh->results = g_ptr_array_new_with_free_func (g_object_unref);

  add_chain (refresh, self->section);
  if (bulletin_section_get_kind (self->section) == BULLETIN_SECTION_KIND_LATEST)
    {
      GListModel *sections = bulletin_edition_get_sections (self->edition);
      guint n = g_list_model_get_n_items (sections);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(BulletinSection) section = g_list_model_get_item (sections, i);

          add_chain (refresh, section);
        }
    }

  if (refresh->chains->len == 0)
    {
      g_task_return_new_error (refresh->task, BULLETIN_ERROR, BULLETIN_ERROR_INVALID_DATA,
                               "The section “%s” has no sources.", self->section_id);
      g_clear_object (&refresh->task);
      refresh_free (refresh);
      return;
    }

  refresh->own_first = self->items->len == 0 && refresh->chains->len > 1 &&
                       ((Chain *) g_ptr_array_index (refresh->chains, 0))->section == self->section;
  self->running = refresh;
  set_loading (self, TRUE);
  start_chains (refresh);
}

/**
 * bulletin_section_model_hold_others:
 * @self: a #BulletinSectionModel
 *
 * Until the matching bulletin_section_model_release_others(), a refresh
 * reads the section's own sources only: the other sections' (a "latest"
 * model reads every section's) wait, and so does the end of the refresh.
 * The headlines of the section's own sources are shown as soon as they
 * are in when the list was empty. A window holds its first model while
 * it draws its first headlines, so that the other feeds are not parsed
 * on every core meanwhile. While the list is empty (the section has no
 * source of its own, or it failed or gave nothing) nothing waits: there
 * is nothing to draw. Holds nest.
 */
void
bulletin_section_model_hold_others (BulletinSectionModel *self)
{
  g_return_if_fail (BULLETIN_IS_SECTION_MODEL (self));

  self->holds++;
}

/**
 * bulletin_section_model_release_others:
 * @self: a #BulletinSectionModel
 *
 * Ends a bulletin_section_model_hold_others(); the last one lets a refresh
 * that waits read the other sections' sources.
 */
void
bulletin_section_model_release_others (BulletinSectionModel *self)
{
  g_return_if_fail (BULLETIN_IS_SECTION_MODEL (self));
  g_return_if_fail (self->holds > 0);

  if (--self->holds == 0 && self->running != NULL)
    start_chains (self->running);
}

/**
 * bulletin_section_model_refresh_finish:
 * @self: a #BulletinSectionModel
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: %TRUE when at least one source answered; %FALSE with @error set
 *   when none did, in which case the articles shown before stay
 */
gboolean
bulletin_section_model_refresh_finish (BulletinSectionModel  *self,
                                       GAsyncResult          *result,
                                       GError               **error)
{
  g_return_val_if_fail (BULLETIN_IS_SECTION_MODEL (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

BulletinSection *
bulletin_section_model_get_section (BulletinSectionModel *self)
{
  g_return_val_if_fail (BULLETIN_IS_SECTION_MODEL (self), NULL);

  return self->section;
}

BulletinEdition *
bulletin_section_model_get_edition (BulletinSectionModel *self)
{
  g_return_val_if_fail (BULLETIN_IS_SECTION_MODEL (self), NULL);

  return self->edition;
}

gboolean
bulletin_section_model_get_loading (BulletinSectionModel *self)
{
  g_return_val_if_fail (BULLETIN_IS_SECTION_MODEL (self), FALSE);

  return self->loading;
}

gboolean
bulletin_section_model_get_stale (BulletinSectionModel *self)
{
  g_return_val_if_fail (BULLETIN_IS_SECTION_MODEL (self), FALSE);

  return self->stale;
}

/**
 * bulletin_section_model_get_error:
 * @self: a #BulletinSectionModel
 *
 * Returns: (transfer none) (nullable): why the last refresh failed
 */
const GError *
bulletin_section_model_get_error (BulletinSectionModel *self)
{
  g_return_val_if_fail (BULLETIN_IS_SECTION_MODEL (self), NULL);

  return self->error;
}

guint
bulletin_section_model_get_parse_count (BulletinSectionModel *self)
{
  g_return_val_if_fail (BULLETIN_IS_SECTION_MODEL (self), 0);

  return self->parse_count;
}

/**
 * bulletin_section_model_lookup:
 * @self: a #BulletinSectionModel
 * @url: an article's URL
 *
 * Returns: (transfer none) (nullable): the article with that URL (compared
 *   canonically), if the model has it
 */
BulletinArticle *
bulletin_section_model_lookup (BulletinSectionModel *self,
                               const char           *url)
{
  g_autoptr(BulletinArticle) probe = bulletin_article_new ();
  g_autofree char *key = NULL;

  g_return_val_if_fail (BULLETIN_IS_SECTION_MODEL (self), NULL);
  g_return_val_if_fail (url != NULL, NULL);

  bulletin_article_set_url (probe, url);
  key = bulletin_article_dedup_key (probe);

  return key != NULL ? g_hash_table_lookup (self->by_key, key) : NULL;
}
