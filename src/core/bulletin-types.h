/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _BulletinArticle       BulletinArticle;
typedef struct _BulletinBookmarks     BulletinBookmarks;
typedef struct _BulletinBreaking      BulletinBreaking;
typedef struct _BulletinClient        BulletinClient;
typedef struct _BulletinEdition       BulletinEdition;
typedef struct _BulletinFeed          BulletinFeed;
typedef struct _BulletinLibrary       BulletinLibrary;
typedef struct _BulletinSectionModel  BulletinSectionModel;

G_END_DECLS
