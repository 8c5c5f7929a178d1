import type { DatabaseAdapterObj } from 'payload'

import { createDatabaseAdapter } from '../../db/createDatabaseAdapter'
import { databaseKind } from './databaseKind'

/** What Payload's config takes from the database a `DATABASE_URL` names. */
export interface DatabaseConfig {
  db: DatabaseAdapterObj
  /** A collection whose unique index covers a field that is null on drafts, as this database can
   * keep it: MongoDB indexes nulls, so there the index is left out and the publishing transaction
   * alone keeps version numbers unique. */
  withNullableUniqueIndex: <T extends { indexes?: unknown[] }>(collection: T) => T
}

/** The database settings of Payload's config, chosen once from `databaseUrl`. */
export function databaseConfig(databaseUrl: string): DatabaseConfig {
  const mongo = databaseKind(databaseUrl) === 'mongodb'
  return {
    db: createDatabaseAdapter(databaseUrl),
    withNullableUniqueIndex: (collection) => (mongo ? { ...collection, indexes: [] } : collection),
  }
}
