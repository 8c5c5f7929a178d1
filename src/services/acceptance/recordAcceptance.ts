import type { Payload } from 'payload'

import { acceptanceCovers } from '../../domain/acceptanceCovers'
import { acceptanceRefusal } from '../../domain/acceptanceRefusal'
import { scopedIdempotencyKey, type IdempotencyCaller } from '../../domain/idempotencyScope'
import { receiptBody, signReceipt, type Receipt } from '../../domain/receipt'
import { requestHash } from '../../domain/requestHash'
import { AssentError } from '../../errors/AssentError'
import { acceptancesStore, type AcceptanceRow, type StoredAcceptance } from '../../store/acceptances'
import { ledgerSigningKey } from '../ledger/ledgerSigningKey'
import { statusCatalog, type StatusCatalog } from './statusCatalog'
import { statusSubject } from './statusSubject'
import { textWithHash } from '../../domain/locale/textInLocale'
import { versionTexts } from '../locales/versionTexts'

/** An explicit acceptance of one or more versions (a bundle is accepted in one call). */
export interface AcceptanceRequest {
  subject: string
  versions: { policy: string; version: number; contentHash: string }[]
  method: 'clickwrap' | 'api'
  source: 'login-banner' | 'embed' | 'email-link' | 'api'
  /** The reader's interface language, as the caller knows it. What is recorded is the locale of
   * the text whose hash is given: the text shown. */
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
  const record = await acceptancesStore(payload).idempotencyRecord(storedKey(request, context))
  if (!record) return undefined
  if (record.requestHash !== hash) throw new AssentError('idempotency_conflict', `Idempotency key "${request.idempotencyKey}" was used for a different request.`)
  return { status: record.status as 201, body: record.response as AcceptanceResult['body'] }
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
    // The locale recorded is the shown text's own, whatever the caller's interface language.
    const shown = textWithHash(versionTexts(version, catalog.languages.defaultLocale), item.contentHash)!
    return { policy, version, shownHash: item.contentHash, shownLocale: shown.locale }
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

/**
 * The subject and the versions from one lean read and the status catalog, then the acceptances
 * with their ledger entries and the idempotency record, stored together (`recordAcceptances`).
 */
async function write(payload: Payload, request: AcceptanceRequest, context: AcceptanceContext, hash: string | undefined): Promise<AcceptanceResult> {
  const { subject, acceptedVersions, catalogFingerprint } = await statusSubject(payload, request.subject)
  const catalog = await statusCatalog(payload, catalogFingerprint)
  const resolved = resolveInCatalog(catalog, request, context.now)
  const covers = coveredVersions(catalog, acceptedVersions, resolved)
  const rows: AcceptanceRow[] = resolved.map(({ policy, version, shownHash, shownLocale }, i) => ({
    subject: subject.id as number, policy: policy.id as number, version: version.id as number, versionNumber: version.version,
    method: request.method, source: request.source, contentHash: shownHash,
    locale: shownLocale, acceptedAt: context.now.toISOString(),
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
  const idempotency = hash === undefined ? undefined : { key: storedKey(request, context), requestHash: hash, answer }
  return answer(await acceptancesStore(payload).recordAcceptances(rows, idempotency))
}

/**
 * Records that a subject accepted the exact versions they were shown. Idempotent: the same key
 * from the same caller replays the first answer, a different body under it is refused (another
 * caller's keys are another namespace); without a key, accepting a
 * version already accepted returns the existing record. Concurrent identical requests (a double
 * click) end with one record: the loser of the race finds the winner's.
 */
export async function recordAcceptance(payload: Payload, request: AcceptanceRequest, context: AcceptanceContext): Promise<AcceptanceResult> {
  // Hashed only to be compared with an earlier request under the same idempotency key.
  const hash = request.idempotencyKey ? requestHash(request) : undefined
  if (hash !== undefined) {
    const earlier = await replay(payload, request, context, hash)
    if (earlier) return earlier
  }
  try {
    return await write(payload, request, context, hash)
  } catch (error) {
    if (error instanceof AssentError) throw error
    // A unique index refused a concurrent duplicate; answer from what the winner wrote.
    if (hash !== undefined) {
      const earlier = await replay(payload, request, context, hash)
      if (earlier) return earlier
    }
    return write(payload, request, context, hash)
  }
}
