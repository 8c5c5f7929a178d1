import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`banner_template\` DROP COLUMN \`html\`;`)
  await db.run(sql`ALTER TABLE \`banner_template\` DROP COLUMN \`text\`;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`banner_template\` ADD \`html\` text;`)
  await db.run(sql`ALTER TABLE \`banner_template\` ADD \`text\` text;`)
}
