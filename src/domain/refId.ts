/** A relationship as Payload returns it: an id, or the related document at depth ≥ 1. */
export type Ref = number | string | { id: number | string } | null | undefined

/** The id a relationship points to, whether Payload returned the id or the document. */
export function refId(ref: Ref): number | string | null {
  return ref && typeof ref === 'object' ? ref.id : ref ?? null
}
