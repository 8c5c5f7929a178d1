import type { CollectionBeforeChangeHook } from 'payload'

import { AssentError } from '../../../src/errors/AssentError'
import type { Subject } from '../../../src/payload-types'

/** The fields that say who a subject is: every acceptance and notice of theirs is bound to them. */
const IDENTITY = ['externalId', 'externalIdHash', 'erasedAt'] as const

/**
 * A subject's identity never changes after it is created, whoever asks and by whatever path
 * (admin, REST, Local API with overrideAccess): renaming one subject to another's external id
 * would hand the other every acceptance it made. Only erasure pseudonymises it (`context.erasure`),
 * keeping the hash of the id it had. A new subject may not be created erased either, and an erased
 * one is never given personal data again.
 */
export const refuseIdentityChange: CollectionBeforeChangeHook<Subject> = ({ data, originalDoc, operation, req }) => {
  if (req.context?.erasure === true) return data
  if (operation === 'create') {
    if (data.externalIdHash != null || data.erasedAt != null) throw new AssentError('subject_identity_frozen', 'A subject is created with its external id only: erasure sets the rest.')
    return data
  }
  if (originalDoc?.erasedAt) throw new AssentError('subject_erased', `Subject ${originalDoc.id} was erased on ${originalDoc.erasedAt}: its personal data is gone and stays gone.`)
  const changed = IDENTITY.filter((field) => field in data && (data[field] ?? null) !== (originalDoc?.[field] ?? null))
  if (changed.length > 0) {
    throw new AssentError('subject_identity_frozen', `A subject's ${changed.join(', ')} never change${changed.length === 1 ? 's' : ''}: every acceptance and notice of theirs is bound to them. Record a new subject for a new id.`)
  }
  return data
}
