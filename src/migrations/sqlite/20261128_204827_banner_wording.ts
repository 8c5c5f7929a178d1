import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`banner_template\` ADD \`intro\` text;`)
  await db.run(sql`ALTER TABLE \`banner_template\` ADD \`changes_link_label\` text;`)
  await db.run(sql`ALTER TABLE \`banner_template\` ADD \`full_text_label\` text;`)
  await db.run(sql`ALTER TABLE \`banner_template\` ADD \`consent_lead\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`banner_template\` DROP COLUMN \`intro\`;`)
  await db.run(sql`ALTER TABLE \`banner_template\` DROP COLUMN \`changes_link_label\`;`)
  await db.run(sql`ALTER TABLE \`banner_template\` DROP COLUMN \`full_text_label\`;`)
  await db.run(sql`ALTER TABLE \`banner_template\` DROP COLUMN \`consent_lead\`;`)
}
