import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_acceptances_method" AS ENUM('clickwrap', 'continued-use', 'api', 'import');
  CREATE TYPE "public"."enum_acceptances_source" AS ENUM('login-banner', 'embed', 'email-link', 'api');
  CREATE TYPE "public"."enum_notices_channel" AS ENUM('email', 'banner');
  CREATE TYPE "public"."enum_notices_status" AS ENUM('pending', 'sending', 'accepted', 'uncertain', 'dead', 'bounced', 'displayed', 'dismissed');
  CREATE TYPE "public"."enum_api_keys_scope" AS ENUM('integration', 'audit');
  CREATE TABLE "acceptances" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"subject_id" integer NOT NULL,
  	"policy_id" integer NOT NULL,
  	"version_id" integer NOT NULL,
  	"version_number" numeric NOT NULL,
  	"method" "enum_acceptances_method" NOT NULL,
  	"source" "enum_acceptances_source" NOT NULL,
  	"content_hash" varchar NOT NULL,
  	"locale" varchar,
  	"accepted_at" timestamp(3) with time zone NOT NULL,
  	"ip" varchar,
  	"user_agent" varchar,
  	"idempotency_key" varchar,
  	"notices" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "notices" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"subject_id" integer NOT NULL,
  	"policy_id" integer NOT NULL,
  	"version_id" integer NOT NULL,
  	"version_number" numeric NOT NULL,
  	"channel" "enum_notices_channel" NOT NULL,
  	"status" "enum_notices_status" NOT NULL,
  	"reached_at" timestamp(3) with time zone,
  	"dismissed_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "api_keys" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"scope" "enum_api_keys_scope" NOT NULL,
  	"key_prefix" varchar,
  	"key_hash" varchar,
  	"revoked_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "idempotency_records" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"request_hash" varchar NOT NULL,
  	"status" numeric NOT NULL,
  	"response" jsonb NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "banner_template" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"html" varchar,
  	"text" varchar,
  	"updated_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "acceptances_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "notices_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "api_keys_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "idempotency_records_id" integer;
  ALTER TABLE "acceptances" ADD CONSTRAINT "acceptances_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "acceptances" ADD CONSTRAINT "acceptances_policy_id_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."policies"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "acceptances" ADD CONSTRAINT "acceptances_version_id_policy_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."policy_versions"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "notices" ADD CONSTRAINT "notices_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "notices" ADD CONSTRAINT "notices_policy_id_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."policies"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "notices" ADD CONSTRAINT "notices_version_id_policy_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."policy_versions"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "acceptances_subject_idx" ON "acceptances" USING btree ("subject_id");
  CREATE INDEX "acceptances_policy_idx" ON "acceptances" USING btree ("policy_id");
  CREATE INDEX "acceptances_version_idx" ON "acceptances" USING btree ("version_id");
  CREATE INDEX "acceptances_accepted_at_idx" ON "acceptances" USING btree ("accepted_at");
  CREATE INDEX "acceptances_idempotency_key_idx" ON "acceptances" USING btree ("idempotency_key");
  CREATE INDEX "acceptances_updated_at_idx" ON "acceptances" USING btree ("updated_at");
  CREATE INDEX "acceptances_created_at_idx" ON "acceptances" USING btree ("created_at");
  CREATE UNIQUE INDEX "subject_version_idx" ON "acceptances" USING btree ("subject_id","version_id");
  CREATE INDEX "notices_subject_idx" ON "notices" USING btree ("subject_id");
  CREATE INDEX "notices_policy_idx" ON "notices" USING btree ("policy_id");
  CREATE INDEX "notices_version_idx" ON "notices" USING btree ("version_id");
  CREATE INDEX "notices_updated_at_idx" ON "notices" USING btree ("updated_at");
  CREATE INDEX "notices_created_at_idx" ON "notices" USING btree ("created_at");
  CREATE UNIQUE INDEX "subject_version_channel_idx" ON "notices" USING btree ("subject_id","version_id","channel");
  CREATE UNIQUE INDEX "api_keys_key_hash_idx" ON "api_keys" USING btree ("key_hash");
  CREATE INDEX "api_keys_updated_at_idx" ON "api_keys" USING btree ("updated_at");
  CREATE INDEX "api_keys_created_at_idx" ON "api_keys" USING btree ("created_at");
  CREATE UNIQUE INDEX "idempotency_records_key_idx" ON "idempotency_records" USING btree ("key");
  CREATE INDEX "idempotency_records_updated_at_idx" ON "idempotency_records" USING btree ("updated_at");
  CREATE INDEX "idempotency_records_created_at_idx" ON "idempotency_records" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_acceptances_fk" FOREIGN KEY ("acceptances_id") REFERENCES "public"."acceptances"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_notices_fk" FOREIGN KEY ("notices_id") REFERENCES "public"."notices"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_api_keys_fk" FOREIGN KEY ("api_keys_id") REFERENCES "public"."api_keys"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_idempotency_records_fk" FOREIGN KEY ("idempotency_records_id") REFERENCES "public"."idempotency_records"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_acceptances_id_idx" ON "payload_locked_documents_rels" USING btree ("acceptances_id");
  CREATE INDEX "payload_locked_documents_rels_notices_id_idx" ON "payload_locked_documents_rels" USING btree ("notices_id");
  CREATE INDEX "payload_locked_documents_rels_api_keys_id_idx" ON "payload_locked_documents_rels" USING btree ("api_keys_id");
  CREATE INDEX "payload_locked_documents_rels_idempotency_records_id_idx" ON "payload_locked_documents_rels" USING btree ("idempotency_records_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "acceptances" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "notices" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "api_keys" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "idempotency_records" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "banner_template" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "acceptances" CASCADE;
  DROP TABLE "notices" CASCADE;
  DROP TABLE "api_keys" CASCADE;
  DROP TABLE "idempotency_records" CASCADE;
  DROP TABLE "banner_template" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_acceptances_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_notices_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_api_keys_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_idempotency_records_fk";
  
  DROP INDEX "payload_locked_documents_rels_acceptances_id_idx";
  DROP INDEX "payload_locked_documents_rels_notices_id_idx";
  DROP INDEX "payload_locked_documents_rels_api_keys_id_idx";
  DROP INDEX "payload_locked_documents_rels_idempotency_records_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "acceptances_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "notices_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "api_keys_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "idempotency_records_id";
  DROP TYPE "public"."enum_acceptances_method";
  DROP TYPE "public"."enum_acceptances_source";
  DROP TYPE "public"."enum_notices_channel";
  DROP TYPE "public"."enum_notices_status";
  DROP TYPE "public"."enum_api_keys_scope";`)
}
