import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`policies\` ADD \`require_second_approval\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`policy_versions\` ADD \`approved_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`policy_versions\` ADD \`approved_at\` text;`)
  await db.run(sql`ALTER TABLE \`policy_versions\` ADD \`approval_digest\` text;`)
  await db.run(sql`CREATE INDEX \`policy_versions_approved_by_idx\` ON \`policy_versions\` (\`approved_by_id\`);`)
  await db.run(sql`ALTER TABLE \`_policy_versions_v\` ADD \`version_approved_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`_policy_versions_v\` ADD \`version_approved_at\` text;`)
  await db.run(sql`ALTER TABLE \`_policy_versions_v\` ADD \`version_approval_digest\` text;`)
  await db.run(sql`CREATE INDEX \`_policy_versions_v_version_version_approved_by_idx\` ON \`_policy_versions_v\` (\`version_approved_by_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_policy_versions\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`policy_id\` integer,
  	\`change_class\` text,
  	\`summary\` text,
  	\`effective_at\` text,
  	\`effective_override_reason\` text,
  	\`body\` text,
  	\`version\` numeric,
  	\`published_at\` text,
  	\`published_by_id\` integer,
  	\`content_hash\` text,
  	\`text\` text,
  	\`html\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`policy_id\`) REFERENCES \`policies\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`published_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_policy_versions\`("id", "policy_id", "change_class", "summary", "effective_at", "effective_override_reason", "body", "version", "published_at", "published_by_id", "content_hash", "text", "html", "updated_at", "created_at", "_status") SELECT "id", "policy_id", "change_class", "summary", "effective_at", "effective_override_reason", "body", "version", "published_at", "published_by_id", "content_hash", "text", "html", "updated_at", "created_at", "_status" FROM \`policy_versions\`;`)
  await db.run(sql`DROP TABLE \`policy_versions\`;`)
  await db.run(sql`ALTER TABLE \`__new_policy_versions\` RENAME TO \`policy_versions\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`policy_versions_policy_idx\` ON \`policy_versions\` (\`policy_id\`);`)
  await db.run(sql`CREATE INDEX \`policy_versions_effective_at_idx\` ON \`policy_versions\` (\`effective_at\`);`)
  await db.run(sql`CREATE INDEX \`policy_versions_version_idx\` ON \`policy_versions\` (\`version\`);`)
  await db.run(sql`CREATE INDEX \`policy_versions_published_at_idx\` ON \`policy_versions\` (\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`policy_versions_published_by_idx\` ON \`policy_versions\` (\`published_by_id\`);`)
  await db.run(sql`CREATE INDEX \`policy_versions_updated_at_idx\` ON \`policy_versions\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`policy_versions_created_at_idx\` ON \`policy_versions\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`policy_versions__status_idx\` ON \`policy_versions\` (\`_status\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`policy_version_idx\` ON \`policy_versions\` (\`policy_id\`,\`version\`);`)
  await db.run(sql`CREATE TABLE \`__new__policy_versions_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_policy_id\` integer,
  	\`version_change_class\` text,
  	\`version_summary\` text,
  	\`version_effective_at\` text,
  	\`version_effective_override_reason\` text,
  	\`version_body\` text,
  	\`version_version\` numeric,
  	\`version_published_at\` text,
  	\`version_published_by_id\` integer,
  	\`version_content_hash\` text,
  	\`version_text\` text,
  	\`version_html\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	\`autosave\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`policy_versions\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_policy_id\`) REFERENCES \`policies\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_published_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__policy_versions_v\`("id", "parent_id", "version_policy_id", "version_change_class", "version_summary", "version_effective_at", "version_effective_override_reason", "version_body", "version_version", "version_published_at", "version_published_by_id", "version_content_hash", "version_text", "version_html", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest", "autosave") SELECT "id", "parent_id", "version_policy_id", "version_change_class", "version_summary", "version_effective_at", "version_effective_override_reason", "version_body", "version_version", "version_published_at", "version_published_by_id", "version_content_hash", "version_text", "version_html", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest", "autosave" FROM \`_policy_versions_v\`;`)
  await db.run(sql`DROP TABLE \`_policy_versions_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__policy_versions_v\` RENAME TO \`_policy_versions_v\`;`)
  await db.run(sql`CREATE INDEX \`_policy_versions_v_parent_idx\` ON \`_policy_versions_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_policy_versions_v_version_version_policy_idx\` ON \`_policy_versions_v\` (\`version_policy_id\`);`)
  await db.run(sql`CREATE INDEX \`_policy_versions_v_version_version_effective_at_idx\` ON \`_policy_versions_v\` (\`version_effective_at\`);`)
  await db.run(sql`CREATE INDEX \`_policy_versions_v_version_version_version_idx\` ON \`_policy_versions_v\` (\`version_version\`);`)
  await db.run(sql`CREATE INDEX \`_policy_versions_v_version_version_published_at_idx\` ON \`_policy_versions_v\` (\`version_published_at\`);`)
  await db.run(sql`CREATE INDEX \`_policy_versions_v_version_version_published_by_idx\` ON \`_policy_versions_v\` (\`version_published_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_policy_versions_v_version_version_updated_at_idx\` ON \`_policy_versions_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_policy_versions_v_version_version_created_at_idx\` ON \`_policy_versions_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_policy_versions_v_version_version__status_idx\` ON \`_policy_versions_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_policy_versions_v_created_at_idx\` ON \`_policy_versions_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_policy_versions_v_updated_at_idx\` ON \`_policy_versions_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_policy_versions_v_latest_idx\` ON \`_policy_versions_v\` (\`latest\`);`)
  await db.run(sql`CREATE INDEX \`_policy_versions_v_autosave_idx\` ON \`_policy_versions_v\` (\`autosave\`);`)
  await db.run(sql`CREATE INDEX \`version_policy_version_version_idx\` ON \`_policy_versions_v\` (\`version_policy_id\`,\`version_version\`);`)
  await db.run(sql`ALTER TABLE \`policies\` DROP COLUMN \`require_second_approval\`;`)
}
