/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-scale"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gstdio.h>

#include "bulletin-core.h"

/* Ten thousand headlines through the real section model: two file://
 * feeds of 5,000 headlines each (the most one feed may carry), the
 * sections of an edition, refreshed once as "latest", which parses both,
 * merges the 10,000 articles, deduplicates, sorts and keeps the newest.
 * The baseline, in the same run, is bulletin_feed_parse() of the same two
 * feeds, which no refresh can avoid, one after the other; and both at once
 * in two threads, as the refresh parses them: the floor under a refresh
 * on two cores. Memory is read from /proc/self
 * (VmRSS, and Pss from smaps_rollup) with an empty section model made, and
 * after the refresh. It prints figures; it asserts nothing about time.
 */

#define PER_FEED 5000

static GBytes *
make_headline_feed (guint feed,
                    guint items)
{
  GString *xml = g_string_new (NULL);
  g_autoptr(GDateTime) start = g_date_time_new_utc (2024, 3, 1, 12, 0, 0);

  g_string_append (xml,
                   "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                   "<rss version=\"2.0\" xmlns:media=\"http://search.yahoo.com/mrss/\">\n<channel>\n"
                   "<title>Bench</title>\n<link>https://english.almayadeen.net/</link>\n");
  for (guint n = 0; n < items; n++)
    {
      /* The two feeds interleave in time, so the merge sorts for real. */
      g_autoptr(GDateTime) date = g_date_time_add_minutes (start, -(int) (2 * n + feed));
      g_autofree char *pub = g_date_time_format (date, "%a, %d %b %Y %H:%M:%S +0000");

      g_string_append_printf (xml,
                              "<item><title>Talks resume in Cairo as delegations weigh a new proposal, %u-%u</title>"
                              "<link>https://english.almayadeen.net/news/politics/feed%u-item-%u?utm_source=rss</link>"
                              "<guid isPermaLink=\"false\">feed%u-%u</guid>"
                              "<description>&lt;p&gt;The minister said on Tuesday that the prices of fuel and bread would remain fixed until the end of the year, %u.&lt;/p&gt;</description>"
                              "<category>Politics</category><pubDate>%s</pubDate>"
                              "<media:content url=\"https://english.almayadeen.net/images/%u/%u.jpg\" medium=\"image\"/></item>\n",
                              feed, n, feed, n, feed, n, n, pub, feed, n);
    }
  g_string_append (xml, "</channel>\n</rss>\n");
  return g_string_free_to_bytes (xml);
}

static void
read_memory (double *rss_mb,
             double *pss_mb)
{
  g_autofree char *status = NULL;
  g_autofree char *rollup = NULL;
  const char *line;

  *rss_mb = *pss_mb = -1;
  if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL) &&
      (line = strstr (status, "VmRSS:")) != NULL)
    *rss_mb = g_ascii_strtod (line + strlen ("VmRSS:"), NULL) / 1024;
  if (g_file_get_contents ("/proc/self/smaps_rollup", &rollup, NULL, NULL) &&
      (line = strstr (rollup, "\nPss:")) != NULL)
    *pss_mb = g_ascii_strtod (line + strlen ("\nPss:"), NULL) / 1024;
}

typedef struct
{
  gboolean  done;
  gboolean  ok;
  GError   *error;
} Refresh;

static void
refresh_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Refresh *refresh = user_data;

  refresh->ok = bulletin_section_model_refresh_finish (BULLETIN_SECTION_MODEL (object), result, &refresh->error);
  refresh->done = TRUE;
}

static double
time_refresh (BulletinSectionModel *model)
{
  Refresh refresh = { FALSE, FALSE, NULL };
  gint64 start = g_get_monotonic_time ();

  bulletin_section_model_refresh_async (model, NULL, refresh_cb, &refresh);
  while (!refresh.done)
    g_main_context_iteration (NULL, TRUE);
  if (!refresh.ok)
    g_error ("The refresh failed: %s", refresh.error->message);

  return (g_get_monotonic_time () - start) / 1000.0;
}

static double
time_parse (GBytes *a,
            GBytes *b)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BulletinFeed) fa = bulletin_feed_parse (a, "file:///a.xml", &error);
  g_autoptr(BulletinFeed) fb = bulletin_feed_parse (b, "file:///b.xml", &error);

  if (fa == NULL || fb == NULL)
    g_error ("parse failed");
  return (g_get_monotonic_time () - start) / 1000.0;
}

typedef struct
{
  GBytes     *bytes;
  const char *url;
} ParseJob;

static gpointer
parse_thread (gpointer data)
{
  ParseJob *job = data;
  g_autoptr(BulletinFeed) feed = bulletin_feed_parse (job->bytes, job->url, NULL);

  if (feed == NULL)
    g_error ("parse failed");
  return NULL;
}

/* The two parses at once, one thread each, as the refresh runs them: on
 * two cores, the floor under a refresh. */
static double
time_parallel_parse (GBytes *a,
                     GBytes *b)
{
  ParseJob jobs[] = { { a, "file:///a.xml" }, { b, "file:///b.xml" } };
  gint64 start = g_get_monotonic_time ();
  GThread *ta = g_thread_new ("parse-a", parse_thread, &jobs[0]);
  GThread *tb = g_thread_new ("parse-b", parse_thread, &jobs[1]);

  g_thread_join (ta);
  g_thread_join (tb);
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
write_file (const char *dir,
            const char *name,
            GBytes     *bytes)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  if (!g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error))
    g_error ("%s", error->message);
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static double
median (GArray *times)
{
  g_array_sort (times, compare_doubles);
  return g_array_index (times, double, times->len / 2);
}

int
main (int   argc,
      char *argv[])
{
  const char *env_iterations = g_getenv ("BENCH_ITERATIONS");
  guint iterations = MAX (1, env_iterations != NULL ? (guint) atoi (env_iterations) : 5);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bench-scale-XXXXXX", &error);
  g_autofree char *cache = NULL;
  g_autofree char *http = NULL;
  g_autofree char *json = NULL;
  g_autoptr(GBytes) a = make_headline_feed (0, PER_FEED);
  g_autoptr(GBytes) b = make_headline_feed (1, PER_FEED);
  g_autoptr(GBytes) edition_bytes = NULL;
  g_autoptr(BulletinEdition) edition = NULL;
  g_autoptr(BulletinClient) client = NULL;
  g_autoptr(GArray) parses = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) parallel = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) over = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) refreshes = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) again = g_array_new (FALSE, FALSE, sizeof (double));
  double rss0, pss0, rss1, pss1, rss2, pss2;
  guint n_items = 0;

  if (dir == NULL)
    g_error ("%s", error->message);

  /* The headline cache goes into the temporary directory. */
  cache = g_build_filename (dir, "cache", NULL);
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  http = g_build_filename (cache, "http", NULL);

  write_file (dir, "a.xml", a);
  write_file (dir, "b.xml", b);
  json = g_strdup_printf ("{\"format\": 1, \"id\": \"bench\", \"name\": \"Bench\", \"language\": \"en\", \"direction\": \"ltr\","
                          " \"home\": \"https://english.almayadeen.net/\", \"groups\": [{\"id\": \"news\", \"title\": \"News\", \"sections\": ["
                          " {\"id\": \"politics\", \"title\": \"Politics\", \"sources\": [{\"type\": \"feed\", \"url\": \"file://%s/a.xml\"}]},"
                          " {\"id\": \"economy\", \"title\": \"Economy\", \"sources\": [{\"type\": \"feed\", \"url\": \"file://%s/b.xml\"}]}]}]}",
                          dir, dir);
  edition_bytes = g_bytes_new (json, strlen (json));
  edition = bulletin_edition_new_from_bytes (edition_bytes, NULL, &error);
  if (edition == NULL)
    g_error ("%s", error->message);
  client = bulletin_client_new (http);

  /* Warm up: the parser's first use, the page cache of the two files. */
  time_parse (a, b);

  {
    g_autoptr(BulletinSectionModel) empty = bulletin_section_model_new (client, edition, "latest");

    read_memory (&rss0, &pss0);
  }

  for (guint i = 0; i < iterations; i++)
    {
      g_autoptr(BulletinSectionModel) model = bulletin_section_model_new (client, edition, "latest");
      double p = time_parse (a, b);
      double pp = time_parallel_parse (a, b);
      double r = time_refresh (model);
      double r2;

      g_array_append_val (parses, p);
      g_array_append_val (parallel, pp);
      g_array_append_val (refreshes, r);
      /* Each refresh against the parses just before it: the load of the
       * shared machine moves both. */
      r2 = r - pp;
      g_array_append_val (over, r2);
      if (i == 0)
        read_memory (&rss1, &pss1);

      /* The same bytes again: not parsed, the 10,000 merged again. */
      r2 = time_refresh (model);
      g_array_append_val (again, r2);
      n_items = g_list_model_get_n_items (G_LIST_MODEL (model));

      /* Not the headline cache of the last run: a new model starts empty. */
      {
        g_autofree char *kept = g_build_filename (cache, "bulletin", "headlines", "bench", "latest.json", NULL);

        /* written from a thread; let it land before removing it */
        g_usleep (50000);
        while (g_main_context_iteration (NULL, FALSE))
          ;
        g_unlink (kept);
      }
    }
  read_memory (&rss2, &pss2);

  printf ("10,000 headlines (two file:// feeds of %u) through BulletinSectionModel \"latest\", median of %u runs\n\n",
          PER_FEED, iterations);
  printf ("bare bulletin_feed_parse of both feeds (baseline) %8.1f ms\n", median (parses));
  printf ("both parses at once, a thread each                %8.1f ms  ratio_to_parse %.2f\n",
          median (parallel), median (parallel) / median (parses));
  printf ("model built: refresh, parse + merge + sort        %8.1f ms  ratio_to_parse %.2f\n",
          median (refreshes), median (refreshes) / median (parses));
  printf ("  over the two parses at once, run by run         %+8.1f ms  (the model's own work, and waits)\n",
          median (over));
  printf ("refresh again, unchanged bytes (merge only)       %8.1f ms  ratio_to_parse %.2f\n",
          median (again), median (again) / median (parses));
  printf ("the model keeps %u of them (BULLETIN_SECTION_MODEL_MAX_ITEMS = %d)\n\n",
          n_items, BULLETIN_SECTION_MODEL_MAX_ITEMS);
  printf ("memory, empty section model:     VmRSS %7.1f MB  Pss %7.1f MB\n", rss0, pss0);
  printf ("after the first refresh:         VmRSS %7.1f MB  Pss %7.1f MB  (+%.1f MB, +%.1f MB)\n",
          rss1, pss1, rss1 - rss0, pss1 - pss0);
  printf ("after %u models made and freed:  VmRSS %7.1f MB  Pss %7.1f MB\n", iterations, rss2, pss2);

  {
    g_autofree char *kept_dir = g_build_filename (cache, "bulletin", "headlines", "bench", NULL);
    g_autofree char *a_path = g_build_filename (dir, "a.xml", NULL);
    g_autofree char *b_path = g_build_filename (dir, "b.xml", NULL);

    g_unlink (a_path);
    g_unlink (b_path);
    g_rmdir (kept_dir);
  }

  return 0;
}
