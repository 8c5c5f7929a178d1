import { spawnSync } from 'node:child_process'
import { createReadStream, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createInterface } from 'node:readline'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { recordAcceptance } from '../src/services/acceptance/recordAcceptance'
import { createApiKey } from '../src/services/staff/apiKeys'
import { findVersion } from '../src/services/legalCenter/findVersion'
import { upsertSubjects } from '../src/services/subjects/upsertSubjects'
import { bulkInsert } from './support/bulkInsert'
import { startSeededTestApp } from './support/startSeededTestApp'
import type { TestApp } from './support/testApp'

const ROWS = 100_000
let app: TestApp
let key: string

beforeAll(async () => {
  app = await startSeededTestApp({ sharedDatabase: true })
  key = (await createApiKey(app.payload, 'export test', 'audit')).key
  const { policy, version } = await findVersion(app.payload, 'terms', 1)
  const subjects = await bulkInsert(app.payload, 'subjects', Array.from({ length: ROWS }, (_, i) => ({ externalId: `bulk-${i}`, locale: 'en' })))
  const start = Date.parse('2026-01-01T00:00:00Z')
  await bulkInsert(app.payload, 'acceptances', subjects.map((s, i) => ({
    subject: s.id, policy: policy.id, version: version.id, versionNumber: 1, method: i % 3 ? 'clickwrap' : 'api', source: 'api',
    contentHash: version.contentHash, acceptedAt: new Date(start + i * 60_000).toISOString(), locale: 'en', ip: '192.0.2.1', userAgent: i === 7 ? '@import evil' : 'Mozilla/5.0',
  })))
}, 300_000)
afterAll(() => app?.close())

const countLines = async (stream: NodeJS.ReadableStream) => {
  let lines = 0
  for await (const _ of createInterface({ input: stream, crlfDelay: Infinity })) lines++
  return lines
}

describe(`an export of ${ROWS.toLocaleString('en')} acceptances`, () => {
  it('over HTTP has exactly one CSV record per acceptance, streamed', async () => {
    const res = await fetch(`${app.baseUrl}/api/v1/audit/export?policy=terms&version=1`, { headers: { authorization: `Bearer ${key}` } })
    expect(res.status).toBe(200)
    const { Readable } = await import('node:stream')
    expect(await countLines(Readable.fromWeb(res.body as never))).toBe(ROWS + 1)
  })

  it('with the CLI has exactly one JSON line per acceptance in the date range, and reports progress and peak memory', async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'assent-export-')), 'acceptances.jsonl')
    const run = spawnSync(process.execPath, ['scripts/assent.js', 'export', '--format', 'jsonl', '--policy', 'terms', '--from', '2026-01-01', '--to', '2026-01-08', '--out', out], {
      env: { ...process.env, DATABASE_URL: app.database.url, ASSENT_DATA_DIR: path.dirname(out) },
      encoding: 'utf8',
    })
    expect(run.status, run.stderr).toBe(0)
    const week = 7 * 24 * 60
    expect(await countLines(createReadStream(out))).toBe(week)
    expect(run.stderr).toMatch(/100% 10,080 \/ 10,080 acceptances/)
    expect(run.stderr).toMatch(new RegExp(`Exported 10,080 acceptances as jsonl to .* rows/s, peak RSS \\d+ MB\\)`))
    const bad = spawnSync(process.execPath, ['scripts/assent.js', 'export', '--version', 'x'], { encoding: 'utf8' })
    expect(bad.status).toBe(2)
    expect(bad.stderr).toContain('version')
  })

  it('with the CLI as CSV (its pages read on a thread of their own on SQLite) writes the bytes the audit route sends', async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'assent-export-')), 'acceptances.csv')
    const run = spawnSync(process.execPath, ['scripts/assent.js', 'export', '--out', out], { env: { ...process.env, DATABASE_URL: app.database.url, ASSENT_DATA_DIR: path.dirname(out) }, encoding: 'utf8' })
    expect(run.status, run.stderr).toBe(0)
    const res = await fetch(`${app.baseUrl}/api/v1/audit/export`, { headers: { authorization: `Bearer ${key}` } })
    const sent = await res.text()
    expect(sent.split('\r\n').length).toBeGreaterThan(ROWS)
    expect(sent).toContain(`,'@import evil,`)
    expect(readFileSync(out, 'utf8')).toBe(sent)
  })
})

describe('evidence packs from the command line', () => {
  const cli = (...args: string[]) => spawnSync(process.execPath, ['scripts/assent.js', ...args], { env: { ...process.env, DATABASE_URL: app.database.url, ASSENT_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'assent-cli-')) }, encoding: 'utf8' })

  it('writes a pack that verifies for an acceptance recorded by Assent', async () => {
    const { version } = await findVersion(app.payload, 'privacy', 1)
    await upsertSubjects(app.payload, [{ externalId: 'cli-evidence', email: 'cli@example.com' }])
    await recordAcceptance(app.payload, { subject: 'cli-evidence', versions: [{ policy: 'privacy', version: 1, contentHash: version.contentHash! }], method: 'clickwrap', source: 'login-banner' }, { now: new Date(), ip: '203.0.113.9', userAgent: 'Firefox' })
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'assent-pack-')), 'pack')
    // Three texts: privacy version 1 accepted, privacy version 2 and terms version 1 owed.
    const written = cli('evidence', 'cli-evidence', '--out', dir)
    expect(written.status, written.stderr).toBe(0)
    // Two entries: the one binding who cli-evidence is, and its acceptance.
    expect(written.stdout).toMatch(/Evidence pack for cli-evidence in .*: 1 acceptance, 0 notices, 2 ledger entries, 3 version texts\./)
    const verified = cli('ledger:verify', dir)
    expect(verified.stdout, verified.stderr).toContain('Evidence pack verified: 1 acceptance and 0 notices')
  })

  it('does not vouch for an acceptance written into the database behind the ledger', () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'assent-pack-')), 'pack')
    expect(cli('evidence', 'bulk-1', '--out', dir).status).toBe(0)
    const verified = cli('ledger:verify', dir)
    expect(verified.status).toBe(1)
    expect(verified.stderr).toMatch(/acceptance \d+ \(terms version 1\) has no ledger entry in the pack/)
    expect(cli('evidence', 'nobody', '--out', dir).stderr).toContain('No subject "nobody"')
  })

  it('refuses to write a pack into a folder that holds other files, which verification would name as added', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'assent-pack-'))
    writeFileSync(path.join(dir, 'notes.txt'), 'mine\n')
    const refused = cli('evidence', 'cli-evidence', '--out', dir)
    expect(refused.status).toBe(2)
    expect(refused.stderr).toContain('is not empty: write the pack to a new or empty folder')
    expect(readdirSync(dir)).toEqual(['notes.txt'])
  })
})
