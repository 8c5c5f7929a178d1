import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { postgresPool } from '../src/db/leanQuery'
import { hashApiKey } from '../src/domain/apiKey'
import { recordAcceptance } from '../src/services/acceptance/recordAcceptance'
import { findVersion } from '../src/services/legalCenter/findVersion'
import { createApiKey } from '../src/services/staff/apiKeys'
import { upsertSubjects } from '../src/services/subjects/upsertSubjects'
import { acceptancesStore, type AcceptanceRow } from '../src/store/acceptances'
import { apiKeysStore } from '../src/store/apiKeys'
import { startSeededTestApp } from './support/startSeededTestApp'
import type { TestApp } from './support/testApp'

// Requests made at once share statements on PostgreSQL (readBatches): API keys read together,
// acceptances written in one statement. Each must get exactly what it would get alone.

let app: TestApp
let terms: { id: number; contentHash: string; policy: number }
const subjects = Array.from({ length: 24 }, (_, i) => `batch-${i}`)

beforeAll(async () => {
  app = await startSeededTestApp()
  await upsertSubjects(app.payload, [...subjects, 'accepted-before'].map((externalId) => ({ externalId })))
  const { version } = await findVersion(app.payload, 'terms', 1)
  terms = { id: Number(version.id), contentHash: version.contentHash!, policy: Number(typeof version.policy === 'object' ? version.policy.id : version.policy) }
})
afterAll(() => app?.close())

const textOf = (query: unknown) => (typeof query === 'string' ? query : String((query as { text?: string }).text))

/** The statements sent to PostgreSQL, single ones and those of transactions, whose text matches. */
function statementsSent() {
  const pool = postgresPool(app.payload)
  if (!pool) return undefined
  const texts: string[] = []
  const single = vi.spyOn(pool, 'query')
  const connect = pool.connect.bind(pool)
  const transactions = vi.spyOn(pool, 'connect').mockImplementation((async () => {
    const client = await connect()
    const { query, release } = client
    client.query = ((q: unknown, ...rest: unknown[]) => (texts.push(textOf(q)), (query as (...a: unknown[]) => unknown).call(client, q, ...rest))) as never
    client.release = ((...args: unknown[]) => ((client.query = query), (client.release = release), (release as (...a: unknown[]) => unknown).apply(client, args))) as never
    return client
  }) as never)
  return {
    matching: (pattern: RegExp) => [...single.mock.calls.map(([q]) => textOf(q)), ...texts].filter((text) => pattern.test(text)).length,
    /** Forgets the calls too: count before. */
    restore: () => (single.mockRestore(), transactions.mockRestore()),
  }
}

const accept = (subject: string) => recordAcceptance(app.payload, { subject, versions: [{ policy: 'terms', version: 1, contentHash: terms.contentHash }], method: 'clickwrap', source: 'login-banner' }, { now: new Date() })
const counts = async () => ({ acceptances: (await app.payload.count({ collection: 'acceptances' })).totalDocs, entries: (await app.payload.count({ collection: 'ledger-entries' })).totalDocs })

describe('API keys presented at once', () => {
  it('are each read as alone (on PostgreSQL, in one statement)', async () => {
    const valid = await createApiKey(app.payload, 'valid', 'integration')
    const revoked = await createApiKey(app.payload, 'revoked', 'integration')
    await app.payload.update({ collection: 'api-keys', id: revoked.id, data: { revokedAt: new Date().toISOString() } })
    const audit = await createApiKey(app.payload, 'audit', 'audit')
    const hashes = [valid.key, revoked.key, audit.key, 'assent_no-such-key', valid.key].map(hashApiKey)
    const alone = []
    for (const hash of hashes) alone.push(await apiKeysStore(app.payload).keyByHash(hash))
    expect(alone.map((key) => key?.id)).toEqual([valid.id, revoked.id, audit.id, undefined, valid.id])
    expect(alone[1]!.revokedAt).toBeTruthy()

    const sent = statementsSent()
    const together = await Promise.all(hashes.map((hash) => apiKeysStore(app.payload).keyByHash(hash)))
    const keyReads = sent?.matching(/from api_keys|api_keys k/)
    sent?.restore()
    expect(together).toEqual(alone)
    if (sent) expect(keyReads).toBe(1)
  })
})

describe('acceptances recorded at once', () => {
  it('each get their own record, entry and receipt, a double click one record (on PostgreSQL, in one insert a batch)', async () => {
    await accept('accepted-before')
    const before = await counts()
    const sent = statementsSent()
    const answers = await Promise.all([...subjects, 'batch-0', 'accepted-before'].map(accept))
    const inserts = sent?.matching(/^insert into acceptances/)
    sent?.restore()
    const after = await counts()

    const fresh = answers.slice(0, subjects.length)
    expect(fresh.map((a) => [a.status, a.body.subject, a.body.acceptances[0].alreadyAccepted])).toEqual(subjects.map((s) => [201, s, false]))
    // The second click of batch-0 and the earlier acceptance answer the record there, with its receipt.
    const [again, earlier] = answers.slice(subjects.length)
    expect([again.status, again.body.acceptances[0].alreadyAccepted]).toEqual([200, true])
    expect(again.body.acceptances[0].receipt).toEqual(answers[0].body.acceptances[0].receipt)
    expect([earlier.status, earlier.body.acceptances[0].alreadyAccepted, earlier.body.acceptances[0].receipt?.ledgerSeq]).toEqual([200, true, expect.any(Number)])
    // One ledger entry per new record, each receipt naming its own.
    expect(after.acceptances - before.acceptances).toBe(subjects.length)
    expect(after.entries - before.entries).toBe(subjects.length)
    expect(new Set(fresh.map((a) => a.body.acceptances[0].receipt!.ledgerSeq)).size).toBe(subjects.length)
    // The 26 requests' rows in one or two statements (those of one turn, and those made while the first ran).
    if (sent) expect(inserts).toBeGreaterThanOrEqual(1)
    if (sent) expect(inserts).toBeLessThanOrEqual(2)
  })

  it("are not failed by another request's row the database refuses: that request alone fails", async () => {
    const ids = (await app.payload.find({ collection: 'subjects', where: { externalId: { in: ['refuse-0', 'refuse-1', 'refuse-2'] } }, limit: 3 })).docs
    expect(ids).toHaveLength(0)
    const created = (await upsertSubjects(app.payload, ['refuse-0', 'refuse-1', 'refuse-2'].map((externalId) => ({ externalId })))).subjects
    const row = (subject: number | string): AcceptanceRow => ({
      subject: Number(subject), policy: terms.policy, version: terms.id, versionNumber: 1, method: 'api', source: 'api', contentHash: terms.contentHash,
      locale: 'en', acceptedAt: new Date().toISOString(), ip: null, userAgent: null, idempotencyKey: null, covers: [1],
    })
    const before = await counts()
    const [first, refused, last] = await Promise.allSettled([
      acceptancesStore(app.payload).recordAcceptances([row(created[0].id)]),
      acceptancesStore(app.payload).recordAcceptances([{ ...row(created[1].id), contentHash: null as never }]),
      acceptancesStore(app.payload).recordAcceptances([row(created[2].id)]),
    ])
    expect(first).toMatchObject({ status: 'fulfilled', value: [{ alreadyAccepted: false, entry: { seq: expect.any(Number) } }] })
    expect(last).toMatchObject({ status: 'fulfilled', value: [{ alreadyAccepted: false, entry: { seq: expect.any(Number) } }] })
    expect(refused.status).toBe('rejected')
    const after = await counts()
    expect(after.acceptances - before.acceptances).toBe(2)
    expect(after.entries - before.entries).toBe(2)
  })
})
