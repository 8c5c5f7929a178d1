import type { Payload } from 'payload'

import { AssentError } from '../../errors/AssentError'
import type { Subject } from '../../payload-types'
import { subjectsStore } from '../../store/subjects'
import { refuseExternalId, refuseExternalIdLength } from './refuseExternalId'

/** The subject with this external id; created on the spot when `create` is set, else a 404. An
 * id no subject has and none may have (`externalIdProblem`) is a 400, as is any id over the one
 * maximum length; existing subjects stay reachable by their id, whatever else it holds. */
export async function findSubject(payload: Payload, externalId: string, create = false): Promise<Subject> {
  refuseExternalIdLength(externalId)
  const subjects = subjectsStore(payload)
  const found = await subjects.subjectByExternalId(externalId)
  if (found) return found
  refuseExternalId(externalId)
  if (!create) throw new AssentError('subject_not_found', `No subject "${externalId}"; upsert it with PUT /api/v1/subjects/${encodeURIComponent(externalId)} or ask for ?create=true.`)
  try {
    return await subjects.createSubject({ externalId })
  } catch (error) {
    // Two first calls for the same new subject: the other one created it.
    const again = await subjects.subjectByExternalId(externalId)
    if (again) return again
    throw error
  }
}
