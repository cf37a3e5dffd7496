/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-saved"

#include "config.h"

#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <adwaita.h>
#include <webkit/webkit.h>

#include "bulletin-application.h"
#include "bulletin-article-view.h"
#include "bulletin-headline-list.h"
#include "bulletin-preferences-window.h"
#include "bulletin-section-model.h"
#include "bulletin-window.h"
#include "bulletin-window-private.h"

#include "display-utils.h"

/* Saved articles in the real window under Xvfb: saving, removing with
 * undo, sorting, the row menu, import and export, the storage preferences,
 * and reading every saved article with the network gone. Screenshots go
 * to <builddir>/tests/screenshots/. */

static BulletinApplication *app;

/* Helpers */

static gboolean
queue_empty (gpointer data)
{
  return bulletin_save_queue_get_n_pending (bulletin_application_get_save_queue (app)) == 0;
}

static void
activate (BulletinWindow *window,
          const char     *action,
          GVariant       *parameter)
{
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (window), action, parameter));
}

static BulletinBookmarks *
bookmarks (void)
{
  return bulletin_application_get_bookmarks (app);
}

static BulletinLibrary *
library (void)
{
  return bulletin_application_get_library (app);
}

static gboolean
settings_have (const char *url)
{
  g_autoptr(GVariant) value = g_settings_get_value (bulletin_application_get_settings (app), "bookmarks");
  gsize n = g_variant_n_children (value);

  for (gsize i = 0; i < n; i++)
    {
      g_autoptr(GVariant) dict = g_variant_get_child_value (value, i);
      const char *bookmark = NULL;

      if (g_variant_lookup (dict, "url", "&s", &bookmark) && g_strcmp0 (bookmark, url) == 0)
        return TRUE;
    }

  return FALSE;
}

/* The list is written when the main loop is idle after a toggle */
static gboolean
settings_have_cb (gpointer data)
{
  return settings_have (data);
}

static gboolean
settings_lack_cb (gpointer data)
{
  return !settings_have (data);
}

/* Empties Saved and the library, so that each test starts clean */
static void
clear_saved (void)
{
  BulletinBookmarks *list = bookmarks ();

  while (g_list_model_get_n_items (G_LIST_MODEL (list)) > 0)
    {
      g_autoptr(BulletinArticle) stub = g_list_model_get_item (G_LIST_MODEL (list), 0);
      g_autofree char *url = g_strdup (bulletin_article_get_url (stub));

      g_assert_true (bulletin_bookmarks_remove (list, url));
      g_assert_true (bulletin_library_remove (library (), url, NULL));
    }
  bulletin_save_queue_cancel_all (bulletin_application_get_save_queue (app));
  g_assert_true (display_wait_for (queue_empty, NULL));
}

/* The articles the list shows, in order */
static GPtrArray *
shown_urls (BulletinWindow *window)
{
  GPtrArray *urls = g_ptr_array_new_with_free_func (g_free);
  BulletinHeadlineList *list = window->headline_list;

  /* Walk the selection from the top */
  while (bulletin_headline_list_get_selected_article (list) != NULL &&
         bulletin_headline_list_select_previous (list))
    ;
  if (bulletin_headline_list_get_selected_article (list) == NULL &&
      !bulletin_headline_list_select_next (list))
    return urls;

  do
    g_ptr_array_add (urls, g_strdup (bulletin_article_get_url (bulletin_headline_list_get_selected_article (list))));
  while (bulletin_headline_list_select_next (list));

  return urls;
}

/* A local outlet: article pages are not needed, as the articles come with
 * their body; the server serves their images, real PNGs a page can decode */

typedef struct
{
  SoupServer *server;
  char       *base;
  guint       requests;
  gboolean    stall;
  GPtrArray  *stalled;     /* SoupServerMessage held while stall is set */
} ImageServer;

static GBytes *
make_png (guint colour)
{
  g_autoptr(GBytes) pixels = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  guint8 data[16 * 12 * 4];

  for (guint i = 0; i < sizeof data; i += 4)
    {
      data[i] = colour & 0xff;
      data[i + 1] = (colour >> 8) & 0xff;
      data[i + 2] = (colour >> 16) & 0xff;
      data[i + 3] = 0xff;
    }
  pixels = g_bytes_new (data, sizeof data);
  texture = gdk_memory_texture_new (16, 12, GDK_MEMORY_R8G8B8A8, pixels, 16 * 4);

  return gdk_texture_save_to_png_bytes (texture);
}

static void
image_server_cb (SoupServer        *soup_server,
                 SoupServerMessage *msg,
                 const char        *path,
                 GHashTable        *query,
                 gpointer           user_data)
{
  ImageServer *server = user_data;

  server->requests++;
  if (g_str_has_prefix (path, "/img/") && server->stall)
    {
      soup_server_message_pause (msg);
      g_ptr_array_add (server->stalled, g_object_ref (msg));
    }
  else if (g_str_has_prefix (path, "/img/"))
    {
      /* Each picture its own colour: the same bytes twice would be one
       * picture to the page, which shows it once */
      g_autoptr(GBytes) png = make_png (g_str_hash (path));

      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "image/png", SOUP_MEMORY_COPY,
                                        g_bytes_get_data (png, NULL), g_bytes_get_size (png));
    }
  else
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
    }
}

static ImageServer *
image_server_new (void)
{
  ImageServer *server = g_new0 (ImageServer, 1);
  g_autoptr(GError) error = NULL;
  GSList *uris;

  server->stalled = g_ptr_array_new_with_free_func (g_object_unref);
  server->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (server->server, NULL, image_server_cb, server, NULL);
  soup_server_listen_local (server->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);

  uris = soup_server_get_uris (server->server);
  server->base = g_uri_to_string_partial (uris->data, G_URI_HIDE_PASSWORD);
  if (g_str_has_suffix (server->base, "/"))
    server->base[strlen (server->base) - 1] = '\0';
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  return server;
}

/* Answers the requests held, each with its picture */
static void
image_server_release (ImageServer *server)
{
  server->stall = FALSE;
  for (guint i = 0; i < server->stalled->len; i++)
    {
      SoupServerMessage *msg = g_ptr_array_index (server->stalled, i);
      g_autoptr(GBytes) png = make_png (g_str_hash (g_uri_get_path (soup_server_message_get_uri (msg))));

      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "image/png", SOUP_MEMORY_COPY,
                                        g_bytes_get_data (png, NULL), g_bytes_get_size (png));
      soup_server_message_unpause (msg);
    }
  g_ptr_array_set_size (server->stalled, 0);
}

static void
image_server_stop (ImageServer *server)
{
  soup_server_disconnect (server->server);
}

static void
image_server_free (ImageServer *server)
{
  g_clear_object (&server->server);
  g_ptr_array_unref (server->stalled);
  g_free (server->base);
  g_free (server);
}

static BulletinArticle *
make_article (ImageServer *server,
              guint        n,
              const char  *published)
{
  BulletinArticle *article = bulletin_article_new ();
  g_autofree char *url = g_strdup_printf ("%s/news/story-%u", server->base, n);
  g_autofree char *title = g_strdup_printf ("Harbour story number %u", n);
  g_autofree char *hero = g_strdup_printf ("%s/img/hero-%u.png", server->base, n);
  g_autofree char *body = g_strdup_printf ("<p>The harbour of story %u reopened its northern quay.</p>"
                                           "<p><img src=\"%s/img/inline-%u.png\" alt=\"The quay\"></p>"
                                           "<p>Fishing boats came back before dawn.</p>",
                                           n, server->base, n);
  g_autoptr(GDateTime) date = g_date_time_new_from_iso8601 (published, NULL);

  bulletin_article_set_url (article, url);
  bulletin_article_set_title (article, title);
  bulletin_article_set_image (article, hero);
  bulletin_article_set_body (article, body);
  bulletin_article_set_section (article, "economy");
  bulletin_article_set_published (article, date);

  return article;
}

/* Running the page's DOM queries */

typedef struct
{
  gboolean  done;
  char     *result;
  GError   *error;
} Evaluation;

static void
evaluated_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Evaluation *evaluation = user_data;
  g_autoptr(JSCValue) value = NULL;

  value = webkit_web_view_evaluate_javascript_finish (WEBKIT_WEB_VIEW (source), result, &evaluation->error);
  if (value != NULL)
    evaluation->result = jsc_value_to_string (value);
  evaluation->done = TRUE;
}

static gboolean
evaluation_done (gpointer data)
{
  return ((Evaluation *) data)->done;
}

static char *
evaluate (WebKitWebView *web_view,
          const char    *script)
{
  Evaluation evaluation = { FALSE, NULL, NULL };

  webkit_web_view_evaluate_javascript (web_view, script, -1, NULL, NULL, NULL, evaluated_cb, &evaluation);
  g_assert_true (display_wait_for (evaluation_done, &evaluation));
  g_assert_no_error (evaluation.error);

  return evaluation.result;
}

/* Tests */

static gboolean
saved_in_library (gpointer data)
{
  return bulletin_library_contains (library (), data) &&
         !bulletin_save_queue_contains (bulletin_application_get_save_queue (app), data);
}

static char *
bookmark_first_demo_article (BulletinWindow *window)
{
  BulletinArticle *article;
  char *url;

  activate (window, "win.select-section", g_variant_new_string ("latest"));
  g_assert_true (display_wait_for (display_list_has_headlines, window));
  activate (window, "win.next-article", NULL);
  article = bulletin_window_get_article (window);
  g_assert_nonnull (article);
  url = g_strdup (bulletin_article_get_url (article));

  /* Ctrl+D */
  activate (window, "win.bookmark", NULL);
  g_assert_true (bulletin_bookmarks_contains (bookmarks (), url));
  g_assert_true (display_wait_for (saved_in_library, url));

  return url;
}

static gboolean
banner_hidden (gpointer data)
{
  BulletinWindow *window = data;

  return !gtk_revealer_get_child_revealed (window->offline_revealer) &&
         !gtk_widget_get_visible (gtk_revealer_get_child (window->offline_revealer));
}

static void
test_bookmark (void)
{
  BulletinWindow *window = display_open_window (app, "demo", 1280, 800);
  g_autoptr(BulletinArticle) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;

  clear_saved ();
  url = bookmark_first_demo_article (window);

  /* The copy is complete: its body, read back from the disk */
  saved = bulletin_library_load (library (), url, &error);
  g_assert_no_error (error);
  g_assert_true (bulletin_article_has_body (saved));
  g_assert_cmpstr (bulletin_article_get_url (saved), ==, url);
  g_assert_true (display_wait_for (settings_have_cb, url));

  /* And in Saved, with search */
  activate (window, "win.select-section", g_variant_new_string ("saved"));
  g_assert_cmpuint (bulletin_headline_list_get_n_shown (window->headline_list), ==, 1);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->saved_menu_button)));
  bulletin_headline_list_set_search_text (window->headline_list, "zzqxj nothing matches this");
  g_assert_cmpuint (bulletin_headline_list_get_n_shown (window->headline_list), ==, 0);
  bulletin_headline_list_set_search_text (window->headline_list, NULL);
  g_assert_cmpuint (bulletin_headline_list_get_n_shown (window->headline_list), ==, 1);

  /* The Saved list's menu belongs to Saved only */
  activate (window, "win.select-section", g_variant_new_string ("latest"));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window->saved_menu_button)));

  display_close_window (window);
}

static void
test_remove_undo (void)
{
  BulletinWindow *window = display_open_window (app, "demo", 1280, 800);
  g_autofree char *url = NULL;
  AdwToast *toast;
  gint64 saved_at;
  gboolean bookmarked;

  clear_saved ();
  url = bookmark_first_demo_article (window);
  saved_at = bulletin_bookmarks_get_saved_at (bookmarks (), url);
  g_assert_cmpint (saved_at, >, 0);

  activate (window, "win.select-section", g_variant_new_string ("saved"));
  g_assert_cmpuint (bulletin_headline_list_get_n_shown (window->headline_list), ==, 1);

  /* The row's menu removes it: gone from the list at once, the copy kept */
  activate (window, "win.remove-from-saved", g_variant_new_string (url));
  g_assert_false (bulletin_bookmarks_contains (bookmarks (), url));
  g_assert_true (display_wait_for (settings_lack_cb, url));
  g_assert_cmpuint (bulletin_headline_list_get_n_shown (window->headline_list), ==, 0);
  g_assert_true (bulletin_library_contains (library (), url));
  g_object_get (window, "bookmarked", &bookmarked, NULL);
  g_assert_false (bookmarked);

  toast = _bulletin_window_get_removal_toast (window);
  g_assert_nonnull (toast);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "Removed from Saved");
  g_assert_cmpstr (adw_toast_get_button_label (toast), ==, "_Undo");

  /* Undo: back where it was, with its time, and the copy never left */
  g_object_ref (toast);
  g_signal_emit_by_name (toast, "button-clicked");
  adw_toast_dismiss (toast);
  g_object_unref (toast);
  display_settle (100);
  g_assert_true (bulletin_bookmarks_contains (bookmarks (), url));
  g_assert_cmpint (bulletin_bookmarks_get_saved_at (bookmarks (), url), ==, saved_at);
  g_assert_true (display_wait_for (settings_have_cb, url));
  g_assert_true (bulletin_library_contains (library (), url));
  g_assert_cmpuint (bulletin_headline_list_get_n_shown (window->headline_list), ==, 1);
  g_object_get (window, "bookmarked", &bookmarked, NULL);
  g_assert_true (bookmarked);
  g_assert_null (_bulletin_window_get_removal_toast (window));

  display_close_window (window);
}

static void
test_remove_dismiss (void)
{
  BulletinWindow *window = display_open_window (app, "demo", 1280, 800);
  g_autofree char *url = NULL;
  g_autofree char *dir = NULL;
  AdwToast *toast;

  clear_saved ();
  url = bookmark_first_demo_article (window);
  dir = bulletin_library_get_article_dir (library (), url);
  g_assert_true (g_file_test (dir, G_FILE_TEST_IS_DIR));

  /* Ctrl+D on the article being read removes it */
  activate (window, "win.bookmark", NULL);
  g_assert_false (bulletin_bookmarks_contains (bookmarks (), url));
  g_assert_true (bulletin_library_contains (library (), url));
  g_assert_true (bulletin_application_is_removal_pending (app, url));

  /* The toast goes without Undo: the saved copy goes too */
  toast = _bulletin_window_get_removal_toast (window);
  g_assert_nonnull (toast);
  adw_toast_dismiss (toast);
  display_settle (100);
  g_assert_false (bulletin_application_is_removal_pending (app, url));
  g_assert_true (display_wait_for (settings_lack_cb, url));
  g_assert_false (bulletin_library_contains (library (), url));
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));

  display_close_window (window);
}

static gboolean
removal_done (gpointer data)
{
  return !bulletin_application_is_removal_pending (app, data);
}

static void
test_remove_on_close (void)
{
  BulletinWindow *window = display_open_window (app, "demo", 1280, 800);
  g_autofree char *url = NULL;

  clear_saved ();
  url = bookmark_first_demo_article (window);

  /* Two removals share a toast; closing the window completes them */
  activate (window, "win.remove-from-saved", g_variant_new_string (url));
  g_assert_true (bulletin_application_is_removal_pending (app, url));
  g_assert_true (bulletin_library_contains (library (), url));

  display_close_window (window);
  g_assert_true (display_wait_for (removal_done, url));
  g_assert_false (bulletin_library_contains (library (), url));
}

static void
import_json (const char *json)
{
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
  g_autoptr(GError) error = NULL;

  g_assert_true (bulletin_bookmarks_import_bytes (bookmarks (), bytes, NULL, &error));
  g_assert_no_error (error);
}

static void
test_sort (void)
{
  BulletinWindow *window = display_open_window (app, "demo", 1280, 800);
  g_autoptr(GPtrArray) order = NULL;

  clear_saved ();
  /* Saved a, b, c (newest last); published c, a, b; d undated */
  import_json ("{\"bookmarks\": ["
               "{\"url\": \"https://demo.bulletinapp.invalid/sort/a\", \"title\": \"Alpha\", "
               " \"saved_at\": \"2026-01-01T10:00:00Z\", \"published\": \"2025-12-20T08:00:00Z\"},"
               "{\"url\": \"https://demo.bulletinapp.invalid/sort/b\", \"title\": \"Bravo\", "
               " \"saved_at\": \"2026-01-02T10:00:00Z\", \"published\": \"2025-11-01T08:00:00Z\"},"
               "{\"url\": \"https://demo.bulletinapp.invalid/sort/c\", \"title\": \"Charlie\", "
               " \"saved_at\": \"2026-01-03T10:00:00Z\", \"published\": \"2025-12-31T08:00:00Z\"},"
               "{\"url\": \"https://demo.bulletinapp.invalid/sort/d\", \"title\": \"Delta\", "
               " \"saved_at\": \"2026-01-04T10:00:00Z\"}"
               "]}");
  bulletin_save_queue_cancel_all (bulletin_application_get_save_queue (app));

  activate (window, "win.select-section", g_variant_new_string ("saved"));
  g_assert_cmpstr (g_settings_get_string (bulletin_application_get_settings (app), "saved-sort"), ==, "saved");

  /* By the time saved, newest first: the default */
  order = shown_urls (window);
  g_assert_cmpuint (order->len, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (order, 0), ==, "https://demo.bulletinapp.invalid/sort/d");
  g_assert_cmpstr (g_ptr_array_index (order, 1), ==, "https://demo.bulletinapp.invalid/sort/c");
  g_assert_cmpstr (g_ptr_array_index (order, 2), ==, "https://demo.bulletinapp.invalid/sort/b");
  g_assert_cmpstr (g_ptr_array_index (order, 3), ==, "https://demo.bulletinapp.invalid/sort/a");
  g_clear_pointer (&order, g_ptr_array_unref);

  /* By the time published, the undated last */
  activate (window, "win.saved-sort", g_variant_new_string ("published"));
  g_assert_cmpstr (g_settings_get_string (bulletin_application_get_settings (app), "saved-sort"), ==, "published");
  order = shown_urls (window);
  g_assert_cmpuint (order->len, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (order, 0), ==, "https://demo.bulletinapp.invalid/sort/c");
  g_assert_cmpstr (g_ptr_array_index (order, 1), ==, "https://demo.bulletinapp.invalid/sort/a");
  g_assert_cmpstr (g_ptr_array_index (order, 2), ==, "https://demo.bulletinapp.invalid/sort/b");
  g_assert_cmpstr (g_ptr_array_index (order, 3), ==, "https://demo.bulletinapp.invalid/sort/d");
  g_clear_pointer (&order, g_ptr_array_unref);

  /* The search works on the sorted list */
  bulletin_headline_list_set_search_text (window->headline_list, "bravo");
  g_assert_cmpuint (bulletin_headline_list_get_n_shown (window->headline_list), ==, 1);
  bulletin_headline_list_set_search_text (window->headline_list, NULL);

  /* Other sections keep their own order */
  activate (window, "win.select-section", g_variant_new_string ("latest"));
  g_assert_true (display_wait_for (display_list_has_headlines, window));

  activate (window, "win.saved-sort", g_variant_new_string ("saved"));
  display_close_window (window);
}

typedef struct
{
  gboolean  done;
  char     *text;
} ClipboardRead;

static void
clipboard_read_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  ClipboardRead *read = user_data;

  read->text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
  read->done = TRUE;
}

static gboolean
clipboard_read_done (gpointer data)
{
  return ((ClipboardRead *) data)->done;
}

/* The first item's action and URL target of a row menu */
static void
assert_menu_item (GMenuModel *menu,
                  int         section,
                  int         item,
                  const char *action,
                  const char *url)
{
  g_autoptr(GMenuModel) items = g_menu_model_get_item_link (menu, section, G_MENU_LINK_SECTION);
  g_autofree char *name = NULL;
  g_autofree char *target = NULL;

  g_assert_nonnull (items);
  g_assert_true (g_menu_model_get_item_attribute (items, item, G_MENU_ATTRIBUTE_ACTION, "s", &name));
  g_assert_true (g_menu_model_get_item_attribute (items, item, G_MENU_ATTRIBUTE_TARGET, "s", &target));
  g_assert_cmpstr (name, ==, action);
  g_assert_cmpstr (target, ==, url);
}

static void
test_context_menu (void)
{
  BulletinWindow *window = display_open_window (app, "demo", 1280, 800);
  g_autoptr(BulletinArticle) article = NULL;
  ClipboardRead read = { FALSE, NULL };
  GtkWidget *popover;
  const char *url;

  clear_saved ();
  activate (window, "win.select-section", g_variant_new_string ("latest"));
  g_assert_true (display_wait_for (display_list_has_headlines, window));
  article = g_list_model_get_item (bulletin_headline_list_get_model (window->headline_list), 1);
  url = bulletin_article_get_url (article);

  /* The menu of a row not saved */
  popover = bulletin_headline_list_popup_menu (window->headline_list, article, NULL, -1, -1);
  g_assert_true (GTK_IS_POPOVER_MENU (popover));
  display_settle (100);
  g_assert_true (gtk_widget_get_visible (popover));
  assert_menu_item (gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (popover)), 0, 0, "win.save-for-later", url);
  assert_menu_item (gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (popover)), 1, 0, "win.open-link-in-browser", url);
  assert_menu_item (gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (popover)), 1, 1, "win.copy-article-link", url);
  gtk_popover_popdown (GTK_POPOVER (popover));

  /* Save for Later, with the row's URL: saved whole though not being read */
  activate (window, "win.save-for-later", g_variant_new_string (url));
  g_assert_true (bulletin_bookmarks_contains (bookmarks (), url));
  g_assert_null (bulletin_window_get_article (window));
  g_assert_true (display_wait_for (saved_in_library, (gpointer) url));

  popover = bulletin_headline_list_popup_menu (window->headline_list, article, NULL, -1, -1);
  assert_menu_item (gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (popover)), 0, 0, "win.remove-from-saved", url);
  gtk_popover_popdown (GTK_POPOVER (popover));

  /* Copy Link */
  activate (window, "win.copy-article-link", g_variant_new_string (url));
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (window)), NULL, clipboard_read_cb, &read);
  g_assert_true (display_wait_for (clipboard_read_done, &read));
  g_assert_cmpstr (read.text, ==, url);
  g_free (read.text);

  /* Menu or Shift+F10 opens the selected row's menu */
  activate (window, "win.next-article", NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window->headline_list), "headlines.context-menu", NULL));
  display_settle (100);
  g_assert_true (gtk_widget_get_visible (popover));
  gtk_popover_popdown (GTK_POPOVER (popover));

  /* Remove from Saved */
  activate (window, "win.remove-from-saved", g_variant_new_string (url));
  g_assert_false (bulletin_bookmarks_contains (bookmarks (), url));
  adw_toast_dismiss (_bulletin_window_get_removal_toast (window));
  display_settle (50);
  g_assert_false (bulletin_library_contains (library (), url));

  display_close_window (window);
}

static gboolean
n_bookmarks_is (gpointer data)
{
  return g_list_model_get_n_items (G_LIST_MODEL (bookmarks ())) == GPOINTER_TO_UINT (data);
}

/* A new file is written in place: complete when it ends */
static gboolean
export_written (gpointer data)
{
  g_autofree char *contents = NULL;

  return g_file_get_contents (data, &contents, NULL, NULL) && strstr (contents, "</opml>") != NULL;
}

static void
test_import_export (void)
{
  BulletinWindow *window = display_open_window (app, "demo", 1280, 800);
  g_autofree char *dir = g_dir_make_tmp ("test-saved-XXXXXX", NULL);
  g_autofree char *import_path = g_build_filename (dir, "import.json", NULL);
  g_autofree char *bad_path = g_build_filename (dir, "bad.json", NULL);
  g_autofree char *export_path = g_build_filename (dir, "export.opml", NULL);
  g_autoptr(GFile) import_file = g_file_new_for_path (import_path);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad_path);
  g_autoptr(GFile) export_file = g_file_new_for_path (export_path);
  g_autofree char *exported = NULL;
  g_autofree char *url = NULL;
  /* Loopback port 9 refuses: the background saves of these end at once */
  const char *json =
    "{\"bookmarks\": ["
    "{\"url\": \"http://127.0.0.1:9/one\", \"title\": \"One\", \"saved_at\": \"2026-01-01T10:00:00Z\"},"
    "{\"url\": \"http://127.0.0.1:9/two\", \"title\": \"Two\", \"saved_at\": \"2026-01-02T10:00:00Z\"},"
    "{\"url\": \"http://127.0.0.1:9/two\", \"title\": \"Two again\"}"
    "]}";

  clear_saved ();
  url = bookmark_first_demo_article (window);
  g_assert_true (g_file_set_contents (import_path, json, -1, NULL));
  g_assert_true (g_file_set_contents (bad_path, "{\"not\": \"bookmarks\"}", -1, NULL));

  /* Two new, the repeated one once */
  _bulletin_window_import_saved (window, import_file);
  g_assert_true (display_wait_for (n_bookmarks_is, GUINT_TO_POINTER (3)));
  g_assert_true (bulletin_bookmarks_contains (bookmarks (), "http://127.0.0.1:9/one"));
  g_assert_true (bulletin_bookmarks_contains (bookmarks (), "http://127.0.0.1:9/two"));
  g_assert_true (bulletin_bookmarks_contains (bookmarks (), url));

  /* Again: nothing new */
  _bulletin_window_import_saved (window, import_file);
  display_settle (300);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (bookmarks ())), ==, 3);

  /* Not a list of saved articles: nothing changes */
  _bulletin_window_import_saved (window, bad_file);
  display_settle (300);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (bookmarks ())), ==, 3);

  /* Export as OPML, with every URL */
  _bulletin_window_export_saved (window, export_file, BULLETIN_BOOKMARKS_FORMAT_OPML);
  g_assert_true (display_wait_for (export_written, export_path));
  g_assert_true (g_file_get_contents (export_path, &exported, NULL, NULL));
  g_assert_nonnull (strstr (exported, "<opml"));
  g_assert_nonnull (strstr (exported, "http://127.0.0.1:9/one"));
  g_assert_nonnull (strstr (exported, url));

  g_assert_true (display_wait_for (queue_empty, NULL));
  g_unlink (import_path);
  g_unlink (bad_path);
  g_unlink (export_path);
  g_rmdir (dir);
  display_close_window (window);
}

static gboolean
row_saving (gpointer data)
{
  BulletinWindow *window = data;
  GtkWidget *bar = display_find_type (GTK_WIDGET (window->headline_list), GTK_TYPE_PROGRESS_BAR);

  /* The first progress bar is on the first row */
  return bar != NULL && gtk_widget_is_visible (bar);
}

static gboolean
view_shows_saved (gpointer data)
{
  BulletinWindow *window = data;
  BulletinArticle *shown = bulletin_article_view_get_article (BULLETIN_ARTICLE_VIEW (window->article_view));
  BulletinArticle *article = bulletin_window_get_article (window);
  GtkWidget *web_view = display_find_type (window->article_view, WEBKIT_TYPE_WEB_VIEW);

  return shown != NULL && article != NULL && shown != article &&
         bulletin_article_has_body (shown) &&
         g_strcmp0 (bulletin_article_get_url (shown), bulletin_article_get_url (article)) == 0 &&
         !webkit_web_view_is_loading (WEBKIT_WEB_VIEW (web_view));
}

static void
test_offline (void)
{
  BulletinWindow *window = display_open_window (app, "demo", 1280, 800);
  ImageServer *server = image_server_new ();
  const char *dates[] = { "2026-03-01T08:00:00Z", "2026-03-02T08:00:00Z", "2026-03-03T08:00:00Z" };
  g_autoptr(GPtrArray) urls = g_ptr_array_new_with_free_func (g_free);
  GListModel *model;
  GtkWidget *web_view;

  clear_saved ();
  bulletin_application_set_network_available (app, TRUE);
  g_assert_false (gtk_revealer_get_reveal_child (window->offline_revealer));
  /* Not even measured while shut */
  g_assert_false (gtk_widget_get_visible (gtk_revealer_get_child (window->offline_revealer)));
  activate (window, "win.select-section", g_variant_new_string ("saved"));

  /* Three articles with images, each saved whole; the images of the
   * first wait, so that its row shows the save under way */
  server->stall = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autoptr(BulletinArticle) article = make_article (server, i, dates[i]);

      bulletin_window_show_article (window, article);
      activate (window, "win.bookmark", NULL);
      g_ptr_array_add (urls, g_strdup (bulletin_article_get_url (article)));

      if (i == 0)
        {
          /* Read nothing meanwhile: the page would wait for its images too */
          bulletin_window_show_article (window, NULL);
          g_assert_true (display_wait_for (row_saving, window));
          g_assert_true (bulletin_save_queue_contains (bulletin_application_get_save_queue (app),
                                                       g_ptr_array_index (urls, 0)));
          /* Past the list's cross-fade from its empty page */
          display_settle (500);
          g_free (display_screenshot_now (GTK_WIDGET (window), "saved-list-saving"));
          image_server_release (server);
        }
    }
  g_assert_true (display_wait_for (queue_empty, NULL));
  g_assert_false (row_saving (window));
  for (guint i = 0; i < urls->len; i++)
    g_assert_true (bulletin_library_contains (library (), g_ptr_array_index (urls, i)));
  /* Hero and inline image of each */
  g_assert_cmpuint (server->requests, >=, 2 * G_N_ELEMENTS (dates));

  /* The network goes */
  image_server_stop (server);
  bulletin_application_set_network_available (app, FALSE);
  display_settle (300);
  g_assert_true (gtk_revealer_get_reveal_child (window->offline_revealer));
  g_assert_true (gtk_widget_get_visible (gtk_revealer_get_child (window->offline_revealer)));
  g_assert_true (gtk_revealer_get_child_revealed (window->offline_revealer));

  /* Every saved article reads whole: text and images from the disk */
  model = bulletin_headline_list_get_model (window->headline_list);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, urls->len);
  web_view = display_find_type (window->article_view, WEBKIT_TYPE_WEB_VIEW);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(BulletinArticle) stub = g_list_model_get_item (model, i);
      g_autofree char *images = NULL;
      g_autofree char *text = NULL;
      gint64 deadline = g_get_monotonic_time () + DISPLAY_TIMEOUT_SECONDS * G_USEC_PER_SEC;

      bulletin_headline_list_activate_article (window->headline_list, stub);
      g_assert_true (display_wait_for (view_shows_saved, window));

      /* Decoded, not merely present */
      for (;;)
        {
          g_free (images);
          images = evaluate (WEBKIT_WEB_VIEW (web_view),
                             "(function () {"
                             "  var images = Array.from (document.images);"
                             "  var ok = images.filter (function (i) {"
                             "    return i.complete && i.naturalWidth > 0 && i.src.startsWith ('data:');"
                             "  });"
                             "  return ok.length + '/' + images.length;"
                             "}) ()");
          if (g_strcmp0 (images, "2/2") == 0 || g_get_monotonic_time () > deadline)
            break;
          display_settle (50);
        }
      g_assert_cmpstr (images, ==, "2/2");

      text = evaluate (WEBKIT_WEB_VIEW (web_view), "document.body.innerText");
      g_assert_nonnull (strstr (text, "reopened its northern quay"));
      g_assert_nonnull (strstr (text, "Fishing boats came back before dawn"));
      g_assert_nonnull (strstr (text, bulletin_article_get_title (stub)));
    }
  g_free (display_screenshot_now (GTK_WIDGET (window), "saved-offline"));

  /* F5 on a section from the web does not refresh, and says why */
  activate (window, "win.select-edition", g_variant_new_string ("almayadeen-en"));
  activate (window, "win.select-section", g_variant_new_string ("latest"));
  display_settle (200);
  {
    GListModel *latest = bulletin_window_get_section_model (window, "latest");
    gboolean loading = TRUE;
    int i;

    for (i = 0; i < 200 && bulletin_section_model_get_loading (BULLETIN_SECTION_MODEL (latest)); i++)
      display_settle (50);
    activate (window, "win.refresh", NULL);
    g_object_get (latest, "loading", &loading, NULL);
    g_assert_false (loading);
    g_assert_true (gtk_revealer_get_reveal_child (window->offline_revealer));
  }
  g_free (display_screenshot_now (GTK_WIDGET (window), "saved-offline-section"));

  /* Back online: the banner goes, and the section is refreshed once */
  bulletin_application_set_network_available (app, TRUE);
  g_assert_false (gtk_revealer_get_reveal_child (window->offline_revealer));
  /* Hidden again once it has slid shut */
  g_assert_true (display_wait_for (banner_hidden, window));
  g_assert_true (bulletin_section_model_get_loading (BULLETIN_SECTION_MODEL (bulletin_window_get_section_model (window, "latest"))) ||
                 bulletin_section_model_get_error (BULLETIN_SECTION_MODEL (bulletin_window_get_section_model (window, "latest"))) != NULL);

  activate (window, "win.select-edition", g_variant_new_string ("demo"));
  display_close_window (window);
  clear_saved ();
  image_server_free (server);
}

static void
test_preferences_storage (void)
{
  BulletinWindow *window = display_open_window (app, "demo", 1280, 800);
  BulletinPreferencesWindow *preferences;
  g_autofree char *url = NULL;
  GtkWidget *dialog;
  AdwActionRow *size_row;
  GtkWidget *page;
  guint removed;

  clear_saved ();
  url = bookmark_first_demo_article (window);

  preferences = bulletin_preferences_window_new (app);
  gtk_window_set_transient_for (GTK_WINDOW (preferences), GTK_WINDOW (window));
  gtk_window_set_default_size (GTK_WINDOW (preferences), 560, 900);
  gtk_window_present (GTK_WINDOW (preferences));
  g_assert_true (display_wait_for (display_widget_mapped, preferences));
  display_settle (300);

  size_row = ADW_ACTION_ROW (gtk_widget_get_template_child (GTK_WIDGET (preferences),
                                                            BULLETIN_TYPE_PREFERENCES_WINDOW,
                                                            "storage_size_row"));
  g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (size_row)), "Saved articles use "));

  /* Scrolled to the storage group for the screenshot */
  page = display_find_type (GTK_WIDGET (preferences), GTK_TYPE_SCROLLED_WINDOW);
  if (page != NULL)
    {
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (page));

      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    }
  g_free (display_screenshot_now (GTK_WIDGET (preferences), "preferences-storage"));

  /* The Remove button asks first */
  dialog = bulletin_preferences_window_confirm_remove (preferences);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "remove"));
  display_settle (200);
  g_free (display_screenshot_now (dialog, "preferences-storage-confirm"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  display_settle (100);
  g_assert_true (bulletin_bookmarks_contains (bookmarks (), url));

  /* Nothing is older than a week */
  removed = bulletin_preferences_window_remove_older_than (preferences, 7);
  g_assert_cmpuint (removed, ==, 0);
  g_assert_true (bulletin_bookmarks_contains (bookmarks (), url));
  g_assert_true (bulletin_library_contains (library (), url));

  /* A bookmark forty days old goes with a 30 days limit, not the new one */
  {
    g_autofree char *json = g_strdup_printf ("{\"bookmarks\": [{\"url\": \"https://demo.bulletinapp.invalid/old\", "
                                             "\"title\": \"Old\", \"saved_at\": %" G_GINT64_FORMAT "}]}",
                                             g_get_real_time () / G_USEC_PER_SEC - 40 * 24 * 3600);

    import_json (json);
    bulletin_save_queue_cancel_all (bulletin_application_get_save_queue (app));
  }
  g_assert_true (bulletin_bookmarks_contains (bookmarks (), "https://demo.bulletinapp.invalid/old"));
  removed = bulletin_preferences_window_remove_older_than (preferences, 30);
  g_assert_cmpuint (removed, ==, 1);
  g_assert_false (bulletin_bookmarks_contains (bookmarks (), "https://demo.bulletinapp.invalid/old"));
  g_assert_true (bulletin_bookmarks_contains (bookmarks (), url));
  g_assert_true (bulletin_library_contains (library (), url));

  gtk_window_destroy (GTK_WINDOW (preferences));
  display_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* No test reaches past this machine */
  g_setenv ("no_proxy", "127.0.0.1,localhost", TRUE);

  display_init (&argc, &argv, "test-saved");
  app = display_application_new ();
  /* Whatever this machine's network: the tests say when it is there */
  bulletin_application_set_network_available (app, TRUE);

  g_test_add_func ("/saved/bookmark", test_bookmark);
  g_test_add_func ("/saved/remove-undo", test_remove_undo);
  g_test_add_func ("/saved/remove-dismiss", test_remove_dismiss);
  g_test_add_func ("/saved/remove-on-close", test_remove_on_close);
  g_test_add_func ("/saved/sort", test_sort);
  g_test_add_func ("/saved/context-menu", test_context_menu);
  g_test_add_func ("/saved/import-export", test_import_export);
  g_test_add_func ("/saved/offline", test_offline);
  g_test_add_func ("/saved/preferences-storage", test_preferences_storage);

  status = g_test_run ();

  g_clear_object (&app);

  return status;
}
