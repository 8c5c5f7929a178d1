import { randomBytes } from 'node:crypto'

import type { Payload } from 'payload'

import type { Subject } from '../../payload-types'
import { externalIdHash, findSubjectForEvidence } from '../audit/findSubjectForEvidence'
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
    // Acceptances and notices are insert-only for every caller; erasure is the one change the law requires of them.
    await payload.db.updateMany({ collection: 'acceptances', where: { subject: { equals: found.id } }, data: { ip: null, userAgent: null, locale: null }, req })
    const { docs: notices } = await payload.find({ collection: 'notices', where: { and: [{ subject: { equals: found.id } }, { address: { exists: true } }] }, pagination: false, depth: 0, req })
    for (const notice of notices) {
      const address = notice.address ?? ''
      const reply = address && notice.lastReply ? notice.lastReply.split(address).join('[erased]') : notice.lastReply
      await payload.db.updateOne({ collection: 'notices', id: notice.id, data: { address: null, lastReply: reply }, req })
    }
    return payload.update({
      collection: 'subjects',
      id: found.id,
      data: { externalId: `erased-${randomBytes(8).toString('hex')}`, externalIdHash: externalIdHash(found.externalId), email: null, name: null, locale: null, erasedAt: now.toISOString() },
      req,
      depth: 0,
    })
  })
  return { subject, alreadyErased: false }
}
