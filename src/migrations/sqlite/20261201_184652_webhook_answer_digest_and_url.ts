import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`webhook_deliveries\` ADD \`endpoint_url\` text;`)
  await db.run(sql`ALTER TABLE \`webhook_deliveries\` ADD \`last_answer_bytes\` numeric;`)
  await db.run(sql`ALTER TABLE \`webhook_deliveries\` ADD \`last_answer_sha256\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`webhook_deliveries\` DROP COLUMN \`endpoint_url\`;`)
  await db.run(sql`ALTER TABLE \`webhook_deliveries\` DROP COLUMN \`last_answer_bytes\`;`)
  await db.run(sql`ALTER TABLE \`webhook_deliveries\` DROP COLUMN \`last_answer_sha256\`;`)
}
