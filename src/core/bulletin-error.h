/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define BULLETIN_ERROR (bulletin_error_quark ())

/**
 * BulletinError:
 * @BULLETIN_ERROR_FAILED: anything not covered below
 * @BULLETIN_ERROR_OFFLINE: the network cannot be reached
 * @BULLETIN_ERROR_NOT_FOUND: the server has no such page (404, 410) or the file is missing
 * @BULLETIN_ERROR_BLOCKED: the site refused the request (401, 403, 429: bot protection, rate limits)
 * @BULLETIN_ERROR_SERVER: the server failed (5xx)
 * @BULLETIN_ERROR_TOO_LARGE: the response is larger than the limit for its kind
 * @BULLETIN_ERROR_TIMED_OUT: the server took too long to answer
 * @BULLETIN_ERROR_TLS: the secure connection could not be verified
 * @BULLETIN_ERROR_REDIRECT: too many redirects, or a redirect to a scheme other than http/https
 * @BULLETIN_ERROR_UNSUPPORTED_URI: a URI whose scheme Bulletin does not fetch
 * @BULLETIN_ERROR_NOT_A_FEED: the bytes are not a feed Bulletin can read
 * @BULLETIN_ERROR_NOT_A_PAGE: the bytes are not an HTML page with an article
 * @BULLETIN_ERROR_INVALID_DATA: malformed input (an edition file, a saved article, a bookmark file)
 * @BULLETIN_ERROR_NO_SPACE: the disk is full
 * @BULLETIN_ERROR_READ_ONLY: a data directory cannot be written
 * @BULLETIN_ERROR_CANCELLED: the operation was cancelled
 *
 * Error codes a caller can act on and a UI can word.
 */
typedef enum
{
  BULLETIN_ERROR_FAILED,
  BULLETIN_ERROR_OFFLINE,
  BULLETIN_ERROR_NOT_FOUND,
  BULLETIN_ERROR_BLOCKED,
  BULLETIN_ERROR_SERVER,
  BULLETIN_ERROR_TOO_LARGE,
  BULLETIN_ERROR_TIMED_OUT,
  BULLETIN_ERROR_TLS,
  BULLETIN_ERROR_REDIRECT,
  BULLETIN_ERROR_UNSUPPORTED_URI,
  BULLETIN_ERROR_NOT_A_FEED,
  BULLETIN_ERROR_NOT_A_PAGE,
  BULLETIN_ERROR_INVALID_DATA,
  BULLETIN_ERROR_NO_SPACE,
  BULLETIN_ERROR_READ_ONLY,
  BULLETIN_ERROR_CANCELLED,
} BulletinError;

GQuark      bulletin_error_quark          (void);
const char *bulletin_error_code_name      (int            code);
GError     *bulletin_error_new_cancelled  (void);
void        bulletin_error_map_cancelled  (GError       **error);

G_END_DECLS
