import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "webhook_deliveries" ADD COLUMN "endpoint_url" varchar;
  ALTER TABLE "webhook_deliveries" ADD COLUMN "last_answer_bytes" numeric;
  ALTER TABLE "webhook_deliveries" ADD COLUMN "last_answer_sha256" varchar;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "webhook_deliveries" DROP COLUMN "endpoint_url";
  ALTER TABLE "webhook_deliveries" DROP COLUMN "last_answer_bytes";
  ALTER TABLE "webhook_deliveries" DROP COLUMN "last_answer_sha256";`)
}
