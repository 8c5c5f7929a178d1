import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { verifyEvidencePack } from '../src/domain/evidencePack'
import { htmlHash } from '../src/domain/htmlHash'
import { ledgerBody } from '../src/domain/ledgerBody'
import { recordAcceptance } from '../src/services/acceptance/recordAcceptance'
import { buildEvidencePack } from '../src/services/audit/buildEvidencePack'
import { findVersion } from '../src/services/legalCenter/findVersion'
import { importHistory } from '../src/services/publishing/importHistory'
import { checkRecordsAgainstLedger } from '../src/services/ledger/checkRecordsAgainstLedger'
import { seedPolicies } from '../src/services/publishing/seedPolicies'
import { upsertSubjects } from '../src/services/subjects/upsertSubjects'
import { loginStaff, requestAs } from './support/staff'
import { startTestApp, type TestApp } from './support/testApp'

// Issue 18, case 3 (version facts): every publication is a ledger entry binding the version's
// number, text hash, change class, dates and rules; live and evidence-pack verification name a
// version whose facts were edited in the database, and the field.
let app: TestApp
let request: ReturnType<typeof requestAs>
beforeAll(async () => {
  app = await startTestApp()
  request = requestAs(app.baseUrl, await loginStaff(app.payload, app.baseUrl))
  await seedPolicies(app.payload)
})
afterAll(() => app?.close())

const raw = (statement: string) => (app.payload.db as unknown as { execute: (a: { drizzle: unknown; raw: string }) => Promise<unknown> }).execute({ drizzle: (app.payload.db as unknown as { drizzle: unknown }).drizzle, raw: statement })

async function publications() {
  const { docs } = await app.payload.find({ collection: 'ledger-entries', where: { kind: { equals: 'publication' } }, sort: 'seq', pagination: false })
  return docs.map((e) => JSON.parse(e.body).record as Record<string, unknown>)
}

async function publicationOf(slug: string, version: number) {
  const v = (await findVersion(app.payload, slug, version)).version
  return { version: v, record: (await publications()).find((r) => r.publication === v.id) }
}

describe('publication entries', () => {
  it('binds number, text hash, page HTML hash, language, summary, change class, dates, rules and (none) publisher and approver of a seeded version', async () => {
    const { version, record } = await publicationOf('privacy', 2)
    expect(record).toEqual({
      publication: version.id,
      policy: typeof version.policy === 'object' ? version.policy!.id : version.policy,
      version: 2,
      contentHash: version.contentHash,
      locale: 'en',
      summary: version.summary,
      htmlHash: htmlHash(version.html!),
      changeClass: version.changeClass,
      effectiveAt: version.effectiveAt,
      publishedAt: version.publishedAt,
      rules: { acceptanceMode: 'continued-use', noticePeriodDays: 30, requireSecondApproval: false },
      publishedBy: null,
      approvedBy: null,
      approvedAt: null,
    })
  })

  it('is written for a version published over the publishing API and for imported history', async () => {
    const res = await request('editor', 'POST', '/api/v1/policies/terms/versions', { markdown: '# Terms\n\nEditorial fix.', changeClass: 'editorial', summary: 'Typo' })
    expect(res.status).toBe(201)
    const published = (await res.json()) as { version: number }
    const [editor] = (await app.payload.find({ collection: 'users', where: { email: { equals: 'editor@example.com' } }, depth: 0 })).docs
    expect((await publicationOf('terms', published.version)).record).toMatchObject({ version: published.version, changeClass: 'editorial', publishedBy: editor.id, approvedBy: null, approvedAt: null })

    await importHistory(app.payload, 'imported', [{ name: 'v1.md', effectiveAt: new Date('2019-05-01T00:00:00Z'), markdown: '# Old\n\nOld text.', changeClass: 'material', summary: 'First' }], { policy: { title: 'Old terms', acceptanceMode: 'clickwrap', noticePeriodDays: 30 } })
    expect((await publicationOf('imported', 1)).record).toMatchObject({ version: 1, changeClass: 'material', effectiveAt: '2019-05-01T00:00:00.000Z', rules: { acceptanceMode: 'clickwrap' } })
  })

  it('leaves live verification with nothing to say about untouched versions', async () => {
    const { problems } = await checkRecordsAgainstLedger(app.payload)
    expect(problems.filter((p) => /publication/.test(p))).toEqual([])
  })
})

describe('editing a version in the database (the replay of case 3)', () => {
  it("names the version and the fields when its effectiveAt and changeClass are edited: live verification and the evidence pack", async () => {
    await upsertSubjects(app.payload, [{ externalId: 'pack-holder' }])
    const v1 = (await findVersion(app.payload, 'privacy', 1)).version
    await recordAcceptance(app.payload, { subject: 'pack-holder', versions: [{ policy: 'privacy', version: 1, contentHash: v1.contentHash! }], method: 'api', source: 'api' }, { now: new Date() })
    const clean = await buildEvidencePack(app.payload, 'pack-holder')
    expect(verifyEvidencePack({ document: clean.document, files: clean.files, publicKeyPem: clean.files.get('public-key.pem')! }).problems.filter((p) => /publication/.test(p))).toEqual([])

    await raw(`UPDATE policy_versions SET effective_at = '2019-01-01T00:00:00.000Z', change_class = 'editorial' WHERE id = ${v1.id}`)
    const live = await checkRecordsAgainstLedger(app.payload)
    expect(live.problems).toContainEqual(expect.stringMatching(/^privacy version 1 \(id \d+\) differs from its publication entry \d+ in: changeClass, effectiveAt$/))

    const pack = await buildEvidencePack(app.payload, 'pack-holder')
    const verdict = verifyEvidencePack({ document: pack.document, files: pack.files, publicKeyPem: pack.files.get('public-key.pem')! })
    expect(verdict.ok).toBe(false)
    expect(verdict.problems).toContainEqual(expect.stringMatching(/^privacy version 1 differs from its publication entry \d+ in: changeClass, effectiveAt$/))
  })

  it('names an effective date and a rule edited in the evidence pack itself', async () => {
    const pack = await buildEvidencePack(app.payload, 'pack-holder')
    const document = structuredClone(pack.document)
    // The pack also holds what the subject owes of the other policies: edit privacy version 1.
    const privacy1 = document.versions.find((v) => v.policy === 'privacy' && v.version === 1)!
    privacy1.effectiveAt = '2018-01-01T00:00:00.000Z'
    privacy1.rules!.noticePeriodDays = 0
    const verdict = verifyEvidencePack({ document, files: pack.files, publicKeyPem: pack.files.get('public-key.pem')! })
    expect(verdict.problems).toContainEqual(expect.stringMatching(/^privacy version 1 differs from its publication entry \d+ in: .*effectiveAt, .*noticePeriodDays$/))
  })

  it('names the summary a subject was told, edited in the database and in the pack itself', async () => {
    // pack-holder accepted version 1: the pack states version 2, the one owed, with its summary.
    const v2 = (await findVersion(app.payload, 'privacy', 2)).version
    const told = v2.summary!
    const named = /^privacy version 2 differs from its publication entry \d+ in: summary$/
    const verdictOf = (document: typeof pack.document) => verifyEvidencePack({ document, files: pack.files, publicKeyPem: pack.files.get('public-key.pem')! })
    let pack = await buildEvidencePack(app.payload, 'pack-holder')
    expect(verdictOf(pack.document).problems.filter((p) => /privacy version 2/.test(p))).toEqual([])

    await raw(`UPDATE policy_versions SET summary = 'Nothing of note changed.' WHERE id = ${v2.id}`)
    try {
      expect((await checkRecordsAgainstLedger(app.payload)).problems).toContainEqual(expect.stringMatching(/^privacy version 2 \(id \d+\) differs from its publication entry \d+ in: summary$/))
      // The pack states the summary as stored now; its entry binds the one published.
      pack = await buildEvidencePack(app.payload, 'pack-holder')
      expect(pack.document.versions.find((v) => v.policy === 'privacy' && v.version === 2)?.summary).toBe('Nothing of note changed.')
      expect(verdictOf(pack.document).problems).toContainEqual(expect.stringMatching(named))
    } finally {
      await raw(`UPDATE policy_versions SET summary = '${told.replaceAll("'", "''")}' WHERE id = ${v2.id}`)
    }

    pack = await buildEvidencePack(app.payload, 'pack-holder')
    const document = structuredClone(pack.document)
    document.versions.find((v) => v.policy === 'privacy' && v.version === 2)!.summary = 'Nothing of note changed.'
    const verdict = verdictOf(document)
    expect(verdict.problems).toContainEqual(expect.stringMatching(named))
    expect(verdict.unbound).not.toContain('versions.summary')
  })

  it('names a published version whose rules were erased in the database', async () => {
    const v2 = (await findVersion(app.payload, 'privacy', 2)).version
    await raw(`UPDATE policy_versions SET rules_acceptance_mode = NULL WHERE id = ${v2.id}`)
    const live = await checkRecordsAgainstLedger(app.payload)
    expect(live.problems).toContainEqual(expect.stringMatching(/^privacy version 2 \(id \d+\) differs from its publication entry \d+ in: acceptanceMode$/))
  })
})

describe('entries written before summaries were bound', () => {
  it('leave the summary unchecked and say so, row by row, instead of passing over it in silence', async () => {
    const v1 = (await findVersion(app.payload, 'terms', 1)).version
    const { docs } = await app.payload.find({ collection: 'ledger-entries', where: { kind: { equals: 'publication' } }, pagination: false, depth: 0 })
    const entry = docs.find((e) => JSON.parse(e.body).record.publication === v1.id)!
    const { seq, kind, recordedAt, record } = JSON.parse(entry.body)
    delete record.summary
    // The entry as an older Assent wrote it (a test's stand-in: its leaf hash is left as it was).
    await raw(`UPDATE ledger_entries SET body = '${ledgerBody(seq, kind, recordedAt, record).replaceAll("'", "''")}' WHERE id = ${entry.id}`)
    await raw(`UPDATE policy_versions SET summary = 'Anything at all.' WHERE id = ${v1.id}`)
    const live = await checkRecordsAgainstLedger(app.payload)
    expect(live.problems.filter((p) => /^terms version 1 /.test(p))).toEqual([])
    expect(live.unbound.get('policy-versions.summary')).toBe(1)
  })
})
