import type { Payload } from 'payload'

import { keyAdmits } from '../../domain/apiKey'
import type { NoticeFact } from '../../domain/deemedAcceptance'
import { refId } from '../../domain/refId'
import { mongoApiKeys } from '../apiKeys/mongoApiKeys'
import { payloadSubjects } from './payloadSubjects'
import type { SubjectsStore } from './SubjectsStore'

/** MongoDB: everything through Payload's Local API; no catalog fingerprint (the status catalog
 * is read again each time). */
export function mongoSubjects(payload: Payload): SubjectsStore {
  const subjects = payloadSubjects(payload)
  return {
    ...subjects,
    statusRead: async (externalId, options = {}) => {
      // The key first: without a valid one, the subject is not read.
      const key = options.apiKey && { apiKey: (await mongoApiKeys(payload).keyByHash(options.apiKey.hash)) ?? null }
      if (key && !keyAdmits(key.apiKey, options.apiKey!.scope)) return { subject: undefined, acceptedVersions: [], ...key }
      const subject = await subjects.subjectByExternalId(externalId)
      if (!subject) return { subject: undefined, acceptedVersions: [], ...key }
      const { docs } = await payload.find({ collection: 'acceptances', where: { subject: { equals: subject.id } }, select: { version: true }, pagination: false, depth: 0 })
      return { subject, acceptedVersions: docs.flatMap((a) => refId(a.version) ?? []), ...key }
    },
    noticesOf: async (subjectId, versionId) =>
      (await payload.find({ collection: 'notices', where: { and: [{ subject: { equals: subjectId } }, { version: { equals: versionId } }] }, pagination: false, depth: 0 })).docs.map((n) => ({
        id: n.id as NoticeFact['id'],
        channel: n.channel as NoticeFact['channel'],
        status: n.status as NoticeFact['status'],
        at: n.reachedAt ? new Date(n.reachedAt as string) : undefined,
      })),
  }
}
