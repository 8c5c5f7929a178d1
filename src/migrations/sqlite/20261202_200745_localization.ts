import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`version_translations\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`version_id\` integer,
  	\`locale\` text,
  	\`summary\` text,
  	\`body\` text,
  	\`policy_id\` integer,
  	\`version_number\` numeric,
  	\`frozen_at\` text,
  	\`frozen_by_id\` integer,
  	\`content_hash\` text,
  	\`text\` text,
  	\`html\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`version_id\`) REFERENCES \`policy_versions\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`policy_id\`) REFERENCES \`policies\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`frozen_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`version_translations_version_idx\` ON \`version_translations\` (\`version_id\`);`)
  await db.run(sql`CREATE INDEX \`version_translations_policy_idx\` ON \`version_translations\` (\`policy_id\`);`)
  await db.run(sql`CREATE INDEX \`version_translations_frozen_at_idx\` ON \`version_translations\` (\`frozen_at\`);`)
  await db.run(sql`CREATE INDEX \`version_translations_frozen_by_idx\` ON \`version_translations\` (\`frozen_by_id\`);`)
  await db.run(sql`CREATE INDEX \`version_translations_updated_at_idx\` ON \`version_translations\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`version_translations_created_at_idx\` ON \`version_translations\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`version_translations__status_idx\` ON \`version_translations\` (\`_status\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`version_locale_idx\` ON \`version_translations\` (\`version_id\`,\`locale\`);`)
  await db.run(sql`CREATE TABLE \`_version_translations_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_version_id\` integer,
  	\`version_locale\` text,
  	\`version_summary\` text,
  	\`version_body\` text,
  	\`version_policy_id\` integer,
  	\`version_version_number\` numeric,
  	\`version_frozen_at\` text,
  	\`version_frozen_by_id\` integer,
  	\`version_content_hash\` text,
  	\`version_text\` text,
  	\`version_html\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`version_translations\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_version_id\`) REFERENCES \`policy_versions\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_policy_id\`) REFERENCES \`policies\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_frozen_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_version_translations_v_parent_idx\` ON \`_version_translations_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_version_translations_v_version_version_version_idx\` ON \`_version_translations_v\` (\`version_version_id\`);`)
  await db.run(sql`CREATE INDEX \`_version_translations_v_version_version_policy_idx\` ON \`_version_translations_v\` (\`version_policy_id\`);`)
  await db.run(sql`CREATE INDEX \`_version_translations_v_version_version_frozen_at_idx\` ON \`_version_translations_v\` (\`version_frozen_at\`);`)
  await db.run(sql`CREATE INDEX \`_version_translations_v_version_version_frozen_by_idx\` ON \`_version_translations_v\` (\`version_frozen_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_version_translations_v_version_version_updated_at_idx\` ON \`_version_translations_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_version_translations_v_version_version_created_at_idx\` ON \`_version_translations_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_version_translations_v_version_version__status_idx\` ON \`_version_translations_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_version_translations_v_created_at_idx\` ON \`_version_translations_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_version_translations_v_updated_at_idx\` ON \`_version_translations_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_version_translations_v_latest_idx\` ON \`_version_translations_v\` (\`latest\`);`)
  await db.run(sql`CREATE INDEX \`version_version_version_locale_idx\` ON \`_version_translations_v\` (\`version_version_id\`,\`version_locale\`);`)
  await db.run(sql`CREATE TABLE \`site_languages\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`default_locale\` text,
  	\`locales\` text,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
  await db.run(sql`ALTER TABLE \`policy_versions\` ADD \`locale\` text;`)
  await db.run(sql`ALTER TABLE \`_policy_versions_v\` ADD \`version_locale\` text;`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`version_translations_id\` integer REFERENCES version_translations(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_version_translations_id_idx\` ON \`payload_locked_documents_rels\` (\`version_translations_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`version_translations\`;`)
  await db.run(sql`DROP TABLE \`_version_translations_v\`;`)
  await db.run(sql`DROP TABLE \`site_languages\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`users_id\` integer,
  	\`policies_id\` integer,
  	\`policy_versions_id\` integer,
  	\`subjects_id\` integer,
  	\`acceptances_id\` integer,
  	\`notices_id\` integer,
  	\`ledger_entries_id\` integer,
  	\`ledger_checkpoints_id\` integer,
  	\`ledger_nodes_id\` integer,
  	\`access_records_id\` integer,
  	\`api_keys_id\` integer,
  	\`idempotency_records_id\` integer,
  	\`webhook_endpoints_id\` integer,
  	\`webhook_deliveries_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`policies_id\`) REFERENCES \`policies\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`policy_versions_id\`) REFERENCES \`policy_versions\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`subjects_id\`) REFERENCES \`subjects\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`acceptances_id\`) REFERENCES \`acceptances\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`notices_id\`) REFERENCES \`notices\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`ledger_entries_id\`) REFERENCES \`ledger_entries\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`ledger_checkpoints_id\`) REFERENCES \`ledger_checkpoints\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`ledger_nodes_id\`) REFERENCES \`ledger_nodes\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`access_records_id\`) REFERENCES \`access_records\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`api_keys_id\`) REFERENCES \`api_keys\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`idempotency_records_id\`) REFERENCES \`idempotency_records\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`webhook_endpoints_id\`) REFERENCES \`webhook_endpoints\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`webhook_deliveries_id\`) REFERENCES \`webhook_deliveries\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "users_id", "policies_id", "policy_versions_id", "subjects_id", "acceptances_id", "notices_id", "ledger_entries_id", "ledger_checkpoints_id", "ledger_nodes_id", "access_records_id", "api_keys_id", "idempotency_records_id", "webhook_endpoints_id", "webhook_deliveries_id") SELECT "id", "order", "parent_id", "path", "users_id", "policies_id", "policy_versions_id", "subjects_id", "acceptances_id", "notices_id", "ledger_entries_id", "ledger_checkpoints_id", "ledger_nodes_id", "access_records_id", "api_keys_id", "idempotency_records_id", "webhook_endpoints_id", "webhook_deliveries_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_policies_id_idx\` ON \`payload_locked_documents_rels\` (\`policies_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_policy_versions_id_idx\` ON \`payload_locked_documents_rels\` (\`policy_versions_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_subjects_id_idx\` ON \`payload_locked_documents_rels\` (\`subjects_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_acceptances_id_idx\` ON \`payload_locked_documents_rels\` (\`acceptances_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_notices_id_idx\` ON \`payload_locked_documents_rels\` (\`notices_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_ledger_entries_id_idx\` ON \`payload_locked_documents_rels\` (\`ledger_entries_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_ledger_checkpoints_id_idx\` ON \`payload_locked_documents_rels\` (\`ledger_checkpoints_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_ledger_nodes_id_idx\` ON \`payload_locked_documents_rels\` (\`ledger_nodes_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_access_records_id_idx\` ON \`payload_locked_documents_rels\` (\`access_records_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_api_keys_id_idx\` ON \`payload_locked_documents_rels\` (\`api_keys_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_idempotency_records_id_idx\` ON \`payload_locked_documents_rels\` (\`idempotency_records_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_webhook_endpoints_id_idx\` ON \`payload_locked_documents_rels\` (\`webhook_endpoints_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_webhook_deliveries_id_idx\` ON \`payload_locked_documents_rels\` (\`webhook_deliveries_id\`);`)
  await db.run(sql`ALTER TABLE \`policy_versions\` DROP COLUMN \`locale\`;`)
  await db.run(sql`ALTER TABLE \`_policy_versions_v\` DROP COLUMN \`version_locale\`;`)
}
