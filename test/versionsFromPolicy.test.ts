import { describe, expect, it } from 'vitest'

import { makePolicy, makeVersion } from './support/fixtures'
import { useStaffApp } from './support/staff'

const staff = useStaffApp()

interface ErrorBody { errors?: Array<{ message: string }>; error?: { code: string; message: string } }
const json = async <T>(res: Response) => (await res.json()) as T

describe('a version starts from its policy', () => {
  it('offers no blank "Create New" in the admin: creating needs the new version in hand', async () => {
    const access = await json<{ collections: Record<string, { create?: unknown; update?: unknown }> }>(await staff.request('editor', 'GET', '/api/access'))
    expect(access.collections['policy-versions'].update).toBeTruthy()
    expect(access.collections['policy-versions'].create ?? false).toBe(false)
  })

  it('refuses a draft without a policy with a clear message and saves nothing, yet creates one with a policy', async () => {
    const before = (await staff.app.payload.count({ collection: 'policy-versions' })).totalDocs
    const res = await staff.request('editor', 'POST', '/api/policy-versions?draft=true', { summary: 'No policy' })
    expect(res.status).toBe(422)
    expect(JSON.stringify(await res.json())).toContain('start it from the policy with \\"New revision\\"')
    expect((await staff.app.payload.count({ collection: 'policy-versions' })).totalDocs).toBe(before)

    const policy = await makePolicy(staff.app.payload)
    const made = await staff.request('editor', 'POST', '/api/policy-versions?draft=true', { policy: policy.id, summary: 'With a policy' })
    expect(made.status).toBe(201)
  })

  it('answers clearly, never 5xx, for a draft saved without a policy before this rule', async () => {
    const { payload } = staff.app
    // As such a draft was stored: a row with no policy, written past the hooks.
    const orphan = await payload.db.create({ collection: 'policy-versions', data: { summary: 'Blank', _status: 'draft' } })
    for (const [method, path, body] of [
      ['POST', `/api/v1/policy-versions/${orphan.id}/redline`, {}],
      ['GET', `/api/v1/policy-versions/${orphan.id}/publishing-plan`, undefined],
      ['GET', `/api/v1/policy-versions/${orphan.id}/page-preview`, undefined],
    ] as const) {
      const res = await staff.request('editor', method, path, body)
      expect([path, res.status]).toEqual([path, 422])
      expect((await json<ErrorBody>(res)).error).toMatchObject({ code: 'version_without_policy', message: expect.stringContaining('belongs to no policy') })
    }
  })
})

describe("a version's title", () => {
  it('is its policy and number: "— draft of version N" while drafting, "— version N" once published', async () => {
    const { payload } = staff.app
    const policy = await makePolicy(payload, { title: 'Privacy Policy' })
    const first = await makeVersion(payload, policy.id, { _status: 'published', summary: 'First.' })
    const draft = await makeVersion(payload, policy.id, { summary: 'Says how long we keep tickets.' })
    const read = (id: number | string) => staff.request('editor', 'GET', `/api/policy-versions/${id}?draft=true&depth=0`).then((r) => json<{ title: string }>(r))
    expect((await read(first.id)).title).toBe('Privacy Policy — version 1')
    expect((await read(draft.id)).title).toBe('Privacy Policy — draft of version 2')
    const { docs } = await json<{ docs: Array<{ id: number; title: string }> }>(await staff.request('editor', 'GET', `/api/policy-versions?draft=true&depth=0&where[policy][equals]=${policy.id}&sort=createdAt`))
    expect(docs.map((d) => d.title)).toEqual(['Privacy Policy — version 1', 'Privacy Policy — draft of version 2'])
  })
})
