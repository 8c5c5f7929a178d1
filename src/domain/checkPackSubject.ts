import { externalIdHash } from './externalIdHash'

/** Who an evidence pack says its subject is. */
export interface PackSubject {
  id: number | string
  /** Null once erased. */
  externalId: string | null
  erasedAt: string | null
  /** Once erased: the hash of the external id it had (absent from older packs). */
  externalIdHash?: string
}

/**
 * Checks who the pack says its subject is against the subject's ledger entry (`bound`, the entries
 * of kind `subject` among the pack's, each already checked to be in the signed checkpoint and about
 * this subject's id): its external id, or once erased the hash it kept, hashes to the one the
 * ledger bound when the subject was created. A pack whose subject's database row was given another
 * subject's id fails here, since every acceptance and notice in it is bound to the id. A pack
 * without the entry (made before subjects were bound) leaves it unbound.
 */
export function checkPackSubject(subject: PackSubject, bound: ReadonlyArray<{ seq: number; record: Record<string, unknown> }>): { problems: string[]; unbound: string[] } {
  if (bound.length === 0) return { problems: [], unbound: ['subject.externalId'] }
  const stated = subject.erasedAt ? subject.externalIdHash : subject.externalId == null ? undefined : externalIdHash(subject.externalId)
  const problems = bound.length > 1 ? [`ledger entries ${bound.map((b) => b.seq).join(' and ')} each bind subject ${subject.id}`] : []
  for (const { seq, record } of bound) {
    if (record.externalIdHash !== stated) problems.push(`ledger entry ${seq} binds subject ${subject.id} to another external id than the pack states: its acceptances and notices are not this subject's`)
  }
  return { problems, unbound: [] }
}
