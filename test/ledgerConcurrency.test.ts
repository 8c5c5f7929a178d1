import { spawn } from 'node:child_process'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { nodeFlags } from '../scripts/nodeFlags.js'
import { upsertSubjects } from '../src/services/subjects/upsertSubjects'
import { makePolicy, makeVersion } from './support/fixtures'
import { startTestApp, type TestApp } from './support/testApp'

const onPostgres = process.env.TEST_DATABASE_URL?.startsWith('postgres')
if (!onPostgres) console.log('Ledger concurrency across processes skipped: it needs PostgreSQL (set TEST_DATABASE_URL); an in-memory SQLite database lives in one process.')

const run = (args: string[]) =>
  new Promise<number | null>((resolve) => {
    const child = spawn(process.execPath, [...nodeFlags, 'test/support/ledgerAppendWorker.ts', ...args], { env: process.env, stdio: 'inherit' })
    child.on('exit', resolve)
  })

describe.skipIf(!onPostgres)('ledger appends from several processes on PostgreSQL', () => {
  let app: TestApp
  beforeAll(async () => {
    app = await startTestApp()
  })
  afterAll(() => app?.close())

  it('numbers every entry once, without gaps or duplicates', async () => {
    const policy = await makePolicy(app.payload)
    const version = await makeVersion(app.payload, policy.id, { _status: 'published' })
    const { subjects } = await upsertSubjects(app.payload, Array.from({ length: 120 }, (_, i) => ({ externalId: `c${i}` })))
    // The publication and each subject are entries of their own: the workers' entries follow them.
    const before = (await app.payload.count({ collection: 'ledger-entries' })).totalDocs
    const ids = subjects.map((s) => String(s.id))
    const args = (part: string[]) => [String(version.id), String(policy.id), ...part]
    const codes = await Promise.all([run(args(ids.slice(0, 40))), run(args(ids.slice(40, 80))), run(args(ids.slice(80)))])
    expect(codes).toEqual([0, 0, 0])
    const { docs } = await app.payload.find({ collection: 'ledger-entries', sort: 'seq', pagination: false, depth: 0, select: { seq: true } })
    expect(docs).toHaveLength(before + 120)
    expect(docs.map((d) => d.seq)).toEqual(Array.from({ length: before + 120 }, (_, i) => i + 1))
  }, 120_000)
})
