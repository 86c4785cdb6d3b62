import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TYPE "public"."enum_audit_log_operation" ADD VALUE 'submit';
  ALTER TYPE "public"."enum_audit_log_operation" ADD VALUE 'approve';
  ALTER TYPE "public"."enum_audit_log_operation" ADD VALUE 'reject';
  ALTER TABLE "legal_notices" ADD COLUMN "review_submitted_at" timestamp(3) with time zone;
  ALTER TABLE "legal_notices" ADD COLUMN "review_unpublish" boolean;
  ALTER TABLE "legal_notices" ADD COLUMN "review_fingerprint" varchar;
  ALTER TABLE "legal_notices" ADD COLUMN "review_reviewed_at" timestamp(3) with time zone;
  ALTER TABLE "legal_notices" ADD COLUMN "review_bypass" boolean;
  ALTER TABLE "_legal_notices_v" ADD COLUMN "version_review_submitted_at" timestamp(3) with time zone;
  ALTER TABLE "_legal_notices_v" ADD COLUMN "version_review_unpublish" boolean;
  ALTER TABLE "_legal_notices_v" ADD COLUMN "version_review_fingerprint" varchar;
  ALTER TABLE "_legal_notices_v" ADD COLUMN "version_review_reviewed_at" timestamp(3) with time zone;
  ALTER TABLE "_legal_notices_v" ADD COLUMN "version_review_bypass" boolean;
  ALTER TABLE "wire_sources" ADD COLUMN "rights_proposal_proposed_at" timestamp(3) with time zone;
  ALTER TABLE "wire_sources" ADD COLUMN "rights_proposal_fingerprint" varchar;
  ALTER TABLE "wire_sources" ADD COLUMN "rights_proposal_reviewed_at" timestamp(3) with time zone;
  CREATE INDEX "wire_sources_rights_proposal_rights_proposal_state_idx" ON "wire_sources" USING btree ("rights_proposal_state");
  ALTER TABLE "wire_sources" DROP COLUMN "rights_proposal_decision";
  DROP TYPE "public"."enum_wire_sources_rights_proposal_decision";`)
  // Data migration (review_actions): a submission made before the review actions took its
  // submitter from the request body and kept no fingerprint of what was submitted, so it cannot
  // be approved as it stands: it goes back to draft, to be submitted again through the actions.
  await db.execute(sql`
  UPDATE "legal_notices" SET "review_state" = 'draft', "review_submitted_by_id" = NULL WHERE "review_state" = 'in-review';
  UPDATE "_legal_notices_v" SET "version_review_state" = 'draft', "version_review_submitted_by_id" = NULL WHERE "version_review_state" = 'in-review';
  UPDATE "wire_sources" SET "rights_proposal_state" = 'draft', "rights_proposal_proposed_by_id" = NULL WHERE "rights_proposal_state" = 'in-review';`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_wire_sources_rights_proposal_decision" AS ENUM('approve', 'reject');
  ALTER TABLE "audit_log" ALTER COLUMN "operation" SET DATA TYPE text;
  DROP TYPE "public"."enum_audit_log_operation";
  CREATE TYPE "public"."enum_audit_log_operation" AS ENUM('create', 'update', 'publish', 'unpublish', 'trash', 'restore', 'delete');
  ALTER TABLE "audit_log" ALTER COLUMN "operation" SET DATA TYPE "public"."enum_audit_log_operation" USING "operation"::"public"."enum_audit_log_operation";
  DROP INDEX "wire_sources_rights_proposal_rights_proposal_state_idx";
  ALTER TABLE "wire_sources" ADD COLUMN "rights_proposal_decision" "enum_wire_sources_rights_proposal_decision";
  ALTER TABLE "legal_notices" DROP COLUMN "review_submitted_at";
  ALTER TABLE "legal_notices" DROP COLUMN "review_unpublish";
  ALTER TABLE "legal_notices" DROP COLUMN "review_fingerprint";
  ALTER TABLE "legal_notices" DROP COLUMN "review_reviewed_at";
  ALTER TABLE "legal_notices" DROP COLUMN "review_bypass";
  ALTER TABLE "_legal_notices_v" DROP COLUMN "version_review_submitted_at";
  ALTER TABLE "_legal_notices_v" DROP COLUMN "version_review_unpublish";
  ALTER TABLE "_legal_notices_v" DROP COLUMN "version_review_fingerprint";
  ALTER TABLE "_legal_notices_v" DROP COLUMN "version_review_reviewed_at";
  ALTER TABLE "_legal_notices_v" DROP COLUMN "version_review_bypass";
  ALTER TABLE "wire_sources" DROP COLUMN "rights_proposal_proposed_at";
  ALTER TABLE "wire_sources" DROP COLUMN "rights_proposal_fingerprint";
  ALTER TABLE "wire_sources" DROP COLUMN "rights_proposal_reviewed_at";`)
}
