/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bulletin-date"

#include "config.h"

#include <string.h>

#include "bulletin-date.h"

/* Dates as feeds write them: RFC 822/2822 ("Sun, 05 Jan 2003 10:14:55 EST"),
 * RFC 3339 / W3C-DTF / ISO 8601 ("2003-01-05T10:14:55Z"), and the broken
 * variants that real feeds carry: missing seconds, two-digit years, named
 * time zones, no time zone at all (taken as UTC), asctime() order, dashes
 * instead of spaces, ISO week and ordinal dates.
 */

#define MAX_DATE_LENGTH 256

typedef struct
{
  const char *name;
  int         minutes;   /* east of UTC */
} Zone;

static const Zone zones[] = {
  { "UT", 0 }, { "UTC", 0 }, { "GMT", 0 }, { "Z", 0 }, { "WET", 0 },
  { "EST", -5 * 60 }, { "EDT", -4 * 60 },
  { "CST", -6 * 60 }, { "CDT", -5 * 60 },
  { "MST", -7 * 60 }, { "MDT", -6 * 60 },
  { "PST", -8 * 60 }, { "PDT", -7 * 60 },
  { "AST", -4 * 60 }, { "ADT", -3 * 60 },
  { "NST", -(3 * 60 + 30) }, { "NDT", -(2 * 60 + 30) },
  { "AKST", -9 * 60 }, { "AKDT", -8 * 60 },
  { "HST", -10 * 60 }, { "HDT", -9 * 60 },
  { "BST", 60 }, { "IST", 5 * 60 + 30 }, { "WEST", 60 },
  { "CET", 60 }, { "CEST", 2 * 60 }, { "MET", 60 }, { "MEST", 2 * 60 },
  { "EET", 2 * 60 }, { "EEST", 3 * 60 }, { "MSK", 3 * 60 },
  { "PKT", 5 * 60 }, { "ICT", 7 * 60 }, { "WIB", 7 * 60 },
  { "HKT", 8 * 60 }, { "SGT", 8 * 60 }, { "AWST", 8 * 60 },
  { "JST", 9 * 60 }, { "KST", 9 * 60 },
  { "ACST", 9 * 60 + 30 }, { "ACDT", 10 * 60 + 30 },
  { "AEST", 10 * 60 }, { "AEDT", 11 * 60 },
  { "NZST", 12 * 60 }, { "NZDT", 13 * 60 },
};

static const char * const month_names[12] = {
  "jan", "feb", "mar", "apr", "may", "jun",
  "jul", "aug", "sep", "oct", "nov", "dec",
};

static const char * const weekday_names[7] = {
  "mon", "tue", "wed", "thu", "fri", "sat", "sun",
};

typedef struct
{
  int year, month, day;
  int hour, minute;
  double second;
  int offset_minutes;
} Fields;

static gboolean
is_leap_year (int year)
{
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

static int
days_in_month (int year,
               int month)
{
  static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

  if (month == 2 && is_leap_year (year))
    return 29;
  return days[month - 1];
}

/* Days from 1970-01-01 to a date of the proleptic Gregorian calendar
 * (H. Hinnant's days_from_civil). */
static gint64
days_from_civil (int year,
                 int month,
                 int day)
{
  gint64 y = year - (month <= 2);
  gint64 era = (y >= 0 ? y : y - 399) / 400;
  gint64 year_of_era = y - era * 400;
  gint64 day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  gint64 day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;

  return era * 146097 + day_of_era - 719468;
}

/* The first and last second GDateTime holds: 0001-01-01T00:00:00Z and
 * 9999-12-31T23:59:59Z. */
#define FIRST_UNIX_TIME G_GINT64_CONSTANT (-62135596800)
#define LAST_UNIX_TIME G_GINT64_CONSTANT (253402300799)

/* The instant is worked out here rather than through a GTimeZone and two
 * GDateTimes: a feed of 5,000 items has 5,000 dates, and that way cost
 * three times the rest of reading one. */
static GDateTime *
fields_to_date_time (Fields *f)
{
  gint64 unix_time;

  if (f->year < 1 || f->year > 9999 || f->month < 1 || f->month > 12 ||
      f->day < 1 || f->day > days_in_month (f->year, f->month) ||
      f->hour < 0 || f->hour > 24 || f->minute < 0 || f->minute > 59 ||
      f->second < 0 || f->second >= 62 ||
      f->offset_minutes < -18 * 60 || f->offset_minutes > 18 * 60)
    return NULL;

  /* 24:00 is the end of the day; a leap second is kept inside its minute. */
  if (f->hour == 24 && (f->minute != 0 || f->second != 0))
    return NULL;
  if (f->second >= 60)
    f->second = 59;

  unix_time = days_from_civil (f->year, f->month, f->day) * 86400
              + f->hour * 3600 + f->minute * 60 + (int) f->second
              - (gint64) f->offset_minutes * 60;

  /* Year 1 with an offset east of UTC, or 9999 west of it, may fall
   * outside the range of a GDateTime. */
  if (unix_time < FIRST_UNIX_TIME || unix_time > LAST_UNIX_TIME)
    return NULL;

  return g_date_time_new_from_unix_utc (unix_time);
}

/* Reads exactly @n digits. */
static gboolean
read_digits (const char **p,
             int          n,
             int         *value)
{
  int v = 0;

  for (int i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit ((*p)[i]))
        return FALSE;
      v = v * 10 + ((*p)[i] - '0');
    }
  *p += n;
  *value = v;
  return TRUE;
}

static int
count_digits (const char *p)
{
  int n = 0;

  while (g_ascii_isdigit (p[n]))
    n++;
  return n;
}

static const Zone *
lookup_zone (const char *name,
             gsize       length)
{
  char first = g_ascii_toupper (name[0]);

  /* @name is letters, so when its @length first ones match a zone's
   * name, the zone's name is at least as long, and ends there or not.
   * Every word of a date is looked up here, so the first letter, upper
   * case in the table, is compared first. */
  for (guint i = 0; i < G_N_ELEMENTS (zones); i++)
    if (zones[i].name[0] == first &&
        g_ascii_strncasecmp (zones[i].name, name, length) == 0 &&
        zones[i].name[length] == '\0')
      return &zones[i];
  return NULL;
}

/* Military zones of RFC 822: A-I = +1..+9, K-M = +10..+12, N-Y = -1..-12. */
static gboolean
military_zone (char  c,
               int  *minutes)
{
  c = g_ascii_toupper (c);
  if (c >= 'A' && c <= 'I')
    *minutes = (c - 'A' + 1) * 60;
  else if (c >= 'K' && c <= 'M')
    *minutes = (c - 'K' + 10) * 60;
  else if (c >= 'N' && c <= 'Y')
    *minutes = -(c - 'N' + 1) * 60;
  else if (c == 'Z')
    *minutes = 0;
  else
    return FALSE;
  return TRUE;
}

/* "+05:30", "-0800", "+05", "+5" */
static gboolean
read_offset (const char **p,
             int         *minutes)
{
  const char *s = *p;
  int sign, hours = 0, mins = 0, n;

  if (*s != '+' && *s != '-')
    return FALSE;
  sign = *s == '-' ? -1 : 1;
  s++;

  n = count_digits (s);
  if (n == 4)
    {
      read_digits (&s, 2, &hours);
      read_digits (&s, 2, &mins);
    }
  else if (n == 1 || n == 2)
    {
      read_digits (&s, n, &hours);
      if (*s == ':' && count_digits (s + 1) == 2)
        {
          s++;
          read_digits (&s, 2, &mins);
        }
    }
  else
    return FALSE;

  if (hours > 18 || mins > 59)
    return FALSE;

  *minutes = sign * (hours * 60 + mins);
  *p = s;
  return TRUE;
}

static const char *
skip_space (const char *p)
{
  while (*p == ' ' || *p == '\t')
    p++;
  return p;
}

/* The time and zone that may follow an ISO date: "10:14:55.25+01:00",
 * "10:14Z", "101455Z", " 10:14:55 GMT".
 */
static gboolean
parse_iso_time (const char *p,
                Fields     *f)
{
  int n = count_digits (p);

  if (n == 6 || n == 4)
    {
      read_digits (&p, 2, &f->hour);
      read_digits (&p, 2, &f->minute);
      if (n == 6)
        {
          int s = 0;
          read_digits (&p, 2, &s);
          f->second = s;
        }
    }
  else if (n == 2 || n == 1)
    {
      read_digits (&p, n, &f->hour);
      if (*p != ':' || count_digits (p + 1) != 2)
        return FALSE;
      p++;
      read_digits (&p, 2, &f->minute);
      if (*p == ':' && count_digits (p + 1) == 2)
        {
          int s = 0;
          p++;
          read_digits (&p, 2, &s);
          f->second = s;
        }
    }
  else
    return FALSE;

  /* A fraction of a second is read and dropped. */
  if ((*p == '.' || *p == ',') && g_ascii_isdigit (p[1]))
    {
      p++;
      while (g_ascii_isdigit (*p))
        p++;
    }

  p = skip_space (p);
  if (*p == '\0')
    return TRUE;
  if ((*p == 'Z' || *p == 'z') && p[1] == '\0')
    return TRUE;
  if (*p == '+' || *p == '-')
    return read_offset (&p, &f->offset_minutes) && *skip_space (p) == '\0';

  if (g_ascii_isalpha (*p))
    {
      const char *start = p;
      const Zone *zone;

      while (g_ascii_isalpha (*p))
        p++;
      zone = lookup_zone (start, p - start);
      if (zone == NULL)
        return FALSE;
      f->offset_minutes = zone->minutes;
      if (*p == '+' || *p == '-')
        {
          int extra;

          if (!read_offset (&p, &extra))
            return FALSE;
          f->offset_minutes += extra;
        }
      return *skip_space (p) == '\0';
    }

  return FALSE;
}

static gboolean
set_from_gdate (Fields *f,
                GDate  *date)
{
  if (!g_date_valid (date))
    return FALSE;
  f->year = g_date_get_year (date);
  f->month = g_date_get_month (date);
  f->day = g_date_get_day (date);
  return TRUE;
}

/* ISO 8601 / RFC 3339 / W3C-DTF, extended and basic forms. */
static GDateTime *
parse_iso8601 (const char *text)
{
  const char *p = text;
  Fields f = { 0, 1, 1, 0, 0, 0, 0 };
  int n = count_digits (p);
  gboolean extended;

  if (n == 8)
    {
      /* 20030105 */
      read_digits (&p, 4, &f.year);
      read_digits (&p, 2, &f.month);
      read_digits (&p, 2, &f.day);
      extended = FALSE;
    }
  else if (n == 4)
    {
      read_digits (&p, 4, &f.year);
      extended = *p == '-';
      if (*p == '-')
        p++;

      if (*p == 'W' || *p == 'w')
        {
          /* ISO week date: 2003-W01-1, 2003W011, 2003-W01 */
          g_autoptr(GDate) date = NULL;
          int week, weekday = 1;
          guint jan4_weekday;

          p++;
          if (!read_digits (&p, 2, &week))
            return NULL;
          if (*p == '-' && extended)
            p++;
          if (g_ascii_isdigit (*p))
            read_digits (&p, 1, &weekday);
          if (week < 1 || week > 53 || weekday < 1 || weekday > 7 ||
              f.year < 1 || f.year > 9998)
            return NULL;

          date = g_date_new_dmy (4, G_DATE_JANUARY, f.year);
          jan4_weekday = g_date_get_weekday (date);   /* Monday = 1 */
          g_date_subtract_days (date, jan4_weekday - 1);
          g_date_add_days (date, (week - 1) * 7 + (weekday - 1));
          if (!set_from_gdate (&f, date))
            return NULL;
        }
      else if (count_digits (p) == 3)
        {
          /* Ordinal date: 2003-335 */
          g_autoptr(GDate) date = NULL;
          int ordinal = 0;

          read_digits (&p, 3, &ordinal);
          if (ordinal < 1 || ordinal > (is_leap_year (f.year) ? 366 : 365) ||
              f.year < 1 || f.year > 9998)
            return NULL;
          date = g_date_new_dmy (1, G_DATE_JANUARY, f.year);
          g_date_add_days (date, ordinal - 1);
          if (!set_from_gdate (&f, date))
            return NULL;
        }
      else if (extended && count_digits (p) >= 1 && count_digits (p) <= 2)
        {
          /* 2003-12, 2003-12-31, 2003-1-5 */
          read_digits (&p, count_digits (p), &f.month);
          if (*p == '-')
            {
              int d = count_digits (p + 1);

              if (d < 1 || d > 2)
                return NULL;
              p++;
              read_digits (&p, d, &f.day);
            }
        }
      else if (!extended && *p != '\0')
        return NULL;
    }
  else
    return NULL;

  if (*p == '\0' || *skip_space (p) == '\0')
    return fields_to_date_time (&f);

  if (*p == 'T' || *p == 't')
    p++;
  else if (*p == ' ')
    p = skip_space (p);
  else
    return NULL;

  if (!parse_iso_time (p, &f))
    return NULL;

  return fields_to_date_time (&f);
}

static int
lookup_month (const char *word,
              gsize       length)
{
  if (length < 3)
    return 0;
  for (int i = 0; i < 12; i++)
    if (g_ascii_strncasecmp (word, month_names[i], 3) == 0)
      return i + 1;
  return 0;
}

static gboolean
is_weekday (const char *word,
            gsize       length)
{
  if (length < 2)
    return FALSE;
  for (int i = 0; i < 7; i++)
    if (g_ascii_strncasecmp (word, weekday_names[i], MIN (length, 3)) == 0)
      return TRUE;
  return FALSE;
}

/* "10:14", "10:14:55", "10:14:55.123" */
static gboolean
read_clock (const char **p,
            Fields      *f)
{
  const char *s = *p;
  int n = count_digits (s);

  if (n < 1 || n > 2)
    return FALSE;
  read_digits (&s, n, &f->hour);
  if (*s != ':' || count_digits (s + 1) != 2)
    return FALSE;
  s++;
  read_digits (&s, 2, &f->minute);
  f->second = 0;
  if (*s == ':' && count_digits (s + 1) >= 1 && count_digits (s + 1) <= 2)
    {
      int sec = 0;

      s++;
      read_digits (&s, count_digits (s), &sec);
      f->second = sec;
      if (*s == '.' && g_ascii_isdigit (s[1]))
        {
          s++;
          while (g_ascii_isdigit (*s))
            s++;
        }
    }
  *p = s;
  return TRUE;
}

/* RFC 822 / 2822 and the loose orders feeds use ("Sun, 5 Jan 2003 10:14
 * EST", "Sunday, January 5, 2003 10:14:55 PM", "Sun Jan  5 10:14:55 2003",
 * "05-Jan-03 10:14:55 +0000"). The tokens may come in any order; what each
 * one is follows from its shape.
 */
static GDateTime *
parse_rfc822 (const char *text)
{
  Fields f = { -1, 0, 0, 0, 0, 0, 0 };
  const char *p = text;
  gboolean have_time = FALSE, have_zone = FALSE, pm = FALSE, am = FALSE;
  int year_digits = 0;
  int unknown_words = 0;

  while (*p != '\0')
    {
      if (*p == ' ' || *p == '\t' || *p == ',' || *p == '/' || *p == '.' ||
          *p == '\n' || *p == '\r')
        {
          p++;
          continue;
        }

      if ((*p == '+' || *p == '-') && g_ascii_isdigit (p[1]))
        {
          int minutes;

          /* A dash between date parts ("05-Jan-2003") is a separator; an
           * offset only comes after the time. */
          if (!have_time || have_zone || !read_offset (&p, &minutes))
            {
              if (*p == '-')
                {
                  p++;
                  continue;
                }
              return NULL;
            }
          f.offset_minutes = minutes;
          have_zone = TRUE;
          continue;
        }

      if (*p == '-')
        {
          p++;
          continue;
        }

      if (g_ascii_isdigit (*p))
        {
          int n = count_digits (p);
          int value = 0;

          if (p[n] == ':')
            {
              if (have_time || !read_clock (&p, &f))
                return NULL;
              have_time = TRUE;
              continue;
            }
          if (n > 4)
            return NULL;
          read_digits (&p, n, &value);

          /* "5th", "1st" */
          if (g_ascii_isalpha (*p) && g_ascii_isalpha (p[1]) && !g_ascii_isalpha (p[2]) &&
              (g_ascii_strncasecmp (p, "st", 2) == 0 || g_ascii_strncasecmp (p, "nd", 2) == 0 ||
               g_ascii_strncasecmp (p, "rd", 2) == 0 || g_ascii_strncasecmp (p, "th", 2) == 0))
            p += 2;

          if (n == 4 || value > 31 || (f.day > 0 && f.year < 0))
            {
              if (f.year >= 0)
                return NULL;
              f.year = value;
              year_digits = n;
            }
          else if (f.day == 0)
            f.day = value;
          else
            return NULL;
          continue;
        }

      if (g_ascii_isalpha (*p))
        {
          const char *start = p;
          gsize length;
          int month;
          const Zone *zone;
          int minutes;

          while (g_ascii_isalpha (*p))
            p++;
          length = p - start;

          if ((month = lookup_month (start, length)) != 0 && f.month == 0 &&
              (length == 3 || length >= 4))
            f.month = month;
          else if ((zone = lookup_zone (start, length)) != NULL && !have_zone)
            {
              f.offset_minutes = zone->minutes;
              have_zone = TRUE;
              /* "GMT+2", "UTC-05:00" */
              if ((*p == '+' || *p == '-') && g_ascii_isdigit (p[1]) &&
                  read_offset (&p, &minutes))
                f.offset_minutes += minutes;
            }
          else if (length == 2 && g_ascii_strncasecmp (start, "PM", 2) == 0)
            pm = TRUE;
          else if (length == 2 && g_ascii_strncasecmp (start, "AM", 2) == 0)
            am = TRUE;
          else if (is_weekday (start, length))
            ;
          else if (length == 1 && have_time && !have_zone && military_zone (*start, &minutes))
            {
              f.offset_minutes = minutes;
              have_zone = TRUE;
            }
          else if (++unknown_words > 1)
            return NULL;
          continue;
        }

      /* Anything else ('(', quotes, …) ends the useful part, as in
       * "Sun, 05 Jan 2003 10:14:55 -0500 (EST)". */
      if (*p == '(' && f.year >= 0 && f.month > 0)
        break;
      return NULL;
    }

  if (f.year < 0 || f.month == 0 || f.day == 0)
    return NULL;

  if (year_digits <= 2)
    f.year += f.year < 50 ? 2000 : 1900;
  else if (year_digits == 3)
    f.year += 1900;

  if (pm && f.hour < 12)
    f.hour += 12;
  else if (am && f.hour == 12)
    f.hour = 0;

  return fields_to_date_time (&f);
}

/**
 * bulletin_date_parse:
 * @text: (nullable): a date as a feed writes it
 *
 * Parses RFC 822/2822, RFC 3339/ISO 8601 (extended, basic, week and ordinal
 * forms) and the broken variants real feeds use: missing seconds, two-digit
 * years (00–49 → 20xx), named time zones (EST, PDT, CEST…), no time zone
 * (taken as UTC), asctime() order, full month and weekday names.
 *
 * Returns: (transfer full) (nullable): the date in UTC, or %NULL when @text
 *   is not a date
 */
GDateTime *
bulletin_date_parse (const char *text)
{
  g_autofree char *copy = NULL;
  GDateTime *result;

  if (text == NULL)
    return NULL;

  while (g_ascii_isspace (*text))
    text++;
  if (*text == '\0' || strlen (text) > MAX_DATE_LENGTH)
    return NULL;

  copy = g_strstrip (g_strdup (text));

  result = parse_iso8601 (copy);
  if (result == NULL)
    result = parse_rfc822 (copy);

  return result;
}

/**
 * bulletin_date_to_iso8601:
 * @date: (nullable): a date
 *
 * Formats @date in UTC as "2023-06-19T11:25:00Z", whole seconds.
 *
 * Returns: (transfer full) (nullable): the text, or %NULL for a %NULL date
 */
char *
bulletin_date_to_iso8601 (GDateTime *date)
{
  g_autoptr(GDateTime) utc = NULL;

  if (date == NULL)
    return NULL;

  utc = g_date_time_to_utc (date);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}
