/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bulletin-error"

#include "config.h"

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
