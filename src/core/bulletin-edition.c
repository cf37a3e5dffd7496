/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bulletin-edition"

#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>

#include "bulletin-edition.h"
#include "bulletin-error.h"
#include "bulletin-url.h"

/* An edition file says everything outlet-specific: its sections and
 * regions in the outlet's own order, where each one's headlines come from,
 * and where breaking news is read. docs/editions.md describes the format;
 * the loader below refuses a file that breaks it, naming the member at
 * fault, so that a typo in an edition shows up in the lint test rather than
 * as an empty sidebar.
 */

#define MAX_EDITION_SIZE (1024 * 1024)

struct _BulletinEdition
{
  GObject          parent_instance;

  char            *id;
  char            *name;
  char            *short_name;
  char            *language;
  char            *direction;
  char            *home_url;
  char            *site_name;
  char            *article_pattern;
  GRegex          *article_regex;
  char            *base_uri;
  BulletinSource  *breaking;
  BulletinSection *latest;
  GListStore      *sections;
};

G_DEFINE_FINAL_TYPE (BulletinEdition, bulletin_edition, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_SHORT_NAME,
  PROP_LANGUAGE,
  PROP_DIRECTION,
  PROP_HOME_URL,
  PROP_SITE_NAME,
  PROP_SECTIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bulletin_edition_finalize (GObject *object)
{
  BulletinEdition *self = (BulletinEdition *)object;

  g_free (self->id);
  g_free (self->name);
  g_free (self->short_name);
  g_free (self->language);
  g_free (self->direction);
  g_free (self->home_url);
  g_free (self->site_name);
  g_free (self->article_pattern);
  g_clear_pointer (&self->article_regex, g_regex_unref);
  g_free (self->base_uri);
  g_clear_pointer (&self->breaking, bulletin_source_free);
  g_clear_object (&self->latest);
  g_clear_object (&self->sections);

  G_OBJECT_CLASS (bulletin_edition_parent_class)->finalize (object);
}

static void
bulletin_edition_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  BulletinEdition *self = BULLETIN_EDITION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_SHORT_NAME:
      g_value_set_string (value, self->short_name);
      break;

    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;

    case PROP_DIRECTION:
      g_value_set_string (value, self->direction);
      break;

    case PROP_HOME_URL:
      g_value_set_string (value, self->home_url);
      break;

    case PROP_SITE_NAME:
      g_value_set_string (value, self->site_name);
      break;

    case PROP_SECTIONS:
      g_value_set_object (value, self->sections);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bulletin_edition_class_init (BulletinEditionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = bulletin_edition_finalize;
  object_class->get_property = bulletin_edition_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_SHORT_NAME] = g_param_spec_string ("short-name", NULL, NULL, NULL, flags);
  properties[PROP_LANGUAGE] = g_param_spec_string ("language", NULL, NULL, NULL, flags);
  properties[PROP_DIRECTION] = g_param_spec_string ("direction", NULL, NULL, NULL, flags);
  properties[PROP_HOME_URL] = g_param_spec_string ("home-url", NULL, NULL, NULL, flags);
  properties[PROP_SITE_NAME] = g_param_spec_string ("site-name", NULL, NULL, NULL, flags);
  properties[PROP_SECTIONS] = g_param_spec_object ("sections", NULL, NULL, G_TYPE_LIST_MODEL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bulletin_edition_init (BulletinEdition *self)
{
  self->sections = g_list_store_new (BULLETIN_TYPE_SECTION);
}

/* Loading */

typedef struct
{
  BulletinEdition *edition;
  const char      *file;      /* for messages */
  GHashTable      *ids;       /* section, region and group ids seen */
} Loader;

static gboolean G_GNUC_PRINTF (4, 5)
fail (Loader      *loader,
      GError     **error,
      const char  *path,
      const char  *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, BULLETIN_ERROR, BULLETIN_ERROR_INVALID_DATA,
               "%s: %s%s%s", loader->file, path != NULL ? path : "",
               path != NULL ? ": " : "", message);

  return FALSE;
}

static gboolean
valid_id (const char *id)
{
  gsize len = strlen (id);

  if (len == 0 || len > 64 || id[0] == '-')
    return FALSE;

  for (const char *p = id; *p; p++)
    if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '-'))
      return FALSE;

  return TRUE;
}

/* Returns a member's string, NULL when absent; FALSE when present with the
 * wrong type or empty.
 */
static gboolean
get_string (Loader      *loader,
            JsonObject  *object,
            const char  *path,
            const char  *member,
            gboolean     required,
            const char **value,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autofree char *where = g_strdup_printf ("%s%s%s", path, path[0] ? "." : "", member);

  *value = NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        return fail (loader, error, where, "missing");
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return fail (loader, error, where, "must be a string");

  *value = json_node_get_string (node);
  {
    g_autofree char *copy = g_strstrip (g_strdup (*value));

    if (copy[0] == '\0')
      return fail (loader, error, where, "must not be empty");
  }

  return TRUE;
}

static gboolean
get_array (Loader      *loader,
           JsonObject  *object,
           const char  *path,
           const char  *member,
           JsonArray  **value,
           GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autofree char *where = g_strdup_printf ("%s%s%s", path, path[0] ? "." : "", member);

  *value = NULL;
  if (node == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (loader, error, where, "must be an array");

  *value = json_node_get_array (node);
  if (json_array_get_length (*value) == 0)
    return fail (loader, error, where, "must not be empty");

  return TRUE;
}

static gboolean
is_fetchable_uri (const char *uri)
{
  g_autofree char *scheme = g_uri_parse_scheme (uri);
  g_autoptr(GUri) parsed = NULL;

  if (scheme == NULL)
    return FALSE;

  if (g_ascii_strcasecmp (scheme, "resource") == 0 ||
      g_ascii_strcasecmp (scheme, "file") == 0)
    return TRUE;

  if (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0)
    return FALSE;

  parsed = g_uri_parse (uri, G_URI_FLAGS_ENCODED, NULL);

  return parsed != NULL && g_uri_get_host (parsed) != NULL && g_uri_get_host (parsed)[0] != '\0';
}

static char *
resolve_url (Loader     *loader,
             const char *url)
{
  g_autoptr(GUri) base = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autofree char *scheme = NULL;

  if (loader->edition->base_uri == NULL)
    {
      scheme = g_uri_parse_scheme (url);
      return scheme != NULL ? g_strdup (url) : NULL;
    }

  /* What g_uri_resolve_relative () does, less its critical on a result
   * GUri cannot write back. */
  base = g_uri_parse (loader->edition->base_uri, G_URI_FLAGS_ENCODED, NULL);
  uri = base != NULL ? g_uri_parse_relative (base, url, G_URI_FLAGS_ENCODED, NULL) : NULL;
  if (uri == NULL || !bulletin_url_uri_is_writable (uri))
    return NULL;

  return g_uri_to_string (uri);
}

static BulletinSource *
parse_source (Loader      *loader,
              JsonNode    *node,
              const char  *path,
              GError     **error)
{
  JsonObject *object;
  const char *type;
  const char *url;
  g_autofree char *absolute = NULL;
  BulletinSourceType source_type;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      fail (loader, error, path, "must be an object");
      return NULL;
    }

  object = json_node_get_object (node);
  if (!get_string (loader, object, path, "type", TRUE, &type, error) ||
      !get_string (loader, object, path, "url", TRUE, &url, error))
    return NULL;

  if (g_str_equal (type, "feed"))
    source_type = BULLETIN_SOURCE_FEED;
  else if (g_str_equal (type, "page"))
    source_type = BULLETIN_SOURCE_PAGE;
  else
    {
      g_autofree char *where = g_strconcat (path, ".type", NULL);

      fail (loader, error, where, "must be \"feed\" or \"page\", not \"%s\"", type);
      return NULL;
    }

  absolute = resolve_url (loader, url);
  if (absolute == NULL || !is_fetchable_uri (absolute))
    {
      g_autofree char *where = g_strconcat (path, ".url", NULL);

      fail (loader, error, where, "\"%s\" is not an http, https, resource or file address", url);
      return NULL;
    }

  return bulletin_source_new (source_type, absolute);
}

static gboolean
parse_sources (Loader           *loader,
               JsonObject       *object,
               const char       *path,
               BulletinSection  *section,
               GError          **error)
{
  JsonArray *sources;
  g_autofree char *where = g_strdup_printf ("%s.sources", path);

  if (!get_array (loader, object, path, "sources", &sources, error))
    return FALSE;
  if (sources == NULL)
    return fail (loader, error, where, "missing");

  for (guint i = 0; i < json_array_get_length (sources); i++)
    {
      g_autofree char *item_path = g_strdup_printf ("%s[%u]", where, i);
      g_autoptr(BulletinSource) source = NULL;

      source = parse_source (loader, json_array_get_element (sources, i), item_path, error);
      if (source == NULL)
        return FALSE;
      bulletin_section_add_source (section, source->type, source->url);
    }

  return TRUE;
}

static gboolean
claim_id (Loader      *loader,
          const char  *id,
          const char  *path,
          GError     **error)
{
  g_autofree char *where = g_strconcat (path, ".id", NULL);

  if (!valid_id (id))
    return fail (loader, error, where, "\"%s\" must be lower-case letters, digits and hyphens", id);

  if (g_str_equal (id, "latest") || g_str_equal (id, "saved"))
    return fail (loader, error, where, "\"%s\" is reserved", id);

  if (!g_hash_table_add (loader->ids, g_strdup (id)))
    return fail (loader, error, where, "\"%s\" is used twice", id);

  return TRUE;
}

static BulletinSection *
parse_section (Loader               *loader,
               JsonNode             *node,
               const char           *path,
               const char           *group_id,
               const char           *group_title,
               BulletinSectionKind   kind,
               GError              **error)
{
  g_autoptr(BulletinSection) section = NULL;
  JsonObject *object;
  const char *id;
  const char *title;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      fail (loader, error, path, "must be an object");
      return NULL;
    }

  object = json_node_get_object (node);
  if (!get_string (loader, object, path, "id", TRUE, &id, error) ||
      !get_string (loader, object, path, "title", TRUE, &title, error) ||
      !claim_id (loader, id, path, error))
    return NULL;

  section = bulletin_section_new (id, title,
                                  group_id != NULL ? group_id : id,
                                  group_title, kind);
  if (!parse_sources (loader, object, path, section, error))
    return NULL;

  return g_steal_pointer (&section);
}

static gboolean
parse_sections (Loader               *loader,
                JsonObject           *object,
                const char           *path,
                const char           *group_id,
                const char           *group_title,
                BulletinSectionKind   kind,
                GError              **error)
{
  JsonArray *sections;
  g_autofree char *where = g_strdup_printf ("%s.sections", path);

  if (!get_array (loader, object, path, "sections", &sections, error))
    return FALSE;
  if (sections == NULL)
    return fail (loader, error, where, "missing");

  for (guint i = 0; i < json_array_get_length (sections); i++)
    {
      g_autofree char *item_path = g_strdup_printf ("%s[%u]", where, i);
      g_autoptr(BulletinSection) section = NULL;

      section = parse_section (loader, json_array_get_element (sections, i), item_path,
                               group_id, group_title, kind, error);
      if (section == NULL)
        return FALSE;
      g_list_store_append (loader->edition->sections, section);
    }

  return TRUE;
}

static gboolean
parse_group (Loader      *loader,
             JsonNode    *node,
             const char  *path,
             GError     **error)
{
  JsonObject *object;
  const char *id;
  const char *title;
  gboolean has_sections;
  gboolean has_sources;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (loader, error, path, "must be an object");

  object = json_node_get_object (node);
  if (!get_string (loader, object, path, "id", TRUE, &id, error) ||
      !get_string (loader, object, path, "title", TRUE, &title, error))
    return FALSE;

  has_sections = json_object_has_member (object, "sections");
  has_sources = json_object_has_member (object, "sources");

  if (has_sections && has_sources)
    return fail (loader, error, path, "has both \"sections\" and \"sources\"; a group is either a heading over sections or a single entry");
  if (!has_sections && !has_sources)
    return fail (loader, error, path, "needs \"sections\", or \"sources\" for a single entry");

  if (has_sources)
    {
      g_autoptr(BulletinSection) section = NULL;

      /* A single-entry group (Infographs) is one sidebar entry, no heading. */
      section = parse_section (loader, node, path, NULL, NULL, BULLETIN_SECTION_KIND_SECTION, error);
      if (section == NULL)
        return FALSE;
      g_list_store_append (loader->edition->sections, section);
      return TRUE;
    }

  if (!claim_id (loader, id, path, error))
    return FALSE;

  return parse_sections (loader, object, path, id, title, BULLETIN_SECTION_KIND_SECTION, error);
}

static gboolean
parse_edition (Loader      *loader,
               JsonNode    *root,
               GError     **error)
{
  BulletinEdition *self = loader->edition;
  JsonObject *object;
  JsonNode *format;
  JsonNode *node;
  JsonArray *groups;
  const char *value;
  g_autoptr(GError) regex_error = NULL;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return fail (loader, error, NULL, "an edition must be a JSON object");

  object = json_node_get_object (root);

  format = json_object_get_member (object, "format");
  if (format == NULL)
    return fail (loader, error, "format", "missing");
  if (!JSON_NODE_HOLDS_VALUE (format) || json_node_get_value_type (format) != G_TYPE_INT64)
    return fail (loader, error, "format", "must be a whole number");
  if (json_node_get_int (format) != BULLETIN_EDITION_FORMAT)
    return fail (loader, error, "format", "%" G_GINT64_FORMAT " is not a format this Bulletin reads (it reads %d)",
                 json_node_get_int (format), BULLETIN_EDITION_FORMAT);

  if (!get_string (loader, object, "", "id", TRUE, &value, error))
    return FALSE;
  if (!valid_id (value))
    return fail (loader, error, "id", "\"%s\" must be lower-case letters, digits and hyphens", value);
  self->id = g_strdup (value);

  if (!get_string (loader, object, "", "name", TRUE, &value, error))
    return FALSE;
  self->name = g_strdup (value);

  if (!get_string (loader, object, "", "short-name", FALSE, &value, error))
    return FALSE;
  self->short_name = g_strdup (value != NULL ? value : self->name);

  if (!get_string (loader, object, "", "language", TRUE, &value, error))
    return FALSE;
  for (const char *p = value; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
      return fail (loader, error, "language", "\"%s\" is not a language tag", value);
  self->language = g_strdup (value);

  if (!get_string (loader, object, "", "direction", TRUE, &value, error))
    return FALSE;
  if (!g_str_equal (value, "ltr") && !g_str_equal (value, "rtl"))
    return fail (loader, error, "direction", "must be \"ltr\" or \"rtl\", not \"%s\"", value);
  self->direction = g_strdup (value);

  if (!get_string (loader, object, "", "home", TRUE, &value, error))
    return FALSE;
  self->home_url = resolve_url (loader, value);
  if (self->home_url == NULL || !is_fetchable_uri (self->home_url))
    return fail (loader, error, "home", "\"%s\" is not an http, https, resource or file address", value);

  if (!get_string (loader, object, "", "site-name", FALSE, &value, error))
    return FALSE;
  self->site_name = g_strdup (value != NULL ? value : self->name);

  if (!get_string (loader, object, "", "article-pattern", FALSE, &value, error))
    return FALSE;
  if (value != NULL)
    {
      self->article_regex = g_regex_new (value, G_REGEX_OPTIMIZE, 0, &regex_error);
      if (self->article_regex == NULL)
        return fail (loader, error, "article-pattern", "not a valid regular expression: %s", regex_error->message);
      self->article_pattern = g_strdup (value);
    }

  /* Groups and regions first, so "latest" can fall back on them. */
  if (!get_array (loader, object, "", "groups", &groups, error))
    return FALSE;
  if (groups == NULL)
    return fail (loader, error, "groups", "missing");
  for (guint i = 0; i < json_array_get_length (groups); i++)
    {
      g_autofree char *path = g_strdup_printf ("groups[%u]", i);

      if (!parse_group (loader, json_array_get_element (groups, i), path, error))
        return FALSE;
    }

  node = json_object_get_member (object, "regions");
  if (node != NULL)
    {
      JsonObject *regions;
      const char *id;
      const char *title;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return fail (loader, error, "regions", "must be an object");
      regions = json_node_get_object (node);
      if (!get_string (loader, regions, "regions", "id", FALSE, &id, error) ||
          !get_string (loader, regions, "regions", "title", TRUE, &title, error))
        return FALSE;
      if (id == NULL)
        id = "regions";
      if (!claim_id (loader, id, "regions", error) ||
          !parse_sections (loader, regions, "regions", id, title, BULLETIN_SECTION_KIND_REGION, error))
        return FALSE;
    }

  self->latest = bulletin_section_new ("latest", "Latest", NULL, NULL, BULLETIN_SECTION_KIND_LATEST);
  node = json_object_get_member (object, "latest");
  if (node != NULL)
    {
      if (!JSON_NODE_HOLDS_OBJECT (node))
        return fail (loader, error, "latest", "must be an object");
      if (!parse_sources (loader, json_node_get_object (node), "latest", self->latest, error))
        return FALSE;
    }

  node = json_object_get_member (object, "breaking");
  if (node != NULL)
    {
      self->breaking = parse_source (loader, node, "breaking", error);
      if (self->breaking == NULL)
        return FALSE;
    }

  return TRUE;
}

/**
 * bulletin_edition_new_from_bytes:
 * @json: the edition file's contents
 * @base_uri: (nullable): the file's own URI, against which relative source
 *   URLs are resolved
 * @error: return location for a #GError
 *
 * Reads and checks an edition file (see docs/editions.md).
 *
 * Returns: (transfer full): the edition, or %NULL with @error set to
 *   %BULLETIN_ERROR_INVALID_DATA naming the member at fault
 */
BulletinEdition *
bulletin_edition_new_from_bytes (GBytes      *json,
                                 const char  *base_uri,
                                 GError     **error)
{
  g_autoptr(BulletinEdition) self = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *file = NULL;
  g_autoptr(GHashTable) ids = NULL;
  Loader loader;
  const char *data;
  gsize size;

  g_return_val_if_fail (json != NULL, NULL);

  if (base_uri != NULL)
    {
      const char *slash = strrchr (base_uri, '/');

      file = g_strdup (slash != NULL && slash[1] != '\0' ? slash + 1 : base_uri);
    }
  else
    file = g_strdup ("edition");

  self = g_object_new (BULLETIN_TYPE_EDITION, NULL);
  self->base_uri = g_strdup (base_uri);
  ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  loader = (Loader) { self, file, ids };

  data = g_bytes_get_data (json, &size);
  if (size > MAX_EDITION_SIZE)
    {
      fail (&loader, error, NULL, "larger than %d KiB", MAX_EDITION_SIZE / 1024);
      return NULL;
    }
  if (size == 0 || !g_utf8_validate (data, size, NULL))
    {
      fail (&loader, error, NULL, "not UTF-8 text");
      return NULL;
    }

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, data, size, &local_error))
    {
      fail (&loader, error, NULL, "not valid JSON: %s", local_error->message);
      return NULL;
    }

  if (!parse_edition (&loader, json_parser_get_root (parser), error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * bulletin_edition_new_from_uri:
 * @uri: a file:, resource: or plain path of an edition file
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the edition, or %NULL with @error set
 */
BulletinEdition *
bulletin_edition_new_from_uri (const char  *uri,
                               GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *file_uri = NULL;

  g_return_val_if_fail (uri != NULL, NULL);

  file = g_file_new_for_commandline_arg (uri);
  file_uri = g_file_get_uri (file);
  bytes = g_file_load_bytes (file, NULL, NULL, &local_error);
  if (bytes == NULL)
    {
      g_set_error (error, BULLETIN_ERROR,
                   g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND)
                     ? BULLETIN_ERROR_NOT_FOUND : BULLETIN_ERROR_FAILED,
                   "Cannot read the edition %s: %s", uri, local_error->message);
      return NULL;
    }

  return bulletin_edition_new_from_bytes (bytes, file_uri, error);
}

static char *
user_editions_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "bulletin", "editions", NULL);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/**
 * bulletin_edition_list_uris:
 *
 * Lists the edition files Bulletin reads: the bundled ones, then those in
 * `$XDG_DATA_HOME/bulletin/editions`, each group sorted by name.
 *
 * Returns: (transfer full): the files' URIs
 */
char **
bulletin_edition_list_uris (void)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) bundled = NULL;
  g_autofree char *dir_path = user_editions_dir ();
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) user = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  bundled = g_resources_enumerate_children (BULLETIN_EDITION_RESOURCE_DIR "/", 0, NULL);
  if (bundled != NULL)
    {
      qsort (bundled, g_strv_length (bundled), sizeof (char *), compare_strings);
      for (guint i = 0; bundled[i] != NULL; i++)
        if (g_str_has_suffix (bundled[i], ".json"))
          {
            g_autofree char *uri = g_strconcat ("resource://" BULLETIN_EDITION_RESOURCE_DIR "/",
                                                bundled[i], NULL);
            g_strv_builder_add (builder, uri);
          }
    }

  dir = g_dir_open (dir_path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".json"))
      {
        g_autofree char *path = g_build_filename (dir_path, name, NULL);

        g_ptr_array_add (user, g_filename_to_uri (path, NULL, NULL));
      }
  g_ptr_array_sort (user, compare_strings);
  for (guint i = 0; i < user->len; i++)
    if (g_ptr_array_index (user, i) != NULL)
      g_strv_builder_add (builder, g_ptr_array_index (user, i));

  return g_strv_builder_end (builder);
}

/**
 * bulletin_edition_load_all:
 * @error: return location for a #GError
 *
 * Loads the bundled editions and the user's own. A user's edition with the
 * id of a bundled one takes its place; a user's file that does not load is
 * skipped (bulletin-cli editions --check names it). A bundled file that
 * does not load is an error.
 *
 * Returns: (transfer full) (element-type BulletinEdition): the editions
 */
GPtrArray *
bulletin_edition_load_all (GError **error)
{
  g_autoptr(GPtrArray) editions = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(GStrv) uris = bulletin_edition_list_uris ();

  for (guint i = 0; uris[i] != NULL; i++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(BulletinEdition) edition = NULL;
      gboolean bundled = g_str_has_prefix (uris[i], "resource:");

      edition = bulletin_edition_new_from_uri (uris[i], &local_error);
      if (edition == NULL)
        {
          if (bundled)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return NULL;
            }
          g_debug ("Skipping %s: %s", uris[i], local_error->message);
          continue;
        }

      for (guint j = 0; j < editions->len; j++)
        if (g_str_equal (bulletin_edition_get_id (g_ptr_array_index (editions, j)), edition->id))
          {
            g_ptr_array_remove_index (editions, j);
            break;
          }

      g_ptr_array_add (editions, g_steal_pointer (&edition));
    }

  return g_steal_pointer (&editions);
}

/**
 * bulletin_edition_lookup:
 * @id: an edition id ("almayadeen-en", "demo")
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the edition, or %NULL with @error set to
 *   %BULLETIN_ERROR_NOT_FOUND when there is none called @id
 */
BulletinEdition *
bulletin_edition_lookup (const char  *id,
                         GError     **error)
{
  g_autoptr(GPtrArray) editions = NULL;
  g_autoptr(GString) known = g_string_new (NULL);

  g_return_val_if_fail (id != NULL, NULL);

  editions = bulletin_edition_load_all (error);
  if (editions == NULL)
    return NULL;

  for (guint i = 0; i < editions->len; i++)
    {
      BulletinEdition *edition = g_ptr_array_index (editions, i);

      if (g_str_equal (edition->id, id))
        return g_object_ref (edition);
      g_string_append_printf (known, "%s%s", known->len > 0 ? ", " : "", edition->id);
    }

  g_set_error (error, BULLETIN_ERROR, BULLETIN_ERROR_NOT_FOUND,
               "There is no edition called “%s” (there are: %s).", id, known->str);
  return NULL;
}

#define DEFINE_GETTER(name)                                           \
  const char *                                                        \
  bulletin_edition_get_##name (BulletinEdition *self)                 \
  {                                                                   \
    g_return_val_if_fail (BULLETIN_IS_EDITION (self), NULL);          \
    return self->name;                                                \
  }

DEFINE_GETTER (id)
DEFINE_GETTER (name)
DEFINE_GETTER (short_name)
DEFINE_GETTER (language)
DEFINE_GETTER (direction)
DEFINE_GETTER (home_url)
DEFINE_GETTER (site_name)
DEFINE_GETTER (article_pattern)
DEFINE_GETTER (base_uri)

#undef DEFINE_GETTER

/**
 * bulletin_edition_is_bundled:
 * @self: a #BulletinEdition
 *
 * Returns: whether the edition ships with Bulletin
 */
gboolean
bulletin_edition_is_bundled (BulletinEdition *self)
{
  g_return_val_if_fail (BULLETIN_IS_EDITION (self), FALSE);

  return self->base_uri != NULL && g_str_has_prefix (self->base_uri, "resource:");
}

/**
 * bulletin_edition_get_sections:
 * @self: a #BulletinEdition
 *
 * Every sidebar entry after Saved and Latest, in the outlet's order: each
 * group's sections, single-entry groups, then regions.
 *
 * Returns: (transfer none): a #GListModel of #BulletinSection
 */
GListModel *
bulletin_edition_get_sections (BulletinEdition *self)
{
  g_return_val_if_fail (BULLETIN_IS_EDITION (self), NULL);

  return G_LIST_MODEL (self->sections);
}

/**
 * bulletin_edition_get_latest:
 * @self: a #BulletinEdition
 *
 * Returns: (transfer none): the "latest" section, whose own sources (maybe
 *   none) are merged with every section's by #BulletinSectionModel
 */
BulletinSection *
bulletin_edition_get_latest (BulletinEdition *self)
{
  g_return_val_if_fail (BULLETIN_IS_EDITION (self), NULL);

  return self->latest;
}

/**
 * bulletin_edition_lookup_section:
 * @self: a #BulletinEdition
 * @id: a section or region id, or "latest"
 *
 * Returns: (transfer none) (nullable): the section, or %NULL
 */
BulletinSection *
bulletin_edition_lookup_section (BulletinEdition *self,
                                 const char      *id)
{
  guint n;

  g_return_val_if_fail (BULLETIN_IS_EDITION (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if (g_str_equal (id, "latest"))
    return self->latest;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->sections));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BulletinSection) section = g_list_model_get_item (G_LIST_MODEL (self->sections), i);

      if (g_str_equal (bulletin_section_get_id (section), id))
        return section;   /* the store keeps its reference */
    }

  return NULL;
}

/**
 * bulletin_edition_get_breaking:
 * @self: a #BulletinEdition
 *
 * Returns: (transfer none) (nullable): where breaking news is read, or %NULL
 */
const BulletinSource *
bulletin_edition_get_breaking (BulletinEdition *self)
{
  g_return_val_if_fail (BULLETIN_IS_EDITION (self), NULL);

  return self->breaking;
}

/**
 * bulletin_edition_url_is_article:
 * @self: a #BulletinEdition
 * @url: an absolute URL
 *
 * Returns: whether @url matches the edition's article pattern (any URL
 *   does when the edition has none)
 */
gboolean
bulletin_edition_url_is_article (BulletinEdition *self,
                                 const char      *url)
{
  g_return_val_if_fail (BULLETIN_IS_EDITION (self), FALSE);

  if (url == NULL)
    return FALSE;
  if (self->article_regex == NULL)
    return TRUE;

  return g_regex_match (self->article_regex, url, 0, NULL);
}
