import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_version_translations_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__version_translations_v_version_status" AS ENUM('draft', 'published');
  ALTER TYPE "public"."enum_ledger_entries_kind" ADD VALUE 'translation' BEFORE 'policy-rules';
  CREATE TABLE "version_translations" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"version_id" integer,
  	"locale" varchar,
  	"summary" varchar,
  	"body" jsonb,
  	"policy_id" integer,
  	"version_number" numeric,
  	"frozen_at" timestamp(3) with time zone,
  	"frozen_by_id" integer,
  	"content_hash" varchar,
  	"text" varchar,
  	"html" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_version_translations_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "_version_translations_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_version_id" integer,
  	"version_locale" varchar,
  	"version_summary" varchar,
  	"version_body" jsonb,
  	"version_policy_id" integer,
  	"version_version_number" numeric,
  	"version_frozen_at" timestamp(3) with time zone,
  	"version_frozen_by_id" integer,
  	"version_content_hash" varchar,
  	"version_text" varchar,
  	"version_html" varchar,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__version_translations_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"latest" boolean
  );
  
  CREATE TABLE "site_languages" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"default_locale" varchar,
  	"locales" varchar,
  	"updated_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone
  );
  
  ALTER TABLE "policy_versions" ADD COLUMN "locale" varchar;
  ALTER TABLE "_policy_versions_v" ADD COLUMN "version_locale" varchar;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "version_translations_id" integer;
  ALTER TABLE "version_translations" ADD CONSTRAINT "version_translations_version_id_policy_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."policy_versions"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "version_translations" ADD CONSTRAINT "version_translations_policy_id_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."policies"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "version_translations" ADD CONSTRAINT "version_translations_frozen_by_id_users_id_fk" FOREIGN KEY ("frozen_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_version_translations_v" ADD CONSTRAINT "_version_translations_v_parent_id_version_translations_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."version_translations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_version_translations_v" ADD CONSTRAINT "_version_translations_v_version_version_id_policy_versions_id_fk" FOREIGN KEY ("version_version_id") REFERENCES "public"."policy_versions"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_version_translations_v" ADD CONSTRAINT "_version_translations_v_version_policy_id_policies_id_fk" FOREIGN KEY ("version_policy_id") REFERENCES "public"."policies"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_version_translations_v" ADD CONSTRAINT "_version_translations_v_version_frozen_by_id_users_id_fk" FOREIGN KEY ("version_frozen_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "version_translations_version_idx" ON "version_translations" USING btree ("version_id");
  CREATE INDEX "version_translations_policy_idx" ON "version_translations" USING btree ("policy_id");
  CREATE INDEX "version_translations_frozen_at_idx" ON "version_translations" USING btree ("frozen_at");
  CREATE INDEX "version_translations_frozen_by_idx" ON "version_translations" USING btree ("frozen_by_id");
  CREATE INDEX "version_translations_updated_at_idx" ON "version_translations" USING btree ("updated_at");
  CREATE INDEX "version_translations_created_at_idx" ON "version_translations" USING btree ("created_at");
  CREATE INDEX "version_translations__status_idx" ON "version_translations" USING btree ("_status");
  CREATE UNIQUE INDEX "version_locale_idx" ON "version_translations" USING btree ("version_id","locale");
  CREATE INDEX "_version_translations_v_parent_idx" ON "_version_translations_v" USING btree ("parent_id");
  CREATE INDEX "_version_translations_v_version_version_version_idx" ON "_version_translations_v" USING btree ("version_version_id");
  CREATE INDEX "_version_translations_v_version_version_policy_idx" ON "_version_translations_v" USING btree ("version_policy_id");
  CREATE INDEX "_version_translations_v_version_version_frozen_at_idx" ON "_version_translations_v" USING btree ("version_frozen_at");
  CREATE INDEX "_version_translations_v_version_version_frozen_by_idx" ON "_version_translations_v" USING btree ("version_frozen_by_id");
  CREATE INDEX "_version_translations_v_version_version_updated_at_idx" ON "_version_translations_v" USING btree ("version_updated_at");
  CREATE INDEX "_version_translations_v_version_version_created_at_idx" ON "_version_translations_v" USING btree ("version_created_at");
  CREATE INDEX "_version_translations_v_version_version__status_idx" ON "_version_translations_v" USING btree ("version__status");
  CREATE INDEX "_version_translations_v_created_at_idx" ON "_version_translations_v" USING btree ("created_at");
  CREATE INDEX "_version_translations_v_updated_at_idx" ON "_version_translations_v" USING btree ("updated_at");
  CREATE INDEX "_version_translations_v_latest_idx" ON "_version_translations_v" USING btree ("latest");
  CREATE INDEX "version_version_version_locale_idx" ON "_version_translations_v" USING btree ("version_version_id","version_locale");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_version_translations_fk" FOREIGN KEY ("version_translations_id") REFERENCES "public"."version_translations"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_version_translations_id_idx" ON "payload_locked_documents_rels" USING btree ("version_translations_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "version_translations" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_version_translations_v" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "site_languages" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "version_translations" CASCADE;
  DROP TABLE "_version_translations_v" CASCADE;
  DROP TABLE "site_languages" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_version_translations_fk";
  
  ALTER TABLE "ledger_entries" ALTER COLUMN "kind" SET DATA TYPE text;
  DROP TYPE "public"."enum_ledger_entries_kind";
  CREATE TYPE "public"."enum_ledger_entries_kind" AS ENUM('acceptance', 'notice', 'publication', 'policy-rules', 'key-rotation');
  ALTER TABLE "ledger_entries" ALTER COLUMN "kind" SET DATA TYPE "public"."enum_ledger_entries_kind" USING "kind"::"public"."enum_ledger_entries_kind";
  DROP INDEX "payload_locked_documents_rels_version_translations_id_idx";
  ALTER TABLE "policy_versions" DROP COLUMN "locale";
  ALTER TABLE "_policy_versions_v" DROP COLUMN "version_locale";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "version_translations_id";
  DROP TYPE "public"."enum_version_translations_status";
  DROP TYPE "public"."enum__version_translations_v_version_status";`)
}
