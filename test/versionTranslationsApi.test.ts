import { beforeAll, describe, expect, it } from 'vitest'

import { markdownToBody } from '../src/services/publishing/lexicalMarkdown'
import { makePolicy } from './support/fixtures'
import { useStaffApp } from './support/staff'

/** Issue 24: editors see which locales of a draft are missing or still the previous version's
 * text, and the redline of a translation against the previous version's text in its locale. */
const staff = useStaffApp()
beforeAll(async () => {
  await staff.app.payload.updateGlobal({ slug: 'site-languages', data: { defaultLocale: 'en', locales: 'en, fr, ar, de' } })
})

const FRENCH_1 = '# Conditions\n\nNous gardons les journaux 13 mois.\n'
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString()
type View = { locale: string; previous: number | null; locales: { locale: string; state: string; unchangedSince?: number }[]; warnings: { missing: string[]; unchanged: { locale: string; since: number }[] } }

/** A policy whose version 1 has English (own), French and Arabic texts, and an open draft of
 * version 2 with a French translation still holding version 1's French and a German draft. */
async function draftWithTranslations() {
  const { payload } = staff.app
  const policy = await makePolicy(payload)
  const translations = { fr: { markdown: FRENCH_1, summary: 'Première.' }, ar: { markdown: '# الشروط\n\nنص.\n', summary: 'أول.' } }
  await staff.request('editor', 'POST', `/api/v1/policies/${policy.slug}/versions`, { markdown: '# Terms\n\nWe keep logs for 13 months.\n', changeClass: 'informational', summary: 'First.', effectiveAt: inDays(1), translations })
  const draft = (await (await staff.request('editor', 'POST', `/api/v1/policies/${policy.slug}/revisions`, {})).json()) as { id: number }
  const body = async (markdown: string) => (await markdownToBody(payload.config, markdown)) as never
  await payload.create({ collection: 'version-translations', data: { version: draft.id, locale: 'fr', summary: 'Deuxième.', body: await body(FRENCH_1), _status: 'published' } })
  await payload.create({ collection: 'version-translations', data: { version: draft.id, locale: 'de', summary: 'Zweite.', body: await body('# Bedingungen\n\nNeu.\n'), _status: 'draft' }, draft: true })
  return { policy, draft }
}

describe('GET /api/v1/policy-versions/:id/translations', () => {
  it('gives every offered locale\'s state, which translation still has the previous version\'s text, and the publish dialog\'s warnings', async () => {
    const { draft } = await draftWithTranslations()
    const res = await staff.request('editor', 'GET', `/api/v1/policy-versions/${draft.id}/translations`)
    expect(res.status).toBe(200)
    const view = (await res.json()) as View
    expect(view.locale).toBe('en')
    expect(view.previous).toBe(1)
    expect(view.locales.map((l) => [l.locale, l.state, l.unchangedSince])).toEqual([['en', 'own', undefined], ['fr', 'ready', 1], ['ar', 'missing', undefined], ['de', 'draft', undefined]])
    expect(view.warnings).toEqual({ missing: ['ar', 'de'], unchanged: [{ locale: 'fr', since: 1 }] })
  })

  it('answers 401 without a login and 404 for an unknown version', async () => {
    expect((await staff.request('anonymous', 'GET', '/api/v1/policy-versions/999999/translations')).status).toBe(401)
    expect((await staff.request('editor', 'GET', '/api/v1/policy-versions/999999/translations')).status).toBe(404)
  })
})

describe('the redline of a translation', () => {
  it('compares the draft\'s translation with the previous version\'s text in that locale', async () => {
    const { draft } = await draftWithTranslations()
    const redline = async (locale: string) => (await staff.request('editor', 'POST', `/api/v1/policy-versions/${draft.id}/redline`, { locale })).json() as Promise<{ basedOn: number | null; changes: number; html: string }>
    const french = await redline('fr')
    expect([french.basedOn, french.changes]).toEqual([1, 0])
    // Version 1 had no German text: everything is new.
    const german = await redline('de')
    expect(german.basedOn).toBeNull()
    expect(german.html).toContain('<ins')
    expect(german.html).toContain('Neu.')
  })

  it('answers 404 for a locale the draft has no translation in, and 400 for a malformed locale', async () => {
    const { draft } = await draftWithTranslations()
    const missing = await staff.request('editor', 'POST', `/api/v1/policy-versions/${draft.id}/redline`, { locale: 'ar' })
    expect(missing.status).toBe(404)
    expect(((await missing.json()) as { error: { message: string } }).error.message).toMatch(/no ar translation yet/)
    expect((await staff.request('editor', 'POST', `/api/v1/policy-versions/${draft.id}/redline`, { locale: 'Arabic' })).status).toBe(400)
  })
})
