/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bulletin-types.h"
#include "bulletin-client.h"
#include "bulletin-edition.h"
#include "bulletin-section.h"

G_BEGIN_DECLS

#define BULLETIN_SECTION_MODEL_MAX_ITEMS 200
#define BULLETIN_SECTION_MODEL_CONCURRENCY 4

#define BULLETIN_TYPE_SECTION_MODEL (bulletin_section_model_get_type ())
G_DECLARE_FINAL_TYPE (BulletinSectionModel, bulletin_section_model, BULLETIN, SECTION_MODEL, GObject)

BulletinSectionModel *bulletin_section_model_new              (BulletinClient        *client,
                                                               BulletinEdition       *edition,
                                                               const char            *section_id);
void                  bulletin_section_model_refresh_async    (BulletinSectionModel  *self,
                                                               GCancellable          *cancellable,
                                                               GAsyncReadyCallback    callback,
                                                               gpointer               user_data);
gboolean              bulletin_section_model_refresh_finish   (BulletinSectionModel  *self,
                                                               GAsyncResult          *result,
                                                               GError               **error);
void                  bulletin_section_model_hold_others      (BulletinSectionModel  *self);
void                  bulletin_section_model_release_others   (BulletinSectionModel  *self);

BulletinSection      *bulletin_section_model_get_section      (BulletinSectionModel  *self);
BulletinEdition      *bulletin_section_model_get_edition      (BulletinSectionModel  *self);
gboolean              bulletin_section_model_get_loading      (BulletinSectionModel  *self);
gboolean              bulletin_section_model_get_stale        (BulletinSectionModel  *self);
const GError         *bulletin_section_model_get_error        (BulletinSectionModel  *self);
guint                 bulletin_section_model_get_parse_count  (BulletinSectionModel  *self);
BulletinArticle      *bulletin_section_model_lookup           (BulletinSectionModel  *self,
                                                               const char            *url);

char                 *bulletin_article_dedup_key              (BulletinArticle       *article);

G_END_DECLS
