import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`_status_publishedAt_idx\`;`)
  await db.run(sql`DROP INDEX \`source__status_publishedAt_idx\`;`)
  await db.run(sql`DROP INDEX \`section__status_publishedAt_idx\`;`)
  await db.run(sql`CREATE INDEX \`_status_publishedAt_deletedAt_idx\` ON \`articles\` (\`_status\`,\`published_at\`,\`deleted_at\`);`)
  await db.run(sql`CREATE INDEX \`source__status_publishedAt_deletedAt_idx\` ON \`articles\` (\`source_id\`,\`_status\`,\`published_at\`,\`deleted_at\`);`)
  await db.run(sql`CREATE INDEX \`section__status_publishedAt_deletedAt_idx\` ON \`articles\` (\`section_id\`,\`_status\`,\`published_at\`,\`deleted_at\`);`)
  await db.run(sql`DROP INDEX \`version__status_version_publishedAt_idx\`;`)
  await db.run(sql`DROP INDEX \`version_source_version__status_version_publishedAt_idx\`;`)
  await db.run(sql`DROP INDEX \`version_section_version__status_version_publishedAt_idx\`;`)
  await db.run(sql`CREATE INDEX \`version__status_version_publishedAt_version_deletedAt_idx\` ON \`_articles_v\` (\`version__status\`,\`version_published_at\`,\`version_deleted_at\`);`)
  await db.run(sql`CREATE INDEX \`compound_index_idx\` ON \`_articles_v\` (\`version_source_id\`,\`version__status\`,\`version_published_at\`,\`version_deleted_at\`);`)
  await db.run(sql`CREATE INDEX \`compound_index_1_idx\` ON \`_articles_v\` (\`version_section_id\`,\`version__status\`,\`version_published_at\`,\`version_deleted_at\`);`)

  // Not schema Payload knows: a change token per counted collection, bumped by the database in
  // the writing transaction itself (src/countCache.ts reads it to reuse exact counts).
  await db.run(sql`CREATE TABLE \`wirehouse_changes\` (\`name\` text PRIMARY KEY NOT NULL, \`version\` integer DEFAULT 0 NOT NULL);`)
  await db.run(sql`INSERT INTO \`wirehouse_changes\` (\`name\`) VALUES ('articles');`)
  await db.run(sql`CREATE TRIGGER \`wirehouse_articles_inserted\` AFTER INSERT ON \`articles\` BEGIN UPDATE \`wirehouse_changes\` SET \`version\` = \`version\` + 1 WHERE \`name\` = 'articles'; END;`)
  await db.run(sql`CREATE TRIGGER \`wirehouse_articles_updated\` AFTER UPDATE ON \`articles\` BEGIN UPDATE \`wirehouse_changes\` SET \`version\` = \`version\` + 1 WHERE \`name\` = 'articles'; END;`)
  await db.run(sql`CREATE TRIGGER \`wirehouse_articles_deleted\` AFTER DELETE ON \`articles\` BEGIN UPDATE \`wirehouse_changes\` SET \`version\` = \`version\` + 1 WHERE \`name\` = 'articles'; END;`)
  await db.run(sql`CREATE TRIGGER \`wirehouse_articles_v_inserted\` AFTER INSERT ON \`_articles_v\` BEGIN UPDATE \`wirehouse_changes\` SET \`version\` = \`version\` + 1 WHERE \`name\` = 'articles'; END;`)
  await db.run(sql`CREATE TRIGGER \`wirehouse_articles_v_updated\` AFTER UPDATE ON \`_articles_v\` BEGIN UPDATE \`wirehouse_changes\` SET \`version\` = \`version\` + 1 WHERE \`name\` = 'articles'; END;`)
  await db.run(sql`CREATE TRIGGER \`wirehouse_articles_v_deleted\` AFTER DELETE ON \`_articles_v\` BEGIN UPDATE \`wirehouse_changes\` SET \`version\` = \`version\` + 1 WHERE \`name\` = 'articles'; END;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TRIGGER \`wirehouse_articles_inserted\`;`)
  await db.run(sql`DROP TRIGGER \`wirehouse_articles_updated\`;`)
  await db.run(sql`DROP TRIGGER \`wirehouse_articles_deleted\`;`)
  await db.run(sql`DROP TRIGGER \`wirehouse_articles_v_inserted\`;`)
  await db.run(sql`DROP TRIGGER \`wirehouse_articles_v_updated\`;`)
  await db.run(sql`DROP TRIGGER \`wirehouse_articles_v_deleted\`;`)
  await db.run(sql`DROP TABLE \`wirehouse_changes\`;`)
  await db.run(sql`DROP INDEX \`_status_publishedAt_deletedAt_idx\`;`)
  await db.run(sql`DROP INDEX \`source__status_publishedAt_deletedAt_idx\`;`)
  await db.run(sql`DROP INDEX \`section__status_publishedAt_deletedAt_idx\`;`)
  await db.run(sql`CREATE INDEX \`_status_publishedAt_idx\` ON \`articles\` (\`_status\`,\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`source__status_publishedAt_idx\` ON \`articles\` (\`source_id\`,\`_status\`,\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`section__status_publishedAt_idx\` ON \`articles\` (\`section_id\`,\`_status\`,\`published_at\`);`)
  await db.run(sql`DROP INDEX \`version__status_version_publishedAt_version_deletedAt_idx\`;`)
  await db.run(sql`DROP INDEX \`compound_index_idx\`;`)
  await db.run(sql`DROP INDEX \`compound_index_1_idx\`;`)
  await db.run(sql`CREATE INDEX \`version__status_version_publishedAt_idx\` ON \`_articles_v\` (\`version__status\`,\`version_published_at\`);`)
  await db.run(sql`CREATE INDEX \`version_source_version__status_version_publishedAt_idx\` ON \`_articles_v\` (\`version_source_id\`,\`version__status\`,\`version_published_at\`);`)
  await db.run(sql`CREATE INDEX \`version_section_version__status_version_publishedAt_idx\` ON \`_articles_v\` (\`version_section_id\`,\`version__status\`,\`version_published_at\`);`)
}
