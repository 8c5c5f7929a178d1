import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import Handlebars from 'handlebars'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { exportFilterSchema } from '../src/domain/exportFilter'
import { externalIdHash } from '../src/domain/externalIdHash'
import { csvRow } from '../src/formats/csvCell'
import { recordAcceptance } from '../src/services/acceptance/recordAcceptance'
import { subjectStatus } from '../src/services/acceptance/subjectStatus'
import { createApiKey } from '../src/services/staff/apiKeys'
import { findVersion } from '../src/services/legalCenter/findVersion'
import { seedPolicies } from '../src/services/publishing/seedPolicies'
import { upsertSubjects } from '../src/services/subjects/upsertSubjects'
import { evidenceStore, exportColumns, type ExportRow } from '../src/store/evidence'
import { verifyLiveLedger } from './support/ledger'
import { publishVersion, testWorker, untilFinal } from './support/notices'
import { filesIn, readmeListing } from './support/packFolder'
import { startSmtpSink, type SmtpSink } from './support/smtpSink'
import { useStaffApp } from './support/staff'

const staff = useStaffApp()
const SUBJECTS = 40
const DAY = 86_400_000
let auditKey: string
let integrationKey: string
let sink: SmtpSink
let v3EffectiveAt: Date

const payload = () => staff.app.payload
const get = (url: string, authorization?: string) => fetch(`${staff.app.baseUrl}${url}`, { headers: authorization ? { authorization } : {} })
const asAudit = (url: string) => get(url, `Bearer ${auditKey}`)

beforeAll(async () => {
  await seedPolicies(payload())
  auditKey = (await createApiKey(payload(), 'auditors', 'audit')).key
  integrationKey = (await createApiKey(payload(), 'host', 'integration')).key
  sink = await startSmtpSink()
  await upsertSubjects(payload(), Array.from({ length: SUBJECTS }, (_, i) => ({ externalId: `s-${i}`, email: i % 4 === 3 ? null : `s-${i}@example.com` })))
  const hashOf = async (slug: string, n: number) => (await findVersion(payload(), slug, n)).version.contentHash!
  const [p1, p2, t1] = await Promise.all([hashOf('privacy', 1), hashOf('privacy', 2), hashOf('terms', 1)])
  for (let i = 0; i < SUBJECTS; i++) {
    const versions = [
      ...(i % 2 === 0 ? [{ policy: 'privacy', version: 1, contentHash: p1 }] : []),
      ...(i % 3 === 0 ? [{ policy: 'privacy', version: 2, contentHash: p2 }] : []),
      ...(i % 5 === 0 ? [{ policy: 'terms', version: 1, contentHash: t1 }] : []),
    ]
    if (versions.length === 0) continue
    const userAgent = i === 6 ? '=HYPERLINK("http://evil.example","open me")' : 'Mozilla/5.0 (X11, Linux)'
    await recordAcceptance(payload(), { subject: `s-${i}`, versions, method: i % 2 === 0 ? 'api' : 'clickwrap', source: 'api' }, { now: new Date(), ip: `10.0.0.${i}`, userAgent })
  }
  // An informational privacy version 3, emailed now; continued use accepts it once in force.
  const privacy = (await payload().find({ collection: 'policies', where: { slug: { equals: 'privacy' } } })).docs[0]
  v3EffectiveAt = new Date(Date.now() + 60 * DAY)
  const v3 = await publishVersion(payload(), privacy.id, 'informational', `${(await findVersion(payload(), 'privacy', 2)).version.text}\n\nWe now also publish a transparency report.`, v3EffectiveAt)
  const worker = testWorker(payload(), sink.url, { drain: true })
  await worker.done
  await untilFinal(payload(), v3.id)
  // s-4 accepted version 1, got the email for version 3, and logs in after it took effect.
  await subjectStatus(payload(), 's-4', { now: new Date(v3EffectiveAt.getTime() + DAY), publicUrl: 'https://legal.example.com' })
}, 120_000)
afterAll(() => sink?.close())

/** The subject's evidence pack over HTTP, unpacked with tar; returns its folder. */
const unpack = async (externalId: string) => {
  const res = await asAudit(`/api/v1/audit/subjects/${externalId}/evidence`)
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toBe('application/x-tar')
  const dir = mkdtempSync(path.join(tmpdir(), 'assent-evidence-'))
  writeFileSync(path.join(dir, 'pack.tar'), Buffer.from(await res.arrayBuffer()))
  expect(spawnSync('tar', ['xf', 'pack.tar'], { cwd: dir }).status).toBe(0)
  // The one folder the pack unpacks into, beside the archive itself.
  return path.join(dir, readdirSync(dir).find((name) => name !== 'pack.tar')!)
}
const verify = (dir: string) => spawnSync(process.execPath, ['scripts/assent.js', 'ledger:verify', dir], { encoding: 'utf8' })

describe('who may use the audit routes', () => {
  it('an audit key or an auditor login may; an integration key, an editor or nobody may not', async () => {
    expect((await asAudit('/api/v1/audit/coverage/privacy')).status).toBe(200)
    expect((await get('/api/v1/audit/coverage/privacy', `JWT ${staff.tokens.auditor}`)).status).toBe(200)
    const integration = await get('/api/v1/audit/coverage/privacy', `Bearer ${integrationKey}`)
    expect(integration.status).toBe(403)
    expect(await integration.json()).toMatchObject({ error: { code: 'forbidden' } })
    expect((await get('/api/v1/audit/coverage/privacy', `JWT ${staff.tokens.editor}`)).status).toBe(403)
    expect((await get('/api/v1/audit/coverage/privacy')).status).toBe(401)
  })
})

describe('coverage', () => {
  it('matches a brute-force count of subjects, acceptances by method, later acceptances and notices', async () => {
    const res = await asAudit('/api/v1/audit/coverage/privacy')
    const { versions } = (await res.json()) as { versions: Array<Record<string, unknown> & { version: number }> }
    const subjects = (await payload().find({ collection: 'subjects', pagination: false, depth: 0 })).docs
    const acceptances = (await payload().find({ collection: 'acceptances', where: { policy: { exists: true } }, pagination: false, depth: 1 })).docs.filter((a) => (a.policy as { slug: string }).slug === 'privacy')
    const notices = (await payload().find({ collection: 'notices', pagination: false, depth: 0 })).docs
    expect(versions.map((v) => v.version)).toEqual([1, 2, 3])
    for (const v of versions) {
      const here = acceptances.filter((a) => a.versionNumber === v.version)
      const subjectOf = (a: (typeof acceptances)[number]) => String((a.subject as { id: number }).id)
      const hereSubjects = new Set(here.map(subjectOf))
      const later = new Set(acceptances.filter((a) => a.versionNumber > v.version).map(subjectOf).filter((s) => !hereSubjects.has(s)))
      const versionId = (await findVersion(payload(), 'privacy', v.version)).version.id
      const emails = notices.filter((n) => n.version === versionId && n.channel === 'email')
      expect(v).toMatchObject({
        subjects: subjects.length,
        accepted: {
          total: here.length,
          api: here.filter((a) => a.method === 'api').length,
          clickwrap: here.filter((a) => a.method === 'clickwrap').length,
          'continued-use': here.filter((a) => a.method === 'continued-use').length,
        },
        acceptedLater: later.size,
        pending: subjects.length - here.length - later.size,
        notices: { email: { accepted: emails.filter((n) => n.status === 'accepted').length, total: emails.length } },
      })
    }
    expect(versions[0]).toMatchObject({ acceptedLater: 7 })
    expect(versions[2]).toMatchObject({ accepted: { 'continued-use': 1 }, notices: { email: { accepted: 30, total: 30 }, banner: { total: SUBJECTS } } })
  })

  it('answers 404 for an unknown policy and 400 for a malformed version', async () => {
    expect((await asAudit('/api/v1/audit/coverage/nope')).status).toBe(404)
    expect(await (await asAudit('/api/v1/audit/coverage/privacy?version=two')).json()).toMatchObject({ error: { code: 'bad_request', message: expect.stringContaining('version') } })
  })
})

describe('exports', () => {
  it('streams acceptances as CSV, filtered, with formula-like cells neutralised', async () => {
    const res = await asAudit('/api/v1/audit/export?policy=privacy&version=1')
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/)
    const lines = (await res.text()).trimEnd().split('\r\n')
    expect(lines[0]).toBe('id,subject,policy,version,contentHash,method,source,acceptedAt,locale,ip,userAgent,notices')
    expect(lines).toHaveLength(1 + SUBJECTS / 2)
    const six = lines.find((l) => l.includes(',s-6,'))!
    expect(six).toContain(`"'=HYPERLINK(""http://evil.example"",""open me"")"`)
    expect(lines.filter((l) => l.includes('"Mozilla/5.0 (X11, Linux)"'))).toHaveLength(SUBJECTS / 2 - 1)
  })

  it('writes the same CSV bytes from pages of cells written as text in SQL as from the rows one by one', async () => {
    for (const type of ['acceptances', 'notices'] as const) {
      const rows = evidenceStore(payload()).exportRows(exportFilterSchema.parse({ type, format: 'jsonl' }))
      let expected = csvRow(exportColumns[type])
      for await (const row of rows) expected += csvRow(exportColumns[type].map((c) => (row as ExportRow)[c] ?? null))
      const res = await asAudit(`/api/v1/audit/export?type=${type}`)
      expect(await res.text()).toBe(expected)
      expect(expected.split('\r\n').length).toBeGreaterThan(10)
    }
  })

  it('streams notices as JSON Lines, by subject and date range', async () => {
    const res = await asAudit(`/api/v1/audit/export?type=notices&format=jsonl&subject=s-4&from=${new Date(Date.now() - DAY).toISOString()}`)
    const rows = (await res.text()).trim().split('\n').map((l) => JSON.parse(l))
    expect(rows.map((r) => [r.policy, r.version, r.channel, r.status])).toEqual([['privacy', 3, 'banner', 'pending'], ['privacy', 3, 'email', 'accepted']].sort())
    expect(rows.every((r) => r.subject === 's-4')).toBe(true)
    const none = await asAudit(`/api/v1/audit/export?type=notices&format=jsonl&subject=s-4&to=${new Date(Date.now() - DAY).toISOString()}`)
    expect(await none.text()).toBe('')
  })

  it('refuses an invalid filter naming it, and an unknown subject with 404', async () => {
    const refused = async (query: string) => ((await (await asAudit(`/api/v1/audit/export?${query}`)).json()) as { error: { code: string; fields?: Array<{ field: string }> } }).error
    expect(await refused('version=1')).toMatchObject({ code: 'validation_failed', fields: [{ field: 'version' }] })
    expect(await refused('policy=privacy&version=abc')).toMatchObject({ fields: [{ field: 'version' }] })
    expect(await refused('format=xlsx')).toMatchObject({ fields: [{ field: 'format' }] })
    expect(await refused('from=yesterday')).toMatchObject({ fields: [{ field: 'from' }] })
    expect(await refused('colour=red')).toMatchObject({ code: 'validation_failed', message: 'Invalid request: colour.', fields: [{ field: 'colour' }] })
    expect(await refused('policy=nope')).toMatchObject({ fields: [{ field: 'policy' }] })
    expect((await asAudit('/api/v1/audit/export?subject=nobody')).status).toBe(404)
  })

  it('writes the same bytes for a page whose cells hold the characters the database joins cells with', async () => {
    // A user agent no HTTP client can send, as someone writing to the database could store it.
    const userAgent = 'a\x1fb\x1e\x1ec, "d"\r\n=e'
    const p1 = (await findVersion(payload(), 'privacy', 1)).version.contentHash!
    await upsertSubjects(payload(), [{ externalId: 'odd-agent', email: null }])
    await recordAcceptance(payload(), { subject: 'odd-agent', versions: [{ policy: 'privacy', version: 1, contentHash: p1 }], method: 'api', source: 'api' }, { now: new Date(), ip: '10.0.1.1', userAgent })
    const rows = evidenceStore(payload()).exportRows(exportFilterSchema.parse({ format: 'jsonl' }))
    let expected = csvRow(exportColumns.acceptances)
    for await (const row of rows) expected += csvRow(exportColumns.acceptances.map((c) => (row as ExportRow)[c] ?? null))
    const text = await (await asAudit('/api/v1/audit/export')).text()
    expect(text).toBe(expected)
    expect(text).toContain(`,"a\x1fb\x1e\x1ec, ""d""\r\n=e",`)
  })
})

describe('evidence packs', () => {

  it('shows offline which text the subject accepted, when, how, and that the email reached them first', async () => {
    const dir = await unpack('s-4')
    const checked = verify(dir)
    expect(checked.stdout, checked.stderr).toMatch(/^Evidence pack verified: 2 acceptances and 2 notices match \d+ ledger entries/)
    const evidence = JSON.parse(readFileSync(path.join(dir, 'evidence.json'), 'utf8'))
    const deemed = evidence.acceptances.find((a: { version: number }) => a.version === 3)
    expect(deemed).toMatchObject({ policy: 'privacy', method: 'continued-use', notices: [{ channel: 'email' }] })
    const email = evidence.notices.find((n: { channel: string }) => n.channel === 'email')
    expect(new Date(email.reachedAt).getTime()).toBeLessThan(v3EffectiveAt.getTime())
    expect(email).toMatchObject({ status: 'accepted', messageId: expect.stringMatching(/^<notice-\d+@/), lastReply: expect.stringMatching(/^250/) })
    expect(readFileSync(path.join(dir, `versions/${deemed.contentHash}.md`), 'utf8')).toContain('transparency report')
    expect(readFileSync(path.join(dir, 'redlines/privacy-1-3.html'), 'utf8')).toContain('<ins')
    const report = readFileSync(path.join(dir, 'report.html'), 'utf8')
    expect(report).toContain('continued-use via')
    expect(report).toContain('email reached')
  })

  it('lists what a subject who accepted version 1 owes after a material version 2 and an informational version 3: both, with their summaries, and verifies', async () => {
    const dir = await unpack('s-2')
    const checked = verify(dir)
    expect(checked.status, checked.stderr).toBe(0)
    const evidence = JSON.parse(readFileSync(path.join(dir, 'evidence.json'), 'utf8'))
    expect(evidence.owed).toEqual([
      { policy: 'privacy', action: 'acknowledge', version: 3, upcoming: true, since: 1, changes: [2, 3] },
      { policy: 'terms', action: 'accept', version: 1, upcoming: false, since: null, changes: [1] },
    ])
    const [v2, v3] = await Promise.all([findVersion(payload(), 'privacy', 2), findVersion(payload(), 'privacy', 3)])
    const privacy = evidence.versions.filter((v: { policy: string }) => v.policy === 'privacy')
    expect(privacy.map((v: { version: number; changeClass: string; summary: string }) => [v.version, v.changeClass, v.summary])).toEqual([
      [1, expect.any(String), expect.any(String)],
      [2, 'material', v2.version.summary],
      [3, 'informational', v3.version.summary],
    ])
    for (const v of evidence.versions) expect(readFileSync(path.join(dir, v.file), 'utf8').length).toBeGreaterThan(0)
    const accepted = evidence.acceptances.find((a: { policy: string }) => a.policy === 'privacy')
    expect(accepted.covers ?? accepted.coversDerived).toEqual([1])
    const report = readFileSync(path.join(dir, 'report.html'), 'utf8')
    expect(report).toContain('owes to acknowledge version 3 (not yet in force); since version 1, the last one accepted, the change is versions 2 and 3.')
    expect(report).toContain(Handlebars.Utils.escapeExpression(v2.version.summary))
    expect(report).toContain('owed: part of version 3')
    expect(report).toContain('owed: to acknowledge')
  })

  it('fails verification when a text, a statement or a ledger entry was edited', async () => {
    const dir = await unpack('s-6')
    expect(verify(dir).status).toBe(0)
    const evidence = JSON.parse(readFileSync(path.join(dir, 'evidence.json'), 'utf8'))
    const textFile = path.join(dir, evidence.versions[0].file)
    writeFileSync(textFile, readFileSync(textFile, 'utf8').replace(/\bwe\b/, 'we may'))
    const edited = verify(dir)
    expect(edited.status).toBe(1)
    expect(edited.stderr).toContain('was changed')

    const other = await unpack('s-6')
    const doc = JSON.parse(readFileSync(path.join(other, 'evidence.json'), 'utf8'))
    doc.acceptances[0].acceptedAt = '2020-01-01T00:00:00.000Z'
    doc.ledger[0].body = doc.ledger[0].body.replace('"method":"api"', '"method":"clickwrap"')
    writeFileSync(path.join(other, 'evidence.json'), JSON.stringify(doc))
    const forged = verify(other)
    expect(forged.status).toBe(1)
    expect(forged.stderr).toMatch(/does not match its ledger entry|does not match its leaf hash/)
  })

  it('lists exactly its files in its README, redlines included, and ledger:verify names an edited report.html', async () => {
    const dir = await unpack('s-4')
    expect(readmeListing(readFileSync(path.join(dir, 'README.txt'), 'utf8'))).toEqual(filesIn(dir))
    expect(filesIn(dir)).toContain('redlines/privacy-1-3.html')
    const checked = verify(dir)
    expect(checked.stdout, checked.stderr).toMatch(new RegExp(`all ${filesIn(dir).length} files match the signed manifest`))
    writeFileSync(path.join(dir, 'report.html'), readFileSync(path.join(dir, 'report.html'), 'utf8').replace('email reached', 'banner shown'))
    const edited = verify(dir)
    expect(edited.status).toBe(1)
    expect(edited.stdout).not.toContain('Evidence pack verified')
    expect(edited.stderr).toContain('report.html does not hash to what manifest.json lists: it was changed')
  })

  it('refuses a pack without a manifest, as made before, saying what did check out and which files nothing covers', async () => {
    const dir = await unpack('s-4')
    rmSync(path.join(dir, 'manifest.json'))
    const checked = verify(dir)
    expect(checked.status).toBe(1)
    expect(checked.stdout).toMatch(/^The statements check out: 2 acceptances and 2 notices match \d+ ledger entries/)
    expect(checked.stderr).toMatch(/Evidence pack verification FAILED:\n {2}- manifest\.json is missing, so nothing covers README\.txt, evidence\.json, public-key\.pem, redlines\/privacy-1-3\.html, report\.html/)
  })

  it('answers 404 for an unknown subject', async () => {
    expect(await (await asAudit('/api/v1/audit/subjects/nobody/evidence')).json()).toMatchObject({ error: { code: 'subject_not_found' } })
  })
})

describe('the access log', () => {
  it('records every auditor read of personal data: who, what, when', async () => {
    const before = (await payload().count({ collection: 'access-records' })).totalDocs
    expect((await get('/api/subjects?limit=5', `JWT ${staff.tokens.auditor}`)).status).toBe(200)
    expect((await get('/api/acceptances?limit=3', `JWT ${staff.tokens.auditor}`)).status).toBe(200)
    expect((await get('/api/subjects?limit=5', `JWT ${staff.tokens.admin}`)).status).toBe(200)
    const records = (await payload().find({ collection: 'access-records', sort: '-id', limit: 10 })).docs
    // Three reads: the subjects, the acceptances, and the subjects those acceptances carried with them (REST populates them).
    expect((await payload().count({ collection: 'access-records' })).totalDocs - before).toBe(3)
    expect(records[0]).toMatchObject({ actor: 'auditor@example.com', action: 'read', resource: 'acceptances', count: 3 })
    expect(records[1]).toMatchObject({ actor: 'auditor@example.com', action: 'read', resource: 'subjects', count: 3 })
    expect(records[2]).toMatchObject({ actor: 'auditor@example.com', action: 'read', resource: 'subjects', count: 5, detail: expect.stringMatching(/^ids: \d+(, \d+){4}$/) })
    expect((await payload().find({ collection: 'access-records', where: { action: { equals: 'evidence' } } })).docs[0]).toMatchObject({ actor: 'api-key:auditors' })
    expect((await payload().find({ collection: 'access-records', where: { action: { equals: 'export' } } })).totalDocs).toBeGreaterThan(0)
  })

  it('cannot be changed or deleted, even by an admin', async () => {
    const [record] = (await payload().find({ collection: 'access-records', limit: 1 })).docs
    const auth = { authorization: `JWT ${staff.tokens.admin}`, 'content-type': 'application/json' }
    expect((await fetch(`${staff.app.baseUrl}/api/access-records/${record.id}`, { method: 'PATCH', headers: auth, body: '{"actor":"someone else"}' })).status).toBe(403)
    expect((await fetch(`${staff.app.baseUrl}/api/access-records/${record.id}`, { method: 'DELETE', headers: auth })).status).toBe(403)
  })
})

describe('erasure', () => {
  const erase = (externalId: string, role: 'admin' | 'editor' = 'admin', confirm: string | null = externalId) =>
    fetch(`${staff.app.baseUrl}/api/v1/subjects/${externalId}/erase`, {
      method: 'POST',
      headers: { authorization: `JWT ${staff.tokens[role]}`, ...(confirm === null ? {} : { 'content-type': 'application/json' }) },
      body: confirm === null ? undefined : JSON.stringify({ confirm }),
    })

  it('pseudonymises the subject; the evidence pack still verifies and says when it was erased', async () => {
    expect((await erase('s-4', 'editor')).status).toBe(403)
    expect(await (await erase('s-4', 'admin', null)).json()).toMatchObject({ error: { code: 'validation_failed', fields: [{ field: 'confirm' }] } })
    expect((await erase('s-4', 'admin', 's-5')).status).toBe(400)
    expect((await payload().find({ collection: 'subjects', where: { externalId: { equals: 's-4' } } })).docs[0].erasedAt ?? null).toBeNull()
    const res = await erase('s-4')
    expect(res.status).toBe(200)
    const body = (await res.json()) as { erasedAt: string; pseudonym: string }
    expect(body.pseudonym).toMatch(/^erased-[0-9a-f]{16}$/)

    const subject = (await payload().find({ collection: 'subjects', where: { externalId: { equals: body.pseudonym } } })).docs[0]
    expect(subject).toMatchObject({ email: null, name: null, erasedAt: body.erasedAt })
    const acceptances = (await payload().find({ collection: 'acceptances', where: { subject: { equals: subject.id } } })).docs
    expect(acceptances.every((a) => a.ip == null && a.userAgent == null)).toBe(true)
    const notices = (await payload().find({ collection: 'notices', where: { subject: { equals: subject.id } } })).docs
    expect(notices.every((n) => n.address == null && !String(n.lastReply ?? '').includes('s-4@example.com'))).toBe(true)

    const dir = await unpack('s-4')
    const checked = verify(dir)
    expect(checked.status, checked.stderr).toBe(0)
    const evidence = JSON.parse(readFileSync(path.join(dir, 'evidence.json'), 'utf8'))
    // The hash of the id it had, which the ledger bound when it was created: the pack proves whose it is.
    expect(evidence.subject).toEqual({ id: subject.id, externalId: null, erasedAt: body.erasedAt, externalIdHash: externalIdHash('s-4') })
    expect(readFileSync(path.join(dir, 'report.html'), 'utf8')).toContain('personal data was erased on')
    await expect(verifyLiveLedger(payload())).resolves.toBe(true)

    expect(await (await erase('s-4')).json()).toMatchObject({ alreadyErased: true, erasedAt: body.erasedAt })
    expect((await erase('nobody')).status).toBe(404)
  })
})
