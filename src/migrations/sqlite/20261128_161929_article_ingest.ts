import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`articles\` ADD \`ingest_needs_review\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`ingest_reason\` text;`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`ingest_format\` text;`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`ingest_matched_by\` text;`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`ingest_ingested_at\` text;`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`ingest_hash\` text;`)
  await db.run(sql`CREATE INDEX \`articles_ingest_ingest_needs_review_idx\` ON \`articles\` (\`ingest_needs_review\`);`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_ingest_needs_review\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_ingest_reason\` text;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_ingest_format\` text;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_ingest_matched_by\` text;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_ingest_ingested_at\` text;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_ingest_hash\` text;`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_ingest_version_ingest_needs_review_idx\` ON \`_articles_v\` (\`version_ingest_needs_review\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`articles_ingest_ingest_needs_review_idx\`;`)
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`ingest_needs_review\`;`)
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`ingest_reason\`;`)
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`ingest_format\`;`)
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`ingest_matched_by\`;`)
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`ingest_ingested_at\`;`)
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`ingest_hash\`;`)
  await db.run(sql`DROP INDEX \`_articles_v_version_ingest_version_ingest_needs_review_idx\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_ingest_needs_review\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_ingest_reason\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_ingest_format\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_ingest_matched_by\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_ingest_ingested_at\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_ingest_hash\`;`)
}
