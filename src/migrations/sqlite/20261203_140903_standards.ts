import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`media\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`alt\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`url\` text,
  	\`thumbnail_u_r_l\` text,
  	\`filename\` text,
  	\`mime_type\` text,
  	\`filesize\` numeric,
  	\`width\` numeric,
  	\`height\` numeric,
  	\`focal_x\` numeric,
  	\`focal_y\` numeric
  );
  `)
  await db.run(sql`CREATE INDEX \`media_updated_at_idx\` ON \`media\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`media_created_at_idx\` ON \`media\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`media_filename_idx\` ON \`media\` (\`filename\`);`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_sections_related_links\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`label\` text NOT NULL,
  	\`url\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`sections\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_sections_related_links\`("_order", "_parent_id", "id", "label", "url") SELECT "_order", "_parent_id", "id", "label", "url" FROM \`sections_related_links\`;`)
  await db.run(sql`DROP TABLE \`sections_related_links\`;`)
  await db.run(sql`ALTER TABLE \`__new_sections_related_links\` RENAME TO \`sections_related_links\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`sections_related_links_order_idx\` ON \`sections_related_links\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`sections_related_links_parent_id_idx\` ON \`sections_related_links\` (\`_parent_id\`);`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`wire_rights_holder\` text;`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`wire_rights_notice\` text;`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`wire_rights_usage_terms\` text;`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`ingest_first_created\` text;`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`ingest_version_created\` text;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_wire_rights_holder\` text;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_wire_rights_notice\` text;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_wire_rights_usage_terms\` text;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_ingest_first_created\` text;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_ingest_version_created\` text;`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`media_id\` integer REFERENCES media(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_media_id_idx\` ON \`payload_locked_documents_rels\` (\`media_id\`);`)
  await db.run(sql`ALTER TABLE \`publisher\` ADD \`logo_id\` integer REFERENCES media(id);`)
  await db.run(sql`CREATE INDEX \`publisher_logo_idx\` ON \`publisher\` (\`logo_id\`);`)
  await db.run(sql`ALTER TABLE \`_publisher_v\` ADD \`version_logo_id\` integer REFERENCES media(id);`)
  await db.run(sql`CREATE INDEX \`_publisher_v_version_version_logo_idx\` ON \`_publisher_v\` (\`version_logo_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`media\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`articles_id\` integer,
  	\`sections_id\` integer,
  	\`sites_id\` integer,
  	\`users_id\` integer,
  	\`audit_log_id\` integer,
  	\`legal_notices_id\` integer,
  	\`wire_sources_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`articles_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`sections_id\`) REFERENCES \`sections\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`sites_id\`) REFERENCES \`sites\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`audit_log_id\`) REFERENCES \`audit_log\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`legal_notices_id\`) REFERENCES \`legal_notices\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`wire_sources_id\`) REFERENCES \`wire_sources\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "articles_id", "sections_id", "sites_id", "users_id", "audit_log_id", "legal_notices_id", "wire_sources_id") SELECT "id", "order", "parent_id", "path", "articles_id", "sections_id", "sites_id", "users_id", "audit_log_id", "legal_notices_id", "wire_sources_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_articles_id_idx\` ON \`payload_locked_documents_rels\` (\`articles_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_sections_id_idx\` ON \`payload_locked_documents_rels\` (\`sections_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_sites_id_idx\` ON \`payload_locked_documents_rels\` (\`sites_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_audit_log_id_idx\` ON \`payload_locked_documents_rels\` (\`audit_log_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_legal_notices_id_idx\` ON \`payload_locked_documents_rels\` (\`legal_notices_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_wire_sources_id_idx\` ON \`payload_locked_documents_rels\` (\`wire_sources_id\`);`)
  await db.run(sql`CREATE TABLE \`__new_publisher\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
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
  await db.run(sql`CREATE TABLE \`__new__publisher_v\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
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
  await db.run(sql`CREATE TABLE \`__new_sections_related_links\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`label\` text NOT NULL,
  	\`url\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`sections\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_sections_related_links\`("_order", "_parent_id", "id", "label", "url") SELECT "_order", "_parent_id", "id", "label", "url" FROM \`sections_related_links\`;`)
  await db.run(sql`DROP TABLE \`sections_related_links\`;`)
  await db.run(sql`ALTER TABLE \`__new_sections_related_links\` RENAME TO \`sections_related_links\`;`)
  await db.run(sql`CREATE INDEX \`sections_related_links_order_idx\` ON \`sections_related_links\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`sections_related_links_parent_id_idx\` ON \`sections_related_links\` (\`_parent_id\`);`)
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`wire_rights_holder\`;`)
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`wire_rights_notice\`;`)
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`wire_rights_usage_terms\`;`)
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`ingest_first_created\`;`)
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`ingest_version_created\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_wire_rights_holder\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_wire_rights_notice\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_wire_rights_usage_terms\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_ingest_first_created\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_ingest_version_created\`;`)
}
