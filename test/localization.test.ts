import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { contentHash } from '../src/domain/contentHash'
import { verifyEvidencePack } from '../src/domain/evidencePack'
import { recordAcceptance } from '../src/services/acceptance/recordAcceptance'
import { subjectStatus } from '../src/services/acceptance/subjectStatus'
import { buildEvidencePack } from '../src/services/audit/buildEvidencePack'
import { findVersion } from '../src/services/legalCenter/findVersion'
import { checkRecordsAgainstLedger } from '../src/services/ledger/checkRecordsAgainstLedger'
import { markdownToBody } from '../src/services/publishing/lexicalMarkdown'
import { createApiKey } from '../src/services/staff/apiKeys'
import { upsertSubjects } from '../src/services/subjects/upsertSubjects'
import { readEvidencePack, writePackFiles } from '../src/verifier/evidencePackFiles'
import { verifyLiveLedger } from './support/ledger'
import { startSeededTestApp } from './support/startSeededTestApp'
import type { TestApp } from './support/testApp'

/** Issue 24: a version's text per locale, frozen and recorded; each subject sees, accepts and can
 * prove the text in their own language. */
let app: TestApp
let integrationKey: string
const payload = () => app.payload
const status = (externalId: string) => subjectStatus(payload(), externalId, { now: new Date(), publicUrl: 'https://legal.example' })
const privacyStatus = async (externalId: string) => (await status(externalId)).policies.find((p) => p.policy === 'privacy')!
const frenchOf = async (number: number) => {
  const { version } = await findVersion(payload(), 'privacy', number)
  const { docs } = await payload().find({ collection: 'version-translations', where: { version: { equals: version.id } }, depth: 0 })
  return { version, french: docs.find((t) => t.locale === 'fr')! }
}
const accept = (subject: string, contentHash: string, locale?: string) =>
  fetch(`${app.baseUrl}/api/v1/acceptances`, {
    method: 'POST',
    headers: { authorization: `Bearer ${integrationKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ subject, versions: [{ policy: 'privacy', version: 2, contentHash }], method: 'clickwrap', source: 'api', ...(locale ? { locale } : {}) }),
  })

beforeAll(async () => {
  app = await startSeededTestApp()
  integrationKey = (await createApiKey(payload(), 'host', 'integration')).key
  await upsertSubjects(payload(), [
    { externalId: 'ada', email: 'ada@example.com', locale: 'en' },
    { externalId: 'amelie', email: 'amelie@example.fr', locale: 'fr' },
    { externalId: 'jeanne', email: 'jeanne@example.ca', locale: 'fr-CA' },
    { externalId: 'hans', email: 'hans@example.de', locale: 'de' },
  ])
}, 120_000)
afterAll(async () => {
  await app?.close()
})

describe('the seeded privacy policy in two languages', () => {
  it('has each version in English with a French translation frozen with it and recorded in the ledger', async () => {
    for (const number of [1, 2]) {
      const { version, french } = await frenchOf(number)
      expect(version.locale).toBe('en')
      expect(french).toMatchObject({ versionNumber: number, _status: 'published' })
      expect(french.frozenAt).toBe(version.publishedAt)
      expect(french.contentHash).toBe(contentHash(french.text!))
      expect(french.text).toMatch(/^# Politique de confidentialité/)
      const entries = await payload().find({ collection: 'ledger-entries', where: { kind: { equals: 'translation' } }, depth: 0, pagination: false })
      const recorded = entries.docs.map((e) => JSON.parse(e.body).record).find((r) => r.translation === french.id)
      expect(recorded).toMatchObject({ publication: version.id, version: number, locale: 'fr', contentHash: french.contentHash })
    }
    expect(await verifyLiveLedger(payload())).toBe(true)
    expect((await checkRecordsAgainstLedger(payload())).problems).toEqual([])
  })
})

describe('status in the subject\'s locale', () => {
  // Nobody has accepted anything yet: each owes version 1, in force, and is told of version 2.
  it('gives a French subject the French text, its hash and summary, with French links', async () => {
    const [{ french }, { french: french2 }] = [await frenchOf(1), await frenchOf(2)]
    const owed = (await privacyStatus('amelie')).owed!
    expect(owed).toMatchObject({ version: 1, locale: 'fr', localeFallback: false, contentHash: french.contentHash, summary: french.summary })
    expect(owed.versionUrl).toBe('https://legal.example/legal/privacy/versions/1?lang=fr')
    expect(owed.changes.map((c) => c.summary)).toEqual([french.summary])
    const { banner } = await status('amelie')
    expect(banner?.text).toContain(french.summary)
    expect(french2.summary).not.toBe(french.summary)
  })

  it('matches a regional tag to its language (fr-CA reads French)', async () => {
    expect((await privacyStatus('jeanne')).owed).toMatchObject({ locale: 'fr', localeFallback: false })
  })

  it('gives an English subject the English text and plain links', async () => {
    const { version } = await frenchOf(1)
    const owed = (await privacyStatus('ada')).owed!
    expect(owed).toMatchObject({ locale: 'en', localeFallback: false, contentHash: version.contentHash, summary: version.summary })
    expect(owed.versionUrl).toBe('https://legal.example/legal/privacy/versions/1')
  })

  it('falls back to the version\'s own text for a language it lacks, and says so', async () => {
    const { version } = await frenchOf(1)
    expect((await privacyStatus('hans')).owed).toMatchObject({ locale: 'en', localeFallback: true, contentHash: version.contentHash })
  })
})

describe('accepting the text shown', () => {
  it('records the French hash for a French acceptance and the English one for an English acceptance', async () => {
    const { version, french } = await frenchOf(2)
    expect((await accept('amelie', french.contentHash!, 'fr')).status).toBe(201)
    expect((await accept('ada', version.contentHash!, 'en')).status).toBe(201)
    const rows = await payload().find({ collection: 'acceptances', where: { versionNumber: { equals: 2 } }, depth: 1, pagination: false })
    const by = (id: string) => rows.docs.find((a) => (a.subject as { externalId: string }).externalId === id)!
    expect(by('amelie')).toMatchObject({ contentHash: french.contentHash, locale: 'fr' })
    expect(by('ada')).toMatchObject({ contentHash: version.contentHash, locale: 'en' })
  })

  it('records the locale of the text shown, whatever interface language the caller names', async () => {
    const { french } = await frenchOf(2)
    expect((await accept('jeanne', french.contentHash!, 'de-AT')).status).toBe(201)
    const [row] = (await payload().find({ collection: 'acceptances', where: { contentHash: { equals: french.contentHash } }, sort: '-id', limit: 1, depth: 0 })).docs
    expect(row).toMatchObject({ locale: 'fr', versionNumber: 2 })
  })

  it('refuses a hash of no text of the version (stale_content_hash) and stores nothing', async () => {
    const { french: olderFrench } = await frenchOf(1)
    const before = await payload().count({ collection: 'acceptances' })
    const res = await accept('hans', olderFrench.contentHash!, 'fr')
    expect(res.status).toBe(409)
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('stale_content_hash')
    expect((await payload().count({ collection: 'acceptances' })).totalDocs).toBe(before.totalDocs)
  })

  it('proves each in its own language: both evidence packs verify, the French one holding the French text', async () => {
    const { version, french } = await frenchOf(2)
    for (const [subject, hash, translations] of [['amelie', french.contentHash, 1], ['ada', version.contentHash, 0]] as const) {
      const dir = mkdtempSync(path.join(tmpdir(), 'assent-l10n-pack-'))
      const { document, files } = await buildEvidencePack(payload(), subject)
      await writePackFiles(dir, files)
      const verdict = verifyEvidencePack(await readEvidencePack(dir))
      expect(verdict).toMatchObject({ ok: true, problems: [] })
      expect(document.acceptances.map((a) => a.contentHash)).toEqual([hash])
      expect(readFileSync(path.join(dir, 'versions', `${hash}.md`), 'utf8')).toBe(subject === 'amelie' ? french.text : version.text)
      expect(document.translations ?? []).toHaveLength(translations)
    }
  })

  it('fails the French pack when its French text is edited, naming the translation', async () => {
    const { french } = await frenchOf(2)
    const dir = mkdtempSync(path.join(tmpdir(), 'assent-l10n-pack-'))
    const { files } = await buildEvidencePack(payload(), 'amelie')
    files.set(`versions/${french.contentHash}.md`, `${french.text}\nAjout.`)
    await writePackFiles(dir, files)
    const verdict = verifyEvidencePack(await readEvidencePack(dir))
    expect(verdict.ok).toBe(false)
    expect(verdict.problems).toContain(`versions/${french.contentHash}.md does not hash to ${french.contentHash!.slice(0, 12)}…: the fr translation of privacy version 2 was changed`)
  })
})

describe('the French summary, edited in the database behind the ledger', () => {
  it('is named by live verification and fails the French pack, naming the translation and its summary', async () => {
    const { french } = await frenchOf(2)
    const raw = (statement: string) => (payload().db as unknown as { execute: (a: { drizzle: unknown; raw: string }) => Promise<unknown> }).execute({ drizzle: (payload().db as unknown as { drizzle: unknown }).drizzle, raw: statement })
    const clean = await checkRecordsAgainstLedger(payload())
    expect(clean.problems).toEqual([])
    expect([...clean.unbound.keys()]).not.toContain('version-translations.summary')

    await raw(`UPDATE version_translations SET summary = 'Corrections mineures.' WHERE id = ${french.id}`)
    try {
      expect((await checkRecordsAgainstLedger(payload())).problems).toEqual([expect.stringMatching(new RegExp(`^the fr translation of privacy version 2 \\(id ${french.id}\\) differs from its ledger entry \\d+ in: summary$`))])
      const { document, files } = await buildEvidencePack(payload(), 'amelie')
      expect(document.translations?.find((t) => t.id === french.id)?.summary).toBe('Corrections mineures.')
      const verdict = verifyEvidencePack({ document, files, publicKeyPem: files.get('public-key.pem')! })
      expect(verdict.ok).toBe(false)
      expect(verdict.problems).toEqual([expect.stringMatching(/^the fr translation of privacy version 2 differs from its ledger entry \d+ in: summary$/)])
    } finally {
      await raw(`UPDATE version_translations SET summary = '${french.summary.replaceAll("'", "''")}' WHERE id = ${french.id}`)
    }
    expect((await checkRecordsAgainstLedger(payload())).problems).toEqual([])
  })
})

describe('the French page, edited in the database behind the ledger', () => {
  it('is named by live verification, though its text and hash are untouched', async () => {
    const { french } = await frenchOf(1)
    const raw = (statement: string) => (payload().db as unknown as { execute: (a: { drizzle: unknown; raw: string }) => Promise<unknown> }).execute({ drizzle: (payload().db as unknown as { drizzle: unknown }).drizzle, raw: statement })
    await raw(`UPDATE version_translations SET html = html || '<p>Nous vendons vos données.</p>' WHERE id = ${french.id}`)
    try {
      expect((await checkRecordsAgainstLedger(payload())).problems).toEqual([expect.stringMatching(new RegExp(`^the fr translation of privacy version 1 \\(id ${french.id}\\) differs from its ledger entry \\d+ in: html$`))])
    } finally {
      await raw(`UPDATE version_translations SET html = '${french.html!.replaceAll("'", "''")}' WHERE id = ${french.id}`)
    }
    expect((await checkRecordsAgainstLedger(payload())).problems).toEqual([])
  })
})

describe('translations are frozen and guarded', () => {
  const body = (markdown: string) => markdownToBody(payload().config, markdown) as Promise<never>

  it('freezes a translation added to a published version at once, later than the version, and records it', async () => {
    const { version } = await findVersion(payload(), 'terms', 1)
    await payload().updateGlobal({ slug: 'site-languages', data: { locales: 'en, fr, ar' } })
    const added = await payload().create({ collection: 'version-translations', data: { version: version.id, locale: 'ar', summary: 'النسخة الأولى', body: await body('# شروط الخدمة\n\nنص الشروط.'), _status: 'published' } })
    expect(added.frozenAt).toBeTruthy()
    expect(new Date(added.frozenAt!).getTime()).toBeGreaterThan(new Date(version.publishedAt!).getTime())
    expect(added.contentHash).toBe(contentHash(added.text!))
    expect((await checkRecordsAgainstLedger(payload())).problems).toEqual([])
  })

  it('refuses a locale not offered, the version\'s own locale and a second translation in one locale', async () => {
    const { version } = await findVersion(payload(), 'terms', 1)
    const attempt = (locale: string) => payload().create({ collection: 'version-translations', data: { version: version.id, locale, summary: 's', body: undefined as never, _status: 'published' } })
    await expect(attempt('de')).rejects.toMatchObject({ code: 'locale_not_offered' })
    await expect(attempt('en')).rejects.toMatchObject({ code: 'validation_failed' })
    await expect(attempt('ar')).rejects.toMatchObject({ code: 'translation_exists' })
    expect((await payload().count({ collection: 'version-translations', where: { version: { equals: version.id } } })).totalDocs).toBe(1)
  })

  it('keeps one translation per language when two are added at once, with one ledger entry', async () => {
    const { version } = await findVersion(payload(), 'privacy', 2)
    await payload().updateGlobal({ slug: 'site-languages', data: { locales: 'en, fr, ar, it' } })
    const add = async (words: string) => payload().create({ collection: 'version-translations', data: { version: version.id, locale: 'it', summary: words, body: await body(`# Informativa\n\n${words}`), _status: 'published' } })
    const outcomes = await Promise.allSettled([add('Prima.'), add('Seconda.')])
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1)
    const { docs } = await payload().find({ collection: 'version-translations', where: { and: [{ version: { equals: version.id } }, { locale: { equals: 'it' } }] }, depth: 0 })
    expect(docs).toHaveLength(1)
    const entries = await payload().find({ collection: 'ledger-entries', where: { kind: { equals: 'translation' } }, depth: 0, pagination: false })
    expect(entries.docs.filter((e) => JSON.parse(e.body).record.locale === 'it')).toHaveLength(1)
    expect((await checkRecordsAgainstLedger(payload())).problems).toEqual([])
  })

  it('never changes or deletes a frozen translation, even with access control off', async () => {
    const { french } = await frenchOf(1)
    await expect(payload().update({ collection: 'version-translations', id: french.id, data: { summary: 'Autre' } })).rejects.toMatchObject({ code: 'version_frozen' })
    await expect(payload().delete({ collection: 'version-translations', id: french.id })).rejects.toMatchObject({ code: 'version_frozen' })
    expect((await frenchOf(1)).french.summary).toBe(french.summary)
  })

  it('names a French text edited in the database behind the ledger', async () => {
    const { french } = await frenchOf(1)
    const raw = (statement: string) => (payload().db as unknown as { execute: (a: { drizzle: unknown; raw: string }) => Promise<unknown> }).execute({ drizzle: (payload().db as unknown as { drizzle: unknown }).drizzle, raw: statement })
    await raw(`UPDATE version_translations SET text = text || ' Modifié.', locale = 'de' WHERE id = ${french.id}`)
    const { problems } = await checkRecordsAgainstLedger(payload())
    expect(problems).toContain(`the de translation of privacy version 1 (id ${french.id}): its text does not hash to its content hash ${french.contentHash!.slice(0, 12)}…`)
    expect(problems.filter((p) => new RegExp(`^the de translation of privacy version 1 \\(id ${french.id}\\) differs from its ledger entry \\d+ in: locale$`).test(p))).toHaveLength(1)
  })

  it('names a translation unfrozen in the database to be edited, by its ledger entry', async () => {
    const { french } = await frenchOf(2)
    const raw = (statement: string) => (payload().db as unknown as { execute: (a: { drizzle: unknown; raw: string }) => Promise<unknown> }).execute({ drizzle: (payload().db as unknown as { drizzle: unknown }).drizzle, raw: statement })
    await raw(`UPDATE version_translations SET frozen_at = NULL WHERE id = ${french.id}`)
    const { problems } = await checkRecordsAgainstLedger(payload())
    expect(problems.filter((p) => new RegExp(`^ledger entry \\d+ records the fr translation of version 2 \\(id ${french.id}\\), which is missing from the frozen translations$`).test(p))).toHaveLength(1)
  })
})
