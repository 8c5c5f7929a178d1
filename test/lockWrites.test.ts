import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { makePolicy } from './support/fixtures'
import { startTestApp, type TestApp } from './support/testApp'

let app: TestApp
beforeAll(async () => {
  app = await startTestApp()
})
afterAll(() => app?.close())

/** The write Payload's admin makes when someone opens a document: straight to the database. */
async function lockAsTheAdminDoes(userId: number | string, policyId: number | string) {
  await app.payload.db.create({
    collection: 'payload-locked-documents',
    data: { document: { relationTo: 'policies', value: policyId }, user: { relationTo: 'users', value: userId } },
    returning: false,
  } as never)
  return (await app.payload.count({ collection: 'payload-locked-documents', where: { 'user.value': { equals: userId } } })).totalDocs
}

describe("the admin's document locks", () => {
  it('are never taken for an auditor who opens a document, and still are for editors', async () => {
    const policy = await makePolicy(app.payload)
    // The first account is always an admin.
    await app.payload.create({ collection: 'users', data: { email: 'lock-admin@example.com', password: 'long-enough-password', role: 'admin' } })
    const auditor = await app.payload.create({ collection: 'users', data: { email: 'lock-auditor@example.com', password: 'long-enough-password', role: 'auditor' } })
    const editor = await app.payload.create({ collection: 'users', data: { email: 'lock-editor@example.com', password: 'long-enough-password', role: 'editor' } })
    expect(await lockAsTheAdminDoes(auditor.id, policy.id)).toBe(0)
    expect(await lockAsTheAdminDoes(editor.id, policy.id)).toBe(1)
  })
})
