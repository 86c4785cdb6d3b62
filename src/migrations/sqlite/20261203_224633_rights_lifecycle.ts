import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`articles\` ADD \`embargo_until\` text;`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`withdrawn_at\` text;`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`withdrawn_reason\` text;`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`withdrawn_message\` text;`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`withdrawn_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`CREATE INDEX \`articles_embargo_until_idx\` ON \`articles\` (\`embargo_until\`);`)
  await db.run(sql`CREATE INDEX \`articles_withdrawn_withdrawn_at_idx\` ON \`articles\` (\`withdrawn_at\`);`)
  await db.run(sql`CREATE INDEX \`articles_withdrawn_withdrawn_by_idx\` ON \`articles\` (\`withdrawn_by_id\`);`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_embargo_until\` text;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_withdrawn_at\` text;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_withdrawn_reason\` text;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_withdrawn_message\` text;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_withdrawn_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_embargo_until_idx\` ON \`_articles_v\` (\`version_embargo_until\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_withdrawn_version_withdrawn_at_idx\` ON \`_articles_v\` (\`version_withdrawn_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_withdrawn_version_withdrawn_by_idx\` ON \`_articles_v\` (\`version_withdrawn_by_id\`);`)
  await db.run(sql`ALTER TABLE \`wire_sources\` ADD \`usage_max_age_days\` numeric;`)
  await db.run(sql`ALTER TABLE \`wire_sources\` ADD \`usage_archive\` text;`)
  await db.run(sql`ALTER TABLE \`wire_sources\` ADD \`usage_note\` text;`)
  await db.run(sql`ALTER TABLE \`wire_sources\` ADD \`rights_proposal_usage_max_age_days\` numeric;`)
  await db.run(sql`ALTER TABLE \`wire_sources\` ADD \`rights_proposal_usage_archive\` text;`)
  await db.run(sql`ALTER TABLE \`wire_sources\` ADD \`rights_proposal_usage_note\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_articles\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`headline\` text,
  	\`slug\` text,
  	\`byline\` text,
  	\`dateline_place\` text,
  	\`dateline_date\` text,
  	\`source_id\` integer,
  	\`section_id\` integer,
  	\`summary\` text,
  	\`body\` text,
  	\`external_id\` text,
  	\`published_at\` text,
  	\`wire_rights_holder\` text,
  	\`wire_rights_notice\` text,
  	\`wire_rights_usage_terms\` text,
  	\`ingest_needs_review\` integer DEFAULT false,
  	\`ingest_reason\` text,
  	\`ingest_format\` text,
  	\`ingest_matched_by\` text,
  	\`ingest_ingested_at\` text,
  	\`ingest_first_created\` text,
  	\`ingest_version_created\` text,
  	\`ingest_hash\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`deleted_at\` text,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`source_id\`) REFERENCES \`wire_sources\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`section_id\`) REFERENCES \`sections\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_articles\`("id", "headline", "slug", "byline", "dateline_place", "dateline_date", "source_id", "section_id", "summary", "body", "external_id", "published_at", "wire_rights_holder", "wire_rights_notice", "wire_rights_usage_terms", "ingest_needs_review", "ingest_reason", "ingest_format", "ingest_matched_by", "ingest_ingested_at", "ingest_first_created", "ingest_version_created", "ingest_hash", "updated_at", "created_at", "deleted_at", "_status") SELECT "id", "headline", "slug", "byline", "dateline_place", "dateline_date", "source_id", "section_id", "summary", "body", "external_id", "published_at", "wire_rights_holder", "wire_rights_notice", "wire_rights_usage_terms", "ingest_needs_review", "ingest_reason", "ingest_format", "ingest_matched_by", "ingest_ingested_at", "ingest_first_created", "ingest_version_created", "ingest_hash", "updated_at", "created_at", "deleted_at", "_status" FROM \`articles\`;`)
  await db.run(sql`DROP TABLE \`articles\`;`)
  await db.run(sql`ALTER TABLE \`__new_articles\` RENAME TO \`articles\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE UNIQUE INDEX \`articles_slug_idx\` ON \`articles\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`articles_source_idx\` ON \`articles\` (\`source_id\`);`)
  await db.run(sql`CREATE INDEX \`articles_section_idx\` ON \`articles\` (\`section_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`articles_external_id_idx\` ON \`articles\` (\`external_id\`);`)
  await db.run(sql`CREATE INDEX \`articles_published_at_idx\` ON \`articles\` (\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`articles_ingest_ingest_needs_review_idx\` ON \`articles\` (\`ingest_needs_review\`);`)
  await db.run(sql`CREATE INDEX \`articles_updated_at_idx\` ON \`articles\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`articles_created_at_idx\` ON \`articles\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`articles_deleted_at_idx\` ON \`articles\` (\`deleted_at\`);`)
  await db.run(sql`CREATE INDEX \`articles__status_idx\` ON \`articles\` (\`_status\`);`)
  await db.run(sql`CREATE INDEX \`_status_publishedAt_deletedAt_idx\` ON \`articles\` (\`_status\`,\`published_at\`,\`deleted_at\`);`)
  await db.run(sql`CREATE INDEX \`source__status_publishedAt_deletedAt_idx\` ON \`articles\` (\`source_id\`,\`_status\`,\`published_at\`,\`deleted_at\`);`)
  await db.run(sql`CREATE INDEX \`section__status_publishedAt_deletedAt_idx\` ON \`articles\` (\`section_id\`,\`_status\`,\`published_at\`,\`deleted_at\`);`)
  await db.run(sql`CREATE TABLE \`__new__articles_v\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`parent_id\` integer,
  	\`version_headline\` text,
  	\`version_slug\` text,
  	\`version_byline\` text,
  	\`version_dateline_place\` text,
  	\`version_dateline_date\` text,
  	\`version_source_id\` integer,
  	\`version_section_id\` integer,
  	\`version_summary\` text,
  	\`version_body\` text,
  	\`version_external_id\` text,
  	\`version_published_at\` text,
  	\`version_wire_rights_holder\` text,
  	\`version_wire_rights_notice\` text,
  	\`version_wire_rights_usage_terms\` text,
  	\`version_ingest_needs_review\` integer DEFAULT false,
  	\`version_ingest_reason\` text,
  	\`version_ingest_format\` text,
  	\`version_ingest_matched_by\` text,
  	\`version_ingest_ingested_at\` text,
  	\`version_ingest_first_created\` text,
  	\`version_ingest_version_created\` text,
  	\`version_ingest_hash\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version_deleted_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_source_id\`) REFERENCES \`wire_sources\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_section_id\`) REFERENCES \`sections\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__articles_v\`("id", "parent_id", "version_headline", "version_slug", "version_byline", "version_dateline_place", "version_dateline_date", "version_source_id", "version_section_id", "version_summary", "version_body", "version_external_id", "version_published_at", "version_wire_rights_holder", "version_wire_rights_notice", "version_wire_rights_usage_terms", "version_ingest_needs_review", "version_ingest_reason", "version_ingest_format", "version_ingest_matched_by", "version_ingest_ingested_at", "version_ingest_first_created", "version_ingest_version_created", "version_ingest_hash", "version_updated_at", "version_created_at", "version_deleted_at", "version__status", "created_at", "updated_at", "latest") SELECT "id", "parent_id", "version_headline", "version_slug", "version_byline", "version_dateline_place", "version_dateline_date", "version_source_id", "version_section_id", "version_summary", "version_body", "version_external_id", "version_published_at", "version_wire_rights_holder", "version_wire_rights_notice", "version_wire_rights_usage_terms", "version_ingest_needs_review", "version_ingest_reason", "version_ingest_format", "version_ingest_matched_by", "version_ingest_ingested_at", "version_ingest_first_created", "version_ingest_version_created", "version_ingest_hash", "version_updated_at", "version_created_at", "version_deleted_at", "version__status", "created_at", "updated_at", "latest" FROM \`_articles_v\`;`)
  await db.run(sql`DROP TABLE \`_articles_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__articles_v\` RENAME TO \`_articles_v\`;`)
  await db.run(sql`CREATE INDEX \`_articles_v_parent_idx\` ON \`_articles_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_slug_idx\` ON \`_articles_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_source_idx\` ON \`_articles_v\` (\`version_source_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_section_idx\` ON \`_articles_v\` (\`version_section_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_external_id_idx\` ON \`_articles_v\` (\`version_external_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_published_at_idx\` ON \`_articles_v\` (\`version_published_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_ingest_version_ingest_needs_review_idx\` ON \`_articles_v\` (\`version_ingest_needs_review\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_updated_at_idx\` ON \`_articles_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_created_at_idx\` ON \`_articles_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_deleted_at_idx\` ON \`_articles_v\` (\`version_deleted_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version__status_idx\` ON \`_articles_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_created_at_idx\` ON \`_articles_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_updated_at_idx\` ON \`_articles_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_latest_idx\` ON \`_articles_v\` (\`latest\`);`)
  await db.run(sql`CREATE INDEX \`version__status_version_publishedAt_version_deletedAt_idx\` ON \`_articles_v\` (\`version__status\`,\`version_published_at\`,\`version_deleted_at\`);`)
  await db.run(sql`CREATE INDEX \`compound_index_idx\` ON \`_articles_v\` (\`version_source_id\`,\`version__status\`,\`version_published_at\`,\`version_deleted_at\`);`)
  await db.run(sql`CREATE INDEX \`compound_index_1_idx\` ON \`_articles_v\` (\`version_section_id\`,\`version__status\`,\`version_published_at\`,\`version_deleted_at\`);`)
  await db.run(sql`ALTER TABLE \`wire_sources\` DROP COLUMN \`usage_max_age_days\`;`)
  await db.run(sql`ALTER TABLE \`wire_sources\` DROP COLUMN \`usage_archive\`;`)
  await db.run(sql`ALTER TABLE \`wire_sources\` DROP COLUMN \`usage_note\`;`)
  await db.run(sql`ALTER TABLE \`wire_sources\` DROP COLUMN \`rights_proposal_usage_max_age_days\`;`)
  await db.run(sql`ALTER TABLE \`wire_sources\` DROP COLUMN \`rights_proposal_usage_archive\`;`)
  await db.run(sql`ALTER TABLE \`wire_sources\` DROP COLUMN \`rights_proposal_usage_note\`;`)
}
