import { beforeAll, describe, expect, it } from 'vitest'

import { seedPolicies } from '../src/services/publishing/seedPolicies'
import { makePolicy } from './support/fixtures'
import { useStaffApp } from './support/staff'

// Case 2 of issue 19, replayed on the seed: privacy version 2 (material) is upcoming, then an
// informational version 3 is published with the same effective date. Version 2 never takes effect.
const staff = useStaffApp()
const DAY_MS = 86_400_000
const get = (path: string) => fetch(`${staff.app.baseUrl}${path}`)
const json = async <T = Record<string, any>>(path: string) => (await (await get(path)).json()) as T
const html = async (path: string) => (await get(path)).text()
const upcomingOf = (policy: { upcoming: Array<{ version: number }> }) => policy.upcoming.map((v) => v.version)
const privacyIn = (body: { policies: Array<{ slug: string; upcoming: Array<{ version: number }> }> }) => body.policies.find((p) => p.slug === 'privacy')!

let v2Effective: string
beforeAll(async () => {
  await seedPolicies(staff.app.payload)
  v2Effective = (await json('/api/v1/policies/privacy/versions/2')).effectiveAt
})

describe('before a later version catches up with it', () => {
  it('announces the upcoming version 2 as a list of one on both routes', async () => {
    expect(upcomingOf(privacyIn(await json('/api/v1/policies')))).toEqual([2])
    expect(upcomingOf(await json('/api/v1/policies/privacy'))).toEqual([2])
    expect(await html('/legal')).toContain('Updated version 2 takes effect on')
  })
})

describe('after version 3 is published with version 2\'s date', () => {
  beforeAll(async () => {
    const res = await staff.request('editor', 'POST', '/api/v1/policies/privacy/versions', {
      markdown: '# Privacy Policy\n\nWe keep support tickets for 24 months, as version 2 says.\n',
      changeClass: 'informational',
      summary: 'Clarifies how long we keep support tickets.',
      effectiveAt: v2Effective,
    })
    expect(res.status, await res.clone().text()).toBe(201)
  })

  it('no longer announces version 2 on /legal, and announces version 3', async () => {
    const page = await html('/legal')
    expect(page).not.toContain('Updated version 2 takes effect')
    expect(page).toContain('Updated version 3 takes effect on')
    expect(page).toContain('(version 2 never takes effect)')
  })

  it('shows one notice on the policy page, naming the version it replaces', async () => {
    const page = await html('/legal/privacy')
    expect(page.match(/<aside class="notice"/g)).toHaveLength(1)
    expect(page).toContain('href="/legal/privacy/versions/3">Read version 3</a>')
    expect(page).toMatch(/It replaces <a href="\/legal\/privacy\/versions\/2">version 2<\/a>, announced for <time[^>]*>[^<]+<\/time>: version 2 is superseded before it took effect and will never be in force\./)
    expect(page).toContain('href="/legal/privacy/compare/1/3"')
  })

  it('marks version 2 superseded before it took effect, by version 3, in the list and on its page', async () => {
    const list = await html('/legal/privacy/versions')
    expect(list).toContain('superseded before it took effect, by version 3')
    expect(list.match(/badge-upcoming/g)).toHaveLength(1)
    const own = await html('/legal/privacy/versions/2')
    expect(own).toContain('class="status status-superseded-before-effect"')
    expect(own).toContain('Superseded before it took effect: version 3 replaced it before its effective date, so this version was never in force.')
    expect(own).not.toContain('takes effect on its effective date')
  })

  it('answers version 3, never version 2, as in force from that date on, like the pages', async () => {
    const day = new Date(v2Effective)
    const at = async (instant: Date) => (await json(`/api/v1/policies/privacy/in-force?at=${instant.toISOString()}`)).version
    expect(await at(new Date(day.getTime() - 1))).toBe(1)
    expect(await at(day)).toBe(3)
    expect(await at(new Date(day.getTime() + DAY_MS))).toBe(3)
    expect(await at(new Date('2099-01-01T00:00:00Z'))).toBe(3)
  })

  it('lists only version 3 as upcoming, in the same shape on both routes', async () => {
    const listed = privacyIn(await json('/api/v1/policies'))
    const own = await json<{ upcoming: Array<{ version: number; supersededBeforeEffectBy: number | null }> }>('/api/v1/policies/privacy')
    expect(upcomingOf(listed)).toEqual([3])
    expect(own.upcoming).toEqual(listed.upcoming)
    expect(own.upcoming[0].supersededBeforeEffectBy).toBeNull()
  })

  it('names the superseding version in the version list and in version 2\'s own answer', async () => {
    const { versions } = await json<{ versions: Array<{ version: number; supersededBeforeEffectBy: number | null }> }>('/api/v1/policies/privacy/versions')
    expect(versions.map((v) => [v.version, v.supersededBeforeEffectBy])).toEqual([[1, null], [2, 3], [3, null]])
    expect((await json('/api/v1/policies/privacy/versions/2')).supersededBeforeEffectBy).toBe(3)
    expect((await json('/api/v1/policies/privacy/versions/3')).supersededBeforeEffectBy).toBeNull()
  })

  it('tells feed readers that version 2 never takes effect, in its entry and in version 3\'s', async () => {
    const xml = await html('/legal/privacy/feed.atom')
    const entries = xml.split('<entry>').slice(1)
    const entry = (n: number) => entries.find((e) => e.includes(`/legal/privacy/versions/${n}<`))!
    expect(entry(2)).toContain('version 2 (material), superseded before it took effect by version 3')
    expect(entry(2)).not.toContain('Takes effect on')
    expect(entry(3)).toMatch(/Replaces version 2 \(announced for \d{4}-\d{2}-\d{2}\), which never takes effect\./)
    // Version 2's entry counts as updated when version 3 was published, so readers see it again.
    const updated = (e: string) => e.match(/<updated>([^<]+)<\/updated>/)![1]
    expect(updated(entry(2))).toBe(updated(entry(3)))
  })
})

describe('versions that each take effect', () => {
  it('lists every upcoming version, soonest first, on both routes', async () => {
    const policy = await makePolicy(staff.app.payload, { noticePeriodDays: 0 })
    const publish = (days: number) =>
      staff.request('editor', 'POST', `/api/v1/policies/${policy.slug}/versions`, { markdown: `# Policy\n\nRevision dated in ${days} days.\n`, changeClass: 'informational', summary: `In ${days} days.`, effectiveAt: new Date(Date.now() + days * DAY_MS).toISOString() })
    for (const days of [5, 10, 20]) expect((await publish(days)).status).toBe(201)
    const own = await json<{ upcoming: Array<{ version: number }> }>(`/api/v1/policies/${policy.slug}`)
    const listed = (await json<{ policies: Array<{ slug: string; upcoming: Array<{ version: number }> }> }>('/api/v1/policies')).policies.find((p) => p.slug === policy.slug)!
    expect(upcomingOf(own)).toEqual([1, 2, 3])
    expect(listed.upcoming).toEqual(own.upcoming)
    expect((await html(`/legal/${policy.slug}`)).match(/<aside class="notice"/g)).toHaveLength(3)
  })

  it('publishes from the dialog a date that supersedes an upcoming version only once the editor confirms that version', async () => {
    const policy = await makePolicy(staff.app.payload, { noticePeriodDays: 0 })
    const day = (n: number) => new Date(Date.UTC(2031, 0, n)).toISOString()
    for (const [n, effectiveAt] of [[1, day(1)], [2, day(10)]] as const) {
      const res = await staff.request('editor', 'POST', `/api/v1/policies/${policy.slug}/versions`, { markdown: `# Policy\n\nVersion ${n}.\n`, changeClass: 'informational', summary: `Version ${n}.`, effectiveAt })
      expect(res.status).toBe(201)
    }
    const draft = (await (await staff.request('editor', 'POST', `/api/v1/policies/${policy.slug}/revisions`, {})).json()) as { id: number }
    const publish = (extra: Record<string, unknown>) => staff.request('editor', 'POST', `/api/v1/policy-versions/${draft.id}/publish`, { changeClass: 'editorial', summary: 'Fixes a typo.', effectiveAt: day(10), ...extra })
    const versions = async () => (await json<{ versions: Array<{ version: number }> }>(`/api/v1/policies/${policy.slug}/versions`)).versions.length

    const unconfirmed = await publish({})
    expect(unconfirmed.status).toBe(409)
    const refusal = (await unconfirmed.json()) as { error: { code: string; message: string; fields: string[] } }
    expect(refusal.error).toMatchObject({ code: 'supersession_unconfirmed', fields: ['effectiveAt'] })
    expect(refusal.error.message).toBe('Version 2 (informational, takes effect 10 January 2031) will never take effect: this version replaces it first. Choose a later date to keep it, or confirm with supersedes: [2].')
    // Confirming another version than the one it would replace confirms nothing.
    expect((await publish({ supersedes: [1] })).status).toBe(409)
    expect(await versions()).toBe(2)

    const confirmed = await publish({ supersedes: [2] })
    expect(confirmed.status, await confirmed.clone().text()).toBe(201)
    const list = await json<{ versions: Array<{ version: number; supersededBeforeEffectBy: number | null }> }>(`/api/v1/policies/${policy.slug}/versions`)
    expect(list.versions.map((v) => v.supersededBeforeEffectBy)).toEqual([null, 3, null])
  })

  it('publishes from the dialog without a confirmation when the date comes after every upcoming version', async () => {
    const policy = await makePolicy(staff.app.payload, { noticePeriodDays: 0 })
    const first = await staff.request('editor', 'POST', `/api/v1/policies/${policy.slug}/versions`, { markdown: '# Policy\n\nFirst.\n', changeClass: 'informational', summary: 'First.', effectiveAt: new Date(Date.UTC(2031, 0, 1)).toISOString() })
    expect(first.status).toBe(201)
    const draft = (await (await staff.request('editor', 'POST', `/api/v1/policies/${policy.slug}/revisions`, {})).json()) as { id: number }
    const res = await staff.request('editor', 'POST', `/api/v1/policy-versions/${draft.id}/publish`, { changeClass: 'editorial', summary: 'Fixes a typo.', effectiveAt: new Date(Date.UTC(2031, 0, 2)).toISOString() })
    expect(res.status, await res.clone().text()).toBe(201)
    expect(upcomingOf(await json(`/api/v1/policies/${policy.slug}`))).toEqual([1, 2])
  })

  it('gives the publish dialog the upcoming versions a new date would supersede', async () => {
    const policy = await makePolicy(staff.app.payload, { noticePeriodDays: 0 })
    const effectiveAt = new Date(Date.UTC(2030, 0, 1)).toISOString()
    const first = await staff.request('editor', 'POST', `/api/v1/policies/${policy.slug}/versions`, { markdown: '# Policy\n\nFirst.\n', changeClass: 'material', summary: 'First.', effectiveAt })
    expect(first.status).toBe(201)
    const draft = (await (await staff.request('editor', 'POST', `/api/v1/policies/${policy.slug}/revisions`, {})).json()) as { id: number }
    const plan = (await (await staff.request('editor', 'GET', `/api/v1/policy-versions/${draft.id}/publishing-plan`)).json()) as { upcoming: unknown }
    expect(plan.upcoming).toEqual([{ version: 1, changeClass: 'material', effectiveAt }])
  })
})
