/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fuzz-regressions"

/* A fuzz target as a unit test, with no libFuzzer: every seed of the
 * target and every input that once crashed it (tests/data/regressions/
 * <target>/) runs through the target's own LLVMFuzzerTestOneInput, one
 * test case per file. The target aborts on a crash, a critical or a broken
 * invariant, so each case fails the way the fuzzer found it; under the
 * sanitize build, ASan and UBSan watch too.
 *
 * Usage: test-fuzz-TARGET DIR[/PATTERN]...
 *
 * Each DIR is read (not recursively): the target's seeds in tests/fuzz/seeds/
 * <target>, its regressions, and fixture directories of tests/data and data/
 * given in place. A fixture directory that mixes kinds of files ends in a
 * glob pattern of the names to take (PATTERN, e.g. "*.xml").
 */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>

int LLVMFuzzerInitialize   (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
test_input (gconstpointer data)
{
  const char *path = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  /* The target's return value means nothing; it aborts on a failure. */
  LLVMFuzzerTestOneInput ((const uint8_t *) contents, length);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  const char *target = FUZZ_TARGET_NAME;

  g_test_init (&argc, &argv, NULL);
  /* The target's own set-up: its log writer keeps the parsers' warnings
   * about hostile input quiet and makes criticals fatal. */
  LLVMFuzzerInitialize (&argc, &argv);

  for (int i = 1; i < argc; i++)
    {
      g_autofree char *dir_path = NULL;
      g_autofree char *kind = NULL;
      g_autoptr(GPatternSpec) pattern = NULL;
      g_autoptr(GDir) dir = NULL;
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *base = g_path_get_basename (argv[i]);
      const char *name;

      if (strchr (base, '*') != NULL || strchr (base, '?') != NULL)
        {
          pattern = g_pattern_spec_new (base);
          dir_path = g_path_get_dirname (argv[i]);
        }
      else
        dir_path = g_strdup (argv[i]);

      /* The regressions folder of a target that never crashed is absent. */
      dir = g_dir_open (dir_path, 0, NULL);
      if (dir == NULL)
        continue;
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (dir_path, name, NULL);

          if (pattern != NULL && !g_pattern_spec_match_string (pattern, name))
            continue;
          if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
            continue;
          g_ptr_array_add (names, g_strdup (name));
        }
      g_ptr_array_sort (names, compare_names);

      /* Test paths: seed/NAME in seeds/<target>, regression/NAME in the
       * regressions, fixture/DIR/NAME in a fixture directory. */
      {
        g_autofree char *parent = g_path_get_dirname (dir_path);
        g_autofree char *parent_name = g_path_get_basename (parent);
        g_autofree char *dir_name = g_path_get_basename (dir_path);

        if (g_str_equal (parent_name, "regressions"))
          kind = g_strdup ("regression");
        else if (g_str_equal (parent_name, "seeds"))
          kind = g_strdup ("seed");
        else
          kind = g_strdup_printf ("fixture/%s", dir_name);
      }

      for (guint j = 0; j < names->len; j++)
        {
          const char *name_j = g_ptr_array_index (names, j);
          g_autofree char *test_path = g_strdup_printf ("/fuzz/%s/%s/%s", target, kind, name_j);
          char *path = g_build_filename (dir_path, name_j, NULL);

          g_ptr_array_add (paths, path);
          g_test_add_data_func (test_path, path, test_input);
        }
    }

  g_assert_cmpuint (paths->len, >, 0);

  return g_test_run ();
}
