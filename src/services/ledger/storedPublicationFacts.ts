import { htmlHash } from '../../domain/htmlHash'
import type { PublicationFacts } from '../../domain/publicationLedgerRecord'
import { refId, type Ref } from '../../domain/refId'
import type { StoredRules } from '../../domain/versionRules'

/** A published version's row, as far as its publication facts go. */
export interface PublishedRow {
  id: number | string
  policy: Ref
  version?: number | null
  contentHash?: string | null
  changeClass: string
  effectiveAt?: string | null
  publishedAt?: string | null
  rules?: StoredRules | null
  locale?: string | null
  summary?: string | null
  html?: string | null
  publishedBy?: Ref | null
  approvedBy?: Ref | null
  approvedAt?: string | null
}

/** The facts a version row states about its publication, as they are stored (missing rules stay
 * missing, so a version without them is named rather than filled in; who published and approved
 * it only where the row was read with them); undefined when unpublished. */
export function storedPublicationFacts(row: PublishedRow): PublicationFacts | undefined {
  if (!row.publishedAt) return undefined
  return {
    id: row.id,
    policy: refId(row.policy)!,
    version: row.version as number,
    contentHash: row.contentHash ?? '',
    changeClass: row.changeClass,
    effectiveAt: row.effectiveAt ?? '',
    publishedAt: row.publishedAt,
    rules: {
      acceptanceMode: row.rules?.acceptanceMode as never,
      noticePeriodDays: row.rules?.noticePeriodDays as never,
      requireSecondApproval: row.rules?.requireSecondApproval as never,
    },
    locale: row.locale ?? null,
    summary: row.summary ?? null,
    htmlHash: row.html == null ? null : htmlHash(row.html),
    ...('publishedBy' in row ? { publishedBy: refId(row.publishedBy) ?? null } : {}),
    ...('approvedBy' in row ? { approvedBy: refId(row.approvedBy) ?? null } : {}),
    ...('approvedAt' in row ? { approvedAt: row.approvedAt ?? null } : {}),
  }
}
