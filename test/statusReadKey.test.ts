import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { postgresPool } from '../src/db/leanQuery'
import { hashApiKey, type ApiKeyScope } from '../src/domain/apiKey'
import { recordAcceptance } from '../src/services/acceptance/recordAcceptance'
import { findVersion } from '../src/services/legalCenter/findVersion'
import { createApiKey } from '../src/services/staff/apiKeys'
import { upsertSubjects } from '../src/services/subjects/upsertSubjects'
import { subjectsStore } from '../src/store/subjects'
import { startSeededTestApp } from './support/startSeededTestApp'
import type { TestApp } from './support/testApp'

let app: TestApp
const keys: Record<'valid' | 'revoked' | 'audit', { key: string; id: number | string }> = {} as never

beforeAll(async () => {
  app = await startSeededTestApp()
  await upsertSubjects(app.payload, [{ externalId: 'read-with-key' }])
  const v1 = (await findVersion(app.payload, 'privacy', 1)).version
  await recordAcceptance(app.payload, { subject: 'read-with-key', versions: [{ policy: 'privacy', version: 1, contentHash: v1.contentHash! }], method: 'api', source: 'api' }, { now: new Date() })
  keys.valid = await createApiKey(app.payload, 'valid', 'integration')
  keys.revoked = await createApiKey(app.payload, 'revoked', 'integration')
  await app.payload.update({ collection: 'api-keys', id: keys.revoked.id, data: { revokedAt: new Date().toISOString() } })
  keys.audit = await createApiKey(app.payload, 'audit', 'audit')
})
afterAll(() => app?.close())

const read = (key: string, notices: boolean, scope: ApiKeyScope = 'integration') =>
  subjectsStore(app.payload).statusRead('read-with-key', { notices, apiKey: { hash: hashApiKey(key), scope } })

describe('a status read given the API key the request presents', () => {
  for (const notices of [false, true]) {
    it(`reads the key and, only for a key that admits the route, the subject (${notices ? 'with' : 'without'} notices)`, async () => {
      const admitted = await read(keys.valid.key, notices)
      expect(admitted.apiKey).toMatchObject({ id: keys.valid.id, name: 'valid', scope: 'integration' })
      expect(admitted.apiKey!.revokedAt ?? null).toBeNull()
      expect(admitted.subject?.externalId).toBe('read-with-key')
      expect(admitted.acceptedVersions).toHaveLength(1)

      const revoked = await read(keys.revoked.key, notices)
      expect(revoked.apiKey).toMatchObject({ id: keys.revoked.id })
      expect(revoked.apiKey!.revokedAt).toBeTruthy()
      const otherScope = await read(keys.audit.key, notices)
      expect(otherScope.apiKey).toMatchObject({ id: keys.audit.id, scope: 'audit' })
      const unknown = await read('assent_no-such-key', notices)
      expect(unknown.apiKey).toBeNull()
      // The subject exists and accepted a version, yet none of these reads saw it.
      for (const refused of [revoked, otherScope, unknown]) {
        expect(refused.subject).toBeUndefined()
        expect(refused.acceptedVersions).toEqual([])
        expect(refused.recentNotices ?? []).toEqual([])
      }
      // The scope asked for is the route's: the audit key admits an audit route.
      expect((await read(keys.audit.key, notices, 'audit')).subject?.externalId).toBe('read-with-key')
    })
  }

  it('reads no key when none is given', async () => {
    const plain = await subjectsStore(app.payload).statusRead('read-with-key', { notices: true })
    expect(plain.apiKey).toBeUndefined()
    expect(plain.subject?.externalId).toBe('read-with-key')
  })

  it('gives reads made at once, each with its own key, what each gives alone (on PostgreSQL, in one statement)', async () => {
    const calls: Array<[string, Parameters<ReturnType<typeof subjectsStore>['statusRead']>[1]]> = []
    for (const notices of [false, true]) {
      for (const subject of ['read-with-key', 'never-seen']) {
        calls.push([subject, { notices }])
        for (const key of [keys.valid.key, keys.revoked.key, keys.audit.key, 'assent_no-such-key']) calls.push([subject, { notices, apiKey: { hash: hashApiKey(key), scope: 'integration' } }])
        calls.push([subject, { notices, apiKey: { hash: hashApiKey(keys.audit.key), scope: 'audit' } }])
      }
    }
    const alone = []
    for (const [subject, options] of calls) alone.push(await subjectsStore(app.payload).statusRead(subject, options))
    const pool = postgresPool(app.payload)
    const statements = pool && vi.spyOn(pool, 'query')
    const together = await Promise.all(calls.map(([subject, options]) => subjectsStore(app.payload).statusRead(subject, options)))
    expect(together).toEqual(alone)
    // Each read's key admits only its own: the admitted ones, and only those, saw the subject.
    expect(together.filter((read) => read.subject?.externalId === 'read-with-key')).toHaveLength(6)
    if (statements) {
      // One statement for each of the four texts (with or without notices, with or without a key).
      expect(statements).toHaveBeenCalledTimes(4)
      statements.mockRestore()
    }
  })

  it("is not failed by another read's id that PostgreSQL refuses in JSON (half of a UTF-16 pair)", async () => {
    const broken = 'read-with-key\ud800'
    const options = { notices: true, apiKey: { hash: hashApiKey(keys.valid.key), scope: 'integration' as const } }
    const alone = await subjectsStore(app.payload).statusRead(broken, options)
    expect(alone.subject).toBeUndefined()
    const [admitted, brokenRead, other] = await Promise.all(['read-with-key', broken, 'never-seen'].map((id) => subjectsStore(app.payload).statusRead(id, options)))
    expect(admitted.subject?.externalId).toBe('read-with-key')
    expect(brokenRead).toEqual(alone)
    expect(other.subject).toBeUndefined()
    expect(other.apiKey).toMatchObject({ id: keys.valid.id })
  })
})
