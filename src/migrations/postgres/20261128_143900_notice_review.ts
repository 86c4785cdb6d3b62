import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_legal_notices_review_state" AS ENUM('draft', 'in-review', 'rejected', 'approved');
  CREATE TYPE "public"."enum__legal_notices_v_version_review_state" AS ENUM('draft', 'in-review', 'rejected', 'approved');
  ALTER TABLE "legal_notices" ADD COLUMN "review_state" "enum_legal_notices_review_state" DEFAULT 'draft';
  ALTER TABLE "legal_notices" ADD COLUMN "review_submitted_by_id" integer;
  ALTER TABLE "legal_notices" ADD COLUMN "review_reviewed_by_id" integer;
  ALTER TABLE "legal_notices" ADD COLUMN "review_comment" varchar;
  ALTER TABLE "_legal_notices_v" ADD COLUMN "version_review_state" "enum__legal_notices_v_version_review_state" DEFAULT 'draft';
  ALTER TABLE "_legal_notices_v" ADD COLUMN "version_review_submitted_by_id" integer;
  ALTER TABLE "_legal_notices_v" ADD COLUMN "version_review_reviewed_by_id" integer;
  ALTER TABLE "_legal_notices_v" ADD COLUMN "version_review_comment" varchar;
  ALTER TABLE "legal_notices" ADD CONSTRAINT "legal_notices_review_submitted_by_id_users_id_fk" FOREIGN KEY ("review_submitted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "legal_notices" ADD CONSTRAINT "legal_notices_review_reviewed_by_id_users_id_fk" FOREIGN KEY ("review_reviewed_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_legal_notices_v" ADD CONSTRAINT "_legal_notices_v_version_review_submitted_by_id_users_id_fk" FOREIGN KEY ("version_review_submitted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_legal_notices_v" ADD CONSTRAINT "_legal_notices_v_version_review_reviewed_by_id_users_id_fk" FOREIGN KEY ("version_review_reviewed_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "legal_notices_review_review_state_idx" ON "legal_notices" USING btree ("review_state");
  CREATE INDEX "legal_notices_review_review_submitted_by_idx" ON "legal_notices" USING btree ("review_submitted_by_id");
  CREATE INDEX "legal_notices_review_review_reviewed_by_idx" ON "legal_notices" USING btree ("review_reviewed_by_id");
  CREATE INDEX "_legal_notices_v_version_review_version_review_state_idx" ON "_legal_notices_v" USING btree ("version_review_state");
  CREATE INDEX "_legal_notices_v_version_review_version_review_submitted_idx" ON "_legal_notices_v" USING btree ("version_review_submitted_by_id");
  CREATE INDEX "_legal_notices_v_version_review_version_review_reviewed__idx" ON "_legal_notices_v" USING btree ("version_review_reviewed_by_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "legal_notices" DROP CONSTRAINT "legal_notices_review_submitted_by_id_users_id_fk";
  
  ALTER TABLE "legal_notices" DROP CONSTRAINT "legal_notices_review_reviewed_by_id_users_id_fk";
  
  ALTER TABLE "_legal_notices_v" DROP CONSTRAINT "_legal_notices_v_version_review_submitted_by_id_users_id_fk";
  
  ALTER TABLE "_legal_notices_v" DROP CONSTRAINT "_legal_notices_v_version_review_reviewed_by_id_users_id_fk";
  
  DROP INDEX "legal_notices_review_review_state_idx";
  DROP INDEX "legal_notices_review_review_submitted_by_idx";
  DROP INDEX "legal_notices_review_review_reviewed_by_idx";
  DROP INDEX "_legal_notices_v_version_review_version_review_state_idx";
  DROP INDEX "_legal_notices_v_version_review_version_review_submitted_idx";
  DROP INDEX "_legal_notices_v_version_review_version_review_reviewed__idx";
  ALTER TABLE "legal_notices" DROP COLUMN "review_state";
  ALTER TABLE "legal_notices" DROP COLUMN "review_submitted_by_id";
  ALTER TABLE "legal_notices" DROP COLUMN "review_reviewed_by_id";
  ALTER TABLE "legal_notices" DROP COLUMN "review_comment";
  ALTER TABLE "_legal_notices_v" DROP COLUMN "version_review_state";
  ALTER TABLE "_legal_notices_v" DROP COLUMN "version_review_submitted_by_id";
  ALTER TABLE "_legal_notices_v" DROP COLUMN "version_review_reviewed_by_id";
  ALTER TABLE "_legal_notices_v" DROP COLUMN "version_review_comment";
  DROP TYPE "public"."enum_legal_notices_review_state";
  DROP TYPE "public"."enum__legal_notices_v_version_review_state";`)
}
