/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fuzz-regressions"

/* A fuzz target as a unit test, with no libFuzzer: every seed of the
 * target and every input that once crashed it (tests/data/regressions/
 * <target>/) runs through the target's own LLVMFuzzerTestOneInput, one
 * test case per file. The target aborts on a crash, a critical or a broken
 * invariant, so each case fails the way the fuzzer found it; under the
 * sanitize build, ASan and UBSan watch too.
 *
 * Usage: test-fuzz-TARGET DIR...
 */

#include <stdint.h>
#include <stdlib.h>
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
      g_autoptr(GDir) dir = g_dir_open (argv[i], 0, NULL);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      const char *name;

      /* The regressions folder of a target that never crashed is absent. */
      if (dir == NULL)
        continue;
      while ((name = g_dir_read_name (dir)) != NULL)
        g_ptr_array_add (names, g_strdup (name));
      g_ptr_array_sort (names, compare_names);

      for (guint j = 0; j < names->len; j++)
        {
          g_autofree char *parent = g_path_get_dirname (argv[i]);
          g_autofree char *parent_name = g_path_get_basename (parent);
          const char *name_j = g_ptr_array_index (names, j);
          g_autofree char *test_path = g_strdup_printf ("/fuzz/%s/%s/%s", target,
                                                        g_str_equal (parent_name, "regressions") ? "regression" : "seed",
                                                        name_j);
          char *path = g_build_filename (argv[i], name_j, NULL);

          g_ptr_array_add (paths, path);
          g_test_add_data_func (test_path, path, test_input);
        }
    }

  g_assert_cmpuint (paths->len, >, 0);

  return g_test_run ();
}
