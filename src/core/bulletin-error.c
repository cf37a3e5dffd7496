/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bulletin-error"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "bulletin-error.h"

G_DEFINE_QUARK (bulletin-error-quark, bulletin_error)

/**
 * bulletin_error_code_name:
 * @code: a #BulletinError
 *
 * Returns: (transfer none): a stable machine-readable name for @code, as
 *   printed by `bulletin-cli --json` in its error objects
 */
const char *
bulletin_error_code_name (int code)
{
  static const char * const names[] = {
    [BULLETIN_ERROR_FAILED] = "failed",
    [BULLETIN_ERROR_OFFLINE] = "offline",
    [BULLETIN_ERROR_NOT_FOUND] = "not-found",
    [BULLETIN_ERROR_BLOCKED] = "blocked",
    [BULLETIN_ERROR_SERVER] = "server-error",
    [BULLETIN_ERROR_TOO_LARGE] = "too-large",
    [BULLETIN_ERROR_TIMED_OUT] = "timed-out",
    [BULLETIN_ERROR_TLS] = "tls",
    [BULLETIN_ERROR_REDIRECT] = "redirect",
    [BULLETIN_ERROR_UNSUPPORTED_URI] = "unsupported-uri",
    [BULLETIN_ERROR_NOT_A_FEED] = "not-a-feed",
    [BULLETIN_ERROR_NOT_A_PAGE] = "not-a-page",
    [BULLETIN_ERROR_INVALID_DATA] = "invalid-data",
    [BULLETIN_ERROR_NO_SPACE] = "no-space",
    [BULLETIN_ERROR_READ_ONLY] = "read-only",
    [BULLETIN_ERROR_CANCELLED] = "cancelled",
  };

  if (code < 0 || code >= (int) G_N_ELEMENTS (names))
    return "failed";

  return names[code];
}

/**
 * bulletin_error_new_cancelled:
 *
 * Returns: (transfer full): a %BULLETIN_ERROR_CANCELLED error
 */
GError *
bulletin_error_new_cancelled (void)
{
  return g_error_new_literal (BULLETIN_ERROR, BULLETIN_ERROR_CANCELLED, "The request was cancelled.");
}

/**
 * bulletin_error_map_cancelled:
 * @error: (inout) (nullable): an error, or a pointer to %NULL
 *
 * Says GIO's %G_IO_ERROR_CANCELLED (as a cancelled parser or extractor
 * gives it) in Bulletin's words: replaces it with
 * %BULLETIN_ERROR_CANCELLED. Any other error stays as it is.
 */
void
bulletin_error_map_cancelled (GError **error)
{
  if (error == NULL || !g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_error (error);
  *error = bulletin_error_new_cancelled ();
}

/**
 * bulletin_error_describe:
 * @error: (nullable): an error from Bulletin's core
 *
 * A short headline for @error that a window can show above the error's own
 * message ("You are offline", "The site refused the request"…), in the
 * user's language.
 *
 * Returns: (transfer none): a translated headline, never %NULL
 */
const char *
bulletin_error_describe (const GError *error)
{
  if (error == NULL || error->domain != BULLETIN_ERROR)
    return _("Something went wrong");

  switch ((BulletinError) error->code)
    {
    case BULLETIN_ERROR_OFFLINE:
      return _("You are offline");
    case BULLETIN_ERROR_NOT_FOUND:
      return _("The page was not found");
    case BULLETIN_ERROR_BLOCKED:
      return _("The site refused the request");
    case BULLETIN_ERROR_SERVER:
      return _("The site has a problem");
    case BULLETIN_ERROR_TOO_LARGE:
      return _("The response is too large");
    case BULLETIN_ERROR_TIMED_OUT:
      return _("The site took too long to answer");
    case BULLETIN_ERROR_TLS:
      return _("The secure connection could not be verified");
    case BULLETIN_ERROR_REDIRECT:
      return _("The site redirected too often or somewhere unsafe");
    case BULLETIN_ERROR_UNSUPPORTED_URI:
      return _("This address cannot be opened");
    case BULLETIN_ERROR_NOT_A_FEED:
      return _("This is not a news feed");
    case BULLETIN_ERROR_NOT_A_PAGE:
      return _("No article was found on this page");
    case BULLETIN_ERROR_INVALID_DATA:
      return _("The data is damaged");
    case BULLETIN_ERROR_NO_SPACE:
      return _("The disk is full");
    case BULLETIN_ERROR_READ_ONLY:
      return _("The data folder cannot be written");
    case BULLETIN_ERROR_CANCELLED:
      return _("Cancelled");
    case BULLETIN_ERROR_FAILED:
    default:
      return _("Something went wrong");
    }
}
