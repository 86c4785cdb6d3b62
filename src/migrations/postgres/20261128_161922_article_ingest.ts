import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_articles_ingest_format" AS ENUM('text', 'nitf', 'ninjs');
  CREATE TYPE "public"."enum__articles_v_version_ingest_format" AS ENUM('text', 'nitf', 'ninjs');
  ALTER TABLE "articles" ADD COLUMN "ingest_needs_review" boolean DEFAULT false;
  ALTER TABLE "articles" ADD COLUMN "ingest_reason" varchar;
  ALTER TABLE "articles" ADD COLUMN "ingest_format" "enum_articles_ingest_format";
  ALTER TABLE "articles" ADD COLUMN "ingest_matched_by" varchar;
  ALTER TABLE "articles" ADD COLUMN "ingest_ingested_at" timestamp(3) with time zone;
  ALTER TABLE "articles" ADD COLUMN "ingest_hash" varchar;
  ALTER TABLE "_articles_v" ADD COLUMN "version_ingest_needs_review" boolean DEFAULT false;
  ALTER TABLE "_articles_v" ADD COLUMN "version_ingest_reason" varchar;
  ALTER TABLE "_articles_v" ADD COLUMN "version_ingest_format" "enum__articles_v_version_ingest_format";
  ALTER TABLE "_articles_v" ADD COLUMN "version_ingest_matched_by" varchar;
  ALTER TABLE "_articles_v" ADD COLUMN "version_ingest_ingested_at" timestamp(3) with time zone;
  ALTER TABLE "_articles_v" ADD COLUMN "version_ingest_hash" varchar;
  CREATE INDEX "articles_ingest_ingest_needs_review_idx" ON "articles" USING btree ("ingest_needs_review");
  CREATE INDEX "_articles_v_version_ingest_version_ingest_needs_review_idx" ON "_articles_v" USING btree ("version_ingest_needs_review");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "articles_ingest_ingest_needs_review_idx";
  DROP INDEX "_articles_v_version_ingest_version_ingest_needs_review_idx";
  ALTER TABLE "articles" DROP COLUMN "ingest_needs_review";
  ALTER TABLE "articles" DROP COLUMN "ingest_reason";
  ALTER TABLE "articles" DROP COLUMN "ingest_format";
  ALTER TABLE "articles" DROP COLUMN "ingest_matched_by";
  ALTER TABLE "articles" DROP COLUMN "ingest_ingested_at";
  ALTER TABLE "articles" DROP COLUMN "ingest_hash";
  ALTER TABLE "_articles_v" DROP COLUMN "version_ingest_needs_review";
  ALTER TABLE "_articles_v" DROP COLUMN "version_ingest_reason";
  ALTER TABLE "_articles_v" DROP COLUMN "version_ingest_format";
  ALTER TABLE "_articles_v" DROP COLUMN "version_ingest_matched_by";
  ALTER TABLE "_articles_v" DROP COLUMN "version_ingest_ingested_at";
  ALTER TABLE "_articles_v" DROP COLUMN "version_ingest_hash";
  DROP TYPE "public"."enum_articles_ingest_format";
  DROP TYPE "public"."enum__articles_v_version_ingest_format";`)
}
