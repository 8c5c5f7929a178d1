import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { recordAcceptance } from '../src/services/acceptance/recordAcceptance'
import { createApiKey } from '../src/services/staff/apiKeys'
import { upsertSubjects } from '../src/services/subjects/upsertSubjects'
import { makePolicy, makeVersion } from './support/fixtures'
import { startTestApp, type TestApp } from './support/testApp'

// A policy slug of 85 characters puts the subject's redline at
// `evidence-<id>/redlines/<slug>-1-2.html`, longer than the 100 bytes of a tar name field.
const SLUG = `terms-${'of-service-'.repeat(6)}${'x'.repeat(13)}`

let app: TestApp
let auditKey: string

beforeAll(async () => {
  app = await startTestApp()
  auditKey = (await createApiKey(app.payload, 'auditors', 'audit')).key
  const policy = await makePolicy(app.payload, { slug: SLUG })
  await upsertSubjects(app.payload, [{ externalId: 'long-slug-subject', email: 'long@example.com' }])
  const accept = (version: { version?: number | null; contentHash?: string | null }) =>
    recordAcceptance(app.payload, { subject: 'long-slug-subject', versions: [{ policy: SLUG, version: version.version!, contentHash: version.contentHash! }], method: 'api', source: 'api' }, { now: new Date(), ip: '10.0.0.1', userAgent: 'test' })
  await accept(await makeVersion(app.payload, policy.id, { _status: 'published' }))
  await accept(await makeVersion(app.payload, policy.id, { _status: 'published', changeClass: 'informational', summary: 'Second' }, '# Policy\n\nWe keep your data safer.'))
})
afterAll(() => app?.close())

describe('the evidence pack of a policy with an 85-character slug', () => {
  it('is served as a tar whose long paths extract whole and verify offline', async () => {
    expect(SLUG).toHaveLength(85)
    const res = await fetch(`${app.baseUrl}/api/v1/audit/subjects/long-slug-subject/evidence`, { headers: { authorization: `Bearer ${auditKey}` } })
    expect(res.status, await res.clone().text()).toBe(200)
    const dir = mkdtempSync(path.join(tmpdir(), 'assent-evidence-'))
    writeFileSync(path.join(dir, 'pack.tar'), Buffer.from(await res.arrayBuffer()))
    const listed = spawnSync('tar', ['tf', 'pack.tar'], { cwd: dir, encoding: 'utf8' })
    const redline = listed.stdout.split('\n').find((name) => name.endsWith(`redlines/${SLUG}-1-2.html`))
    expect(Buffer.byteLength(redline ?? '')).toBeGreaterThan(100)
    expect(spawnSync('tar', ['xf', 'pack.tar'], { cwd: dir }).status).toBe(0)
    expect(readFileSync(path.join(dir, redline!), 'utf8')).toContain('<ins')
    const folder = path.join(dir, redline!.split('/')[0])
    const checked = spawnSync(process.execPath, ['scripts/assent.js', 'ledger:verify', folder], { encoding: 'utf8' })
    expect(checked.stdout, checked.stderr).toMatch(/^Evidence pack verified: 2 acceptances/)
  })
})
