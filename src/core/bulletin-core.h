/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#define BULLETIN_CORE_INSIDE

#include "bulletin-types.h"
#include "bulletin-error.h"
#include "bulletin-article.h"
#include "bulletin-article-renderer.h"
#include "bulletin-date.h"
#include "bulletin-date-format.h"
#include "bulletin-feed.h"
#include "bulletin-feed-parser.h"
#include "bulletin-sanitizer.h"
#include "bulletin-url.h"
#include "bulletin-page-extractor.h"
#include "bulletin-listing-parser.h"
#include "bulletin-bookmarks.h"
#include "bulletin-library.h"
#include "bulletin-save-queue.h"
#include "bulletin-client.h"
#include "bulletin-edition.h"
#include "bulletin-section.h"
#include "bulletin-section-model.h"
#include "bulletin-breaking.h"
#include "bulletin-breaking-announcer.h"
#include "bulletin-article-loader.h"

#undef BULLETIN_CORE_INSIDE
