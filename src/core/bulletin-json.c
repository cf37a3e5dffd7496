/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bulletin-json"

#include "config.h"

#include "bulletin-json.h"

/**
 * bulletin_json_get_string:
 * @object: (nullable): a JSON object
 * @name: a member name
 *
 * Returns: (transfer none) (nullable): the member's value when it is a
 *   string; %NULL when @object is %NULL, or the member is absent or of
 *   another type
 */
const char *
bulletin_json_get_string (JsonObject *object,
                          const char *name)
{
  JsonNode *node;

  if (object == NULL)
    return NULL;

  node = json_object_get_member (object, name);
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}
