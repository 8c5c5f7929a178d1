import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`banner_template_translations\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`locale\` text NOT NULL,
  	\`intro\` text,
  	\`changes_link_label\` text,
  	\`full_text_label\` text,
  	\`consent_lead\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`banner_template\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`banner_template_translations_order_idx\` ON \`banner_template_translations\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`banner_template_translations_parent_id_idx\` ON \`banner_template_translations\` (\`_parent_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`banner_template_translations\`;`)
}
