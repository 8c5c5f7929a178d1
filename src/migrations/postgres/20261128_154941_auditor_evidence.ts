import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_access_records_action" AS ENUM('read', 'export', 'evidence', 'coverage');
  CREATE TABLE "access_records" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"at" timestamp(3) with time zone NOT NULL,
  	"actor" varchar NOT NULL,
  	"action" "enum_access_records_action" NOT NULL,
  	"resource" varchar NOT NULL,
  	"detail" varchar,
  	"count" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "subjects" ADD COLUMN "external_id_hash" varchar;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "access_records_id" integer;
  CREATE INDEX "access_records_at_idx" ON "access_records" USING btree ("at");
  CREATE INDEX "access_records_updated_at_idx" ON "access_records" USING btree ("updated_at");
  CREATE INDEX "access_records_created_at_idx" ON "access_records" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_access_records_fk" FOREIGN KEY ("access_records_id") REFERENCES "public"."access_records"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "subjects_external_id_hash_idx" ON "subjects" USING btree ("external_id_hash");
  CREATE INDEX "payload_locked_documents_rels_access_records_id_idx" ON "payload_locked_documents_rels" USING btree ("access_records_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "access_records" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "access_records" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_access_records_fk";
  
  DROP INDEX "subjects_external_id_hash_idx";
  DROP INDEX "payload_locked_documents_rels_access_records_id_idx";
  ALTER TABLE "subjects" DROP COLUMN "external_id_hash";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "access_records_id";
  DROP TYPE "public"."enum_access_records_action";`)
}
