import { hash } from 'node:crypto'

import canonicalize from 'canonicalize'

/**
 * A ledger record's fingerprint for comparing it with its stored row: SHA-256 of its canonical
 * JSON without `contextHash`, which covers IP, user agent and locale, the personal data an erasure
 * removes from the row. That hash is compared on its own, and only while the row still has them.
 */
export function recordDigest(record: Record<string, unknown>): { digest: string; contextHash: unknown } {
  const { contextHash, ...rest } = record
  return { digest: hash('sha256', canonicalize(rest) ?? '', 'hex'), contextHash }
}

/** The fields in which a row's record (`actual`) differs from what the ledger recorded. */
export function differingFields(actual: Record<string, unknown>, recorded: Record<string, unknown>, erased: boolean): string[] {
  const keys = new Set([...Object.keys(actual), ...Object.keys(recorded)])
  if (erased) keys.delete('contextHash')
  return [...keys].filter((key) => canonicalize(actual[key] ?? null) !== canonicalize(recorded[key] ?? null))
}
