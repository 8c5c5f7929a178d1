import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TABLE "ledger_nodes" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"level" numeric NOT NULL,
  	"start" numeric NOT NULL,
  	"hash" varchar NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "ledger_entries" ADD COLUMN "subject" varchar;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "ledger_nodes_id" integer;
  CREATE INDEX "ledger_nodes_updated_at_idx" ON "ledger_nodes" USING btree ("updated_at");
  CREATE INDEX "ledger_nodes_created_at_idx" ON "ledger_nodes" USING btree ("created_at");
  CREATE UNIQUE INDEX "level_start_idx" ON "ledger_nodes" USING btree ("level","start");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_ledger_nodes_fk" FOREIGN KEY ("ledger_nodes_id") REFERENCES "public"."ledger_nodes"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "kind_seq_idx" ON "ledger_entries" USING btree ("kind","seq");
  CREATE INDEX "subject_seq_idx" ON "ledger_entries" USING btree ("subject","seq");
  CREATE INDEX "payload_locked_documents_rels_ledger_nodes_id_idx" ON "payload_locked_documents_rels" USING btree ("ledger_nodes_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "ledger_nodes" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "ledger_nodes" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_ledger_nodes_fk";
  
  DROP INDEX "kind_seq_idx";
  DROP INDEX "subject_seq_idx";
  DROP INDEX "payload_locked_documents_rels_ledger_nodes_id_idx";
  ALTER TABLE "ledger_entries" DROP COLUMN "subject";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "ledger_nodes_id";`)
}
