import { describe, expect, it } from 'vitest'

import { parseRevisionFile } from '../src/formats/parseRevisionFile'
import { importHistory } from '../src/services/publishing/importHistory'
import { seedPolicies } from '../src/services/publishing/seedPolicies'
import { makePolicy, makeVersion } from './support/fixtures'
import { useStaffApp } from './support/staff'

const staff = useStaffApp()
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString()

/** Every version's id, by whether it has the `publishedAt` only publishing writes and by its
 * `_status`: the two marks of publication the code once tested in turn. */
async function marks() {
  const { docs } = await staff.app.payload.find({ collection: 'policy-versions', pagination: false, depth: 0, select: { publishedAt: true, _status: true } })
  const ids = (keep: (doc: (typeof docs)[number]) => boolean) => docs.filter(keep).map((d) => d.id).sort()
  return { withPublishedAt: ids((d) => d.publishedAt != null), withStatusPublished: ids((d) => d._status === 'published'), all: docs.length }
}

describe('what "published" means', () => {
  it('is the same version set by publishedAt and by _status after every path that publishes, drafts in neither', async () => {
    const { payload } = staff.app
    // Seed: history (2020) and one published now.
    expect(await seedPolicies(payload)).toBe(true)
    // The Markdown API.
    const api = await makePolicy(payload)
    expect((await staff.request('editor', 'POST', `/api/v1/policies/${api.slug}/versions`, { markdown: '# Terms\n\nFirst.\n', changeClass: 'material', summary: 'First.', effectiveAt: inDays(31) })).status).toBe(201)
    // The admin's publish dialog, on a revision started from the policy.
    const started = (await (await staff.request('editor', 'POST', `/api/v1/policies/${api.slug}/revisions`, {})).json()) as { id: number }
    expect((await staff.request('editor', 'POST', `/api/v1/policy-versions/${started.id}/publish`, { changeClass: 'material', summary: 'Second.', effectiveAt: inDays(40) })).status).toBe(201)
    // Payload's REST API, as the admin's own publish button does it.
    const rest = await makePolicy(payload)
    const draft = await makeVersion(payload, rest.id)
    expect((await staff.request('editor', 'PATCH', `/api/policy-versions/${draft.id}`, { _status: 'published' })).status).toBe(200)
    // An import: history, then a revision still to take effect.
    await importHistory(payload, 'imported-meaning', [
      parseRevisionFile('2020-01-01-terms.md', '# Terms\n\nOld.\n'),
      parseRevisionFile('2021-01-01-terms.md', '# Terms\n\nNewer.\n'),
      { ...parseRevisionFile('2099-01-01-terms.md', '# Terms\n\nUpcoming.\n'), effectiveAt: new Date(inDays(45)), changeClass: 'material' },
    ], { publishUpcoming: true, policy: { title: 'Imported', acceptanceMode: 'clickwrap', noticePeriodDays: 30 } })
    // Drafts: an open revision and an autosaved one.
    await staff.request('editor', 'POST', `/api/v1/policies/${rest.slug}/revisions`, {})
    await makeVersion(payload, api.id)

    const { withPublishedAt, withStatusPublished, all } = await marks()
    expect(withPublishedAt).toHaveLength(3 + 2 + 1 + 3)
    expect(withStatusPublished).toEqual(withPublishedAt)
    expect(all).toBe(withPublishedAt.length + 2)
  }, 60_000)
})
