import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { canonicalText } from '../src/domain/canonicalText'
import { contentHash } from '../src/domain/contentHash'
import { isAssentError } from '../src/errors/AssentError'
import { parseRevisionFile } from '../src/formats/parseRevisionFile'
import { findVersion } from '../src/services/legalCenter/findVersion'
import { importHistory } from '../src/services/publishing/importHistory'
import { startTestApp, type TestApp } from './support/testApp'

/** Issue 24: a history folder holds each date's text per locale; each translation is frozen with
 * the version of its date, or added to it when that version was imported before. */
let app: TestApp
beforeAll(async () => {
  app = await startTestApp()
  await app.payload.updateGlobal({ slug: 'site-languages', data: { defaultLocale: 'en', locales: 'en, fr, ar' } })
}, 120_000)
afterAll(() => app?.close())

const CHOICES = { policy: { title: 'Cookies', acceptanceMode: 'continued-use', noticePeriodDays: 30 } } as const
const file = (name: string, content: string) => parseRevisionFile(name, content)
const translationsOf = async (slug: string, number: number) => {
  const { version } = await findVersion(app.payload, slug, number)
  const { docs } = await app.payload.find({ collection: 'version-translations', where: { version: { equals: version.id } }, depth: 0, sort: 'locale' })
  return { version, translations: docs }
}
const refusalOf = async (promise: Promise<unknown>) => {
  const error = await promise.then(() => undefined, (e: unknown) => e)
  if (!isAssentError(error)) throw new Error(`expected a refusal, got ${String(error)}`)
  return { code: error.code, message: error.message, files: error.details?.files }
}

describe('importing a history with translations', () => {
  const history = [
    file('2020-02-10.md', '---\nsummary: First cookies policy.\n---\n# Cookies\n\nWe use cookies.\n'),
    file('2020-02-10.fr.md', '---\nsummary: Première politique.\n---\n# Cookies\n\nNous utilisons des cookies.\n'),
    file('2021-03-01.md', '---\nchangeClass: material\nsummary: Adds analytics.\n---\n# Cookies\n\nWe use cookies and analytics.\n'),
    file('ar/2021-03-01.md', '# ملفات تعريف الارتباط\n\nنستخدم ملفات تعريف الارتباط والتحليلات.\n'),
  ]

  it('freezes each translation with the version of its date, in a file name or in a folder per locale, with its own summary or the version\'s', async () => {
    const result = await importHistory(app.payload, 'cookies', history, CHOICES)
    expect(result.imported.map((i) => i.version)).toEqual([1, 2])
    expect(result.translations).toEqual([
      { file: '2020-02-10.fr.md', locale: 'fr', version: 1, added: true },
      { file: 'ar/2021-03-01.md', locale: 'ar', version: 2, added: true },
    ])
    const first = await translationsOf('cookies', 1)
    expect(first.translations.map((t) => [t.locale, t.summary, t.contentHash, t.frozenAt])).toEqual([
      ['fr', 'Première politique.', contentHash(canonicalText('# Cookies\n\nNous utilisons des cookies.\n')), first.version.publishedAt],
    ])
    const second = await translationsOf('cookies', 2)
    expect(second.translations.map((t) => [t.locale, t.summary, t._status, t.frozenAt])).toEqual([['ar', 'Adds analytics.', 'published', second.version.publishedAt]])
  })

  it('adds nothing twice when run again, and adds a translation of a version imported before, frozen at once', async () => {
    const before = Date.now()
    const result = await importHistory(app.payload, 'cookies', [...history, file('fr/2021-03-01.md', '---\nsummary: Ajoute les statistiques.\n---\n# Cookies\n\nNous utilisons des cookies et des statistiques.\n')])
    expect(result.imported).toEqual([])
    expect(result.translations).toEqual([
      { file: '2020-02-10.fr.md', locale: 'fr', version: 1, added: false },
      { file: 'ar/2021-03-01.md', locale: 'ar', version: 2, added: false },
      { file: 'fr/2021-03-01.md', locale: 'fr', version: 2, added: true },
    ])
    const { version, translations } = await translationsOf('cookies', 2)
    const french = translations.find((t) => t.locale === 'fr')!
    expect(french.summary).toBe('Ajoute les statistiques.')
    // Added later: frozen when added, not at the version's publication.
    expect(new Date(french.frozenAt!).getTime()).toBeGreaterThanOrEqual(before)
    expect(french.frozenAt).not.toBe(version.publishedAt)
    const ledger = await app.payload.count({ collection: 'ledger-entries', where: { kind: { equals: 'translation' } } })
    expect(ledger.totalDocs).toBe(3)
  })
})

describe('an import refuses translation files it cannot attach, writing nothing', () => {
  const base = file('2020-02-10.md', '# Rules\n\nBe kind.\n')
  const cases: [string, ReturnType<typeof file>[], { code: string; message: RegExp; files: string[] }][] = [
    ['a date with no text in the default locale', [base, file('2020-03-01.fr.md', '# Règles\n')], { code: 'validation_failed', message: /^2020-03-01\.fr\.md: no file in the default language \(en\) is effective on 2020-03-01/, files: ['2020-03-01.fr.md'] }],
    ['a locale the site does not offer, saying how to offer it', [base, file('2020-02-10.de.md', '# Regeln\n')], { code: 'locale_not_offered', message: /^2020-02-10\.de\.md: de is not among the languages the site offers \(en, fr, ar\); add it under Legal documents → Languages/, files: ['2020-02-10.de.md'] }],
    ['a malformed locale tag', [base, file('fr_FR/2020-02-10.md', '# Règles\n')], { code: 'validation_failed', message: /^fr_FR\/2020-02-10\.md: "fr_FR" is not a language tag/, files: ['fr_FR/2020-02-10.md'] }],
    ['the default locale named as a translation', [base, file('2020-02-10.en.md', '# Rules\n')], { code: 'validation_failed', message: /en is the site's default language/, files: ['2020-02-10.en.md'] }],
    ['two files translating one date into one locale', [base, file('2020-02-10.fr.md', '# Règles\n'), file('fr/2020-02-10.md', '# Règles\n')], { code: 'validation_failed', message: /both translate the text of 2020-02-10 into fr/, files: ['2020-02-10.fr.md', 'fr/2020-02-10.md'] }],
  ]
  for (const [what, files, expected] of cases) {
    it(`refuses ${what}`, async () => {
      const refusal = await refusalOf(importHistory(app.payload, 'rules', files, CHOICES))
      expect(refusal).toEqual({ code: expected.code, message: expect.stringMatching(expected.message), files: expected.files })
      expect((await app.payload.count({ collection: 'policies', where: { slug: { equals: 'rules' } } })).totalDocs).toBe(0)
    })
  }
})
