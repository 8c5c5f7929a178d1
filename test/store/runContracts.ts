import { afterAll, beforeAll, describe } from 'vitest'

import { startTestApp, type TestApp } from '../support/testApp'
import { ALL_CONTRACTS } from './contracts/allContracts'

/**
 * Runs every store contract against one running Assent. The database is the test run's
 * (TEST_DATABASE_URL: SQLite in memory by default, PostgreSQL, MongoDB); `sharedDatabase` asks for
 * a SQLite file instead of memory, the database production runs on.
 */
export function runContracts(label: string, options: { sharedDatabase?: boolean } = {}): void {
  let app: TestApp
  beforeAll(async () => {
    app = await startTestApp(options)
    console.log(`store contracts on ${label}: ${app.database.kind} at ${app.database.url.replace(/\/\/[^@]*@/, '//')}`)
  })
  afterAll(() => app?.close())
  describe(`store contracts (${label})`, () => {
    for (const contract of ALL_CONTRACTS) contract(() => app)
  })
}
