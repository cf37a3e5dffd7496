/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bulletin-error"

#include "config.h"

#include <gio/gio.h>

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
