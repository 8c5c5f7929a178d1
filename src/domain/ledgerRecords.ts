import { createHash } from 'node:crypto'

import canonicalize from 'canonicalize'

import { refId as idOf, type Ref } from './refId'

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

/** An acceptance as the ledger records it. IP, user agent and locale are personal data, so the
 * ledger keeps only their hash: the stored row proves them, erasure cannot break the ledger. */
export function acceptanceLedgerRecord(doc: {
  id: number | string
  subject: Ref
  policy: Ref
  version: Ref
  versionNumber: number
  contentHash: string
  method: string
  source: string
  acceptedAt: string
  ip?: string | null
  userAgent?: string | null
  locale?: string | null
  notices?: unknown
  covers?: unknown
}): Record<string, unknown> {
  const cited = Array.isArray(doc.notices) ? doc.notices.map((n) => (n as { id: unknown }).id) : []
  return {
    acceptance: doc.id,
    subject: idOf(doc.subject),
    policy: idOf(doc.policy),
    version: idOf(doc.version),
    versionNumber: doc.versionNumber,
    contentHash: doc.contentHash,
    method: doc.method,
    source: doc.source,
    acceptedAt: doc.acceptedAt,
    contextHash: sha256(canonicalize({ ip: doc.ip ?? null, userAgent: doc.userAgent ?? null, locale: doc.locale ?? null }) ?? ''),
    notices: cited,
    // Recorded since acceptances say which versions they cover; older entries have none.
    ...(Array.isArray(doc.covers) && doc.covers.length > 0 ? { covers: doc.covers.map(Number) } : {}),
  }
}

/** A notice event (created at publish, an attempt's outcome, displayed, dismissed) as the ledger
 * records it. The address and the SMTP reply (which may quote it) are personal data, so the ledger
 * keeps their hashes; the message hash ties the entry to the exact bytes handed to the SMTP server.
 * Entries written before the policy and the address were bound lack `policy` and `addressHash`. */
export function noticeLedgerRecord(doc: {
  id: number | string
  subject: Ref
  policy?: Ref
  version: Ref
  versionNumber: number
  channel: string
  status: string
  reachedAt?: string | null
  dismissedAt?: string | null
  attempts?: number | string | null
  messageId?: string | null
  messageHash?: string | null
  lastReply?: string | null
  address?: string | null
}): Record<string, unknown> {
  const record: Record<string, unknown> = {
    notice: doc.id,
    subject: idOf(doc.subject),
    ...(doc.policy == null ? {} : { policy: idOf(doc.policy) }),
    version: idOf(doc.version),
    versionNumber: Number(doc.versionNumber),
    channel: doc.channel,
    status: doc.status,
    reachedAt: doc.reachedAt ?? null,
    dismissedAt: doc.dismissedAt ?? null,
  }
  if (doc.channel !== 'email') return record
  return {
    ...record,
    attempts: Number(doc.attempts ?? 0),
    messageId: doc.messageId ?? null,
    messageHash: doc.messageHash ?? null,
    replyHash: doc.lastReply ? sha256(doc.lastReply) : null,
    addressHash: doc.address ? sha256(doc.address) : null,
  }
}
