import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { makePolicy, makeVersion } from './support/fixtures'
import { freePort } from './support/freePort'
import { printed, serverProcesses } from './support/spawnServer'
import { startTestApp, type TestApp } from './support/testApp'

/**
 * The Legal Center's pages and their JSON twins read the policies, their published histories and
 * the site's languages from a catalog kept in memory while the database's fingerprint of it stays
 * the same. Another instance on the same database (a second server process here) must show what
 * this one changes on its very next request: a new version, a renamed slug, a language offered.
 */
const servers = serverProcesses()
let app: TestApp
let other: string

const get = (path: string) => fetch(`${other}${path}`, { redirect: 'manual' })
const listed = async () => ((await (await get('/api/v1/policies')).json()) as { policies: Array<{ slug: string }> }).policies.map((p) => p.slug)
const versionsOf = async (slug: string) => ((await (await get(`/api/v1/policies/${slug}/versions`)).json()) as { versions: Array<{ version: number }> }).versions.map((v) => v.version)

beforeAll(async () => {
  app = await startTestApp({ sharedDatabase: true })
  const port = await freePort()
  other = `http://127.0.0.1:${port}`
  const server = servers.start({ DATABASE_URL: app.database.url, PORT: String(port), PUBLIC_URL: other, ASSENT_DATA_DIR: process.env.ASSENT_DATA_DIR!, NOTICE_WORKER: 'off', WEBHOOK_WORKER: 'off', LEDGER_CHECKPOINT_MINUTES: '0' })
  await printed(server, /Assent is serving/)
}, 180_000)

afterAll(async () => {
  servers.close()
  await app?.close()
})

describe('the Legal Center of another instance on the same database', () => {
  it('shows a version published here on its next request: the history, the version page, the redline and the JSON', async () => {
    const policy = await makePolicy(app.payload)
    await makeVersion(app.payload, policy.id, { _status: 'published' }, '# Policy\n\nThe first text.')
    // The other instance reads its catalog before the publication.
    expect(await versionsOf(policy.slug)).toEqual([1])
    expect((await get(`/legal/${policy.slug}/compare/1/2`)).status).toBe(404)
    expect((await get(`/legal/${policy.slug}/versions/2`)).status).toBe(404)

    await makeVersion(app.payload, policy.id, { _status: 'published' }, '# Policy\n\nThe second text.')
    expect(await versionsOf(policy.slug)).toEqual([1, 2])
    const version = await get(`/legal/${policy.slug}/versions/2`)
    expect(version.status).toBe(200)
    expect(await version.text()).toContain('The second text.')
    const compare = await get(`/legal/${policy.slug}/compare/1/2`)
    expect(compare.status).toBe(200)
    expect((await compare.text()).match(/<(del|ins)>[^<]*<\/(del|ins)>/g)).toEqual(expect.arrayContaining(['<del> first</del>', '<ins> second</ins>']))
    expect(await (await get(`/legal/${policy.slug}/versions`)).text()).toContain(`/legal/${policy.slug}/versions/2`)
  })

  it('shows on the policy page the version in force: one published here, then one that takes effect while cached', async () => {
    const policy = await makePolicy(app.payload)
    await makeVersion(app.payload, policy.id, { _status: 'published' }, '# Policy\n\nThe first text.')
    const first = await get(`/legal/${policy.slug}`)
    expect(await first.text()).toContain('The first text.')
    // Cached, and revalidated at every visit.
    expect(first.headers.get('cache-control')).toBe('public, max-age=0')
    expect((await get(`/legal/${policy.slug}`)).headers.get('etag')).toBe(first.headers.get('etag'))

    await makeVersion(app.payload, policy.id, { _status: 'published' }, '# Policy\n\nThe second text.')
    const second = await (await get(`/legal/${policy.slug}`)).text()
    expect(second).toContain('The second text.')
    expect(second).not.toContain('The first text.')

    const takesEffect = Date.now() + 3000
    await makeVersion(app.payload, policy.id, { _status: 'published', effectiveAt: new Date(takesEffect).toISOString() }, '# Policy\n\nThe third text.')
    const before = await (await get(`/legal/${policy.slug}`)).text()
    expect(before).toContain('The second text.')
    expect(before).toContain(`/legal/${policy.slug}/versions/3`)
    await new Promise((resolve) => setTimeout(resolve, takesEffect - Date.now() + 200))
    const after = await (await get(`/legal/${policy.slug}`)).text()
    expect(after).toContain('The third text.')
    expect(after).not.toContain('The second text.')
  })

  it('redirects a slug renamed here on its next request, lists the new slug, and answers 404 for a deleted policy, no longer listed', async () => {
    const policy = await makePolicy(app.payload)
    await makeVersion(app.payload, policy.id, { _status: 'published' }, '# Policy\n\nRenamed soon.')
    expect((await get(`/legal/${policy.slug}`)).status).toBe(200)
    expect(await listed()).toContain(policy.slug)
    await app.payload.update({ collection: 'policies', id: policy.id, data: { slug: `${policy.slug}-renamed` } })
    const moved = await get(`/legal/${policy.slug}/versions/1?lang=en`)
    expect(moved.status).toBe(301)
    expect(moved.headers.get('location')).toBe(`/legal/${policy.slug}-renamed/versions/1?lang=en`)
    expect((await get(`/api/v1/policies/${policy.slug}/versions`)).status).toBe(301)
    expect(await versionsOf(`${policy.slug}-renamed`)).toEqual([1])
    expect(await listed()).toEqual(expect.arrayContaining([`${policy.slug}-renamed`]))
    expect(await listed()).not.toContain(policy.slug)
    expect(await (await get('/legal')).text()).toContain(`/legal/${policy.slug}-renamed`)

    const unpublished = await makePolicy(app.payload)
    expect((await get(`/api/v1/policies/${unpublished.slug}/versions`)).status).toBe(200)
    await app.payload.delete({ collection: 'policies', id: unpublished.id })
    const gone = await get(`/api/v1/policies/${unpublished.slug}/versions`)
    expect(gone.status).toBe(404)
    expect(((await gone.json()) as { error: { code: string } }).error.code).toBe('policy_not_found')
    expect(await listed()).not.toContain(unpublished.slug)
  })

  it('speaks a language offered here on its next request', async () => {
    // The other instance seeded the site with English and French.
    expect(await (await get('/legal?lang=ar')).text()).toMatch(/<html lang="en"/)
    await app.payload.updateGlobal({ slug: 'site-languages', data: { locales: 'en, fr, ar' } })
    expect(await (await get('/legal?lang=ar')).text()).toMatch(/<html lang="ar" dir="rtl"/)
  })
})
