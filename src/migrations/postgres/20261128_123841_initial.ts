import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_articles_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__articles_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum_wire_sources_kind" AS ENUM('news-agency', 'government', 'space-agency', 'staff', 'press-release', 'other');
  CREATE TYPE "public"."enum_wire_sources_license" AS ENUM('copyright', 'public-domain', 'cc-by', 'cc-by-sa');
  CREATE TYPE "public"."enum_legal_notices_applies_to_source_kinds" AS ENUM('news-agency', 'government', 'space-agency', 'staff', 'press-release', 'other');
  CREATE TYPE "public"."enum_legal_notices_applies_to_licenses" AS ENUM('copyright', 'public-domain', 'cc-by', 'cc-by-sa');
  CREATE TYPE "public"."enum_legal_notices_kind" AS ENUM('copyright', 'source-copyright', 'public-domain', 'staff-writers', 'advertising', 'gdpr', 'privacy', 'cookies', 'jurisdiction', 'other');
  CREATE TYPE "public"."enum_legal_notices_applies_to_scope" AS ENUM('all', 'source-kinds', 'sources', 'licenses');
  CREATE TYPE "public"."enum_legal_notices_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__legal_notices_v_version_applies_to_source_kinds" AS ENUM('news-agency', 'government', 'space-agency', 'staff', 'press-release', 'other');
  CREATE TYPE "public"."enum__legal_notices_v_version_applies_to_licenses" AS ENUM('copyright', 'public-domain', 'cc-by', 'cc-by-sa');
  CREATE TYPE "public"."enum__legal_notices_v_version_kind" AS ENUM('copyright', 'source-copyright', 'public-domain', 'staff-writers', 'advertising', 'gdpr', 'privacy', 'cookies', 'jurisdiction', 'other');
  CREATE TYPE "public"."enum__legal_notices_v_version_applies_to_scope" AS ENUM('all', 'source-kinds', 'sources', 'licenses');
  CREATE TYPE "public"."enum__legal_notices_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum_users_roles" AS ENUM('admin', 'editor', 'compliance');
  CREATE TABLE "articles_related_links" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"label" varchar,
  	"url" varchar
  );
  
  CREATE TABLE "articles" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"headline" varchar,
  	"slug" varchar,
  	"byline" varchar,
  	"dateline_place" varchar,
  	"dateline_date" timestamp(3) with time zone,
  	"source_id" integer,
  	"section_id" integer,
  	"summary" varchar,
  	"body" jsonb,
  	"external_id" varchar,
  	"published_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_articles_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "articles_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"wire_sources_id" integer,
  	"articles_id" integer
  );
  
  CREATE TABLE "_articles_v_version_related_links" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"label" varchar,
  	"url" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_articles_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_headline" varchar,
  	"version_slug" varchar,
  	"version_byline" varchar,
  	"version_dateline_place" varchar,
  	"version_dateline_date" timestamp(3) with time zone,
  	"version_source_id" integer,
  	"version_section_id" integer,
  	"version_summary" varchar,
  	"version_body" jsonb,
  	"version_external_id" varchar,
  	"version_published_at" timestamp(3) with time zone,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__articles_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"latest" boolean
  );
  
  CREATE TABLE "_articles_v_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"wire_sources_id" integer,
  	"articles_id" integer
  );
  
  CREATE TABLE "wire_sources" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"code" varchar NOT NULL,
  	"kind" "enum_wire_sources_kind" DEFAULT 'other' NOT NULL,
  	"copyright_holder" varchar,
  	"license" "enum_wire_sources_license" DEFAULT 'copyright' NOT NULL,
  	"credit" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "wire_sources_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar
  );
  
  CREATE TABLE "sections_related_links" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"label" varchar NOT NULL,
  	"url" varchar NOT NULL
  );
  
  CREATE TABLE "sections" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"slug" varchar,
  	"site_id" integer NOT NULL,
  	"description" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "sites" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"domain" varchar NOT NULL,
  	"masthead" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "legal_notices_applies_to_source_kinds" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_legal_notices_applies_to_source_kinds",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "legal_notices_applies_to_licenses" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_legal_notices_applies_to_licenses",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "legal_notices" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"kind" "enum_legal_notices_kind",
  	"body" jsonb,
  	"applies_to_scope" "enum_legal_notices_applies_to_scope" DEFAULT 'all',
  	"effective_from" timestamp(3) with time zone,
  	"effective_until" timestamp(3) with time zone,
  	"order" numeric DEFAULT 100,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"deleted_at" timestamp(3) with time zone,
  	"_status" "enum_legal_notices_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "legal_notices_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"wire_sources_id" integer
  );
  
  CREATE TABLE "_legal_notices_v_version_applies_to_source_kinds" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum__legal_notices_v_version_applies_to_source_kinds",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "_legal_notices_v_version_applies_to_licenses" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum__legal_notices_v_version_applies_to_licenses",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "_legal_notices_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_title" varchar,
  	"version_kind" "enum__legal_notices_v_version_kind",
  	"version_body" jsonb,
  	"version_applies_to_scope" "enum__legal_notices_v_version_applies_to_scope" DEFAULT 'all',
  	"version_effective_from" timestamp(3) with time zone,
  	"version_effective_until" timestamp(3) with time zone,
  	"version_order" numeric DEFAULT 100,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version_deleted_at" timestamp(3) with time zone,
  	"version__status" "enum__legal_notices_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"latest" boolean
  );
  
  CREATE TABLE "_legal_notices_v_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"wire_sources_id" integer
  );
  
  CREATE TABLE "users_roles" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_users_roles",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "users_sessions" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"created_at" timestamp(3) with time zone,
  	"expires_at" timestamp(3) with time zone NOT NULL
  );
  
  CREATE TABLE "users" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"enable_a_p_i_key" boolean,
  	"api_key" varchar,
  	"api_key_index" varchar,
  	"email" varchar NOT NULL,
  	"reset_password_token" varchar,
  	"reset_password_expiration" timestamp(3) with time zone,
  	"salt" varchar,
  	"hash" varchar,
  	"reset_password_requested_at" timestamp(3) with time zone,
  	"login_attempts" numeric DEFAULT 0,
  	"lock_until" timestamp(3) with time zone
  );
  
  CREATE TABLE "payload_kv" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"data" jsonb NOT NULL
  );
  
  CREATE TABLE "payload_locked_documents" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"global_slug" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_locked_documents_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"articles_id" integer,
  	"wire_sources_id" integer,
  	"sections_id" integer,
  	"sites_id" integer,
  	"legal_notices_id" integer,
  	"users_id" integer
  );
  
  CREATE TABLE "payload_preferences" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar,
  	"value" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_preferences_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" integer
  );
  
  CREATE TABLE "payload_migrations" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar,
  	"batch" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "publisher" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar DEFAULT 'Wirehouse Publisher' NOT NULL,
  	"copyright_start_year" numeric NOT NULL,
  	"jurisdiction" varchar,
  	"updated_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone
  );
  
  CREATE TABLE "_publisher_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"version_name" varchar DEFAULT 'Wirehouse Publisher' NOT NULL,
  	"version_copyright_start_year" numeric NOT NULL,
  	"version_jurisdiction" varchar,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "articles_related_links" ADD CONSTRAINT "articles_related_links_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "articles" ADD CONSTRAINT "articles_source_id_wire_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."wire_sources"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "articles" ADD CONSTRAINT "articles_section_id_sections_id_fk" FOREIGN KEY ("section_id") REFERENCES "public"."sections"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "articles_rels" ADD CONSTRAINT "articles_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "articles_rels" ADD CONSTRAINT "articles_rels_wire_sources_fk" FOREIGN KEY ("wire_sources_id") REFERENCES "public"."wire_sources"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "articles_rels" ADD CONSTRAINT "articles_rels_articles_fk" FOREIGN KEY ("articles_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_articles_v_version_related_links" ADD CONSTRAINT "_articles_v_version_related_links_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_articles_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_articles_v" ADD CONSTRAINT "_articles_v_parent_id_articles_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."articles"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_articles_v" ADD CONSTRAINT "_articles_v_version_source_id_wire_sources_id_fk" FOREIGN KEY ("version_source_id") REFERENCES "public"."wire_sources"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_articles_v" ADD CONSTRAINT "_articles_v_version_section_id_sections_id_fk" FOREIGN KEY ("version_section_id") REFERENCES "public"."sections"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_articles_v_rels" ADD CONSTRAINT "_articles_v_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_articles_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_articles_v_rels" ADD CONSTRAINT "_articles_v_rels_wire_sources_fk" FOREIGN KEY ("wire_sources_id") REFERENCES "public"."wire_sources"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_articles_v_rels" ADD CONSTRAINT "_articles_v_rels_articles_fk" FOREIGN KEY ("articles_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "wire_sources_texts" ADD CONSTRAINT "wire_sources_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."wire_sources"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "sections_related_links" ADD CONSTRAINT "sections_related_links_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."sections"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "sections" ADD CONSTRAINT "sections_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "legal_notices_applies_to_source_kinds" ADD CONSTRAINT "legal_notices_applies_to_source_kinds_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."legal_notices"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "legal_notices_applies_to_licenses" ADD CONSTRAINT "legal_notices_applies_to_licenses_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."legal_notices"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "legal_notices_rels" ADD CONSTRAINT "legal_notices_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."legal_notices"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "legal_notices_rels" ADD CONSTRAINT "legal_notices_rels_wire_sources_fk" FOREIGN KEY ("wire_sources_id") REFERENCES "public"."wire_sources"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_legal_notices_v_version_applies_to_source_kinds" ADD CONSTRAINT "_legal_notices_v_version_applies_to_source_kinds_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_legal_notices_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_legal_notices_v_version_applies_to_licenses" ADD CONSTRAINT "_legal_notices_v_version_applies_to_licenses_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_legal_notices_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_legal_notices_v" ADD CONSTRAINT "_legal_notices_v_parent_id_legal_notices_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."legal_notices"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_legal_notices_v_rels" ADD CONSTRAINT "_legal_notices_v_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_legal_notices_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_legal_notices_v_rels" ADD CONSTRAINT "_legal_notices_v_rels_wire_sources_fk" FOREIGN KEY ("wire_sources_id") REFERENCES "public"."wire_sources"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "users_roles" ADD CONSTRAINT "users_roles_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "users_sessions" ADD CONSTRAINT "users_sessions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."payload_locked_documents"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_articles_fk" FOREIGN KEY ("articles_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_wire_sources_fk" FOREIGN KEY ("wire_sources_id") REFERENCES "public"."wire_sources"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_sections_fk" FOREIGN KEY ("sections_id") REFERENCES "public"."sections"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_sites_fk" FOREIGN KEY ("sites_id") REFERENCES "public"."sites"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_legal_notices_fk" FOREIGN KEY ("legal_notices_id") REFERENCES "public"."legal_notices"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_preferences_rels" ADD CONSTRAINT "payload_preferences_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."payload_preferences"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_preferences_rels" ADD CONSTRAINT "payload_preferences_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "articles_related_links_order_idx" ON "articles_related_links" USING btree ("_order");
  CREATE INDEX "articles_related_links_parent_id_idx" ON "articles_related_links" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "articles_slug_idx" ON "articles" USING btree ("slug");
  CREATE INDEX "articles_source_idx" ON "articles" USING btree ("source_id");
  CREATE INDEX "articles_section_idx" ON "articles" USING btree ("section_id");
  CREATE UNIQUE INDEX "articles_external_id_idx" ON "articles" USING btree ("external_id");
  CREATE INDEX "articles_published_at_idx" ON "articles" USING btree ("published_at");
  CREATE INDEX "articles_updated_at_idx" ON "articles" USING btree ("updated_at");
  CREATE INDEX "articles_created_at_idx" ON "articles" USING btree ("created_at");
  CREATE INDEX "articles__status_idx" ON "articles" USING btree ("_status");
  CREATE INDEX "articles_rels_order_idx" ON "articles_rels" USING btree ("order");
  CREATE INDEX "articles_rels_parent_idx" ON "articles_rels" USING btree ("parent_id");
  CREATE INDEX "articles_rels_path_idx" ON "articles_rels" USING btree ("path");
  CREATE INDEX "articles_rels_wire_sources_id_idx" ON "articles_rels" USING btree ("wire_sources_id");
  CREATE INDEX "articles_rels_articles_id_idx" ON "articles_rels" USING btree ("articles_id");
  CREATE INDEX "_articles_v_version_related_links_order_idx" ON "_articles_v_version_related_links" USING btree ("_order");
  CREATE INDEX "_articles_v_version_related_links_parent_id_idx" ON "_articles_v_version_related_links" USING btree ("_parent_id");
  CREATE INDEX "_articles_v_parent_idx" ON "_articles_v" USING btree ("parent_id");
  CREATE INDEX "_articles_v_version_version_slug_idx" ON "_articles_v" USING btree ("version_slug");
  CREATE INDEX "_articles_v_version_version_source_idx" ON "_articles_v" USING btree ("version_source_id");
  CREATE INDEX "_articles_v_version_version_section_idx" ON "_articles_v" USING btree ("version_section_id");
  CREATE INDEX "_articles_v_version_version_external_id_idx" ON "_articles_v" USING btree ("version_external_id");
  CREATE INDEX "_articles_v_version_version_published_at_idx" ON "_articles_v" USING btree ("version_published_at");
  CREATE INDEX "_articles_v_version_version_updated_at_idx" ON "_articles_v" USING btree ("version_updated_at");
  CREATE INDEX "_articles_v_version_version_created_at_idx" ON "_articles_v" USING btree ("version_created_at");
  CREATE INDEX "_articles_v_version_version__status_idx" ON "_articles_v" USING btree ("version__status");
  CREATE INDEX "_articles_v_created_at_idx" ON "_articles_v" USING btree ("created_at");
  CREATE INDEX "_articles_v_updated_at_idx" ON "_articles_v" USING btree ("updated_at");
  CREATE INDEX "_articles_v_latest_idx" ON "_articles_v" USING btree ("latest");
  CREATE INDEX "_articles_v_rels_order_idx" ON "_articles_v_rels" USING btree ("order");
  CREATE INDEX "_articles_v_rels_parent_idx" ON "_articles_v_rels" USING btree ("parent_id");
  CREATE INDEX "_articles_v_rels_path_idx" ON "_articles_v_rels" USING btree ("path");
  CREATE INDEX "_articles_v_rels_wire_sources_id_idx" ON "_articles_v_rels" USING btree ("wire_sources_id");
  CREATE INDEX "_articles_v_rels_articles_id_idx" ON "_articles_v_rels" USING btree ("articles_id");
  CREATE UNIQUE INDEX "wire_sources_code_idx" ON "wire_sources" USING btree ("code");
  CREATE INDEX "wire_sources_updated_at_idx" ON "wire_sources" USING btree ("updated_at");
  CREATE INDEX "wire_sources_created_at_idx" ON "wire_sources" USING btree ("created_at");
  CREATE INDEX "wire_sources_texts_order_parent" ON "wire_sources_texts" USING btree ("order","parent_id");
  CREATE INDEX "sections_related_links_order_idx" ON "sections_related_links" USING btree ("_order");
  CREATE INDEX "sections_related_links_parent_id_idx" ON "sections_related_links" USING btree ("_parent_id");
  CREATE INDEX "sections_slug_idx" ON "sections" USING btree ("slug");
  CREATE INDEX "sections_site_idx" ON "sections" USING btree ("site_id");
  CREATE INDEX "sections_updated_at_idx" ON "sections" USING btree ("updated_at");
  CREATE INDEX "sections_created_at_idx" ON "sections" USING btree ("created_at");
  CREATE UNIQUE INDEX "site_slug_idx" ON "sections" USING btree ("site_id","slug");
  CREATE UNIQUE INDEX "sites_domain_idx" ON "sites" USING btree ("domain");
  CREATE INDEX "sites_updated_at_idx" ON "sites" USING btree ("updated_at");
  CREATE INDEX "sites_created_at_idx" ON "sites" USING btree ("created_at");
  CREATE INDEX "legal_notices_applies_to_source_kinds_order_idx" ON "legal_notices_applies_to_source_kinds" USING btree ("order");
  CREATE INDEX "legal_notices_applies_to_source_kinds_parent_idx" ON "legal_notices_applies_to_source_kinds" USING btree ("parent_id");
  CREATE INDEX "legal_notices_applies_to_licenses_order_idx" ON "legal_notices_applies_to_licenses" USING btree ("order");
  CREATE INDEX "legal_notices_applies_to_licenses_parent_idx" ON "legal_notices_applies_to_licenses" USING btree ("parent_id");
  CREATE INDEX "legal_notices_kind_idx" ON "legal_notices" USING btree ("kind");
  CREATE INDEX "legal_notices_updated_at_idx" ON "legal_notices" USING btree ("updated_at");
  CREATE INDEX "legal_notices_created_at_idx" ON "legal_notices" USING btree ("created_at");
  CREATE INDEX "legal_notices_deleted_at_idx" ON "legal_notices" USING btree ("deleted_at");
  CREATE INDEX "legal_notices__status_idx" ON "legal_notices" USING btree ("_status");
  CREATE INDEX "legal_notices_rels_order_idx" ON "legal_notices_rels" USING btree ("order");
  CREATE INDEX "legal_notices_rels_parent_idx" ON "legal_notices_rels" USING btree ("parent_id");
  CREATE INDEX "legal_notices_rels_path_idx" ON "legal_notices_rels" USING btree ("path");
  CREATE INDEX "legal_notices_rels_wire_sources_id_idx" ON "legal_notices_rels" USING btree ("wire_sources_id");
  CREATE INDEX "_legal_notices_v_version_applies_to_source_kinds_order_idx" ON "_legal_notices_v_version_applies_to_source_kinds" USING btree ("order");
  CREATE INDEX "_legal_notices_v_version_applies_to_source_kinds_parent_idx" ON "_legal_notices_v_version_applies_to_source_kinds" USING btree ("parent_id");
  CREATE INDEX "_legal_notices_v_version_applies_to_licenses_order_idx" ON "_legal_notices_v_version_applies_to_licenses" USING btree ("order");
  CREATE INDEX "_legal_notices_v_version_applies_to_licenses_parent_idx" ON "_legal_notices_v_version_applies_to_licenses" USING btree ("parent_id");
  CREATE INDEX "_legal_notices_v_parent_idx" ON "_legal_notices_v" USING btree ("parent_id");
  CREATE INDEX "_legal_notices_v_version_version_kind_idx" ON "_legal_notices_v" USING btree ("version_kind");
  CREATE INDEX "_legal_notices_v_version_version_updated_at_idx" ON "_legal_notices_v" USING btree ("version_updated_at");
  CREATE INDEX "_legal_notices_v_version_version_created_at_idx" ON "_legal_notices_v" USING btree ("version_created_at");
  CREATE INDEX "_legal_notices_v_version_version_deleted_at_idx" ON "_legal_notices_v" USING btree ("version_deleted_at");
  CREATE INDEX "_legal_notices_v_version_version__status_idx" ON "_legal_notices_v" USING btree ("version__status");
  CREATE INDEX "_legal_notices_v_created_at_idx" ON "_legal_notices_v" USING btree ("created_at");
  CREATE INDEX "_legal_notices_v_updated_at_idx" ON "_legal_notices_v" USING btree ("updated_at");
  CREATE INDEX "_legal_notices_v_latest_idx" ON "_legal_notices_v" USING btree ("latest");
  CREATE INDEX "_legal_notices_v_rels_order_idx" ON "_legal_notices_v_rels" USING btree ("order");
  CREATE INDEX "_legal_notices_v_rels_parent_idx" ON "_legal_notices_v_rels" USING btree ("parent_id");
  CREATE INDEX "_legal_notices_v_rels_path_idx" ON "_legal_notices_v_rels" USING btree ("path");
  CREATE INDEX "_legal_notices_v_rels_wire_sources_id_idx" ON "_legal_notices_v_rels" USING btree ("wire_sources_id");
  CREATE INDEX "users_roles_order_idx" ON "users_roles" USING btree ("order");
  CREATE INDEX "users_roles_parent_idx" ON "users_roles" USING btree ("parent_id");
  CREATE INDEX "users_sessions_order_idx" ON "users_sessions" USING btree ("_order");
  CREATE INDEX "users_sessions_parent_id_idx" ON "users_sessions" USING btree ("_parent_id");
  CREATE INDEX "users_updated_at_idx" ON "users" USING btree ("updated_at");
  CREATE INDEX "users_created_at_idx" ON "users" USING btree ("created_at");
  CREATE UNIQUE INDEX "users_email_idx" ON "users" USING btree ("email");
  CREATE UNIQUE INDEX "payload_kv_key_idx" ON "payload_kv" USING btree ("key");
  CREATE INDEX "payload_locked_documents_global_slug_idx" ON "payload_locked_documents" USING btree ("global_slug");
  CREATE INDEX "payload_locked_documents_updated_at_idx" ON "payload_locked_documents" USING btree ("updated_at");
  CREATE INDEX "payload_locked_documents_created_at_idx" ON "payload_locked_documents" USING btree ("created_at");
  CREATE INDEX "payload_locked_documents_rels_order_idx" ON "payload_locked_documents_rels" USING btree ("order");
  CREATE INDEX "payload_locked_documents_rels_parent_idx" ON "payload_locked_documents_rels" USING btree ("parent_id");
  CREATE INDEX "payload_locked_documents_rels_path_idx" ON "payload_locked_documents_rels" USING btree ("path");
  CREATE INDEX "payload_locked_documents_rels_articles_id_idx" ON "payload_locked_documents_rels" USING btree ("articles_id");
  CREATE INDEX "payload_locked_documents_rels_wire_sources_id_idx" ON "payload_locked_documents_rels" USING btree ("wire_sources_id");
  CREATE INDEX "payload_locked_documents_rels_sections_id_idx" ON "payload_locked_documents_rels" USING btree ("sections_id");
  CREATE INDEX "payload_locked_documents_rels_sites_id_idx" ON "payload_locked_documents_rels" USING btree ("sites_id");
  CREATE INDEX "payload_locked_documents_rels_legal_notices_id_idx" ON "payload_locked_documents_rels" USING btree ("legal_notices_id");
  CREATE INDEX "payload_locked_documents_rels_users_id_idx" ON "payload_locked_documents_rels" USING btree ("users_id");
  CREATE INDEX "payload_preferences_key_idx" ON "payload_preferences" USING btree ("key");
  CREATE INDEX "payload_preferences_updated_at_idx" ON "payload_preferences" USING btree ("updated_at");
  CREATE INDEX "payload_preferences_created_at_idx" ON "payload_preferences" USING btree ("created_at");
  CREATE INDEX "payload_preferences_rels_order_idx" ON "payload_preferences_rels" USING btree ("order");
  CREATE INDEX "payload_preferences_rels_parent_idx" ON "payload_preferences_rels" USING btree ("parent_id");
  CREATE INDEX "payload_preferences_rels_path_idx" ON "payload_preferences_rels" USING btree ("path");
  CREATE INDEX "payload_preferences_rels_users_id_idx" ON "payload_preferences_rels" USING btree ("users_id");
  CREATE INDEX "payload_migrations_updated_at_idx" ON "payload_migrations" USING btree ("updated_at");
  CREATE INDEX "payload_migrations_created_at_idx" ON "payload_migrations" USING btree ("created_at");
  CREATE INDEX "_publisher_v_created_at_idx" ON "_publisher_v" USING btree ("created_at");
  CREATE INDEX "_publisher_v_updated_at_idx" ON "_publisher_v" USING btree ("updated_at");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "articles_related_links" CASCADE;
  DROP TABLE "articles" CASCADE;
  DROP TABLE "articles_rels" CASCADE;
  DROP TABLE "_articles_v_version_related_links" CASCADE;
  DROP TABLE "_articles_v" CASCADE;
  DROP TABLE "_articles_v_rels" CASCADE;
  DROP TABLE "wire_sources" CASCADE;
  DROP TABLE "wire_sources_texts" CASCADE;
  DROP TABLE "sections_related_links" CASCADE;
  DROP TABLE "sections" CASCADE;
  DROP TABLE "sites" CASCADE;
  DROP TABLE "legal_notices_applies_to_source_kinds" CASCADE;
  DROP TABLE "legal_notices_applies_to_licenses" CASCADE;
  DROP TABLE "legal_notices" CASCADE;
  DROP TABLE "legal_notices_rels" CASCADE;
  DROP TABLE "_legal_notices_v_version_applies_to_source_kinds" CASCADE;
  DROP TABLE "_legal_notices_v_version_applies_to_licenses" CASCADE;
  DROP TABLE "_legal_notices_v" CASCADE;
  DROP TABLE "_legal_notices_v_rels" CASCADE;
  DROP TABLE "users_roles" CASCADE;
  DROP TABLE "users_sessions" CASCADE;
  DROP TABLE "users" CASCADE;
  DROP TABLE "payload_kv" CASCADE;
  DROP TABLE "payload_locked_documents" CASCADE;
  DROP TABLE "payload_locked_documents_rels" CASCADE;
  DROP TABLE "payload_preferences" CASCADE;
  DROP TABLE "payload_preferences_rels" CASCADE;
  DROP TABLE "payload_migrations" CASCADE;
  DROP TABLE "publisher" CASCADE;
  DROP TABLE "_publisher_v" CASCADE;
  DROP TYPE "public"."enum_articles_status";
  DROP TYPE "public"."enum__articles_v_version_status";
  DROP TYPE "public"."enum_wire_sources_kind";
  DROP TYPE "public"."enum_wire_sources_license";
  DROP TYPE "public"."enum_legal_notices_applies_to_source_kinds";
  DROP TYPE "public"."enum_legal_notices_applies_to_licenses";
  DROP TYPE "public"."enum_legal_notices_kind";
  DROP TYPE "public"."enum_legal_notices_applies_to_scope";
  DROP TYPE "public"."enum_legal_notices_status";
  DROP TYPE "public"."enum__legal_notices_v_version_applies_to_source_kinds";
  DROP TYPE "public"."enum__legal_notices_v_version_applies_to_licenses";
  DROP TYPE "public"."enum__legal_notices_v_version_kind";
  DROP TYPE "public"."enum__legal_notices_v_version_applies_to_scope";
  DROP TYPE "public"."enum__legal_notices_v_version_status";
  DROP TYPE "public"."enum_users_roles";`)
}
