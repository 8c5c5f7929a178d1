import { describe, expect, it } from 'vitest'

import { noticeChanges } from '../src/domain/noticeChanges'
import { changeNoticeContext, type AnnouncedChange, type AnnouncedVersionFacts } from '../src/mail/changeNoticeContext'

const facts: AnnouncedVersionFacts = {
  policySlug: 'privacy',
  policyTitle: 'Privacy Policy',
  acceptanceMode: 'continued-use',
  version: 2,
  changeClass: 'material',
  summary: 'Adds retention periods.',
  effectiveAt: new Date('2026-12-29T00:00:00Z'),
}

describe('changeNoticeContext', () => {
  it('links the redline against the previous version and the new text, with the date in words', () => {
    expect(changeNoticeContext(facts, { name: 'Ada', locale: 'en' }, 'https://legal.example.com', 'Example')).toEqual({
      siteName: 'Example',
      locale: 'en',
      textLocale: null,
      fallback: false,
      name: 'Ada',
      policyTitle: 'Privacy Policy',
      version: 2,
      summary: 'Adds retention periods.',
      effectiveDate: '29 December 2026',
      redlineUrl: 'https://legal.example.com/legal/privacy/compare/1/2',
      versionUrl: 'https://legal.example.com/legal/privacy/versions/2',
      mustAccept: false,
      since: 1,
      changes: [{ version: 2, changeClass: 'material', effectiveDate: '29 December 2026', summary: 'Adds retention periods.', supersededBy: null }],
      cumulative: false,
      missed: null,
    })
  })

  it('asks for acceptance only for a material change under clickwrap', () => {
    const at = (changeClass: AnnouncedVersionFacts['changeClass'], acceptanceMode: AnnouncedVersionFacts['acceptanceMode']) =>
      changeNoticeContext({ ...facts, changeClass, acceptanceMode }, {}, 'https://x.test', 'X').mustAccept
    expect(at('material', 'clickwrap')).toBe(true)
    expect(at('informational', 'clickwrap')).toBe(false)
    expect(at('material', 'continued-use')).toBe(false)
  })

  it('links a first version to itself, and falls back to English and no name', () => {
    const ctx = changeNoticeContext({ ...facts, version: 1 }, { name: '', locale: null }, 'https://x.test', 'X')
    expect(ctx.redlineUrl).toBe('https://x.test/legal/privacy/versions/1')
    expect(ctx).toMatchObject({ locale: 'en', name: null })
  })

  describe('for a subject who accepted version 1, of version 3 after a material version 2', () => {
    const history: AnnouncedChange[] = [
      { version: 1, changeClass: 'material', summary: 'First.', effectiveAt: new Date('2020-02-10T00:00:00Z'), acceptanceMode: 'clickwrap' },
      { version: 2, changeClass: 'material', summary: 'Retention, sub-processors, transfers.', effectiveAt: new Date('2027-01-01T00:00:00Z'), acceptanceMode: 'clickwrap' },
      { version: 3, changeClass: 'informational', summary: 'New contact address.', effectiveAt: new Date('2027-01-01T00:00:00Z'), acceptanceMode: 'clickwrap' },
    ]
    const v3: AnnouncedVersionFacts = { ...history[2], policySlug: 'privacy', policyTitle: 'Privacy Policy', history }
    const now = new Date('2026-12-01T00:00:00Z')
    const contextFor = (reached: number[], lastAccepted: number | null = 1) =>
      changeNoticeContext(v3, { name: 'Ada' }, 'https://x.test', 'X', noticeChanges(history, v3, { lastAccepted, reached }, 'continued-use', now))

    it('lists versions 2 and 3 with their classes, dates and summaries, links one redline from 1 to 3 and asks for acceptance', () => {
      expect(contextFor([2])).toMatchObject({
        version: 3,
        since: 1,
        cumulative: true,
        redlineUrl: 'https://x.test/legal/privacy/compare/1/3',
        versionUrl: 'https://x.test/legal/privacy/versions/3',
        mustAccept: true,
        missed: null,
        changes: [
          // Both dated 1 January 2027: version 3 replaced version 2 before it took effect.
          { version: 2, changeClass: 'material', effectiveDate: '1 January 2027', summary: 'Retention, sub-processors, transfers.', supersededBy: 3 },
          { version: 3, changeClass: 'informational', effectiveDate: '1 January 2027', summary: 'New contact address.', supersededBy: null },
        ],
      })
    })

    it('says version 2 never reached them when no notice of it did', () => {
      expect(contextFor([]).missed).toEqual({ versions: 'version 2', plural: false })
    })

    it('links the version itself, alone, to a subject who accepted nothing', () => {
      expect(contextFor([], null)).toMatchObject({ since: null, cumulative: false, redlineUrl: 'https://x.test/legal/privacy/versions/3', mustAccept: false, missed: null })
    })
  })

  describe('in the subject’s language', () => {
    const languages = { locales: ['en', 'fr', 'ar'], defaultLocale: 'en' }
    const translated: AnnouncedVersionFacts = { ...facts, locale: 'en', translations: [{ locale: 'fr', summary: 'Ajoute des durées de conservation.' }] }

    it('tells a French subject in French: the French summary, the date in French, links in French', () => {
      expect(changeNoticeContext(translated, { locale: 'fr-FR' }, 'https://x.test', 'X', undefined, languages)).toMatchObject({
        locale: 'fr',
        fallback: false,
        textLocale: null,
        summary: 'Ajoute des durées de conservation.',
        effectiveDate: '29 décembre 2026',
        redlineUrl: 'https://x.test/legal/privacy/compare/1/2?lang=fr',
        versionUrl: 'https://x.test/legal/privacy/versions/2?lang=fr',
      })
    })

    it('tells an Arabic subject in Arabic, with the English summary marked as such when there is no Arabic text', () => {
      expect(changeNoticeContext(translated, { locale: 'ar' }, 'https://x.test', 'X', undefined, languages)).toMatchObject({ locale: 'ar', fallback: true, textLocale: 'en', summary: 'Adds retention periods.' })
    })

    it('tells a German subject (not offered) in the default language, saying so', () => {
      expect(changeNoticeContext(translated, { locale: 'de' }, 'https://x.test', 'X', undefined, languages)).toMatchObject({ locale: 'en', fallback: true, textLocale: null, versionUrl: 'https://x.test/legal/privacy/versions/2' })
    })

    it('names missed versions in French', () => {
      const history: AnnouncedChange[] = [1, 2, 3, 4].map((version) => ({ version, changeClass: 'material', summary: `S${version}.`, effectiveAt: new Date('2027-01-01T00:00:00Z'), acceptanceMode: 'clickwrap' }))
      const v4: AnnouncedVersionFacts = { ...history[3], policySlug: 'privacy', policyTitle: 'Privacy Policy', history }
      const told = noticeChanges(history, v4, { lastAccepted: 1, reached: [] }, 'clickwrap', new Date('2026-12-01T00:00:00Z'))
      expect(changeNoticeContext(v4, { locale: 'fr' }, 'https://x.test', 'X', told, languages).missed).toEqual({ versions: 'les versions 2 et 3', plural: true })
    })
  })
})
