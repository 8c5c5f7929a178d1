import type { MigrateDownArgs, MigrateUpArgs } from '@payloadcms/db-postgres'

import { bindSubjects } from '../../services/subjects/bindSubjects'

// Written by hand, data only: subjects created before who a subject is was bound get their entry
// now (after the migration that added the entry kind, which PostgreSQL lets a transaction use only
// once committed), so verification can compare every subject's external id with the ledger.
export async function up({ req }: MigrateUpArgs): Promise<void> {
  await bindSubjects(req)
}

// Ledger entries are never removed.
export async function down(_args: MigrateDownArgs): Promise<void> {}
