import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`legal_notices_rels\` ADD \`sites_id\` integer REFERENCES sites(id);`)
  await db.run(sql`CREATE INDEX \`legal_notices_rels_sites_id_idx\` ON \`legal_notices_rels\` (\`sites_id\`);`)
  await db.run(sql`ALTER TABLE \`_legal_notices_v_rels\` ADD \`sites_id\` integer REFERENCES sites(id);`)
  await db.run(sql`CREATE INDEX \`_legal_notices_v_rels_sites_id_idx\` ON \`_legal_notices_v_rels\` (\`sites_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_legal_notices_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`wire_sources_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`legal_notices\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`wire_sources_id\`) REFERENCES \`wire_sources\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_legal_notices_rels\`("id", "order", "parent_id", "path", "wire_sources_id") SELECT "id", "order", "parent_id", "path", "wire_sources_id" FROM \`legal_notices_rels\`;`)
  await db.run(sql`DROP TABLE \`legal_notices_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_legal_notices_rels\` RENAME TO \`legal_notices_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`legal_notices_rels_order_idx\` ON \`legal_notices_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`legal_notices_rels_parent_idx\` ON \`legal_notices_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`legal_notices_rels_path_idx\` ON \`legal_notices_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`legal_notices_rels_wire_sources_id_idx\` ON \`legal_notices_rels\` (\`wire_sources_id\`);`)
  await db.run(sql`CREATE TABLE \`__new__legal_notices_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`wire_sources_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_legal_notices_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`wire_sources_id\`) REFERENCES \`wire_sources\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new__legal_notices_v_rels\`("id", "order", "parent_id", "path", "wire_sources_id") SELECT "id", "order", "parent_id", "path", "wire_sources_id" FROM \`_legal_notices_v_rels\`;`)
  await db.run(sql`DROP TABLE \`_legal_notices_v_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new__legal_notices_v_rels\` RENAME TO \`_legal_notices_v_rels\`;`)
  await db.run(sql`CREATE INDEX \`_legal_notices_v_rels_order_idx\` ON \`_legal_notices_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_legal_notices_v_rels_parent_idx\` ON \`_legal_notices_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_legal_notices_v_rels_path_idx\` ON \`_legal_notices_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_legal_notices_v_rels_wire_sources_id_idx\` ON \`_legal_notices_v_rels\` (\`wire_sources_id\`);`)
}
