import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_ledger_entries_kind" AS ENUM('acceptance', 'notice');
  CREATE TABLE "ledger_entries" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"seq" numeric NOT NULL,
  	"kind" "enum_ledger_entries_kind" NOT NULL,
  	"body" varchar NOT NULL,
  	"leaf_hash" varchar NOT NULL,
  	"recorded_at" timestamp(3) with time zone NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "ledger_checkpoints" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tree_size" numeric NOT NULL,
  	"root_hash" varchar NOT NULL,
  	"signed_at" timestamp(3) with time zone NOT NULL,
  	"signature" varchar NOT NULL,
  	"key_id" varchar NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "ledger_entries_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "ledger_checkpoints_id" integer;
  CREATE UNIQUE INDEX "ledger_entries_seq_idx" ON "ledger_entries" USING btree ("seq");
  CREATE INDEX "ledger_entries_updated_at_idx" ON "ledger_entries" USING btree ("updated_at");
  CREATE INDEX "ledger_entries_created_at_idx" ON "ledger_entries" USING btree ("created_at");
  CREATE UNIQUE INDEX "ledger_checkpoints_tree_size_idx" ON "ledger_checkpoints" USING btree ("tree_size");
  CREATE INDEX "ledger_checkpoints_updated_at_idx" ON "ledger_checkpoints" USING btree ("updated_at");
  CREATE INDEX "ledger_checkpoints_created_at_idx" ON "ledger_checkpoints" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_ledger_entries_fk" FOREIGN KEY ("ledger_entries_id") REFERENCES "public"."ledger_entries"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_ledger_checkpoints_fk" FOREIGN KEY ("ledger_checkpoints_id") REFERENCES "public"."ledger_checkpoints"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_ledger_entries_id_idx" ON "payload_locked_documents_rels" USING btree ("ledger_entries_id");
  CREATE INDEX "payload_locked_documents_rels_ledger_checkpoints_id_idx" ON "payload_locked_documents_rels" USING btree ("ledger_checkpoints_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "ledger_entries" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "ledger_checkpoints" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "ledger_entries" CASCADE;
  DROP TABLE "ledger_checkpoints" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_ledger_entries_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_ledger_checkpoints_fk";
  
  DROP INDEX "payload_locked_documents_rels_ledger_entries_id_idx";
  DROP INDEX "payload_locked_documents_rels_ledger_checkpoints_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "ledger_entries_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "ledger_checkpoints_id";
  DROP TYPE "public"."enum_ledger_entries_kind";`)
}
