import type { Payload } from 'payload'

import { externalIdHash } from '../../domain/externalIdHash'
import { AssentError } from '../../errors/AssentError'
import type { Subject } from '../../payload-types'
import { refuseExternalId, refuseExternalIdLength } from '../subjects/refuseExternalId'

/** The subject an auditor asks about by external id: a current one, or one erased since (found by
 * the hash of the id it had). A 404 otherwise, or a 400 for an id no subject may have. */
export async function findSubjectForEvidence(payload: Payload, externalId: string): Promise<Subject> {
  refuseExternalIdLength(externalId)
  const { docs } = await payload.find({
    collection: 'subjects',
    where: { or: [{ externalId: { equals: externalId } }, { externalIdHash: { equals: externalIdHash(externalId) } }] },
    // No limit: with one, PostgreSQL walked the creation-time index of every subject (the default
    // sort) looking for the first match, which grew with the subjects; without, both indexes are
    // read and the one or two rows sorted.
    pagination: false,
    depth: 0,
  })
  if (docs[0]) return docs[0]
  // An id no subject could ever have had is a 400 naming the rule, not a 404.
  refuseExternalId(externalId)
  throw new AssentError('subject_not_found', `No subject "${externalId}", now or erased.`)
}
