import { readFileSync } from 'node:fs'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { ensureAdmin } from '../src/services/staff/ensureAdmin'
import { findVersion } from '../src/services/legalCenter/findVersion'
import { policyTimeline } from '../src/services/policies/policyTimeline'
import { publicReads } from '../src/services/legalCenter/publicReads'
import { seedPolicies } from '../src/services/publishing/seedPolicies'
import { startTestApp, type TestApp } from './support/testApp'

let app: TestApp
beforeAll(async () => {
  app = await startTestApp()
})
afterAll(() => app?.close())

/** The characters a reader sees, without Markdown markup, bullets or whitespace. */
const squash = (text: string) =>
  text.replace(/^#+ /gm, '').replace(/^- /gm, '').replace(/\*\*/g, '').replace(/•/g, '').replace(/\s+/g, '')

describe('seeding a new install', () => {
  it('creates the first admin from the environment, once', async () => {
    const env = { ASSENT_ADMIN_EMAIL: 'owner@example.com', ASSENT_ADMIN_PASSWORD: 'a-long-admin-password' }
    expect(await ensureAdmin(app.payload, env)).toEqual({ email: 'owner@example.com', generatedPassword: undefined })
    expect(await ensureAdmin(app.payload, env)).toBeUndefined()
    const { docs } = await app.payload.find({ collection: 'users' })
    expect(docs.map((u) => [u.email, u.role])).toEqual([['owner@example.com', 'admin']])
  })

  it('seeds the privacy policy and the terms, then never again', async () => {
    expect(await seedPolicies(app.payload)).toBe(true)
    expect(await seedPolicies(app.payload)).toBe(false)
    const { docs } = await app.payload.find({ collection: 'policies', sort: 'slug' })
    expect(docs.map((p) => p.slug)).toEqual(['privacy', 'terms'])
  })

  it('makes version 1 of the privacy policy the fixture text, effective 2020-02-10', async () => {
    const { inForce } = await policyTimeline(await publicReads(app.payload), 'privacy', new Date())
    expect(inForce?.version).toBe(1)
    expect(inForce?.effectiveAt.toISOString()).toBe('2020-02-10T00:00:00.000Z')
    const { version } = await findVersion(app.payload, 'privacy', 1)
    const fixture = readFileSync(new URL('./fixtures/privacy-policy-2020-02-10.txt', import.meta.url), 'utf8')
    expect(squash(version.text!)).toBe(`PrivacyPolicy${squash(fixture)}`)
  })

  it('announces a material version 2 taking effect after the notice period', async () => {
    const { upcoming } = await policyTimeline(await publicReads(app.payload), 'privacy', new Date())
    expect(upcoming).toHaveLength(1)
    expect(upcoming[0]).toMatchObject({ version: 2, changeClass: 'material' })
    expect(upcoming[0].effectiveAt.getTime()).toBeGreaterThan(Date.now() + 30 * 86_400_000)
  })

  it('serves the seeded data through Payload REST to the public', async () => {
    const res = await fetch(`${app.baseUrl}/api/policy-versions?where[_status][equals]=published&limit=10`)
    const { totalDocs } = (await res.json()) as { totalDocs: number }
    expect(totalDocs).toBe(3)
  })
})
