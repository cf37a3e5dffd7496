/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * BulletinDateStyle:
 * @BULLETIN_DATE_STYLE_DATE_TIME: "19 Jun 2023 14:25", the article's date
 * @BULLETIN_DATE_STYLE_DAY_MONTH: "19 June", a date in this year
 * @BULLETIN_DATE_STYLE_DATE: "19 June 2023", a date in another year
 * @BULLETIN_DATE_STYLE_FULL: "Monday, 19 June 2023, 14:25", a tooltip
 *
 * How much of a date bulletin_date_format() writes.
 */
typedef enum
{
  BULLETIN_DATE_STYLE_DATE_TIME,
  BULLETIN_DATE_STYLE_DAY_MONTH,
  BULLETIN_DATE_STYLE_DATE,
  BULLETIN_DATE_STYLE_FULL,
} BulletinDateStyle;

char       *bulletin_date_format          (GDateTime         *date,
                                           const char        *language,
                                           BulletinDateStyle  style);
char       *bulletin_date_localize_digits (const char        *text,
                                           const char        *language);
const char *bulletin_date_format_language (const char        *language);

G_END_DECLS
