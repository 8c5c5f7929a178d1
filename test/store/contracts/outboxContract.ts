import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { markdownToBody } from '../../../src/services/publishing/lexicalMarkdown'
import { withTransaction } from '../../../src/store/withTransaction'
import { outboxStore, type ClaimedDelivery, type ClaimedNotice, type LeaseRequest } from '../../../src/store/outbox'
import { makePolicy } from '../../support/fixtures'
import type { TestApp } from '../../support/testApp'
import type { StoreContract } from './storeContract'

const MINUTE = 60_000
/** A lease of `owner` on up to `limit` rows, taken `now`. */
const lease = (owner: string, limit: number, now = new Date(), leaseMs = MINUTE): LeaseRequest => ({ owner, limit, leaseMs, now })
const ids = (rows: ReadonlyArray<{ id: number | string }>) => rows.map((r) => String(r.id)).sort()

/** Two queues, one claim: what each must show. */
interface Queue<Claimed extends { id: number | string; attempts: number }> {
  name: string
  /** Adds `count` rows due at `due`; returns their ids. */
  add: (payload: Payload, count: number, due: Date) => Promise<string[]>
  claim: (payload: Payload, request: LeaseRequest) => Promise<Claimed[]>
  collection: 'notices' | 'webhook-deliveries'
}

let counter = 0

const noticeQueue = (fixture: () => { policy: number | string; version: number | string; subjects: Array<number | string> }): Queue<ClaimedNotice> => ({
  name: 'email notices',
  collection: 'notices',
  add: async (payload, count, due) => {
    const { policy, version, subjects } = fixture()
    const created = []
    for (let i = 0; i < count; i++) {
      // One email notice per subject and version: rows a test adds go to different subjects.
      const data = { subject: subjects[++counter % subjects.length], policy, version, versionNumber: 2, channel: 'email', status: 'pending', attempts: 0, nextAttemptAt: due.toISOString() }
      created.push(await payload.create({ collection: 'notices', data: data as never, depth: 0 }))
    }
    return ids(created)
  },
  claim: (payload, request) => outboxStore(payload).claimNotices(request),
})

const deliveryQueue: Queue<ClaimedDelivery> = {
  name: 'webhook deliveries',
  collection: 'webhook-deliveries',
  add: async (payload, count, due) => {
    const created = []
    for (let i = 0; i < count; i++) {
      const key = `contract:${process.pid}:${++counter}`
      created.push(await payload.create({ collection: 'webhook-deliveries', data: { event: 'version.published', eventKey: key, body: JSON.stringify({ id: key }), status: 'pending', attempts: 0, nextAttemptAt: due.toISOString() }, depth: 0 }))
    }
    return ids(created)
  },
  claim: (payload, request) => outboxStore(payload).claimDeliveries(request),
}

/** The rows of `queue` with these ids, as stored. */
const stored = async (payload: Payload, queue: { collection: 'notices' | 'webhook-deliveries' }, rowIds: string[]) =>
  (await payload.find({ collection: queue.collection, where: { id: { in: rowIds } }, pagination: false, depth: 0, sort: 'id' })).docs as Array<{ id: number | string; status: string; attempts?: number | null; leaseOwner?: string | null; leaseExpiresAt?: string | null; lastError?: string | null }>

/** Takes the rows out of the queue, so the next test starts with nothing due. */
const remove = (payload: Payload, queue: { collection: 'notices' | 'webhook-deliveries' }, rowIds: string[]) =>
  payload.db.deleteMany({ collection: queue.collection, where: { id: { in: rowIds } } })

function leasedQueueContract<Claimed extends { id: number | string; attempts: number }>(app: () => TestApp, queue: Queue<Claimed>) {
  describe(queue.name, () => {
    it('leases the due rows once, to one owner, counting the attempt', async () => {
      const { payload } = app()
      const rows = await queue.add(payload, 3, new Date(Date.now() - 1000))
      const claimed = await queue.claim(payload, lease('contract-a', 10))
      expect(ids(claimed)).toEqual(rows)
      expect(claimed.every((c) => c.attempts === 1)).toBe(true)
      expect((await stored(payload, queue, rows)).map((r) => [r.status, r.leaseOwner])).toEqual(rows.map(() => ['sending', 'contract-a']))
      expect(await queue.claim(payload, lease('contract-b', 10))).toEqual([])
      await remove(payload, queue, rows)
    })

    it('leases no more than the limit, the earliest due first', async () => {
      const { payload } = app()
      const early = await queue.add(payload, 2, new Date(Date.now() - 2000))
      const late = await queue.add(payload, 2, new Date(Date.now() - 1000))
      const first = ids(await queue.claim(payload, lease('contract-a', 2)))
      expect(first).toEqual(early)
      expect(ids(await queue.claim(payload, lease('contract-a', 2)))).toEqual(late)
      await remove(payload, queue, [...early, ...late])
    })

    it('leases nothing that is not yet due', async () => {
      const { payload } = app()
      const rows = await queue.add(payload, 2, new Date(Date.now() + MINUTE))
      expect(await queue.claim(payload, lease('contract-a', 10))).toEqual([])
      expect((await stored(payload, queue, rows)).map((r) => r.status)).toEqual(['pending', 'pending'])
      await remove(payload, queue, rows)
    })

    it('never gives one row to two racing claimers', async () => {
      const { payload } = app()
      const rows = await queue.add(payload, 12, new Date(Date.now() - 1000))
      const owners = ['race-1', 'race-2', 'race-3', 'race-4']
      const claims = await Promise.all(owners.map((owner) => queue.claim(payload, lease(owner, 5))))
      const all = claims.flatMap((claimed) => ids(claimed))
      expect(new Set(all).size).toBe(all.length)
      expect(all.length).toBeGreaterThan(0)
      const rowsNow = await stored(payload, queue, rows)
      claims.forEach((claimed, i) => {
        for (const c of claimed) expect(rowsNow.find((r) => String(r.id) === String(c.id))?.leaseOwner).toBe(owners[i])
      })
      // What no claimer got is still there for the next one.
      const rest = await queue.claim(payload, lease('race-5', 20))
      expect([...all, ...ids(rest)].sort()).toEqual(rows)
      await remove(payload, queue, rows)
    }, 60_000)
  })
}

/** The outboxes: one claim for two queues, each with its own outcome and its own way of taking
 * back a lease that expired. */
export const outboxContract: StoreContract = (app) => {
  describe('outbox', () => {
    let fixture: { policy: number | string; version: number | string; subjects: Array<number | string> }
    beforeAll(async () => {
      const { payload } = app()
      const policy = await makePolicy(payload)
      const version = await payload.create({
        collection: 'policy-versions',
        data: { policy: policy.id, changeClass: 'material', summary: 'First.', effectiveAt: '2020-01-01T00:00:00.000Z', body: (await markdownToBody(payload.config, '# Terms\n\nOne.')) as never, _status: 'published' },
        context: { assentImport: true },
      })
      const subjects = []
      for (let i = 0; i < 12; i++) subjects.push((await payload.create({ collection: 'subjects', data: { externalId: `outbox-contract-${process.pid}-${i}`, email: `outbox-${i}@example.com` } })).id)
      fixture = { policy: policy.id, version: version.id, subjects }
    })
    const notices = noticeQueue(() => fixture)
    leasedQueueContract(app, notices)
    leasedQueueContract(app, deliveryQueue)

    it('lists notices whose lease expired, for the worker to take back', async () => {
      const { payload } = app()
      const rows = await notices.add(payload, 2, new Date(Date.now() - 1000))
      const now = new Date()
      await notices.claim(payload, lease('contract-a', 10, now, 1000))
      const expiredAt = (at: Date) => outboxStore(payload).expiredNoticeLeases(at).then((docs) => ids(docs).filter((id) => rows.includes(id)))
      expect(await expiredAt(new Date(now.getTime() + 500))).toEqual([])
      expect(await expiredAt(new Date(now.getTime() + 2000))).toEqual(rows)
      await remove(payload, notices, rows)
    })

    it('records a notice outcome only under the lease it was decided under', async () => {
      const { payload } = app()
      const rows = await notices.add(payload, 2, new Date(Date.now() - 1000))
      const [held, lost] = await notices.claim(payload, lease('contract-a', 10))
      const change = { status: 'accepted' as const, attempts: 1, lastReply: '250 OK', reachedAt: new Date().toISOString(), nextAttemptAt: null }
      const applied = await withTransaction(payload, (req) =>
        outboxStore(payload).applyNoticeTransitions(req, [{ notice: held, change }, { notice: { ...lost, leaseOwner: 'someone-else' }, change }], new Date().toISOString()),
      )
      expect(applied.map((t) => String(t.notice.id))).toEqual([String(held.id)])
      const after = await stored(payload, notices, rows)
      const state = (notice: ClaimedNotice) => after.filter((r) => String(r.id) === String(notice.id)).map((r) => [r.status, r.leaseOwner ?? null])
      expect(state(held)).toEqual([['accepted', null]])
      expect(state(lost)).toEqual([['sending', 'contract-a']])
      await remove(payload, notices, rows)
    })

    it('puts a delivery whose lease expired back in the queue, saying why, and leases it again', async () => {
      const { payload } = app()
      const rows = await deliveryQueue.add(payload, 1, new Date(Date.now() - 1000))
      const now = new Date()
      await deliveryQueue.claim(payload, lease('contract-a', 10, now, 1000))
      const again = await deliveryQueue.claim(payload, lease('contract-b', 10, new Date(now.getTime() + 2000)))
      expect(ids(again)).toEqual(rows)
      const [row] = await stored(payload, deliveryQueue, rows)
      expect([row.status, row.leaseOwner, row.lastError]).toEqual(['sending', 'contract-b', 'the worker stopped before the endpoint answered'])
      await remove(payload, deliveryQueue, rows)
    })

    it('records a delivery outcome only while its owner holds the lease', async () => {
      const { payload } = app()
      const rows = await deliveryQueue.add(payload, 1, new Date(Date.now() - 1000))
      const [delivery] = await deliveryQueue.claim(payload, lease('contract-a', 10))
      const outbox = outboxStore(payload)
      await outbox.recordDelivery(delivery, 'someone-else', { status: 'delivered', lastStatus: 200, attempts: delivery.attempts })
      expect((await stored(payload, deliveryQueue, rows)).map((r) => [r.status, r.leaseOwner])).toEqual([['sending', 'contract-a']])
      await outbox.recordDelivery(delivery, 'contract-a', { status: 'delivered', lastStatus: 200, attempts: delivery.attempts })
      expect((await stored(payload, deliveryQueue, rows)).map((r) => [r.status, r.leaseOwner ?? null, r.attempts])).toEqual([['delivered', null, 1]])
      await remove(payload, deliveryQueue, rows)
    })
  })
}
