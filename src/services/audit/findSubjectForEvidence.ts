import { createHash } from 'node:crypto'

import type { Payload } from 'payload'

import { AssentError } from '../../errors/AssentError'
import type { Subject } from '../../payload-types'

export const externalIdHash = (externalId: string): string => createHash('sha256').update(externalId, 'utf8').digest('hex')

/** The subject an auditor asks about by external id: a current one, or one erased since (found by
 * the hash of the id it had). A 404 otherwise. */
export async function findSubjectForEvidence(payload: Payload, externalId: string): Promise<Subject> {
  const { docs } = await payload.find({
    collection: 'subjects',
    where: { or: [{ externalId: { equals: externalId } }, { externalIdHash: { equals: externalIdHash(externalId) } }] },
    limit: 1,
    pagination: false,
    depth: 0,
  })
  if (!docs[0]) throw new AssentError('subject_not_found', `No subject "${externalId}", now or erased.`)
  return docs[0]
}
