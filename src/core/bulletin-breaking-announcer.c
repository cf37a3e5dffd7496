/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bulletin-breaking-announcer"

#include "config.h"

#include <glib/gi18n.h>

#include "bulletin-article.h"
#include "bulletin-breaking.h"
#include "bulletin-breaking-announcer.h"

/* BulletinBreakingAnnouncer decides what the reader is told about breaking
 * news, so that each item is told once:
 *
 * - Items come from a BulletinBreaking's "new-items" (or from _offer()).
 * - An item whose key (bulletin_breaking_item_key()) is in the seen set is
 *   dropped. The seen set lives in the GSettings key "breaking-seen",
 *   oldest first and bounded, so a restart does not tell anything twice.
 * - Every item offered is then seen, whether it was announced or not: an
 *   item that arrives while the window is focused is read in the banner, and
 *   one that arrives while notifications are off must not come out later
 *   when they are turned on.
 * - The items of one offer (one poll) make one announcement.
 */

#define SEEN_KEY "breaking-seen"
#define ENABLED_KEY "breaking-notifications"
/* Lines of item text in an announcement of several items */
#define MAX_BODY_LINES 3

struct _BulletinBreakingAnnouncer
{
  GObject               parent_instance;

  GSettings            *settings;
  gulong                seen_changed_id;
  GPtrArray            *seen;        /* char*, oldest first */
  GHashTable           *seen_set;    /* borrowed from seen */

  BulletinBreaking     *breaking;
  gulong                new_items_id;
  gboolean              window_focused;

  BulletinAnnounceFunc  sink;
  gpointer              sink_data;
  GDestroyNotify        sink_destroy;
};

G_DEFINE_FINAL_TYPE (BulletinBreakingAnnouncer, bulletin_breaking_announcer, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_BREAKING,
  PROP_WINDOW_FOCUSED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
remember (BulletinBreakingAnnouncer *self,
          const char                *key)
{
  char *copy;

  if (g_hash_table_contains (self->seen_set, key))
    return;

  copy = g_strdup (key);
  g_ptr_array_add (self->seen, copy);
  g_hash_table_add (self->seen_set, copy);

  while (self->seen->len > BULLETIN_BREAKING_ANNOUNCER_MAX_SEEN)
    {
      g_hash_table_remove (self->seen_set, g_ptr_array_index (self->seen, 0));
      g_ptr_array_remove_index (self->seen, 0);
    }
}

static void
load_seen (BulletinBreakingAnnouncer *self)
{
  g_auto(GStrv) seen = g_settings_get_strv (self->settings, SEEN_KEY);

  g_hash_table_remove_all (self->seen_set);
  g_ptr_array_set_size (self->seen, 0);
  for (guint i = 0; seen[i] != NULL; i++)
    remember (self, seen[i]);
}

static void
store_seen (BulletinBreakingAnnouncer *self)
{
  g_auto(GStrv) seen = bulletin_breaking_announcer_dup_seen (self);

  /* Written back by ourselves, it reloads to the same list */
  if (!g_settings_set_strv (self->settings, SEEN_KEY, (const char * const *) seen))
    g_warning ("Cannot remember the breaking news already announced");
}

static void
seen_changed_cb (GSettings                 *settings,
                 const char                *key,
                 BulletinBreakingAnnouncer *self)
{
  /* Another instance announced something, or the key was reset */
  load_seen (self);
}

static void
new_items_cb (BulletinBreaking          *breaking,
              GPtrArray                 *items,
              BulletinBreakingAnnouncer *self)
{
  bulletin_breaking_announcer_offer (self, items);
}

static void
bulletin_breaking_announcer_dispose (GObject *object)
{
  BulletinBreakingAnnouncer *self = (BulletinBreakingAnnouncer *)object;

  bulletin_breaking_announcer_set_breaking (self, NULL);
  bulletin_breaking_announcer_set_sink (self, NULL, NULL, NULL);
  g_clear_signal_handler (&self->seen_changed_id, self->settings);

  G_OBJECT_CLASS (bulletin_breaking_announcer_parent_class)->dispose (object);
}

static void
bulletin_breaking_announcer_finalize (GObject *object)
{
  BulletinBreakingAnnouncer *self = (BulletinBreakingAnnouncer *)object;

  g_clear_object (&self->settings);
  g_clear_pointer (&self->seen_set, g_hash_table_unref);
  g_clear_pointer (&self->seen, g_ptr_array_unref);

  G_OBJECT_CLASS (bulletin_breaking_announcer_parent_class)->finalize (object);
}

static void
bulletin_breaking_announcer_constructed (GObject *object)
{
  BulletinBreakingAnnouncer *self = (BulletinBreakingAnnouncer *)object;

  G_OBJECT_CLASS (bulletin_breaking_announcer_parent_class)->constructed (object);

  g_assert (G_IS_SETTINGS (self->settings));

  self->seen_changed_id = g_signal_connect (self->settings, "changed::" SEEN_KEY,
                                            G_CALLBACK (seen_changed_cb), self);
  load_seen (self);
}

static void
bulletin_breaking_announcer_get_property (GObject    *object,
                                          guint       prop_id,
                                          GValue     *value,
                                          GParamSpec *pspec)
{
  BulletinBreakingAnnouncer *self = BULLETIN_BREAKING_ANNOUNCER (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    case PROP_BREAKING:
      g_value_set_object (value, self->breaking);
      break;

    case PROP_WINDOW_FOCUSED:
      g_value_set_boolean (value, self->window_focused);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bulletin_breaking_announcer_set_property (GObject      *object,
                                          guint         prop_id,
                                          const GValue *value,
                                          GParamSpec   *pspec)
{
  BulletinBreakingAnnouncer *self = BULLETIN_BREAKING_ANNOUNCER (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    case PROP_BREAKING:
      bulletin_breaking_announcer_set_breaking (self, g_value_get_object (value));
      break;

    case PROP_WINDOW_FOCUSED:
      bulletin_breaking_announcer_set_window_focused (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bulletin_breaking_announcer_class_init (BulletinBreakingAnnouncerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bulletin_breaking_announcer_dispose;
  object_class->finalize = bulletin_breaking_announcer_finalize;
  object_class->constructed = bulletin_breaking_announcer_constructed;
  object_class->get_property = bulletin_breaking_announcer_get_property;
  object_class->set_property = bulletin_breaking_announcer_set_property;

  /**
   * BulletinBreakingAnnouncer:settings:
   *
   * The app's settings: "breaking-seen" and "breaking-notifications".
   */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * BulletinBreakingAnnouncer:breaking:
   *
   * The breaking news followed, or %NULL.
   */
  properties[PROP_BREAKING] =
    g_param_spec_object ("breaking", NULL, NULL, BULLETIN_TYPE_BREAKING,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * BulletinBreakingAnnouncer:window-focused:
   *
   * Whether the reader is looking at the window, where the banner tells the
   * news: nothing is announced then.
   */
  properties[PROP_WINDOW_FOCUSED] =
    g_param_spec_boolean ("window-focused", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bulletin_breaking_announcer_init (BulletinBreakingAnnouncer *self)
{
  self->seen = g_ptr_array_new_with_free_func (g_free);
  self->seen_set = g_hash_table_new (g_str_hash, g_str_equal);
}

/**
 * bulletin_breaking_announcer_new:
 * @settings: the app's settings (schema io.github.bulletinapp.Bulletin)
 *
 * Returns: (transfer full): a new announcer, with the seen set of @settings
 */
BulletinBreakingAnnouncer *
bulletin_breaking_announcer_new (GSettings *settings)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (BULLETIN_TYPE_BREAKING_ANNOUNCER,
                       "settings", settings,
                       NULL);
}

/**
 * bulletin_breaking_announcer_set_sink:
 * @self: a #BulletinBreakingAnnouncer
 * @func: (nullable): where announcements go
 * @user_data: data for @func
 * @destroy: (nullable): frees @user_data
 *
 * Sets where announcements go. With no sink, items are still marked seen.
 */
void
bulletin_breaking_announcer_set_sink (BulletinBreakingAnnouncer *self,
                                      BulletinAnnounceFunc       func,
                                      gpointer                   user_data,
                                      GDestroyNotify             destroy)
{
  GDestroyNotify old_destroy;
  gpointer old_data;

  g_return_if_fail (BULLETIN_IS_BREAKING_ANNOUNCER (self));

  old_destroy = self->sink_destroy;
  old_data = self->sink_data;

  self->sink = func;
  self->sink_data = user_data;
  self->sink_destroy = destroy;

  if (old_destroy != NULL)
    old_destroy (old_data);
}

/**
 * bulletin_breaking_announcer_get_breaking:
 * @self: a #BulletinBreakingAnnouncer
 *
 * Returns: (transfer none) (nullable): the breaking news followed
 */
BulletinBreaking *
bulletin_breaking_announcer_get_breaking (BulletinBreakingAnnouncer *self)
{
  g_return_val_if_fail (BULLETIN_IS_BREAKING_ANNOUNCER (self), NULL);

  return self->breaking;
}

/**
 * bulletin_breaking_announcer_set_breaking:
 * @self: a #BulletinBreakingAnnouncer
 * @breaking: (nullable): the breaking news to follow
 *
 * Follows the new items of @breaking (another edition's, after a switch),
 * instead of the one followed before.
 */
void
bulletin_breaking_announcer_set_breaking (BulletinBreakingAnnouncer *self,
                                          BulletinBreaking          *breaking)
{
  g_return_if_fail (BULLETIN_IS_BREAKING_ANNOUNCER (self));
  g_return_if_fail (breaking == NULL || BULLETIN_IS_BREAKING (breaking));

  if (self->breaking == breaking)
    return;

  if (self->breaking != NULL)
    g_clear_signal_handler (&self->new_items_id, self->breaking);
  g_set_object (&self->breaking, breaking);
  if (self->breaking != NULL)
    self->new_items_id = g_signal_connect (self->breaking, "new-items",
                                           G_CALLBACK (new_items_cb), self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BREAKING]);
}

gboolean
bulletin_breaking_announcer_get_window_focused (BulletinBreakingAnnouncer *self)
{
  g_return_val_if_fail (BULLETIN_IS_BREAKING_ANNOUNCER (self), FALSE);

  return self->window_focused;
}

/**
 * bulletin_breaking_announcer_set_window_focused:
 * @self: a #BulletinBreakingAnnouncer
 * @focused: whether the window has the reader's attention
 *
 * While the window is focused, new items are marked seen but not announced:
 * the banner shows them.
 */
void
bulletin_breaking_announcer_set_window_focused (BulletinBreakingAnnouncer *self,
                                                gboolean                   focused)
{
  g_return_if_fail (BULLETIN_IS_BREAKING_ANNOUNCER (self));

  focused = !!focused;
  if (self->window_focused == focused)
    return;

  self->window_focused = focused;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WINDOW_FOCUSED]);
}

/**
 * bulletin_breaking_announcer_get_enabled:
 * @self: a #BulletinBreakingAnnouncer
 *
 * Returns: whether the reader wants breaking news announced (the
 *   "breaking-notifications" setting)
 */
gboolean
bulletin_breaking_announcer_get_enabled (BulletinBreakingAnnouncer *self)
{
  g_return_val_if_fail (BULLETIN_IS_BREAKING_ANNOUNCER (self), FALSE);

  return g_settings_get_boolean (self->settings, ENABLED_KEY);
}

/**
 * bulletin_breaking_announcer_has_seen:
 * @self: a #BulletinBreakingAnnouncer
 * @item: a breaking item
 *
 * Returns: whether @item was offered before (announced or not)
 */
gboolean
bulletin_breaking_announcer_has_seen (BulletinBreakingAnnouncer *self,
                                      BulletinArticle           *item)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (BULLETIN_IS_BREAKING_ANNOUNCER (self), FALSE);
  g_return_val_if_fail (BULLETIN_IS_ARTICLE (item), FALSE);

  key = bulletin_breaking_item_key (item);

  return g_hash_table_contains (self->seen_set, key);
}

/**
 * bulletin_breaking_announcer_dup_seen:
 * @self: a #BulletinBreakingAnnouncer
 *
 * Returns: (transfer full): the keys of the items seen, oldest first
 */
char **
bulletin_breaking_announcer_dup_seen (BulletinBreakingAnnouncer *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (BULLETIN_IS_BREAKING_ANNOUNCER (self), NULL);

  for (guint i = 0; i < self->seen->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (self->seen, i));

  return g_strv_builder_end (builder);
}

static void
announce (BulletinBreakingAnnouncer *self,
          GPtrArray                 *fresh)
{
  BulletinArticle *first = g_ptr_array_index (fresh, 0);
  g_autofree char *title = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  const char *url = NULL;
  guint n = fresh->len;

  if (n == 1)
    {
      title = g_strdup (_("Breaking News"));
      g_string_append (body, bulletin_article_get_title (first));
      url = bulletin_article_get_url (first);
    }
  else
    {
      /* Translators: the title of a notification for several breaking news items at once */
      title = g_strdup_printf (ngettext ("%u Breaking News Item", "%u Breaking News Items", n), n);
      for (guint i = 0; i < n && i < MAX_BODY_LINES; i++)
        {
          if (i > 0)
            g_string_append_c (body, '\n');
          g_string_append (body, bulletin_article_get_title (g_ptr_array_index (fresh, i)));
        }
      if (n > MAX_BODY_LINES)
        {
          guint more = n - MAX_BODY_LINES;

          g_string_append_c (body, '\n');
          /* Translators: the last line of a notification that lists some of several breaking news items */
          g_string_append_printf (body, ngettext ("and %u more", "and %u more", more), more);
        }
    }

  self->sink (title, body->str, url, n, self->sink_data);
}

/**
 * bulletin_breaking_announcer_offer:
 * @self: a #BulletinBreakingAnnouncer
 * @items: (element-type BulletinArticle): items that arrived together,
 *   newest first
 *
 * Marks @items seen and, unless they were all seen before, the window is
 * focused or the reader turned announcements off, hands the sink one
 * announcement of those not seen before. The items of a #BulletinBreaking
 * set with bulletin_breaking_announcer_set_breaking() are offered when it
 * emits #BulletinBreaking::new-items.
 *
 * Returns: how many items were announced (0 when none was)
 */
guint
bulletin_breaking_announcer_offer (BulletinBreakingAnnouncer *self,
                                   GPtrArray                 *items)
{
  g_autoptr(GPtrArray) fresh = g_ptr_array_new ();

  g_return_val_if_fail (BULLETIN_IS_BREAKING_ANNOUNCER (self), 0);
  g_return_val_if_fail (items != NULL, 0);

  for (guint i = 0; i < items->len; i++)
    {
      BulletinArticle *item = g_ptr_array_index (items, i);
      g_autofree char *key = NULL;

      /* An item with no text has nothing to tell */
      if (bulletin_article_get_title (item) == NULL || *bulletin_article_get_title (item) == '\0')
        continue;

      key = bulletin_breaking_item_key (item);
      if (g_hash_table_contains (self->seen_set, key))
        continue;

      remember (self, key);
      g_ptr_array_add (fresh, item);
    }

  if (fresh->len == 0)
    return 0;

  /* Blocked so the write does not reload the list that was written */
  g_signal_handler_block (self->settings, self->seen_changed_id);
  store_seen (self);
  g_signal_handler_unblock (self->settings, self->seen_changed_id);

  if (self->window_focused || self->sink == NULL || !bulletin_breaking_announcer_get_enabled (self))
    return 0;

  announce (self, fresh);

  return fresh->len;
}
