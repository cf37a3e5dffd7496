/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bulletin-feed"

#include "config.h"

#include "bulletin-feed.h"

/* A parsed feed: its own metadata and its items, as BulletinArticles. */
struct _BulletinFeed
{
  GObject     parent_instance;

  char       *format;
  char       *title;
  char       *link;
  char       *subtitle;
  char       *language;
  char       *image;
  GDateTime  *updated;
  GPtrArray  *items;
  guint       recovered : 1;
};

G_DEFINE_FINAL_TYPE (BulletinFeed, bulletin_feed, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FORMAT,
  PROP_TITLE,
  PROP_LINK,
  PROP_SUBTITLE,
  PROP_LANGUAGE,
  PROP_IMAGE,
  PROP_UPDATED,
  PROP_RECOVERED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bulletin_feed_finalize (GObject *object)
{
  BulletinFeed *self = (BulletinFeed *)object;

  g_free (self->format);
  g_free (self->title);
  g_free (self->link);
  g_free (self->subtitle);
  g_free (self->language);
  g_free (self->image);
  g_clear_pointer (&self->updated, g_date_time_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (bulletin_feed_parent_class)->finalize (object);
}

static void
bulletin_feed_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  BulletinFeed *self = BULLETIN_FEED (object);

  switch (prop_id)
    {
    case PROP_FORMAT:
      g_value_set_string (value, self->format);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_LINK:
      g_value_set_string (value, self->link);
      break;
    case PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;
    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;
    case PROP_IMAGE:
      g_value_set_string (value, self->image);
      break;
    case PROP_UPDATED:
      g_value_set_boxed (value, self->updated);
      break;
    case PROP_RECOVERED:
      g_value_set_boolean (value, self->recovered);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bulletin_feed_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  BulletinFeed *self = BULLETIN_FEED (object);

  switch (prop_id)
    {
    case PROP_FORMAT:
      bulletin_feed_set_format (self, g_value_get_string (value));
      break;
    case PROP_TITLE:
      bulletin_feed_set_title (self, g_value_get_string (value));
      break;
    case PROP_LINK:
      bulletin_feed_set_link (self, g_value_get_string (value));
      break;
    case PROP_SUBTITLE:
      bulletin_feed_set_subtitle (self, g_value_get_string (value));
      break;
    case PROP_LANGUAGE:
      bulletin_feed_set_language (self, g_value_get_string (value));
      break;
    case PROP_IMAGE:
      bulletin_feed_set_image (self, g_value_get_string (value));
      break;
    case PROP_UPDATED:
      bulletin_feed_set_updated (self, g_value_get_boxed (value));
      break;
    case PROP_RECOVERED:
      bulletin_feed_set_recovered (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bulletin_feed_class_init (BulletinFeedClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bulletin_feed_finalize;
  object_class->get_property = bulletin_feed_get_property;
  object_class->set_property = bulletin_feed_set_property;

  properties[PROP_FORMAT] =
    g_param_spec_string ("format", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_LINK] =
    g_param_spec_string ("link", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_IMAGE] =
    g_param_spec_string ("image", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_UPDATED] =
    g_param_spec_boxed ("updated", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_RECOVERED] =
    g_param_spec_boolean ("recovered", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bulletin_feed_init (BulletinFeed *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * bulletin_feed_new:
 *
 * Returns: (transfer full): an empty feed
 */
BulletinFeed *
bulletin_feed_new (void)
{
  return g_object_new (BULLETIN_TYPE_FEED, NULL);
}

static void
set_string (BulletinFeed  *self,
            char         **field,
            const char    *value,
            int            prop)
{
  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

/**
 * bulletin_feed_get_format:
 * @self: a #BulletinFeed
 *
 * The feed's format and version: "rss090", "rss091", "rss092", "rss093",
 * "rss094", "rss20", "rss" (unknown version), "rss10", "atom03", "atom10",
 * "json10" or "json11".
 *
 * Returns: (transfer none) (nullable): the format name
 */
const char *
bulletin_feed_get_format (BulletinFeed *self)
{
  g_return_val_if_fail (BULLETIN_IS_FEED (self), NULL);
  return self->format;
}

/**
 * bulletin_feed_set_format:
 * @self: a #BulletinFeed
 * @format: (nullable): the format name, as bulletin_feed_get_format() describes it
 */
void
bulletin_feed_set_format (BulletinFeed *self,
                          const char   *format)
{
  g_return_if_fail (BULLETIN_IS_FEED (self));
  set_string (self, &self->format, format, PROP_FORMAT);
}

/**
 * bulletin_feed_get_title:
 * @self: a #BulletinFeed
 *
 * Returns: (transfer none) (nullable): the feed's title, plain text
 */
const char *
bulletin_feed_get_title (BulletinFeed *self)
{
  g_return_val_if_fail (BULLETIN_IS_FEED (self), NULL);
  return self->title;
}

/**
 * bulletin_feed_set_title:
 * @self: a #BulletinFeed
 * @title: (nullable): the title, plain text
 */
void
bulletin_feed_set_title (BulletinFeed *self,
                         const char   *title)
{
  g_return_if_fail (BULLETIN_IS_FEED (self));
  set_string (self, &self->title, title, PROP_TITLE);
}

/**
 * bulletin_feed_get_link:
 * @self: a #BulletinFeed
 *
 * Returns: (transfer none) (nullable): the absolute URL of the site the
 *   feed belongs to
 */
const char *
bulletin_feed_get_link (BulletinFeed *self)
{
  g_return_val_if_fail (BULLETIN_IS_FEED (self), NULL);
  return self->link;
}

/**
 * bulletin_feed_set_link:
 * @self: a #BulletinFeed
 * @link: (nullable): the absolute URL of the site
 */
void
bulletin_feed_set_link (BulletinFeed *self,
                        const char   *link)
{
  g_return_if_fail (BULLETIN_IS_FEED (self));
  set_string (self, &self->link, link, PROP_LINK);
}

/**
 * bulletin_feed_get_subtitle:
 * @self: a #BulletinFeed
 *
 * Returns: (transfer none) (nullable): the feed's description, plain text
 */
const char *
bulletin_feed_get_subtitle (BulletinFeed *self)
{
  g_return_val_if_fail (BULLETIN_IS_FEED (self), NULL);
  return self->subtitle;
}

/**
 * bulletin_feed_set_subtitle:
 * @self: a #BulletinFeed
 * @subtitle: (nullable): the description, plain text
 */
void
bulletin_feed_set_subtitle (BulletinFeed *self,
                            const char   *subtitle)
{
  g_return_if_fail (BULLETIN_IS_FEED (self));
  set_string (self, &self->subtitle, subtitle, PROP_SUBTITLE);
}

/**
 * bulletin_feed_get_language:
 * @self: a #BulletinFeed
 *
 * Returns: (transfer none) (nullable): the feed's language tag ("en-us")
 */
const char *
bulletin_feed_get_language (BulletinFeed *self)
{
  g_return_val_if_fail (BULLETIN_IS_FEED (self), NULL);
  return self->language;
}

/**
 * bulletin_feed_set_language:
 * @self: a #BulletinFeed
 * @language: (nullable): a language tag
 */
void
bulletin_feed_set_language (BulletinFeed *self,
                            const char   *language)
{
  g_return_if_fail (BULLETIN_IS_FEED (self));
  set_string (self, &self->language, language, PROP_LANGUAGE);
}

/**
 * bulletin_feed_get_image:
 * @self: a #BulletinFeed
 *
 * Returns: (transfer none) (nullable): the absolute URL of the feed's logo
 */
const char *
bulletin_feed_get_image (BulletinFeed *self)
{
  g_return_val_if_fail (BULLETIN_IS_FEED (self), NULL);
  return self->image;
}

/**
 * bulletin_feed_set_image:
 * @self: a #BulletinFeed
 * @image: (nullable): the absolute URL of the logo
 */
void
bulletin_feed_set_image (BulletinFeed *self,
                         const char   *image)
{
  g_return_if_fail (BULLETIN_IS_FEED (self));
  set_string (self, &self->image, image, PROP_IMAGE);
}

/**
 * bulletin_feed_get_updated:
 * @self: a #BulletinFeed
 *
 * Returns: (transfer none) (nullable): when the feed last changed, in UTC
 */
GDateTime *
bulletin_feed_get_updated (BulletinFeed *self)
{
  g_return_val_if_fail (BULLETIN_IS_FEED (self), NULL);
  return self->updated;
}

/**
 * bulletin_feed_set_updated:
 * @self: a #BulletinFeed
 * @updated: (nullable): when the feed last changed
 */
void
bulletin_feed_set_updated (BulletinFeed *self,
                           GDateTime    *updated)
{
  g_return_if_fail (BULLETIN_IS_FEED (self));

  if (self->updated == updated ||
      (self->updated != NULL && updated != NULL && g_date_time_equal (self->updated, updated)))
    return;

  g_clear_pointer (&self->updated, g_date_time_unref);
  self->updated = updated != NULL ? g_date_time_ref (updated) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED]);
}

/**
 * bulletin_feed_get_recovered:
 * @self: a #BulletinFeed
 *
 * Whether the bytes were not well-formed and the feed is what could be
 * recovered from them (feedparser calls this "bozo").
 *
 * Returns: %TRUE for a recovered feed
 */
gboolean
bulletin_feed_get_recovered (BulletinFeed *self)
{
  g_return_val_if_fail (BULLETIN_IS_FEED (self), FALSE);
  return self->recovered;
}

/**
 * bulletin_feed_set_recovered:
 * @self: a #BulletinFeed
 * @recovered: whether the feed was recovered from bytes that were not well-formed
 */
void
bulletin_feed_set_recovered (BulletinFeed *self,
                             gboolean      recovered)
{
  g_return_if_fail (BULLETIN_IS_FEED (self));

  recovered = !!recovered;
  if (self->recovered == recovered)
    return;

  self->recovered = recovered;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECOVERED]);
}

/**
 * bulletin_feed_get_items:
 * @self: a #BulletinFeed
 *
 * Returns: (transfer none) (element-type BulletinArticle): the items, in
 *   the feed's order
 */
GPtrArray *
bulletin_feed_get_items (BulletinFeed *self)
{
  g_return_val_if_fail (BULLETIN_IS_FEED (self), NULL);
  return self->items;
}

/**
 * bulletin_feed_add_item:
 * @self: a #BulletinFeed
 * @item: (transfer none): an article
 *
 * Appends @item.
 */
void
bulletin_feed_add_item (BulletinFeed    *self,
                        BulletinArticle *item)
{
  g_return_if_fail (BULLETIN_IS_FEED (self));
  g_return_if_fail (BULLETIN_IS_ARTICLE (item));

  g_ptr_array_add (self->items, g_object_ref (item));
}
