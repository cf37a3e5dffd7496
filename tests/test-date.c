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

  return g_test_run ();
}
