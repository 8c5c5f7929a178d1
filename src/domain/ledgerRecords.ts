import { createHash } from 'node:crypto'

import canonicalize from 'canonicalize'

type Ref = number | string | { id: number | string } | null | undefined
const idOf = (ref: Ref) => (ref && typeof ref === 'object' ? ref.id : ref ?? null)
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
  }
}

/** A notice event (sent, accepted by SMTP, bounced, displayed, dismissed) as the ledger records it. */
export function noticeLedgerRecord(doc: {
  id: number | string
  subject: Ref
  version: Ref
  versionNumber: number
  channel: string
  status: string
  reachedAt?: string | null
  dismissedAt?: string | null
}): Record<string, unknown> {
  return {
    notice: doc.id,
    subject: idOf(doc.subject),
    version: idOf(doc.version),
    versionNumber: doc.versionNumber,
    channel: doc.channel,
    status: doc.status,
    reachedAt: doc.reachedAt ?? null,
    dismissedAt: doc.dismissedAt ?? null,
  }
}
