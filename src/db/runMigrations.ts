import type { Payload } from 'payload'

import { counted } from '../domain/counted'
import { databaseKind } from '../store/database/databaseKind'
import { migrations as postgresMigrations } from '../migrations/postgres/index'
import { migrations as sqliteMigrations } from '../migrations/sqlite/index'

/** How many migrations the database records as applied (none before the first). */
async function appliedMigrations(payload: Payload): Promise<number> {
  try {
    return (await payload.count({ collection: 'payload-migrations' as never, overrideAccess: true })).totalDocs
  } catch {
    return 0
  }
}

/**
 * Brings an SQL database's schema up to date from the committed migrations; MongoDB has none.
 * Payload logs two lines per migration; a first start says it once: how many were applied.
 */
export async function runMigrations(payload: Payload, databaseUrl: string): Promise<void> {
  const kind = databaseKind(databaseUrl)
  if (kind === 'mongodb') return
  const migrations = kind === 'sqlite' ? sqliteMigrations : postgresMigrations
  const before = await appliedMigrations(payload)
  const level = payload.logger.level
  payload.logger.level = 'warn'
  try {
    await (payload.db as unknown as { migrate: (args: { migrations: unknown[] }) => Promise<void> }).migrate({ migrations })
  } finally {
    payload.logger.level = level
  }
  const applied = (await appliedMigrations(payload)) - before
  if (applied > 0) payload.logger.info(`Database schema brought up to date: ${counted(applied, 'migration')} applied.`)
}
