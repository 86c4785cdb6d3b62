import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_wire_sources_rights_proposal_kind" AS ENUM('news-agency', 'government', 'space-agency', 'staff', 'press-release', 'other');
  CREATE TYPE "public"."enum_wire_sources_rights_proposal_license" AS ENUM('copyright', 'public-domain', 'cc-by', 'cc-by-sa');
  CREATE TYPE "public"."enum_wire_sources_rights_proposal_state" AS ENUM('pending', 'approved', 'rejected');
  CREATE TYPE "public"."enum_wire_sources_rights_proposal_decision" AS ENUM('approve', 'reject');
  ALTER TABLE "wire_sources" ADD COLUMN "rights_proposal_kind" "enum_wire_sources_rights_proposal_kind";
  ALTER TABLE "wire_sources" ADD COLUMN "rights_proposal_license" "enum_wire_sources_rights_proposal_license";
  ALTER TABLE "wire_sources" ADD COLUMN "rights_proposal_copyright_holder" varchar;
  ALTER TABLE "wire_sources" ADD COLUMN "rights_proposal_state" "enum_wire_sources_rights_proposal_state";
  ALTER TABLE "wire_sources" ADD COLUMN "rights_proposal_decision" "enum_wire_sources_rights_proposal_decision";
  ALTER TABLE "wire_sources" ADD COLUMN "rights_proposal_comment" varchar;
  ALTER TABLE "wire_sources" ADD COLUMN "rights_proposal_proposed_by_id" integer;
  ALTER TABLE "wire_sources" ADD COLUMN "rights_proposal_reviewed_by_id" integer;
  ALTER TABLE "wire_sources" ADD CONSTRAINT "wire_sources_rights_proposal_proposed_by_id_users_id_fk" FOREIGN KEY ("rights_proposal_proposed_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "wire_sources" ADD CONSTRAINT "wire_sources_rights_proposal_reviewed_by_id_users_id_fk" FOREIGN KEY ("rights_proposal_reviewed_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "wire_sources_rights_proposal_rights_proposal_proposed_by_idx" ON "wire_sources" USING btree ("rights_proposal_proposed_by_id");
  CREATE INDEX "wire_sources_rights_proposal_rights_proposal_reviewed_by_idx" ON "wire_sources" USING btree ("rights_proposal_reviewed_by_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "wire_sources" DROP CONSTRAINT "wire_sources_rights_proposal_proposed_by_id_users_id_fk";
  
  ALTER TABLE "wire_sources" DROP CONSTRAINT "wire_sources_rights_proposal_reviewed_by_id_users_id_fk";
  
  DROP INDEX "wire_sources_rights_proposal_rights_proposal_proposed_by_idx";
  DROP INDEX "wire_sources_rights_proposal_rights_proposal_reviewed_by_idx";
  ALTER TABLE "wire_sources" DROP COLUMN "rights_proposal_kind";
  ALTER TABLE "wire_sources" DROP COLUMN "rights_proposal_license";
  ALTER TABLE "wire_sources" DROP COLUMN "rights_proposal_copyright_holder";
  ALTER TABLE "wire_sources" DROP COLUMN "rights_proposal_state";
  ALTER TABLE "wire_sources" DROP COLUMN "rights_proposal_decision";
  ALTER TABLE "wire_sources" DROP COLUMN "rights_proposal_comment";
  ALTER TABLE "wire_sources" DROP COLUMN "rights_proposal_proposed_by_id";
  ALTER TABLE "wire_sources" DROP COLUMN "rights_proposal_reviewed_by_id";
  DROP TYPE "public"."enum_wire_sources_rights_proposal_kind";
  DROP TYPE "public"."enum_wire_sources_rights_proposal_license";
  DROP TYPE "public"."enum_wire_sources_rights_proposal_state";
  DROP TYPE "public"."enum_wire_sources_rights_proposal_decision";`)
}
