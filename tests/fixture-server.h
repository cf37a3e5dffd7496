/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bulletin-edition.h"

G_BEGIN_DECLS

/* A local outlet for network tests: a SoupServer on 127.0.0.1 (random
 * port) serving tests/data/outlet/ under /outlet/, with ETag and
 * Last-Modified (304 on a matching conditional request), and each fault of
 * the real network by path:
 *
 *   /fault/403 /fault/404 /fault/410 /fault/500   that status, with a body
 *   /fault/429-retry /fault/503-retry             that status, Retry-After: 3600
 *   /fault/stall                                  accepted, never answered
 *   /fault/trickle                                one byte every 200 ms, forever
 *   /fault/truncated                              Content-Length 10000, 100 bytes, close
 *   /fault/huge                                   12 MiB with Content-Length
 *   /fault/huge-chunked                           12 MiB chunked, no length
 *   /fault/gzip-bomb                              64 MiB of zeros, gzip-encoded (~64 KiB)
 *   /fault/gzip-feed                              outlet/rss.xml gzip-encoded
 *   /fault/corrupt-gzip                           a gzip header, then a broken deflate stream
 *   /fault/truncated-gzip                         the first half of gzip-feed, Content-Length of that half
 *   /fault/empty-feed                             200, application/rss+xml, Content-Length: 0
 *   /fault/loop-a  /fault/loop-b                  redirect to each other
 *   /fault/chain/N                                redirect to N+1, up to 20
 *   /fault/to-file                                redirect to file:///etc/passwd
 *   /fault/redirect-feed                          redirect to /outlet/rss.xml
 *   /fault/image                                  a PNG with Content-Type image/png
 *   /fault/latin1-feed                            RSS said to be UTF-8, bytes in Latin-1
 *   /fault/not-a-feed                             HTML text served as application/rss+xml
 *
 * and, on a raw port (fixture_server_url() of a /raw/ path):
 *
 *   /raw/stall                                    the request read, never answered
 *   /raw/truncated                                Content-Length 10000, 100 bytes, close
 *   /raw/mid-header                               "HTTP/1.1 200 OK\r\nContent-Ty", close
 *   /raw/drip                                     Content-Length 100000, one byte a second
 *   /raw/endless-chunked                          64 KiB chunks until the client hangs up
 *   /raw/endless-gzip                             gzip of zeros, chunked, until the client hangs up
 *   /raw/huge-header                              a header line of 1 MiB
 *   /raw/many-headers                             10,000 header lines
 *
 * The last five count the bytes they wrote and the clients that hung up
 * on them (fixture_server_get_bytes_sent(), fixture_server_get_hang_ups()).
 *
 * Paths set with fixture_server_set_content() win over the files; a path
 * set with fixture_server_set_alias() answers as its target does (a /raw/
 * target by a redirect to the raw port, an absolute URI by a redirect there).
 */
typedef struct _FixtureServer FixtureServer;

FixtureServer   *fixture_server_new              (void);
void             fixture_server_free             (FixtureServer *self);
const char      *fixture_server_get_base         (FixtureServer *self);
char            *fixture_server_url              (FixtureServer *self,
                                                  const char    *path);
void             fixture_server_set_content      (FixtureServer *self,
                                                  const char    *path,
                                                  const char    *content_type,
                                                  const char    *body,
                                                  gssize         length);
void             fixture_server_set_status       (FixtureServer *self,
                                                  const char    *path,
                                                  guint          status);
void             fixture_server_set_alias        (FixtureServer *self,
                                                  const char    *path,
                                                  const char    *target);
void             fixture_server_clear_overrides  (FixtureServer *self);
guint            fixture_server_get_requests     (FixtureServer *self,
                                                  const char    *path);
guint            fixture_server_get_not_modified (FixtureServer *self,
                                                  const char    *path);
char            *fixture_server_get_last_header  (FixtureServer *self,
                                                  const char    *path,
                                                  const char    *header);
void             fixture_server_reset_counts     (FixtureServer *self);
guint64          fixture_server_get_bytes_sent   (FixtureServer *self,
                                                  const char    *path);
guint            fixture_server_get_hang_ups     (FixtureServer *self,
                                                  const char    *path);
gboolean         fixture_server_wait_for_hang_up (FixtureServer *self,
                                                  const char    *path,
                                                  guint64        max_bytes);
BulletinEdition *fixture_server_load_edition     (FixtureServer *self,
                                                  const char    *name);
char            *fixture_read_data               (const char    *name,
                                                  gsize         *length);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FixtureServer, fixture_server_free)

G_END_DECLS
