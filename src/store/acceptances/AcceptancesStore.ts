import type { PayloadRequest } from 'payload'

import type { ReceiptEntry } from '../../domain/receipt'

/** One acceptance to store, as the acceptances table holds it. */
export interface AcceptanceRow {
  subject: number
  policy: number
  version: number
  versionNumber: number
  method: string
  source: string
  contentHash: string
  locale: string | null
  acceptedAt: string
  ip: string | null
  userAgent: string | null
  idempotencyKey: string | null
  /** The version numbers it covers (see `acceptanceCovers`). */
  covers: number[]
}

/** What is stored for a version after the insert: the new record, or the one already there,
 * with the ledger entry that records it (for its receipt; none only if the ledger lacks it). */
export interface StoredAcceptance {
  method: string
  acceptedAt: string
  alreadyAccepted: boolean
  /** For one already there: what it covers (undefined when recorded before Assent kept it). */
  covers?: number[]
  entry?: ReceiptEntry
}

/** An idempotency key, and the answer to keep under it once the acceptances are stored. */
export interface Idempotency {
  key: string
  requestHash: string
  answer: (stored: StoredAcceptance[]) => { status: number; body: unknown }
}

/** The answer kept under an idempotency key, with the hash of the request that earned it. */
export interface IdempotencyRecord {
  requestHash: string
  status: number
  response: unknown
}

/** An acceptance as stored, enough to find its ledger entry. */
export interface AcceptanceRef {
  id: number | string
  createdAt: string
}

/**
 * Where acceptances are kept, on whichever database Assent runs (`acceptancesStore` chooses once).
 */
export interface AcceptancesStore {
  /**
   * Stores each acceptance not there yet (one per subject and version) with its ledger entry and,
   * when given, the idempotency record of the answer, all in one transaction: everything lands or
   * nothing does. Answers, per row in order, the new record or the one already there. An
   * idempotency key already used makes it throw (a unique index), storing nothing.
   */
  recordAcceptances: (rows: readonly AcceptanceRow[], idempotency?: Idempotency) => Promise<StoredAcceptance[]>
  /** The answer kept under an (already scoped) idempotency key, or undefined. */
  idempotencyRecord: (key: string) => Promise<IdempotencyRecord | undefined>
  /** The ledger entry of a stored acceptance (inside `req`'s transaction when given); undefined
   * when the ledger holds none. */
  ledgerEntryOf: (acceptance: AcceptanceRef, req?: PayloadRequest) => Promise<ReceiptEntry | undefined>
}
