/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* How long a wait lasts before a spinner says it */
#define BULLETIN_SPINNER_DELAY_MS 400

void bulletin_spinner_set_waiting (GtkSpinner *spinner,
                                   gboolean    waiting);

G_END_DECLS
