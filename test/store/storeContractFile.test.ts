import { describe, it } from 'vitest'

import { runContracts } from './runContracts'

// The store contracts on a SQLite file, the database `npm start` runs on: Assent's own connection
// and the grouped writes exist only for a file. On PostgreSQL or MongoDB storeContract.test.ts
// already covers the database.
const server = process.env.TEST_DATABASE_URL
if (server) {
  console.log(`storeContractFile: skipped, TEST_DATABASE_URL names another database (${server.startsWith('mongodb') ? 'MongoDB' : 'PostgreSQL'}); storeContract.test.ts runs the contracts there`)
  describe.skip('store contracts (SQLite file)', () => it('runs on SQLite only'))
} else {
  runContracts('a SQLite file', { sharedDatabase: true })
}
