/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-date"

#include "config.h"

#include "bulletin-date.h"

typedef struct
{
  const char *text;
  const char *expected;   /* ISO 8601 UTC, or NULL for "not a date" */
} DateCase;

static const DateCase cases[] = {
  /* RFC 822 / 2822 */
  { "Mon, 19 Jun 2023 11:25:00 GMT", "2023-06-19T11:25:00Z" },
  { "Mon, 19 Jun 2023 11:25:00 +0000", "2023-06-19T11:25:00Z" },
  { "Mon, 19 Jun 2023 14:25:00 +0300", "2023-06-19T11:25:00Z" },
  { "Mon, 19 Jun 2023 11:25:00 -0430", "2023-06-19T15:55:00Z" },
  { "Sun, 5 Jan 2003 10:14:55 EST", "2003-01-05T15:14:55Z" },
  { "Sun, 05 Jan 2003 10:14:55 PDT", "2003-01-05T17:14:55Z" },
  { "Sun, 05 Jan 2003 10:14:55 CEST", "2003-01-05T08:14:55Z" },
  { "Sun, 05 Jan 2003 10:14:55 UT", "2003-01-05T10:14:55Z" },
  { "Sun, 05 Jan 2003 10:14:55 Z", "2003-01-05T10:14:55Z" },
  { "Sun, 05 Jan 2003 10:14:55 -0500 (EST)", "2003-01-05T15:14:55Z" },
  { "Sun, 05 Jan 2003 10:14:55 GMT+2", "2003-01-05T08:14:55Z" },
  /* missing seconds, missing zone, two-digit years */
  { "Sun, 5 Jan 2003 10:14 GMT", "2003-01-05T10:14:00Z" },
  { "Sun, 5 Jan 2003 10:14:55", "2003-01-05T10:14:55Z" },
  { "5 Jan 03 10:14:55 GMT", "2003-01-05T10:14:55Z" },
  { "Tue, 31 Dec 99 23:59:59 GMT", "1999-12-31T23:59:59Z" },
  { "Sun, 5 Jan 2003", "2003-01-05T00:00:00Z" },
  /* long names, other orders */
  { "Sunday, 5 January 2003 10:14:55 GMT", "2003-01-05T10:14:55Z" },
  { "Sunday, January 5, 2003 10:14:55 PM", "2003-01-05T22:14:55Z" },
  { "January 5th, 2003 12:30 AM", "2003-01-05T00:30:00Z" },
  { "Sun Jan  5 10:14:55 2003", "2003-01-05T10:14:55Z" },
  { "05-Jan-2003 10:14:55 +0100", "2003-01-05T09:14:55Z" },
  { "Sept 5, 2003", "2003-09-05T00:00:00Z" },
  /* RFC 3339 / ISO 8601 */
  { "2023-06-19T11:25:00Z", "2023-06-19T11:25:00Z" },
  { "2023-06-19T11:25:00.123456Z", "2023-06-19T11:25:00Z" },
  { "2023-06-19T14:25:00+03:00", "2023-06-19T11:25:00Z" },
  { "2023-06-19T14:25:00+0300", "2023-06-19T11:25:00Z" },
  { "2023-06-19T14:25:00+03", "2023-06-19T11:25:00Z" },
  { "2023-06-19T11:25Z", "2023-06-19T11:25:00Z" },
  { "2023-06-19t11:25:00z", "2023-06-19T11:25:00Z" },
  { "2023-06-19 11:25:00", "2023-06-19T11:25:00Z" },
  { "2023-06-19 11:25:00 GMT", "2023-06-19T11:25:00Z" },
  { "2023-06-19 11:25:00 EST", "2023-06-19T16:25:00Z" },
  { "2023-06-19", "2023-06-19T00:00:00Z" },
  { "2023-06", "2023-06-01T00:00:00Z" },
  { "2023", "2023-01-01T00:00:00Z" },
  { "20230619T112500Z", "2023-06-19T11:25:00Z" },
  { "20230619", "2023-06-19T00:00:00Z" },
  { "2023-06-19T24:00:00Z", "2023-06-20T00:00:00Z" },
  { "2016-12-31T23:59:60Z", "2016-12-31T23:59:59Z" },
  { "  2023-06-19T11:25:00Z \n", "2023-06-19T11:25:00Z" },
  /* ISO week and ordinal dates */
  { "2003-W01-1", "2002-12-30T00:00:00Z" },
  { "2004-W53-7", "2005-01-02T00:00:00Z" },
  { "2009W011", "2008-12-29T00:00:00Z" },
  { "2003-335", "2003-12-01T00:00:00Z" },
  { "2004-366", "2004-12-31T00:00:00Z" },
  /* leap years */
  { "2024-02-29T00:00:00Z", "2024-02-29T00:00:00Z" },
  { "2023-02-29T00:00:00Z", NULL },
  { "Thu, 29 Feb 2001 00:00:00 GMT", NULL },
  /* not dates */
  { "", NULL },
  { "   ", NULL },
  { "yesterday", NULL },
  { "2023-13-01", NULL },
  { "2023-06-32", NULL },
  { "2023-06-19T25:00:00Z", NULL },
  { "2023-06-19T11:61:00Z", NULL },
  { "2023-06-19T11:25:00+25:00", NULL },
  { "2003-W54-1", NULL },
  { "2003-367", NULL },
  { "32 Jan 2003", NULL },
  { "Sun, 5 Foo 2003 10:14:55 GMT", NULL },
  { "12345678901234567890", NULL },
  { "<script>alert(1)</script>", NULL },
  { "Mon, 19 Jun 2023 11:25:00 GMT trailing words here", NULL },
};

static void
test_date_case (gconstpointer data)
{
  const DateCase *c = data;
  g_autoptr(GDateTime) date = bulletin_date_parse (c->text);
  g_autofree char *iso = bulletin_date_to_iso8601 (date);

  g_assert_cmpstr (iso, ==, c->expected);
  if (date != NULL)
    g_assert_cmpint (g_date_time_get_utc_offset (date), ==, 0);
}

static void
test_date_null (void)
{
  g_assert_null (bulletin_date_parse (NULL));
  g_assert_null (bulletin_date_to_iso8601 (NULL));
}

static void
test_date_long_input (void)
{
  g_autofree char *text = g_strnfill (100000, '9');

  g_assert_null (bulletin_date_parse (text));
}

static void
test_date_to_iso8601_utc (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_offset (3 * 3600);
  g_autoptr(GDateTime) local = g_date_time_new (tz, 2023, 6, 19, 14, 25, 0.75);
  g_autofree char *iso = bulletin_date_to_iso8601 (local);

  g_assert_cmpstr (iso, ==, "2023-06-19T11:25:00Z");
}

/* The instant as GLib works it out from the local time and its offset,
 * which bulletin_date_parse() does with arithmetic of its own. */
static GDateTime *
reference_instant (int year,
                   int month,
                   int day,
                   int hour,
                   int minute,
                   int second,
                   int offset_minutes)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_offset (offset_minutes * 60);
  g_autoptr(GDateTime) local = NULL;

  if (second == 60)
    second = 59;
  if (hour == 24)
    {
      g_autoptr(GDateTime) midnight = NULL;

      if (minute != 0 || second != 0)
        return NULL;
      /* The end of 9999-12-31 east of UTC is an instant GDateTime holds,
       * though its next local day is not: then the day is added in UTC. */
      midnight = g_date_time_new (tz, year, month, day, 0, 0, 0);
      if (midnight == NULL)
        return NULL;
      local = g_date_time_add_days (midnight, 1);
      if (local == NULL)
        {
          g_autoptr(GDateTime) utc = g_date_time_to_utc (midnight);

          return utc != NULL ? g_date_time_add_days (utc, 1) : NULL;
        }
    }
  else
    local = g_date_time_new (tz, year, month, day, hour, minute, second);

  if (local == NULL)
    return NULL;
  return g_date_time_to_utc (local);
}

static void
test_date_instant_grid (void)
{
  static const int years[] = { 1, 2, 4, 100, 400, 1600, 1899, 1900, 1969, 1970,
                               1971, 2000, 2001, 2023, 2024, 2100, 2400, 9998, 9999 };
  static const int days[] = { 1, 15, 28, 29, 30, 31 };
  static const int hours[] = { 0, 1, 12, 23, 24 };
  static const int minutes[] = { 0, 30, 59 };
  static const int seconds[] = { 0, 59, 60 };
  static const int offsets[] = { -18 * 60, -(9 * 60 + 30), -60, 0, 45, 5 * 60 + 30, 14 * 60, 18 * 60 };
  guint compared = 0, dates = 0;

  for (guint y = 0; y < G_N_ELEMENTS (years); y++)
    for (int month = 1; month <= 12; month++)
      for (guint d = 0; d < G_N_ELEMENTS (days); d++)
        for (guint h = 0; h < G_N_ELEMENTS (hours); h++)
          for (guint mi = 0; mi < G_N_ELEMENTS (minutes); mi++)
            for (guint s = 0; s < G_N_ELEMENTS (seconds); s++)
              for (guint o = 0; o < G_N_ELEMENTS (offsets); o++)
                {
                  int offset = offsets[o];
                  g_autofree char *text = NULL;
                  g_autoptr(GDateTime) expected = NULL;
                  g_autoptr(GDateTime) parsed = NULL;
                  g_autofree char *expected_iso = NULL;
                  g_autofree char *parsed_iso = NULL;

                  text = g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d",
                                          years[y], month, days[d], hours[h],
                                          minutes[mi], seconds[s],
                                          offset < 0 ? '-' : '+',
                                          ABS (offset) / 60, ABS (offset) % 60);
                  expected = reference_instant (years[y], month, days[d], hours[h],
                                                minutes[mi], seconds[s], offset);
                  parsed = bulletin_date_parse (text);
                  expected_iso = bulletin_date_to_iso8601 (expected);
                  parsed_iso = bulletin_date_to_iso8601 (parsed);

                  if (g_strcmp0 (parsed_iso, expected_iso) != 0)
                    g_error ("%s: parsed as %s, GLib gives %s", text,
                             parsed_iso ? parsed_iso : "nothing",
                             expected_iso ? expected_iso : "nothing");
                  if (parsed != NULL)
                    {
                      g_assert_cmpint (g_date_time_to_unix (parsed), ==, g_date_time_to_unix (expected));
                      dates++;
                    }
                  compared++;
                }

  /* Most of the grid is a date, and its edges are not. */
  g_assert_cmpuint (dates, >, compared / 2);
  g_assert_cmpuint (dates, <, compared);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/date/parse/%u", i);

      g_test_add_data_func (path, &cases[i], test_date_case);
    }
  g_test_add_func ("/date/null", test_date_null);
  g_test_add_func ("/date/long-input", test_date_long_input);
  g_test_add_func ("/date/to-iso8601-utc", test_date_to_iso8601_utc);
  g_test_add_func ("/date/instant-grid", test_date_instant_grid);

  return g_test_run ();
}
