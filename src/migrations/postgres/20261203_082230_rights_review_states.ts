import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

// One vocabulary of review states for notices and sources' rights: a rights proposal awaiting a
// decision is `in-review`, no longer `pending`.
export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  ALTER TABLE "wire_sources" ALTER COLUMN "rights_proposal_state" SET DATA TYPE text;
  UPDATE "wire_sources" SET "rights_proposal_state" = 'in-review' WHERE "rights_proposal_state" = 'pending';
  DROP TYPE "public"."enum_wire_sources_rights_proposal_state";
  CREATE TYPE "public"."enum_wire_sources_rights_proposal_state" AS ENUM('draft', 'in-review', 'rejected', 'approved');
  ALTER TABLE "wire_sources" ALTER COLUMN "rights_proposal_state" SET DATA TYPE "public"."enum_wire_sources_rights_proposal_state" USING "rights_proposal_state"::"public"."enum_wire_sources_rights_proposal_state";
  ALTER TABLE "publisher" ALTER COLUMN "name" DROP DEFAULT;
  ALTER TABLE "_publisher_v" ALTER COLUMN "version_name" DROP DEFAULT;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  ALTER TABLE "wire_sources" ALTER COLUMN "rights_proposal_state" SET DATA TYPE text;
  UPDATE "wire_sources" SET "rights_proposal_state" = CASE "rights_proposal_state" WHEN 'in-review' THEN 'pending' WHEN 'draft' THEN NULL ELSE "rights_proposal_state" END;
  DROP TYPE "public"."enum_wire_sources_rights_proposal_state";
  CREATE TYPE "public"."enum_wire_sources_rights_proposal_state" AS ENUM('pending', 'approved', 'rejected');
  ALTER TABLE "wire_sources" ALTER COLUMN "rights_proposal_state" SET DATA TYPE "public"."enum_wire_sources_rights_proposal_state" USING "rights_proposal_state"::"public"."enum_wire_sources_rights_proposal_state";
  ALTER TABLE "publisher" ALTER COLUMN "name" SET DEFAULT 'Wirehouse Publisher';
  ALTER TABLE "_publisher_v" ALTER COLUMN "version_name" SET DEFAULT 'Wirehouse Publisher';`)
}
