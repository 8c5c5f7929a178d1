import type { Payload, Where } from 'payload'

import { deliveryQueue } from './deliveryQueue'
import { mongoClaim } from './mongoClaim'
import { noticeQueue } from './noticeQueue'
import type { OutboxStore } from './OutboxStore'
import type { NoticeTransition } from './outboxRows'
import { expiredNoticeLeases, recordDelivery } from './sharedOutbox'
import { standingsMap } from './standingsMap'

/** MongoDB, through Payload's adapter and Local API: one document at a time where SQL takes a
 * batch in one statement. */
export function mongoOutbox(payload: Payload): OutboxStore {
  return {
    leasesWhileRecording: true,
    claimNotices: (request) => mongoClaim(payload, noticeQueue, request),
    expiredNoticeLeases: (now) => expiredNoticeLeases(payload, now),
    applyNoticeTransitions: async (req, transitions, now) => {
      const applied: NoticeTransition[] = []
      for (const item of transitions) {
        const { notice, change } = item
        const data = { ...change, leaseOwner: null, leaseExpiresAt: null, updatedAt: now }
        const held: Where = { and: [{ id: { equals: notice.id } }, { leaseOwner: { equals: notice.leaseOwner } }, { status: { equals: 'sending' } }] }
        const doc = await payload.db.updateOne({ collection: 'notices', where: held, data, req, returning: true }).catch(() => null)
        if (doc) applied.push(item)
      }
      return applied
    },
    unerasedSubjects: async function* (req) {
      const { docs } = await payload.find({ collection: 'subjects', where: { erasedAt: { exists: false } }, select: { email: true }, pagination: false, depth: 0, req })
      yield docs
    },
    // Through the Local API: the notices collection's hook appends each ledger entry.
    addNotices: async (req, notices) => {
      for (const data of notices) await payload.create({ collection: 'notices', data: data as never, req, depth: 0 })
    },
    // MongoDB gathers no table statistics to refresh.
    noticesAdded: async () => undefined,
    noticeRecipients: async (ids) => {
      const { docs } = await payload.find({ collection: 'subjects', where: { id: { in: ids } }, select: { email: true, name: true, locale: true, erasedAt: true }, pagination: false, depth: 0 })
      return new Map(docs.map((d) => [String(d.id), d]))
    },
    noticeStandings: async (subjects, policies) => {
      const { standings, at } = standingsMap()
      const where: { and: Where[] } = { and: [{ subject: { in: subjects } }, { policy: { in: policies } }] }
      const [accepted, reached] = await Promise.all([
        payload.find({ collection: 'acceptances', where, select: { subject: true, policy: true, versionNumber: true }, pagination: false, depth: 0 }),
        payload.find({ collection: 'notices', where: { and: [...where.and, { reachedAt: { exists: true } }] }, select: { subject: true, policy: true, versionNumber: true, reachedAt: true }, pagination: false, depth: 0 }),
      ])
      for (const a of accepted.docs) {
        const standing = at(a.subject, a.policy)
        standing.lastAccepted = Math.max(standing.lastAccepted ?? 0, a.versionNumber)
      }
      for (const n of reached.docs) if (n.reachedAt) at(n.subject, n.policy).reached.push(n.versionNumber)
      return standings
    },
    claimDeliveries: (request) => mongoClaim(payload, deliveryQueue, request),
    recordDelivery: (delivery, owner, outcome) => recordDelivery(payload, delivery, owner, outcome),
  }
}
