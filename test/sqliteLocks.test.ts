import Database from 'libsql'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { makePolicy } from './support/fixtures'
import { loginStaff } from './support/staff'
import { startTestApp, type TestApp } from './support/testApp'

const onSqliteFile = !process.env.TEST_DATABASE_URL
if (!onSqliteFile) console.log('sqliteLocks: skipped, these are SQLite file locks and TEST_DATABASE_URL names another database')

let app: TestApp
let admin: string
beforeAll(async () => {
  if (!onSqliteFile) return
  app = await startTestApp({ sharedDatabase: true })
  admin = (await loginStaff(app.payload, app.baseUrl)).admin
})
afterAll(() => app?.close())

/** Another process's connection holding the write lock for `ms` (a CLI beside the server, say). */
function holdLock(ms: number): Promise<void> {
  const other = new Database(app.database.url.replace(/^file:/, ''))
  other.exec('begin immediate')
  return new Promise((resolve) =>
    setTimeout(() => {
      other.exec('commit')
      other.close()
      resolve()
    }, ms),
  )
}

/** The longest the event loop went without running a 5 ms timer, while `work` ran. */
async function longestStall(work: Promise<unknown>): Promise<number> {
  let last = performance.now()
  let longest = 0
  const timer = setInterval(() => {
    const now = performance.now()
    longest = Math.max(longest, now - last)
    last = now
  }, 5)
  try {
    await work
  } finally {
    clearInterval(timer)
  }
  return longest
}

describe.runIf(onSqliteFile)('SQLite locks held by another connection', () => {
  it('lets writes wait for the lock without stopping the event loop, then land', async () => {
    const held = holdLock(700)
    const stall = await longestStall(Promise.all([
      held,
      makePolicy(app.payload, { slug: 'waited-for' }),
      app.payload.db.updateOne({ collection: 'users', where: { email: { equals: 'editor@example.com' } }, data: { name: 'Outside a transaction' } }),
    ]))
    expect(stall).toBeLessThan(100)
    expect((await app.payload.find({ collection: 'policies', where: { slug: { equals: 'waited-for' } } })).totalDocs).toBe(1)
    expect((await app.payload.find({ collection: 'users', where: { name: { equals: 'Outside a transaction' } } })).totalDocs).toBe(1)
  })

  it('stores every document it answered 201 for, when the requests met a taken lock', async () => {
    const held = holdLock(300)
    const emails = Array.from({ length: 6 }, (_, n) => `waited-${n}@example.com`)
    const statuses = await Promise.all(
      emails.map((email) =>
        fetch(`${app.baseUrl}/api/users`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `JWT ${admin}` },
          body: JSON.stringify({ email, password: 'long-enough-password', role: 'editor' }),
        }).then((res) => res.status),
      ),
    )
    await held
    // Later writes on the same connections must land too.
    await makePolicy(app.payload, { slug: 'after-the-wait' })
    expect(statuses).toEqual(emails.map(() => 201))
    const stored = await app.payload.find({ collection: 'users', where: { email: { in: emails } }, limit: 10 })
    expect(stored.docs.map((u) => u.email).sort()).toEqual([...emails].sort())
    expect((await app.payload.find({ collection: 'policies', where: { slug: { equals: 'after-the-wait' } } })).totalDocs).toBe(1)
  })
})
