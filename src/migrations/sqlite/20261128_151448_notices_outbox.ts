import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`notices\` ADD \`address\` text;`)
  await db.run(sql`ALTER TABLE \`notices\` ADD \`message_id\` text;`)
  await db.run(sql`ALTER TABLE \`notices\` ADD \`message_hash\` text;`)
  await db.run(sql`ALTER TABLE \`notices\` ADD \`attempts\` numeric DEFAULT 0;`)
  await db.run(sql`ALTER TABLE \`notices\` ADD \`last_attempt_at\` text;`)
  await db.run(sql`ALTER TABLE \`notices\` ADD \`last_reply\` text;`)
  await db.run(sql`ALTER TABLE \`notices\` ADD \`next_attempt_at\` text;`)
  await db.run(sql`ALTER TABLE \`notices\` ADD \`lease_owner\` text;`)
  await db.run(sql`ALTER TABLE \`notices\` ADD \`lease_expires_at\` text;`)
  await db.run(sql`CREATE INDEX \`status_nextAttemptAt_idx\` ON \`notices\` (\`status\`,\`next_attempt_at\`);`)
  await db.run(sql`CREATE INDEX \`version_channel_status_idx\` ON \`notices\` (\`version_id\`,\`channel\`,\`status\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`status_nextAttemptAt_idx\`;`)
  await db.run(sql`DROP INDEX \`version_channel_status_idx\`;`)
  await db.run(sql`ALTER TABLE \`notices\` DROP COLUMN \`address\`;`)
  await db.run(sql`ALTER TABLE \`notices\` DROP COLUMN \`message_id\`;`)
  await db.run(sql`ALTER TABLE \`notices\` DROP COLUMN \`message_hash\`;`)
  await db.run(sql`ALTER TABLE \`notices\` DROP COLUMN \`attempts\`;`)
  await db.run(sql`ALTER TABLE \`notices\` DROP COLUMN \`last_attempt_at\`;`)
  await db.run(sql`ALTER TABLE \`notices\` DROP COLUMN \`last_reply\`;`)
  await db.run(sql`ALTER TABLE \`notices\` DROP COLUMN \`next_attempt_at\`;`)
  await db.run(sql`ALTER TABLE \`notices\` DROP COLUMN \`lease_owner\`;`)
  await db.run(sql`ALTER TABLE \`notices\` DROP COLUMN \`lease_expires_at\`;`)
}
