import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_users_role" AS ENUM('admin', 'editor', 'auditor');
  CREATE TYPE "public"."enum_policies_acceptance_mode" AS ENUM('clickwrap', 'continued-use');
  CREATE TYPE "public"."enum_policy_versions_change_class" AS ENUM('editorial', 'informational', 'material');
  CREATE TYPE "public"."enum_policy_versions_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__policy_versions_v_version_change_class" AS ENUM('editorial', 'informational', 'material');
  CREATE TYPE "public"."enum__policy_versions_v_version_status" AS ENUM('draft', 'published');
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
  	"role" "enum_users_role" DEFAULT 'editor' NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"email" varchar NOT NULL,
  	"reset_password_token" varchar,
  	"reset_password_expiration" timestamp(3) with time zone,
  	"salt" varchar,
  	"hash" varchar,
  	"reset_password_requested_at" timestamp(3) with time zone,
  	"login_attempts" numeric DEFAULT 0,
  	"lock_until" timestamp(3) with time zone
  );
  
  CREATE TABLE "policies" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar NOT NULL,
  	"slug" varchar NOT NULL,
  	"acceptance_mode" "enum_policies_acceptance_mode" DEFAULT 'clickwrap' NOT NULL,
  	"notice_period_days" numeric DEFAULT 30 NOT NULL,
  	"bundle" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "policy_versions" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"policy_id" integer,
  	"change_class" "enum_policy_versions_change_class",
  	"summary" varchar,
  	"effective_at" timestamp(3) with time zone,
  	"effective_override_reason" varchar,
  	"body" jsonb,
  	"version" numeric,
  	"published_at" timestamp(3) with time zone,
  	"published_by_id" integer,
  	"content_hash" varchar,
  	"text" varchar,
  	"html" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_policy_versions_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "_policy_versions_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_policy_id" integer,
  	"version_change_class" "enum__policy_versions_v_version_change_class",
  	"version_summary" varchar,
  	"version_effective_at" timestamp(3) with time zone,
  	"version_effective_override_reason" varchar,
  	"version_body" jsonb,
  	"version_version" numeric,
  	"version_published_at" timestamp(3) with time zone,
  	"version_published_by_id" integer,
  	"version_content_hash" varchar,
  	"version_text" varchar,
  	"version_html" varchar,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__policy_versions_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"latest" boolean,
  	"autosave" boolean
  );
  
  CREATE TABLE "subjects" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"external_id" varchar NOT NULL,
  	"email" varchar,
  	"locale" varchar DEFAULT 'en',
  	"name" varchar,
  	"erased_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
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
  	"users_id" integer,
  	"policies_id" integer,
  	"policy_versions_id" integer,
  	"subjects_id" integer
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
  
  ALTER TABLE "users_sessions" ADD CONSTRAINT "users_sessions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "policy_versions" ADD CONSTRAINT "policy_versions_policy_id_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."policies"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "policy_versions" ADD CONSTRAINT "policy_versions_published_by_id_users_id_fk" FOREIGN KEY ("published_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_policy_versions_v" ADD CONSTRAINT "_policy_versions_v_parent_id_policy_versions_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."policy_versions"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_policy_versions_v" ADD CONSTRAINT "_policy_versions_v_version_policy_id_policies_id_fk" FOREIGN KEY ("version_policy_id") REFERENCES "public"."policies"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_policy_versions_v" ADD CONSTRAINT "_policy_versions_v_version_published_by_id_users_id_fk" FOREIGN KEY ("version_published_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."payload_locked_documents"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_policies_fk" FOREIGN KEY ("policies_id") REFERENCES "public"."policies"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_policy_versions_fk" FOREIGN KEY ("policy_versions_id") REFERENCES "public"."policy_versions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_subjects_fk" FOREIGN KEY ("subjects_id") REFERENCES "public"."subjects"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_preferences_rels" ADD CONSTRAINT "payload_preferences_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."payload_preferences"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_preferences_rels" ADD CONSTRAINT "payload_preferences_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "users_sessions_order_idx" ON "users_sessions" USING btree ("_order");
  CREATE INDEX "users_sessions_parent_id_idx" ON "users_sessions" USING btree ("_parent_id");
  CREATE INDEX "users_updated_at_idx" ON "users" USING btree ("updated_at");
  CREATE INDEX "users_created_at_idx" ON "users" USING btree ("created_at");
  CREATE UNIQUE INDEX "users_email_idx" ON "users" USING btree ("email");
  CREATE UNIQUE INDEX "policies_slug_idx" ON "policies" USING btree ("slug");
  CREATE INDEX "policies_bundle_idx" ON "policies" USING btree ("bundle");
  CREATE INDEX "policies_updated_at_idx" ON "policies" USING btree ("updated_at");
  CREATE INDEX "policies_created_at_idx" ON "policies" USING btree ("created_at");
  CREATE INDEX "policy_versions_policy_idx" ON "policy_versions" USING btree ("policy_id");
  CREATE INDEX "policy_versions_effective_at_idx" ON "policy_versions" USING btree ("effective_at");
  CREATE INDEX "policy_versions_version_idx" ON "policy_versions" USING btree ("version");
  CREATE INDEX "policy_versions_published_at_idx" ON "policy_versions" USING btree ("published_at");
  CREATE INDEX "policy_versions_published_by_idx" ON "policy_versions" USING btree ("published_by_id");
  CREATE INDEX "policy_versions_updated_at_idx" ON "policy_versions" USING btree ("updated_at");
  CREATE INDEX "policy_versions_created_at_idx" ON "policy_versions" USING btree ("created_at");
  CREATE INDEX "policy_versions__status_idx" ON "policy_versions" USING btree ("_status");
  CREATE UNIQUE INDEX "policy_version_idx" ON "policy_versions" USING btree ("policy_id","version");
  CREATE INDEX "_policy_versions_v_parent_idx" ON "_policy_versions_v" USING btree ("parent_id");
  CREATE INDEX "_policy_versions_v_version_version_policy_idx" ON "_policy_versions_v" USING btree ("version_policy_id");
  CREATE INDEX "_policy_versions_v_version_version_effective_at_idx" ON "_policy_versions_v" USING btree ("version_effective_at");
  CREATE INDEX "_policy_versions_v_version_version_version_idx" ON "_policy_versions_v" USING btree ("version_version");
  CREATE INDEX "_policy_versions_v_version_version_published_at_idx" ON "_policy_versions_v" USING btree ("version_published_at");
  CREATE INDEX "_policy_versions_v_version_version_published_by_idx" ON "_policy_versions_v" USING btree ("version_published_by_id");
  CREATE INDEX "_policy_versions_v_version_version_updated_at_idx" ON "_policy_versions_v" USING btree ("version_updated_at");
  CREATE INDEX "_policy_versions_v_version_version_created_at_idx" ON "_policy_versions_v" USING btree ("version_created_at");
  CREATE INDEX "_policy_versions_v_version_version__status_idx" ON "_policy_versions_v" USING btree ("version__status");
  CREATE INDEX "_policy_versions_v_created_at_idx" ON "_policy_versions_v" USING btree ("created_at");
  CREATE INDEX "_policy_versions_v_updated_at_idx" ON "_policy_versions_v" USING btree ("updated_at");
  CREATE INDEX "_policy_versions_v_latest_idx" ON "_policy_versions_v" USING btree ("latest");
  CREATE INDEX "_policy_versions_v_autosave_idx" ON "_policy_versions_v" USING btree ("autosave");
  CREATE INDEX "version_policy_version_version_idx" ON "_policy_versions_v" USING btree ("version_policy_id","version_version");
  CREATE UNIQUE INDEX "subjects_external_id_idx" ON "subjects" USING btree ("external_id");
  CREATE INDEX "subjects_updated_at_idx" ON "subjects" USING btree ("updated_at");
  CREATE INDEX "subjects_created_at_idx" ON "subjects" USING btree ("created_at");
  CREATE UNIQUE INDEX "payload_kv_key_idx" ON "payload_kv" USING btree ("key");
  CREATE INDEX "payload_locked_documents_global_slug_idx" ON "payload_locked_documents" USING btree ("global_slug");
  CREATE INDEX "payload_locked_documents_updated_at_idx" ON "payload_locked_documents" USING btree ("updated_at");
  CREATE INDEX "payload_locked_documents_created_at_idx" ON "payload_locked_documents" USING btree ("created_at");
  CREATE INDEX "payload_locked_documents_rels_order_idx" ON "payload_locked_documents_rels" USING btree ("order");
  CREATE INDEX "payload_locked_documents_rels_parent_idx" ON "payload_locked_documents_rels" USING btree ("parent_id");
  CREATE INDEX "payload_locked_documents_rels_path_idx" ON "payload_locked_documents_rels" USING btree ("path");
  CREATE INDEX "payload_locked_documents_rels_users_id_idx" ON "payload_locked_documents_rels" USING btree ("users_id");
  CREATE INDEX "payload_locked_documents_rels_policies_id_idx" ON "payload_locked_documents_rels" USING btree ("policies_id");
  CREATE INDEX "payload_locked_documents_rels_policy_versions_id_idx" ON "payload_locked_documents_rels" USING btree ("policy_versions_id");
  CREATE INDEX "payload_locked_documents_rels_subjects_id_idx" ON "payload_locked_documents_rels" USING btree ("subjects_id");
  CREATE INDEX "payload_preferences_key_idx" ON "payload_preferences" USING btree ("key");
  CREATE INDEX "payload_preferences_updated_at_idx" ON "payload_preferences" USING btree ("updated_at");
  CREATE INDEX "payload_preferences_created_at_idx" ON "payload_preferences" USING btree ("created_at");
  CREATE INDEX "payload_preferences_rels_order_idx" ON "payload_preferences_rels" USING btree ("order");
  CREATE INDEX "payload_preferences_rels_parent_idx" ON "payload_preferences_rels" USING btree ("parent_id");
  CREATE INDEX "payload_preferences_rels_path_idx" ON "payload_preferences_rels" USING btree ("path");
  CREATE INDEX "payload_preferences_rels_users_id_idx" ON "payload_preferences_rels" USING btree ("users_id");
  CREATE INDEX "payload_migrations_updated_at_idx" ON "payload_migrations" USING btree ("updated_at");
  CREATE INDEX "payload_migrations_created_at_idx" ON "payload_migrations" USING btree ("created_at");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "users_sessions" CASCADE;
  DROP TABLE "users" CASCADE;
  DROP TABLE "policies" CASCADE;
  DROP TABLE "policy_versions" CASCADE;
  DROP TABLE "_policy_versions_v" CASCADE;
  DROP TABLE "subjects" CASCADE;
  DROP TABLE "payload_kv" CASCADE;
  DROP TABLE "payload_locked_documents" CASCADE;
  DROP TABLE "payload_locked_documents_rels" CASCADE;
  DROP TABLE "payload_preferences" CASCADE;
  DROP TABLE "payload_preferences_rels" CASCADE;
  DROP TABLE "payload_migrations" CASCADE;
  DROP TYPE "public"."enum_users_role";
  DROP TYPE "public"."enum_policies_acceptance_mode";
  DROP TYPE "public"."enum_policy_versions_change_class";
  DROP TYPE "public"."enum_policy_versions_status";
  DROP TYPE "public"."enum__policy_versions_v_version_change_class";
  DROP TYPE "public"."enum__policy_versions_v_version_status";`)
}
