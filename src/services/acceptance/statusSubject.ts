import type { Payload } from 'payload'

import { subjectsStore, type StatusSubject } from '../../store/subjects'
import { findSubject } from '../subjects/findSubject'
import { refuseExternalIdLength } from '../subjects/refuseExternalId'

export type { StatusSubject }

/** A subject, the versions it accepted, and the catalog fingerprint read in the same snapshot. */
export interface SubjectRead {
  subject: StatusSubject
  acceptedVersions: Array<number | string>
  /** Undefined on MongoDB. */
  catalogFingerprint?: string
}

/**
 * The subject with this external id and the ids of the versions it accepted, with the status
 * catalog's fingerprint (`statusRead`: one query on SQL databases). An unknown subject is created
 * (with `create`) or a 404, as in `findSubject`.
 */
export async function statusSubject(payload: Payload, externalId: string, create = false): Promise<SubjectRead> {
  refuseExternalIdLength(externalId)
  const { subject, acceptedVersions, catalogFingerprint } = await subjectsStore(payload).statusRead(externalId)
  if (!subject) return { subject: await findSubject(payload, externalId, create), acceptedVersions: [], catalogFingerprint }
  return { subject, acceptedVersions, catalogFingerprint }
}
