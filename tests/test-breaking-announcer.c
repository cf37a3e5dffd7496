/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-breaking-announcer"

#include "config.h"

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>
#include <string.h>

#include "bulletin-core.h"
#include "fixture-server.h"

/* The announcer over a real BulletinBreaking polling a local server: each
 * item is told once, across restarts too, several at once in one
 * announcement, never while the window is focused or notifications are off.
 * Announcements go to a test sink that records them.
 */

#define FEED_PATH "/announcer/breaking.xml"

static FixtureServer *server;

/* The test sink */

typedef struct
{
  char  *title;
  char  *body;
  char  *url;
  guint  count;
} Announcement;

static void
announcement_free (Announcement *a)
{
  g_free (a->title);
  g_free (a->body);
  g_free (a->url);
  g_free (a);
}

static void
sink (const char *title,
      const char *body,
      const char *article_url,
      guint       count,
      gpointer    user_data)
{
  GPtrArray *calls = user_data;
  Announcement *a = g_new0 (Announcement, 1);

  a->title = g_strdup (title);
  a->body = g_strdup (body);
  a->url = g_strdup (article_url);
  a->count = count;
  g_ptr_array_add (calls, a);
}

static Announcement *
call (GPtrArray *calls,
      guint      i)
{
  g_assert_cmpuint (i, <, calls->len);
  return g_ptr_array_index (calls, i);
}

/* The source: an RSS feed of items "id|title|url" (url may be empty) */

static void
serve_items (const char * const *items)
{
  g_autoptr(GString) feed = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                          "<rss version=\"2.0\"><channel><title>Breaking</title>"
                                          "<link>@BASE@/outlet/</link>");

  for (guint i = 0; items[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (items[i], "|", 3);
      g_autofree char *title = g_markup_escape_text (parts[1], -1);

      g_string_append_printf (feed, "<item><guid isPermaLink=\"false\">%s</guid><title>%s</title>", parts[0], title);
      if (parts[2] != NULL && parts[2][0] != '\0')
        g_string_append_printf (feed, "<link>@BASE@%s</link>", parts[2]);
      g_string_append (feed, "<pubDate>Sat, 28 Nov 2026 10:00:00 +0000</pubDate></item>");
    }
  g_string_append (feed, "</channel></rss>");

  fixture_server_set_content (server, FEED_PATH, "application/rss+xml", feed->str, -1);
}

static BulletinEdition *
new_edition (const char *id)
{
  g_autofree char *json = g_strdup_printf (
    "{\"format\": 1, \"id\": \"%s\", \"name\": \"Announcer\", \"language\": \"en\", \"direction\": \"ltr\","
    " \"home\": \"%s/outlet/\", \"breaking\": {\"type\": \"feed\", \"url\": \"%s" FEED_PATH "\"},"
    " \"groups\": [{\"id\": \"news\", \"title\": \"News\", \"sections\": ["
    " {\"id\": \"politics\", \"title\": \"Politics\", \"sources\": [{\"type\": \"feed\", \"url\": \"%s/outlet/politics.xml\"}]}]}]}",
    id, fixture_server_get_base (server), fixture_server_get_base (server), fixture_server_get_base (server));
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
  g_autoptr(GError) error = NULL;
  BulletinEdition *edition = bulletin_edition_new_from_bytes (bytes, NULL, &error);

  g_assert_no_error (error);
  return edition;
}

static BulletinClient *
new_client (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "bulletin", "http", NULL);
  BulletinClient *client = bulletin_client_new (dir);

  bulletin_client_set_timeout (client, 5);

  return client;
}

typedef struct
{
  gboolean  done;
  gboolean  ok;
  GError   *error;
} Poll;

static void
poll_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Poll *poll = user_data;

  poll->ok = bulletin_breaking_refresh_finish (BULLETIN_BREAKING (object), result, &poll->error);
  poll->done = TRUE;
}

static gboolean
poll_run (BulletinBreaking  *breaking,
          GError           **error)
{
  Poll poll = { 0 };

  bulletin_breaking_refresh_async (breaking, NULL, poll_cb, &poll);
  while (!poll.done)
    g_main_context_iteration (NULL, TRUE);
  if (poll.error != NULL)
    g_propagate_error (error, poll.error);

  return poll.ok;
}

static void
poll_ok (BulletinBreaking *breaking)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (poll_run (breaking, &error));
  g_assert_no_error (error);
}

static const char *
title_at (BulletinBreaking *breaking,
          guint             i)
{
  g_autoptr(BulletinArticle) item = g_list_model_get_item (G_LIST_MODEL (breaking), i);

  g_assert_nonnull (item);
  return bulletin_article_get_title (item);
}

/* A fixture: settings in the memory backend, reset; a breaking over a fresh
 * edition; an announcer with the test sink following it. */

typedef struct
{
  GSettings                 *settings;
  BulletinClient            *client;
  BulletinEdition           *edition;
  BulletinBreaking          *breaking;
  BulletinBreakingAnnouncer *announcer;
  GPtrArray                 *calls;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  fixture_server_clear_overrides (server);
  f->settings = g_settings_new (APP_ID);
  g_settings_reset (f->settings, "breaking-seen");
  g_settings_reset (f->settings, "breaking-notifications");
  f->client = new_client ();
  f->edition = new_edition ("announcer");
  f->breaking = bulletin_breaking_new (f->client, f->edition);
  f->calls = g_ptr_array_new_with_free_func ((GDestroyNotify) announcement_free);
  f->announcer = bulletin_breaking_announcer_new (f->settings);
  bulletin_breaking_announcer_set_sink (f->announcer, sink, g_ptr_array_ref (f->calls),
                                        (GDestroyNotify) g_ptr_array_unref);
  bulletin_breaking_announcer_set_breaking (f->announcer, f->breaking);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->announcer);
  g_clear_object (&f->breaking);
  g_clear_object (&f->edition);
  g_clear_object (&f->client);
  g_clear_object (&f->settings);
  g_clear_pointer (&f->calls, g_ptr_array_unref);
  fixture_server_clear_overrides (server);
}

/* Tests */

static void
test_items_appear (Fixture       *f,
                   gconstpointer  data)
{
  const char *one[] = { "b-1|Storm closes the coast road|/outlet/news/storm", NULL };
  const char *two[] = { "b-2|Ferries cancelled for the night|", "b-1|Storm closes the coast road|/outlet/news/storm", NULL };
  g_autofree char *url = fixture_server_url (server, "/outlet/news/storm");
  g_auto(GStrv) seen = NULL;

  serve_items (one);
  poll_ok (f->breaking);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->breaking)), ==, 1);
  g_assert_cmpstr (title_at (f->breaking, 0), ==, "Storm closes the coast road");

  /* One item: told with its text, and its article to open */
  g_assert_cmpuint (f->calls->len, ==, 1);
  g_assert_cmpstr (call (f->calls, 0)->title, ==, "Breaking News");
  g_assert_cmpstr (call (f->calls, 0)->body, ==, "Storm closes the coast road");
  g_assert_cmpstr (call (f->calls, 0)->url, ==, url);
  g_assert_cmpuint (call (f->calls, 0)->count, ==, 1);

  /* Remembered in the setting */
  seen = g_settings_get_strv (f->settings, "breaking-seen");
  g_assert_cmpstrv (seen, ((const char *[]) { "id:b-1", NULL }));

  /* A new item on top: only it is told; it has no article */
  serve_items (two);
  poll_ok (f->breaking);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->breaking)), ==, 2);
  g_assert_cmpstr (title_at (f->breaking, 0), ==, "Ferries cancelled for the night");
  g_assert_cmpuint (f->calls->len, ==, 2);
  g_assert_cmpstr (call (f->calls, 1)->body, ==, "Ferries cancelled for the night");
  g_assert_null (call (f->calls, 1)->url);
  g_assert_cmpuint (call (f->calls, 1)->count, ==, 1);
}

static void
test_duplicates (Fixture       *f,
                 gconstpointer  data)
{
  const char *items[] = {
    "d-1|Bridge reopens after repairs|/outlet/news/bridge",
    "d-1|Bridge reopens after repairs|/outlet/news/bridge",
    "d-2|Council meets tonight on the budget|",
    NULL
  };

  serve_items (items);
  poll_ok (f->breaking);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->breaking)), ==, 2);
  g_assert_cmpuint (f->calls->len, ==, 1);
  g_assert_cmpuint (call (f->calls, 0)->count, ==, 2);

  /* Polled again and again: nothing more to tell */
  for (guint i = 0; i < 3; i++)
    poll_ok (f->breaking);
  g_assert_cmpuint (f->calls->len, ==, 1);

  /* The same items offered straight to the announcer: still nothing */
  {
    g_autoptr(GPtrArray) again = g_ptr_array_new_with_free_func (g_object_unref);

    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (f->breaking)); i++)
      g_ptr_array_add (again, g_list_model_get_item (G_LIST_MODEL (f->breaking), i));
    g_assert_cmpuint (bulletin_breaking_announcer_offer (f->announcer, again), ==, 0);
    g_assert_true (bulletin_breaking_announcer_has_seen (f->announcer, g_ptr_array_index (again, 0)));
  }
  g_assert_cmpuint (f->calls->len, ==, 1);
}

static void
test_removed_at_source (Fixture       *f,
                        gconstpointer  data)
{
  const char *both[] = { "r-2|Second item of the morning|", "r-1|First item of the morning|", NULL };
  const char *second[] = { "r-2|Second item of the morning|", NULL };

  serve_items (both);
  poll_ok (f->breaking);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->breaking)), ==, 2);
  g_assert_cmpuint (f->calls->len, ==, 1);

  /* r-1 left the source: it leaves the list */
  serve_items (second);
  poll_ok (f->breaking);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->breaking)), ==, 1);
  g_assert_cmpstr (title_at (f->breaking, 0), ==, "Second item of the morning");

  /* and coming back is not news */
  serve_items (both);
  poll_ok (f->breaking);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->breaking)), ==, 2);
  g_assert_cmpuint (f->calls->len, ==, 1);
}

static void
test_failing_source (Fixture       *f,
                     gconstpointer  data)
{
  const char *items[] = { "f-1|Power restored in the north|", NULL };
  const char *more[] = { "f-2|Schools reopen on Monday|", "f-1|Power restored in the north|", NULL };
  g_autoptr(GError) error = NULL;
  guint interval;

  serve_items (items);
  poll_ok (f->breaking);
  interval = bulletin_breaking_get_interval (f->breaking);
  g_assert_cmpuint (bulletin_breaking_get_next_delay (f->breaking), ==, interval);
  g_assert_cmpuint (f->calls->len, ==, 1);

  /* The source fails: the last items stay, polls back off, nothing is told */
  fixture_server_set_alias (server, FEED_PATH, "/fault/500");
  g_assert_false (poll_run (f->breaking, &error));
  g_assert_error (error, BULLETIN_ERROR, BULLETIN_ERROR_SERVER);
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->breaking)), ==, 1);
  g_assert_cmpstr (title_at (f->breaking, 0), ==, "Power restored in the north");
  g_assert_cmpuint (bulletin_breaking_get_next_delay (f->breaking), ==, 2 * interval);
  g_assert_false (poll_run (f->breaking, &error));
  g_clear_error (&error);
  g_assert_cmpuint (bulletin_breaking_get_next_delay (f->breaking), ==, 4 * interval);
  g_assert_cmpuint (f->calls->len, ==, 1);

  /* Back: the delay is the interval again; only the new item is told */
  serve_items (more);
  poll_ok (f->breaking);
  g_assert_cmpuint (bulletin_breaking_get_next_delay (f->breaking), ==, interval);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->breaking)), ==, 2);
  g_assert_cmpuint (f->calls->len, ==, 2);
  g_assert_cmpstr (call (f->calls, 1)->body, ==, "Schools reopen on Monday");
}

static void
test_grouped (Fixture       *f,
              gconstpointer  data)
{
  const char *items[] = {
    "g-5|Fifth item|/outlet/news/5",
    "g-4|Fourth item|/outlet/news/4",
    "g-3|Third item|/outlet/news/3",
    "g-2|Second item|/outlet/news/2",
    "g-1|First item|/outlet/news/1",
    NULL
  };
  const char *two[] = { "h-2|Later item two|", "h-1|Later item one|", NULL };

  serve_items (items);
  poll_ok (f->breaking);

  /* Five at once: one announcement, the newest three lines and the rest counted */
  g_assert_cmpuint (f->calls->len, ==, 1);
  g_assert_cmpuint (call (f->calls, 0)->count, ==, 5);
  g_assert_cmpstr (call (f->calls, 0)->title, ==, "5 Breaking News Items");
  g_assert_cmpstr (call (f->calls, 0)->body, ==, "Fifth item\nFourth item\nThird item\nand 2 more");
  /* Several items: the window is the place to read them, not one article */
  g_assert_null (call (f->calls, 0)->url);

  serve_items (two);
  poll_ok (f->breaking);
  g_assert_cmpuint (f->calls->len, ==, 2);
  g_assert_cmpuint (call (f->calls, 1)->count, ==, 2);
  g_assert_cmpstr (call (f->calls, 1)->title, ==, "2 Breaking News Items");
  g_assert_cmpstr (call (f->calls, 1)->body, ==, "Later item two\nLater item one");
}

static void
test_focused (Fixture       *f,
              gconstpointer  data)
{
  const char *first[] = { "w-1|Told in the banner only|", NULL };
  const char *second[] = { "w-2|Told in a notification|", "w-1|Told in the banner only|", NULL };
  g_autoptr(BulletinArticle) item = NULL;

  bulletin_breaking_announcer_set_window_focused (f->announcer, TRUE);
  g_assert_true (bulletin_breaking_announcer_get_window_focused (f->announcer));
  serve_items (first);
  poll_ok (f->breaking);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->breaking)), ==, 1);
  g_assert_cmpuint (f->calls->len, ==, 0);

  /* The reader saw it: it is not told when the window loses focus */
  item = g_list_model_get_item (G_LIST_MODEL (f->breaking), 0);
  g_assert_true (bulletin_breaking_announcer_has_seen (f->announcer, item));
  g_object_set (f->announcer, "window-focused", FALSE, NULL);
  poll_ok (f->breaking);
  g_assert_cmpuint (f->calls->len, ==, 0);

  serve_items (second);
  poll_ok (f->breaking);
  g_assert_cmpuint (f->calls->len, ==, 1);
  g_assert_cmpstr (call (f->calls, 0)->body, ==, "Told in a notification");
}

static void
test_disabled (Fixture       *f,
               gconstpointer  data)
{
  const char *first[] = { "s-1|While notifications are off|", NULL };
  const char *second[] = { "s-2|After they are back on|", "s-1|While notifications are off|", NULL };

  g_settings_set_boolean (f->settings, "breaking-notifications", FALSE);
  g_assert_false (bulletin_breaking_announcer_get_enabled (f->announcer));
  serve_items (first);
  poll_ok (f->breaking);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->breaking)), ==, 1);
  g_assert_cmpuint (f->calls->len, ==, 0);

  /* Turned back on: the old item does not come out late */
  g_settings_set_boolean (f->settings, "breaking-notifications", TRUE);
  g_assert_true (bulletin_breaking_announcer_get_enabled (f->announcer));
  serve_items (second);
  poll_ok (f->breaking);
  g_assert_cmpuint (f->calls->len, ==, 1);
  g_assert_cmpuint (call (f->calls, 0)->count, ==, 1);
  g_assert_cmpstr (call (f->calls, 0)->body, ==, "After they are back on");
}

static GSettings *
keyfile_settings (const char *path)
{
  g_autoptr(GSettingsBackend) backend = g_keyfile_settings_backend_new (path, "/", NULL);

  return g_settings_new_with_backend (APP_ID, backend);
}

static void
test_restart (void)
{
  g_autofree char *path = g_build_filename (g_get_user_config_dir (), "announcer-restart.keyfile", NULL);
  g_autoptr(BulletinClient) client = new_client ();
  g_autoptr(BulletinEdition) edition = new_edition ("restart");
  g_autoptr(GPtrArray) calls = g_ptr_array_new_with_free_func ((GDestroyNotify) announcement_free);
  const char *items[] = { "k-2|Kept across runs, two|", "k-1|Kept across runs, one|", NULL };
  const char *more[] = { "k-3|Only in the second run|", "k-2|Kept across runs, two|", "k-1|Kept across runs, one|", NULL };
  g_autofree char *contents = NULL;

  fixture_server_clear_overrides (server);
  serve_items (items);

  /* First run */
  {
    g_autoptr(GSettings) settings = keyfile_settings (path);
    g_autoptr(BulletinBreaking) breaking = bulletin_breaking_new (client, edition);
    g_autoptr(BulletinBreakingAnnouncer) announcer = bulletin_breaking_announcer_new (settings);

    bulletin_breaking_announcer_set_sink (announcer, sink, calls, NULL);
    bulletin_breaking_announcer_set_breaking (announcer, breaking);
    poll_ok (breaking);
    g_assert_cmpuint (calls->len, ==, 1);
    g_assert_cmpuint (call (calls, 0)->count, ==, 2);
    g_settings_sync ();
  }

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "breaking-seen"));
  g_assert_nonnull (strstr (contents, "id:k-1"));

  /* Second run: new objects over the same file; the breaking news object
   * itself knows nothing of the first run. */
  {
    g_autoptr(GSettings) settings = keyfile_settings (path);
    g_autoptr(BulletinBreaking) breaking = bulletin_breaking_new (client, edition);
    g_autoptr(BulletinBreakingAnnouncer) announcer = bulletin_breaking_announcer_new (settings);
    g_auto(GStrv) seen = NULL;

    bulletin_breaking_announcer_set_sink (announcer, sink, calls, NULL);
    bulletin_breaking_announcer_set_breaking (announcer, breaking);
    poll_ok (breaking);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (breaking)), ==, 2);
    g_assert_cmpuint (calls->len, ==, 1);

    serve_items (more);
    poll_ok (breaking);
    g_assert_cmpuint (calls->len, ==, 2);
    g_assert_cmpstr (call (calls, 1)->body, ==, "Only in the second run");

    seen = bulletin_breaking_announcer_dup_seen (announcer);
    g_assert_cmpstrv (seen, ((const char *[]) { "id:k-2", "id:k-1", "id:k-3", NULL }));
    g_settings_sync ();
  }

  fixture_server_clear_overrides (server);
}

static BulletinArticle *
make_item (const char *id,
           const char *title)
{
  BulletinArticle *item = bulletin_article_new ();

  bulletin_article_set_id (item, id);
  bulletin_article_set_title (item, title);

  return item;
}

static void
test_seen_bounded (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(BulletinArticle) oldest = NULL;
  g_autoptr(BulletinArticle) newest = NULL;
  g_auto(GStrv) stored = NULL;
  guint n = BULLETIN_BREAKING_ANNOUNCER_MAX_SEEN + 50;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("n-%u", i);
      g_autofree char *title = g_strdup_printf ("Item number %u", i);

      g_ptr_array_add (items, make_item (id, title));
    }

  g_assert_cmpuint (bulletin_breaking_announcer_offer (f->announcer, items), ==, n);
  g_assert_cmpuint (f->calls->len, ==, 1);
  g_assert_cmpuint (call (f->calls, 0)->count, ==, n);

  stored = g_settings_get_strv (f->settings, "breaking-seen");
  g_assert_cmpuint (g_strv_length (stored), ==, BULLETIN_BREAKING_ANNOUNCER_MAX_SEEN);
  g_assert_cmpstr (stored[0], ==, "id:n-50");
  g_assert_cmpstr (stored[BULLETIN_BREAKING_ANNOUNCER_MAX_SEEN - 1], ==, "id:n-249");

  oldest = make_item ("n-0", "Item number 0");
  newest = make_item ("n-249", "Item number 249");
  g_assert_false (bulletin_breaking_announcer_has_seen (f->announcer, oldest));
  g_assert_true (bulletin_breaking_announcer_has_seen (f->announcer, newest));
}

static void
test_outside_change (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GSettings) other = g_settings_new (APP_ID);
  g_autoptr(BulletinArticle) item = make_item ("o-1", "Announced by another instance");
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  const char *seen[] = { "id:o-1", NULL };

  g_assert_false (bulletin_breaking_announcer_has_seen (f->announcer, item));
  g_settings_set_strv (other, "breaking-seen", seen);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_true (bulletin_breaking_announcer_has_seen (f->announcer, item));

  g_ptr_array_add (items, item);
  g_assert_cmpuint (bulletin_breaking_announcer_offer (f->announcer, items), ==, 0);
  g_assert_cmpuint (f->calls->len, ==, 0);
}

static void
test_offer_hostile (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(BulletinArticle) empty = bulletin_article_new ();
  g_autoptr(GPtrArray) none = g_ptr_array_new ();

  /* Nothing, an item with no text, one with blank text, the same twice */
  g_assert_cmpuint (bulletin_breaking_announcer_offer (f->announcer, none), ==, 0);
  g_ptr_array_add (items, g_object_ref (empty));
  g_ptr_array_add (items, make_item ("x-1", ""));
  g_ptr_array_add (items, make_item ("x-2", "Kept <b>as text</b> & not markup"));
  g_ptr_array_add (items, make_item ("x-2", "Kept <b>as text</b> & not markup"));
  g_assert_cmpuint (bulletin_breaking_announcer_offer (f->announcer, items), ==, 1);
  g_assert_cmpuint (f->calls->len, ==, 1);
  g_assert_cmpstr (call (f->calls, 0)->body, ==, "Kept <b>as text</b> & not markup");
  g_assert_false (bulletin_breaking_announcer_has_seen (f->announcer, empty));

  /* No sink: still marked seen, nothing told */
  bulletin_breaking_announcer_set_sink (f->announcer, NULL, NULL, NULL);
  g_ptr_array_set_size (items, 0);
  g_ptr_array_add (items, make_item ("x-3", "Nobody listening"));
  g_assert_cmpuint (bulletin_breaking_announcer_offer (f->announcer, items), ==, 0);
  g_assert_true (bulletin_breaking_announcer_has_seen (f->announcer, g_ptr_array_index (items, 0)));
}

static void
test_edition_switch (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(BulletinEdition) other_edition = new_edition ("announcer-other");
  g_autoptr(BulletinBreaking) other = bulletin_breaking_new (f->client, other_edition);
  const char *items[] = { "e-1|From the first edition|", NULL };
  const char *more[] = { "e-2|From the second edition|", "e-1|From the first edition|", NULL };

  serve_items (items);
  poll_ok (f->breaking);
  g_assert_cmpuint (f->calls->len, ==, 1);

  /* After a switch the old edition's news is no longer followed */
  g_object_set (f->announcer, "breaking", other, NULL);
  g_assert_true (bulletin_breaking_announcer_get_breaking (f->announcer) == other);
  serve_items (more);
  poll_ok (f->breaking);
  g_assert_cmpuint (f->calls->len, ==, 1);

  /* The new one's items: e-1 was told already, e-2 was not */
  poll_ok (other);
  g_assert_cmpuint (f->calls->len, ==, 2);
  g_assert_cmpstr (call (f->calls, 1)->body, ==, "From the second edition");

  bulletin_breaking_announcer_set_breaking (f->announcer, NULL);
  g_assert_null (bulletin_breaking_announcer_get_breaking (f->announcer));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  server = fixture_server_new ();

#define ADD(path, func) \
  g_test_add ("/breaking-announcer/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("items-appear", test_items_appear);
  ADD ("duplicates", test_duplicates);
  ADD ("removed-at-source", test_removed_at_source);
  ADD ("failing-source", test_failing_source);
  ADD ("grouped", test_grouped);
  ADD ("focused", test_focused);
  ADD ("disabled", test_disabled);
  ADD ("seen-bounded", test_seen_bounded);
  ADD ("outside-change", test_outside_change);
  ADD ("offer-hostile", test_offer_hostile);
  ADD ("edition-switch", test_edition_switch);
  g_test_add_func ("/breaking-announcer/restart", test_restart);

#undef ADD

  status = g_test_run ();
  fixture_server_free (server);

  return status;
}
