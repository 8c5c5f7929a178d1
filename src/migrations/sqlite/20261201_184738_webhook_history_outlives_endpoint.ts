import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_webhook_deliveries\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`endpoint_id\` integer,
  	\`endpoint_url\` text,
  	\`event\` text NOT NULL,
  	\`event_key\` text NOT NULL,
  	\`body\` text NOT NULL,
  	\`status\` text DEFAULT 'pending' NOT NULL,
  	\`attempts\` numeric DEFAULT 0,
  	\`next_attempt_at\` text,
  	\`last_attempt_at\` text,
  	\`last_status\` numeric,
  	\`last_answer_bytes\` numeric,
  	\`last_answer_sha256\` text,
  	\`last_error\` text,
  	\`delivered_at\` text,
  	\`lease_owner\` text,
  	\`lease_expires_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`endpoint_id\`) REFERENCES \`webhook_endpoints\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_webhook_deliveries\`("id", "endpoint_id", "endpoint_url", "event", "event_key", "body", "status", "attempts", "next_attempt_at", "last_attempt_at", "last_status", "last_answer_bytes", "last_answer_sha256", "last_error", "delivered_at", "lease_owner", "lease_expires_at", "updated_at", "created_at") SELECT "id", "endpoint_id", "endpoint_url", "event", "event_key", "body", "status", "attempts", "next_attempt_at", "last_attempt_at", "last_status", "last_answer_bytes", "last_answer_sha256", "last_error", "delivered_at", "lease_owner", "lease_expires_at", "updated_at", "created_at" FROM \`webhook_deliveries\`;`)
  await db.run(sql`DROP TABLE \`webhook_deliveries\`;`)
  await db.run(sql`ALTER TABLE \`__new_webhook_deliveries\` RENAME TO \`webhook_deliveries\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`webhook_deliveries_endpoint_idx\` ON \`webhook_deliveries\` (\`endpoint_id\`);`)
  await db.run(sql`CREATE INDEX \`webhook_deliveries_next_attempt_at_idx\` ON \`webhook_deliveries\` (\`next_attempt_at\`);`)
  await db.run(sql`CREATE INDEX \`webhook_deliveries_updated_at_idx\` ON \`webhook_deliveries\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`webhook_deliveries_created_at_idx\` ON \`webhook_deliveries\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`endpoint_eventKey_idx\` ON \`webhook_deliveries\` (\`endpoint_id\`,\`event_key\`);`)
  await db.run(sql`CREATE INDEX \`status_leaseExpiresAt_1_idx\` ON \`webhook_deliveries\` (\`status\`,\`lease_expires_at\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_webhook_deliveries\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`endpoint_id\` integer NOT NULL,
  	\`endpoint_url\` text,
  	\`event\` text NOT NULL,
  	\`event_key\` text NOT NULL,
  	\`body\` text NOT NULL,
  	\`status\` text DEFAULT 'pending' NOT NULL,
  	\`attempts\` numeric DEFAULT 0,
  	\`next_attempt_at\` text,
  	\`last_attempt_at\` text,
  	\`last_status\` numeric,
  	\`last_answer_bytes\` numeric,
  	\`last_answer_sha256\` text,
  	\`last_error\` text,
  	\`delivered_at\` text,
  	\`lease_owner\` text,
  	\`lease_expires_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`endpoint_id\`) REFERENCES \`webhook_endpoints\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_webhook_deliveries\`("id", "endpoint_id", "endpoint_url", "event", "event_key", "body", "status", "attempts", "next_attempt_at", "last_attempt_at", "last_status", "last_answer_bytes", "last_answer_sha256", "last_error", "delivered_at", "lease_owner", "lease_expires_at", "updated_at", "created_at") SELECT "id", "endpoint_id", "endpoint_url", "event", "event_key", "body", "status", "attempts", "next_attempt_at", "last_attempt_at", "last_status", "last_answer_bytes", "last_answer_sha256", "last_error", "delivered_at", "lease_owner", "lease_expires_at", "updated_at", "created_at" FROM \`webhook_deliveries\`;`)
  await db.run(sql`DROP TABLE \`webhook_deliveries\`;`)
  await db.run(sql`ALTER TABLE \`__new_webhook_deliveries\` RENAME TO \`webhook_deliveries\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`webhook_deliveries_endpoint_idx\` ON \`webhook_deliveries\` (\`endpoint_id\`);`)
  await db.run(sql`CREATE INDEX \`webhook_deliveries_next_attempt_at_idx\` ON \`webhook_deliveries\` (\`next_attempt_at\`);`)
  await db.run(sql`CREATE INDEX \`webhook_deliveries_updated_at_idx\` ON \`webhook_deliveries\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`webhook_deliveries_created_at_idx\` ON \`webhook_deliveries\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`endpoint_eventKey_idx\` ON \`webhook_deliveries\` (\`endpoint_id\`,\`event_key\`);`)
  await db.run(sql`CREATE INDEX \`status_leaseExpiresAt_1_idx\` ON \`webhook_deliveries\` (\`status\`,\`lease_expires_at\`);`)
}
