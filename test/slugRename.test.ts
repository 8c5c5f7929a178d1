import { describe, expect, it } from 'vitest'

import { makePolicy, makeVersion } from './support/fixtures'
import { useStaffApp } from './support/staff'

// Issue 18, case 5: permanent URLs stay permanent. A slug published under is renamed only by an
// admin, keeps redirecting to the policy, and is never given to another policy.
const staff = useStaffApp()
const payload = () => staff.app.payload
const get = (path: string) => fetch(`${staff.app.baseUrl}${path}`, { redirect: 'manual' })

async function publishedPolicy(text: string) {
  const policy = await makePolicy(payload())
  await makeVersion(payload(), policy.id, { _status: 'published' }, `# Policy\n\n${text}`)
  return policy
}

describe('renaming a published policy and reusing its old slug (the replay of case 5)', () => {
  it('refuses an editor the rename, refuses the old slug to a new policy (409 with a code), and the old addresses redirect to the policy', async () => {
    const policy = await publishedPolicy('The original text.')
    const old = policy.slug
    // Both caches are warm with the original text before the rename.
    expect(await (await get(`/api/v1/policies/${old}/versions/1`)).text()).toContain('The original text.')
    expect(await (await get(`/legal/${old}/versions/1`)).text()).toContain('The original text.')

    expect((await staff.request('editor', 'PATCH', `/api/policies/${policy.id}`, { slug: `${old}-renamed` })).status).toBe(403)
    const renamed = await staff.request('admin', 'PATCH', `/api/policies/${policy.id}`, { slug: `${old}-renamed` })
    expect(renamed.status).toBe(200)
    expect((await payload().findByID({ collection: 'policies', id: policy.id })).formerSlugs).toEqual([old])

    for (const caller of ['editor', 'admin'] as const) {
      const reuse = await staff.request(caller, 'POST', '/api/policies', { title: 'Impostor', slug: old })
      expect(reuse.status, caller).toBe(409)
      expect(JSON.stringify(await reuse.json())).toContain('slug_retired')
    }
    const other = await makePolicy(payload())
    const taken = await staff.request('admin', 'PATCH', `/api/policies/${other.id}`, { slug: old })
    expect(taken.status).toBe(409)
    expect((await payload().find({ collection: 'policies', where: { slug: { equals: old } } })).totalDocs).toBe(0)

    for (const [from, to] of [
      [`/legal/${old}/versions/1`, `/legal/${old}-renamed/versions/1`],
      [`/legal/${old}`, `/legal/${old}-renamed`],
      [`/legal/${old}/feed.atom`, `/legal/${old}-renamed/feed.atom`],
      [`/api/v1/policies/${old}/versions/1`, `/api/v1/policies/${old}-renamed/versions/1`],
      [`/api/v1/policies/${old}/diff?from=1&to=1`, `/api/v1/policies/${old}-renamed/diff?from=1&to=1`],
    ]) {
      const res = await get(from)
      expect(res.status, from).toBe(301)
      expect(res.headers.get('location'), from).toBe(to)
    }
    const moved = await (await fetch(`${staff.app.baseUrl}/api/v1/policies/${old}/versions/1`)).json()
    expect(moved).toMatchObject({ policy: `${old}-renamed`, version: 1 })
  })

  it('records the rename in the ledger', async () => {
    const policy = await publishedPolicy('Text.')
    expect((await staff.request('admin', 'PATCH', `/api/policies/${policy.id}`, { slug: `${policy.slug}-b` })).status).toBe(200)
    const { docs } = await payload().find({ collection: 'ledger-entries', where: { kind: { equals: 'policy-rules' } }, pagination: false })
    const records = docs.map((e) => JSON.parse(e.body).record)
    expect(records).toContainEqual(expect.objectContaining({ policy: policy.id, before: { slug: policy.slug }, after: { slug: `${policy.slug}-b` } }))
  })

  it('lets a policy never published under its slug change it freely, leaving no former slug', async () => {
    const policy = await makePolicy(payload())
    expect((await staff.request('admin', 'PATCH', `/api/policies/${policy.id}`, { slug: `${policy.slug}-x` })).status).toBe(200)
    expect((await payload().findByID({ collection: 'policies', id: policy.id })).formerSlugs ?? []).toEqual([])
    expect((await staff.request('admin', 'POST', '/api/policies', { title: 'Takes it', slug: policy.slug })).status).toBe(201)
  })

  it('never serves a cached page of one policy under another policy', async () => {
    const a = await publishedPolicy('Policy A says this.')
    expect(await (await get(`/api/v1/policies/${a.slug}/versions/1`)).text()).toContain('Policy A says this.')
    await payload().update({ collection: 'policies', id: a.id, data: { slug: `${a.slug}-gone` } })
    // Even when a slug is handed over behind Assent's back (a direct database write, no hooks),
    // the cache is keyed by the policy as well as the slug: B's address serves B's text.
    const b = await publishedPolicy('Policy B says that.')
    await payload().db.updateOne({ collection: 'policies', where: { id: { equals: b.id } }, data: { slug: a.slug } })
    const res = await get(`/api/v1/policies/${a.slug}/versions/1`)
    expect(await res.text()).toContain('Policy B says that.')
  })
  it('shows a retitled policy\'s new title on its cached version and compare pages', async () => {
    const policy = await publishedPolicy('The first text.')
    await makeVersion(payload(), policy.id, { _status: 'published' }, '# Policy\n\nThe second text.')
    const pages = [`/legal/${policy.slug}/versions/1`, `/legal/${policy.slug}/compare/1/2`, `/legal/${policy.slug}/compare/1/2?view=side`]
    for (const page of pages) expect(await (await get(page)).text(), page).toContain(policy.title)
    expect((await staff.request('admin', 'PATCH', `/api/policies/${policy.id}`, { title: 'Retitled Policy' })).status).toBe(200)
    for (const page of pages) {
      const html = await (await get(page)).text()
      expect(html, page).toContain('Retitled Policy')
      expect(html, page).not.toContain(policy.title)
    }
  })
})
