/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bulletin-window"

#include "config.h"

#include <glib/gi18n.h>

#include "bulletin-window-private.h"

/*
 * The window's side of saved articles: saving one for later, removing it
 * with a chance to undo (the bookmark goes at once, the saved copy only
 * when the toast goes without Undo), the sort of the Saved list, and the
 * export and import of the list. The headline rows' context menu calls the
 * actions here with the article's URL as their target.
 */

typedef struct
{
  BulletinArticle *stub;
  char            *edition;
} RemovedBookmark;

static void
removed_bookmark_free (gpointer data)
{
  RemovedBookmark *removed = data;

  g_clear_object (&removed->stub);
  g_free (removed->edition);
  g_free (removed);
}

static BulletinApplication *
get_app (BulletinWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (BULLETIN_IS_APPLICATION (app))
    return BULLETIN_APPLICATION (app);

  return BULLETIN_APPLICATION (g_application_get_default ());
}

static BulletinArticle *
lookup_in_model (GListModel *model,
                 const char *url)
{
  guint n_items;

  if (model == NULL)
    return NULL;

  if (BULLETIN_IS_SECTION_MODEL (model))
    return bulletin_section_model_lookup (BULLETIN_SECTION_MODEL (model), url);

  n_items = g_list_model_get_n_items (model);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(BulletinArticle) article = g_list_model_get_item (model, i);

      if (g_strcmp0 (bulletin_article_get_url (article), url) == 0)
        return article;
    }

  return NULL;
}

/**
 * _bulletin_window_find_article:
 * @self: the window
 * @url: an article URL
 *
 * Returns: (transfer none) (nullable): the article of @url the window
 *   knows: the one being read, one of the list shown, of another section
 *   or of the bookmarks
 */
BulletinArticle *
_bulletin_window_find_article (BulletinWindow *self,
                               const char     *url)
{
  BulletinArticle *article;
  GHashTableIter iter;
  gpointer model;

  if (url == NULL)
    return NULL;

  if (self->article != NULL && g_strcmp0 (bulletin_article_get_url (self->article), url) == 0)
    return self->article;

  if ((article = lookup_in_model (self->current_model, url)) != NULL)
    return article;

  g_hash_table_iter_init (&iter, self->models);
  while (g_hash_table_iter_next (&iter, NULL, &model))
    if ((article = lookup_in_model (G_LIST_MODEL (model), url)) != NULL)
      return article;

  return bulletin_bookmarks_lookup (bulletin_application_get_bookmarks (get_app (self)), url);
}

static void
saved_toast_dismissed_cb (BulletinWindow *self,
                          AdwToast       *toast)
{
  if (self->saved_toast == toast)
    {
      g_object_remove_weak_pointer (G_OBJECT (toast), (gpointer *) &self->saved_toast);
      self->saved_toast = NULL;
    }
}

/**
 * _bulletin_window_save_article:
 * @self: the window
 * @article: an article with a URL
 *
 * Bookmarks @article and saves it whole for offline reading, ahead of the
 * saves waiting in the background.
 */
void
_bulletin_window_save_article (BulletinWindow  *self,
                               BulletinArticle *article)
{
  BulletinApplication *app = get_app (self);
  BulletinBookmarks *bookmarks = bulletin_application_get_bookmarks (app);
  const char *url = bulletin_article_get_url (article);

  if (url == NULL || bulletin_bookmarks_contains (bookmarks, url))
    return;

  bulletin_bookmarks_add (bookmarks, article,
                          self->edition != NULL ? bulletin_edition_get_id (self->edition) : NULL);
  bulletin_save_queue_add (bulletin_application_get_save_queue (app), article, TRUE);

  /* One toast says it for saves in a row */
  if (self->saved_toast == NULL)
    {
      self->saved_toast = adw_toast_new (_("Saved for offline reading"));
      adw_toast_set_timeout (self->saved_toast, 4);
      g_object_add_weak_pointer (G_OBJECT (self->saved_toast), (gpointer *) &self->saved_toast);
      g_signal_connect_object (self->saved_toast, "dismissed",
                               G_CALLBACK (saved_toast_dismissed_cb), self, G_CONNECT_SWAPPED);
      adw_toast_overlay_add_toast (self->toast_overlay, self->saved_toast);
    }
}

/* Removal with undo */

static void
update_removal_toast (BulletinWindow *self)
{
  g_autofree char *title = NULL;
  guint n = self->removal_batch->len;

  if (n == 1)
    title = g_strdup (_("Removed from Saved"));
  else
    title = g_strdup_printf (ngettext ("%u article removed from Saved",
                                       "%u articles removed from Saved", n), n);

  adw_toast_set_title (self->removal_toast, title);
}

static void
removal_undo_cb (BulletinWindow *self,
                 AdwToast       *toast)
{
  BulletinApplication *app = get_app (self);
  BulletinBookmarks *bookmarks = bulletin_application_get_bookmarks (app);

  if (toast != self->removal_toast)
    return;

  for (guint i = 0; i < self->removal_batch->len; i++)
    {
      RemovedBookmark *removed = g_ptr_array_index (self->removal_batch, i);
      const char *url = bulletin_article_get_url (removed->stub);

      bulletin_bookmarks_restore (bookmarks, removed->stub, removed->edition);
      bulletin_application_complete_removal (app, url, TRUE);
    }

  g_ptr_array_set_size (self->removal_batch, 0);
}

static void
complete_removals (BulletinWindow *self)
{
  BulletinApplication *app = get_app (self);

  for (guint i = 0; i < self->removal_batch->len; i++)
    {
      RemovedBookmark *removed = g_ptr_array_index (self->removal_batch, i);

      bulletin_application_complete_removal (app, bulletin_article_get_url (removed->stub), FALSE);
    }

  g_ptr_array_set_size (self->removal_batch, 0);
}

static void
removal_dismissed_cb (BulletinWindow *self,
                      AdwToast       *toast)
{
  if (toast != self->removal_toast)
    return;

  /* Gone without Undo: the saved copies go too */
  complete_removals (self);
  g_signal_handlers_disconnect_by_data (self->removal_toast, self);
  g_clear_object (&self->removal_toast);
}

/**
 * _bulletin_window_remove_saved:
 * @self: the window
 * @url: a bookmarked article
 *
 * Removes the bookmark of @url at once and tells it in a toast with Undo;
 * the saved copy is deleted when the toast goes without Undo (or when the
 * application quits). Removals in a row share one toast.
 */
void
_bulletin_window_remove_saved (BulletinWindow *self,
                               const char     *url)
{
  BulletinApplication *app = get_app (self);
  BulletinBookmarks *bookmarks = bulletin_application_get_bookmarks (app);
  BulletinArticle *stub = bulletin_bookmarks_lookup (bookmarks, url);
  RemovedBookmark *removed;

  if (stub == NULL)
    return;

  removed = g_new0 (RemovedBookmark, 1);
  removed->stub = g_object_ref (stub);
  removed->edition = g_strdup (bulletin_bookmarks_get_edition (bookmarks, url));
  g_ptr_array_add (self->removal_batch, removed);

  bulletin_application_defer_removal (app, url);
  bulletin_bookmarks_remove (bookmarks, url);

  if (self->removal_toast == NULL)
    {
      self->removal_toast = g_object_ref (adw_toast_new (_("Removed from Saved")));
      adw_toast_set_button_label (self->removal_toast, _("_Undo"));
      g_signal_connect_object (self->removal_toast, "button-clicked",
                               G_CALLBACK (removal_undo_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->removal_toast, "dismissed",
                               G_CALLBACK (removal_dismissed_cb), self, G_CONNECT_SWAPPED);
      update_removal_toast (self);
      adw_toast_overlay_add_toast (self->toast_overlay, g_object_ref (self->removal_toast));
    }
  else
    {
      update_removal_toast (self);
    }
}

/**
 * _bulletin_window_get_removal_toast:
 * @self: the window
 *
 * Returns: (transfer none) (nullable): the toast of the removals that can
 *   still be undone
 */
AdwToast *
_bulletin_window_get_removal_toast (BulletinWindow *self)
{
  return self->removal_toast;
}

/* The row menu's actions: their target is the article's URL */

static void
save_for_later_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  BulletinWindow *self = BULLETIN_WINDOW (widget);
  BulletinArticle *article = _bulletin_window_find_article (self, g_variant_get_string (parameter, NULL));

  if (article == NULL)
    {
      gtk_widget_error_bell (widget);
      return;
    }

  _bulletin_window_save_article (self, article);
}

static void
remove_from_saved_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  _bulletin_window_remove_saved (BULLETIN_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
open_link_in_browser_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  const char *url = g_variant_get_string (parameter, NULL);

  if (bulletin_url_is_http (url))
    gtk_show_uri (GTK_WINDOW (widget), url, GDK_CURRENT_TIME);
  else
    gtk_widget_error_bell (widget);
}

static void
copy_article_link_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  const char *url = g_variant_get_string (parameter, NULL);

  if (!bulletin_url_is_http (url))
    {
      gtk_widget_error_bell (widget);
      return;
    }

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), url);
  bulletin_window_add_toast (BULLETIN_WINDOW (widget), _("Link copied"));
}

/* Sort */

static int
compare_saved_at (BulletinArticle *a,
                  BulletinArticle *b)
{
  gint64 saved_a = bulletin_article_get_bookmark_saved_at (a);
  gint64 saved_b = bulletin_article_get_bookmark_saved_at (b);

  /* Newest first */
  return (saved_a < saved_b) - (saved_a > saved_b);
}

static int
compare_articles (gconstpointer item_a,
                  gconstpointer item_b,
                  gpointer      user_data)
{
  BulletinWindow *self = user_data;
  BulletinArticle *a = BULLETIN_ARTICLE ((gpointer) item_a);
  BulletinArticle *b = BULLETIN_ARTICLE ((gpointer) item_b);

  if (g_strcmp0 (self->saved_sort, "published") == 0)
    {
      GDateTime *published_a = bulletin_article_get_published (a);
      GDateTime *published_b = bulletin_article_get_published (b);

      /* Newest first; an article of unknown date after the dated ones */
      if (published_a != NULL && published_b != NULL)
        {
          int order = g_date_time_compare (published_b, published_a);

          if (order != 0)
            return order;
        }
      else if (published_a != NULL || published_b != NULL)
        {
          return published_a != NULL ? -1 : 1;
        }
    }

  return compare_saved_at (a, b);
}

static void
saved_sort_changed_cb (BulletinWindow *self)
{
  g_autofree char *sort = g_settings_get_string (self->settings, "saved-sort");

  if (g_strcmp0 (sort, self->saved_sort) == 0)
    return;

  g_free (self->saved_sort);
  self->saved_sort = g_steal_pointer (&sort);
  gtk_sorter_changed (self->saved_sorter, GTK_SORTER_CHANGE_DIFFERENT);
}

/**
 * _bulletin_window_saved_section_shown:
 * @self: the window
 * @saved: whether the list shows the Saved section
 *
 * Sorts the list as the reader chose for Saved, and shows the Saved
 * list's menu.
 */
void
_bulletin_window_saved_section_shown (BulletinWindow *self,
                                      gboolean        saved)
{
  bulletin_headline_list_set_sorter (self->headline_list, saved ? self->saved_sorter : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->saved_menu_button), saved);
}

/* Export and import */

static GtkFileFilter *
json_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("JSON"));
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_filter_add_suffix (filter, "json");

  return filter;
}

static GtkFileFilter *
opml_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("OPML"));
  gtk_file_filter_add_mime_type (filter, "text/x-opml");
  gtk_file_filter_add_mime_type (filter, "text/x-opml+xml");
  gtk_file_filter_add_suffix (filter, "opml");

  return filter;
}

/* A reason the reader can act on, for the errors an import or export meets */
static char *
describe_file_error (const GError *error)
{
  if (error->domain == BULLETIN_ERROR)
    {
      switch (error->code)
        {
        case BULLETIN_ERROR_INVALID_DATA:
          return g_strdup (_("The file is not a list of saved articles."));
        case BULLETIN_ERROR_TOO_LARGE:
          return g_strdup (_("The file is too large to be a list of saved articles."));
        case BULLETIN_ERROR_NOT_FOUND:
          return g_strdup (_("The file does not exist."));
        case BULLETIN_ERROR_NO_SPACE:
          return g_strdup (_("The disk is full."));
        case BULLETIN_ERROR_READ_ONLY:
          return g_strdup (_("The folder cannot be written to."));
        default:
          break;
        }
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    return g_strdup (_("The file does not exist."));
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    return g_strdup (_("Bulletin is not allowed to use this file."));
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
    return g_strdup (_("The disk is full."));

  return g_strdup (error->message);
}

static void
export_written_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(BulletinWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (!g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    {
      g_autofree char *reason = describe_file_error (error);

      text = g_strdup_printf (_("Could not export the saved articles: %s"), reason);
    }
  else
    {
      g_autofree char *name = g_file_get_basename (G_FILE (object));

      /* Translators: %s is a file name */
      text = g_strdup_printf (_("Saved articles exported to “%s”"), name);
    }

  bulletin_window_add_toast (self, text);
}

/**
 * _bulletin_window_export_saved:
 * @self: the window
 * @file: where to write
 * @format: JSON or OPML
 *
 * Writes the bookmarks to @file (atomically, in the background) and tells
 * how it went in a toast.
 */
void
_bulletin_window_export_saved (BulletinWindow          *self,
                               GFile                   *file,
                               BulletinBookmarksFormat  format)
{
  BulletinBookmarks *bookmarks = bulletin_application_get_bookmarks (get_app (self));
  g_autoptr(GBytes) bytes = bulletin_bookmarks_serialize (bookmarks, format);

  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_NONE,
                                       NULL, export_written_cb, g_object_ref (self));
}

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    BulletinWindow  *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  BulletinBookmarksFormat format;
  GtkFileFilter *filter;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      path = g_file_get_path (file);
      filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (dialog));

      /* The name says the format; else the filter chosen does */
      if (path != NULL && (g_str_has_suffix (path, ".opml") || g_str_has_suffix (path, ".json")))
        format = bulletin_bookmarks_format_for_path (path);
      else if (filter != NULL && g_strcmp0 (gtk_file_filter_get_name (filter), _("OPML")) == 0)
        format = BULLETIN_BOOKMARKS_FORMAT_OPML;
      else
        format = BULLETIN_BOOKMARKS_FORMAT_JSON;

      _bulletin_window_export_saved (self, file, format);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
export_saved_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BulletinWindow *self = BULLETIN_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) json = json_filter ();
  g_autoptr(GtkFileFilter) opml = opml_filter ();

  chooser = gtk_file_chooser_native_new (_("Export Saved Articles"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), json);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), opml);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), json);
  /* Translators: the suggested name of an export of the saved articles */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("Saved Articles.json"));

  g_signal_connect (chooser, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
import_loaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(BulletinWindow) self = user_data;
  BulletinApplication *app = get_app (self);
  BulletinBookmarks *bookmarks = bulletin_application_get_bookmarks (app);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) before = NULL;
  g_autofree char *text = NULL;
  guint n_added = 0;
  guint n_items;

  bytes = g_file_load_bytes_finish (G_FILE (object), result, NULL, &error);

  if (bytes != NULL)
    {
      before = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      n_items = g_list_model_get_n_items (G_LIST_MODEL (bookmarks));
      for (guint i = 0; i < n_items; i++)
        {
          g_autoptr(BulletinArticle) article = g_list_model_get_item (G_LIST_MODEL (bookmarks), i);

          g_hash_table_add (before, g_strdup (bulletin_article_get_url (article)));
        }

      bulletin_bookmarks_import_bytes (bookmarks, bytes, &n_added, &error);
    }

  if (error != NULL)
    {
      g_autofree char *name = g_file_get_basename (G_FILE (object));
      g_autofree char *reason = describe_file_error (error);

      /* Translators: the first %s is a file name, the second why it failed */
      text = g_strdup_printf (_("Could not import “%s”: %s"), name, reason);
      bulletin_window_add_toast (self, text);
      return;
    }

  /* The new ones are saved whole in the background */
  n_items = g_list_model_get_n_items (G_LIST_MODEL (bookmarks));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(BulletinArticle) article = g_list_model_get_item (G_LIST_MODEL (bookmarks), i);

      if (!g_hash_table_contains (before, bulletin_article_get_url (article)))
        bulletin_save_queue_add (bulletin_application_get_save_queue (app), article, FALSE);
    }

  if (n_added == 0)
    text = g_strdup (_("Every article in the file is saved already"));
  else
    text = g_strdup_printf (ngettext ("Imported %u article", "Imported %u articles", n_added), n_added);
  bulletin_window_add_toast (self, text);
}

/**
 * _bulletin_window_import_saved:
 * @self: the window
 * @file: a JSON or OPML list of saved articles
 *
 * Merges the bookmarks of @file into the list (none twice), tells how many
 * were new in a toast, and saves those in the background.
 */
void
_bulletin_window_import_saved (BulletinWindow *self,
                               GFile          *file)
{
  g_file_load_bytes_async (file, NULL, import_loaded_cb, g_object_ref (self));
}

static void
import_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    BulletinWindow  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      _bulletin_window_import_saved (self, file);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
import_saved_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BulletinWindow *self = BULLETIN_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) json = json_filter ();
  g_autoptr(GtkFileFilter) opml = opml_filter ();

  gtk_file_filter_set_name (all, _("Saved Articles (JSON, OPML)"));
  gtk_file_filter_add_mime_type (all, "application/json");
  gtk_file_filter_add_mime_type (all, "text/x-opml");
  gtk_file_filter_add_mime_type (all, "text/x-opml+xml");
  gtk_file_filter_add_suffix (all, "json");
  gtk_file_filter_add_suffix (all, "opml");

  chooser = gtk_file_chooser_native_new (_("Import Saved Articles"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), json);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), opml);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), all);

  g_signal_connect (chooser, "response", G_CALLBACK (import_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Set-up */

static void
bookmark_toggled_cb (BulletinWindow    *self,
                     const char        *url,
                     gboolean           added,
                     BulletinBookmarks *bookmarks)
{
  /* The header's toggle follows a change made anywhere (a row's menu,
   * Undo, another process) */
  if (self->article != NULL && g_strcmp0 (bulletin_article_get_url (self->article), url) == 0 &&
      self->bookmarked != added)
    {
      self->bookmarked = added;
      g_object_notify (G_OBJECT (self), "bookmarked");
    }
}

static void
save_finished_cb (BulletinWindow    *self,
                  const char        *url,
                  const GError      *error,
                  BulletinSaveQueue *queue)
{
  g_autofree char *text = NULL;

  if (error == NULL ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_error_matches (error, BULLETIN_ERROR, BULLETIN_ERROR_CANCELLED))
    return;

  /* Only the one being read is worth a word: the bookmark stays, and the
   * copy is made again at the next start */
  if (self->article == NULL || g_strcmp0 (bulletin_article_get_url (self->article), url) != 0 ||
      !gtk_window_is_active (GTK_WINDOW (self)))
    return;

  text = g_strdup_printf (_("Could not save the article for offline reading: %s"), error->message);
  bulletin_window_add_toast (self, text);
}

void
_bulletin_window_saved_class_init (BulletinWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_bind_template_child (widget_class, BulletinWindow, saved_menu_button);

  gtk_widget_class_install_action (widget_class, "win.save-for-later", "s", save_for_later_action);
  gtk_widget_class_install_action (widget_class, "win.remove-from-saved", "s", remove_from_saved_action);
  gtk_widget_class_install_action (widget_class, "win.open-link-in-browser", "s", open_link_in_browser_action);
  gtk_widget_class_install_action (widget_class, "win.copy-article-link", "s", copy_article_link_action);
  gtk_widget_class_install_action (widget_class, "win.export-saved", NULL, export_saved_action);
  gtk_widget_class_install_action (widget_class, "win.import-saved", NULL, import_saved_action);
}

/* Called once the window has its application */
void
_bulletin_window_saved_init (BulletinWindow *self)
{
  BulletinApplication *app = get_app (self);
  g_autoptr(GAction) sort_action = NULL;

  self->removal_batch = g_ptr_array_new_with_free_func (removed_bookmark_free);
  self->saved_sort = g_settings_get_string (self->settings, "saved-sort");
  self->saved_sorter = GTK_SORTER (gtk_custom_sorter_new (compare_articles, self, NULL));

  sort_action = g_settings_create_action (self->settings, "saved-sort");
  g_action_map_add_action (G_ACTION_MAP (self), sort_action);
  g_signal_connect_object (self->settings, "changed::saved-sort",
                           G_CALLBACK (saved_sort_changed_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (bulletin_application_get_bookmarks (app), "bookmark-toggled",
                           G_CALLBACK (bookmark_toggled_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (bulletin_application_get_save_queue (app), "finished",
                           G_CALLBACK (save_finished_cb), self, G_CONNECT_SWAPPED);
}

void
_bulletin_window_saved_dispose (BulletinWindow *self)
{
  if (self->saved_toast != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->saved_toast), (gpointer *) &self->saved_toast);
      self->saved_toast = NULL;
    }

  /* A closed window's toast goes with it: its removals are complete */
  if (self->removal_toast != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->removal_toast, self);
      g_clear_object (&self->removal_toast);
    }
  if (self->removal_batch != NULL)
    complete_removals (self);

  g_clear_pointer (&self->removal_batch, g_ptr_array_unref);
  g_clear_object (&self->saved_sorter);
  g_clear_pointer (&self->saved_sort, g_free);
}
