/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bulletin-application.h"
#include "bulletin-window.h"

G_BEGIN_DECLS

/* The set-up the display tests share: their environment, the application
 * on the demo edition, waiting on the main loop, and screenshots. */

#define DISPLAY_TIMEOUT_SECONDS 30

typedef gboolean (*DisplayPredicate) (gpointer data);

void                 display_block_network       (void);
void                 display_init                (int         *argc,
                                                  char      ***argv,
                                                  const char  *prgname);
BulletinApplication *display_application_new     (void);
void                 display_set_dark            (gboolean     dark);

gboolean             display_wait_for            (DisplayPredicate predicate,
                                                  gpointer         data);
void                 display_settle              (guint        milliseconds);
void                 display_wait_until          (gboolean    *done,
                                                  const char  *what);
gboolean             display_widget_mapped       (gpointer     data);
gboolean             display_list_has_headlines  (gpointer     data);
gboolean             display_first_feed_released (gpointer     data);

BulletinWindow      *display_open_window         (BulletinApplication *app,
                                                  const char          *edition_id,
                                                  int                  width,
                                                  int                  height);
void                 display_close_window        (BulletinWindow *window);

GtkWidget           *display_find_type           (GtkWidget   *widget,
                                                  GType        type);
char                *display_screenshot          (GtkWidget   *widget,
                                                  const char  *name);
char                *display_screenshot_now      (GtkWidget   *widget,
                                                  const char  *name);

G_END_DECLS
