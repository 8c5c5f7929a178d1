import { describe, expect, it } from 'vitest'

import { changeNoticeContext, type AnnouncedVersionFacts } from '../src/mail/changeNoticeContext'

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
    expect(changeNoticeContext(facts, { name: 'Ada', locale: 'fr' }, 'https://legal.example.com', 'Example')).toEqual({
      siteName: 'Example',
      locale: 'fr',
      name: 'Ada',
      policyTitle: 'Privacy Policy',
      version: 2,
      summary: 'Adds retention periods.',
      effectiveDate: '29 December 2026',
      redlineUrl: 'https://legal.example.com/legal/privacy/compare/1/2',
      versionUrl: 'https://legal.example.com/legal/privacy/versions/2',
      mustAccept: false,
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
})
