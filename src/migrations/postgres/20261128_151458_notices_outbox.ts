import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "notices" ADD COLUMN "address" varchar;
  ALTER TABLE "notices" ADD COLUMN "message_id" varchar;
  ALTER TABLE "notices" ADD COLUMN "message_hash" varchar;
  ALTER TABLE "notices" ADD COLUMN "attempts" numeric DEFAULT 0;
  ALTER TABLE "notices" ADD COLUMN "last_attempt_at" timestamp(3) with time zone;
  ALTER TABLE "notices" ADD COLUMN "last_reply" varchar;
  ALTER TABLE "notices" ADD COLUMN "next_attempt_at" timestamp(3) with time zone;
  ALTER TABLE "notices" ADD COLUMN "lease_owner" varchar;
  ALTER TABLE "notices" ADD COLUMN "lease_expires_at" timestamp(3) with time zone;
  CREATE INDEX "status_nextAttemptAt_idx" ON "notices" USING btree ("status","next_attempt_at");
  CREATE INDEX "version_channel_status_idx" ON "notices" USING btree ("version_id","channel","status");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "status_nextAttemptAt_idx";
  DROP INDEX "version_channel_status_idx";
  ALTER TABLE "notices" DROP COLUMN "address";
  ALTER TABLE "notices" DROP COLUMN "message_id";
  ALTER TABLE "notices" DROP COLUMN "message_hash";
  ALTER TABLE "notices" DROP COLUMN "attempts";
  ALTER TABLE "notices" DROP COLUMN "last_attempt_at";
  ALTER TABLE "notices" DROP COLUMN "last_reply";
  ALTER TABLE "notices" DROP COLUMN "next_attempt_at";
  ALTER TABLE "notices" DROP COLUMN "lease_owner";
  ALTER TABLE "notices" DROP COLUMN "lease_expires_at";`)
}
