import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`wire_sources\` ADD \`rights_proposal_kind\` text;`)
  await db.run(sql`ALTER TABLE \`wire_sources\` ADD \`rights_proposal_license\` text;`)
  await db.run(sql`ALTER TABLE \`wire_sources\` ADD \`rights_proposal_copyright_holder\` text;`)
  await db.run(sql`ALTER TABLE \`wire_sources\` ADD \`rights_proposal_state\` text;`)
  await db.run(sql`ALTER TABLE \`wire_sources\` ADD \`rights_proposal_decision\` text;`)
  await db.run(sql`ALTER TABLE \`wire_sources\` ADD \`rights_proposal_comment\` text;`)
  await db.run(sql`ALTER TABLE \`wire_sources\` ADD \`rights_proposal_proposed_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`wire_sources\` ADD \`rights_proposal_reviewed_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`CREATE INDEX \`wire_sources_rights_proposal_rights_proposal_proposed_by_idx\` ON \`wire_sources\` (\`rights_proposal_proposed_by_id\`);`)
  await db.run(sql`CREATE INDEX \`wire_sources_rights_proposal_rights_proposal_reviewed_by_idx\` ON \`wire_sources\` (\`rights_proposal_reviewed_by_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_wire_sources\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`code\` text NOT NULL,
  	\`kind\` text DEFAULT 'other' NOT NULL,
  	\`copyright_holder\` text,
  	\`license\` text DEFAULT 'copyright' NOT NULL,
  	\`credit\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`deleted_at\` text
  );
  `)
  await db.run(sql`INSERT INTO \`__new_wire_sources\`("id", "name", "code", "kind", "copyright_holder", "license", "credit", "updated_at", "created_at", "deleted_at") SELECT "id", "name", "code", "kind", "copyright_holder", "license", "credit", "updated_at", "created_at", "deleted_at" FROM \`wire_sources\`;`)
  await db.run(sql`DROP TABLE \`wire_sources\`;`)
  await db.run(sql`ALTER TABLE \`__new_wire_sources\` RENAME TO \`wire_sources\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE UNIQUE INDEX \`wire_sources_code_idx\` ON \`wire_sources\` (\`code\`);`)
  await db.run(sql`CREATE INDEX \`wire_sources_updated_at_idx\` ON \`wire_sources\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`wire_sources_created_at_idx\` ON \`wire_sources\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`wire_sources_deleted_at_idx\` ON \`wire_sources\` (\`deleted_at\`);`)
}
