/** The fields that say who a subject is: every acceptance and notice of theirs is bound to them. */
const IDENTITY = ['externalId', 'externalIdHash', 'erasedAt'] as const

type IdentityFields = Partial<Record<(typeof IDENTITY)[number], string | null>>

/** A refusal, with its code (409s of the error catalog). */
export interface SubjectIdentityRefusal {
  code: 'subject_identity_frozen' | 'subject_erased'
  message: string
}

/**
 * Why a write to a subject is refused, or undefined: a subject's identity never changes after it
 * is created (renaming one subject to another's external id would hand the other every acceptance
 * it made), a new subject is created with its external id only, and an erased subject is never
 * given personal data again. Erasure, the one write allowed to change them, does not ask.
 */
export function subjectIdentityRefusal(data: IdentityFields, original: (IdentityFields & { id: number | string }) | undefined): SubjectIdentityRefusal | undefined {
  if (!original) {
    if (data.externalIdHash != null || data.erasedAt != null) return { code: 'subject_identity_frozen', message: 'A subject is created with its external id only: erasure sets the rest.' }
    return undefined
  }
  if (original.erasedAt) return { code: 'subject_erased', message: `Subject ${original.id} was erased on ${original.erasedAt}: its personal data is gone and stays gone.` }
  const changed = IDENTITY.filter((field) => field in data && (data[field] ?? null) !== (original[field] ?? null))
  if (changed.length === 0) return undefined
  return { code: 'subject_identity_frozen', message: `A subject's ${changed.join(', ')} never change${changed.length === 1 ? 's' : ''}: every acceptance and notice of theirs is bound to them. Record a new subject for a new id.` }
}
