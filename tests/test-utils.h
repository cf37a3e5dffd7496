/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bulletin-client.h"

G_BEGIN_DECLS

/* What the unit tests share: their set-up, a client for the fixture
 * server, the test data, walking a tree of files, and waiting on an
 * async call.
 */

typedef void (*TestUtilsFileFunc) (const char *path,
                                   gpointer    user_data);

void            test_utils_init        (int           *argc,
                                        char        ***argv);
BulletinClient *test_utils_new_client  (void);
GBytes         *test_utils_load_data   (const char    *first_element,
                                        ...) G_GNUC_NULL_TERMINATED;
void            test_utils_result_cb   (GObject       *object,
                                        GAsyncResult  *result,
                                        gpointer       user_data);
GAsyncResult   *test_utils_wait        (GAsyncResult **result);
void            test_utils_collect_between (const char *text,
                                            const char *open,
                                            const char *close,
                                            GHashTable *found);
void            test_utils_walk_tree   (const char         *dir,
                                        const char * const *suffixes,
                                        TestUtilsFileFunc   func,
                                        gpointer            user_data);

G_END_DECLS
