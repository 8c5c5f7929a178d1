import type { Payload } from 'payload'

import { databaseKind } from '../config/databaseKind'
import { migrations as postgresMigrations } from '../migrations/postgres/index'
import { migrations as sqliteMigrations } from '../migrations/sqlite/index'

/** Brings an SQL database's schema up to date from the committed migrations; MongoDB has none. */
export async function runMigrations(payload: Payload, databaseUrl: string): Promise<void> {
  const kind = databaseKind(databaseUrl)
  if (kind === 'mongodb') return
  const migrations = kind === 'sqlite' ? sqliteMigrations : postgresMigrations
  await (payload.db as unknown as { migrate: (args: { migrations: unknown[] }) => Promise<void> })
    .migrate({ migrations })
}
