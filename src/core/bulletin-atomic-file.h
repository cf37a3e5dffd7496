/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean bulletin_atomic_file_write      (const char  *path,
                                          const void  *data,
                                          gsize        length,
                                          GError     **error);
gboolean bulletin_atomic_file_is_temp    (const char  *basename);
gboolean bulletin_mkdir_with_parents     (const char  *path,
                                          GError     **error);
gboolean bulletin_remove_tree            (const char  *path,
                                          GError     **error);
void     bulletin_set_error_from_errno   (GError     **error,
                                          int          saved_errno,
                                          const char  *what,
                                          const char  *path);

G_END_DECLS
