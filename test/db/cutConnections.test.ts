import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { postgresPool } from '../../src/db/leanQuery'
import { recordAcceptance } from '../../src/services/acceptance/recordAcceptance'
import { findVersion } from '../../src/services/legalCenter/findVersion'
import { upsertSubjects } from '../../src/services/subjects/upsertSubjects'
import { startSeededTestApp } from '../support/startSeededTestApp'
import type { TestApp } from '../support/testApp'

// PostgreSQL ends connections on its own (a restart, a failover, an idle timeout, an administrator).
// Before hearCutConnections, one idle connection of Payload's pool cut by the server stopped the
// whole server: the pool's 'error' event had no listener.
const onPostgres = process.env.TEST_DATABASE_URL?.startsWith('postgres') ?? false
if (!onPostgres) console.log('cutConnections: skipped, it cuts PostgreSQL connections (TEST_DATABASE_URL=postgres://…)')

let app: TestApp
let terms: string
beforeAll(async () => {
  if (!onPostgres) return
  app = await startSeededTestApp()
  await upsertSubjects(app.payload, ['cut-0', 'cut-1', 'cut-2'].map((externalId) => ({ externalId })))
  terms = (await findVersion(app.payload, 'terms', 1)).version.contentHash!
})
afterAll(() => app?.close())

const accept = (subject: string) => recordAcceptance(app.payload, { subject, versions: [{ policy: 'terms', version: 1, contentHash: terms }], method: 'clickwrap', source: 'login-banner' }, { now: new Date() })

describe.skipIf(!onPostgres)('connections PostgreSQL cuts', () => {
  it('fail only what they were serving: the server goes on, and the next writes and reads find new ones', async () => {
    const warn = vi.spyOn(app.payload.logger, 'warn')
    // An idle connection in each pool (a committed acceptance, a read), and one lent out, as a
    // transaction holds it between two statements.
    expect((await accept('cut-0')).status).toBe(201)
    const pool = postgresPool(app.payload)!
    const held = await pool.connect()
    await held.query('begin')
    const { rows } = await pool.query('select current_database() as name')
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL })
    await admin.connect()
    try {
      const cut = await admin.query("select count(pg_terminate_backend(pid))::int as n from pg_stat_activity where datname = $1 and backend_type = 'client backend'", [rows[0].name])
      expect(cut.rows[0].n).toBeGreaterThanOrEqual(3)
    } finally {
      await admin.end()
    }
    await vi.waitFor(() => expect(warn).toHaveBeenCalledWith(expect.stringContaining('A PostgreSQL connection was closed')), { timeout: 5_000 })
    // The lent connection's transaction is gone, never committed; given back, it is dropped.
    await expect(held.query('select 1')).rejects.toThrow()
    held.release()
    expect((await accept('cut-1')).status).toBe(201)
    expect((await accept('cut-2')).body.acceptances[0].receipt).not.toBeNull()
    const stored = await pool.query("select count(*)::int as n from acceptances a join subjects s on s.id = a.subject_id where s.external_id like 'cut-%'")
    expect(stored.rows[0].n).toBe(3)
    warn.mockRestore()
  })
})
