import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`status_nextAttemptAt_idx\`;`)
  await db.run(sql`CREATE INDEX \`status_leaseExpiresAt_idx\` ON \`notices\` (\`status\`,\`lease_expires_at\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`status_leaseExpiresAt_idx\`;`)
  await db.run(sql`CREATE INDEX \`status_nextAttemptAt_idx\` ON \`notices\` (\`status\`,\`next_attempt_at\`);`)
}
