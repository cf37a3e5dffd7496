/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bulletin-application"

#include "config.h"

#include <glib/gi18n.h>

#include "bulletin-application.h"
#include "bulletin-window.h"

struct _BulletinApplication
{
  AdwApplication  parent_instance;

  /* --edition ID: the edition for this run only, never written to settings */
  char           *edition_override;
};

G_DEFINE_FINAL_TYPE (BulletinApplication, bulletin_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "edition", 'e', 0, G_OPTION_ARG_STRING, NULL,
    N_("Read this edition for this run (for example demo, almayadeen-en)"), N_("ID") },
  { NULL }
};

BulletinApplication *
bulletin_application_new (void)
{
  return g_object_new (BULLETIN_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_PATH,
                       NULL);
}

const char *
bulletin_application_get_edition_override (BulletinApplication *self)
{
  g_return_val_if_fail (BULLETIN_IS_APPLICATION (self), NULL);

  return self->edition_override;
}

static int
bulletin_application_handle_local_options (GApplication *app,
                                           GVariantDict *options)
{
  BulletinApplication *self = BULLETIN_APPLICATION (app);
  const char *edition = NULL;

  if (g_variant_dict_lookup (options, "edition", "&s", &edition))
    {
      g_free (self->edition_override);
      self->edition_override = g_strdup (edition);
    }

  return -1;
}

static void
bulletin_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (bulletin_window_new (BULLETIN_APPLICATION (app)));

  gtk_window_present (window);
}

static void
bulletin_application_about_action (GSimpleAction *action,
                                   GVariant      *parameter,
                                   gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  static const char *developers[] = { "The Bulletin developers", NULL };
  AdwAboutWindow *about;

  about = ADW_ABOUT_WINDOW (adw_about_window_new ());
  adw_about_window_set_application_name (about, _("Bulletin"));
  adw_about_window_set_application_icon (about, APP_ID);
  adw_about_window_set_version (about, PACKAGE_VERSION);
  adw_about_window_set_developer_name (about, _("The Bulletin developers"));
  adw_about_window_set_developers (about, developers);
  adw_about_window_set_license_type (about, GTK_LICENSE_GPL_3_0);
  adw_about_window_set_comments (about,
                                 _("A reader for news outlets, shaped like their own sites. "
                                   "Bulletin is not made by or affiliated with any outlet it reads."));
  adw_about_window_set_translator_credits (about, _("translator-credits"));
  gtk_window_set_transient_for (GTK_WINDOW (about), gtk_application_get_active_window (app));
  gtk_window_present (GTK_WINDOW (about));
}

static void
bulletin_application_quit_action (GSimpleAction *action,
                                  GVariant      *parameter,
                                  gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static const GActionEntry app_actions[] = {
  { "about", bulletin_application_about_action },
  { "quit", bulletin_application_quit_action },
};

static void
bulletin_application_startup (GApplication *app)
{
  const char *quit_accels[] = { "<Control>q", NULL };

  G_APPLICATION_CLASS (bulletin_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
}

static void
bulletin_application_finalize (GObject *object)
{
  BulletinApplication *self = BULLETIN_APPLICATION (object);

  g_clear_pointer (&self->edition_override, g_free);

  G_OBJECT_CLASS (bulletin_application_parent_class)->finalize (object);
}

static void
bulletin_application_class_init (BulletinApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = bulletin_application_finalize;
  app_class->activate = bulletin_application_activate;
  app_class->startup = bulletin_application_startup;
  app_class->handle_local_options = bulletin_application_handle_local_options;
}

static void
bulletin_application_init (BulletinApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Read the news of an outlet, online or from saved articles."));
}
