import type { MigrateDownArgs, MigrateUpArgs } from '@payloadcms/db-postgres'

import { bindPublishedVersions } from '../../services/ledger/bindPublishedVersions'

// Written by hand, data only: versions published before publications were ledger entries get one
// now (after the migration that added the entry kind, which PostgreSQL lets a transaction use only
// once committed), so verification can compare every version with what the ledger bound.
export async function up({ req }: MigrateUpArgs): Promise<void> {
  await bindPublishedVersions(req)
}

// Ledger entries are never removed.
export async function down(_args: MigrateDownArgs): Promise<void> {}
