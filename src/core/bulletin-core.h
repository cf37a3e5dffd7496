/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#define BULLETIN_CORE_INSIDE

#include "bulletin-types.h"
#include "bulletin-error.h"
#include "bulletin-article.h"
#include "bulletin-bookmarks.h"
#include "bulletin-client.h"

#undef BULLETIN_CORE_INSIDE
