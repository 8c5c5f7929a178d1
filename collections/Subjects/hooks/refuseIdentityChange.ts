import type { CollectionBeforeChangeHook } from 'payload'

import { subjectIdentityRefusal } from '../../../src/domain/subjectIdentityRefusal'
import { AssentError } from '../../../src/errors/AssentError'
import type { Subject } from '../../../src/payload-types'

/** Refuses a change of who a subject is, whoever asks and by whatever path (admin, REST, Local API
 * with overrideAccess); only erasure (`context.erasure`) pseudonymises one. */
export const refuseIdentityChange: CollectionBeforeChangeHook<Subject> = ({ data, originalDoc, operation, req }) => {
  if (req.context?.erasure === true) return data
  const refusal = subjectIdentityRefusal(data, operation === 'create' ? undefined : originalDoc)
  if (refusal) throw new AssentError(refusal.code, refusal.message)
  return data
}
