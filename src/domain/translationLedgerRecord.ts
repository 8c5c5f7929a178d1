/** The facts of a frozen translation that its ledger entry binds. */
export interface TranslationFacts {
  id: number | string
  /** The version it translates, its policy and number. */
  version: number | string
  policy: number | string
  versionNumber: number
  locale: string
  contentHash: string
  frozenAt: string
  /** What changed, in this language (absent only from translations bound before summaries were). */
  summary?: string | null
  /** SHA-256 of the HTML its page shows (absent only from translations bound before pages were). */
  htmlHash?: string | null
}

/** The facts a translation entry binds, in the order they are reported. */
export const TRANSLATION_FIELDS = ['publication', 'policy', 'version', 'locale', 'summary', 'contentHash', 'htmlHash', 'frozenAt'] as const

/** Facts bound only by entries written since they were: an older entry leaves them unbound. */
const LATER_FIELDS = ['summary', 'htmlHash']

/** A translation as the ledger records it: which version, which locale, which exact text, page
 * and summary, and when it was added (a translation added after publication says so). */
export function translationLedgerRecord(t: TranslationFacts): Record<string, unknown> {
  return {
    translation: t.id,
    publication: t.version,
    policy: t.policy,
    version: t.versionNumber,
    locale: t.locale,
    contentHash: t.contentHash,
    frozenAt: new Date(t.frozenAt).toISOString(),
    // Bound since summaries and pages are; entries written before leave them unbound.
    ...(t.summary != null ? { summary: t.summary } : {}),
    ...(t.htmlHash ? { htmlHash: t.htmlHash } : {}),
  }
}

/**
 * The fields in which a translation as stored (or as a pack states it) differs from what its entry
 * recorded, among `fields`; the summary and the page's HTML hash are compared where the entry
 * recorded them, and then a missing one differs.
 */
export function translationDifferences(stored: Record<string, unknown>, recorded: Record<string, unknown>, fields: readonly string[] = TRANSLATION_FIELDS): string[] {
  return fields.filter((f) => (!LATER_FIELDS.includes(f) || f in recorded) && String(stored[f] ?? '') !== String(recorded[f] ?? ''))
}

/** The facts an entry written before they were bound leaves unchecked. */
export const translationUnbound = (recorded: Record<string, unknown>): string[] => LATER_FIELDS.filter((f) => !(f in recorded))
