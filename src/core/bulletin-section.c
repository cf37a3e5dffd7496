/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bulletin-section"

#include "config.h"

#include "bulletin-section.h"

struct _BulletinSection
{
  GObject              parent_instance;

  char                *id;
  char                *title;
  char                *group_id;
  char                *group_title;
  BulletinSectionKind  kind;
  GPtrArray           *sources;
};

G_DEFINE_FINAL_TYPE (BulletinSection, bulletin_section, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_GROUP_ID,
  PROP_GROUP_TITLE,
  PROP_KIND,
  PROP_SOURCES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GType
bulletin_section_kind_get_type (void)
{
  static gsize type_id;

  if (g_once_init_enter (&type_id))
    {
      static const GEnumValue values[] = {
        { BULLETIN_SECTION_KIND_SECTION, "BULLETIN_SECTION_KIND_SECTION", "section" },
        { BULLETIN_SECTION_KIND_REGION, "BULLETIN_SECTION_KIND_REGION", "region" },
        { BULLETIN_SECTION_KIND_LATEST, "BULLETIN_SECTION_KIND_LATEST", "latest" },
        { 0, NULL, NULL }
      };
      GType id = g_enum_register_static (g_intern_static_string ("BulletinSectionKind"), values);

      g_once_init_leave (&type_id, id);
    }

  return type_id;
}

G_DEFINE_BOXED_TYPE (BulletinSource, bulletin_source, bulletin_source_copy, bulletin_source_free)

/**
 * bulletin_source_new:
 * @type: what @url holds
 * @url: an absolute URI
 *
 * Returns: (transfer full): a new #BulletinSource
 */
BulletinSource *
bulletin_source_new (BulletinSourceType  type,
                     const char         *url)
{
  BulletinSource *self;

  g_return_val_if_fail (url != NULL, NULL);

  self = g_new0 (BulletinSource, 1);
  self->type = type;
  self->url = g_strdup (url);

  return self;
}

BulletinSource *
bulletin_source_copy (const BulletinSource *self)
{
  return bulletin_source_new (self->type, self->url);
}

void
bulletin_source_free (BulletinSource *self)
{
  if (self == NULL)
    return;

  g_free (self->url);
  g_free (self);
}

/**
 * bulletin_source_type_to_string:
 * @type: a #BulletinSourceType
 *
 * Returns: (transfer none): "feed" or "page", as in edition files
 */
const char *
bulletin_source_type_to_string (BulletinSourceType type)
{
  return type == BULLETIN_SOURCE_PAGE ? "page" : "feed";
}

static void
bulletin_section_finalize (GObject *object)
{
  BulletinSection *self = (BulletinSection *)object;

  g_free (self->id);
  g_free (self->title);
  g_free (self->group_id);
  g_free (self->group_title);
  g_clear_pointer (&self->sources, g_ptr_array_unref);

  G_OBJECT_CLASS (bulletin_section_parent_class)->finalize (object);
}

static void
bulletin_section_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  BulletinSection *self = BULLETIN_SECTION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_GROUP_ID:
      g_value_set_string (value, self->group_id);
      break;

    case PROP_GROUP_TITLE:
      g_value_set_string (value, self->group_title);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_SOURCES:
      g_value_set_boxed (value, self->sources);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bulletin_section_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  BulletinSection *self = BULLETIN_SECTION (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;

    case PROP_TITLE:
      self->title = g_value_dup_string (value);
      break;

    case PROP_GROUP_ID:
      self->group_id = g_value_dup_string (value);
      break;

    case PROP_GROUP_TITLE:
      self->group_title = g_value_dup_string (value);
      break;

    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bulletin_section_class_init (BulletinSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bulletin_section_finalize;
  object_class->get_property = bulletin_section_get_property;
  object_class->set_property = bulletin_section_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  /**
   * BulletinSection:group-id:
   *
   * The sidebar group it belongs to ("news", "regions"…); for a group that
   * is a single entry (Infographs), the section's own id.
   */
  properties[PROP_GROUP_ID] =
    g_param_spec_string ("group-id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  /**
   * BulletinSection:group-title:
   *
   * The group's heading, or %NULL for a group that is a single entry.
   */
  properties[PROP_GROUP_TITLE] =
    g_param_spec_string ("group-title", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       BULLETIN_TYPE_SECTION_KIND, BULLETIN_SECTION_KIND_SECTION,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  /**
   * BulletinSection:sources: (type GPtrArray(BulletinSource))
   *
   * Where the headlines come from, in the order they are tried.
   */
  properties[PROP_SOURCES] =
    g_param_spec_boxed ("sources", NULL, NULL, G_TYPE_PTR_ARRAY,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bulletin_section_init (BulletinSection *self)
{
  self->sources = g_ptr_array_new_with_free_func ((GDestroyNotify) bulletin_source_free);
}

/**
 * bulletin_section_new:
 * @id: the section's id ("politics", "africa", "latest")
 * @title: its title as the outlet shows it
 * @group_id: (nullable): its group's id
 * @group_title: (nullable): its group's heading, %NULL for a single-entry group
 * @kind: a section, a region or the latest headlines
 *
 * Returns: (transfer full): a new #BulletinSection with no sources
 */
BulletinSection *
bulletin_section_new (const char          *id,
                      const char          *title,
                      const char          *group_id,
                      const char          *group_title,
                      BulletinSectionKind  kind)
{
  return g_object_new (BULLETIN_TYPE_SECTION,
                       "id", id,
                       "title", title,
                       "group-id", group_id,
                       "group-title", group_title,
                       "kind", kind,
                       NULL);
}

const char *
bulletin_section_get_id (BulletinSection *self)
{
  g_return_val_if_fail (BULLETIN_IS_SECTION (self), NULL);

  return self->id;
}

const char *
bulletin_section_get_title (BulletinSection *self)
{
  g_return_val_if_fail (BULLETIN_IS_SECTION (self), NULL);

  return self->title;
}

const char *
bulletin_section_get_group_id (BulletinSection *self)
{
  g_return_val_if_fail (BULLETIN_IS_SECTION (self), NULL);

  return self->group_id;
}

const char *
bulletin_section_get_group_title (BulletinSection *self)
{
  g_return_val_if_fail (BULLETIN_IS_SECTION (self), NULL);

  return self->group_title;
}

BulletinSectionKind
bulletin_section_get_kind (BulletinSection *self)
{
  g_return_val_if_fail (BULLETIN_IS_SECTION (self), BULLETIN_SECTION_KIND_SECTION);

  return self->kind;
}

/**
 * bulletin_section_get_sources:
 * @self: a #BulletinSection
 *
 * Returns: (transfer none) (element-type BulletinSource): the sources, in
 *   the order they are tried
 */
GPtrArray *
bulletin_section_get_sources (BulletinSection *self)
{
  g_return_val_if_fail (BULLETIN_IS_SECTION (self), NULL);

  return self->sources;
}

/**
 * bulletin_section_add_source:
 * @self: a #BulletinSection
 * @type: what @url holds
 * @url: an absolute URI
 *
 * Appends a source, tried after those already there.
 */
void
bulletin_section_add_source (BulletinSection    *self,
                             BulletinSourceType  type,
                             const char         *url)
{
  g_return_if_fail (BULLETIN_IS_SECTION (self));
  g_return_if_fail (url != NULL);

  g_ptr_array_add (self->sources, bulletin_source_new (type, url));
}
