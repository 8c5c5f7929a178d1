import { sql } from '@payloadcms/db-postgres/drizzle'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { SqlAdapter } from '../../src/db/sqlSession'
import { heldUpdate } from '../../src/store/outbox/sqlNoticeTransitions'
import type { NoticeTransition } from '../../src/store/outbox'
import { startTestApp, type TestApp } from '../support/testApp'

const onSqlite = !process.env.TEST_DATABASE_URL
if (!onSqlite) console.log("noticeTransitionPlan: skipped, it reads SQLite's query plan and TEST_DATABASE_URL names another database")

let app: TestApp
beforeAll(async () => {
  if (onSqlite) app = await startTestApp()
})
afterAll(() => app?.close())

/** An outcome for notice `id`, decided under one worker's lease. */
const accepted = (id: number): NoticeTransition => ({
  notice: { id, subject: id, policy: 1, version: 1, versionNumber: 2, attempts: 1, status: 'sending', leaseOwner: 'worker-a', leaseExpiresAt: '2026-12-04T10:00:00.000Z' },
  change: { status: 'accepted', attempts: 1, lastReply: '250 OK', reachedAt: '2026-12-04T09:45:00.000Z', nextAttemptAt: null },
})

describe.skipIf(!onSqlite)('recording a group of notice outcomes on SQLite', () => {
  it("looks each notice up by id, not through the status indexes, which hold a worker's whole leased batch", async () => {
    const adapter = app.payload.db as unknown as SqlAdapter
    const update = heldUpdate(adapter, ['status', 'attempts', 'lastReply', 'reachedAt', 'nextAttemptAt'], [accepted(1), accepted(2)], new Date().toISOString())
    const plan = (await (adapter.drizzle as unknown as { all: (q: unknown) => Promise<Array<{ detail: string }>> }).all(sql`explain query plan ${update}`)).map((row) => row.detail)
    expect(plan).toEqual(['SCAN v VIRTUAL TABLE INDEX 1:', 'SEARCH notices USING INTEGER PRIMARY KEY (rowid=?)'])
  })
})
