import { describe, expect, it } from 'vitest'

import { checkPackContinuedUse } from '../../src/domain/checkPackContinuedUse'
import { nextFormerSlugs } from '../../src/domain/formerSlugs'
import { owedVersion } from '../../src/domain/owedVersion'
import { changedGuardedFields, changesGuardedField, policyRulesLedgerRecord } from '../../src/domain/policyRulesChange'
import { publicationDifferences, publicationLedgerRecord, publicationUnbound } from '../../src/domain/publicationLedgerRecord'
import { htmlHash } from '../../src/domain/htmlHash'
import { translationDifferences, translationLedgerRecord, translationUnbound } from '../../src/domain/translationLedgerRecord'
import { rulesOf, versionRules } from '../../src/domain/versionRules'

const policyRules = { acceptanceMode: 'clickwrap' as const, noticePeriodDays: 30, requireSecondApproval: false }

describe('versionRules', () => {
  it('reads a policy\'s rules with an unset approval rule as false', () => {
    expect(rulesOf({ acceptanceMode: 'continued-use', noticePeriodDays: 14, requireSecondApproval: null })).toEqual({ acceptanceMode: 'continued-use', noticePeriodDays: 14, requireSecondApproval: false })
  })

  it("holds a version to its own frozen rules, whatever the policy's are now", () => {
    expect(versionRules({ acceptanceMode: 'continued-use', noticePeriodDays: 0, requireSecondApproval: true }, policyRules)).toEqual({ acceptanceMode: 'continued-use', noticePeriodDays: 0, requireSecondApproval: true })
  })

  it("falls back to the policy's rules only for a version that has none", () => {
    expect(versionRules(null, policyRules)).toEqual(policyRules)
    expect(versionRules({ acceptanceMode: null, noticePeriodDays: 7 }, policyRules)).toEqual({ ...policyRules, noticePeriodDays: 7 })
  })
})

describe('owedVersion with each version\'s own acceptance mode', () => {
  const at = new Date('2026-06-01T00:00:00Z')
  const v = (version: number, changeClass: 'editorial' | 'informational' | 'material', acceptanceMode: 'clickwrap' | 'continued-use') => ({ version, changeClass, acceptanceMode, effectiveAt: new Date(`2026-0${version}-01T00:00:00Z`) })

  it('asks for an explicit acceptance of a material clickwrap version though the policy is continued use now', () => {
    expect(owedVersion([v(1, 'material', 'clickwrap'), v(2, 'material', 'clickwrap')], [1], 'continued-use', at)).toMatchObject({ action: 'accept', version: { version: 2 } })
  })

  it('only acknowledges a material version published under continued use though the policy is clickwrap now', () => {
    expect(owedVersion([v(1, 'material', 'continued-use'), v(2, 'material', 'continued-use')], [1], 'clickwrap', at)).toMatchObject({ action: 'acknowledge', version: { version: 2 } })
  })

  it('asks for acceptance when any version between was a clickwrap material change', () => {
    expect(owedVersion([v(1, 'material', 'clickwrap'), v(2, 'material', 'clickwrap'), v(3, 'informational', 'continued-use')], [1], 'continued-use', at)).toMatchObject({ action: 'accept', version: { version: 3 } })
  })
})

describe('policy rule changes', () => {
  it('finds the guarded fields that changed, treating absent, null and empty alike', () => {
    expect(changedGuardedFields({ slug: 'a', noticePeriodDays: 30, bundle: null }, { slug: 'a', noticePeriodDays: '30', bundle: '' })).toEqual([])
    expect(changedGuardedFields({ slug: 'a', acceptanceMode: 'clickwrap', requireSecondApproval: true }, { slug: 'b', acceptanceMode: 'continued-use', requireSecondApproval: false })).toEqual(['slug', 'acceptanceMode', 'requireSecondApproval'])
  })

  it('counts a field an update does not carry as unchanged', () => {
    expect(changesGuardedField('noticePeriodDays', { title: 'x' }, { noticePeriodDays: 30 })).toBe(false)
    expect(changesGuardedField('noticePeriodDays', { noticePeriodDays: 30 }, { noticePeriodDays: 30 })).toBe(false)
    expect(changesGuardedField('noticePeriodDays', { noticePeriodDays: 0 }, { noticePeriodDays: 30 })).toBe(true)
  })

  it('records who, when, and only the changed fields before and after', () => {
    expect(policyRulesLedgerRecord({ policy: 4, by: 1, at: '2026-12-01T00:00:00.000Z', before: { slug: 'p', noticePeriodDays: 30 }, after: { slug: 'p', noticePeriodDays: 0 } }))
      .toEqual({ policy: 4, changedBy: 1, changedAt: '2026-12-01T00:00:00.000Z', before: { noticePeriodDays: 30 }, after: { noticePeriodDays: 0 } })
    expect(policyRulesLedgerRecord({ policy: 4, by: 1, at: 'now', before: { slug: 'p' }, after: { slug: 'p' } })).toBeUndefined()
  })
})

describe('former slugs', () => {
  it('keeps a slug published under when the policy moves', () => {
    expect(nextFormerSlugs([], 'privacy', 'privacy-policy', true)).toEqual(['privacy'])
  })

  it('forgets a slug never published under', () => {
    expect(nextFormerSlugs([], 'draft-name', 'privacy', false)).toEqual([])
  })

  it('takes a former slug off the list when the policy moves back to it', () => {
    expect(nextFormerSlugs(['privacy'], 'privacy-policy', 'privacy', true)).toEqual(['privacy-policy'])
  })
})

describe('publication records', () => {
  const facts = { id: 7, policy: 2, version: 3, contentHash: 'abc', changeClass: 'material', effectiveAt: '2026-01-01T00:00:00Z', publishedAt: '2025-12-01T00:00:00.000Z', rules: policyRules }

  it('binds dates as ISO instants', () => {
    expect(publicationLedgerRecord(facts)).toMatchObject({ publication: 7, effectiveAt: '2026-01-01T00:00:00.000Z', rules: policyRules })
  })

  it('names each fact that differs, dates compared as instants', () => {
    const recorded = publicationLedgerRecord(facts)
    expect(publicationDifferences(publicationLedgerRecord({ ...facts, effectiveAt: '2026-01-01T01:00:00+01:00' }), recorded)).toEqual([])
    expect(publicationDifferences(publicationLedgerRecord({ ...facts, changeClass: 'editorial', effectiveAt: '2019-01-01T00:00:00Z', rules: { ...policyRules, noticePeriodDays: 0 } }), recorded))
      .toEqual(['changeClass', 'effectiveAt', 'noticePeriodDays'])
  })

  it('binds the summary subjects are told, and names it when it was edited or emptied', () => {
    const recorded = publicationLedgerRecord({ ...facts, locale: 'en', summary: 'Names our sub-processors.' })
    expect(recorded).toMatchObject({ summary: 'Names our sub-processors.' })
    expect(publicationDifferences(publicationLedgerRecord({ ...facts, locale: 'en', summary: 'Names our sub-processors.' }), recorded)).toEqual([])
    expect(publicationDifferences(publicationLedgerRecord({ ...facts, locale: 'en', summary: 'Typo fixes only.' }), recorded)).toEqual(['summary'])
    expect(publicationDifferences(publicationLedgerRecord({ ...facts, locale: 'en', summary: null }), recorded)).toEqual(['summary'])
    expect(publicationUnbound(recorded)).toEqual(['htmlHash', 'publishedBy', 'approvedBy', 'approvedAt'])
  })

  it('binds who published and approved the version, none included, and names each one rewritten', () => {
    const people = { publishedBy: 4, approvedBy: 9, approvedAt: '2025-11-30T10:00:00Z' }
    const recorded = publicationLedgerRecord({ ...facts, ...people })
    expect(recorded).toMatchObject({ publishedBy: 4, approvedBy: 9, approvedAt: '2025-11-30T10:00:00.000Z' })
    expect(publicationDifferences(publicationLedgerRecord({ ...facts, ...people, approvedAt: '2025-11-30T11:00:00+01:00' }), recorded)).toEqual([])
    expect(publicationDifferences(publicationLedgerRecord({ ...facts, publishedBy: 9, approvedBy: 4, approvedAt: '2025-11-29T10:00:00Z' }), recorded)).toEqual(['publishedBy', 'approvedBy', 'approvedAt'])
    expect(publicationDifferences(publicationLedgerRecord({ ...facts, publishedBy: null, approvedBy: null, approvedAt: null }), recorded)).toEqual(['publishedBy', 'approvedBy', 'approvedAt'])
    // None is bound too: a publisher or an approval written in afterwards is named.
    const unapproved = publicationLedgerRecord({ ...facts, publishedBy: null, approvedBy: null, approvedAt: null })
    expect(unapproved).toMatchObject({ publishedBy: null, approvedBy: null, approvedAt: null })
    expect(publicationDifferences(publicationLedgerRecord({ ...facts, publishedBy: 4, approvedBy: 9, approvedAt: '2025-11-30T10:00:00Z' }), unapproved)).toEqual(['publishedBy', 'approvedBy', 'approvedAt'])
    expect(publicationUnbound(unapproved)).toEqual(['htmlHash', 'locale', 'summary'])
  })

  it('leaves the summary and language of an entry written before they were bound unchecked, and says so', () => {
    const older = publicationLedgerRecord(facts)
    expect(older).not.toHaveProperty('summary')
    expect(publicationDifferences(publicationLedgerRecord({ ...facts, summary: 'Anything', locale: 'de' }), older)).toEqual([])
    expect(publicationUnbound(older)).toEqual(['htmlHash', 'locale', 'summary', 'publishedBy', 'approvedBy', 'approvedAt'])
    expect(publicationDifferences(publicationLedgerRecord({ ...facts, publishedBy: 4, approvedBy: 9, approvedAt: '2025-11-30T10:00:00Z' }), older)).toEqual([])
  })
})

describe('the HTML a page shows', () => {
  const facts = { id: 7, policy: 2, version: 3, contentHash: 'abc', changeClass: 'material', effectiveAt: '2026-01-01T00:00:00Z', publishedAt: '2025-12-01T00:00:00.000Z', rules: policyRules, locale: 'en', summary: 'S', publishedBy: 1, approvedBy: null, approvedAt: null }
  const html = '<h1>Privacy</h1><p>We keep your data for 30 days.</p>'

  it('is bound by its hash, byte for byte, for a version and a translation', () => {
    expect(htmlHash(html)).toMatch(/^[0-9a-f]{64}$/)
    expect(htmlHash(`${html} `)).not.toBe(htmlHash(html))
    const recorded = publicationLedgerRecord({ ...facts, htmlHash: htmlHash(html) })
    expect(recorded.htmlHash).toBe(htmlHash(html))
    expect(publicationDifferences(publicationLedgerRecord({ ...facts, htmlHash: htmlHash(html) }), recorded)).toEqual([])
    expect(publicationDifferences(publicationLedgerRecord({ ...facts, htmlHash: htmlHash(html.replace('30', '3,000')) }), recorded)).toEqual(['htmlHash'])
    expect(publicationDifferences(publicationLedgerRecord({ ...facts, htmlHash: null }), recorded)).toEqual(['htmlHash'])
    expect(publicationUnbound(recorded)).toEqual([])
    const translation = { id: 4, version: 7, policy: 2, versionNumber: 3, locale: 'fr', contentHash: 'def', frozenAt: '2026-01-01T00:00:00Z', summary: 'S', htmlHash: htmlHash(html) }
    const entry = translationLedgerRecord(translation)
    expect(translationDifferences(translationLedgerRecord({ ...translation, htmlHash: htmlHash('<p>autre</p>') }), entry)).toEqual(['htmlHash'])
    expect(translationUnbound(entry)).toEqual([])
  })
})

describe('translation records', () => {
  const facts = { id: 4, version: 7, policy: 2, versionNumber: 3, locale: 'fr', contentHash: 'def', frozenAt: '2026-01-01T00:00:00Z' }

  it('binds the summary in its language, and names it when it was edited or emptied', () => {
    const recorded = translationLedgerRecord({ ...facts, summary: 'Nomme nos sous-traitants.' })
    expect(recorded).toMatchObject({ locale: 'fr', summary: 'Nomme nos sous-traitants.', frozenAt: '2026-01-01T00:00:00.000Z' })
    expect(translationDifferences(translationLedgerRecord({ ...facts, summary: 'Nomme nos sous-traitants.' }), recorded)).toEqual([])
    expect(translationDifferences(translationLedgerRecord({ ...facts, summary: 'Corrections.', locale: 'de' }), recorded)).toEqual(['locale', 'summary'])
    expect(translationDifferences(translationLedgerRecord(facts), recorded)).toEqual(['summary'])
    expect(translationUnbound(recorded)).toEqual(['htmlHash'])
  })

  it('leaves the summary of an entry written before it was bound unchecked, and says so', () => {
    const older = translationLedgerRecord(facts)
    expect(translationDifferences(translationLedgerRecord({ ...facts, summary: 'Anything' }), older)).toEqual([])
    expect(translationUnbound(older)).toEqual(['summary', 'htmlHash'])
  })
})

describe('continued use in an evidence pack', () => {
  const versions = [{ policy: 'terms', version: 2, rules: { acceptanceMode: 'clickwrap' } }, { policy: 'privacy', version: 2, rules: { acceptanceMode: 'continued-use' } }]

  it('names a continued-use acceptance of a version published under clickwrap', () => {
    expect(checkPackContinuedUse({ versions, acceptances: [{ id: 9, policy: 'terms', version: 2, method: 'continued-use' }] })).toEqual([
      'acceptance 9 (terms version 2) is deemed by continued use, but the version was published under clickwrap: only an explicit acceptance counts',
    ])
  })

  it('accepts continued use of a continued-use version and clicks on any version', () => {
    expect(checkPackContinuedUse({ versions, acceptances: [{ id: 1, policy: 'privacy', version: 2, method: 'continued-use' }, { id: 2, policy: 'terms', version: 2, method: 'clickwrap' }] })).toEqual([])
  })
})
