import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "_status_publishedAt_idx";
  DROP INDEX "source__status_publishedAt_idx";
  DROP INDEX "section__status_publishedAt_idx";
  DROP INDEX "version__status_version_publishedAt_idx";
  DROP INDEX "version_source_version__status_version_publishedAt_idx";
  DROP INDEX "version_section_version__status_version_publishedAt_idx";
  CREATE INDEX "_status_publishedAt_deletedAt_idx" ON "articles" USING btree ("_status","published_at","deleted_at");
  CREATE INDEX "source__status_publishedAt_deletedAt_idx" ON "articles" USING btree ("source_id","_status","published_at","deleted_at");
  CREATE INDEX "section__status_publishedAt_deletedAt_idx" ON "articles" USING btree ("section_id","_status","published_at","deleted_at");
  CREATE INDEX "version__status_version_publishedAt_version_deletedAt_idx" ON "_articles_v" USING btree ("version__status","version_published_at","version_deleted_at");
  CREATE INDEX "compound_index_idx" ON "_articles_v" USING btree ("version_source_id","version__status","version_published_at","version_deleted_at");
  CREATE INDEX "compound_index_1_idx" ON "_articles_v" USING btree ("version_section_id","version__status","version_published_at","version_deleted_at");`)

  // Not schema Payload knows: a change token per counted collection, bumped by the database in
  // the writing transaction itself (src/countCache.ts reads it to reuse exact counts).
  await db.execute(sql`
  CREATE TABLE "wirehouse_changes" ("name" varchar PRIMARY KEY NOT NULL, "version" bigint DEFAULT 0 NOT NULL);
  INSERT INTO "wirehouse_changes" ("name") VALUES ('articles');
  CREATE FUNCTION "wirehouse_bump_change"() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    UPDATE "wirehouse_changes" SET "version" = "version" + 1 WHERE "name" = TG_ARGV[0];
    RETURN NULL;
  END $$;
  CREATE TRIGGER "wirehouse_articles_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "articles"
    FOR EACH STATEMENT EXECUTE FUNCTION "wirehouse_bump_change"('articles');
  CREATE TRIGGER "wirehouse_articles_v_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "_articles_v"
    FOR EACH STATEMENT EXECUTE FUNCTION "wirehouse_bump_change"('articles');`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TRIGGER "wirehouse_articles_changed" ON "articles";
  DROP TRIGGER "wirehouse_articles_v_changed" ON "_articles_v";
  DROP FUNCTION "wirehouse_bump_change"();
  DROP TABLE "wirehouse_changes";`)
  await db.execute(sql`
   DROP INDEX "_status_publishedAt_deletedAt_idx";
  DROP INDEX "source__status_publishedAt_deletedAt_idx";
  DROP INDEX "section__status_publishedAt_deletedAt_idx";
  DROP INDEX "version__status_version_publishedAt_version_deletedAt_idx";
  DROP INDEX "compound_index_idx";
  DROP INDEX "compound_index_1_idx";
  CREATE INDEX "_status_publishedAt_idx" ON "articles" USING btree ("_status","published_at");
  CREATE INDEX "source__status_publishedAt_idx" ON "articles" USING btree ("source_id","_status","published_at");
  CREATE INDEX "section__status_publishedAt_idx" ON "articles" USING btree ("section_id","_status","published_at");
  CREATE INDEX "version__status_version_publishedAt_idx" ON "_articles_v" USING btree ("version__status","version_published_at");
  CREATE INDEX "version_source_version__status_version_publishedAt_idx" ON "_articles_v" USING btree ("version_source_id","version__status","version_published_at");
  CREATE INDEX "version_section_version__status_version_publishedAt_idx" ON "_articles_v" USING btree ("version_section_id","version__status","version_published_at");`)
}
