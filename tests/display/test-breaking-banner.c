/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-breaking-banner"

#include "config.h"

#include <adwaita.h>

#include "bulletin-application.h"
#include "bulletin-breaking-banner.h"
#include "bulletin-core.h"
#include "bulletin-window.h"
#include "bulletin-window-private.h"

#include "display-utils.h"

/* The breaking news banner under Xvfb, on the demo edition's breaking
 * items. The cycling is driven through bulletin_breaking_banner_advance()
 * (interval-ms 0), ages are counted from a fixed "now", and screenshots go
 * to <builddir>/tests/display/screenshots/. */

#define N_DEMO_ITEMS 10

static BulletinApplication *app;

/* Helpers */

/* The banner's transitions run longer than a window's: more time before
 * the picture */
static char *
screenshot (GtkWidget  *widget,
            const char *name)
{
  display_settle (300);
  return display_screenshot (widget, name);
}

/* Finds the first widget under @widget that has @css_class, and for
 * labels, is shown (a hidden stack page's label is not) */
static GtkWidget *
find_by_class (GtkWidget  *widget,
               const char *css_class)
{
  if (!gtk_widget_get_child_visible (widget) || !gtk_widget_get_visible (widget))
    return NULL;

  if (gtk_widget_has_css_class (widget, css_class))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_class (child, css_class);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_by_role (GtkWidget         *widget,
              GtkAccessibleRole  role)
{
  if (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)) == role)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_role (child, role);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static const char *
shown_label (BulletinBreakingBanner *banner,
             const char             *css_class)
{
  GtkWidget *label = find_by_class (GTK_WIDGET (banner), css_class);

  return label != NULL ? gtk_label_get_label (GTK_LABEL (label)) : NULL;
}

static GtkEventController *
find_controller (GtkWidget *widget,
                 GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller;
    }

  return NULL;
}

static const char *
title_of (GListModel *model,
          guint       i)
{
  g_autoptr(BulletinArticle) item = g_list_model_get_item (model, i);

  return bulletin_article_get_title (item);
}

/* The demo's breaking news */

typedef struct
{
  gboolean done;
  gboolean ok;
} Poll;

static void
poll_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Poll *poll = user_data;
  g_autoptr(GError) error = NULL;

  poll->ok = bulletin_breaking_refresh_finish (BULLETIN_BREAKING (object), result, &error);
  g_assert_no_error (error);
  poll->done = TRUE;
}

static BulletinBreaking *
demo_breaking (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BulletinEdition) edition = bulletin_edition_lookup ("demo", &error);
  BulletinBreaking *breaking;
  Poll poll = { 0 };

  g_assert_no_error (error);
  breaking = bulletin_breaking_new (bulletin_application_get_client (app), edition);
  bulletin_breaking_refresh_async (breaking, NULL, poll_cb, &poll);
  while (!poll.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (poll.ok);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (breaking)), ==, N_DEMO_ITEMS);

  return breaking;
}

/* A window with the banner over some content, as in the app */
typedef struct
{
  GtkWindow              *window;
  BulletinBreakingBanner *banner;
  GtkWidget              *content;
} Harness;

static void
harness_open (Harness    *h,
              GListModel *model,
              int         width)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 28, 11, 0, 0);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *status = adw_status_page_new ();

  h->window = GTK_WINDOW (adw_application_window_new (GTK_APPLICATION (app)));
  h->banner = BULLETIN_BREAKING_BANNER (bulletin_breaking_banner_new ());
  bulletin_breaking_banner_set_interval_ms (h->banner, 0);
  bulletin_breaking_banner_set_now (h->banner, now);
  bulletin_breaking_banner_set_model (h->banner, model);

  adw_status_page_set_title (ADW_STATUS_PAGE (status), "Content");
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "io.github.bulletinapp.Bulletin-symbolic");
  gtk_widget_set_vexpand (status, TRUE);
  h->content = gtk_button_new_with_label ("Content button");
  gtk_widget_set_halign (h->content, GTK_ALIGN_CENTER);
  adw_status_page_set_child (ADW_STATUS_PAGE (status), h->content);

  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (h->banner));
  gtk_box_append (GTK_BOX (box), status);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (h->window), box);
  gtk_window_set_default_size (h->window, width, 300);
  gtk_window_present (h->window);
  g_assert_true (display_wait_for (display_widget_mapped, h->window));
  /* The window gives the first focusable widget, in the banner, the focus */
  gtk_widget_grab_focus (h->content);
  display_settle (100);
}

static void
harness_close (Harness *h)
{
  gtk_window_destroy (h->window);
  display_settle (50);
}

/* Tests */

static void
test_demo_items (void)
{
  g_autoptr(BulletinBreaking) breaking = demo_breaking ();
  GListModel *model = G_LIST_MODEL (breaking);
  Harness h = { 0 };
  GtkWidget *alert;
  g_autofree char *first = NULL;

  harness_open (&h, model, 900);
  g_assert_true (bulletin_breaking_banner_get_revealed (h.banner));
  g_assert_cmpuint (bulletin_breaking_banner_get_n_items (h.banner), ==, N_DEMO_ITEMS);
  g_assert_cmpuint (bulletin_breaking_banner_get_position (h.banner), ==, 0);
  g_assert_cmpstr (bulletin_article_get_title (bulletin_breaking_banner_get_current (h.banner)), ==,
                   title_of (model, 0));
  g_assert_cmpstr (shown_label (h.banner, "breaking-text"), ==, title_of (model, 0));
  g_assert_cmpstr (shown_label (h.banner, "breaking-age"), ==, "8 min ago");
  g_assert_cmpstr (shown_label (h.banner, "breaking-count"), ==, "1 of 10");
  g_assert_cmpstr (shown_label (h.banner, "breaking-chip"), ==, "BREAKING");
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (h.banner)), >, 0);

  /* A live region screen readers follow */
  alert = find_by_role (GTK_WIDGET (h.banner), GTK_ACCESSIBLE_ROLE_ALERT);
  g_assert_nonnull (alert);
  first = g_strdup_printf ("%s, 8 min ago", title_of (model, 0));
  gtk_test_accessible_assert_property (alert, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, first);
  gtk_test_accessible_assert_property (alert, GTK_ACCESSIBLE_PROPERTY_LABEL, "Breaking news");

  g_free (screenshot (GTK_WIDGET (h.window), "breaking-banner-light"));
  g_free (screenshot (GTK_WIDGET (h.banner), "breaking-banner-strip"));

  /* The test clock: each advance is the next item, after the last the first */
  g_assert_true (bulletin_breaking_banner_advance (h.banner));
  g_assert_cmpuint (bulletin_breaking_banner_get_position (h.banner), ==, 1);
  display_settle (600);
  g_assert_cmpstr (shown_label (h.banner, "breaking-text"), ==, title_of (model, 1));
  g_assert_cmpstr (shown_label (h.banner, "breaking-age"), ==, "29 min ago");
  g_assert_cmpstr (shown_label (h.banner, "breaking-count"), ==, "2 of 10");
  {
    g_autofree char *second = g_strdup_printf ("%s, 29 min ago", title_of (model, 1));

    gtk_test_accessible_assert_property (alert, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, second);
  }

  for (guint i = 2; i < N_DEMO_ITEMS; i++)
    g_assert_true (bulletin_breaking_banner_advance (h.banner));
  g_assert_cmpuint (bulletin_breaking_banner_get_position (h.banner), ==, N_DEMO_ITEMS - 1);
  display_settle (600);
  /* The last demo item has no article */
  g_assert_null (bulletin_article_get_url (bulletin_breaking_banner_get_current (h.banner)));
  g_assert_cmpstr (shown_label (h.banner, "breaking-count"), ==, "10 of 10");
  g_assert_true (bulletin_breaking_banner_advance (h.banner));
  g_assert_cmpuint (bulletin_breaking_banner_get_position (h.banner), ==, 0);

  /* Previous and next, as the buttons do */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (h.banner), "breaking.previous", NULL));
  g_assert_cmpuint (bulletin_breaking_banner_get_position (h.banner), ==, N_DEMO_ITEMS - 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (h.banner), "breaking.next", NULL));
  g_assert_cmpuint (bulletin_breaking_banner_get_position (h.banner), ==, 0);

  /* and the buttons */
  {
    GtkWidget *previous = find_by_class (GTK_WIDGET (h.banner), "circular");

    g_signal_emit_by_name (previous, "clicked");
    g_assert_cmpuint (bulletin_breaking_banner_get_position (h.banner), ==, N_DEMO_ITEMS - 1);
    g_signal_emit_by_name (gtk_widget_get_next_sibling (previous), "clicked");
    g_assert_cmpuint (bulletin_breaking_banner_get_position (h.banner), ==, 0);
  }

  /* Polled again with nothing new: the banner stays where it is */
  bulletin_breaking_banner_next (h.banner);
  {
    Poll poll = { 0 };

    bulletin_breaking_refresh_async (breaking, NULL, poll_cb, &poll);
    while (!poll.done)
      g_main_context_iteration (NULL, TRUE);
  }
  g_assert_cmpuint (bulletin_breaking_banner_get_position (h.banner), ==, 1);
  g_assert_cmpuint (bulletin_breaking_banner_get_n_items (h.banner), ==, N_DEMO_ITEMS);

  display_set_dark (TRUE);
  g_free (screenshot (GTK_WIDGET (h.window), "breaking-banner-dark"));
  display_set_dark (FALSE);

  harness_close (&h);
}

static void
test_pause (void)
{
  g_autoptr(BulletinBreaking) breaking = demo_breaking ();
  Harness h = { 0 };
  GtkEventController *motion;
  GtkWidget *next_button;

  harness_open (&h, G_LIST_MODEL (breaking), 900);
  g_assert_false (bulletin_breaking_banner_get_paused (h.banner));

  /* The pointer over it */
  motion = find_controller (GTK_WIDGET (h.banner), GTK_TYPE_EVENT_CONTROLLER_MOTION);
  g_assert_nonnull (motion);
  g_signal_emit_by_name (motion, "enter", 10.0, 10.0);
  g_assert_true (bulletin_breaking_banner_get_paused (h.banner));
  g_assert_false (bulletin_breaking_banner_advance (h.banner));
  g_assert_cmpuint (bulletin_breaking_banner_get_position (h.banner), ==, 0);
  /* the reader still moves on by hand */
  bulletin_breaking_banner_next (h.banner);
  g_assert_cmpuint (bulletin_breaking_banner_get_position (h.banner), ==, 1);
  g_signal_emit_by_name (motion, "leave");
  g_assert_false (bulletin_breaking_banner_get_paused (h.banner));
  g_assert_true (bulletin_breaking_banner_advance (h.banner));
  g_assert_cmpuint (bulletin_breaking_banner_get_position (h.banner), ==, 2);

  /* The keyboard focus in it: real focus, through its focus controller */
  next_button = find_by_class (GTK_WIDGET (h.banner), "circular");
  g_assert_nonnull (next_button);
  g_assert_true (gtk_widget_grab_focus (next_button));
  display_settle (50);
  g_assert_true (gtk_widget_has_focus (next_button));
  g_assert_true (bulletin_breaking_banner_get_paused (h.banner));
  g_assert_false (bulletin_breaking_banner_advance (h.banner));
  g_assert_cmpuint (bulletin_breaking_banner_get_position (h.banner), ==, 2);

  g_assert_true (gtk_widget_grab_focus (h.content));
  display_settle (50);
  g_assert_false (bulletin_breaking_banner_get_paused (h.banner));
  g_assert_true (bulletin_breaking_banner_advance (h.banner));
  g_assert_cmpuint (bulletin_breaking_banner_get_position (h.banner), ==, 3);

  harness_close (&h);
}

static gboolean
position_moved (gpointer data)
{
  return bulletin_breaking_banner_get_position (data) != 0;
}

static void
test_timer (void)
{
  g_autoptr(BulletinBreaking) breaking = demo_breaking ();
  Harness h = { 0 };

  harness_open (&h, G_LIST_MODEL (breaking), 900);
  g_assert_cmpuint (bulletin_breaking_banner_get_position (h.banner), ==, 0);

  /* The timer only calls advance: with an interval it moves on its own */
  g_object_set (h.banner, "interval-ms", 20, NULL);
  g_assert_true (display_wait_for (position_moved, h.banner));
  g_object_set (h.banner, "interval-ms", 0, NULL);

  harness_close (&h);
}

static void
open_article_cb (BulletinBreakingBanner  *banner,
                 BulletinArticle         *item,
                 BulletinArticle        **out)
{
  g_set_object (out, item);
}

static void
test_activate (void)
{
  g_autoptr(BulletinBreaking) breaking = demo_breaking ();
  g_autoptr(BulletinArticle) opened = NULL;
  Harness h = { 0 };
  BulletinArticle *current;

  harness_open (&h, G_LIST_MODEL (breaking), 900);
  g_signal_connect (h.banner, "open-article", G_CALLBACK (open_article_cb), &opened);

  /* An item with an article opens it */
  current = bulletin_breaking_banner_get_current (h.banner);
  g_assert_nonnull (bulletin_article_get_url (current));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (h.banner), "breaking.open", NULL));
  g_assert_true (opened == current);
  g_clear_object (&opened);

  /* One without shows its whole text, and waits while it does */
  bulletin_breaking_banner_previous (h.banner);
  current = bulletin_breaking_banner_get_current (h.banner);
  g_assert_null (bulletin_article_get_url (current));
  bulletin_breaking_banner_activate_current (h.banner);
  g_assert_null (opened);
  display_settle (300);
  g_assert_cmpstr (shown_label (h.banner, "breaking-whole-text"), ==, bulletin_article_get_title (current));
  g_assert_true (bulletin_breaking_banner_get_paused (h.banner));
  g_free (screenshot (gtk_widget_get_ancestor (find_by_class (GTK_WIDGET (h.banner), "breaking-whole-text"),
                                               GTK_TYPE_POPOVER),
                      "breaking-banner-whole-text"));

  /* Moving on closes it */
  bulletin_breaking_banner_next (h.banner);
  display_settle (300);
  g_assert_null (find_by_class (GTK_WIDGET (h.banner), "breaking-whole-text"));
  g_assert_false (bulletin_breaking_banner_get_paused (h.banner));

  harness_close (&h);
}

static BulletinArticle *
copy_item (BulletinArticle *item)
{
  BulletinArticle *copy = bulletin_article_new ();

  bulletin_article_set_id (copy, bulletin_article_get_id (item));
  bulletin_article_set_title (copy, bulletin_article_get_title (item));
  bulletin_article_set_url (copy, bulletin_article_get_url (item));
  bulletin_article_set_published (copy, bulletin_article_get_published (item));

  return copy;
}

static void
count_cb (guint *count)
{
  (*count)++;
}

static gboolean
revealer_closed (gpointer data)
{
  return gtk_widget_get_height (GTK_WIDGET (data)) == 0;
}

static gboolean
revealer_open (gpointer data)
{
  return gtk_widget_get_height (GTK_WIDGET (data)) > 0;
}

static void
test_close_and_return (void)
{
  g_autoptr(BulletinBreaking) breaking = demo_breaking ();
  g_autoptr(GListStore) store = g_list_store_new (BULLETIN_TYPE_ARTICLE);
  g_autoptr(GPtrArray) again = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(BulletinArticle) fresh = bulletin_article_new ();
  g_autoptr(GDateTime) when = g_date_time_new_utc (2026, 11, 28, 10, 58, 0);
  Harness h = { 0 };
  guint revealed_notifies = 0;

  for (guint i = 0; i < N_DEMO_ITEMS; i++)
    {
      g_autoptr(BulletinArticle) item = g_list_model_get_item (G_LIST_MODEL (breaking), i);
      g_autoptr(BulletinArticle) copy = copy_item (item);

      g_list_store_append (store, copy);
    }

  harness_open (&h, G_LIST_MODEL (store), 900);
  g_signal_connect_swapped (h.banner, "notify::revealed", G_CALLBACK (count_cb), &revealed_notifies);
  bulletin_breaking_banner_next (h.banner);
  bulletin_breaking_banner_next (h.banner);

  /* Closed: hidden, and its items with it */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (h.banner), "breaking.dismiss", NULL));
  g_assert_false (bulletin_breaking_banner_get_revealed (h.banner));
  g_assert_cmpuint (bulletin_breaking_banner_get_n_items (h.banner), ==, 0);
  g_assert_null (bulletin_breaking_banner_get_current (h.banner));
  g_assert_true (display_wait_for (revealer_closed, h.banner));
  g_free (screenshot (GTK_WIDGET (h.window), "breaking-banner-closed"));

  /* The same items again (new objects, as after a poll): still closed */
  for (guint i = 0; i < N_DEMO_ITEMS; i++)
    {
      g_autoptr(BulletinArticle) item = g_list_model_get_item (G_LIST_MODEL (store), i);

      g_ptr_array_add (again, copy_item (item));
    }
  g_list_store_splice (store, 0, N_DEMO_ITEMS, again->pdata, again->len);
  g_assert_false (bulletin_breaking_banner_get_revealed (h.banner));

  /* A newer item brings it back, with that item alone */
  bulletin_article_set_id (fresh, "demo-breaking-test-new");
  bulletin_article_set_title (fresh, "Harbour master: the storm surge has passed; the quays reopen at noon");
  bulletin_article_set_published (fresh, when);
  g_list_store_insert (store, 0, fresh);
  g_assert_true (bulletin_breaking_banner_get_revealed (h.banner));
  g_assert_cmpuint (bulletin_breaking_banner_get_n_items (h.banner), ==, 1);
  g_assert_true (bulletin_breaking_banner_get_current (h.banner) == fresh);
  g_assert_true (display_wait_for (revealer_open, h.banner));
  display_settle (600);
  g_assert_cmpstr (shown_label (h.banner, "breaking-text"), ==, bulletin_article_get_title (fresh));
  g_assert_cmpstr (shown_label (h.banner, "breaking-age"), ==, "2 min ago");
  /* one item: no count, no previous or next */
  g_assert_null (shown_label (h.banner, "breaking-count"));
  g_assert_false (bulletin_breaking_banner_advance (h.banner));
  g_assert_cmpuint (revealed_notifies, ==, 2);
  g_free (screenshot (GTK_WIDGET (h.window), "breaking-banner-returned"));

  /* The item removed at the source: hidden again */
  g_list_store_remove (store, 0);
  g_assert_false (bulletin_breaking_banner_get_revealed (h.banner));

  harness_close (&h);
}

static void
test_new_item_first (void)
{
  g_autoptr(GListStore) store = g_list_store_new (BULLETIN_TYPE_ARTICLE);
  g_autoptr(BulletinArticle) a = bulletin_article_new ();
  g_autoptr(BulletinArticle) b = bulletin_article_new ();
  g_autoptr(BulletinArticle) c = bulletin_article_new ();
  Harness h = { 0 };
  guint revealed_notifies = 0;

  bulletin_article_set_id (a, "a");
  bulletin_article_set_title (a, "The first item of the day");
  bulletin_article_set_id (b, "b");
  bulletin_article_set_title (b, "The second item of the day");
  bulletin_article_set_id (c, "c");
  bulletin_article_set_title (c, "What just happened");
  g_list_store_append (store, b);
  g_list_store_append (store, a);

  harness_open (&h, G_LIST_MODEL (store), 700);
  bulletin_breaking_banner_next (h.banner);
  g_assert_true (bulletin_breaking_banner_get_current (h.banner) == a);

  /* What just happened is shown at once */
  g_list_store_insert (store, 0, c);
  g_assert_true (bulletin_breaking_banner_get_current (h.banner) == c);
  g_assert_cmpuint (bulletin_breaking_banner_get_n_items (h.banner), ==, 3);

  /* An item leaving keeps the one shown */
  bulletin_breaking_banner_next (h.banner);
  g_assert_true (bulletin_breaking_banner_get_current (h.banner) == b);
  g_list_store_remove (store, 2);
  g_assert_true (bulletin_breaking_banner_get_current (h.banner) == b);
  g_assert_cmpuint (bulletin_breaking_banner_get_position (h.banner), ==, 1);

  /* No model: nothing shown, and said */
  g_signal_connect_swapped (h.banner, "notify::revealed", G_CALLBACK (count_cb), &revealed_notifies);
  bulletin_breaking_banner_set_model (h.banner, NULL);
  g_assert_false (bulletin_breaking_banner_get_revealed (h.banner));
  g_assert_cmpuint (revealed_notifies, ==, 1);
  g_assert_false (bulletin_breaking_banner_advance (h.banner));

  harness_close (&h);
}

static void
test_rtl (void)
{
  g_autoptr(BulletinBreaking) breaking = demo_breaking ();
  Harness h = { 0 };
  GtkWidget *chip;
  GtkWidget *close;
  graphene_rect_t chip_bounds, close_bounds;

  gtk_widget_set_default_direction (GTK_TEXT_DIR_RTL);
  harness_open (&h, G_LIST_MODEL (breaking), 700);
  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (h.banner)), ==, GTK_TEXT_DIR_RTL);

  /* Mirrored: the chip on the right, the buttons on the left */
  chip = find_by_class (GTK_WIDGET (h.banner), "breaking-chip");
  close = gtk_widget_get_last_child (gtk_widget_get_parent (find_by_class (GTK_WIDGET (h.banner), "circular")));
  g_assert_true (gtk_widget_compute_bounds (chip, GTK_WIDGET (h.banner), &chip_bounds));
  g_assert_true (gtk_widget_compute_bounds (close, GTK_WIDGET (h.banner), &close_bounds));
  g_assert_cmpfloat (chip_bounds.origin.x, >, close_bounds.origin.x);

  g_free (screenshot (GTK_WIDGET (h.window), "breaking-banner-rtl"));
  harness_close (&h);
  gtk_widget_set_default_direction (GTK_TEXT_DIR_LTR);
}

static void
test_narrow (void)
{
  g_autoptr(BulletinBreaking) breaking = demo_breaking ();
  Harness h = { 0 };

  harness_open (&h, G_LIST_MODEL (breaking), 400);
  display_settle (200);

  /* The text keeps the room of the age and the count */
  g_assert_cmpstr (shown_label (h.banner, "breaking-text"), ==, title_of (G_LIST_MODEL (breaking), 0));
  g_assert_null (shown_label (h.banner, "breaking-age"));
  g_assert_null (shown_label (h.banner, "breaking-count"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (h.banner), "compact"));
  bulletin_breaking_banner_next (h.banner);
  display_settle (600);
  g_assert_null (shown_label (h.banner, "breaking-age"));
  g_free (screenshot (GTK_WIDGET (h.window), "breaking-banner-narrow"));

  /* Wider again: all of it */
  gtk_window_set_default_size (h.window, 900, 300);
  display_settle (300);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (h.banner), "compact"));
  g_assert_cmpstr (shown_label (h.banner, "breaking-count"), ==, "2 of 10");
  g_assert_nonnull (shown_label (h.banner, "breaking-age"));

  harness_close (&h);
}

/* The banner in the reading window */

static gboolean
window_banner_revealed (gpointer data)
{
  BulletinWindow *window = data;

  return window->breaking_banner != NULL &&
         bulletin_breaking_banner_get_n_items (window->breaking_banner) == N_DEMO_ITEMS &&
         gtk_widget_get_height (GTK_WIDGET (window->breaking_banner)) > 0;
}

static gboolean
window_shows_current (gpointer data)
{
  BulletinWindow *window = data;
  BulletinArticle *current = bulletin_breaking_banner_get_current (window->breaking_banner);
  BulletinArticle *shown = bulletin_window_get_article (window);

  return shown != NULL && g_strcmp0 (bulletin_article_get_url (shown), bulletin_article_get_url (current)) == 0;
}

static gboolean
window_folded (gpointer data)
{
  BulletinWindow *window = data;

  return adw_leaflet_get_folded (window->leaflet) &&
         gtk_widget_get_parent (GTK_WIDGET (window->breaking_banner)) == window->list_pane;
}

static void
test_window (void)
{
  BulletinWindow *window;
  BulletinBreakingBanner *banner;
  BulletinBreaking *demo;

  /* The notifications' action is there from the start, with no window */
  g_assert_nonnull (g_action_map_lookup_action (G_ACTION_MAP (app), "open-breaking"));
  g_assert_true (g_variant_type_equal (g_action_group_get_action_parameter_type (G_ACTION_GROUP (app), "open-breaking"),
                                       G_VARIANT_TYPE_STRING));

  bulletin_application_set_edition_override (app, "demo");
  window = bulletin_window_new (app);
  /* Made by the first poll, after the first headlines, not with the window */
  g_assert_null (window->breaking_banner);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (display_wait_for (display_widget_mapped, window));

  /* Under the article pane's header bar, with the demo's items, polling */
  g_assert_true (display_wait_for (window_banner_revealed, window));
  banner = window->breaking_banner;
  demo = window->breaking;
  g_assert_true (bulletin_breaking_banner_get_model (banner) == G_LIST_MODEL (demo));
  g_assert_true (bulletin_breaking_is_running (demo));
  g_assert_cmpuint (bulletin_breaking_get_interval (demo), ==, 120);
  g_assert_true (gtk_widget_get_parent (GTK_WIDGET (banner)) == window->article_pane);
  g_assert_true (gtk_widget_get_prev_sibling (GTK_WIDGET (banner)) == gtk_widget_get_first_child (window->article_pane));
  g_assert_true (ADW_IS_HEADER_BAR (gtk_widget_get_prev_sibling (GTK_WIDGET (banner))));
  g_assert_true (bulletin_breaking_announcer_get_breaking (window->breaking_announcer) == demo);

  /* The reader's interval */
  g_settings_set_uint (window->settings, "breaking-interval", 300);
  g_assert_cmpuint (bulletin_breaking_get_interval (demo), ==, 300);
  g_settings_reset (window->settings, "breaking-interval");

  /* The demo's items were all announced, or rather seen in the banner */
  {
    g_auto(GStrv) seen = g_settings_get_strv (window->settings, "breaking-seen");

    g_assert_true (g_strv_contains ((const char * const *) seen, "id:demo-breaking-20261128T1052"));
    g_assert_cmpuint (g_strv_length (seen), ==, N_DEMO_ITEMS);
  }

  g_free (screenshot (GTK_WIDGET (window), "breaking-window-1280"));

  /* A click on the item opens its article in the window */
  bulletin_breaking_banner_activate_current (banner);
  g_assert_true (display_wait_for (window_shows_current, window));
  g_free (screenshot (GTK_WIDGET (window), "breaking-window-1280-article"));

  /* Folded, it moves to the headlines */
  gtk_window_set_default_size (GTK_WINDOW (window), 400, 800);
  g_assert_true (display_wait_for (window_folded, window));
  g_assert_true (bulletin_breaking_banner_get_revealed (banner));
  adw_leaflet_set_visible_child (window->leaflet, window->list_pane);
  g_free (screenshot (GTK_WIDGET (window), "breaking-window-400"));
  /* Moved, its buttons still work */
  g_assert_true (gtk_widget_is_sensitive (find_by_class (GTK_WIDGET (banner), "breaking-item")));
  g_assert_true (gtk_widget_is_sensitive (find_by_class (GTK_WIDGET (banner), "circular")));
  {
    guint position = bulletin_breaking_banner_get_position (banner);

    g_signal_emit_by_name (find_by_class (GTK_WIDGET (banner), "circular"), "clicked");
    g_assert_cmpuint (bulletin_breaking_banner_get_position (banner), ==, (position + N_DEMO_ITEMS - 1) % N_DEMO_ITEMS);
  }
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  display_settle (300);
  g_assert_true (gtk_widget_get_parent (GTK_WIDGET (banner)) == window->article_pane);

  /* Another edition: another source (offline here: nothing to show) */
  g_assert_true (bulletin_window_set_edition_id (window, "almayadeen-en"));
  g_assert_true (window->breaking != demo);
  g_assert_nonnull (window->breaking);
  g_assert_true (bulletin_breaking_banner_get_model (banner) == G_LIST_MODEL (window->breaking));
  g_assert_false (bulletin_breaking_banner_get_revealed (banner));
  g_assert_true (bulletin_breaking_is_running (window->breaking));

  g_assert_true (bulletin_window_set_edition_id (window, "demo"));
  g_assert_true (display_wait_for (window_banner_revealed, window));

  gtk_window_destroy (GTK_WINDOW (window));
  display_settle (50);
  bulletin_application_set_edition_override (app, NULL);
}

/* A notification server on the test's session bus, in this process: what
 * the app's GNotification becomes (GLib's org.freedesktop.Notifications
 * backend) is recorded. */

static const char notifications_xml[] =
  "<node><interface name='org.freedesktop.Notifications'>"
  "<method name='Notify'><arg type='s' direction='in'/><arg type='u' direction='in'/>"
  "<arg type='s' direction='in'/><arg type='s' direction='in'/><arg type='s' direction='in'/>"
  "<arg type='as' direction='in'/><arg type='a{sv}' direction='in'/><arg type='i' direction='in'/>"
  "<arg type='u' direction='out'/></method>"
  "<method name='CloseNotification'><arg type='u' direction='in'/></method>"
  "<method name='GetCapabilities'><arg type='as' direction='out'/></method>"
  "<method name='GetServerInformation'><arg type='s' direction='out'/><arg type='s' direction='out'/>"
  "<arg type='s' direction='out'/><arg type='s' direction='out'/></method>"
  "<signal name='ActionInvoked'><arg type='u'/><arg type='s'/></signal>"
  "<signal name='NotificationClosed'><arg type='u'/><arg type='u'/></signal>"
  "</interface></node>";

typedef struct
{
  GPtrArray *notified;   /* GVariant: the parameters of each Notify */
  guint      closed;
  guint      last_id;
  gboolean   owned;
} NotificationServer;

static void
notifications_method_cb (GDBusConnection       *connection,
                         const char            *sender,
                         const char            *object_path,
                         const char            *interface_name,
                         const char            *method_name,
                         GVariant              *parameters,
                         GDBusMethodInvocation *invocation,
                         gpointer               user_data)
{
  NotificationServer *server = user_data;

  if (g_str_equal (method_name, "Notify"))
    {
      g_ptr_array_add (server->notified, g_variant_ref (parameters));
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", ++server->last_id));
    }
  else if (g_str_equal (method_name, "CloseNotification"))
    {
      server->closed++;
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
  else if (g_str_equal (method_name, "GetCapabilities"))
    {
      const char *caps[] = { "actions", "body", NULL };

      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(^as)", caps));
    }
  else
    g_dbus_method_invocation_return_value (invocation, g_variant_new ("(ssss)", "test", "bulletin", "1", "1.2"));
}

static void
name_acquired_cb (GDBusConnection *connection,
                  const char      *name,
                  gpointer         user_data)
{
  NotificationServer *server = user_data;

  server->owned = TRUE;
}

static gboolean
server_owned (gpointer data)
{
  return ((NotificationServer *) data)->owned;
}

static gboolean
one_notification (gpointer data)
{
  return ((NotificationServer *) data)->notified->len >= 1;
}

static gboolean
two_notifications (gpointer data)
{
  return ((NotificationServer *) data)->notified->len >= 2;
}

/* GLib's notification backend can close a notification only once the
 * server's reply to Notify gave it the notification's number; withdrawn
 * before that, it is forgotten, not closed. The server is in this process
 * and answers on the app's own connection, through the bus: a call to the
 * bus after it returns once the answer is back, and the main loop then
 * hands it to GLib. */
static void
wait_for_notify_replies (GDBusConnection *connection)
{
  g_autoptr(GVariant) id = NULL;

  id = g_dbus_connection_call_sync (connection, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                    "org.freedesktop.DBus", "GetId", NULL, NULL,
                                    G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
  g_assert_nonnull (id);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
notification_closed (gpointer data)
{
  return ((NotificationServer *) data)->closed >= 1;
}

static gboolean
window_inactive (gpointer data)
{
  return !gtk_window_is_active (GTK_WINDOW (data));
}

static gboolean
window_active (gpointer data)
{
  return gtk_window_is_active (GTK_WINDOW (data));
}

static gboolean
window_shows_regatta (gpointer data)
{
  BulletinArticle *shown = bulletin_window_get_article (data);

  return shown != NULL &&
         g_strcmp0 (bulletin_article_get_url (shown), "https://demo.bulletinapp.invalid/in-pictures/the-lagoon-regatta") == 0;
}

static void
test_notification (void)
{
  static const GDBusInterfaceVTable vtable = { notifications_method_cb, NULL, NULL };
  GDBusConnection *connection = g_application_get_dbus_connection (G_APPLICATION (app));
  g_autoptr(GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (notifications_xml, NULL);
  g_autoptr(BulletinArticle) fresh = bulletin_article_new ();
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  NotificationServer server = { g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref) };
  BulletinWindow *window;
  GtkWidget *other;
  guint registration, owner;
  const char *summary, *body;
  g_autofree const char **actions = NULL;

  g_assert_nonnull (connection);
  registration = g_dbus_connection_register_object (connection, "/org/freedesktop/Notifications",
                                                    info->interfaces[0], &vtable, &server, NULL, NULL);
  g_assert_cmpuint (registration, >, 0);
  owner = g_bus_own_name_on_connection (connection, "org.freedesktop.Notifications",
                                        G_BUS_NAME_OWNER_FLAGS_NONE, name_acquired_cb, NULL, &server, NULL);
  g_assert_true (display_wait_for (server_owned, &server));

  /* A window opened: its first items are in the banner only */
  bulletin_application_set_edition_override (app, "demo");
  window = bulletin_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (display_wait_for (display_widget_mapped, window));
  g_assert_true (display_wait_for (window_banner_revealed, window));
  g_assert_true (display_wait_for (window_active, window));
  display_settle (200);
  g_assert_cmpuint (server.notified->len, ==, 0);

  /* Another window takes the focus: the reader looks elsewhere */
  other = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (other), 200, 100);
  gtk_window_present (GTK_WINDOW (other));
  g_assert_true (display_wait_for (window_inactive, window));
  g_assert_false (bulletin_breaking_announcer_get_window_focused (window->breaking_announcer));

  /* A new item: one notification, with the item and its article */
  bulletin_article_set_id (fresh, "demo-breaking-test-notification");
  bulletin_article_set_title (fresh, "Regatta crews to sail again at dawn after the storm delay");
  bulletin_article_set_url (fresh, "https://demo.bulletinapp.invalid/in-pictures/the-lagoon-regatta");
  g_ptr_array_add (items, fresh);
  g_assert_cmpuint (bulletin_breaking_announcer_offer (window->breaking_announcer, items), ==, 1);
  g_assert_true (display_wait_for (one_notification, &server));
  g_variant_get (g_ptr_array_index (server.notified, 0), "(&su&s&s&s^a&s@a{sv}i)",
                 NULL, NULL, NULL, &summary, &body, &actions, NULL, NULL);
  g_assert_cmpstr (summary, ==, "Breaking News");
  g_assert_cmpstr (body, ==, "Regatta crews to sail again at dawn after the storm delay");
  g_assert_cmpstr (actions[0], ==, "default");
  g_assert_cmpstr (actions[3], ==, "Read Article");

  /* Only once */
  g_assert_cmpuint (bulletin_breaking_announcer_offer (window->breaking_announcer, items), ==, 0);
  display_settle (200);
  g_assert_cmpuint (server.notified->len, ==, 1);

  /* Clicked: the article opens in the window */
  g_dbus_connection_emit_signal (connection, NULL, "/org/freedesktop/Notifications",
                                 "org.freedesktop.Notifications", "ActionInvoked",
                                 g_variant_new ("(us)", server.last_id, "default"), NULL);
  g_assert_true (display_wait_for (window_shows_regatta, window));

  /* The action presented the window */
  g_assert_true (display_wait_for (window_active, window));
  g_assert_true (bulletin_breaking_announcer_get_window_focused (window->breaking_announcer));

  /* In the background again, two new items: one notification for both */
  gtk_window_present (GTK_WINDOW (other));
  g_assert_true (display_wait_for (window_inactive, window));
  {
    g_autoptr(BulletinArticle) a = bulletin_article_new ();
    g_autoptr(BulletinArticle) b = bulletin_article_new ();

    bulletin_article_set_id (a, "demo-breaking-test-a");
    bulletin_article_set_title (a, "Ferry services resume on the northern route");
    bulletin_article_set_id (b, "demo-breaking-test-b");
    bulletin_article_set_title (b, "Power restored to most homes in Westmark");
    g_ptr_array_set_size (items, 0);
    g_ptr_array_add (items, a);
    g_ptr_array_add (items, b);
    g_assert_cmpuint (bulletin_breaking_announcer_offer (window->breaking_announcer, items), ==, 2);
  }
  g_assert_true (display_wait_for (two_notifications, &server));
  g_variant_get (g_ptr_array_index (server.notified, 1), "(&su&s&s&s^a&s@a{sv}i)",
                 NULL, NULL, NULL, &summary, &body, NULL, NULL, NULL);
  g_assert_cmpstr (summary, ==, "2 Breaking News Items");
  g_assert_cmpstr (body, ==, "Ferry services resume on the northern route\nPower restored to most homes in Westmark");

  /* Back in the window: the notification is withdrawn */
  wait_for_notify_replies (connection);
  gtk_window_destroy (GTK_WINDOW (other));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (display_wait_for (window_active, window));
  g_assert_true (display_wait_for (notification_closed, &server));

  gtk_window_destroy (GTK_WINDOW (window));
  display_settle (50);
  bulletin_application_set_edition_override (app, NULL);
  g_bus_unown_name (owner);
  g_dbus_connection_unregister_object (connection, registration);
  g_ptr_array_unref (server.notified);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* Nothing reaches the internet: the Al Mayadeen editions find a proxy
   * that refuses every connection */
  display_block_network ();
  g_setenv ("LANGUAGE", "C", TRUE);
  display_init (&argc, &argv, "test-breaking-banner");
  app = display_application_new ();

  g_test_add_func ("/breaking-banner/demo-items", test_demo_items);
  g_test_add_func ("/breaking-banner/pause", test_pause);
  g_test_add_func ("/breaking-banner/timer", test_timer);
  g_test_add_func ("/breaking-banner/activate", test_activate);
  g_test_add_func ("/breaking-banner/close-and-return", test_close_and_return);
  g_test_add_func ("/breaking-banner/new-item-first", test_new_item_first);
  g_test_add_func ("/breaking-banner/rtl", test_rtl);
  g_test_add_func ("/breaking-banner/narrow", test_narrow);
  g_test_add_func ("/breaking-banner/window", test_window);
  g_test_add_func ("/breaking-banner/notification", test_notification);

  status = g_test_run ();

  g_clear_object (&app);

  return status;
}
