/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-extract"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/HTMLparser.h>

#include "bulletin-core.h"

/* Times bulletin_page_extract() on a ~300 KB page built from the outlet
 * fixture, and on every page of the article corpus when present, against a
 * bare libxml2 parse of the same bytes in the same run. It prints figures;
 * it asserts nothing about time.
 */

static void
silent (void       *ctx,
        const char *msg,
        ...)
{
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static double
percentile (GArray *times,
            double  p)
{
  guint index;

  g_array_sort (times, compare_doubles);
  index = (guint) (p * (times->len - 1) + 0.5);
  return g_array_index (times, double, MIN (index, times->len - 1));
}

static double
time_extract (GBytes *bytes)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BulletinArticle) article = bulletin_page_extract (bytes, "https://english.almayadeen.net/news/economy/x", &error);

  return (g_get_monotonic_time () - start) / 1000.0;
}

static double
time_parse (GBytes *bytes)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  gint64 start = g_get_monotonic_time ();
  htmlDocPtr doc = htmlReadMemory (data, (int) size, NULL, NULL,
                                   HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);

  if (doc != NULL)
    xmlFreeDoc (doc);
  return (g_get_monotonic_time () - start) / 1000.0;
}

static GBytes *
build_page (gsize target)
{
  g_autofree char *path = g_build_filename (TEST_DATA_DIR, "pages", "almayadeen-article.html", NULL);
  g_autofree char *fixture = NULL;
  g_autoptr(GError) error = NULL;
  const char *body_start, *body_end, *tail;
  g_autoptr(GString) page = NULL;

  if (!g_file_get_contents (path, &fixture, NULL, &error))
    g_error ("%s", error->message);

  /* Repeat the article's body paragraphs and the boxes around them. */
  body_start = strstr (fixture, "<div class=\"article-body\">");
  body_end = strstr (fixture, "<div class=\"article-tags\">");
  tail = strstr (fixture, "</article>");
  g_assert (body_start != NULL && body_end != NULL && tail != NULL);

  page = g_string_new_len (fixture, body_end - fixture);
  while (page->len < target)
    g_string_append_len (page, body_start, body_end - body_start);
  g_string_append (page, tail);

  return g_string_free_to_bytes (g_steal_pointer (&page));
}

static void
bench_one (const char *name,
           GBytes     *bytes,
           guint       iterations,
           double     *median_out,
           double     *baseline_out)
{
  g_autoptr(GArray) extract = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) parse = g_array_new (FALSE, FALSE, sizeof (double));
  double median, p95, baseline;

  /* Warm up caches and the regexes once. */
  time_extract (bytes);

  for (guint i = 0; i < iterations; i++)
    {
      double t = time_extract (bytes);
      double b = time_parse (bytes);
      g_array_append_val (extract, t);
      g_array_append_val (parse, b);
    }

  median = percentile (extract, 0.5);
  p95 = percentile (extract, 0.95);
  baseline = percentile (parse, 0.5);
  if (name != NULL)
    printf ("%-34s %8zu B  extract median %7.2f ms  p95 %7.2f ms  parse %6.2f ms  ratio %5.1fx\n",
            name, g_bytes_get_size (bytes), median, p95, baseline, baseline > 0 ? median / baseline : 0);
  if (median_out != NULL)
    *median_out = median;
  if (baseline_out != NULL)
    *baseline_out = baseline;
}

int
main (int   argc,
      char *argv[])
{
  const char *env_iterations = g_getenv ("BENCH_ITERATIONS");
  guint iterations = env_iterations != NULL ? (guint) atoi (env_iterations) : 30;
  const char *corpus = g_getenv ("BULLETIN_CORPUS_DIR");
  g_autoptr(GBytes) page = build_page (300 * 1024);
  g_autofree char *articles = NULL;
  g_autoptr(GDir) dir = NULL;

  iterations = MAX (iterations, 3);
  /* The bare parse reports encoding errors on stderr; keep the figures readable. */
  xmlSetGenericErrorFunc (NULL, silent);

  printf ("bulletin_page_extract against htmlReadMemory of the same bytes, %u runs each\n\n", iterations);
  bench_one ("synthetic outlet page", page, iterations, NULL, NULL);

  if (corpus == NULL)
    return 0;
  articles = g_build_filename (corpus, "articles", NULL);
  dir = g_dir_open (articles, 0, NULL);
  if (dir == NULL)
    {
      printf ("\n(no corpus at %s)\n", articles);
      return 0;
    }

  {
    g_autoptr(GArray) medians = g_array_new (FALSE, FALSE, sizeof (double));
    g_autoptr(GArray) ratios = g_array_new (FALSE, FALSE, sizeof (double));
    g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
    const char *name;
    guint corpus_iterations = MAX (3, iterations / 6);

    while ((name = g_dir_read_name (dir)) != NULL)
      g_ptr_array_add (names, g_strdup (name));
    g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);

    printf ("\ncorpus pages, %u runs each\n", corpus_iterations);
    for (guint i = 0; i < names->len; i++)
      {
        g_autofree char *path = g_build_filename (articles, g_ptr_array_index (names, i), "source.html", NULL);
        g_autofree char *contents = NULL;
        gsize length;
        g_autoptr(GBytes) bytes = NULL;
        double median, baseline, ratio;

        if (!g_file_get_contents (path, &contents, &length, NULL))
          continue;
        bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
        bench_one (g_ptr_array_index (names, i), bytes, corpus_iterations, &median, &baseline);
        ratio = baseline > 0 ? median / baseline : 0;
        g_array_append_val (medians, median);
        g_array_append_val (ratios, ratio);
      }

    if (medians->len > 0)
      printf ("\ncorpus: %u pages, median %.2f ms per page, p95 %.2f ms, median ratio to the bare parse %.1fx\n",
              medians->len, percentile (medians, 0.5), percentile (medians, 0.95), percentile (ratios, 0.5));
  }

  return 0;
}
