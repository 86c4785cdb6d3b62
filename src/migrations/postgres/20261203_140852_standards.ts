import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TABLE "media" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"alt" varchar NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"url" varchar,
  	"thumbnail_u_r_l" varchar,
  	"filename" varchar,
  	"mime_type" varchar,
  	"filesize" numeric,
  	"width" numeric,
  	"height" numeric,
  	"focal_x" numeric,
  	"focal_y" numeric
  );
  
  ALTER TABLE "sections_related_links" ALTER COLUMN "url" DROP NOT NULL;
  ALTER TABLE "articles" ADD COLUMN "wire_rights_holder" varchar;
  ALTER TABLE "articles" ADD COLUMN "wire_rights_notice" varchar;
  ALTER TABLE "articles" ADD COLUMN "wire_rights_usage_terms" varchar;
  ALTER TABLE "articles" ADD COLUMN "ingest_first_created" timestamp(3) with time zone;
  ALTER TABLE "articles" ADD COLUMN "ingest_version_created" timestamp(3) with time zone;
  ALTER TABLE "_articles_v" ADD COLUMN "version_wire_rights_holder" varchar;
  ALTER TABLE "_articles_v" ADD COLUMN "version_wire_rights_notice" varchar;
  ALTER TABLE "_articles_v" ADD COLUMN "version_wire_rights_usage_terms" varchar;
  ALTER TABLE "_articles_v" ADD COLUMN "version_ingest_first_created" timestamp(3) with time zone;
  ALTER TABLE "_articles_v" ADD COLUMN "version_ingest_version_created" timestamp(3) with time zone;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "media_id" integer;
  ALTER TABLE "publisher" ADD COLUMN "logo_id" integer;
  ALTER TABLE "_publisher_v" ADD COLUMN "version_logo_id" integer;
  CREATE INDEX "media_updated_at_idx" ON "media" USING btree ("updated_at");
  CREATE INDEX "media_created_at_idx" ON "media" USING btree ("created_at");
  CREATE UNIQUE INDEX "media_filename_idx" ON "media" USING btree ("filename");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_media_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "publisher" ADD CONSTRAINT "publisher_logo_id_media_id_fk" FOREIGN KEY ("logo_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_publisher_v" ADD CONSTRAINT "_publisher_v_version_logo_id_media_id_fk" FOREIGN KEY ("version_logo_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_media_id_idx" ON "payload_locked_documents_rels" USING btree ("media_id");
  CREATE INDEX "publisher_logo_idx" ON "publisher" USING btree ("logo_id");
  CREATE INDEX "_publisher_v_version_version_logo_idx" ON "_publisher_v" USING btree ("version_logo_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "media" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "media" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_media_fk";
  
  ALTER TABLE "publisher" DROP CONSTRAINT "publisher_logo_id_media_id_fk";
  
  ALTER TABLE "_publisher_v" DROP CONSTRAINT "_publisher_v_version_logo_id_media_id_fk";
  
  DROP INDEX "payload_locked_documents_rels_media_id_idx";
  DROP INDEX "publisher_logo_idx";
  DROP INDEX "_publisher_v_version_version_logo_idx";
  ALTER TABLE "sections_related_links" ALTER COLUMN "url" SET NOT NULL;
  ALTER TABLE "articles" DROP COLUMN "wire_rights_holder";
  ALTER TABLE "articles" DROP COLUMN "wire_rights_notice";
  ALTER TABLE "articles" DROP COLUMN "wire_rights_usage_terms";
  ALTER TABLE "articles" DROP COLUMN "ingest_first_created";
  ALTER TABLE "articles" DROP COLUMN "ingest_version_created";
  ALTER TABLE "_articles_v" DROP COLUMN "version_wire_rights_holder";
  ALTER TABLE "_articles_v" DROP COLUMN "version_wire_rights_notice";
  ALTER TABLE "_articles_v" DROP COLUMN "version_wire_rights_usage_terms";
  ALTER TABLE "_articles_v" DROP COLUMN "version_ingest_first_created";
  ALTER TABLE "_articles_v" DROP COLUMN "version_ingest_version_created";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "media_id";
  ALTER TABLE "publisher" DROP COLUMN "logo_id";
  ALTER TABLE "_publisher_v" DROP COLUMN "version_logo_id";`)
}
