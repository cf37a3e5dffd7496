/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fuzz-sanitizer"

/* The sanitizer, with an oracle: its output, parsed again by libxml2's
 * HTML parser, must hold nothing that runs code or loads a document
 * (tests/html-safety.c), and must be valid UTF-8. The plain-text
 * conversion and the CSS filter run on the same input.
 *
 * A second oracle: when the sanitizer's strict reader takes the input,
 * its output (HTML and text) must be byte for byte the one libxml2's
 * parser gives.
 *
 * A third: sanitizing while counting words (one pass that escapes and
 * counts the text) gives the same output, and the count of
 * bulletin_sanitized_html_count_words() of it.
 */

#include <string.h>

#include "bulletin-core.h"
#include "bulletin-sanitizer-private.h"
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
  gboolean strict = FALSE;

  safe = bulletin_sanitize_html_using ((const char *) data, size, "https://example.com/a/b.html",
                                       BULLETIN_SANITIZER_PARSER_ANY, &strict);
  if (safe == NULL || !g_utf8_validate (safe, -1, NULL))
    abort ();

  if (strict)
    {
      g_autofree char *slow = bulletin_sanitize_html_using ((const char *) data, size,
                                                            "https://example.com/a/b.html",
                                                            BULLETIN_SANITIZER_PARSER_LIBXML2, NULL);

      if (strcmp (safe, slow) != 0)
        {
          g_printerr ("The strict reader differs from libxml2:\n%s\n%s\n", safe, slow);
          abort ();
        }
    }

  {
    guint words = 0;
    g_autofree char *counted = bulletin_sanitize_html_counted ((const char *) data, size,
                                                               "https://example.com/a/b.html", &words);
    guint expected = bulletin_sanitized_html_count_words (safe);

    if (strcmp (safe, counted) != 0 || words != expected)
      {
        g_printerr ("Sanitizing while counting differs: %u words, %u in the output\n%s\n%s\n",
                    words, expected, safe, counted);
        abort ();
      }
  }

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

  text = bulletin_html_to_text_using ((const char *) data, size, BULLETIN_SANITIZER_PARSER_ANY, &strict);
  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    abort ();

  if (strict)
    {
      g_autofree char *slow = bulletin_html_to_text_using ((const char *) data, size,
                                                           BULLETIN_SANITIZER_PARSER_LIBXML2, NULL);

      if (strcmp (text, slow) != 0)
        {
          g_printerr ("The strict reader's text differs from libxml2's:\n%s\n%s\n", text, slow);
          abort ();
        }
    }

  css_input = fuzz_strndup (data, size);
  css = bulletin_sanitize_css (css_input);
  if (css != NULL && !g_utf8_validate (css, -1, NULL))
    abort ();

  return 0;
}
