import type { FieldAccess } from 'payload'

/** A field only Assent's own code writes (publishing, freezing, approving), never a caller: any
 * value a request sends for it is dropped. */
export const setByServerOnly: { create: FieldAccess; update: FieldAccess } = { create: () => false, update: () => false }
