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

/**
 * bulletin_json_get_int:
 * @object: (nullable): a JSON object
 * @name: a member name
 * @default_value: what to return when there is no such number
 *
 * json_object_get_int_member_with_default() raises a critical for a member
 * that is an object or an array; damaged files must not.
 *
 * Returns: the member's value when it is an integer (a double is
 *   truncated), else @default_value
 */
gint64
bulletin_json_get_int (JsonObject *object,
                       const char *name,
                       gint64      default_value)
{
  JsonNode *node;
  GType type;

  if (object == NULL)
    return default_value;

  node = json_object_get_member (object, name);
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return default_value;

  type = json_node_get_value_type (node);
  if (type == G_TYPE_INT64)
    return json_node_get_int (node);
  if (type == G_TYPE_DOUBLE)
    {
      double value = json_node_get_double (node);

      /* (double) G_MAXINT64 is 2^63, one past it; NaN and the
       * infinities fail both tests */
      if (value >= (double) G_MININT64 && value < (double) G_MAXINT64)
        return (gint64) value;
    }

  return default_value;
}
