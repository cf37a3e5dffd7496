/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-format"

#include "config.h"

#include <locale.h>

#include "bulletin-core.h"
#include "bulletin-format.h"

/* The words of the headline list: relative times and error titles */

typedef struct
{
  const char *now;
  const char *time;
  const char *expected;
} TimeCase;

static const TimeCase time_cases[] = {
  { "2024-03-10T12:00:00Z", "2024-03-10T12:00:00Z", "Just now" },
  { "2024-03-10T12:00:00Z", "2024-03-10T11:59:30Z", "Just now" },
  /* A clock ahead of ours */
  { "2024-03-10T12:00:00Z", "2024-03-10T12:20:00Z", "Just now" },
  { "2024-03-10T12:00:00Z", "2024-03-10T11:59:00Z", "1 min ago" },
  { "2024-03-10T12:00:00Z", "2024-03-10T11:55:00Z", "5 min ago" },
  { "2024-03-10T12:00:00Z", "2024-03-10T11:00:01Z", "59 min ago" },
  { "2024-03-10T12:00:00Z", "2024-03-10T11:00:00Z", "1 h ago" },
  { "2024-03-10T12:00:00Z", "2024-03-10T09:00:00Z", "3 h ago" },
  { "2024-03-10T12:00:00Z", "2024-03-09T12:00:01Z", "23 h ago" },
  { "2024-03-10T12:00:00Z", "2024-03-09T11:00:00Z", "Yesterday" },
  { "2024-03-10T12:00:00Z", "2024-03-09T00:00:00Z", "Yesterday" },
  { "2024-03-10T12:00:00Z", "2024-03-08T23:59:59Z", "8 March" },
  { "2024-03-10T12:00:00Z", "2024-01-01T08:00:00Z", "1 January" },
  { "2024-03-10T12:00:00Z", "2023-12-31T08:00:00Z", "31 December 2023" },
  { "2024-01-01T00:30:00Z", "2023-12-31T22:00:00Z", "2 h ago" },
  { "2024-01-01T12:00:00Z", "2023-12-31T02:00:00Z", "Yesterday" },
};

static void
test_relative_time (gconstpointer data)
{
  const TimeCase *test = data;
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 (test->now, NULL);
  g_autoptr(GDateTime) time = g_date_time_new_from_iso8601 (test->time, NULL);
  g_autofree char *text = NULL;

  g_assert_nonnull (now);
  g_assert_nonnull (time);

  text = bulletin_format_relative_time (time, now);
  g_assert_cmpstr (text, ==, test->expected);
}

static void
test_error_words (void)
{
  static const struct {
    int         code;
    const char *title;
    const char *icon;
  } cases[] = {
    { BULLETIN_ERROR_OFFLINE, "You Are Offline", "network-offline-symbolic" },
    { BULLETIN_ERROR_TIMED_OUT, "The Site Did Not Answer", "network-offline-symbolic" },
    { BULLETIN_ERROR_BLOCKED, "The Site Refused the Request", "dialog-warning-symbolic" },
    { BULLETIN_ERROR_SERVER, "The Site Is Having Trouble", "dialog-warning-symbolic" },
    { BULLETIN_ERROR_TLS, "The Connection Is Not Secure", "channel-insecure-symbolic" },
    { BULLETIN_ERROR_NOT_A_FEED, "The Headlines Could Not Be Read", "dialog-warning-symbolic" },
    { BULLETIN_ERROR_FAILED, "Headlines Could Not Be Loaded", "dialog-warning-symbolic" },
    { 9999, "Headlines Could Not Be Loaded", "dialog-warning-symbolic" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = g_error_new_literal (BULLETIN_ERROR, cases[i].code, "x");

      g_assert_cmpstr (bulletin_format_error_title (error), ==, cases[i].title);
      g_assert_cmpstr (bulletin_format_error_icon (error), ==, cases[i].icon);
    }

  {
    g_autoptr(GError) error = g_error_new_literal (G_RESOLVER_ERROR, G_RESOLVER_ERROR_NOT_FOUND, "x");

    g_assert_cmpstr (bulletin_format_error_title (error), ==, "You Are Offline");
  }
}

int
main (int   argc,
      char *argv[])
{
  /* Dates in UTC and in English, whatever the machine's */
  g_setenv ("TZ", "UTC", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  setlocale (LC_ALL, "");

  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (time_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/format/relative-time/%u", i);

      g_test_add_data_func (path, &time_cases[i], test_relative_time);
    }
  g_test_add_func ("/format/error-words", test_error_words);

  return g_test_run ();
}
