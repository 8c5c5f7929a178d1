import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`policies_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`policies\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`policies_texts_order_parent\` ON \`policies_texts\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`ALTER TABLE \`policy_versions\` ADD \`rules_acceptance_mode\` text;`)
  await db.run(sql`ALTER TABLE \`policy_versions\` ADD \`rules_notice_period_days\` numeric;`)
  await db.run(sql`ALTER TABLE \`policy_versions\` ADD \`rules_require_second_approval\` integer;`)
  await db.run(sql`ALTER TABLE \`_policy_versions_v\` ADD \`version_rules_acceptance_mode\` text;`)
  await db.run(sql`ALTER TABLE \`_policy_versions_v\` ADD \`version_rules_notice_period_days\` numeric;`)
  await db.run(sql`ALTER TABLE \`_policy_versions_v\` ADD \`version_rules_require_second_approval\` integer;`)
  // Data backfill (hand-written): versions published before rules were frozen get their policy's
  // current rules, the best record there is of what they were published under.
  await db.run(sql`UPDATE \`policy_versions\` SET
    \`rules_acceptance_mode\` = (SELECT \`acceptance_mode\` FROM \`policies\` WHERE \`policies\`.\`id\` = \`policy_versions\`.\`policy_id\`),
    \`rules_notice_period_days\` = (SELECT \`notice_period_days\` FROM \`policies\` WHERE \`policies\`.\`id\` = \`policy_versions\`.\`policy_id\`),
    \`rules_require_second_approval\` = (SELECT coalesce(\`require_second_approval\`, 0) FROM \`policies\` WHERE \`policies\`.\`id\` = \`policy_versions\`.\`policy_id\`)
    WHERE \`published_at\` IS NOT NULL;`)
  await db.run(sql`UPDATE \`_policy_versions_v\` SET
    \`version_rules_acceptance_mode\` = (SELECT \`acceptance_mode\` FROM \`policies\` WHERE \`policies\`.\`id\` = \`_policy_versions_v\`.\`version_policy_id\`),
    \`version_rules_notice_period_days\` = (SELECT \`notice_period_days\` FROM \`policies\` WHERE \`policies\`.\`id\` = \`_policy_versions_v\`.\`version_policy_id\`),
    \`version_rules_require_second_approval\` = (SELECT coalesce(\`require_second_approval\`, 0) FROM \`policies\` WHERE \`policies\`.\`id\` = \`_policy_versions_v\`.\`version_policy_id\`)
    WHERE \`version_published_at\` IS NOT NULL;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`policies_texts\`;`)
  await db.run(sql`ALTER TABLE \`policy_versions\` DROP COLUMN \`rules_acceptance_mode\`;`)
  await db.run(sql`ALTER TABLE \`policy_versions\` DROP COLUMN \`rules_notice_period_days\`;`)
  await db.run(sql`ALTER TABLE \`policy_versions\` DROP COLUMN \`rules_require_second_approval\`;`)
  await db.run(sql`ALTER TABLE \`_policy_versions_v\` DROP COLUMN \`version_rules_acceptance_mode\`;`)
  await db.run(sql`ALTER TABLE \`_policy_versions_v\` DROP COLUMN \`version_rules_notice_period_days\`;`)
  await db.run(sql`ALTER TABLE \`_policy_versions_v\` DROP COLUMN \`version_rules_require_second_approval\`;`)
}
