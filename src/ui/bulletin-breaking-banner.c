/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bulletin-breaking-banner"

#include "config.h"

#include <glib/gi18n.h>

#include "bulletin-breaking-banner.h"
#include "bulletin-format.h"

/* The breaking news strip under the header bars: a red "BREAKING" chip, the
 * current item with its age, "3 of 10", previous/next and close. It shows
 * only while there are items, cycles through them every few seconds with a
 * crossfade (not while the pointer is over it or it has the keyboard focus),
 * and a newer item brings it back after it was closed.
 *
 * The timer only calls bulletin_breaking_banner_advance(), and
 * #BulletinBreakingBanner:interval-ms 0 turns it off, so tests drive the
 * cycling themselves.
 */

struct _BulletinBreakingBanner
{
  GtkWidget        parent_instance;

  GListModel      *model;
  gulong           items_changed_id;
  GPtrArray       *shown;         /* BulletinArticle: the model's items not dismissed */
  GHashTable      *dismissed;     /* item keys */
  guint            position;
  BulletinArticle *displayed;     /* what the visible page shows */
  gboolean         page_b;        /* which of the two pages is visible */

  guint            interval_ms;
  guint            timer_id;
  gboolean         hovered;
  gboolean         focused;
  gboolean         compact;       /* too narrow for the age and the count */
  guint            compact_idle_id;
  GDateTime       *now;           /* NULL: the clock's */

  GtkPopover      *popover;
  GtkLabel        *popover_label;
  GtkLabel        *popover_time;

  /* Template children */
  GtkRevealer     *revealer;
  GtkWidget       *live_region;
  GtkButton       *item_button;
  GtkStack        *stack;
  GtkLabel        *text_a;
  GtkLabel        *age_a;
  GtkLabel        *text_b;
  GtkLabel        *age_b;
  GtkLabel        *count_label;
  GtkWidget       *previous_button;
  GtkWidget       *next_button;
};

/* Narrower than this, the item's text keeps the room of its age and the count */
#define COMPACT_WIDTH 520

G_DEFINE_FINAL_TYPE (BulletinBreakingBanner, bulletin_breaking_banner, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MODEL,
  PROP_INTERVAL_MS,
  PROP_PAUSED,
  PROP_REVEALED,
  PROP_POSITION,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  OPEN_ARTICLE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

GtkWidget *
bulletin_breaking_banner_new (void)
{
  return g_object_new (BULLETIN_TYPE_BREAKING_BANNER, NULL);
}

/* The timer */

static gboolean
timer_cb (gpointer data)
{
  BulletinBreakingBanner *self = data;

  bulletin_breaking_banner_advance (self);

  return G_SOURCE_CONTINUE;
}

static void
restart_timer (BulletinBreakingBanner *self)
{
  g_clear_handle_id (&self->timer_id, g_source_remove);

  if (self->interval_ms > 0 && gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->timer_id = g_timeout_add (self->interval_ms, timer_cb, self);
}

/* Showing the current item */

static GDateTime *
item_time (BulletinArticle *item)
{
  GDateTime *time = bulletin_article_get_published (item);

  return time != NULL ? time : bulletin_article_get_updated (item);
}

static void
update_controls (BulletinBreakingBanner *self)
{
  guint n = self->shown->len;
  gboolean several = n > 1;
  BulletinArticle *current = bulletin_breaking_banner_get_current (self);

  gtk_widget_set_visible (GTK_WIDGET (self->count_label), several && !self->compact);
  gtk_widget_set_visible (self->previous_button, several);
  gtk_widget_set_visible (self->next_button, several);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "breaking.previous", several);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "breaking.next", several);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "breaking.open", current != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "breaking.dismiss", n > 0);

  if (several)
    {
      /* Translators: the position of the breaking news item shown among all of them, as in "3 of 10" */
      g_autofree char *count = g_strdup_printf (_("%u of %u"), self->position + 1, n);
      g_autofree char *shown = bulletin_date_localize_digits (count, bulletin_format_ui_language ());

      gtk_label_set_label (self->count_label, shown);
    }

  gtk_revealer_set_reveal_child (self->revealer, n > 0);
}

static void
show_current (BulletinBreakingBanner *self,
              gboolean                animate)
{
  BulletinArticle *current = bulletin_breaking_banner_get_current (self);
  const char *text;
  GDateTime *time;
  g_autofree char *age = NULL;
  g_autofree char *accessible = NULL;
  GtkLabel *text_label;
  GtkLabel *age_label;
  gboolean changed;

  update_controls (self);

  if (current == NULL)
    {
      g_clear_object (&self->displayed);
      if (self->popover != NULL && gtk_widget_get_visible (GTK_WIDGET (self->popover)))
        gtk_popover_popdown (self->popover);
      return;
    }

  text = bulletin_article_get_title (current);
  time = item_time (current);
  if (time != NULL)
    age = bulletin_format_relative_time (time, self->now);

  /* Fill the hidden page, then fade to it (or not, when nothing changed) */
  if (current == self->displayed || !animate || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      text_label = self->page_b ? self->text_b : self->text_a;
      age_label = self->page_b ? self->age_b : self->age_a;
      animate = FALSE;
    }
  else
    {
      self->page_b = !self->page_b;
      text_label = self->page_b ? self->text_b : self->text_a;
      age_label = self->page_b ? self->age_b : self->age_a;
    }

  gtk_label_set_label (text_label, text);
  gtk_label_set_label (age_label, age);
  gtk_widget_set_visible (GTK_WIDGET (age_label), age != NULL && !self->compact);
  gtk_stack_set_visible_child_full (self->stack, self->page_b ? "b" : "a",
                                    animate ? GTK_STACK_TRANSITION_TYPE_CROSSFADE : GTK_STACK_TRANSITION_TYPE_NONE);
  changed = current != self->displayed;
  g_set_object (&self->displayed, current);

  if (bulletin_article_get_url (current) != NULL)
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->item_button), _("Read the article"));
  else
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->item_button), _("Show the whole item"));

  /* GTK 4.8 has no announcements: the alert's label and description change */
  if (age != NULL)
    /* Translators: what a screen reader says for a breaking news item: its text, then its age */
    accessible = g_strdup_printf (_("%s, %s"), text, age);
  else
    accessible = g_strdup (text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->live_region),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Breaking news"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, accessible,
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->item_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);

  /* The whole text of an item that is no longer shown */
  if (changed && self->popover != NULL && gtk_widget_get_visible (GTK_WIDGET (self->popover)))
    gtk_popover_popdown (self->popover);
}

static void
set_position (BulletinBreakingBanner *self,
              guint                   position,
              gboolean                animate)
{
  gboolean changed = position != self->position;

  self->position = position;
  show_current (self, animate);
  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
}

/* Following the model */

/* new_model: the items are another edition's, none of them "just happened" */
static void
rebuild (BulletinBreakingBanner *self,
         gboolean                new_model)
{
  g_autoptr(GPtrArray) shown = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) before = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *current_key = NULL;
  gboolean was_revealed = self->shown->len > 0;
  guint old_n = self->shown->len;
  guint n = self->model != NULL ? g_list_model_get_n_items (self->model) : 0;
  guint position = G_MAXUINT;
  guint first_new = G_MAXUINT;
  guint current_at = G_MAXUINT;

  if (bulletin_breaking_banner_get_current (self) != NULL && !new_model)
    current_key = bulletin_breaking_item_key (bulletin_breaking_banner_get_current (self));

  for (guint i = 0; i < self->shown->len && !new_model; i++)
    g_hash_table_add (before, bulletin_breaking_item_key (g_ptr_array_index (self->shown, i)));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BulletinArticle) item = g_list_model_get_item (self->model, i);
      g_autofree char *key = NULL;

      if (item == NULL || bulletin_article_get_title (item) == NULL)
        continue;

      key = bulletin_breaking_item_key (item);
      if (g_hash_table_contains (self->dismissed, key))
        continue;

      if (first_new == G_MAXUINT && was_revealed && !new_model && !g_hash_table_contains (before, key))
        first_new = shown->len;
      if (current_at == G_MAXUINT && g_strcmp0 (key, current_key) == 0)
        current_at = shown->len;
      g_ptr_array_add (shown, g_steal_pointer (&item));
    }

  g_ptr_array_unref (self->shown);
  self->shown = g_steal_pointer (&shown);

  /* What just happened comes first; else the item read stays */
  if (first_new != G_MAXUINT)
    position = first_new;
  else if (current_at != G_MAXUINT)
    position = current_at;
  else if (self->shown->len > 0 && !new_model)
    position = MIN (self->position, self->shown->len - 1);
  else
    position = 0;

  if (first_new != G_MAXUINT)
    restart_timer (self);

  set_position (self, position, TRUE);

  if (old_n != self->shown->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  if (was_revealed != (self->shown->len > 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVEALED]);
}

static void
items_changed_cb (GListModel             *model,
                  guint                   position,
                  guint                   removed,
                  guint                   added,
                  BulletinBreakingBanner *self)
{
  rebuild (self, FALSE);
}

/* Pausing */

static void
set_paused_flag (BulletinBreakingBanner *self,
                 gboolean               *flag,
                 gboolean                value)
{
  gboolean was_paused = bulletin_breaking_banner_get_paused (self);

  *flag = value;
  if (was_paused != bulletin_breaking_banner_get_paused (self))
    {
      /* A full interval after the reader lets go */
      restart_timer (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAUSED]);
    }
}

static void
pointer_enter_cb (BulletinBreakingBanner *self)
{
  set_paused_flag (self, &self->hovered, TRUE);
}

static void
pointer_leave_cb (BulletinBreakingBanner *self)
{
  set_paused_flag (self, &self->hovered, FALSE);
}

static void
focus_enter_cb (BulletinBreakingBanner *self)
{
  set_paused_flag (self, &self->focused, TRUE);
}

static void
focus_leave_cb (BulletinBreakingBanner *self)
{
  set_paused_flag (self, &self->focused, FALSE);
}

/* The whole text of an item with no article */

static void
popover_closed_cb (BulletinBreakingBanner *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAUSED]);
  restart_timer (self);
}

static void
show_whole_text (BulletinBreakingBanner *self,
                 BulletinArticle        *item)
{
  GDateTime *time = item_time (item);
  g_autofree char *when = NULL;
  graphene_rect_t bounds;

  if (self->popover == NULL)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

      self->popover_label = GTK_LABEL (gtk_label_new (NULL));
      gtk_label_set_wrap (self->popover_label, TRUE);
      gtk_label_set_max_width_chars (self->popover_label, 50);
      gtk_label_set_selectable (self->popover_label, TRUE);
      gtk_label_set_xalign (self->popover_label, 0.0);
      gtk_widget_add_css_class (GTK_WIDGET (self->popover_label), "breaking-whole-text");
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->popover_label));

      self->popover_time = GTK_LABEL (gtk_label_new (NULL));
      gtk_label_set_xalign (self->popover_time, 0.0);
      gtk_widget_add_css_class (GTK_WIDGET (self->popover_time), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->popover_time), "caption");
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->popover_time));

      self->popover = GTK_POPOVER (gtk_popover_new ());
      gtk_widget_add_css_class (GTK_WIDGET (self->popover), "breaking-popover");
      gtk_popover_set_child (self->popover, box);
      gtk_popover_set_position (self->popover, GTK_POS_BOTTOM);
      gtk_widget_set_parent (GTK_WIDGET (self->popover), GTK_WIDGET (self));
      g_signal_connect_swapped (self->popover, "closed", G_CALLBACK (popover_closed_cb), self);
    }

  gtk_label_set_label (self->popover_label, bulletin_article_get_title (item));
  if (time != NULL)
    when = bulletin_format_full_date (time);
  gtk_label_set_label (self->popover_time, when);
  gtk_widget_set_visible (GTK_WIDGET (self->popover_time), when != NULL);

  if (gtk_widget_compute_bounds (GTK_WIDGET (self->item_button), GTK_WIDGET (self), &bounds))
    gtk_popover_set_pointing_to (self->popover, &(GdkRectangle) {
                                   (int) bounds.origin.x, (int) bounds.origin.y,
                                   (int) bounds.size.width, (int) bounds.size.height });

  gtk_popover_popup (self->popover);
  /* Focusing a selectable label selects it all; the reader only reads */
  gtk_label_select_region (self->popover_label, 0, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAUSED]);
}

/* Actions */

static void
previous_action (GtkWidget  *widget,
                 const char *name,
                 GVariant   *param)
{
  bulletin_breaking_banner_previous (BULLETIN_BREAKING_BANNER (widget));
}

static void
next_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  bulletin_breaking_banner_next (BULLETIN_BREAKING_BANNER (widget));
}

static void
dismiss_action (GtkWidget  *widget,
                const char *name,
                GVariant   *param)
{
  bulletin_breaking_banner_dismiss (BULLETIN_BREAKING_BANNER (widget));
}

static void
open_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  bulletin_breaking_banner_activate_current (BULLETIN_BREAKING_BANNER (widget));
}

/* The buttons call the functions, not the actions: in GTK 4.8 a button
 * bound to a widget action turns insensitive for good when the banner moves
 * to another pane. */

static void
previous_clicked_cb (BulletinBreakingBanner *self)
{
  bulletin_breaking_banner_previous (self);
}

static void
next_clicked_cb (BulletinBreakingBanner *self)
{
  bulletin_breaking_banner_next (self);
}

static void
dismiss_clicked_cb (BulletinBreakingBanner *self)
{
  bulletin_breaking_banner_dismiss (self);
}

static void
item_clicked_cb (BulletinBreakingBanner *self)
{
  bulletin_breaking_banner_activate_current (self);
}

/* GtkWidget */

static void
bulletin_breaking_banner_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (bulletin_breaking_banner_parent_class)->map (widget);

  restart_timer (BULLETIN_BREAKING_BANNER (widget));
}

static void
bulletin_breaking_banner_unmap (GtkWidget *widget)
{
  BulletinBreakingBanner *self = BULLETIN_BREAKING_BANNER (widget);

  g_clear_handle_id (&self->timer_id, g_source_remove);

  GTK_WIDGET_CLASS (bulletin_breaking_banner_parent_class)->unmap (widget);
}

static void
bulletin_breaking_banner_measure (GtkWidget      *widget,
                                  GtkOrientation  orientation,
                                  int             for_size,
                                  int            *minimum,
                                  int            *natural,
                                  int            *minimum_baseline,
                                  int            *natural_baseline)
{
  BulletinBreakingBanner *self = BULLETIN_BREAKING_BANNER (widget);

  gtk_widget_measure (GTK_WIDGET (self->revealer), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static gboolean
apply_compact_cb (gpointer data)
{
  BulletinBreakingBanner *self = data;
  gboolean compact = gtk_widget_get_width (GTK_WIDGET (self)) < COMPACT_WIDTH;
  GtkLabel *ages[] = { self->age_a, self->age_b };

  self->compact_idle_id = 0;
  if (compact == self->compact)
    return G_SOURCE_REMOVE;

  self->compact = compact;
  if (compact)
    gtk_widget_add_css_class (GTK_WIDGET (self), "compact");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "compact");

  for (guint i = 0; i < G_N_ELEMENTS (ages); i++)
    {
      const char *age = gtk_label_get_label (ages[i]);

      gtk_widget_set_visible (GTK_WIDGET (ages[i]), !compact && age != NULL && *age != '\0');
    }
  update_controls (self);

  return G_SOURCE_REMOVE;
}

static void
bulletin_breaking_banner_size_allocate (GtkWidget *widget,
                                        int        width,
                                        int        height,
                                        int        baseline)
{
  BulletinBreakingBanner *self = BULLETIN_BREAKING_BANNER (widget);

  /* Not while allocating: what is shown changes the sizes */
  if ((width < COMPACT_WIDTH) != self->compact && self->compact_idle_id == 0)
    self->compact_idle_id = g_idle_add (apply_compact_cb, self);

  gtk_widget_allocate (GTK_WIDGET (self->revealer), width, height, baseline, NULL);
  if (self->popover != NULL)
    gtk_popover_present (self->popover);
}

/* GObject */

static void
bulletin_breaking_banner_dispose (GObject *object)
{
  BulletinBreakingBanner *self = (BulletinBreakingBanner *)object;

  bulletin_breaking_banner_set_model (self, NULL);
  g_clear_handle_id (&self->timer_id, g_source_remove);
  g_clear_handle_id (&self->compact_idle_id, g_source_remove);
  if (self->popover != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->popover));
      self->popover = NULL;
      self->popover_label = NULL;
      self->popover_time = NULL;
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), BULLETIN_TYPE_BREAKING_BANNER);

  G_OBJECT_CLASS (bulletin_breaking_banner_parent_class)->dispose (object);
}

static void
bulletin_breaking_banner_finalize (GObject *object)
{
  BulletinBreakingBanner *self = (BulletinBreakingBanner *)object;

  g_clear_pointer (&self->shown, g_ptr_array_unref);
  g_clear_pointer (&self->dismissed, g_hash_table_unref);
  g_clear_pointer (&self->now, g_date_time_unref);
  g_clear_object (&self->displayed);

  G_OBJECT_CLASS (bulletin_breaking_banner_parent_class)->finalize (object);
}

static void
bulletin_breaking_banner_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  BulletinBreakingBanner *self = BULLETIN_BREAKING_BANNER (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;

    case PROP_INTERVAL_MS:
      g_value_set_uint (value, self->interval_ms);
      break;

    case PROP_PAUSED:
      g_value_set_boolean (value, bulletin_breaking_banner_get_paused (self));
      break;

    case PROP_REVEALED:
      g_value_set_boolean (value, bulletin_breaking_banner_get_revealed (self));
      break;

    case PROP_POSITION:
      g_value_set_uint (value, self->position);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->shown->len);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bulletin_breaking_banner_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  BulletinBreakingBanner *self = BULLETIN_BREAKING_BANNER (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      bulletin_breaking_banner_set_model (self, g_value_get_object (value));
      break;

    case PROP_INTERVAL_MS:
      bulletin_breaking_banner_set_interval_ms (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bulletin_breaking_banner_class_init (BulletinBreakingBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags readable = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags readwrite = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = bulletin_breaking_banner_dispose;
  object_class->finalize = bulletin_breaking_banner_finalize;
  object_class->get_property = bulletin_breaking_banner_get_property;
  object_class->set_property = bulletin_breaking_banner_set_property;

  widget_class->map = bulletin_breaking_banner_map;
  widget_class->unmap = bulletin_breaking_banner_unmap;
  widget_class->measure = bulletin_breaking_banner_measure;
  widget_class->size_allocate = bulletin_breaking_banner_size_allocate;

  /**
   * BulletinBreakingBanner:model:
   *
   * The breaking items (a #GListModel of #BulletinArticle, such as a
   * #BulletinBreaking), newest first.
   */
  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, G_TYPE_LIST_MODEL, readwrite);
  /**
   * BulletinBreakingBanner:interval-ms:
   *
   * Milliseconds between items while mapped; 0 stops the cycling.
   */
  properties[PROP_INTERVAL_MS] =
    g_param_spec_uint ("interval-ms", NULL, NULL, 0, G_MAXUINT, BULLETIN_BREAKING_BANNER_DEFAULT_INTERVAL_MS, readwrite);
  /**
   * BulletinBreakingBanner:paused:
   *
   * Whether the cycling waits: the pointer is over the banner, it has the
   * keyboard focus, or it shows an item's whole text.
   */
  properties[PROP_PAUSED] =
    g_param_spec_boolean ("paused", NULL, NULL, FALSE, readable);
  /**
   * BulletinBreakingBanner:revealed:
   *
   * Whether the banner shows: there are items not closed.
   */
  properties[PROP_REVEALED] =
    g_param_spec_boolean ("revealed", NULL, NULL, FALSE, readable);
  properties[PROP_POSITION] =
    g_param_spec_uint ("position", NULL, NULL, 0, G_MAXUINT, 0, readable);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0, readable);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BulletinBreakingBanner::open-article:
   * @self: the banner
   * @item: the #BulletinArticle clicked, which has a URL
   *
   * The reader wants to read the article of a breaking item.
   */
  signals[OPEN_ARTICLE] =
    g_signal_new ("open-article",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, BULLETIN_TYPE_ARTICLE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/bulletinapp/Bulletin/ui/bulletin-breaking-banner.ui");
  gtk_widget_class_bind_template_child (widget_class, BulletinBreakingBanner, revealer);
  gtk_widget_class_bind_template_child (widget_class, BulletinBreakingBanner, live_region);
  gtk_widget_class_bind_template_child (widget_class, BulletinBreakingBanner, item_button);
  gtk_widget_class_bind_template_child (widget_class, BulletinBreakingBanner, stack);
  gtk_widget_class_bind_template_child (widget_class, BulletinBreakingBanner, text_a);
  gtk_widget_class_bind_template_child (widget_class, BulletinBreakingBanner, age_a);
  gtk_widget_class_bind_template_child (widget_class, BulletinBreakingBanner, text_b);
  gtk_widget_class_bind_template_child (widget_class, BulletinBreakingBanner, age_b);
  gtk_widget_class_bind_template_child (widget_class, BulletinBreakingBanner, count_label);
  gtk_widget_class_bind_template_child (widget_class, BulletinBreakingBanner, previous_button);
  gtk_widget_class_bind_template_child (widget_class, BulletinBreakingBanner, next_button);
  gtk_widget_class_bind_template_callback (widget_class, pointer_enter_cb);
  gtk_widget_class_bind_template_callback (widget_class, pointer_leave_cb);
  gtk_widget_class_bind_template_callback (widget_class, focus_enter_cb);
  gtk_widget_class_bind_template_callback (widget_class, focus_leave_cb);
  gtk_widget_class_bind_template_callback (widget_class, previous_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, next_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, dismiss_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, item_clicked_cb);

  gtk_widget_class_install_action (widget_class, "breaking.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "breaking.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "breaking.dismiss", NULL, dismiss_action);
  gtk_widget_class_install_action (widget_class, "breaking.open", NULL, open_action);

  gtk_widget_class_set_css_name (widget_class, "breakingbanner");
}

static void
bulletin_breaking_banner_init (BulletinBreakingBanner *self)
{
  self->shown = g_ptr_array_new_with_free_func (g_object_unref);
  self->dismissed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->interval_ms = BULLETIN_BREAKING_BANNER_DEFAULT_INTERVAL_MS;

  gtk_widget_init_template (GTK_WIDGET (self));

  update_controls (self);
}

/* Public */

/**
 * bulletin_breaking_banner_get_model:
 * @self: a banner
 *
 * Returns: (transfer none) (nullable): the breaking items shown
 */
GListModel *
bulletin_breaking_banner_get_model (BulletinBreakingBanner *self)
{
  g_return_val_if_fail (BULLETIN_IS_BREAKING_BANNER (self), NULL);

  return self->model;
}

/**
 * bulletin_breaking_banner_set_model:
 * @self: a banner
 * @model: (nullable): a #GListModel of #BulletinArticle, newest first
 *
 * Shows the items of @model (another edition's after a switch).
 */
void
bulletin_breaking_banner_set_model (BulletinBreakingBanner *self,
                                    GListModel             *model)
{
  g_return_if_fail (BULLETIN_IS_BREAKING_BANNER (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (self->model == model)
    return;

  if (self->model != NULL)
    g_clear_signal_handler (&self->items_changed_id, self->model);
  g_set_object (&self->model, model);
  if (self->model != NULL)
    self->items_changed_id = g_signal_connect (self->model, "items-changed",
                                               G_CALLBACK (items_changed_cb), self);

  rebuild (self, TRUE);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

guint
bulletin_breaking_banner_get_interval_ms (BulletinBreakingBanner *self)
{
  g_return_val_if_fail (BULLETIN_IS_BREAKING_BANNER (self), 0);

  return self->interval_ms;
}

/**
 * bulletin_breaking_banner_set_interval_ms:
 * @self: a banner
 * @interval_ms: milliseconds each item shows, 0 for no cycling
 */
void
bulletin_breaking_banner_set_interval_ms (BulletinBreakingBanner *self,
                                          guint                   interval_ms)
{
  g_return_if_fail (BULLETIN_IS_BREAKING_BANNER (self));

  if (self->interval_ms == interval_ms)
    return;

  self->interval_ms = interval_ms;
  restart_timer (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTERVAL_MS]);
}

/**
 * bulletin_breaking_banner_get_paused:
 * @self: a banner
 *
 * Returns: whether the cycling waits for the reader
 */
gboolean
bulletin_breaking_banner_get_paused (BulletinBreakingBanner *self)
{
  g_return_val_if_fail (BULLETIN_IS_BREAKING_BANNER (self), FALSE);

  return self->hovered || self->focused ||
         (self->popover != NULL && gtk_widget_get_visible (GTK_WIDGET (self->popover)));
}

gboolean
bulletin_breaking_banner_get_revealed (BulletinBreakingBanner *self)
{
  g_return_val_if_fail (BULLETIN_IS_BREAKING_BANNER (self), FALSE);

  return self->shown->len > 0;
}

/**
 * bulletin_breaking_banner_get_n_items:
 * @self: a banner
 *
 * Returns: how many items the banner cycles through (those not closed)
 */
guint
bulletin_breaking_banner_get_n_items (BulletinBreakingBanner *self)
{
  g_return_val_if_fail (BULLETIN_IS_BREAKING_BANNER (self), 0);

  return self->shown->len;
}

guint
bulletin_breaking_banner_get_position (BulletinBreakingBanner *self)
{
  g_return_val_if_fail (BULLETIN_IS_BREAKING_BANNER (self), 0);

  return self->position;
}

/**
 * bulletin_breaking_banner_get_current:
 * @self: a banner
 *
 * Returns: (transfer none) (nullable): the item shown
 */
BulletinArticle *
bulletin_breaking_banner_get_current (BulletinBreakingBanner *self)
{
  g_return_val_if_fail (BULLETIN_IS_BREAKING_BANNER (self), NULL);

  if (self->position >= self->shown->len)
    return NULL;

  return g_ptr_array_index (self->shown, self->position);
}

/**
 * bulletin_breaking_banner_advance:
 * @self: a banner
 *
 * What the timer does: the next item, after the last the first, unless the
 * banner is paused or has fewer than two items.
 *
 * Returns: whether another item is shown
 */
gboolean
bulletin_breaking_banner_advance (BulletinBreakingBanner *self)
{
  g_return_val_if_fail (BULLETIN_IS_BREAKING_BANNER (self), FALSE);

  if (bulletin_breaking_banner_get_paused (self) || self->shown->len < 2)
    return FALSE;

  set_position (self, (self->position + 1) % self->shown->len, TRUE);

  return TRUE;
}

/**
 * bulletin_breaking_banner_next:
 * @self: a banner
 *
 * Shows the next item (the first after the last) at the reader's request.
 */
void
bulletin_breaking_banner_next (BulletinBreakingBanner *self)
{
  g_return_if_fail (BULLETIN_IS_BREAKING_BANNER (self));

  if (self->shown->len < 2)
    return;

  set_position (self, (self->position + 1) % self->shown->len, TRUE);
  restart_timer (self);
}

/**
 * bulletin_breaking_banner_previous:
 * @self: a banner
 *
 * Shows the previous item (the last before the first).
 */
void
bulletin_breaking_banner_previous (BulletinBreakingBanner *self)
{
  g_return_if_fail (BULLETIN_IS_BREAKING_BANNER (self));

  if (self->shown->len < 2)
    return;

  set_position (self, (self->position + self->shown->len - 1) % self->shown->len, TRUE);
  restart_timer (self);
}

/**
 * bulletin_breaking_banner_dismiss:
 * @self: a banner
 *
 * Hides the banner and the items it has now; an item that comes later
 * brings it back.
 */
void
bulletin_breaking_banner_dismiss (BulletinBreakingBanner *self)
{
  g_return_if_fail (BULLETIN_IS_BREAKING_BANNER (self));

  if (self->shown->len == 0)
    return;

  /* Focus inside a closing revealer would be lost */
  if (gtk_widget_get_focus_child (GTK_WIDGET (self)) != NULL)
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

      if (root != NULL)
        gtk_widget_child_focus (GTK_WIDGET (root), GTK_DIR_TAB_FORWARD);
    }

  for (guint i = 0; i < self->shown->len; i++)
    g_hash_table_add (self->dismissed, bulletin_breaking_item_key (g_ptr_array_index (self->shown, i)));

  rebuild (self, FALSE);
}

/**
 * bulletin_breaking_banner_activate_current:
 * @self: a banner
 *
 * What a click on the item does: emits #BulletinBreakingBanner::open-article
 * when the item has an article, else shows its whole text.
 */
void
bulletin_breaking_banner_activate_current (BulletinBreakingBanner *self)
{
  BulletinArticle *current;

  g_return_if_fail (BULLETIN_IS_BREAKING_BANNER (self));

  current = bulletin_breaking_banner_get_current (self);
  if (current == NULL)
    return;

  if (bulletin_article_get_url (current) != NULL)
    {
      g_autoptr(BulletinArticle) item = g_object_ref (current);

      g_signal_emit (self, signals[OPEN_ARTICLE], 0, item);
    }
  else
    show_whole_text (self, current);
}

/**
 * bulletin_breaking_banner_set_now:
 * @self: a banner
 * @now: (nullable): the time ages are counted from, %NULL for the clock's
 *
 * For tests and screenshots that must not depend on the day they run.
 */
void
bulletin_breaking_banner_set_now (BulletinBreakingBanner *self,
                                  GDateTime              *now)
{
  g_return_if_fail (BULLETIN_IS_BREAKING_BANNER (self));

  g_clear_pointer (&self->now, g_date_time_unref);
  if (now != NULL)
    self->now = g_date_time_ref (now);

  show_current (self, FALSE);
}
