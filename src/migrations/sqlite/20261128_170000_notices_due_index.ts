import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

// Written by hand: Payload cannot declare a partial index. Only notices waiting for an attempt
// have a next attempt time; workers ask for the next due ones in that order. Without this index
// every claim sorted all open notices, and a 100,000-notice outbox slowed down as it went.
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.run(sql`UPDATE "notices" SET "next_attempt_at" = NULL WHERE "channel" <> 'email' OR "status" NOT IN ('pending', 'uncertain');`)
  await db.run(sql`CREATE INDEX "notices_due_idx" ON "notices" ("next_attempt_at", "id") WHERE "next_attempt_at" IS NOT NULL;`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX "notices_due_idx";`)
}
