import { randomBytes } from 'node:crypto'

import type { Payload } from 'payload'

import type { Subject } from '../../payload-types'
import { externalIdHash } from '../../domain/externalIdHash'
import { findSubjectForEvidence } from '../audit/findSubjectForEvidence'
import { subjectsStore } from '../../store/subjects'
import { withTransaction } from '../../store/withTransaction'

/**
 * GDPR erasure of a subject's personal data, in one transaction: the subject keeps only a random
 * pseudonym, the hash of its former external id (so its evidence pack can still be asked for) and
 * when it was erased; acceptances lose IP, user agent and locale; notices lose the address (and
 * any copy of it in the SMTP reply). Ledger entries hold only ids and hashes, so they still verify.
 * Erasing an erased subject changes nothing and returns it.
 */
export async function eraseSubject(payload: Payload, externalId: string, now = new Date()): Promise<{ subject: Subject; alreadyErased: boolean }> {
  const found = await findSubjectForEvidence(payload, externalId)
  if (found.erasedAt) return { subject: found, alreadyErased: true }
  const subject = await withTransaction(payload, async (req) => {
    await subjectsStore(payload).erasePersonalData(found.id, req)
    return payload.update({
      collection: 'subjects',
      id: found.id,
      data: { externalId: `erased-${randomBytes(8).toString('hex')}`, externalIdHash: externalIdHash(found.externalId), email: null, name: null, locale: null, erasedAt: now.toISOString() },
      req,
      depth: 0,
      context: { erasure: true },
    })
  })
  return { subject, alreadyErased: false }
}
