import type { Payload } from 'payload'

import type { Acceptance } from '../../payload-types'
import { withTransaction } from '../withTransaction'
import type { AcceptanceRow, AcceptancesStore, Idempotency, StoredAcceptance } from './AcceptancesStore'
import { storedCovers } from './acceptanceSql'
import { findAcceptanceEntry } from './findAcceptanceEntry'
import { idempotencyRecord } from './idempotencyRecord'

/** In one Payload transaction: the acceptances and, by the collection's hook
 * (`appendToLedger`), their ledger entries, then the idempotency record. */
function insertAcceptances(payload: Payload, rows: readonly AcceptanceRow[], idempotency: Idempotency | undefined): Promise<StoredAcceptance[]> {
  return withTransaction(payload, async (req) => {
    const stored: StoredAcceptance[] = []
    for (const row of rows) {
      const { docs } = await payload.find({ collection: 'acceptances', where: { and: [{ subject: { equals: row.subject } }, { version: { equals: row.version } }] }, limit: 1, pagination: false, depth: 0, req })
      const existing = docs[0]
      const doc = existing ?? (await payload.create({ collection: 'acceptances', data: { ...row, method: row.method as Acceptance['method'], source: row.source as Acceptance['source'], locale: row.locale ?? undefined, ip: row.ip ?? undefined, userAgent: row.userAgent ?? undefined, idempotencyKey: row.idempotencyKey ?? undefined }, req }))
      stored.push({ method: doc.method, acceptedAt: doc.acceptedAt, alreadyAccepted: Boolean(existing), covers: storedCovers(doc.covers), entry: await findAcceptanceEntry(payload, doc, req) })
    }
    if (idempotency) {
      const { status, body } = idempotency.answer(stored)
      await payload.create({ collection: 'idempotency-records', data: { key: idempotency.key, requestHash: idempotency.requestHash, status, response: body as never }, req })
    }
    return stored
  })
}

/**
 * Through Payload's Local API: MongoDB, and SQLite in memory or remote (where Assent has no
 * connection of its own).
 */
export const payloadAcceptances = (payload: Payload): AcceptancesStore => ({
  recordAcceptances: (rows, idempotency) => insertAcceptances(payload, rows, idempotency),
  idempotencyRecord: (key) => idempotencyRecord(payload, key),
  ledgerEntryOf: (acceptance, req) => findAcceptanceEntry(payload, acceptance, req),
})
