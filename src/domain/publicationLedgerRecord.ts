import type { VersionRules } from './versionRules'

/** The facts of a published version that its publication entry binds. */
export interface PublicationFacts {
  id: number | string
  policy: number | string
  version: number
  contentHash: string
  changeClass: string
  effectiveAt: string
  publishedAt: string
  rules: VersionRules
  /** The language of its text (absent for a version published before versions had one). */
  locale?: string | null
  /** What changed, in plain language: what the status answer, the banner and the emails tell
   * subjects (absent only from versions bound before summaries were). */
  summary?: string | null
  /** SHA-256 of the HTML its page shows, frozen with it (absent only from versions bound before
   * pages were). */
  htmlHash?: string | null
  /** The staff user who published it, and the one who approved it and when (two-person rule),
   * null where there was none; absent where the facts do not state them (versions bound before
   * they were). */
  publishedBy?: number | string | null
  approvedBy?: number | string | null
  approvedAt?: string | null
}

/** The version facts a publication entry binds, in the order they are reported. */
export const PUBLICATION_FIELDS = ['version', 'contentHash', 'htmlHash', 'locale', 'summary', 'changeClass', 'effectiveAt', 'publishedAt', 'acceptanceMode', 'noticePeriodDays', 'requireSecondApproval', 'publishedBy', 'approvedBy', 'approvedAt'] as const

export type PublicationField = (typeof PUBLICATION_FIELDS)[number]

/** Facts bound only by entries written since they were: an older entry leaves them unbound. */
const LATER_FIELDS: readonly PublicationField[] = ['htmlHash', 'locale', 'summary', 'publishedBy', 'approvedBy', 'approvedAt']

const unboundBy = (recorded: Record<string, unknown>, field: PublicationField) => LATER_FIELDS.includes(field) && !(field in recorded)

const iso = (value: string | Date): string => {
  const d = new Date(value)
  return Number.isNaN(d.getTime()) ? String(value) : d.toISOString()
}

/** A publication as the ledger records it: the version, its policy, every fact that decides
 * what subjects owe and when, or what they are shown (number, text hash, the page's HTML hash,
 * language, summary, change class, dates, frozen rules), and who published and approved it. */
export function publicationLedgerRecord(v: PublicationFacts): Record<string, unknown> {
  return {
    publication: v.id,
    policy: v.policy,
    version: v.version,
    contentHash: v.contentHash,
    changeClass: v.changeClass,
    effectiveAt: iso(v.effectiveAt),
    publishedAt: iso(v.publishedAt),
    rules: { ...v.rules },
    // Bound since versions have a language, and since summaries and pages are; entries written
    // before leave them unbound.
    ...(v.locale ? { locale: v.locale } : {}),
    ...(v.summary != null ? { summary: v.summary } : {}),
    ...(v.htmlHash ? { htmlHash: v.htmlHash } : {}),
    // Bound since 2026-12-06, null included: a publisher or approver written in later is named.
    ...(v.publishedBy !== undefined ? { publishedBy: v.publishedBy } : {}),
    ...(v.approvedBy !== undefined ? { approvedBy: v.approvedBy } : {}),
    ...(v.approvedAt !== undefined ? { approvedAt: v.approvedAt === null ? null : iso(v.approvedAt) } : {}),
  }
}

/** One fact of a recorded publication or a stored version, flattened for comparison. */
function factOf(record: Record<string, unknown>, field: PublicationField): string {
  const rules = (record.rules ?? {}) as Record<string, unknown>
  const value = field in rules ? rules[field] : record[field]
  if (value === null || value === undefined) return ''
  if (field === 'effectiveAt' || field === 'publishedAt' || field === 'approvedAt') return iso(value as string)
  if (field === 'requireSecondApproval') return String(Boolean(value))
  return String(value)
}

/**
 * The fields in which a stored version differs from what its publication entry recorded (empty
 * when they agree). Both sides are records as `publicationLedgerRecord` builds them; dates compare
 * as instants, so a database returning another ISO spelling of the same time is not a difference.
 * The page's HTML hash, the language and the summary are compared where the entry recorded them;
 * where it did, a stored one that is missing differs.
 */
export function publicationDifferences(stored: Record<string, unknown>, recorded: Record<string, unknown>): PublicationField[] {
  return PUBLICATION_FIELDS.filter((f) => !unboundBy(recorded, f) && factOf(stored, f) !== factOf(recorded, f))
}

/** The facts an entry written before they were bound leaves unchecked (empty for a newer entry). */
export function publicationUnbound(recorded: Record<string, unknown>): PublicationField[] {
  return LATER_FIELDS.filter((f) => unboundBy(recorded, f))
}

