import { describe, expect, it } from 'vitest'

import { renderBanner, type BannerItem } from '../src/render/renderBanner'

/** Version 3 to a subject who accepted version 1; version 3 replaced version 2 before it took effect. */
const item = (changes: number): BannerItem => ({
  policyTitle: 'Privacy Policy',
  version: changes + 1,
  action: 'accept',
  summary: 'New contact address.',
  effectiveDate: '2027-01-01',
  upcoming: true,
  hasPrevious: true,
  since: 1,
  redlineUrl: 'https://x.test/legal/privacy/compare/1/3',
  versionUrl: 'https://x.test/legal/privacy/versions/3',
  changes: Array.from({ length: changes }, (_, i) => ({
    version: i + 2,
    changeClass: i === changes - 1 ? 'informational' : 'material',
    effectiveDate: '2027-01-01',
    upcoming: true,
    supersededBy: i === changes - 1 ? null : changes + 1,
    summary: `Change ${i + 2}.`,
    versionUrl: `https://x.test/legal/privacy/versions/${i + 2}`,
  })),
})

describe('the banner’s layout phrases per language', () => {
  it('writes the list of changes, its dates and the consent in French', () => {
    const { text } = renderBanner(undefined, [item(2)], { locale: 'fr' })
    expect(text).toContain('Privacy Policy: 2 versions depuis la version 1, la dernière que vous avez acceptée\u00a0:')
    expect(text).toContain('- Version 2 (substantielle, remplacée par la version 3 avant son entrée en vigueur): Change 2.')
    expect(text).toContain('- Version 3 (informative, entre en vigueur le 1 janvier 2027): Change 3.')
    expect(text).toMatch(/En cliquant sur Accepter, vous acceptez\u00a0: Privacy Policy\.$/)
  })

  it('counts versions in Arabic with its dual and plural, right to left', () => {
    const two = renderBanner(undefined, [item(2)], { locale: 'ar' })
    expect(two.html).toMatch(/^<div class="assent-banner-body" lang="ar" dir="rtl">/)
    expect(two.text).toContain('إصداران منذ الإصدار 1')
    expect(renderBanner(undefined, [item(3)], { locale: 'ar' }).text).toContain('3 إصدارات منذ الإصدار 1')
    expect(renderBanner(undefined, [item(11)], { locale: 'ar' }).text).toContain('11 إصدارًا منذ الإصدار 1')
  })

  it('joins the titles being accepted in the banner’s language', () => {
    const one = (title: string) => ({ ...item(0), policyTitle: title })
    expect(renderBanner(undefined, [one('A'), one('B'), one('C')], { locale: 'en' }).text).toMatch(/agree to the A, B and C\.$/)
    expect(renderBanner(undefined, [one('A'), one('B')], { locale: 'ar' }).text).toMatch(/A وB\.$/)
  })

  it('uses the admin’s wording in the default language from the settings’ own fields, and never in another language', () => {
    const settings = { fullTextLabel: 'Read it all', translations: [{ locale: 'fr', fullTextLabel: 'Tout lire' }] }
    expect(renderBanner(settings, [item(0)], { locale: 'en', defaultLocale: 'en' }).text).toContain('Read it all: ')
    expect(renderBanner(settings, [item(0)], { locale: 'fr-CA', defaultLocale: 'en' }).text).toContain('Tout lire: ')
    expect(renderBanner(settings, [item(0)], { locale: 'ar', defaultLocale: 'en' }).text).toContain('اقرأ النص الكامل: ')
  })

  it('speaks English, Assent’s fallback, in a language it has no phrases for', () => {
    expect(renderBanner(undefined, [item(0)], { locale: 'de' }).buttons.accept).toBe('Accept')
  })
})
