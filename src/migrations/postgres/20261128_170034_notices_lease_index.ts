import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "status_nextAttemptAt_idx";
  CREATE INDEX "status_leaseExpiresAt_idx" ON "notices" USING btree ("status","lease_expires_at");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "status_leaseExpiresAt_idx";
  CREATE INDEX "status_nextAttemptAt_idx" ON "notices" USING btree ("status","next_attempt_at");`)
}
