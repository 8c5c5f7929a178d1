import { sql } from '@payloadcms/db-postgres/drizzle'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { sqlRows } from '../../src/db/payloadQuery'
import type { SqlAdapter } from '../../src/db/sqlSession'
import { upsertSubjects } from '../../src/services/subjects/upsertSubjects'
import { publishVersion, termsInForce } from '../support/notices'
import { startTestApp, type TestApp } from '../support/testApp'

const onPostgres = process.env.TEST_DATABASE_URL?.startsWith('postgres') ?? false
if (!onPostgres) console.log("noticeStatistics: skipped, it reads PostgreSQL's table statistics and TEST_DATABASE_URL names no PostgreSQL server")

const SUBJECTS = 300
let app: TestApp
beforeAll(async () => {
  if (onPostgres) app = await startTestApp()
})
afterAll(() => app?.close())

describe.skipIf(!onPostgres)("a publication's notices on PostgreSQL", () => {
  it("leave the notices table's statistics counting them, so the workers' reads are planned on the table as it now is", async () => {
    const adapter = app.payload.db as unknown as SqlAdapter
    const statistics = async () => Number((await sqlRows(adapter, sql`select reltuples from pg_class where oid = 'notices'::regclass`))[0].reltuples)
    const policy = await termsInForce(app.payload)
    await upsertSubjects(app.payload, Array.from({ length: SUBJECTS }, (_, i) => ({ externalId: `statistics-${i}`, email: `statistics-${i}@example.com` })))
    const before = await statistics()
    await publishVersion(app.payload, policy.id, 'informational', '# Terms\n\nOne.\n\nTwo.')

    const { totalDocs } = await app.payload.count({ collection: 'notices' })
    expect(totalDocs).toBeGreaterThanOrEqual(2 * SUBJECTS)
    expect(before).toBeLessThan(totalDocs)
    // A table this small is read whole by ANALYZE: the count is exact.
    expect(await statistics()).toBe(totalDocs)
  }, 60_000)
})
