import type { Payload, PayloadRequest } from 'payload'

/**
 * Removes a subject's personal data from its acceptances (IP, user agent, locale) and notices (the
 * address, and any copy of it in the SMTP reply). Both are insert-only for every caller; erasure is
 * the one change the law requires of them, so it writes through the database adapter, below the
 * collections' hooks. Ledger entries hold only ids and hashes, and are left as they are.
 */
export async function erasePersonalData(payload: Payload, subjectId: number, req: PayloadRequest): Promise<void> {
  await payload.db.updateMany({ collection: 'acceptances', where: { subject: { equals: subjectId } }, data: { ip: null, userAgent: null, locale: null }, req })
  const { docs: notices } = await payload.find({ collection: 'notices', where: { and: [{ subject: { equals: subjectId } }, { address: { exists: true } }] }, pagination: false, depth: 0, req })
  for (const notice of notices) {
    const address = notice.address ?? ''
    const reply = address && notice.lastReply ? notice.lastReply.split(address).join('[erased]') : notice.lastReply
    await payload.db.updateOne({ collection: 'notices', id: notice.id, data: { address: null, lastReply: reply }, req })
  }
}
