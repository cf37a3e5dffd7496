/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bulletin-date-format"

#include "config.h"

#include <string.h>

#include "bulletin-date-format.h"

/* Dates written in an edition's language rather than in the user's locale:
 * an Arabic edition read on an English desktop still dates its articles in
 * Arabic, with Arabic month names and Arabic-Indic digits. g_date_time_format()
 * cannot do that, because it follows LC_TIME for the whole process.
 *
 * The tables cover the languages Bulletin has editions in; any other
 * language is written in English, which every edition can read. */

typedef struct
{
  const char *code;
  const char *months[12];
  const char *short_months[12];
  const char *weekdays[7];      /* Monday first, as GDateTime counts */
} DateWords;

static const DateWords date_words[] = {
  {
    "en",
    { "January", "February", "March", "April", "May", "June",
      "July", "August", "September", "October", "November", "December" },
    { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" },
    { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday" },
  },
  {
    /* The month names read across the Arab world's press; Arabic has no
     * customary abbreviations, so the short forms are the full names */
    "ar",
    { "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو",
      "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر" },
    { "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو",
      "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر" },
    { "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد" },
  },
  {
    "es",
    { "enero", "febrero", "marzo", "abril", "mayo", "junio",
      "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre" },
    { "ene", "feb", "mar", "abr", "may", "jun",
      "jul", "ago", "sept", "oct", "nov", "dic" },
    { "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo" },
  },
};

static const DateWords *
lookup_words (const char *language)
{
  const char *code = bulletin_date_format_language (language);

  for (guint i = 0; i < G_N_ELEMENTS (date_words); i++)
    if (strcmp (date_words[i].code, code) == 0)
      return &date_words[i];

  g_assert_not_reached ();
}

/**
 * bulletin_date_format_language:
 * @language: (nullable): a language tag or locale name: "ar", "ar-LB",
 *   "es_ES.UTF-8", "en"
 *
 * Returns: (transfer none): the language bulletin_date_format() writes for
 *   @language: "en", "ar" or "es"; "en" for any other or none
 */
const char *
bulletin_date_format_language (const char *language)
{
  char primary[4] = { 0 };
  gsize length = 0;

  if (language == NULL)
    return "en";

  while (length < sizeof primary - 1 && g_ascii_isalpha (language[length]))
    {
      primary[length] = g_ascii_tolower (language[length]);
      length++;
    }

  /* Only a whole primary subtag counts: "arn" (Mapudungun) is not Arabic */
  if (length == 2 && !g_ascii_isalpha (language[2]))
    {
      if (strcmp (primary, "ar") == 0)
        return "ar";
      if (strcmp (primary, "es") == 0)
        return "es";
    }

  return "en";
}

/**
 * bulletin_date_localize_digits:
 * @text: (nullable): text with ASCII digits in it
 * @language: (nullable): the language it is written in
 *
 * Writes the digits of @text the way @language does: Arabic-Indic digits
 * (٠١٢٣٤٥٦٧٨٩) for Arabic, unchanged for the others.
 *
 * Returns: (transfer full) (nullable): the text, or %NULL for %NULL
 */
char *
bulletin_date_localize_digits (const char *text,
                               const char *language)
{
  GString *out;

  if (text == NULL)
    return NULL;

  if (strcmp (bulletin_date_format_language (language), "ar") != 0)
    return g_strdup (text);

  out = g_string_sized_new (strlen (text) * 2);
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p >= '0' && *p <= '9')
        g_string_append_unichar (out, 0x0660 + (*p - '0'));
      else
        g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

/**
 * bulletin_date_format:
 * @date: the date, in the time zone it is to be shown in (convert it with
 *   g_date_time_to_local() first for the reader's clock)
 * @language: (nullable): the language to write it in, as a language tag;
 *   English for one without tables (see bulletin_date_format_language())
 * @style: how much to write
 *
 * Writes @date as a news site of @language dates its articles:
 * "19 Jun 2023 14:25", "١٩ يونيو ٢٠٢٣ ١٤:٢٥", "19 jun 2023 14:25". Times are
 * on the 24-hour clock.
 *
 * Returns: (transfer full): the text
 */
char *
bulletin_date_format (GDateTime         *date,
                      const char        *language,
                      BulletinDateStyle  style)
{
  const DateWords *words;
  const char *code;
  int day, month, year, hour, minute, weekday;
  g_autofree char *text = NULL;

  g_return_val_if_fail (date != NULL, NULL);

  code = bulletin_date_format_language (language);
  words = lookup_words (code);
  day = g_date_time_get_day_of_month (date);
  month = g_date_time_get_month (date) - 1;
  year = g_date_time_get_year (date);
  hour = g_date_time_get_hour (date);
  minute = g_date_time_get_minute (date);
  weekday = g_date_time_get_day_of_week (date) - 1;

  if (strcmp (code, "es") == 0)
    {
      switch (style)
        {
        case BULLETIN_DATE_STYLE_DATE_TIME:
          text = g_strdup_printf ("%d %s %d %02d:%02d", day, words->short_months[month], year, hour, minute);
          break;
        case BULLETIN_DATE_STYLE_DAY_MONTH:
          text = g_strdup_printf ("%d de %s", day, words->months[month]);
          break;
        case BULLETIN_DATE_STYLE_DATE:
          text = g_strdup_printf ("%d de %s de %d", day, words->months[month], year);
          break;
        case BULLETIN_DATE_STYLE_FULL:
        default:
          text = g_strdup_printf ("%s, %d de %s de %d, %02d:%02d", words->weekdays[weekday],
                                  day, words->months[month], year, hour, minute);
          break;
        }
    }
  else
    {
      /* English and Arabic put the parts in the same logical order; Arabic
       * separates the weekday and the time with the Arabic comma */
      const char *comma = strcmp (code, "ar") == 0 ? "،" : ",";

      switch (style)
        {
        case BULLETIN_DATE_STYLE_DATE_TIME:
          text = g_strdup_printf ("%d %s %d %02d:%02d", day, words->short_months[month], year, hour, minute);
          break;
        case BULLETIN_DATE_STYLE_DAY_MONTH:
          text = g_strdup_printf ("%d %s", day, words->months[month]);
          break;
        case BULLETIN_DATE_STYLE_DATE:
          text = g_strdup_printf ("%d %s %d", day, words->months[month], year);
          break;
        case BULLETIN_DATE_STYLE_FULL:
        default:
          text = g_strdup_printf ("%s%s %d %s %d%s %02d:%02d", words->weekdays[weekday], comma,
                                  day, words->months[month], year, comma, hour, minute);
          break;
        }
    }

  return bulletin_date_localize_digits (text, code);
}
