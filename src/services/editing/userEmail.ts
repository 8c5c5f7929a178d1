import type { Payload } from 'payload'

import { refId, type Ref } from '../../domain/refId'
import type { User } from '../../payload-types'

/** The email of the staff user a relationship points to (id or populated), if there is one. */
export async function userEmail(payload: Payload, ref: Ref | User): Promise<string | undefined> {
  if (ref && typeof ref === 'object') return 'email' in ref ? ref.email : userEmail(payload, ref.id)
  const id = refId(ref)
  return id == null ? undefined : (await payload.findByID({ collection: 'users', id, depth: 0, disableErrors: true }))?.email
}
