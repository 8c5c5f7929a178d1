import type { Payload } from 'payload'

import type { NoticeFact } from '../../domain/deemedAcceptance'
import { externalIdLengthProblem } from '../../domain/externalId'
import { apiKeysStore } from '../../store/apiKeys'
import { subjectsStore, type StatusReadOptions, type StatusSubject, type VersionNotice } from '../../store/subjects'
import { admittedApiKey } from '../staff/apiKeys'
import { findSubject } from '../subjects/findSubject'
import { refuseExternalIdLength } from '../subjects/refuseExternalId'

export type { StatusSubject }

/** A subject, the versions it accepted, and the catalog fingerprint read in the same snapshot. */
export interface SubjectRead {
  subject: StatusSubject
  acceptedVersions: Array<number | string>
  /** Undefined on MongoDB. */
  catalogFingerprint?: string
  /** With `notices`, where the read carried them (SQL databases, a subject that was there). */
  recentNotices?: VersionNotice[]
}

/**
 * The subject with this external id and the ids of the versions it accepted, with the status
 * catalog's fingerprint (`statusRead`: one query on SQL databases), and, with `notices`, the
 * notices that reached it of versions newer than the newest it accepted. An unknown subject is
 * created (with `create`) or a 404, as in `findSubject`. With `apiKey`, the key the request
 * presents is read with the subject and checked first (401, 403), so a status check costs one
 * statement, key included.
 */
export async function statusSubject(payload: Payload, externalId: string, create = false, options: StatusReadOptions = {}): Promise<SubjectRead> {
  const { apiKey: presented } = options
  // A caller without a valid key is refused before being told anything of the id.
  if (presented && externalIdLengthProblem(externalId)) admittedApiKey(await apiKeysStore(payload).keyByHash(presented.hash), presented.scope)
  refuseExternalIdLength(externalId)
  const { subject, acceptedVersions, catalogFingerprint, recentNotices, apiKey } = await subjectsStore(payload).statusRead(externalId, options)
  // The key read with the subject, checked before anything read is used or written.
  if (presented) admittedApiKey(apiKey, presented.scope)
  // Not in the read (created here, or by another call since): its notices are read apart.
  if (!subject) return { subject: await findSubject(payload, externalId, create), acceptedVersions: [], catalogFingerprint }
  return { subject, acceptedVersions, catalogFingerprint, recentNotices }
}

/** A subject's notices of one version, by its id. */
export type NoticesOf = (versionId: number) => Promise<readonly NoticeFact[]>

/** The subject's notices of a version: those the read carried, for a version newer than the
 * newest it had accepted (all of that version's there are); read apart otherwise (an older version,
 * MongoDB, a subject not in the read). */
export function subjectNoticesOf(payload: Payload, read: SubjectRead): NoticesOf {
  const carried = read.recentNotices
  const apart: NoticesOf = (versionId) => subjectsStore(payload).noticesOf(read.subject.id, versionId)
  if (!carried || read.acceptedVersions.length === 0) return apart
  const newestAccepted = read.acceptedVersions.reduce<number>((max, id) => Math.max(max, Number(id)), 0)
  return async (versionId) => (versionId > newestAccepted ? carried.filter((notice) => notice.versionId === versionId) : apart(versionId))
}
