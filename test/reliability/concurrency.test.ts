import { spawn } from 'node:child_process'

import { describe, expect, it } from 'vitest'

import { nodeFlags } from '../../scripts/nodeFlags.js'
import { postgresPool } from '../../src/db/leanQuery'
import { createApiKey } from '../../src/services/staff/apiKeys'
import { upsertSubjects } from '../../src/services/subjects/upsertSubjects'
import { makePolicy, makeVersion } from '../support/fixtures'
import { loginStaff, requestAs } from '../support/staff'
import { startTestApp, type TestApp } from '../support/testApp'
import { recordFigure } from './figures'
import { afterAll, beforeAll } from 'vitest'

// A file database even on SQLite: other processes append to the same ledger.
let app: TestApp
let request: ReturnType<typeof requestAs>
beforeAll(async () => {
  app = await startTestApp({ sharedDatabase: true })
  request = requestAs(app.baseUrl, await loginStaff(app.payload, app.baseUrl))
})
afterAll(() => app?.close())

const AREA = 'Concurrency'

/** `test/support/ledgerAppendWorker.ts` as its own process: one notice (and ledger entry) per subject. */
const appendingProcess = (versionId: number | string, policyId: number | string, subjectIds: string[]) =>
  new Promise<number | null>((resolve) => {
    const child = spawn(process.execPath, [...nodeFlags, 'test/support/ledgerAppendWorker.ts', String(versionId), String(policyId), ...subjectIds], {
      env: { ...process.env, DATABASE_URL: app.database.url },
      stdio: 'inherit',
    })
    child.on('exit', resolve)
  })

describe('concurrent writers', () => {
  it('makes one record of 100 concurrent identical acceptances', async () => {
    const policy = await makePolicy(app.payload)
    const version = await makeVersion(app.payload, policy.id, { _status: 'published' })
    await upsertSubjects(app.payload, [{ externalId: 'hundred-clicks' }])
    const { key } = await createApiKey(app.payload, 'concurrency', 'integration')
    const body = JSON.stringify({ subject: 'hundred-clicks', versions: [{ policy: policy.slug, version: 1, contentHash: version.contentHash }] })
    const answers = await Promise.all(
      Array.from({ length: 100 }, () => fetch(`${app.baseUrl}/api/v1/acceptances`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body })),
    )
    const records = (await app.payload.count({ collection: 'acceptances', where: { version: { equals: version.id } } })).totalDocs
    const ledger = (await app.payload.count({ collection: 'ledger-entries', where: { kind: { equals: 'acceptance' } } })).totalDocs
    recordFigure(AREA, '100 identical acceptances at once: records', records, 1)
    recordFigure(AREA, '100 identical acceptances at once: answers other than 2xx', answers.filter((r) => r.status >= 300).length, 0)
    expect(answers.map((r) => r.status).filter((s) => s >= 300)).toEqual([])
    expect(records).toBe(1)
    expect(ledger).toBe(1)
  })

  it('numbers ledger entries from three processes without gaps or duplicates', async () => {
    const policy = await makePolicy(app.payload)
    const version = await makeVersion(app.payload, policy.id, { _status: 'published' })
    const { subjects } = await upsertSubjects(app.payload, Array.from({ length: 150 }, (_, i) => ({ externalId: `appender-${i}` })))
    const ids = subjects.map((s) => String(s.id))
    const before = (await app.payload.count({ collection: 'ledger-entries' })).totalDocs
    const codes = await Promise.all([0, 1, 2].map((part) => appendingProcess(version.id, policy.id, ids.slice(part * 50, part * 50 + 50))))
    expect(codes).toEqual([0, 0, 0])
    const seqs = (await app.payload.find({ collection: 'ledger-entries', sort: 'seq', pagination: false, depth: 0, select: { seq: true } })).docs.map((d) => d.seq as number)
    const duplicates = seqs.length - new Set(seqs).size
    const gaps = seqs.filter((seq, i) => seq !== i + 1).length
    recordFigure(AREA, 'ledger entries appended by 3 processes', seqs.length - before)
    recordFigure(AREA, 'ledger sequence gaps', gaps, 0)
    recordFigure(AREA, 'ledger duplicate sequence numbers', duplicates, 0)
    expect(seqs.length - before).toBe(150)
    expect(gaps).toBe(0)
    expect(duplicates).toBe(0)
  }, 120_000)

  it('publishes a draft once when ten publish requests race', async () => {
    const policy = await makePolicy(app.payload)
    await makeVersion(app.payload, policy.id, { _status: 'published' })
    await upsertSubjects(app.payload, Array.from({ length: 20 }, (_, i) => ({ externalId: `racer-${i}`, email: `racer-${i}@example.com` })))
    const draft = await makeVersion(app.payload, policy.id, { changeClass: 'informational', summary: 'Raced.' }, '# Policy\n\nRaced text.')
    const answers = await Promise.all(Array.from({ length: 10 }, () => request('editor', 'PATCH', `/api/policy-versions/${draft.id}`, { _status: 'published' })))
    const statuses = answers.map((r) => r.status)
    const published = (await app.payload.find({ collection: 'policy-versions', where: { and: [{ policy: { equals: policy.id } }, { publishedAt: { exists: true } }] }, pagination: false, depth: 0 })).docs
    const notices = (await app.payload.find({ collection: 'notices', where: { version: { equals: draft.id } }, pagination: false, depth: 0, select: { subject: true, channel: true } })).docs
    const perSubjectAndChannel = new Set(notices.map((n) => `${n.subject}/${n.channel}`))
    const subjects = (await app.payload.count({ collection: 'subjects' })).totalDocs
    const withEmail = (await app.payload.count({ collection: 'subjects', where: { email: { exists: true } } })).totalDocs
    recordFigure(AREA, '10 concurrent publishes of one draft: versions published', published.length - 1, 1)
    recordFigure(AREA, '10 concurrent publishes of one draft: 5xx answers', statuses.filter((s) => s >= 500).length, 0)
    recordFigure(AREA, '10 concurrent publishes of one draft: notices announced twice', notices.length - perSubjectAndChannel.size, 0)
    console.log(`10 concurrent publishes: statuses ${statuses.join(' ')}`)
    expect(statuses.filter((s) => s >= 500)).toEqual([])
    expect(statuses.filter((s) => s < 300).length).toBeGreaterThanOrEqual(1)
    expect(published.map((v) => v.version).sort()).toEqual([1, 2])
    expect(notices.length).toBe(perSubjectAndChannel.size)
    expect(notices.length).toBe(subjects + withEmail)
  })

  it('publishes more drafts at once than the database has pooled connections', async () => {
    // On PostgreSQL each publication holds a pooled connection for its transaction and still needs
    // one for a statement outside it; with every connection held that way, none ever finished.
    const connections = postgresPool(app.payload)?.options.max ?? 10
    const count = connections * 2 + 1
    const drafts = []
    for (let n = 0; n < count; n++) {
      const policy = await makePolicy(app.payload)
      drafts.push(await makeVersion(app.payload, policy.id, { summary: `Draft ${n}` }, `# Policy\n\nDraft ${n}.`))
    }
    // Every connection opened and idle, so that all the publications start at once.
    await Promise.all(Array.from({ length: count }, () => app.payload.count({ collection: 'policies' })))
    const answers = await Promise.all(drafts.map((d) => request('editor', 'PATCH', `/api/policy-versions/${d.id}`, { _status: 'published' })))
    const published = await app.payload.count({ collection: 'policy-versions', where: { and: [{ id: { in: drafts.map((d) => d.id) } }, { publishedAt: { exists: true } }] } })
    recordFigure(AREA, `${count} drafts of ${count} policies published at once: answers other than 2xx`, answers.filter((r) => r.status >= 300).length, 0)
    expect(answers.map((r) => r.status)).toEqual(drafts.map(() => 200))
    expect(published.totalDocs).toBe(count)
  }, 60_000)

  it('gives two drafts published at once two different version numbers', async () => {
    const policy = await makePolicy(app.payload)
    const drafts = await Promise.all([1, 2, 3].map((n) => makeVersion(app.payload, policy.id, { summary: `Draft ${n}` }, `# Policy\n\nDraft ${n}.`)))
    const answers = await Promise.all(drafts.map((d) => request('editor', 'PATCH', `/api/policy-versions/${d.id}`, { _status: 'published' })))
    const statuses = answers.map((r) => r.status)
    const versions = (await app.payload.find({ collection: 'policy-versions', where: { and: [{ policy: { equals: policy.id } }, { publishedAt: { exists: true } }] }, pagination: false, depth: 0 })).docs.map((v) => v.version)
    console.log(`3 drafts published at once: statuses ${statuses.join(' ')}, versions ${versions.join(' ')}`)
    recordFigure(AREA, '3 drafts published at once: duplicate version numbers', versions.length - new Set(versions).size, 0)
    recordFigure(AREA, '3 drafts published at once: 5xx answers', statuses.filter((s) => s >= 500).length, 0)
    expect(statuses.filter((s) => s >= 500)).toEqual([])
    expect(new Set(versions).size).toBe(versions.length)
    // Each publish either succeeded or was refused with a code the editor can act on.
    for (const answer of answers.filter((r) => r.status >= 300)) expect(answer.status).toBe(409)
  })
})
