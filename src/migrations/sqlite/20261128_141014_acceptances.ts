import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`acceptances\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`subject_id\` integer NOT NULL,
  	\`policy_id\` integer NOT NULL,
  	\`version_id\` integer NOT NULL,
  	\`version_number\` numeric NOT NULL,
  	\`method\` text NOT NULL,
  	\`source\` text NOT NULL,
  	\`content_hash\` text NOT NULL,
  	\`locale\` text,
  	\`accepted_at\` text NOT NULL,
  	\`ip\` text,
  	\`user_agent\` text,
  	\`idempotency_key\` text,
  	\`notices\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`subject_id\`) REFERENCES \`subjects\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`policy_id\`) REFERENCES \`policies\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_id\`) REFERENCES \`policy_versions\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`acceptances_subject_idx\` ON \`acceptances\` (\`subject_id\`);`)
  await db.run(sql`CREATE INDEX \`acceptances_policy_idx\` ON \`acceptances\` (\`policy_id\`);`)
  await db.run(sql`CREATE INDEX \`acceptances_version_idx\` ON \`acceptances\` (\`version_id\`);`)
  await db.run(sql`CREATE INDEX \`acceptances_accepted_at_idx\` ON \`acceptances\` (\`accepted_at\`);`)
  await db.run(sql`CREATE INDEX \`acceptances_idempotency_key_idx\` ON \`acceptances\` (\`idempotency_key\`);`)
  await db.run(sql`CREATE INDEX \`acceptances_updated_at_idx\` ON \`acceptances\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`acceptances_created_at_idx\` ON \`acceptances\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`subject_version_idx\` ON \`acceptances\` (\`subject_id\`,\`version_id\`);`)
  await db.run(sql`CREATE TABLE \`notices\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`subject_id\` integer NOT NULL,
  	\`policy_id\` integer NOT NULL,
  	\`version_id\` integer NOT NULL,
  	\`version_number\` numeric NOT NULL,
  	\`channel\` text NOT NULL,
  	\`status\` text NOT NULL,
  	\`reached_at\` text,
  	\`dismissed_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`subject_id\`) REFERENCES \`subjects\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`policy_id\`) REFERENCES \`policies\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_id\`) REFERENCES \`policy_versions\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`notices_subject_idx\` ON \`notices\` (\`subject_id\`);`)
  await db.run(sql`CREATE INDEX \`notices_policy_idx\` ON \`notices\` (\`policy_id\`);`)
  await db.run(sql`CREATE INDEX \`notices_version_idx\` ON \`notices\` (\`version_id\`);`)
  await db.run(sql`CREATE INDEX \`notices_updated_at_idx\` ON \`notices\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`notices_created_at_idx\` ON \`notices\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`subject_version_channel_idx\` ON \`notices\` (\`subject_id\`,\`version_id\`,\`channel\`);`)
  await db.run(sql`CREATE TABLE \`api_keys\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`scope\` text NOT NULL,
  	\`key_prefix\` text,
  	\`key_hash\` text,
  	\`revoked_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`api_keys_key_hash_idx\` ON \`api_keys\` (\`key_hash\`);`)
  await db.run(sql`CREATE INDEX \`api_keys_updated_at_idx\` ON \`api_keys\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`api_keys_created_at_idx\` ON \`api_keys\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`idempotency_records\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`request_hash\` text NOT NULL,
  	\`status\` numeric NOT NULL,
  	\`response\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`idempotency_records_key_idx\` ON \`idempotency_records\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`idempotency_records_updated_at_idx\` ON \`idempotency_records\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`idempotency_records_created_at_idx\` ON \`idempotency_records\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`banner_template\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`html\` text,
  	\`text\` text,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`acceptances_id\` integer REFERENCES acceptances(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`notices_id\` integer REFERENCES notices(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`api_keys_id\` integer REFERENCES api_keys(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`idempotency_records_id\` integer REFERENCES idempotency_records(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_acceptances_id_idx\` ON \`payload_locked_documents_rels\` (\`acceptances_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_notices_id_idx\` ON \`payload_locked_documents_rels\` (\`notices_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_api_keys_id_idx\` ON \`payload_locked_documents_rels\` (\`api_keys_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_idempotency_records_id_idx\` ON \`payload_locked_documents_rels\` (\`idempotency_records_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`acceptances\`;`)
  await db.run(sql`DROP TABLE \`notices\`;`)
  await db.run(sql`DROP TABLE \`api_keys\`;`)
  await db.run(sql`DROP TABLE \`idempotency_records\`;`)
  await db.run(sql`DROP TABLE \`banner_template\`;`)
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
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`policies_id\`) REFERENCES \`policies\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`policy_versions_id\`) REFERENCES \`policy_versions\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`subjects_id\`) REFERENCES \`subjects\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "users_id", "policies_id", "policy_versions_id", "subjects_id") SELECT "id", "order", "parent_id", "path", "users_id", "policies_id", "policy_versions_id", "subjects_id" FROM \`payload_locked_documents_rels\`;`)
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
}
