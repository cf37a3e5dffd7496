/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fuzz-sanitizer"

/* The sanitizer, with an oracle: its output, parsed again by libxml2's
 * HTML parser, must hold nothing that runs code or loads a document
 * (tests/html-safety.c), and must be valid UTF-8. The plain-text
 * conversion and the CSS filter run on the same input.
 */

#include "bulletin-core.h"
#include "html-safety.h"
#include "fuzz-common.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *safe = NULL;
  g_autofree char *again = NULL;
  g_autofree char *text = NULL;
  g_autofree char *problem = NULL;
  g_autofree char *css_input = NULL;
  g_autofree char *css = NULL;

  safe = bulletin_sanitize_html ((const char *) data, size, "https://example.com/a/b.html");
  if (safe == NULL || !g_utf8_validate (safe, -1, NULL))
    abort ();

  problem = html_safety_find_unsafe (safe, -1);
  if (problem != NULL)
    {
      g_printerr ("Unsafe output: %s\n%s\n", problem, safe);
      abort ();
    }

  /* Sanitizing what is already safe keeps it safe. */
  again = bulletin_sanitize_html (safe, -1, "https://example.com/a/b.html");
  g_clear_pointer (&problem, g_free);
  problem = html_safety_find_unsafe (again, -1);
  if (problem != NULL)
    {
      g_printerr ("Unsafe output of a second pass: %s\n%s\n", problem, again);
      abort ();
    }

  text = bulletin_html_to_text ((const char *) data, size);
  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    abort ();

  css_input = fuzz_strndup (data, size);
  css = bulletin_sanitize_css (css_input);
  if (css != NULL && !g_utf8_validate (css, -1, NULL))
    abort ();

  return 0;
}
