/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bulletin-article"

#include "config.h"

#include "bulletin-article.h"
#include "bulletin-error.h"
#include "bulletin-json.h"

/* The text fields are kept in one array so that properties, JSON
 * serialization and merging walk a single table instead of repeating
 * themselves once per field.
 */
typedef enum
{
  FIELD_ID,
  FIELD_URL,
  FIELD_TITLE,
  FIELD_SUMMARY,
  FIELD_BODY,
  FIELD_AUTHOR,
  FIELD_SOURCE,
  FIELD_SECTION,
  FIELD_SECTION_TITLE,
  FIELD_REGION,
  FIELD_IMAGE,
  FIELD_IMAGE_CAPTION,
  FIELD_MEDIA_URL,
  FIELD_LANGUAGE,
  FIELD_DIRECTION,
  N_FIELDS
} Field;

/* Property names double as JSON keys. */
static const char * const field_names[N_FIELDS] = {
  [FIELD_ID] = "id",
  [FIELD_URL] = "url",
  [FIELD_TITLE] = "title",
  [FIELD_SUMMARY] = "summary",
  [FIELD_BODY] = "body",
  [FIELD_AUTHOR] = "author",
  [FIELD_SOURCE] = "source",
  [FIELD_SECTION] = "section",
  [FIELD_SECTION_TITLE] = "section-title",
  [FIELD_REGION] = "region",
  [FIELD_IMAGE] = "image",
  [FIELD_IMAGE_CAPTION] = "image-caption",
  [FIELD_MEDIA_URL] = "media-url",
  [FIELD_LANGUAGE] = "language",
  [FIELD_DIRECTION] = "direction",
};

struct _BulletinArticle
{
  GObject              parent_instance;

  char                *fields[N_FIELDS];
  GDateTime           *published;
  GDateTime           *updated;
  char               **tags;
  char               **gallery;
  GPtrArray           *enclosures;
  BulletinArticleKind  kind;
  guint                reading_minutes;
  guint                read : 1;
};

G_DEFINE_FINAL_TYPE (BulletinArticle, bulletin_article, G_TYPE_OBJECT)

enum {
  PROP_0,
  /* PROP_FIELD_FIRST + Field are the text fields */
  PROP_FIELD_FIRST,
  PROP_PUBLISHED = PROP_FIELD_FIRST + N_FIELDS,
  PROP_UPDATED,
  PROP_TAGS,
  PROP_KIND,
  PROP_READING_MINUTES,
  PROP_READ,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const kind_names[] = {
  [BULLETIN_ARTICLE_KIND_ARTICLE] = "article",
  [BULLETIN_ARTICLE_KIND_VIDEO] = "video",
  [BULLETIN_ARTICLE_KIND_GALLERY] = "gallery",
  [BULLETIN_ARTICLE_KIND_LIVE] = "live",
};

GType
bulletin_article_kind_get_type (void)
{
  static gsize type_id;

  if (g_once_init_enter (&type_id))
    {
      static const GEnumValue values[] = {
        { BULLETIN_ARTICLE_KIND_ARTICLE, "BULLETIN_ARTICLE_KIND_ARTICLE", "article" },
        { BULLETIN_ARTICLE_KIND_VIDEO, "BULLETIN_ARTICLE_KIND_VIDEO", "video" },
        { BULLETIN_ARTICLE_KIND_GALLERY, "BULLETIN_ARTICLE_KIND_GALLERY", "gallery" },
        { BULLETIN_ARTICLE_KIND_LIVE, "BULLETIN_ARTICLE_KIND_LIVE", "live" },
        { 0, NULL, NULL }
      };
      GType id = g_enum_register_static (g_intern_static_string ("BulletinArticleKind"), values);

      g_once_init_leave (&type_id, id);
    }

  return type_id;
}

/**
 * bulletin_article_kind_to_string:
 * @kind: a #BulletinArticleKind
 *
 * Returns: (transfer none): the kind's stable name ("article", "video", …)
 */
const char *
bulletin_article_kind_to_string (BulletinArticleKind kind)
{
  if ((guint) kind >= G_N_ELEMENTS (kind_names))
    return kind_names[BULLETIN_ARTICLE_KIND_ARTICLE];

  return kind_names[kind];
}

/**
 * bulletin_article_kind_from_string:
 * @name: (nullable): a kind's name
 *
 * Returns: the kind called @name; an unknown name is an article
 */
BulletinArticleKind
bulletin_article_kind_from_string (const char *name)
{
  if (name == NULL)
    return BULLETIN_ARTICLE_KIND_ARTICLE;

  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (g_ascii_strcasecmp (name, kind_names[i]) == 0)
      return (BulletinArticleKind) i;

  return BULLETIN_ARTICLE_KIND_ARTICLE;
}

G_DEFINE_BOXED_TYPE (BulletinEnclosure, bulletin_enclosure,
                     bulletin_enclosure_copy, bulletin_enclosure_free)

/**
 * bulletin_enclosure_new:
 * @url: the media's absolute URL
 * @type: (nullable): its MIME type
 * @length: its size in bytes, or 0
 *
 * Returns: (transfer full): a new #BulletinEnclosure
 */
BulletinEnclosure *
bulletin_enclosure_new (const char *url,
                        const char *type,
                        gint64      length)
{
  BulletinEnclosure *self;

  g_return_val_if_fail (url != NULL, NULL);

  self = g_new0 (BulletinEnclosure, 1);
  self->url = g_strdup (url);
  self->type = g_strdup (type);
  self->length = MAX (length, 0);

  return self;
}

BulletinEnclosure *
bulletin_enclosure_copy (const BulletinEnclosure *self)
{
  return bulletin_enclosure_new (self->url, self->type, self->length);
}

void
bulletin_enclosure_free (BulletinEnclosure *self)
{
  if (self == NULL)
    return;

  g_free (self->url);
  g_free (self->type);
  g_free (self);
}

static void
bulletin_article_finalize (GObject *object)
{
  BulletinArticle *self = (BulletinArticle *)object;

  for (guint i = 0; i < N_FIELDS; i++)
    g_free (self->fields[i]);
  g_clear_pointer (&self->published, g_date_time_unref);
  g_clear_pointer (&self->updated, g_date_time_unref);
  g_clear_pointer (&self->tags, g_strfreev);
  g_clear_pointer (&self->gallery, g_strfreev);
  g_clear_pointer (&self->enclosures, g_ptr_array_unref);

  G_OBJECT_CLASS (bulletin_article_parent_class)->finalize (object);
}

static void
bulletin_article_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  BulletinArticle *self = BULLETIN_ARTICLE (object);

  if (prop_id >= PROP_FIELD_FIRST && prop_id < PROP_FIELD_FIRST + N_FIELDS)
    {
      g_value_set_string (value, self->fields[prop_id - PROP_FIELD_FIRST]);
      return;
    }

  switch (prop_id)
    {
    case PROP_PUBLISHED:
      g_value_set_boxed (value, self->published);
      break;

    case PROP_UPDATED:
      g_value_set_boxed (value, self->updated);
      break;

    case PROP_TAGS:
      g_value_set_boxed (value, self->tags);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_READING_MINUTES:
      g_value_set_uint (value, self->reading_minutes);
      break;

    case PROP_READ:
      g_value_set_boolean (value, self->read);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void set_field (BulletinArticle *self, Field field, const char *value);

static void
bulletin_article_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  BulletinArticle *self = BULLETIN_ARTICLE (object);

  if (prop_id >= PROP_FIELD_FIRST && prop_id < PROP_FIELD_FIRST + N_FIELDS)
    {
      set_field (self, prop_id - PROP_FIELD_FIRST, g_value_get_string (value));
      return;
    }

  switch (prop_id)
    {
    case PROP_PUBLISHED:
      bulletin_article_set_published (self, g_value_get_boxed (value));
      break;

    case PROP_UPDATED:
      bulletin_article_set_updated (self, g_value_get_boxed (value));
      break;

    case PROP_TAGS:
      bulletin_article_set_tags (self, g_value_get_boxed (value));
      break;

    case PROP_KIND:
      bulletin_article_set_kind (self, g_value_get_enum (value));
      break;

    case PROP_READING_MINUTES:
      bulletin_article_set_reading_minutes (self, g_value_get_uint (value));
      break;

    case PROP_READ:
      bulletin_article_set_read (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bulletin_article_class_init (BulletinArticleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bulletin_article_finalize;
  object_class->get_property = bulletin_article_get_property;
  object_class->set_property = bulletin_article_set_property;

  for (guint i = 0; i < N_FIELDS; i++)
    properties[PROP_FIELD_FIRST + i] =
      g_param_spec_string (field_names[i], NULL, NULL, NULL,
                           (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_PUBLISHED] =
    g_param_spec_boxed ("published", NULL, NULL, G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_UPDATED] =
    g_param_spec_boxed ("updated", NULL, NULL, G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TAGS] =
    g_param_spec_boxed ("tags", NULL, NULL, G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       BULLETIN_TYPE_ARTICLE_KIND, BULLETIN_ARTICLE_KIND_ARTICLE,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_READING_MINUTES] =
    g_param_spec_uint ("reading-minutes", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_READ] =
    g_param_spec_boolean ("read", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bulletin_article_init (BulletinArticle *self)
{
}

/**
 * bulletin_article_new:
 *
 * Returns: (transfer full): a new, empty #BulletinArticle
 */
BulletinArticle *
bulletin_article_new (void)
{
  return g_object_new (BULLETIN_TYPE_ARTICLE, NULL);
}

static void
set_field (BulletinArticle *self,
           Field            field,
           const char      *value)
{
  /* Empty strings are stored as NULL so "missing" has one spelling. */
  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (g_strcmp0 (self->fields[field], value) == 0)
    return;

  g_free (self->fields[field]);
  self->fields[field] = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIELD_FIRST + field]);
}

#define DEFINE_FIELD_ACCESSORS(name, FIELD)                              \
  const char *                                                           \
  bulletin_article_get_##name (BulletinArticle *self)                    \
  {                                                                      \
    g_return_val_if_fail (BULLETIN_IS_ARTICLE (self), NULL);             \
    return self->fields[FIELD];                                          \
  }                                                                      \
  void                                                                   \
  bulletin_article_set_##name (BulletinArticle *self,                    \
                               const char      *value)                   \
  {                                                                      \
    g_return_if_fail (BULLETIN_IS_ARTICLE (self));                       \
    set_field (self, FIELD, value);                                      \
  }

DEFINE_FIELD_ACCESSORS (id, FIELD_ID)
DEFINE_FIELD_ACCESSORS (url, FIELD_URL)
DEFINE_FIELD_ACCESSORS (title, FIELD_TITLE)
DEFINE_FIELD_ACCESSORS (summary, FIELD_SUMMARY)
DEFINE_FIELD_ACCESSORS (body, FIELD_BODY)
DEFINE_FIELD_ACCESSORS (author, FIELD_AUTHOR)
DEFINE_FIELD_ACCESSORS (source, FIELD_SOURCE)
DEFINE_FIELD_ACCESSORS (section, FIELD_SECTION)
DEFINE_FIELD_ACCESSORS (section_title, FIELD_SECTION_TITLE)
DEFINE_FIELD_ACCESSORS (region, FIELD_REGION)
DEFINE_FIELD_ACCESSORS (image, FIELD_IMAGE)
DEFINE_FIELD_ACCESSORS (image_caption, FIELD_IMAGE_CAPTION)
DEFINE_FIELD_ACCESSORS (media_url, FIELD_MEDIA_URL)
DEFINE_FIELD_ACCESSORS (language, FIELD_LANGUAGE)
DEFINE_FIELD_ACCESSORS (direction, FIELD_DIRECTION)

#undef DEFINE_FIELD_ACCESSORS

static gboolean
set_date (GDateTime **slot,
          GDateTime  *value)
{
  if (*slot == value)
    return FALSE;

  if (*slot != NULL && value != NULL && g_date_time_equal (*slot, value))
    return FALSE;

  g_clear_pointer (slot, g_date_time_unref);
  if (value != NULL)
    *slot = g_date_time_ref (value);

  return TRUE;
}

/**
 * bulletin_article_get_published:
 * @self: a #BulletinArticle
 *
 * Returns: (transfer none) (nullable): when the article was first published
 */
GDateTime *
bulletin_article_get_published (BulletinArticle *self)
{
  g_return_val_if_fail (BULLETIN_IS_ARTICLE (self), NULL);

  return self->published;
}

void
bulletin_article_set_published (BulletinArticle *self,
                                GDateTime       *published)
{
  g_return_if_fail (BULLETIN_IS_ARTICLE (self));

  if (set_date (&self->published, published))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PUBLISHED]);
}

/**
 * bulletin_article_get_updated:
 * @self: a #BulletinArticle
 *
 * Returns: (transfer none) (nullable): when the article was last changed
 */
GDateTime *
bulletin_article_get_updated (BulletinArticle *self)
{
  g_return_val_if_fail (BULLETIN_IS_ARTICLE (self), NULL);

  return self->updated;
}

void
bulletin_article_set_updated (BulletinArticle *self,
                              GDateTime       *updated)
{
  g_return_if_fail (BULLETIN_IS_ARTICLE (self));

  if (set_date (&self->updated, updated))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED]);
}

/**
 * bulletin_article_get_sort_time:
 * @self: a #BulletinArticle
 *
 * Returns: the Unix time the article sorts by (published, else updated),
 *   or 0 when it has neither
 */
gint64
bulletin_article_get_sort_time (BulletinArticle *self)
{
  g_return_val_if_fail (BULLETIN_IS_ARTICLE (self), 0);

  if (self->published != NULL)
    return g_date_time_to_unix (self->published);
  if (self->updated != NULL)
    return g_date_time_to_unix (self->updated);

  return 0;
}

/**
 * bulletin_article_get_tags:
 * @self: a #BulletinArticle
 *
 * Returns: (transfer none) (nullable) (array zero-terminated=1): the tags
 */
const char * const *
bulletin_article_get_tags (BulletinArticle *self)
{
  g_return_val_if_fail (BULLETIN_IS_ARTICLE (self), NULL);

  return (const char * const *) self->tags;
}

void
bulletin_article_set_tags (BulletinArticle    *self,
                           const char * const *tags)
{
  g_return_if_fail (BULLETIN_IS_ARTICLE (self));

  if (tags != NULL && tags[0] == NULL)
    tags = NULL;

  if (self->tags == NULL && tags == NULL)
    return;
  if (self->tags != NULL && tags != NULL &&
      g_strv_equal ((const char * const *) self->tags, tags))
    return;

  g_strfreev (self->tags);
  self->tags = g_strdupv ((char **) tags);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAGS]);
}

/**
 * bulletin_article_add_tag:
 * @self: a #BulletinArticle
 * @tag: a tag
 *
 * Appends @tag unless it is empty or already present (compared without case).
 */
void
bulletin_article_add_tag (BulletinArticle *self,
                          const char      *tag)
{
  g_autofree char *clean = NULL;
  guint len;

  g_return_if_fail (BULLETIN_IS_ARTICLE (self));

  if (tag == NULL)
    return;

  clean = g_strstrip (g_strdup (tag));
  if (clean[0] == '\0')
    return;

  len = self->tags != NULL ? g_strv_length (self->tags) : 0;
  for (guint i = 0; i < len; i++)
    if (g_utf8_collate (self->tags[i], clean) == 0 ||
        g_ascii_strcasecmp (self->tags[i], clean) == 0)
      return;

  self->tags = g_renew (char *, self->tags, len + 2);
  self->tags[len] = g_steal_pointer (&clean);
  self->tags[len + 1] = NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAGS]);
}

/**
 * bulletin_article_get_gallery:
 * @self: a #BulletinArticle
 *
 * Returns: (transfer none) (nullable) (array zero-terminated=1): image URLs
 *   of a picture gallery
 */
const char * const *
bulletin_article_get_gallery (BulletinArticle *self)
{
  g_return_val_if_fail (BULLETIN_IS_ARTICLE (self), NULL);

  return (const char * const *) self->gallery;
}

void
bulletin_article_set_gallery (BulletinArticle    *self,
                              const char * const *gallery)
{
  g_return_if_fail (BULLETIN_IS_ARTICLE (self));

  if (gallery != NULL && gallery[0] == NULL)
    gallery = NULL;

  g_strfreev (self->gallery);
  self->gallery = g_strdupv ((char **) gallery);
}

/**
 * bulletin_article_get_enclosures:
 * @self: a #BulletinArticle
 *
 * Returns: (transfer none) (nullable) (element-type BulletinEnclosure): the
 *   media files attached to the article
 */
GPtrArray *
bulletin_article_get_enclosures (BulletinArticle *self)
{
  g_return_val_if_fail (BULLETIN_IS_ARTICLE (self), NULL);

  return self->enclosures;
}

/**
 * bulletin_article_add_enclosure:
 * @self: a #BulletinArticle
 * @enclosure: (transfer full): an enclosure
 *
 * Adds @enclosure unless one with the same URL is already there.
 */
void
bulletin_article_add_enclosure (BulletinArticle   *self,
                                BulletinEnclosure *enclosure)
{
  g_return_if_fail (BULLETIN_IS_ARTICLE (self));
  g_return_if_fail (enclosure != NULL);

  if (self->enclosures == NULL)
    self->enclosures = g_ptr_array_new_with_free_func ((GDestroyNotify) bulletin_enclosure_free);

  for (guint i = 0; i < self->enclosures->len; i++)
    {
      const BulletinEnclosure *e = g_ptr_array_index (self->enclosures, i);

      if (g_strcmp0 (e->url, enclosure->url) == 0)
        {
          bulletin_enclosure_free (enclosure);
          return;
        }
    }

  g_ptr_array_add (self->enclosures, enclosure);
}

BulletinArticleKind
bulletin_article_get_kind (BulletinArticle *self)
{
  g_return_val_if_fail (BULLETIN_IS_ARTICLE (self), BULLETIN_ARTICLE_KIND_ARTICLE);

  return self->kind;
}

void
bulletin_article_set_kind (BulletinArticle     *self,
                           BulletinArticleKind  kind)
{
  g_return_if_fail (BULLETIN_IS_ARTICLE (self));

  if (self->kind == kind)
    return;

  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

guint
bulletin_article_get_reading_minutes (BulletinArticle *self)
{
  g_return_val_if_fail (BULLETIN_IS_ARTICLE (self), 0);

  return self->reading_minutes;
}

void
bulletin_article_set_reading_minutes (BulletinArticle *self,
                                      guint            minutes)
{
  g_return_if_fail (BULLETIN_IS_ARTICLE (self));

  if (self->reading_minutes == minutes)
    return;

  self->reading_minutes = minutes;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READING_MINUTES]);
}

gboolean
bulletin_article_get_read (BulletinArticle *self)
{
  g_return_val_if_fail (BULLETIN_IS_ARTICLE (self), FALSE);

  return self->read;
}

void
bulletin_article_set_read (BulletinArticle *self,
                           gboolean         read)
{
  g_return_if_fail (BULLETIN_IS_ARTICLE (self));

  read = !!read;
  if (self->read == read)
    return;

  self->read = read;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ]);
}

/**
 * bulletin_article_has_body:
 * @self: a #BulletinArticle
 *
 * Returns: whether the article carries its full text, so that reading it
 *   needs no fetch of its page
 */
gboolean
bulletin_article_has_body (BulletinArticle *self)
{
  g_return_val_if_fail (BULLETIN_IS_ARTICLE (self), FALSE);

  return self->fields[FIELD_BODY] != NULL;
}

/**
 * bulletin_reading_minutes_for_words:
 * @words: a word count
 *
 * Returns: the reading time for @words at 230 words a minute, at least 1
 */
guint
bulletin_reading_minutes_for_words (guint words)
{
  return MAX (1, (words + 115) / 230);
}

/**
 * bulletin_article_merge:
 * @self: a #BulletinArticle
 * @other: a newer copy of the same article
 *
 * Fills @self with what @other knows: a value of @other wins over the same
 * value of @self, and what @other lacks is kept. The read state is kept.
 */
void
bulletin_article_merge (BulletinArticle *self,
                        BulletinArticle *other)
{
  g_return_if_fail (BULLETIN_IS_ARTICLE (self));
  g_return_if_fail (BULLETIN_IS_ARTICLE (other));

  g_object_freeze_notify (G_OBJECT (self));

  for (guint i = 0; i < N_FIELDS; i++)
    if (other->fields[i] != NULL)
      set_field (self, i, other->fields[i]);

  if (other->published != NULL)
    bulletin_article_set_published (self, other->published);
  if (other->updated != NULL)
    bulletin_article_set_updated (self, other->updated);
  if (other->tags != NULL)
    bulletin_article_set_tags (self, (const char * const *) other->tags);
  if (other->gallery != NULL)
    bulletin_article_set_gallery (self, (const char * const *) other->gallery);
  if (other->enclosures != NULL)
    for (guint i = 0; i < other->enclosures->len; i++)
      bulletin_article_add_enclosure (self, bulletin_enclosure_copy (g_ptr_array_index (other->enclosures, i)));
  if (other->kind != BULLETIN_ARTICLE_KIND_ARTICLE)
    bulletin_article_set_kind (self, other->kind);
  if (other->reading_minutes != 0)
    bulletin_article_set_reading_minutes (self, other->reading_minutes);

  g_object_thaw_notify (G_OBJECT (self));
}

static void
add_date_member (JsonBuilder *builder,
                 const char  *name,
                 GDateTime   *date)
{
  g_autofree char *iso = NULL;

  if (date == NULL)
    return;

  iso = g_date_time_format_iso8601 (date);
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, iso);
}

static void
add_strv_member (JsonBuilder  *builder,
                 const char   *name,
                 char        **strv)
{
  if (strv == NULL)
    return;

  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; strv[i] != NULL; i++)
    json_builder_add_string_value (builder, strv[i]);
  json_builder_end_array (builder);
}

/**
 * bulletin_article_to_json:
 * @self: a #BulletinArticle
 *
 * Serializes every field of @self (the read state aside) as a JSON object
 * whose keys are the property names; bulletin_article_new_from_json() reads
 * it back. This is the format of saved articles and cached headlines.
 *
 * Returns: (transfer full): a JSON object node
 */
JsonNode *
bulletin_article_to_json (BulletinArticle *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (BULLETIN_IS_ARTICLE (self), NULL);

  json_builder_begin_object (builder);

  for (guint i = 0; i < N_FIELDS; i++)
    {
      if (self->fields[i] == NULL)
        continue;
      json_builder_set_member_name (builder, field_names[i]);
      json_builder_add_string_value (builder, self->fields[i]);
    }

  add_date_member (builder, "published", self->published);
  add_date_member (builder, "updated", self->updated);
  add_strv_member (builder, "tags", self->tags);
  add_strv_member (builder, "gallery", self->gallery);

  if (self->enclosures != NULL && self->enclosures->len > 0)
    {
      json_builder_set_member_name (builder, "enclosures");
      json_builder_begin_array (builder);
      for (guint i = 0; i < self->enclosures->len; i++)
        {
          const BulletinEnclosure *e = g_ptr_array_index (self->enclosures, i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "url");
          json_builder_add_string_value (builder, e->url);
          if (e->type != NULL)
            {
              json_builder_set_member_name (builder, "type");
              json_builder_add_string_value (builder, e->type);
            }
          if (e->length > 0)
            {
              json_builder_set_member_name (builder, "length");
              json_builder_add_int_value (builder, e->length);
            }
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }

  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, bulletin_article_kind_to_string (self->kind));

  if (self->reading_minutes > 0)
    {
      json_builder_set_member_name (builder, "reading-minutes");
      json_builder_add_int_value (builder, self->reading_minutes);
    }

  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static GDateTime *
object_get_date (JsonObject *object,
                 const char *name)
{
  const char *iso = bulletin_json_get_string (object, name);

  if (iso == NULL)
    return NULL;

  return g_date_time_new_from_iso8601 (iso, NULL);
}

static char **
object_get_strv (JsonObject *object,
                 const char *name)
{
  JsonNode *node = json_object_get_member (object, name);
  g_autoptr(GStrvBuilder) builder = NULL;
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;

  builder = g_strv_builder_new ();
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_VALUE (element) &&
          json_node_get_value_type (element) == G_TYPE_STRING)
        g_strv_builder_add (builder, json_node_get_string (element));
    }

  return g_strv_builder_end (builder);
}

/**
 * bulletin_article_new_from_json:
 * @node: a JSON object written by bulletin_article_to_json()
 * @error: return location for a #GError
 *
 * Reads an article back. Unknown members are ignored and members of the
 * wrong type are skipped, so that a file written by a newer version still
 * reads; an article with neither URL nor title is refused.
 *
 * Returns: (transfer full): the article, or %NULL with @error set to
 *   %BULLETIN_ERROR_INVALID_DATA
 */
BulletinArticle *
bulletin_article_new_from_json (JsonNode  *node,
                                GError   **error)
{
  g_autoptr(BulletinArticle) self = NULL;
  g_autoptr(GDateTime) published = NULL;
  g_autoptr(GDateTime) updated = NULL;
  g_auto(GStrv) tags = NULL;
  g_auto(GStrv) gallery = NULL;
  JsonObject *object;
  JsonNode *member;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, BULLETIN_ERROR, BULLETIN_ERROR_INVALID_DATA,
                           "An article must be a JSON object");
      return NULL;
    }

  object = json_node_get_object (node);
  self = bulletin_article_new ();

  for (guint i = 0; i < N_FIELDS; i++)
    self->fields[i] = g_strdup (bulletin_json_get_string (object, field_names[i]));

  if (self->fields[FIELD_URL] == NULL && self->fields[FIELD_TITLE] == NULL)
    {
      g_set_error_literal (error, BULLETIN_ERROR, BULLETIN_ERROR_INVALID_DATA,
                           "An article needs a URL or a title");
      return NULL;
    }

  published = object_get_date (object, "published");
  updated = object_get_date (object, "updated");
  self->published = g_steal_pointer (&published);
  self->updated = g_steal_pointer (&updated);

  tags = object_get_strv (object, "tags");
  gallery = object_get_strv (object, "gallery");
  bulletin_article_set_tags (self, (const char * const *) tags);
  bulletin_article_set_gallery (self, (const char * const *) gallery);

  member = json_object_get_member (object, "enclosures");
  if (member != NULL && JSON_NODE_HOLDS_ARRAY (member))
    {
      JsonArray *array = json_node_get_array (member);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          JsonObject *e;
          const char *url;

          if (!JSON_NODE_HOLDS_OBJECT (element))
            continue;
          e = json_node_get_object (element);
          url = bulletin_json_get_string (e, "url");
          if (url == NULL)
            continue;
          bulletin_article_add_enclosure (self,
                                          bulletin_enclosure_new (url,
                                                                  bulletin_json_get_string (e, "type"),
                                                                  bulletin_json_get_int (e, "length", 0)));
        }
    }

  self->kind = bulletin_article_kind_from_string (bulletin_json_get_string (object, "kind"));
  self->reading_minutes = CLAMP (bulletin_json_get_int (object, "reading-minutes", 0), 0, 10000);

  return g_steal_pointer (&self);
}
