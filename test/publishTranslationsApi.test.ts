import { beforeAll, describe, expect, it } from 'vitest'

import { canonicalText } from '../src/domain/canonicalText'
import { contentHash } from '../src/domain/contentHash'
import { makePolicy } from './support/fixtures'
import { useStaffApp } from './support/staff'

/** Issue 24: automation publishes a version with its texts in other locales, and adds a text to a
 * version already published; each is frozen, once. */
const staff = useStaffApp()
beforeAll(async () => {
  await staff.app.payload.updateGlobal({ slug: 'site-languages', data: { defaultLocale: 'en', locales: 'en, fr, ar' } })
})

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString()
const FRENCH = '# Conditions\n\nNous gardons les journaux 13 mois.\n'
const revision = (over: Record<string, unknown> = {}) => ({
  markdown: '# Terms\n\nWe keep logs for 13 months.\n',
  changeClass: 'material',
  summary: 'Adds retention.',
  effectiveAt: inDays(31),
  ...over,
})
type Refusal = { error: { code: string; message: string } }
const translationsOf = async (policyId: number | string) => {
  const { docs } = await staff.app.payload.find({ collection: 'version-translations', where: { policy: { equals: policyId } }, depth: 0 })
  return docs
}
const versionsOf = async (policyId: number | string) => (await staff.app.payload.count({ collection: 'policy-versions', where: { policy: { equals: policyId } } })).totalDocs

describe('POST /api/v1/policies/:slug/versions with translations', () => {
  it('publishes the version and freezes each translation with it, in one transaction', async () => {
    const policy = await makePolicy(staff.app.payload)
    const res = await staff.request('editor', 'POST', `/api/v1/policies/${policy.slug}/versions`, revision({ translations: { fr: { markdown: FRENCH, summary: 'Ajoute la conservation.' } } }))
    expect(res.status).toBe(201)
    const body = (await res.json()) as { publishedAt: string; translations: unknown[] }
    expect(body.translations).toEqual([{ locale: 'fr', summary: 'Ajoute la conservation.', contentHash: contentHash(canonicalText(FRENCH)), addedAt: body.publishedAt }])
    const [french] = await translationsOf(policy.id)
    expect([french.frozenAt, french.versionNumber]).toEqual([body.publishedAt, 1])
  })

  it('answers translations: [] when none is given', async () => {
    const policy = await makePolicy(staff.app.payload)
    const res = await staff.request('editor', 'POST', `/api/v1/policies/${policy.slug}/versions`, revision())
    expect(((await res.json()) as { translations: unknown }).translations).toEqual([])
  })

  it('refuses a locale the site does not offer with 422 locale_not_offered, and a malformed one with 400, writing nothing', async () => {
    const policy = await makePolicy(staff.app.payload)
    const offered = { markdown: FRENCH, summary: 'Ajoute la conservation.' }
    const notOffered = await staff.request('editor', 'POST', `/api/v1/policies/${policy.slug}/versions`, revision({ translations: { fr: offered, de: { markdown: '# Bedingungen\n', summary: 'Neu.' } } }))
    expect(notOffered.status).toBe(422)
    expect(((await notOffered.json()) as Refusal).error.code).toBe('locale_not_offered')
    const malformed = await staff.request('editor', 'POST', `/api/v1/policies/${policy.slug}/versions`, revision({ translations: { French: offered } }))
    expect(malformed.status).toBe(400)
    expect(((await malformed.json()) as Refusal).error.code).toBe('validation_failed')
    expect([await versionsOf(policy.id), (await translationsOf(policy.id)).length]).toEqual([0, 0])
  })
})

describe('POST /api/v1/policies/:slug/versions/:version/translations', () => {
  const add = (slug: string, version: number, body: Record<string, unknown>, as: 'editor' | 'auditor' = 'editor') =>
    staff.request(as, 'POST', `/api/v1/policies/${slug}/versions/${version}/translations`, body)
  const arabic = { locale: 'ar', markdown: '# الشروط\n\nنحتفظ بالسجلات 13 شهرًا.\n', summary: 'يضيف مدة الاحتفاظ.' }

  it('adds a translation to a published version, frozen at once (later than the version) and recorded in the ledger; a second one is 409 translation_exists', async () => {
    const policy = await makePolicy(staff.app.payload)
    const published = (await (await staff.request('editor', 'POST', `/api/v1/policies/${policy.slug}/versions`, revision())).json()) as { publishedAt: string }
    const entries = async () => (await staff.app.payload.count({ collection: 'ledger-entries', where: { kind: { equals: 'translation' } } })).totalDocs
    const before = await entries()
    const res = await add(policy.slug, 1, arabic)
    expect(res.status).toBe(201)
    const body = (await res.json()) as Record<string, string>
    expect(body).toEqual({ policy: policy.slug, version: 1, locale: 'ar', summary: arabic.summary, contentHash: contentHash(canonicalText(arabic.markdown)), addedAt: expect.any(String) })
    expect(new Date(body.addedAt).getTime()).toBeGreaterThan(new Date(published.publishedAt).getTime())
    expect(await entries()).toBe(before + 1)
    const again = await add(policy.slug, 1, { ...arabic, summary: 'Autre.' })
    expect(again.status).toBe(409)
    expect(((await again.json()) as Refusal).error.code).toBe('translation_exists')
    expect((await translationsOf(policy.id)).map((t) => t.summary)).toEqual([arabic.summary])
  })

  it('refuses an unknown version (404), a locale not offered (422), a malformed one (400) and an auditor (403), adding nothing', async () => {
    const policy = await makePolicy(staff.app.payload)
    await staff.request('editor', 'POST', `/api/v1/policies/${policy.slug}/versions`, revision())
    const outcomes = [
      await add(policy.slug, 2, arabic),
      await add(policy.slug, 1, { ...arabic, locale: 'de' }),
      await add(policy.slug, 1, { ...arabic, locale: 'Arabic!' }),
      await add(policy.slug, 1, arabic, 'auditor'),
    ]
    const codes = await Promise.all(outcomes.map(async (r) => [r.status, ((await r.json()) as Refusal).error.code]))
    expect(codes).toEqual([[404, 'version_not_found'], [422, 'locale_not_offered'], [400, 'validation_failed'], [403, 'forbidden']])
    expect(await translationsOf(policy.id)).toEqual([])
  })
})
