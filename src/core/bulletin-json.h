/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Internal to libbulletin-core: reading members of JSON that may be
 * hostile or damaged, without the criticals json-glib's own getters raise
 * on a member of the wrong type.
 */

const char *bulletin_json_get_string (JsonObject *object,
                                      const char *name);
gint64      bulletin_json_get_int    (JsonObject *object,
                                      const char *name,
                                      gint64      default_value);

G_END_DECLS
