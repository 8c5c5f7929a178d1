import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, renameSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { entryLeafHash, ledgerBody, type LedgerKind } from '../src/domain/ledgerBody'
import { verifyLedgerBundle } from '../src/domain/verifyLedgerBundle'
import { recordAcceptance } from '../src/services/acceptance/recordAcceptance'
import { subjectStatus } from '../src/services/acceptance/subjectStatus'
import { findVersion } from '../src/services/legalCenter/findVersion'
import { checkRecordsAgainstLedger } from '../src/services/ledger/checkRecordsAgainstLedger'
import { createCheckpoint } from '../src/services/ledger/createCheckpoint'
import { exportLedgerBundle } from '../src/services/ledger/exportLedgerBundle'
import { publishedHeadPath, readPublishedHead } from '../src/services/ledger/publishedHead'
import { upsertSubjects } from '../src/services/subjects/upsertSubjects'
import { readLedgerBundle } from '../src/verifier/ledgerBundleFiles'
import { verifyLedgerFolder } from '../src/verifier/verifyLedgerFolder'
import { publishVersion } from './support/notices'
import { loginStaff, requestAs } from './support/staff'
import { startSeededTestApp } from './support/startSeededTestApp'
import type { TestApp } from './support/testApp'

/**
 * The insider cases of issue 18, replayed on a live database: each tampering must be named by
 * `ledger:verify` or refused by `ledger:checkpoint`. The steps build on one another; where one
 * leaves the ledger damaged, the test then plays an operator who accepts the loss (moves the
 * published head aside and signs again), so the next case starts from a consistent ledger.
 */
let app: TestApp
let termsHash: string

beforeAll(async () => {
  app = await startSeededTestApp({ sharedDatabase: true })
  termsHash = (await findVersion(app.payload, 'terms', 1)).version.contentHash!
  await upsertSubjects(app.payload, ['t1', 't2', 't3', 't4'].map((externalId) => ({ externalId, email: `${externalId}@example.com` })))
  for (const subject of ['t1', 't2']) await accept(subject)
  await subjectStatus(app.payload, 't3', { now: new Date(), publicUrl: 'https://x', recordDisplay: true })
  await createCheckpoint(app.payload)
}, 120_000)
afterAll(() => app?.close())

const accept = (subject: string) =>
  recordAcceptance(app.payload, { subject, versions: [{ policy: 'terms', version: 1, contentHash: termsHash }], method: 'clickwrap', source: 'api' }, { now: new Date(), ip: '203.0.113.7', userAgent: 'test' })
const raw = (statement: string) => (app.payload.db as unknown as { execute: (a: { drizzle: unknown; raw: string }) => Promise<unknown> }).execute({ drizzle: (app.payload.db as unknown as { drizzle: unknown }).drizzle, raw: statement })
const entries = async () => (await app.payload.find({ collection: 'ledger-entries', sort: 'seq', pagination: false, depth: 0 })).docs
const subjectId = async (externalId: string) => (await app.payload.find({ collection: 'subjects', where: { externalId: { equals: externalId } }, depth: 0 })).docs[0].id

/** What `ledger:verify` decides about the live ledger, run in-process: the bundle against the
 * server's published head, and the records against the ledger. */
async function verifyLive() {
  const dir = mkdtempSync(path.join(tmpdir(), 'assent-tamper-'))
  await exportLedgerBundle(app.payload, dir)
  const head = readPublishedHead()
  const saved = head ? [{ label: 'the last published head', checkpoint: head, mustBeStored: true }] : []
  const verdict = verifyLedgerBundle(await readLedgerBundle(dir), { saved })
  // The streaming verifier `ledger:verify` runs (here in batches of two entries) says the same.
  expect(await verifyLedgerFolder(dir, { saved, threads: 0, batchSize: 2 })).toEqual(verdict)
  const records = await checkRecordsAgainstLedger(app.payload)
  return { verdict, records, problems: [...verdict.problems, ...records.problems] }
}

/** The operator accepts what happened: the published head is moved aside and a new one signed. */
async function acceptLoss() {
  renameSync(publishedHeadPath(), `${publishedHeadPath()}.${Date.now()}.bak`)
  await createCheckpoint(app.payload)
}

type Parsed = { kind: LedgerKind; recordedAt: string; record: Record<string, unknown> }

/** An insider rewriting the whole ledger consistently: every body renumbered, every leaf hash recomputed. */
async function rewriteLedger(change: (all: Parsed[]) => Parsed[]) {
  const rewritten = change((await entries()).map((e) => JSON.parse(e.body) as Parsed))
  await raw('DELETE FROM ledger_entries')
  for (const [i, { kind, recordedAt, record }] of rewritten.entries()) {
    const body = ledgerBody(i + 1, kind, recordedAt, record)
    await app.payload.create({ collection: 'ledger-entries', data: { seq: i + 1, kind: kind as never, body, leafHash: entryLeafHash(body), recordedAt } })
  }
}

const cli = (args: string[], dataDir = process.env.ASSENT_DATA_DIR!) =>
  spawnSync(process.execPath, ['scripts/assent.js', ...args], { env: { ...process.env, DATABASE_URL: app.database.url, ASSENT_DATA_DIR: dataDir }, encoding: 'utf8' })

describe('notice rows edited in the database', () => {
  it('names each notice and field: an email made dead, a banner made displayed with a forged time', async () => {
    const privacy = (await app.payload.find({ collection: 'policies', where: { slug: { equals: 'privacy' } } })).docs[0]
    await publishVersion(app.payload, privacy.id, 'informational', `${(await findVersion(app.payload, 'privacy', 2)).version.text}\n\nWe now publish a transparency report.`)
    const t4 = await subjectId('t4')
    const notices = (await app.payload.find({ collection: 'notices', where: { subject: { equals: t4 } }, pagination: false, depth: 0 })).docs
    const email = notices.find((n) => n.channel === 'email')!
    const banner = notices.find((n) => n.channel === 'banner')!
    expect((await verifyLive()).problems).toEqual([])

    await raw(`UPDATE notices SET status = 'dead' WHERE id = ${email.id}`)
    await raw(`UPDATE notices SET status = 'displayed', reached_at = '2020-01-01T00:00:00.000Z' WHERE id = ${banner.id}`)
    const { records } = await verifyLive()
    expect(records.problems).toHaveLength(2)
    // The command gives one verdict, at the end: never "verified" and then a mismatch.
    const verdict = cli(['ledger:verify'])
    expect(verdict.status).toBe(1)
    expect(verdict.stdout).not.toContain('Ledger verified')
    expect(verdict.stderr.split('\n')[0]).toMatch(/^Ledger verification FAILED: the ledger's \d+ entries, \d+ checkpoints? check out, but the database does not match it \(2 problems\):$/)
    expect(records.problems).toEqual(expect.arrayContaining([
      expect.stringMatching(new RegExp(`^notice ${banner.id} \\(banner\\) differs from its last ledger entry \\d+ in: reachedAt, status$`)),
      expect.stringMatching(new RegExp(`^notice ${email.id} \\(email\\) differs from its last ledger entry \\d+ in: status$`)),
    ]))
    await raw(`UPDATE notices SET status = 'pending' WHERE id = ${email.id}`)
    await raw(`UPDATE notices SET status = 'pending', reached_at = NULL WHERE id = ${banner.id}`)
    expect((await verifyLive()).problems).toEqual([])
  })
})

describe('a summary edited in the database', () => {
  it('names the version and its summary, whether the summary is changed or emptied; ledger:verify fails on it', async () => {
    const terms = (await findVersion(app.payload, 'terms', 1)).version
    const told = terms.summary!
    const live = await verifyLive()
    expect(live.problems).toEqual([])
    expect([...live.records.unbound.keys()]).not.toContain('policy-versions.summary')

    const named = new RegExp(`^terms version 1 \\(id ${terms.id}\\) differs from its publication entry \\d+ in: summary$`)
    try {
      // What the status answer, the banner and the emails tell subjects changed, rewritten quietly.
      await raw(`UPDATE policy_versions SET summary = 'Typo fixes only.' WHERE id = ${terms.id}`)
      expect((await verifyLive()).records.problems).toEqual([expect.stringMatching(named)])
      const verdict = cli(['ledger:verify'])
      expect(verdict.status).toBe(1)
      expect(verdict.stdout).not.toContain('Ledger verified')
      expect(verdict.stderr).toMatch(new RegExp(`- terms version 1 \\(id ${terms.id}\\) differs from its publication entry \\d+ in: summary`))
      await raw(`UPDATE policy_versions SET summary = NULL WHERE id = ${terms.id}`)
      expect((await verifyLive()).records.problems).toEqual([expect.stringMatching(named)])
    } finally {
      await raw(`UPDATE policy_versions SET summary = '${told.replaceAll("'", "''")}' WHERE id = ${terms.id}`)
    }
    expect((await verifyLive()).problems).toEqual([])
    expect(cli(['ledger:verify']).status).toBe(0)
  })
})

describe('a page edited in the database', () => {
  it('names the version and its HTML, the page the Legal Center shows, changed or emptied; ledger:verify fails on it', async () => {
    const privacy = (await findVersion(app.payload, 'privacy', 1)).version
    const page = `${app.baseUrl}/legal/privacy/versions/1`
    const named = new RegExp(`^privacy version 1 \\(id ${privacy.id}\\) differs from its publication entry \\d+ in: html$`)
    try {
      // The text and its hash stay as published; only what readers are shown changes.
      await raw(`UPDATE policy_versions SET html = html || '<p>We may sell your data.</p>' WHERE id = ${privacy.id}`)
      expect(await (await fetch(page)).text()).toContain('sell your data')
      expect((await verifyLive()).records.problems).toEqual([expect.stringMatching(named)])
      const verdict = cli(['ledger:verify'])
      expect(verdict.status).toBe(1)
      expect(verdict.stderr).toMatch(new RegExp(`- privacy version 1 \\(id ${privacy.id}\\) differs from its publication entry \\d+ in: html`))
      await raw(`UPDATE policy_versions SET html = NULL WHERE id = ${privacy.id}`)
      expect((await verifyLive()).records.problems).toEqual([expect.stringMatching(named)])
    } finally {
      await raw(`UPDATE policy_versions SET html = '${privacy.html!.replaceAll("'", "''")}' WHERE id = ${privacy.id}`)
    }
    expect((await verifyLive()).problems).toEqual([])
    expect([...(await verifyLive()).records.unbound.keys()]).not.toContain('policy-versions.html')
  })
})

describe('what an acceptance covers, edited in the database', () => {
  it('names the acceptance and its covers field, whether the list is changed or removed', async () => {
    const privacy = await findVersion(app.payload, 'privacy', 3)
    await upsertSubjects(app.payload, [{ externalId: 't5', email: 't5@example.com' }])
    await recordAcceptance(app.payload, { subject: 't5', versions: [{ policy: 'privacy', version: 3, contentHash: privacy.version.contentHash! }], method: 'clickwrap', source: 'api' }, { now: new Date(), ip: '203.0.113.7', userAgent: 'test' })
    const row = (await app.payload.find({ collection: 'acceptances', where: { subject: { equals: await subjectId('t5') } }, limit: 1, depth: 0 })).docs[0]
    // t5 had accepted no version of the privacy policy: the acceptance covers the one it accepts.
    expect(row.covers).toEqual([3])
    expect((await verifyLive()).problems).toEqual([])

    const named = new RegExp(`^acceptance ${row.id} differs from ledger entry \\d+ in: covers$`)
    try {
      await raw(`UPDATE acceptances SET covers = '[2,3]' WHERE id = ${row.id}`)
      expect((await verifyLive()).records.problems).toEqual([expect.stringMatching(named)])
      await raw(`UPDATE acceptances SET covers = NULL WHERE id = ${row.id}`)
      expect((await verifyLive()).records.problems).toEqual([expect.stringMatching(named)])
    } finally {
      await raw(`UPDATE acceptances SET covers = '[3]' WHERE id = ${row.id}`)
    }
    expect((await verifyLive()).problems).toEqual([])
  })
})

describe('the newest entries deleted with their acceptance rows', () => {
  it('reports entries no checkpoint covers yet, and once one did, refuses the ledger even with that checkpoint deleted', async () => {
    await createCheckpoint(app.payload)
    const covered = (await entries()).length
    await accept('t3')
    await accept('t4')
    const live = cli(['ledger:verify'])
    expect(live.status, live.stderr).toBe(0)
    expect(live.stdout).toContain(`2 entries (${covered + 1}–${covered + 2}) are not yet covered by any checkpoint`)
    expect(live.stdout).toMatch(/NOT PINNED/)
    expect(live.stdout).toMatch(/Not bound by the ledger.*acceptances\.idempotencyKey.*notices\.leaseOwner/)

    const { checkpoint } = await createCheckpoint(app.payload)
    for (const subject of ['t3', 't4']) await raw(`DELETE FROM acceptances WHERE subject_id = ${await subjectId(subject)}`)
    await raw(`DELETE FROM ledger_entries WHERE seq > ${covered}`)
    await raw(`DELETE FROM ledger_checkpoints WHERE tree_size = ${checkpoint.treeSize}`)
    const { problems } = await verifyLive()
    expect(problems).toEqual(expect.arrayContaining([
      `the last published head covers ${checkpoint.treeSize} entries but the ledger has ${covered}: entries were removed`,
      expect.stringMatching(new RegExp(`^the last published head \\(${checkpoint.treeSize} entries\\) is missing from the stored checkpoints`)),
    ]))
    await expect(createCheckpoint(app.payload)).rejects.toMatchObject({ code: 'ledger_tampered', message: expect.stringContaining('entries were removed') })
    await acceptLoss()
  })
})

describe('every checkpoint deleted, then history rewritten consistently', () => {
  it('refuses to sign the rewritten ledger, and a saved checkpoint proves the rewrite', async () => {
    const saved = path.join(mkdtempSync(path.join(tmpdir(), 'assent-witness-')), 'checkpoints.json')
    const published = await fetch(`${app.baseUrl}/api/v1/ledger/checkpoints`)
    expect(published.status).toBe(200)
    writeFileSync(saved, await published.text())
    // A witness that keeps only the newest checkpoint, as GET …/checkpoints/latest answers it.
    const savedLatest = path.join(path.dirname(saved), 'latest.json')
    writeFileSync(savedLatest, await (await fetch(`${app.baseUrl}/api/v1/ledger/checkpoints/latest`)).text())

    // A backdated acceptance, its entry rewritten to match and every leaf hash recomputed.
    const [row] = (await app.payload.find({ collection: 'acceptances', where: { subject: { equals: await subjectId('t1') } }, depth: 0 })).docs
    await raw('DELETE FROM ledger_checkpoints')
    await raw(`UPDATE acceptances SET accepted_at = '2020-01-01T00:00:00.000Z' WHERE id = ${row.id}`)
    await rewriteLedger((all) => all.map((e) => (e.kind === 'acceptance' && e.record.acceptance === row.id ? { ...e, record: { ...e.record, acceptedAt: '2020-01-01T00:00:00.000Z' } } : e)))
    expect((await checkRecordsAgainstLedger(app.payload)).problems).toEqual([])

    await expect(createCheckpoint(app.payload)).rejects.toMatchObject({ code: 'ledger_tampered', message: expect.stringContaining('history was rewritten') })
    expect((await verifyLive()).problems).toEqual(expect.arrayContaining([expect.stringContaining('the checkpoints were deleted'), expect.stringContaining('history was rewritten')]))

    // An auditor's machine: the key, no published head, the checkpoint list saved from the public endpoint.
    const auditor = mkdtempSync(path.join(tmpdir(), 'assent-auditor-'))
    copyFileSync(path.join(process.env.ASSENT_DATA_DIR!, 'ledger-signing-key.pem'), path.join(auditor, 'ledger-signing-key.pem'))
    const unwitnessed = cli(['ledger:verify'], auditor)
    expect(unwitnessed.status, unwitnessed.stderr).toBe(0)
    const witnessed = cli(['ledger:verify', '--checkpoint', saved], auditor)
    expect(witnessed.status).toBe(1)
    expect(witnessed.stderr).toMatch(/the ledger does not extend the saved checkpoint of \d+ entries .*: history was rewritten/)
    const witnessedLatest = cli(['ledger:verify', '--checkpoint', savedLatest], auditor)
    expect(witnessedLatest.status, witnessedLatest.stderr).toBe(1)
    expect(witnessedLatest.stderr).toMatch(/the ledger does not extend the saved checkpoint of \d+ entries \(.*latest\.json\) .*: history was rewritten/)
    await acceptLoss()
  }, 60_000)
})

describe('every checkpoint deleted with the notices and their entries, renumbered', () => {
  it('is refused by checkpointing and by verification', async () => {
    const t3 = await subjectId('t3')
    const removed = (await app.payload.find({ collection: 'notices', where: { subject: { equals: t3 } }, pagination: false, depth: 0 })).docs.map((n) => n.id)
    expect(removed.length).toBeGreaterThan(0)
    await raw('DELETE FROM ledger_checkpoints')
    await raw(`DELETE FROM notices WHERE subject_id = ${t3}`)
    await rewriteLedger((all) => all.filter((e) => !(e.kind === 'notice' && removed.includes(e.record.notice as number))))
    expect((await checkRecordsAgainstLedger(app.payload)).problems).toEqual([])
    await expect(createCheckpoint(app.payload)).rejects.toMatchObject({ code: 'ledger_tampered' })
    const { problems } = await verifyLive()
    expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(/^no checkpoint is stored, but the last published head covers \d+ entries: the checkpoints were deleted$/)]))
  })
})

describe('who published and approved a version, rewritten in the database', () => {
  it('names the publisher and the approval, written in, changed or removed; ledger:verify fails on it', async () => {
    // The case before left the ledger renumbered: an operator accepts the loss first.
    await acceptLoss()
    const staff = (email: string) => app.payload.create({ collection: 'users', data: { email, password: 'correct horse battery staple', role: 'editor' } as never })
    const [editor, other] = [await staff('publisher@example.com'), await staff('someone-else@example.com')]
    const terms = await app.payload.findByID({ collection: 'policy-versions', id: (await findVersion(app.payload, 'terms', 1)).version.id, depth: 0 })
    // Published by an editor: the entry binds who.
    const published = await app.payload.create({
      collection: 'policy-versions',
      data: { policy: terms.policy, changeClass: 'editorial', summary: 'Typo fixes.', effectiveAt: new Date(Date.now() + 86_400_000).toISOString(), body: terms.body as never, _status: 'published' },
      user: editor,
    })
    expect(published.publishedBy && typeof published.publishedBy === 'object' ? published.publishedBy.id : published.publishedBy).toBe(editor.id)
    const entry = (await entries()).find((e) => e.kind === 'publication' && (JSON.parse(e.body) as { record: { publication: unknown } }).record.publication === published.id)!
    expect(JSON.parse(entry.body).record).toMatchObject({ publishedBy: editor.id, approvedBy: null, approvedAt: null })
    const live = await verifyLive()
    expect(live.problems).toEqual([])
    expect([...live.records.unbound.keys()].filter((k) => /publishedBy|approvedBy|approvedAt/.test(k))).toEqual([])

    const named = (fields: string) => new RegExp(`^terms version 2 \\(id ${published.id}\\) differs from its publication entry ${entry.seq} in: ${fields}$`)
    try {
      // Blame moved to someone else, or taken away; an approval that never happened written in.
      await raw(`UPDATE policy_versions SET published_by_id = ${other.id} WHERE id = ${published.id}`)
      expect((await verifyLive()).records.problems).toEqual([expect.stringMatching(named('publishedBy'))])
      await raw(`UPDATE policy_versions SET published_by_id = NULL WHERE id = ${published.id}`)
      expect((await verifyLive()).records.problems).toEqual([expect.stringMatching(named('publishedBy'))])
      await raw(`UPDATE policy_versions SET published_by_id = ${editor.id}, approved_by_id = ${other.id}, approved_at = '2026-01-01T00:00:00.000Z' WHERE id = ${published.id}`)
      expect((await verifyLive()).records.problems).toEqual([expect.stringMatching(named('approvedBy, approvedAt'))])
      const verdict = cli(['ledger:verify'])
      expect(verdict.status).toBe(1)
      expect(verdict.stderr).toMatch(new RegExp(`- terms version 2 \\(id ${published.id}\\) differs from its publication entry ${entry.seq} in: approvedBy, approvedAt`))
    } finally {
      await raw(`UPDATE policy_versions SET published_by_id = ${editor.id}, approved_by_id = NULL, approved_at = NULL WHERE id = ${published.id}`)
    }
    expect((await verifyLive()).problems).toEqual([])
    expect(cli(['ledger:verify']).status).toBe(0)

    // Deleting the publisher's account would clear them from the version: an admin is refused.
    const as = requestAs(app.baseUrl, await loginStaff(app.payload, app.baseUrl))
    const refused = await as('admin', 'DELETE', `/api/users/${editor.id}`)
    expect(refused.status).toBe(409)
    expect(JSON.stringify(await refused.json())).toContain('published or approved 1 published version(s), which the ledger names: it cannot be deleted')
    expect((await app.payload.findByID({ collection: 'users', id: editor.id, depth: 0 })).email).toBe('publisher@example.com')
    expect((await as('admin', 'DELETE', `/api/users/${other.id}`)).status).toBe(200)
    expect((await verifyLive()).problems).toEqual([])
  })
})
