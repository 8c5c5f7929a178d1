import type { Where } from 'payload'
import type { SQL } from '@payloadcms/db-postgres/drizzle'

/** A drizzle table of Payload's SQL adapters, its columns by field name. */
export type OutboxTable = Record<string, never>

/**
 * One leased outbox: which rows it keeps, what makes a row due, and how a claim charges the
 * attempt. Notices and webhook deliveries are two of these; the claim itself is written once
 * (`sqlClaim`, `mongoClaim`).
 */
export interface OutboxQueue<Claimed> {
  /** The Payload collection of the rows. */
  collection: 'notices' | 'webhook-deliveries'
  /** The same rows' table in Payload's SQL adapters. */
  table: 'notices' | 'webhook_deliveries'
  /** SQL: the rows due for an attempt at `at`. */
  due: (table: OutboxTable, at: string) => SQL | undefined
  /** MongoDB: the same rows, as a Payload query. */
  dueWhere: (at: string) => Where
  /** Whether the claim charges the attempt in the row (`attempts + 1`), or only counts it in the
   * claimed copy, the outcome storing it. */
  chargesAttempt: boolean
  /** MongoDB: whether the lease stamps `updatedAt` with the claim's time (else the write's). */
  stampsClaimTime: boolean
  /** The expired leases put back in the queue before each claim, with why; none when the
   * queue's own use case takes them back. */
  releaseExpired?: { lastError: string }
  /** A leased row as the worker sees it (`attempts` already counting this attempt). */
  toClaimed: (row: Record<string, unknown>) => Claimed
}
