import type { Payload } from 'payload'
import type pg from 'pg'

import { nativeSqlite, postgresPool } from '../../db/leanQuery'
import type { NativeSqlite } from '../../db/nativeSqlite'
import { pgWriteTransaction } from '../../db/pgWriteTransaction'
import { sqliteWriteTransaction } from '../../db/sqliteWriteTransaction'
import { acceptanceCovers } from '../../domain/acceptanceCovers'
import { acceptanceRefusal } from '../../domain/acceptanceRefusal'
import { scopedIdempotencyKey, type IdempotencyCaller } from '../../domain/idempotencyScope'
import { receiptBody, signReceipt, type Receipt } from '../../domain/receipt'
import { requestHash } from '../../domain/requestHash'
import { AssentError } from '../../errors/AssentError'
import type { Acceptance } from '../../payload-types'
import { findAcceptanceEntry } from '../ledger/findAcceptanceEntry'
import { ledgerSigningKey } from '../ledger/ledgerSigningKey'
import { withTransaction } from '../withTransaction'
import { insertAcceptancesPostgres, insertAcceptancesSqlite, storedCovers, type AcceptanceRow, type Idempotency, type StoredAcceptance } from './sqlAcceptances'
import { statusCatalog, type StatusCatalog } from './statusCatalog'
import { statusSubject } from './statusSubject'

/** An explicit acceptance of one or more versions (a bundle is accepted in one call). */
export interface AcceptanceRequest {
  subject: string
  versions: { policy: string; version: number; contentHash: string }[]
  method: 'clickwrap' | 'api'
  source: 'login-banner' | 'embed' | 'email-link' | 'api'
  locale?: string
  idempotencyKey?: string
}

/** Facts about the request taken from the connection, not the body. */
export interface AcceptanceContext {
  ip?: string
  userAgent?: string
  now: Date
  /** Whose idempotency keys these are (each caller has its own); Assent's own when absent. */
  caller?: IdempotencyCaller
}

export interface AcceptanceResult {
  status: 201 | 200
  body: {
    subject: string
    /** Each with its receipt, signed with the ledger key (null only if the ledger lacks its entry). */
    /** `covers`: the versions a new acceptance covers (every version since the last one accepted). */
    acceptances: { policy: string; version: number; covers: number[]; method: string; acceptedAt: string; alreadyAccepted: boolean; receipt: Receipt | null }[]
  }
}

/** The caller's idempotency key as stored: scoped to the caller. */
const storedKey = (request: AcceptanceRequest, context: AcceptanceContext) => scopedIdempotencyKey(context.caller ?? { kind: 'local' }, request.idempotencyKey!)

async function replay(payload: Payload, request: AcceptanceRequest, context: AcceptanceContext, hash: string): Promise<AcceptanceResult | undefined> {
  const { docs } = await payload.find({ collection: 'idempotency-records', where: { key: { equals: storedKey(request, context) } }, limit: 1, pagination: false, depth: 0 })
  if (!docs[0]) return undefined
  if (docs[0].requestHash !== hash) throw new AssentError('idempotency_conflict', `Idempotency key "${request.idempotencyKey}" was used for a different request.`)
  return { status: docs[0].status as 201, body: docs[0].response as AcceptanceResult['body'] }
}

/** Checks every version against the status catalog first (404 / 409), so a refused request
 * writes nothing. */
function resolveInCatalog(catalog: StatusCatalog, request: AcceptanceRequest, now: Date) {
  return request.versions.map((item) => {
    const policy = catalog.policies.find((p) => p.slug === item.policy)
    if (!policy) throw new AssentError('policy_not_found', `No policy "${item.policy}".`)
    const history = catalog.history.get(String(policy.id)) ?? []
    const version = history.find((v) => v.version === item.version)
    if (!version) throw new AssentError('version_not_found', `${policy.title} has no published version ${item.version}.`)
    const refusal = acceptanceRefusal(version, item.contentHash, history, now)
    if (refusal) throw new AssentError(refusal.code, refusal.message)
    return { policy, version }
  })
}

/** What each accepted version covers, given what the subject had accepted before (versions
 * accepted together count in the order given). */
function coveredVersions(catalog: StatusCatalog, acceptedIds: ReadonlyArray<number | string>, resolved: ReturnType<typeof resolveInCatalog>): number[][] {
  const accepted = new Map<string, number[]>()
  for (const id of acceptedIds) {
    const v = catalog.versions.get(String(id))
    if (v) accepted.set(v.policy, [...(accepted.get(v.policy) ?? []), v.version])
  }
  return resolved.map(({ policy, version }) => {
    const key = String(policy.id)
    const before = accepted.get(key) ?? []
    accepted.set(key, [...before, version.version])
    return acceptanceCovers((catalog.history.get(key) ?? []).map((v) => v.version), before, version.version)
  })
}

type LeanStore = { native: NativeSqlite } | { pool: pg.Pool }

/** Where acceptances are written directly: Assent's own SQLite connection, or Payload's pool. */
function leanStore(payload: Payload): LeanStore | undefined {
  const native = nativeSqlite(payload)
  if (native) return { native }
  const pool = postgresPool(payload)
  return pool ? { pool } : undefined
}

/** Through Payload (MongoDB): the acceptances and, by the collection's hook, their ledger entries
 * in one transaction. */
async function insertThroughPayload(payload: Payload, rows: readonly AcceptanceRow[], idempotency: Idempotency | undefined): Promise<StoredAcceptance[]> {
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
 * The subject and the versions from one lean read and the status catalog, then the acceptances
 * and their ledger entries. On SQL databases they are written directly, concurrent requests
 * committed together (group commit): on a SQLite file through Assent's own connection,
 * synchronously (a Payload transaction opens a new SQLite connection each time, which costs more
 * than the whole write); on PostgreSQL through Payload's pool. Elsewhere through Payload.
 */
async function write(payload: Payload, request: AcceptanceRequest, context: AcceptanceContext, hash: string): Promise<AcceptanceResult> {
  const { subject, acceptedVersions, catalogFingerprint } = await statusSubject(payload, request.subject)
  const catalog = await statusCatalog(payload, catalogFingerprint)
  const resolved = resolveInCatalog(catalog, request, context.now)
  const covers = coveredVersions(catalog, acceptedVersions, resolved)
  const rows: AcceptanceRow[] = resolved.map(({ policy, version }, i) => ({
    subject: subject.id as number, policy: policy.id as number, version: version.id as number, versionNumber: version.version,
    method: request.method, source: request.source, contentHash: version.contentHash,
    locale: request.locale ?? subject.locale ?? null, acceptedAt: context.now.toISOString(),
    ip: context.ip ?? null, userAgent: context.userAgent ?? null, idempotencyKey: request.idempotencyKey ?? null,
    covers: covers[i],
  }))
  const key = ledgerSigningKey()
  const answer = (stored: StoredAcceptance[]): AcceptanceResult => {
    const acceptances = stored.map(({ entry, ...s }, i) => {
      const about = { subject: subject.externalId, policy: resolved[i].policy.slug }
      const receipt = entry ? signReceipt(receiptBody(entry, about), key.privateKey, key.publicKey) : null
      const { covers, ...rest } = s
      return { policy: about.policy, version: resolved[i].version.version, covers: covers ?? rows[i].covers, ...rest, receipt }
    })
    return { status: acceptances.some((a) => !a.alreadyAccepted) ? 201 : 200, body: { subject: subject.externalId, acceptances } }
  }
  const idempotency = request.idempotencyKey ? { key: storedKey(request, context), requestHash: hash, answer } : undefined
  const store = leanStore(payload)
  const stored = !store
    ? await insertThroughPayload(payload, rows, idempotency)
    : 'native' in store
      ? await sqliteWriteTransaction(store.native, () => insertAcceptancesSqlite(store.native, rows, idempotency))
      : await pgWriteTransaction(store.pool, (client, state) => insertAcceptancesPostgres(client, state, rows, idempotency), { isolate: idempotency !== undefined })
  return answer(stored)
}

/**
 * Records that a subject accepted the exact versions they were shown. Idempotent: the same key
 * from the same caller replays the first answer, a different body under it is refused (another
 * caller's keys are another namespace); without a key, accepting a
 * version already accepted returns the existing record. Concurrent identical requests (a double
 * click) end with one record: the loser of the race finds the winner's.
 */
export async function recordAcceptance(payload: Payload, request: AcceptanceRequest, context: AcceptanceContext): Promise<AcceptanceResult> {
  const hash = requestHash(request)
  if (request.idempotencyKey) {
    const earlier = await replay(payload, request, context, hash)
    if (earlier) return earlier
  }
  try {
    return await write(payload, request, context, hash)
  } catch (error) {
    if (error instanceof AssentError) throw error
    // A unique index refused a concurrent duplicate; answer from what the winner wrote.
    if (request.idempotencyKey) {
      const earlier = await replay(payload, request, context, hash)
      if (earlier) return earlier
    }
    return write(payload, request, context, hash)
  }
}
