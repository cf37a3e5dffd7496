/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-date-format"

#include "config.h"

#include <locale.h>

#include "bulletin-core.h"
#include "bulletin-date-format.h"

/* Dates in an edition's language, whatever the process's locale */

typedef struct
{
  const char        *language;
  BulletinDateStyle  style;
  const char        *expected;
} FormatCase;

/* Monday 19 June 2023, 14:25 */
static const FormatCase format_cases[] = {
  { "en", BULLETIN_DATE_STYLE_DATE_TIME, "19 Jun 2023 14:25" },
  { "en", BULLETIN_DATE_STYLE_DAY_MONTH, "19 June" },
  { "en", BULLETIN_DATE_STYLE_DATE, "19 June 2023" },
  { "en", BULLETIN_DATE_STYLE_FULL, "Monday, 19 June 2023, 14:25" },
  { "ar", BULLETIN_DATE_STYLE_DATE_TIME, "١٩ يونيو ٢٠٢٣ ١٤:٢٥" },
  { "ar", BULLETIN_DATE_STYLE_DAY_MONTH, "١٩ يونيو" },
  { "ar", BULLETIN_DATE_STYLE_DATE, "١٩ يونيو ٢٠٢٣" },
  { "ar", BULLETIN_DATE_STYLE_FULL, "الاثنين، ١٩ يونيو ٢٠٢٣، ١٤:٢٥" },
  { "es", BULLETIN_DATE_STYLE_DATE_TIME, "19 jun 2023 14:25" },
  { "es", BULLETIN_DATE_STYLE_DAY_MONTH, "19 de junio" },
  { "es", BULLETIN_DATE_STYLE_DATE, "19 de junio de 2023" },
  { "es", BULLETIN_DATE_STYLE_FULL, "lunes, 19 de junio de 2023, 14:25" },
  /* Regional tags and locale names take their language's words */
  { "ar-LB", BULLETIN_DATE_STYLE_DAY_MONTH, "١٩ يونيو" },
  { "ar_SA.UTF-8", BULLETIN_DATE_STYLE_DAY_MONTH, "١٩ يونيو" },
  { "es-419", BULLETIN_DATE_STYLE_DAY_MONTH, "19 de junio" },
  { "ES_es@euro", BULLETIN_DATE_STYLE_DAY_MONTH, "19 de junio" },
  /* Anything else is English: unknown, empty, missing, hostile */
  { "fr", BULLETIN_DATE_STYLE_DATE_TIME, "19 Jun 2023 14:25" },
  { "arn", BULLETIN_DATE_STYLE_DAY_MONTH, "19 June" },
  { "esperanto", BULLETIN_DATE_STYLE_DAY_MONTH, "19 June" },
  { "", BULLETIN_DATE_STYLE_DAY_MONTH, "19 June" },
  { NULL, BULLETIN_DATE_STYLE_DAY_MONTH, "19 June" },
  { "a", BULLETIN_DATE_STYLE_DAY_MONTH, "19 June" },
  { "%s%n", BULLETIN_DATE_STYLE_DAY_MONTH, "19 June" },
};

static void
test_format (gconstpointer data)
{
  const FormatCase *c = data;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) date = g_date_time_new (utc, 2023, 6, 19, 14, 25, 59.0);
  g_autofree char *text = bulletin_date_format (date, c->language, c->style);

  g_assert_cmpstr (text, ==, c->expected);
}

/* Every month and weekday has its own word, and small numbers no padding */
static void
test_every_month (void)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  static const char *languages[] = { "en", "ar", "es" };

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_autoptr(GHashTable) seen_days = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      for (int month = 1; month <= 12; month++)
        {
          g_autoptr(GDateTime) date = g_date_time_new (utc, 2024, month, 1, 0, 5, 0);
          char *text = bulletin_date_format (date, languages[l], BULLETIN_DATE_STYLE_DAY_MONTH);

          g_assert_true (g_utf8_validate (text, -1, NULL));
          g_assert_false (g_hash_table_contains (seen, text));
          g_hash_table_add (seen, text);
        }

      /* 1 to 7 January 2024 are Monday to Sunday */
      for (int day = 1; day <= 7; day++)
        {
          g_autoptr(GDateTime) date = g_date_time_new (utc, 2024, 1, day, 9, 5, 0);
          g_autofree char *full = bulletin_date_format (date, languages[l], BULLETIN_DATE_STYLE_FULL);
          const char *comma = g_utf8_strchr (full, -1, g_str_equal (languages[l], "ar") ? 0x060C : ',');
          char *weekday;

          g_assert_nonnull (comma);
          weekday = g_strndup (full, comma - full);
          g_assert_false (g_hash_table_contains (seen_days, weekday));
          g_hash_table_add (seen_days, weekday);
        }
    }

  {
    g_autoptr(GDateTime) date = g_date_time_new (utc, 2024, 3, 5, 7, 4, 0);
    g_autofree char *en = bulletin_date_format (date, "en", BULLETIN_DATE_STYLE_DATE_TIME);
    g_autofree char *ar = bulletin_date_format (date, "ar", BULLETIN_DATE_STYLE_DATE_TIME);

    g_assert_cmpstr (en, ==, "5 Mar 2024 07:04");
    g_assert_cmpstr (ar, ==, "٥ مارس ٢٠٢٤ ٠٧:٠٤");
  }
}

/* The date is written in its own time zone: the caller picks the clock */
static void
test_time_zone (void)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GTimeZone) beirut = g_time_zone_new_offset (3 * 3600);
  g_autoptr(GDateTime) date = g_date_time_new (utc, 2023, 12, 31, 22, 30, 0);
  g_autoptr(GDateTime) there = g_date_time_to_timezone (date, beirut);
  g_autofree char *in_utc = bulletin_date_format (date, "es", BULLETIN_DATE_STYLE_DATE_TIME);
  g_autofree char *in_beirut = bulletin_date_format (there, "es", BULLETIN_DATE_STYLE_DATE_TIME);

  g_assert_cmpstr (in_utc, ==, "31 dic 2023 22:30");
  g_assert_cmpstr (in_beirut, ==, "1 ene 2024 01:30");
}

/* The process's locale does not leak in: LC_TIME is not read */
static void
test_locale_independent (void)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) date = g_date_time_new (utc, 2023, 6, 19, 14, 25, 0);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *old = g_strdup (setlocale (LC_TIME, NULL));

  before = bulletin_date_format (date, "ar", BULLETIN_DATE_STYLE_FULL);
  setlocale (LC_TIME, "C");
  after = bulletin_date_format (date, "ar", BULLETIN_DATE_STYLE_FULL);
  setlocale (LC_TIME, old);

  g_assert_cmpstr (before, ==, after);
}

typedef struct
{
  const char *text;
  const char *language;
  const char *expected;
} DigitsCase;

static const DigitsCase digits_cases[] = {
  { "5 min", "ar", "٥ min" },
  { "0123456789", "ar", "٠١٢٣٤٥٦٧٨٩" },
  { "منذ 12 دقيقة", "ar-EG", "منذ ١٢ دقيقة" },
  { "12:05", "es", "12:05" },
  { "12:05", "en", "12:05" },
  { "12:05", NULL, "12:05" },
  { "", "ar", "" },
  { "no digits", "ar", "no digits" },
  /* Digits already Arabic-Indic, and other scripts, pass through */
  { "٣ و 4", "ar", "٣ و ٤" },
};

static void
test_digits (gconstpointer data)
{
  const DigitsCase *c = data;
  g_autofree char *text = bulletin_date_localize_digits (c->text, c->language);

  g_assert_cmpstr (text, ==, c->expected);
  g_assert_true (g_utf8_validate (text, -1, NULL));
}

static void
test_digits_null (void)
{
  g_assert_null (bulletin_date_localize_digits (NULL, "ar"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (format_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/date-format/format/%u", i);

      g_test_add_data_func (path, &format_cases[i], test_format);
    }
  for (guint i = 0; i < G_N_ELEMENTS (digits_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/date-format/digits/%u", i);

      g_test_add_data_func (path, &digits_cases[i], test_digits);
    }
  g_test_add_func ("/date-format/digits/null", test_digits_null);
  g_test_add_func ("/date-format/every-month", test_every_month);
  g_test_add_func ("/date-format/time-zone", test_time_zone);
  g_test_add_func ("/date-format/locale-independent", test_locale_independent);

  return g_test_run ();
}
