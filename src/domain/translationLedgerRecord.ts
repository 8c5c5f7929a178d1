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
}

/** A translation as the ledger records it: which version, which locale, which exact text, and
 * when it was added (a translation added after publication says so). */
export function translationLedgerRecord(t: TranslationFacts): Record<string, unknown> {
  return {
    translation: t.id,
    publication: t.version,
    policy: t.policy,
    version: t.versionNumber,
    locale: t.locale,
    contentHash: t.contentHash,
    frozenAt: new Date(t.frozenAt).toISOString(),
  }
}
