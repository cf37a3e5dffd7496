/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Eight bytes read as one 64-bit word and tested at once, for the fast
 * paths over plain ASCII of the sanitizer and the URL cleaner. Each test
 * sets the high bit of the bytes that match; a borrow may also set it in
 * a byte above one that matches, never when none does, so a test is
 * exact for "does any byte match". */

#include <string.h>

#include <glib.h>

G_BEGIN_DECLS

#define BULLETIN_BYTES_ONES  G_GUINT64_CONSTANT (0x0101010101010101)
#define BULLETIN_BYTES_HIGHS G_GUINT64_CONSTANT (0x8080808080808080)

static inline guint64
bulletin_bytes_load (const void *p)
{
  guint64 word;

  memcpy (&word, p, sizeof word);
  return word;
}

/* Bytes of 0x80 and above */
static inline guint64
bulletin_bytes_non_ascii (guint64 word)
{
  return word & BULLETIN_BYTES_HIGHS;
}

/* ASCII bytes below @n, for @n up to 0x80 */
static inline guint64
bulletin_bytes_below (guint64 word,
                      guchar  n)
{
  return (word - BULLETIN_BYTES_ONES * n) & ~word & BULLETIN_BYTES_HIGHS;
}

/* Bytes equal to @b */
static inline guint64
bulletin_bytes_equal (guint64 word,
                      guchar  b)
{
  guint64 x = word ^ (BULLETIN_BYTES_ONES * b);

  return (x - BULLETIN_BYTES_ONES) & ~x & BULLETIN_BYTES_HIGHS;
}

G_END_DECLS
