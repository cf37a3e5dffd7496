/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bulletin-article-view"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>
#include <webkit/webkit.h>

#include "bulletin-article-loader.h"
#include "bulletin-article-renderer.h"
#include "bulletin-article-view.h"
#include "bulletin-client.h"
#include "bulletin-edition.h"
#include "bulletin-url.h"

/* The reading pane: one WebKitWebView showing the page that
 * BulletinArticleRenderer builds. The page is loaded with load_html() and
 * about:blank as its base; it never runs its own scripts, never navigates
 * and never loads anything but images. Links go to the user's browser
 * through the "link-activated" signal, "Read next" links come back as
 * "open-article".
 *
 * Settings: the view binds its "font-scale" to the article-font-scale key
 * (both ways: zooming is a user action and persists) and its "article-font"
 * to the article-font key (read only), when the app's schema is installed.
 * Light and dark follow AdwStyleManager:dark.
 */

#define MIN_FONT_SCALE 0.5
#define MAX_FONT_SCALE 3.0
#define FONT_SCALE_STEP 0.1

/* Our own scripts (style updates) run in a world of their own */
#define SCRIPT_WORLD "bulletin"

struct _BulletinArticleView
{
  AdwBin                    parent_instance;

  GtkStack                 *stack;
  GtkWidget                *article_box;
  GtkRevealer              *error_revealer;
  GtkLabel                 *error_label;
  WebKitWebView            *web_view;

  BulletinArticleRenderer  *renderer;
  BulletinClient           *client;
  BulletinArticle          *article;
  BulletinEdition          *edition;
  GListModel               *related;
  /* What the shown page's "Read next" links point at, by index */
  GPtrArray                *read_next;
  GCancellable             *cancellable;
  GSettings                *settings;
  GSimpleAction            *open_link_action;

  char                     *article_font;
  double                    font_scale;
  /* load_html() calls whose navigation decide-policy has yet to allow */
  guint                     pending_loads;
  guint                     loading : 1;
  guint                     page_shown : 1;
};

G_DEFINE_FINAL_TYPE (BulletinArticleView, bulletin_article_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_ARTICLE,
  PROP_RELATED,
  PROP_FONT_SCALE,
  PROP_ARTICLE_FONT,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  OPEN_ARTICLE,
  LINK_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  BulletinArticleView *self;
  BulletinArticle     *article;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->article);
  g_free (data);
}

/* WebKit, shared by every article view */

static WebKitNetworkSession *
get_network_session (void)
{
  static WebKitNetworkSession *session;

  /* Nothing of an article page is worth keeping on disk: no cookies, no
   * storage, and images are cached by BulletinClient for saved articles.
   */
  if (session == NULL)
    session = webkit_network_session_new_ephemeral ();

  return session;
}

static WebKitSettings *
get_web_settings (void)
{
  static WebKitSettings *settings;

  if (settings != NULL)
    return settings;

  settings = webkit_settings_new ();
  /* Scripts in the page never run; webkit_web_view_evaluate_javascript()
   * still works, for the view's own style updates.
   */
  webkit_settings_set_enable_javascript_markup (settings, FALSE);
  webkit_settings_set_javascript_can_open_windows_automatically (settings, FALSE);
  webkit_settings_set_javascript_can_access_clipboard (settings, FALSE);
  webkit_settings_set_enable_developer_extras (settings, FALSE);
  webkit_settings_set_enable_html5_database (settings, FALSE);
  webkit_settings_set_enable_html5_local_storage (settings, FALSE);
  webkit_settings_set_enable_page_cache (settings, FALSE);
  webkit_settings_set_allow_file_access_from_file_urls (settings, FALSE);
  webkit_settings_set_allow_universal_access_from_file_urls (settings, FALSE);
  webkit_settings_set_allow_top_navigation_to_data_urls (settings, FALSE);
  webkit_settings_set_allow_modal_dialogs (settings, FALSE);
  webkit_settings_set_enable_back_forward_navigation_gestures (settings, FALSE);
  webkit_settings_set_enable_fullscreen (settings, FALSE);
  webkit_settings_set_enable_webaudio (settings, FALSE);
  webkit_settings_set_enable_webgl (settings, FALSE);
  webkit_settings_set_enable_media_stream (settings, FALSE);
  webkit_settings_set_enable_webrtc (settings, FALSE);
  webkit_settings_set_enable_encrypted_media (settings, FALSE);
  webkit_settings_set_enable_mediasource (settings, FALSE);
  /* A <video> or <audio> the sanitizer kept plays only when the reader
   * asks (the CSP's media-src allows http and https); video items open
   * in the user's player instead.
   */
  webkit_settings_set_media_playback_requires_user_gesture (settings, TRUE);
  webkit_settings_set_enable_write_console_messages_to_stdout (settings, FALSE);
  webkit_settings_set_enable_site_specific_quirks (settings, FALSE);
  webkit_settings_set_enable_tabs_to_links (settings, TRUE);

  return settings;
}

/* Page */

static void ensure_web_view (BulletinArticleView *self);

static void
set_loading (BulletinArticleView *self,
             gboolean             loading)
{
  loading = !!loading;
  if (self->loading == loading)
    return;

  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
render (BulletinArticleView *self)
{
  g_autofree char *html = NULL;

  g_assert (self->article != NULL);

  g_clear_pointer (&self->read_next, g_ptr_array_unref);
  self->read_next = bulletin_article_pick_read_next (self->article, self->related, 4);

  html = bulletin_article_renderer_render (self->renderer, self->article, self->read_next,
                                           self->loading ? BULLETIN_RENDER_LOADING : BULLETIN_RENDER_NONE);

  ensure_web_view (self);
  self->pending_loads++;
  self->page_shown = TRUE;
  webkit_web_view_load_html (self->web_view, html, "about:blank");
}

/* Keeps the shown page in step with the settings without reloading it, so
 * the reader keeps their place. Every value is the view's own.
 */
static void
update_page_style (BulletinArticleView *self)
{
  g_autofree char *script = NULL;
  char scale[G_ASCII_DTOSTR_BUF_SIZE];
  gboolean dark = bulletin_article_renderer_get_dark (self->renderer);
  gboolean sans = g_strcmp0 (bulletin_article_renderer_get_font (self->renderer), "sans") == 0;

  if (!self->page_shown)
    return;

  g_ascii_formatd (scale, sizeof scale, "%.3g", bulletin_article_renderer_get_font_scale (self->renderer));
  script = g_strdup_printf ("(function (root) {"
                            "  root.style.setProperty ('--font-scale', '%s');"
                            "  root.classList.toggle ('dark', %s);"
                            "  root.classList.toggle ('light', %s);"
                            "  root.classList.toggle ('sans', %s);"
                            "  root.classList.toggle ('serif', %s);"
                            "}) (document.documentElement);",
                            scale,
                            dark ? "true" : "false",
                            dark ? "false" : "true",
                            sans ? "true" : "false",
                            sans ? "false" : "true");

  webkit_web_view_evaluate_javascript (self->web_view, script, -1, SCRIPT_WORLD, NULL,
                                       NULL, NULL, NULL);
}

static const char *
describe_load_error (const GError *error)
{
  if (error->domain == BULLETIN_ERROR)
    {
      switch ((BulletinError) error->code)
        {
        case BULLETIN_ERROR_OFFLINE:
          return _("You are offline: only the summary can be shown.");
        case BULLETIN_ERROR_NOT_FOUND:
          return _("The article is no longer on the outlet’s site.");
        case BULLETIN_ERROR_BLOCKED:
          return _("The outlet’s site refused to send the full article.");
        case BULLETIN_ERROR_SERVER:
          return _("The outlet’s site has a problem and could not send the full article.");
        case BULLETIN_ERROR_TIMED_OUT:
          return _("The outlet’s site took too long to send the full article.");
        case BULLETIN_ERROR_TLS:
          return _("The outlet’s site could not prove its identity, so the full article was not loaded.");
        case BULLETIN_ERROR_TOO_LARGE:
          return _("The article’s page is too large to be read here.");
        case BULLETIN_ERROR_NOT_A_PAGE:
          return _("The full text could not be found on the article’s page.");
        case BULLETIN_ERROR_REDIRECT:
        case BULLETIN_ERROR_UNSUPPORTED_URI:
          return _("The article’s address leads somewhere Bulletin does not go.");
        case BULLETIN_ERROR_FAILED:
        case BULLETIN_ERROR_NOT_A_FEED:
        case BULLETIN_ERROR_INVALID_DATA:
        case BULLETIN_ERROR_NO_SPACE:
        case BULLETIN_ERROR_READ_ONLY:
        case BULLETIN_ERROR_CANCELLED:
        default:
          break;
        }
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NETWORK_UNREACHABLE) ||
           g_error_matches (error, G_IO_ERROR, G_IO_ERROR_HOST_UNREACHABLE) ||
           g_error_matches (error, G_RESOLVER_ERROR, G_RESOLVER_ERROR_NOT_FOUND))
    {
      return _("You are offline: only the summary can be shown.");
    }

  return _("The full article could not be loaded.");
}

static void
show_error (BulletinArticleView *self,
            const char          *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

static gboolean
is_cancellation (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
         g_error_matches (error, BULLETIN_ERROR, BULLETIN_ERROR_CANCELLED);
}

static void
article_loaded_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  LoadData *data = user_data;
  BulletinArticleView *self = data->self;
  g_autoptr(GError) error = NULL;
  gboolean loaded;

  loaded = bulletin_article_load_finish (BULLETIN_CLIENT (source), result, &error);

  /* Another article was chosen meanwhile */
  if ((!loaded && is_cancellation (error)) || self->article != data->article)
    {
      load_data_free (data);
      return;
    }

  g_clear_object (&self->cancellable);
  set_loading (self, FALSE);

  if (!loaded)
    {
      g_debug ("Could not load %s: %s", bulletin_article_get_url (data->article), error->message);
      show_error (self, describe_load_error (error));
    }

  render (self);
  load_data_free (data);
}

static gboolean
can_load (BulletinArticle *article)
{
  const char *url = bulletin_article_get_url (article);

  return !bulletin_article_has_body (article) && url != NULL && *url != '\0';
}

static void
start_load (BulletinArticleView *self)
{
  LoadData *data;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (self->client == NULL)
    self->client = g_object_ref (bulletin_client_get_default ());

  self->cancellable = g_cancellable_new ();
  data = g_new0 (LoadData, 1);
  data->self = g_object_ref (self);
  data->article = g_object_ref (self->article);

  set_loading (self, TRUE);
  bulletin_article_load_async (self->client, self->article, self->cancellable,
                               article_loaded_cb, data);
}

static void
update_actions (BulletinArticleView *self)
{
  const char *url = self->article != NULL ? bulletin_article_get_url (self->article) : NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "article.open-in-browser",
                                 bulletin_url_is_safe_link (url));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "article.retry", self->article != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "article.zoom-in",
                                 self->font_scale < MAX_FONT_SCALE - 0.001);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "article.zoom-out",
                                 self->font_scale > MIN_FONT_SCALE + 0.001);
}

/* WebKit signals */

static void
activate_link (BulletinArticleView *self,
               const char          *uri)
{
  int index = bulletin_article_parse_read_next_uri (uri);

  if (index >= 0)
    {
      if (self->read_next != NULL && (guint) index < self->read_next->len)
        {
          g_autoptr(BulletinArticle) article = g_object_ref (g_ptr_array_index (self->read_next, index));

          g_signal_emit (self, signals[OPEN_ARTICLE], 0, article);
        }
      return;
    }

  if (bulletin_url_is_safe_link (uri))
    g_signal_emit (self, signals[LINK_ACTIVATED], 0, uri);
  else
    g_debug ("Not opening a link to %s", uri);
}

static gboolean
is_own_page (const char *uri)
{
  return g_strcmp0 (uri, "about:blank") == 0;
}

static gboolean
decide_policy_cb (WebKitWebView            *web_view,
                  WebKitPolicyDecision     *decision,
                  WebKitPolicyDecisionType  type,
                  BulletinArticleView      *self)
{
  WebKitNavigationAction *action;
  WebKitURIRequest *request;
  const char *uri;

  switch (type)
    {
    case WEBKIT_POLICY_DECISION_TYPE_NAVIGATION_ACTION:
    case WEBKIT_POLICY_DECISION_TYPE_NEW_WINDOW_ACTION:
      action = webkit_navigation_policy_decision_get_navigation_action (WEBKIT_NAVIGATION_POLICY_DECISION (decision));
      request = webkit_navigation_action_get_request (action);
      uri = webkit_uri_request_get_uri (request);

      if (webkit_navigation_action_get_navigation_type (action) == WEBKIT_NAVIGATION_TYPE_LINK_CLICKED)
        {
          /* A jump within the article (footnotes, a table of contents) */
          if (type == WEBKIT_POLICY_DECISION_TYPE_NAVIGATION_ACTION &&
              g_str_has_prefix (uri, "about:blank#"))
            {
              webkit_policy_decision_use (decision);
              return TRUE;
            }

          webkit_policy_decision_ignore (decision);
          activate_link (self, uri);
          return TRUE;
        }

      /* Only the page this view loads itself, never a page's own doing */
      if (type == WEBKIT_POLICY_DECISION_TYPE_NAVIGATION_ACTION &&
          self->pending_loads > 0 &&
          is_own_page (uri) &&
          webkit_navigation_action_get_navigation_type (action) == WEBKIT_NAVIGATION_TYPE_OTHER &&
          !webkit_navigation_action_is_user_gesture (action))
        {
          self->pending_loads--;
          webkit_policy_decision_use (decision);
          return TRUE;
        }

      g_debug ("Refusing a navigation to %s", uri);
      webkit_policy_decision_ignore (decision);
      return TRUE;

    case WEBKIT_POLICY_DECISION_TYPE_RESPONSE:
      request = webkit_response_policy_decision_get_request (WEBKIT_RESPONSE_POLICY_DECISION (decision));
      uri = webkit_uri_request_get_uri (request);

      if (is_own_page (uri))
        webkit_policy_decision_use (decision);
      else
        webkit_policy_decision_ignore (decision);
      return TRUE;

    default:
      webkit_policy_decision_ignore (decision);
      return TRUE;
    }
}

static GtkWidget *
create_cb (WebKitWebView          *web_view,
           WebKitNavigationAction *action,
           BulletinArticleView    *self)
{
  /* No page opens a window */
  return NULL;
}

static gboolean
permission_request_cb (WebKitWebView           *web_view,
                       WebKitPermissionRequest *request,
                       BulletinArticleView     *self)
{
  webkit_permission_request_deny (request);
  return TRUE;
}

static gboolean
refuse_cb (WebKitWebView       *web_view,
           gpointer             unused,
           BulletinArticleView *self)
{
  /* File choosers and notifications: handled by doing nothing */
  return TRUE;
}

static gboolean
refuse_fullscreen_cb (WebKitWebView       *web_view,
                      BulletinArticleView *self)
{
  return TRUE;
}

static gboolean
is_kept_menu_action (WebKitContextMenuAction action)
{
  switch (action)
    {
    case WEBKIT_CONTEXT_MENU_ACTION_NO_ACTION:
    case WEBKIT_CONTEXT_MENU_ACTION_COPY:
    case WEBKIT_CONTEXT_MENU_ACTION_SELECT_ALL:
    case WEBKIT_CONTEXT_MENU_ACTION_COPY_LINK_TO_CLIPBOARD:
    case WEBKIT_CONTEXT_MENU_ACTION_COPY_IMAGE_TO_CLIPBOARD:
    case WEBKIT_CONTEXT_MENU_ACTION_COPY_IMAGE_URL_TO_CLIPBOARD:
      return TRUE;

    default:
      return FALSE;
    }
}

static gboolean
context_menu_cb (WebKitWebView       *web_view,
                 WebKitContextMenu   *menu,
                 WebKitHitTestResult *hit,
                 BulletinArticleView *self)
{
  const char *link = webkit_hit_test_result_context_is_link (hit) ? webkit_hit_test_result_get_link_uri (hit) : NULL;
  const char *image = webkit_hit_test_result_context_is_image (hit) ? webkit_hit_test_result_get_image_uri (hit) : NULL;
  gboolean read_next = bulletin_article_parse_read_next_uri (link) >= 0;
  gboolean local_image = image != NULL && !bulletin_url_is_http (image);
  GList *items = g_list_copy (webkit_context_menu_get_items (menu));
  gboolean previous_separator = TRUE;

  /* Copying is all the page offers; what would navigate, download, open a
   * window or inspect goes.
   */
  for (GList *l = items; l != NULL; l = l->next)
    {
      WebKitContextMenuItem *item = l->data;
      WebKitContextMenuAction action = webkit_context_menu_item_get_stock_action (item);
      gboolean keep = is_kept_menu_action (action);

      if (action == WEBKIT_CONTEXT_MENU_ACTION_COPY_LINK_TO_CLIPBOARD && read_next)
        keep = FALSE;
      if (action == WEBKIT_CONTEXT_MENU_ACTION_COPY_IMAGE_URL_TO_CLIPBOARD && local_image)
        keep = FALSE;
      if (webkit_context_menu_item_is_separator (item))
        keep = !previous_separator;

      if (keep)
        previous_separator = webkit_context_menu_item_is_separator (item);
      else
        webkit_context_menu_remove (menu, item);
    }
  g_list_free (items);

  if (link != NULL && !read_next && bulletin_url_is_safe_link (link))
    {
      webkit_context_menu_prepend (menu, webkit_context_menu_item_new_separator ());
      webkit_context_menu_prepend (menu,
                                   webkit_context_menu_item_new_from_gaction (G_ACTION (self->open_link_action),
                                                                              _("Open Link in Browser"),
                                                                              g_variant_new_string (link)));
    }

  /* No trailing separator */
  while (webkit_context_menu_get_n_items (menu) > 0 &&
         webkit_context_menu_item_is_separator (webkit_context_menu_last (menu)))
    webkit_context_menu_remove (menu, webkit_context_menu_last (menu));

  return webkit_context_menu_get_n_items (menu) == 0;
}

static void
open_link_cb (GSimpleAction       *action,
              GVariant            *parameter,
              BulletinArticleView *self)
{
  activate_link (self, g_variant_get_string (parameter, NULL));
}

static void
web_process_terminated_cb (WebKitWebView                     *web_view,
                           WebKitWebProcessTerminationReason  reason,
                           BulletinArticleView               *self)
{
  if (reason == WEBKIT_WEB_PROCESS_TERMINATED_BY_API)
    g_debug ("The web process showing articles was stopped");
  else
    g_warning ("The web process showing articles %s",
               reason == WEBKIT_WEB_PROCESS_EXCEEDED_MEMORY_LIMIT ? "ran out of memory" : "crashed");

  self->pending_loads = 0;
  self->page_shown = FALSE;
  if (self->article != NULL)
    gtk_stack_set_visible_child_name (self->stack, "crashed");
}

static void
dark_changed_cb (AdwStyleManager     *style_manager,
                 GParamSpec          *pspec,
                 BulletinArticleView *self)
{
  bulletin_article_renderer_set_dark (self->renderer, adw_style_manager_get_dark (style_manager));
  update_page_style (self);
}

/* Actions */

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  bulletin_article_view_zoom_in (BULLETIN_ARTICLE_VIEW (widget));
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  bulletin_article_view_zoom_out (BULLETIN_ARTICLE_VIEW (widget));
}

static void
zoom_reset_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  bulletin_article_view_zoom_reset (BULLETIN_ARTICLE_VIEW (widget));
}

static void
retry_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  BulletinArticleView *self = BULLETIN_ARTICLE_VIEW (widget);

  if (self->article == NULL)
    return;

  show_error (self, NULL);
  gtk_stack_set_visible_child_name (self->stack, "article");
  if (can_load (self->article))
    start_load (self);
  render (self);
}

static void
open_in_browser_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  BulletinArticleView *self = BULLETIN_ARTICLE_VIEW (widget);
  const char *url = self->article != NULL ? bulletin_article_get_url (self->article) : NULL;

  if (bulletin_url_is_safe_link (url))
    g_signal_emit (self, signals[LINK_ACTIVATED], 0, url);
}

static void
bulletin_article_view_real_link_activated (BulletinArticleView *self,
                                           const char          *uri)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
}

/* The WebKitWebView, with its network session and the web and network
 * processes it starts, costs the first frame about as much as the rest of
 * the window: it is made when the view is first mapped or first given an
 * article, not with the view. A window that keeps its empty article pane
 * out of sight until a headline is chosen never makes it at start-up.
 */
static void
ensure_web_view (BulletinArticleView *self)
{
  if (self->web_view != NULL)
    return;

  self->web_view = g_object_new (WEBKIT_TYPE_WEB_VIEW,
                                 "network-session", get_network_session (),
                                 "settings", get_web_settings (),
                                 "hexpand", TRUE,
                                 "vexpand", TRUE,
                                 NULL);
  gtk_box_append (GTK_BOX (self->article_box), GTK_WIDGET (self->web_view));

  g_signal_connect_object (self->web_view, "decide-policy", G_CALLBACK (decide_policy_cb), self, 0);
  g_signal_connect_object (self->web_view, "create", G_CALLBACK (create_cb), self, 0);
  g_signal_connect_object (self->web_view, "permission-request", G_CALLBACK (permission_request_cb), self, 0);
  g_signal_connect_object (self->web_view, "run-file-chooser", G_CALLBACK (refuse_cb), self, 0);
  g_signal_connect_object (self->web_view, "show-notification", G_CALLBACK (refuse_cb), self, 0);
  g_signal_connect_object (self->web_view, "enter-fullscreen", G_CALLBACK (refuse_fullscreen_cb), self, 0);
  g_signal_connect_object (self->web_view, "context-menu", G_CALLBACK (context_menu_cb), self, 0);
  g_signal_connect_object (self->web_view, "web-process-terminated", G_CALLBACK (web_process_terminated_cb), self, 0);
}

/* GObject */

static void
bulletin_article_view_dispose (GObject *object)
{
  BulletinArticleView *self = BULLETIN_ARTICLE_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  g_clear_object (&self->renderer);
  g_clear_object (&self->client);
  g_clear_object (&self->article);
  g_clear_object (&self->edition);
  g_clear_object (&self->related);
  g_clear_object (&self->settings);
  g_clear_object (&self->open_link_action);
  g_clear_pointer (&self->read_next, g_ptr_array_unref);

  G_OBJECT_CLASS (bulletin_article_view_parent_class)->dispose (object);
}

static void
bulletin_article_view_map (GtkWidget *widget)
{
  ensure_web_view (BULLETIN_ARTICLE_VIEW (widget));

  GTK_WIDGET_CLASS (bulletin_article_view_parent_class)->map (widget);
}

static void
bulletin_article_view_finalize (GObject *object)
{
  BulletinArticleView *self = BULLETIN_ARTICLE_VIEW (object);

  g_clear_pointer (&self->article_font, g_free);

  G_OBJECT_CLASS (bulletin_article_view_parent_class)->finalize (object);
}

static void
bulletin_article_view_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  BulletinArticleView *self = BULLETIN_ARTICLE_VIEW (object);

  switch (prop_id)
    {
    case PROP_ARTICLE:
      g_value_set_object (value, self->article);
      break;

    case PROP_RELATED:
      g_value_set_object (value, self->related);
      break;

    case PROP_FONT_SCALE:
      g_value_set_double (value, self->font_scale);
      break;

    case PROP_ARTICLE_FONT:
      g_value_set_string (value, self->article_font);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bulletin_article_view_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  BulletinArticleView *self = BULLETIN_ARTICLE_VIEW (object);

  switch (prop_id)
    {
    case PROP_ARTICLE:
      bulletin_article_view_set_article (self, g_value_get_object (value), self->edition);
      break;

    case PROP_RELATED:
      bulletin_article_view_set_related (self, g_value_get_object (value));
      break;

    case PROP_FONT_SCALE:
      bulletin_article_view_set_font_scale (self, g_value_get_double (value));
      break;

    case PROP_ARTICLE_FONT:
      bulletin_article_view_set_article_font (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bulletin_article_view_class_init (BulletinArticleViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bulletin_article_view_dispose;
  object_class->finalize = bulletin_article_view_finalize;
  object_class->get_property = bulletin_article_view_get_property;
  object_class->set_property = bulletin_article_view_set_property;

  widget_class->map = bulletin_article_view_map;

  /**
   * BulletinArticleView:article:
   *
   * The article shown, or %NULL for the empty state.
   */
  properties[PROP_ARTICLE] =
    g_param_spec_object ("article", NULL, NULL,
                         BULLETIN_TYPE_ARTICLE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * BulletinArticleView:related:
   *
   * The articles "Read next" picks from: the section being read.
   */
  properties[PROP_RELATED] =
    g_param_spec_object ("related", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * BulletinArticleView:font-scale:
   *
   * The article text's size relative to the default; bound to the
   * article-font-scale setting.
   */
  properties[PROP_FONT_SCALE] =
    g_param_spec_double ("font-scale", NULL, NULL,
                         MIN_FONT_SCALE, MAX_FONT_SCALE, 1.0,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * BulletinArticleView:article-font:
   *
   * "serif" or "sans"; bound to the article-font setting.
   */
  properties[PROP_ARTICLE_FONT] =
    g_param_spec_string ("article-font", NULL, NULL,
                         "serif",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * BulletinArticleView:loading:
   *
   * Whether the full text of the article is being fetched.
   */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BulletinArticleView::open-article:
   * @self: the view
   * @article: the article chosen
   *
   * The reader chose a "Read next" article.
   */
  signals[OPEN_ARTICLE] =
    g_signal_new ("open-article",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, BULLETIN_TYPE_ARTICLE);

  /**
   * BulletinArticleView::link-activated:
   * @self: the view
   * @uri: an http, https or mailto URI
   *
   * The reader followed a link out of the article. The default handler
   * opens it with gtk_show_uri(); a handler that stops the emission keeps
   * it from opening.
   */
  signals[LINK_ACTIVATED] =
    g_signal_new_class_handler ("link-activated",
                                G_TYPE_FROM_CLASS (klass),
                                G_SIGNAL_RUN_LAST,
                                G_CALLBACK (bulletin_article_view_real_link_activated),
                                NULL, NULL, NULL,
                                G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/bulletin-article-view.ui");
  gtk_widget_class_bind_template_child (widget_class, BulletinArticleView, stack);
  gtk_widget_class_bind_template_child (widget_class, BulletinArticleView, article_box);
  gtk_widget_class_bind_template_child (widget_class, BulletinArticleView, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, BulletinArticleView, error_label);

  gtk_widget_class_install_action (widget_class, "article.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "article.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "article.zoom-reset", NULL, zoom_reset_action);
  gtk_widget_class_install_action (widget_class, "article.retry", NULL, retry_action);
  gtk_widget_class_install_action (widget_class, "article.open-in-browser", NULL, open_in_browser_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "article.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "article.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "article.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "article.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "article.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "article.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK, "article.zoom-reset", NULL);
}

static BulletinArticleRenderer *
create_renderer (void)
{
  g_autoptr(GBytes) template_html = NULL;
  g_autoptr(GBytes) css = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *template_text = NULL;
  g_autofree char *css_text = NULL;
  BulletinArticleRenderer *renderer;

  template_html = g_resources_lookup_data (RESOURCE_PATH "/article/article.html", G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (template_html != NULL)
    css = g_resources_lookup_data (RESOURCE_PATH "/article/article.css", G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (css == NULL)
    g_error ("The article template is missing from the resources: %s", error->message);

  template_text = g_strndup (g_bytes_get_data (template_html, NULL), g_bytes_get_size (template_html));
  css_text = g_strndup (g_bytes_get_data (css, NULL), g_bytes_get_size (css));

  renderer = bulletin_article_renderer_new (template_text, css_text, &error);
  if (renderer == NULL)
    g_error ("The article template is unusable: %s", error->message);

  return renderer;
}

static void
bind_settings (BulletinArticleView *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    return;

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "article-font-scale", self, "font-scale", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "article-font", self, "article-font", G_SETTINGS_BIND_GET);
}

static void
bulletin_article_view_init (BulletinArticleView *self)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->font_scale = 1.0;
  self->article_font = g_strdup ("serif");
  self->renderer = create_renderer ();
  bulletin_article_renderer_set_dark (self->renderer, adw_style_manager_get_dark (style_manager));

  g_signal_connect_object (style_manager, "notify::dark", G_CALLBACK (dark_changed_cb), self, 0);

  self->open_link_action = g_simple_action_new ("open-link", G_VARIANT_TYPE_STRING);
  g_signal_connect_object (self->open_link_action, "activate", G_CALLBACK (open_link_cb), self, 0);

  gtk_stack_set_visible_child_name (self->stack, "empty");
  update_actions (self);
  bind_settings (self);
}

/**
 * bulletin_article_view_new:
 *
 * Returns: (transfer floating): a new article view showing no article
 */
GtkWidget *
bulletin_article_view_new (void)
{
  return g_object_new (BULLETIN_TYPE_ARTICLE_VIEW, NULL);
}

/**
 * bulletin_article_view_set_article:
 * @self: a #BulletinArticleView
 * @article: (nullable): the article to show, or %NULL for the empty state
 * @edition: (nullable): its edition, which gives the language, direction
 *   and source name of articles that lack them
 *
 * Shows @article. An article without its body shows its summary at once
 * and fetches the full text (see #BulletinArticleView:loading); when that
 * fails, the summary stays with a worded error, Retry and Open in Browser.
 */
void
bulletin_article_view_set_article (BulletinArticleView *self,
                                   BulletinArticle     *article,
                                   BulletinEdition     *edition)
{
  g_return_if_fail (BULLETIN_IS_ARTICLE_VIEW (self));
  g_return_if_fail (article == NULL || BULLETIN_IS_ARTICLE (article));
  g_return_if_fail (edition == NULL || BULLETIN_IS_EDITION (edition));

  if (edition != self->edition)
    {
      g_set_object (&self->edition, edition);
      if (edition != NULL)
        {
          const char *source = bulletin_edition_get_site_name (edition);

          if (source == NULL)
            source = bulletin_edition_get_name (edition);
          bulletin_article_renderer_set_defaults (self->renderer,
                                                  bulletin_edition_get_language (edition),
                                                  bulletin_edition_get_direction (edition),
                                                  source);
        }
      else
        {
          bulletin_article_renderer_set_defaults (self->renderer, NULL, NULL, NULL);
        }
    }
  else if (article == self->article && gtk_stack_get_visible_child_name (self->stack) != NULL &&
           !g_str_equal (gtk_stack_get_visible_child_name (self->stack), "crashed"))
    {
      /* The same selection again: keep the reader's place */
      return;
    }

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_set_object (&self->article, article);
  show_error (self, NULL);

  if (article == NULL)
    {
      set_loading (self, FALSE);
      g_clear_pointer (&self->read_next, g_ptr_array_unref);
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
  else
    {
      gtk_stack_set_visible_child_name (self->stack, "article");
      if (can_load (article))
        start_load (self);
      else
        set_loading (self, FALSE);
      render (self);
    }

  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARTICLE]);
}

/**
 * bulletin_article_view_get_article:
 * @self: a #BulletinArticleView
 *
 * Returns: (transfer none) (nullable): the article shown
 */
BulletinArticle *
bulletin_article_view_get_article (BulletinArticleView *self)
{
  g_return_val_if_fail (BULLETIN_IS_ARTICLE_VIEW (self), NULL);

  return self->article;
}

/**
 * bulletin_article_view_set_related:
 * @self: a #BulletinArticleView
 * @related: (nullable): a #GListModel of #BulletinArticle: the section being
 *   read
 *
 * Sets where "Read next" comes from: up to four other articles of the shown
 * article's section, taken when an article is shown.
 */
void
bulletin_article_view_set_related (BulletinArticleView *self,
                                   GListModel          *related)
{
  g_return_if_fail (BULLETIN_IS_ARTICLE_VIEW (self));
  g_return_if_fail (related == NULL || G_IS_LIST_MODEL (related));

  if (g_set_object (&self->related, related))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RELATED]);
}

/**
 * bulletin_article_view_get_related:
 * @self: a #BulletinArticleView
 *
 * Returns: (transfer none) (nullable): the model "Read next" picks from
 */
GListModel *
bulletin_article_view_get_related (BulletinArticleView *self)
{
  g_return_val_if_fail (BULLETIN_IS_ARTICLE_VIEW (self), NULL);

  return self->related;
}

/**
 * bulletin_article_view_set_client:
 * @self: a #BulletinArticleView
 * @client: (nullable): the client full articles are fetched with; %NULL
 *   for bulletin_client_get_default()
 */
void
bulletin_article_view_set_client (BulletinArticleView *self,
                                  BulletinClient      *client)
{
  g_return_if_fail (BULLETIN_IS_ARTICLE_VIEW (self));
  g_return_if_fail (client == NULL || BULLETIN_IS_CLIENT (client));

  g_set_object (&self->client, client);
}

void
bulletin_article_view_set_font_scale (BulletinArticleView *self,
                                      double               scale)
{
  g_return_if_fail (BULLETIN_IS_ARTICLE_VIEW (self));

  scale = CLAMP (scale, MIN_FONT_SCALE, MAX_FONT_SCALE);
  if (G_APPROX_VALUE (scale, self->font_scale, 0.0001))
    return;

  self->font_scale = scale;
  bulletin_article_renderer_set_font_scale (self->renderer, scale);
  update_page_style (self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FONT_SCALE]);
}

double
bulletin_article_view_get_font_scale (BulletinArticleView *self)
{
  g_return_val_if_fail (BULLETIN_IS_ARTICLE_VIEW (self), 1.0);

  return self->font_scale;
}

/**
 * bulletin_article_view_set_article_font:
 * @self: a #BulletinArticleView
 * @font: (nullable): "serif" or "sans"
 */
void
bulletin_article_view_set_article_font (BulletinArticleView *self,
                                        const char          *font)
{
  g_return_if_fail (BULLETIN_IS_ARTICLE_VIEW (self));

  bulletin_article_renderer_set_font (self->renderer, font);
  font = bulletin_article_renderer_get_font (self->renderer);
  if (g_strcmp0 (font, self->article_font) == 0)
    return;

  g_free (self->article_font);
  self->article_font = g_strdup (font);
  update_page_style (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARTICLE_FONT]);
}

const char *
bulletin_article_view_get_article_font (BulletinArticleView *self)
{
  g_return_val_if_fail (BULLETIN_IS_ARTICLE_VIEW (self), NULL);

  return self->article_font;
}

static double
round_scale (double scale)
{
  return round (scale * 10.0) / 10.0;
}

void
bulletin_article_view_zoom_in (BulletinArticleView *self)
{
  g_return_if_fail (BULLETIN_IS_ARTICLE_VIEW (self));

  bulletin_article_view_set_font_scale (self, round_scale (self->font_scale + FONT_SCALE_STEP));
}

void
bulletin_article_view_zoom_out (BulletinArticleView *self)
{
  g_return_if_fail (BULLETIN_IS_ARTICLE_VIEW (self));

  bulletin_article_view_set_font_scale (self, round_scale (self->font_scale - FONT_SCALE_STEP));
}

void
bulletin_article_view_zoom_reset (BulletinArticleView *self)
{
  g_return_if_fail (BULLETIN_IS_ARTICLE_VIEW (self));

  bulletin_article_view_set_font_scale (self, 1.0);
}

gboolean
bulletin_article_view_get_loading (BulletinArticleView *self)
{
  g_return_val_if_fail (BULLETIN_IS_ARTICLE_VIEW (self), FALSE);

  return self->loading;
}
