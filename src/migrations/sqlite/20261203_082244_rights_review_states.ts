import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

// One vocabulary of review states for notices and sources' rights: a rights proposal awaiting a
// decision is `in-review`, no longer `pending`. The publisher's name has no default any more.
export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`UPDATE \`wire_sources\` SET \`rights_proposal_state\` = 'in-review' WHERE \`rights_proposal_state\` = 'pending';`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_publisher\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`copyright_start_year\` numeric NOT NULL,
  	\`jurisdiction\` text,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
  await db.run(sql`INSERT INTO \`__new_publisher\`("id", "name", "copyright_start_year", "jurisdiction", "updated_at", "created_at") SELECT "id", "name", "copyright_start_year", "jurisdiction", "updated_at", "created_at" FROM \`publisher\`;`)
  await db.run(sql`DROP TABLE \`publisher\`;`)
  await db.run(sql`ALTER TABLE \`__new_publisher\` RENAME TO \`publisher\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE TABLE \`__new__publisher_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`version_name\` text NOT NULL,
  	\`version_copyright_start_year\` numeric NOT NULL,
  	\`version_jurisdiction\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`INSERT INTO \`__new__publisher_v\`("id", "version_name", "version_copyright_start_year", "version_jurisdiction", "version_updated_at", "version_created_at", "created_at", "updated_at") SELECT "id", "version_name", "version_copyright_start_year", "version_jurisdiction", "version_updated_at", "version_created_at", "created_at", "updated_at" FROM \`_publisher_v\`;`)
  await db.run(sql`DROP TABLE \`_publisher_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__publisher_v\` RENAME TO \`_publisher_v\`;`)
  await db.run(sql`CREATE INDEX \`_publisher_v_created_at_idx\` ON \`_publisher_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_publisher_v_updated_at_idx\` ON \`_publisher_v\` (\`updated_at\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(
    sql`UPDATE \`wire_sources\` SET \`rights_proposal_state\` = CASE \`rights_proposal_state\` WHEN 'in-review' THEN 'pending' WHEN 'draft' THEN NULL ELSE \`rights_proposal_state\` END;`,
  )
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_publisher\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text DEFAULT 'Wirehouse Publisher' NOT NULL,
  	\`copyright_start_year\` numeric NOT NULL,
  	\`jurisdiction\` text,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
  await db.run(sql`INSERT INTO \`__new_publisher\`("id", "name", "copyright_start_year", "jurisdiction", "updated_at", "created_at") SELECT "id", "name", "copyright_start_year", "jurisdiction", "updated_at", "created_at" FROM \`publisher\`;`)
  await db.run(sql`DROP TABLE \`publisher\`;`)
  await db.run(sql`ALTER TABLE \`__new_publisher\` RENAME TO \`publisher\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE TABLE \`__new__publisher_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`version_name\` text DEFAULT 'Wirehouse Publisher' NOT NULL,
  	\`version_copyright_start_year\` numeric NOT NULL,
  	\`version_jurisdiction\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`INSERT INTO \`__new__publisher_v\`("id", "version_name", "version_copyright_start_year", "version_jurisdiction", "version_updated_at", "version_created_at", "created_at", "updated_at") SELECT "id", "version_name", "version_copyright_start_year", "version_jurisdiction", "version_updated_at", "version_created_at", "created_at", "updated_at" FROM \`_publisher_v\`;`)
  await db.run(sql`DROP TABLE \`_publisher_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__publisher_v\` RENAME TO \`_publisher_v\`;`)
  await db.run(sql`CREATE INDEX \`_publisher_v_created_at_idx\` ON \`_publisher_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_publisher_v_updated_at_idx\` ON \`_publisher_v\` (\`updated_at\`);`)
}
