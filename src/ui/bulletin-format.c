/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bulletin-format"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "bulletin-core.h"
#include "bulletin-format.h"

/**
 * bulletin_format_ui_language:
 *
 * The language the interface is shown in: the one of the translation in
 * effect, read from its header, so that dates agree with the words around
 * them even when LC_TIME names another language.
 *
 * Returns: (transfer none): a language code such as "ar" or "es"; "en"
 *   when the interface is not translated
 */
const char *
bulletin_format_ui_language (void)
{
  /* g_dgettext rather than dgettext, which xgettext would take for a
   * string to translate */
  const char *header = g_dgettext (GETTEXT_PACKAGE, "");
  const char *line;
  g_autofree char *code = NULL;
  gsize length;

  /* An untranslated interface gives the empty string back */
  if (header == NULL || *header == '\0')
    return "en";

  line = strstr (header, "Language: ");
  if (line == NULL)
    return "en";
  line += strlen ("Language: ");
  length = strcspn (line, "\n");
  code = g_strndup (line, length);

  return bulletin_date_format_language (code);
}

/**
 * bulletin_format_relative_time:
 * @time: when something happened
 * @now: (nullable): the present, or %NULL for the clock's
 *
 * Words how long ago @time was, the way a news site does: "Just now",
 * "5 min ago", "3 h ago", "Yesterday", then the date.
 *
 * Returns: (transfer full): the text, in the user's language
 */
char *
bulletin_format_relative_time (GDateTime *time,
                               GDateTime *now)
{
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) local_now = NULL;
  g_autoptr(GDateTime) local_time = NULL;
  g_autoptr(GDateTime) today = NULL;
  g_autoptr(GDateTime) yesterday = NULL;
  GTimeSpan ago;

  g_return_val_if_fail (time != NULL, NULL);

  /* The local zone once: GLib looks /etc/localtime up again (a stat and a
   * readlink) for every "local" GDateTime, and a headline row is worded
   * each time the list binds it, a screenful of rows a frame. */
  zone = g_time_zone_new_local ();
  local_now = now != NULL ? g_date_time_to_timezone (now, zone) : g_date_time_new_now (zone);
  local_time = g_date_time_to_timezone (time, zone);
  ago = g_date_time_difference (local_now, local_time);

  /* A clock a little ahead of ours still means "now" */
  if (ago < G_TIME_SPAN_MINUTE)
    return g_strdup (_("Just now"));

  if (ago < G_TIME_SPAN_HOUR)
    {
      int minutes = (int) (ago / G_TIME_SPAN_MINUTE);
      g_autofree char *text = NULL;

      /* Translators: a short relative time in a headline list */
      text = g_strdup_printf (ngettext ("%d min ago", "%d min ago", minutes), minutes);
      return bulletin_date_localize_digits (text, bulletin_format_ui_language ());
    }

  if (ago < G_TIME_SPAN_DAY)
    {
      int hours = (int) (ago / G_TIME_SPAN_HOUR);
      g_autofree char *text = NULL;

      /* Translators: a short relative time in a headline list, "h" for hours */
      text = g_strdup_printf (ngettext ("%d h ago", "%d h ago", hours), hours);
      return bulletin_date_localize_digits (text, bulletin_format_ui_language ());
    }

  today = g_date_time_new (zone,
                           g_date_time_get_year (local_now),
                           g_date_time_get_month (local_now),
                           g_date_time_get_day_of_month (local_now),
                           0, 0, 0);
  yesterday = g_date_time_add_days (today, -1);

  if (g_date_time_compare (local_time, yesterday) >= 0)
    return g_strdup (_("Yesterday"));

  if (g_date_time_get_year (local_time) == g_date_time_get_year (local_now))
    return bulletin_date_format (local_time, bulletin_format_ui_language (), BULLETIN_DATE_STYLE_DAY_MONTH);

  return bulletin_date_format (local_time, bulletin_format_ui_language (), BULLETIN_DATE_STYLE_DATE);
}

/**
 * bulletin_format_full_date:
 * @time: a moment
 *
 * Returns: (transfer full): @time on the reader's clock, in full and in the
 *   interface's language: "Monday, 19 June 2023, 14:25"
 */
char *
bulletin_format_full_date (GDateTime *time)
{
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (time != NULL, NULL);

  local = g_date_time_to_local (time);

  return bulletin_date_format (local, bulletin_format_ui_language (), BULLETIN_DATE_STYLE_FULL);
}

/**
 * bulletin_format_error_title:
 * @error: an error from loading headlines
 *
 * Returns: a short title for a status page that shows @error
 */
const char *
bulletin_format_error_title (const GError *error)
{
  g_return_val_if_fail (error != NULL, NULL);

  if (error->domain == BULLETIN_ERROR)
    {
      switch ((BulletinError) error->code)
        {
        case BULLETIN_ERROR_OFFLINE:
          return _("You Are Offline");

        case BULLETIN_ERROR_BLOCKED:
          return _("The Site Refused the Request");

        case BULLETIN_ERROR_SERVER:
          return _("The Site Is Having Trouble");

        case BULLETIN_ERROR_TIMED_OUT:
          return _("The Site Did Not Answer");

        case BULLETIN_ERROR_TLS:
          return _("The Connection Is Not Secure");

        case BULLETIN_ERROR_NOT_FOUND:
          return _("This Section Was Not Found");

        case BULLETIN_ERROR_NOT_A_FEED:
        case BULLETIN_ERROR_NOT_A_PAGE:
        case BULLETIN_ERROR_INVALID_DATA:
          return _("The Headlines Could Not Be Read");

        case BULLETIN_ERROR_FAILED:
        case BULLETIN_ERROR_TOO_LARGE:
        case BULLETIN_ERROR_REDIRECT:
        case BULLETIN_ERROR_UNSUPPORTED_URI:
        case BULLETIN_ERROR_NO_SPACE:
        case BULLETIN_ERROR_READ_ONLY:
        case BULLETIN_ERROR_CANCELLED:
        default:
          break;
        }
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NETWORK_UNREACHABLE) ||
           g_error_matches (error, G_IO_ERROR, G_IO_ERROR_HOST_UNREACHABLE) ||
           g_error_matches (error, G_RESOLVER_ERROR, G_RESOLVER_ERROR_NOT_FOUND) ||
           g_error_matches (error, G_RESOLVER_ERROR, G_RESOLVER_ERROR_TEMPORARY_FAILURE))
    {
      return _("You Are Offline");
    }

  return _("Headlines Could Not Be Loaded");
}

/**
 * bulletin_format_error_icon:
 * @error: an error from loading headlines
 *
 * Returns: the name of a symbolic icon for a status page that shows @error
 */
const char *
bulletin_format_error_icon (const GError *error)
{
  g_return_val_if_fail (error != NULL, NULL);

  if (g_error_matches (error, BULLETIN_ERROR, BULLETIN_ERROR_OFFLINE) ||
      g_error_matches (error, BULLETIN_ERROR, BULLETIN_ERROR_TIMED_OUT) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NETWORK_UNREACHABLE) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_HOST_UNREACHABLE) ||
      g_error_matches (error, G_RESOLVER_ERROR, G_RESOLVER_ERROR_NOT_FOUND) ||
      g_error_matches (error, G_RESOLVER_ERROR, G_RESOLVER_ERROR_TEMPORARY_FAILURE))
    return "network-offline-symbolic";

  if (g_error_matches (error, BULLETIN_ERROR, BULLETIN_ERROR_TLS))
    return "channel-insecure-symbolic";

  return "dialog-warning-symbolic";
}
