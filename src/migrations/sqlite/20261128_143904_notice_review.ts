import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`legal_notices\` ADD \`review_state\` text DEFAULT 'draft';`)
  await db.run(sql`ALTER TABLE \`legal_notices\` ADD \`review_submitted_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`legal_notices\` ADD \`review_reviewed_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`legal_notices\` ADD \`review_comment\` text;`)
  await db.run(sql`CREATE INDEX \`legal_notices_review_review_state_idx\` ON \`legal_notices\` (\`review_state\`);`)
  await db.run(sql`CREATE INDEX \`legal_notices_review_review_submitted_by_idx\` ON \`legal_notices\` (\`review_submitted_by_id\`);`)
  await db.run(sql`CREATE INDEX \`legal_notices_review_review_reviewed_by_idx\` ON \`legal_notices\` (\`review_reviewed_by_id\`);`)
  await db.run(sql`ALTER TABLE \`_legal_notices_v\` ADD \`version_review_state\` text DEFAULT 'draft';`)
  await db.run(sql`ALTER TABLE \`_legal_notices_v\` ADD \`version_review_submitted_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`_legal_notices_v\` ADD \`version_review_reviewed_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`_legal_notices_v\` ADD \`version_review_comment\` text;`)
  await db.run(sql`CREATE INDEX \`_legal_notices_v_version_review_version_review_state_idx\` ON \`_legal_notices_v\` (\`version_review_state\`);`)
  await db.run(sql`CREATE INDEX \`_legal_notices_v_version_review_version_review_submitted_idx\` ON \`_legal_notices_v\` (\`version_review_submitted_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_legal_notices_v_version_review_version_review_reviewed__idx\` ON \`_legal_notices_v\` (\`version_review_reviewed_by_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_legal_notices\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`kind\` text,
  	\`body\` text,
  	\`applies_to_scope\` text DEFAULT 'all',
  	\`effective_from\` text,
  	\`effective_until\` text,
  	\`order\` numeric DEFAULT 100,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`deleted_at\` text,
  	\`_status\` text DEFAULT 'draft'
  );
  `)
  await db.run(sql`INSERT INTO \`__new_legal_notices\`("id", "title", "kind", "body", "applies_to_scope", "effective_from", "effective_until", "order", "updated_at", "created_at", "deleted_at", "_status") SELECT "id", "title", "kind", "body", "applies_to_scope", "effective_from", "effective_until", "order", "updated_at", "created_at", "deleted_at", "_status" FROM \`legal_notices\`;`)
  await db.run(sql`DROP TABLE \`legal_notices\`;`)
  await db.run(sql`ALTER TABLE \`__new_legal_notices\` RENAME TO \`legal_notices\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`legal_notices_kind_idx\` ON \`legal_notices\` (\`kind\`);`)
  await db.run(sql`CREATE INDEX \`legal_notices_updated_at_idx\` ON \`legal_notices\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`legal_notices_created_at_idx\` ON \`legal_notices\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`legal_notices_deleted_at_idx\` ON \`legal_notices\` (\`deleted_at\`);`)
  await db.run(sql`CREATE INDEX \`legal_notices__status_idx\` ON \`legal_notices\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`__new__legal_notices_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_title\` text,
  	\`version_kind\` text,
  	\`version_body\` text,
  	\`version_applies_to_scope\` text DEFAULT 'all',
  	\`version_effective_from\` text,
  	\`version_effective_until\` text,
  	\`version_order\` numeric DEFAULT 100,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version_deleted_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`legal_notices\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__legal_notices_v\`("id", "parent_id", "version_title", "version_kind", "version_body", "version_applies_to_scope", "version_effective_from", "version_effective_until", "version_order", "version_updated_at", "version_created_at", "version_deleted_at", "version__status", "created_at", "updated_at", "latest") SELECT "id", "parent_id", "version_title", "version_kind", "version_body", "version_applies_to_scope", "version_effective_from", "version_effective_until", "version_order", "version_updated_at", "version_created_at", "version_deleted_at", "version__status", "created_at", "updated_at", "latest" FROM \`_legal_notices_v\`;`)
  await db.run(sql`DROP TABLE \`_legal_notices_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__legal_notices_v\` RENAME TO \`_legal_notices_v\`;`)
  await db.run(sql`CREATE INDEX \`_legal_notices_v_parent_idx\` ON \`_legal_notices_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_legal_notices_v_version_version_kind_idx\` ON \`_legal_notices_v\` (\`version_kind\`);`)
  await db.run(sql`CREATE INDEX \`_legal_notices_v_version_version_updated_at_idx\` ON \`_legal_notices_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_legal_notices_v_version_version_created_at_idx\` ON \`_legal_notices_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_legal_notices_v_version_version_deleted_at_idx\` ON \`_legal_notices_v\` (\`version_deleted_at\`);`)
  await db.run(sql`CREATE INDEX \`_legal_notices_v_version_version__status_idx\` ON \`_legal_notices_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_legal_notices_v_created_at_idx\` ON \`_legal_notices_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_legal_notices_v_updated_at_idx\` ON \`_legal_notices_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_legal_notices_v_latest_idx\` ON \`_legal_notices_v\` (\`latest\`);`)
}
