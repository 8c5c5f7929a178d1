import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { postgresAdapter } from '@payloadcms/db-postgres'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import type { DatabaseAdapterObj } from 'payload'

import { databaseKind } from '../store/database/databaseKind'

const migrationsRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../migrations')

/**
 * Payload's official adapter for a `DATABASE_URL`. Schema push is off everywhere: SQL databases
 * get their schema from the committed migrations (`runMigrations` at start), MongoDB needs none.
 */
export function createDatabaseAdapter(url: string): DatabaseAdapterObj {
  switch (databaseKind(url)) {
    case 'sqlite':
      return sqliteAdapter({
        client: { url },
        push: false,
        migrationDir: path.join(migrationsRoot, 'sqlite'),
        transactionOptions: {},
        // A SQLite lock is waited for synchronously: a busy timeout would stop the whole process.
        // Writes wait for the lock asynchronously instead (db/sqliteTurns.ts).
        busyTimeout: 0,
        wal: url.includes(':memory:') ? false : true,
      })
    case 'postgres':
      return postgresAdapter({
        pool: { connectionString: url, max: 10 },
        push: false,
        migrationDir: path.join(migrationsRoot, 'postgres'),
      })
    case 'mongodb':
      return mongooseAdapter({ url, transactionOptions: {} })
  }
}
