import { describe, expect, it } from 'vitest'

import { makePolicy } from './support/fixtures'
import { useStaffApp } from './support/staff'

const staff = useStaffApp()

/** How the admin reads related documents: a POST whose form body is the query. */
const readByPost = (query: string) =>
  fetch(`${staff.app.baseUrl}/api/policies`, {
    method: 'POST',
    headers: { authorization: `JWT ${staff.tokens.editor}`, 'content-type': 'application/x-www-form-urlencoded', 'x-payload-http-method-override': 'GET' },
    body: query,
  })

describe('reads with X-Payload-HTTP-Method-Override: GET', () => {
  it('answers the query in the form body, as the admin\'s relationship fields need', async () => {
    const policy = await makePolicy(staff.app.payload, { title: 'Override policy' })
    const res = await readByPost(`depth=0&limit=1&select%5Btitle%5D=true&where%5Bid%5D%5Bin%5D%5B0%5D=${policy.id}`)
    expect(res.status).toBe(200)
    const body = (await res.json()) as { docs: Array<{ id: number; title: string }> }
    expect(body.docs).toEqual([{ id: policy.id, title: 'Override policy' }])
  })

  it('checks that query like any other: a malformed filter or limit is a 400', async () => {
    const where = await readByPost('where%5Btitle%5D%5Bequals%5D%5B%24ne%5D=')
    expect([where.status, ((await where.json()) as { error: { code: string } }).error.code]).toEqual([400, 'bad_request'])
    const limit = await readByPost('limit=lots')
    expect(limit.status).toBe(400)
  })

  it('creates nothing: the override reads, and a form body without it is still refused', async () => {
    const before = (await staff.app.payload.count({ collection: 'policies' })).totalDocs
    const form = await fetch(`${staff.app.baseUrl}/api/policies`, { method: 'POST', headers: { authorization: `JWT ${staff.tokens.editor}`, 'content-type': 'application/x-www-form-urlencoded' }, body: 'title=x&slug=x' })
    expect(form.status).toBe(415)
    await readByPost('title=x&slug=made-by-override')
    expect((await staff.app.payload.count({ collection: 'policies' })).totalDocs).toBe(before)
  })
})
