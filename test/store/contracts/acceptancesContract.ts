import type { Payload } from 'payload'
import { describe, expect, it } from 'vitest'

import { acceptanceEntryPrefix } from '../../../src/domain/receipt'
import { acceptancesStore, type AcceptanceRow, type Idempotency } from '../../../src/store/acceptances'
import { subjectsStore } from '../../../src/store/subjects'
import { makePolicy, makeSubject, makeVersion } from '../../support/fixtures'
import type { StoreContract } from './storeContract'

/** A published version and `count` fresh subjects, as rows that accept it. */
async function acceptingRows(payload: Payload, count: number): Promise<AcceptanceRow[]> {
  const policy = await makePolicy(payload)
  const version = await makeVersion(payload, policy.id, { _status: 'published' })
  const number = version.version!
  const subjects = await Promise.all(Array.from({ length: count }, () => makeSubject(payload)))
  return subjects.map((subject) => ({
    subject: subject.id, policy: policy.id, version: version.id, versionNumber: number, method: 'api', source: 'api',
    contentHash: version.contentHash!, locale: 'en', acceptedAt: new Date().toISOString(), ip: '192.0.2.1', userAgent: 'contract', idempotencyKey: null, covers: [number],
  }))
}

const answerOf = (status: number): Idempotency['answer'] => (stored) => ({ status, body: { accepted: stored.map((s) => s.alreadyAccepted) } })

/** The acceptance store: a group of acceptances lands with its ledger entries and idempotency
 * record, or not at all. */
export const acceptancesContract: StoreContract = (app) => {
  describe('acceptances', () => {
    const store = () => acceptancesStore(app().payload)
    const count = async (collection: 'acceptances' | 'ledger-entries' | 'idempotency-records') => (await app().payload.count({ collection })).totalDocs
    const storedOf = async (row: AcceptanceRow) =>
      (await app().payload.find({ collection: 'acceptances', where: { and: [{ subject: { equals: row.subject } }, { version: { equals: row.version } }] }, pagination: false, depth: 0 })).docs

    it('stores a group of acceptances with their ledger entries together', async () => {
      const rows = await acceptingRows(app().payload, 3)
      const ledgerBefore = await count('ledger-entries')
      const stored = await store().recordAcceptances(rows)
      expect(stored.map((s) => [s.method, s.acceptedAt, s.alreadyAccepted])).toEqual(rows.map((r) => [r.method, r.acceptedAt, false]))
      expect(await count('ledger-entries')).toBe(ledgerBefore + 3)
      for (const [i, row] of rows.entries()) {
        const [doc] = await storedOf(row)
        expect(doc).toMatchObject({ method: 'api', contentHash: row.contentHash, ip: '192.0.2.1' })
        expect(stored[i].entry?.body.startsWith(acceptanceEntryPrefix(doc.id))).toBe(true)
        expect(await store().ledgerEntryOf(doc)).toEqual(stored[i].entry)
      }
    })

    it('answers an acceptance already there with the stored one and stores nothing new', async () => {
      const rows = await acceptingRows(app().payload, 1)
      const [first] = await store().recordAcceptances(rows)
      const before = [await count('acceptances'), await count('ledger-entries')]
      const [again] = await store().recordAcceptances([{ ...rows[0], method: 'clickwrap', acceptedAt: new Date(Date.now() + 60_000).toISOString() }])
      expect(again).toEqual({ method: first.method, acceptedAt: first.acceptedAt, alreadyAccepted: true, covers: rows[0].covers, entry: first.entry })
      expect([await count('acceptances'), await count('ledger-entries')]).toEqual(before)
    })

    it('keeps the answer under an idempotency key, and refuses a reused key storing nothing', async () => {
      const [row, other] = await acceptingRows(app().payload, 2)
      const key = `contract-${Math.random().toString(36).slice(2)}`
      expect(await store().idempotencyRecord(key)).toBeUndefined()
      await store().recordAcceptances([row], { key, requestHash: 'first', answer: answerOf(201) })
      expect(await store().idempotencyRecord(key)).toEqual({ requestHash: 'first', status: 201, response: { accepted: [false] } })
      const before = [await count('acceptances'), await count('ledger-entries'), await count('idempotency-records')]
      await expect(store().recordAcceptances([other], { key, requestHash: 'second', answer: answerOf(201) })).rejects.toThrow()
      expect([await count('acceptances'), await count('ledger-entries'), await count('idempotency-records')]).toEqual(before)
      expect(await storedOf(other)).toEqual([])
      expect(await store().idempotencyRecord(key)).toMatchObject({ requestHash: 'first' })
    })

    it('numbers the ledger entries of concurrent group writes without gaps', async () => {
      const rows = await acceptingRows(app().payload, 16)
      const last = async () => (await app().payload.find({ collection: 'ledger-entries', sort: '-seq', limit: 1, pagination: false, depth: 0 })).docs[0]?.seq ?? 0
      const before = await last()
      const groups = Array.from({ length: 8 }, (_, i) => rows.slice(i * 2, i * 2 + 2))
      const stored = (await Promise.all(groups.map((group) => store().recordAcceptances(group)))).flat()
      const seqs = stored.map((s) => s.entry!.seq).sort((a, b) => a - b)
      expect(seqs).toEqual(Array.from({ length: 16 }, (_, i) => before + 1 + i))
      expect(await last()).toBe(before + 16)
    }, 60_000)

    it('lets the status read see what was written', async () => {
      const rows = await acceptingRows(app().payload, 1)
      const subject = await app().payload.findByID({ collection: 'subjects', id: rows[0].subject, depth: 0 })
      expect((await subjectsStore(app().payload).statusRead(subject.externalId)).acceptedVersions).toEqual([])
      await store().recordAcceptances(rows)
      const read = await subjectsStore(app().payload).statusRead(subject.externalId)
      expect(read.subject).toMatchObject({ id: subject.id, externalId: subject.externalId })
      expect(read.acceptedVersions.map(Number)).toEqual([rows[0].version])
    })
  })
}
