import type { Payload, Where } from 'payload'

import { subtreeKey, type LedgerTreeStore } from './LedgerTreeStore'

const ENTRY = { seq: true, body: true, leafHash: true } as const

/** MongoDB: through Payload's Local API; a root kept twice is refused by the unique index and
 * left as it was. */
export const mongoLedgerTree = (payload: Payload): LedgerTreeStore => ({
  leafHashes: async (from, to) => {
    const { docs } = await payload.find({ collection: 'ledger-entries', where: { and: [{ seq: { greater_than: from } }, { seq: { less_than_equal: to } }] }, sort: 'seq', pagination: false, depth: 0, select: { leafHash: true } })
    return docs.map((d) => Buffer.from(d.leafHash, 'hex'))
  },
  subtreeRoots: async (subtrees) => {
    if (subtrees.length === 0) return new Map()
    const where: Where = { or: subtrees.map((s): Where => ({ and: [{ level: { equals: s.level } }, { start: { equals: s.start } }] })) }
    const { docs } = await payload.find({ collection: 'ledger-nodes', where, pagination: false, depth: 0 })
    return new Map(docs.map((d) => [subtreeKey(d), Buffer.from(d.hash, 'hex')]))
  },
  keepSubtreeRoots: async (roots) => {
    for (const r of roots) {
      await payload.create({ collection: 'ledger-nodes', data: { level: r.level, start: r.start, hash: r.hash.toString('hex') } }).catch(async (error: unknown) => {
        const kept = await payload.find({ collection: 'ledger-nodes', where: { and: [{ level: { equals: r.level } }, { start: { equals: r.start } }] }, limit: 1, pagination: false, depth: 0 })
        if (kept.docs.length === 0) throw error
      })
    }
  },
  entriesAbout: async (subject, upTo) =>
    (await payload.find({ collection: 'ledger-entries', where: { and: [{ subject: { equals: subject } }, { seq: { less_than_equal: upTo } }] }, sort: 'seq', pagination: false, depth: 0, select: ENTRY })).docs,
  entriesOfKind: async (kind, upTo) =>
    (await payload.find({ collection: 'ledger-entries', where: { and: [{ kind: { equals: kind } }, { seq: { less_than_equal: upTo } }] }, sort: 'seq', pagination: false, depth: 0, select: ENTRY })).docs,
})
