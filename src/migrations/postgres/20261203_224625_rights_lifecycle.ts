import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_articles_withdrawn_reason" AS ENUM('kill', 'expired', 'manual');
  CREATE TYPE "public"."enum__articles_v_version_withdrawn_reason" AS ENUM('kill', 'expired', 'manual');
  CREATE TYPE "public"."enum_wire_sources_usage_archive" AS ENUM('allowed', 'forbidden');
  CREATE TYPE "public"."enum_wire_sources_rights_proposal_usage_archive" AS ENUM('allowed', 'forbidden');
  ALTER TYPE "public"."enum_audit_log_operation" ADD VALUE 'withdraw';
  ALTER TYPE "public"."enum_audit_log_operation" ADD VALUE 'reinstate';
  ALTER TYPE "public"."enum_audit_log_collection" ADD VALUE 'articles';
  ALTER TABLE "articles" ADD COLUMN "embargo_until" timestamp(3) with time zone;
  ALTER TABLE "articles" ADD COLUMN "withdrawn_at" timestamp(3) with time zone;
  ALTER TABLE "articles" ADD COLUMN "withdrawn_reason" "enum_articles_withdrawn_reason";
  ALTER TABLE "articles" ADD COLUMN "withdrawn_message" varchar;
  ALTER TABLE "articles" ADD COLUMN "withdrawn_by_id" integer;
  ALTER TABLE "_articles_v" ADD COLUMN "version_embargo_until" timestamp(3) with time zone;
  ALTER TABLE "_articles_v" ADD COLUMN "version_withdrawn_at" timestamp(3) with time zone;
  ALTER TABLE "_articles_v" ADD COLUMN "version_withdrawn_reason" "enum__articles_v_version_withdrawn_reason";
  ALTER TABLE "_articles_v" ADD COLUMN "version_withdrawn_message" varchar;
  ALTER TABLE "_articles_v" ADD COLUMN "version_withdrawn_by_id" integer;
  ALTER TABLE "wire_sources" ADD COLUMN "usage_max_age_days" numeric;
  ALTER TABLE "wire_sources" ADD COLUMN "usage_archive" "enum_wire_sources_usage_archive";
  ALTER TABLE "wire_sources" ADD COLUMN "usage_note" varchar;
  ALTER TABLE "wire_sources" ADD COLUMN "rights_proposal_usage_max_age_days" numeric;
  ALTER TABLE "wire_sources" ADD COLUMN "rights_proposal_usage_archive" "enum_wire_sources_rights_proposal_usage_archive";
  ALTER TABLE "wire_sources" ADD COLUMN "rights_proposal_usage_note" varchar;
  ALTER TABLE "articles" ADD CONSTRAINT "articles_withdrawn_by_id_users_id_fk" FOREIGN KEY ("withdrawn_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_articles_v" ADD CONSTRAINT "_articles_v_version_withdrawn_by_id_users_id_fk" FOREIGN KEY ("version_withdrawn_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "articles_embargo_until_idx" ON "articles" USING btree ("embargo_until");
  CREATE INDEX "articles_withdrawn_withdrawn_at_idx" ON "articles" USING btree ("withdrawn_at");
  CREATE INDEX "articles_withdrawn_withdrawn_by_idx" ON "articles" USING btree ("withdrawn_by_id");
  CREATE INDEX "_articles_v_version_version_embargo_until_idx" ON "_articles_v" USING btree ("version_embargo_until");
  CREATE INDEX "_articles_v_version_withdrawn_version_withdrawn_at_idx" ON "_articles_v" USING btree ("version_withdrawn_at");
  CREATE INDEX "_articles_v_version_withdrawn_version_withdrawn_by_idx" ON "_articles_v" USING btree ("version_withdrawn_by_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "articles" DROP CONSTRAINT "articles_withdrawn_by_id_users_id_fk";
  
  ALTER TABLE "_articles_v" DROP CONSTRAINT "_articles_v_version_withdrawn_by_id_users_id_fk";
  
  ALTER TABLE "audit_log" ALTER COLUMN "operation" SET DATA TYPE text;
  DROP TYPE "public"."enum_audit_log_operation";
  CREATE TYPE "public"."enum_audit_log_operation" AS ENUM('create', 'update', 'publish', 'unpublish', 'trash', 'restore', 'delete', 'submit', 'approve', 'reject');
  ALTER TABLE "audit_log" ALTER COLUMN "operation" SET DATA TYPE "public"."enum_audit_log_operation" USING "operation"::"public"."enum_audit_log_operation";
  ALTER TABLE "audit_log" ALTER COLUMN "collection" SET DATA TYPE text;
  DROP TYPE "public"."enum_audit_log_collection";
  CREATE TYPE "public"."enum_audit_log_collection" AS ENUM('legal-notices', 'wire-sources', 'publisher');
  ALTER TABLE "audit_log" ALTER COLUMN "collection" SET DATA TYPE "public"."enum_audit_log_collection" USING "collection"::"public"."enum_audit_log_collection";
  DROP INDEX "articles_embargo_until_idx";
  DROP INDEX "articles_withdrawn_withdrawn_at_idx";
  DROP INDEX "articles_withdrawn_withdrawn_by_idx";
  DROP INDEX "_articles_v_version_version_embargo_until_idx";
  DROP INDEX "_articles_v_version_withdrawn_version_withdrawn_at_idx";
  DROP INDEX "_articles_v_version_withdrawn_version_withdrawn_by_idx";
  ALTER TABLE "articles" DROP COLUMN "embargo_until";
  ALTER TABLE "articles" DROP COLUMN "withdrawn_at";
  ALTER TABLE "articles" DROP COLUMN "withdrawn_reason";
  ALTER TABLE "articles" DROP COLUMN "withdrawn_message";
  ALTER TABLE "articles" DROP COLUMN "withdrawn_by_id";
  ALTER TABLE "_articles_v" DROP COLUMN "version_embargo_until";
  ALTER TABLE "_articles_v" DROP COLUMN "version_withdrawn_at";
  ALTER TABLE "_articles_v" DROP COLUMN "version_withdrawn_reason";
  ALTER TABLE "_articles_v" DROP COLUMN "version_withdrawn_message";
  ALTER TABLE "_articles_v" DROP COLUMN "version_withdrawn_by_id";
  ALTER TABLE "wire_sources" DROP COLUMN "usage_max_age_days";
  ALTER TABLE "wire_sources" DROP COLUMN "usage_archive";
  ALTER TABLE "wire_sources" DROP COLUMN "usage_note";
  ALTER TABLE "wire_sources" DROP COLUMN "rights_proposal_usage_max_age_days";
  ALTER TABLE "wire_sources" DROP COLUMN "rights_proposal_usage_archive";
  ALTER TABLE "wire_sources" DROP COLUMN "rights_proposal_usage_note";
  DROP TYPE "public"."enum_articles_withdrawn_reason";
  DROP TYPE "public"."enum__articles_v_version_withdrawn_reason";
  DROP TYPE "public"."enum_wire_sources_usage_archive";
  DROP TYPE "public"."enum_wire_sources_rights_proposal_usage_archive";`)
}
