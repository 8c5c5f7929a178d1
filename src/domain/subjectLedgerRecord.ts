import { externalIdHash } from './externalIdHash'

/** A subject as its ledger entry binds it: its id, and the hash of the external id it was created
 * with (the ledger keeps no personal data: an external id may be an email address). */
export function subjectLedgerRecord(subject: { id: number | string; externalIdHash: string }): Record<string, unknown> {
  return { subject: subject.id, externalIdHash: subject.externalIdHash }
}

/** A subject row's identity as its entry must have bound it: the hash of its external id, or, once
 * erased (its external id a pseudonym), the hash it kept of the one it had. Null when it has
 * neither. */
export function storedIdentityHash(row: { externalId?: string | null; externalIdHash?: string | null; erasedAt?: string | null }): string | null {
  if (row.erasedAt) return row.externalIdHash ?? null
  return row.externalId == null ? null : externalIdHash(row.externalId)
}
