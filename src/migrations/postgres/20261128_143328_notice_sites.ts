import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "legal_notices_rels" ADD COLUMN "sites_id" integer;
  ALTER TABLE "_legal_notices_v_rels" ADD COLUMN "sites_id" integer;
  ALTER TABLE "legal_notices_rels" ADD CONSTRAINT "legal_notices_rels_sites_fk" FOREIGN KEY ("sites_id") REFERENCES "public"."sites"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_legal_notices_v_rels" ADD CONSTRAINT "_legal_notices_v_rels_sites_fk" FOREIGN KEY ("sites_id") REFERENCES "public"."sites"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "legal_notices_rels_sites_id_idx" ON "legal_notices_rels" USING btree ("sites_id");
  CREATE INDEX "_legal_notices_v_rels_sites_id_idx" ON "_legal_notices_v_rels" USING btree ("sites_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "legal_notices_rels" DROP CONSTRAINT "legal_notices_rels_sites_fk";
  
  ALTER TABLE "_legal_notices_v_rels" DROP CONSTRAINT "_legal_notices_v_rels_sites_fk";
  
  DROP INDEX "legal_notices_rels_sites_id_idx";
  DROP INDEX "_legal_notices_v_rels_sites_id_idx";
  ALTER TABLE "legal_notices_rels" DROP COLUMN "sites_id";
  ALTER TABLE "_legal_notices_v_rels" DROP COLUMN "sites_id";`)
}
