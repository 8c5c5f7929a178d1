import type { PayloadRequest } from 'payload'

import { outboxStore, type NewNotice, type NoticeSubject } from '../../store/outbox'

/** The version whose publication is being announced. */
export interface AnnouncedVersion {
  id: number | string
  policy: number | string
  version: number
}

/**
 * The outbox of a publication, written in the publishing transaction (`req`): for every subject
 * not erased, a banner notice, and an email notice when the subject has an address. Each new
 * notice enters the ledger as `pending`. Subjects are read and notices written page by page, so
 * memory stays flat however many subjects there are (a publication may reach 100,000), in one
 * transaction throughout; the database then gathers the notices table's statistics again, so
 * the workers' reads are planned on it as it now is. Returns how many notices of each channel
 * were created.
 */
export async function enqueueNotices(req: PayloadRequest, version: AnnouncedVersion): Promise<{ email: number; banner: number }> {
  const now = new Date().toISOString()
  const outbox = outboxStore(req.payload)
  const rowsFor = (subjects: NoticeSubject[]): NewNotice[] =>
    subjects.flatMap(({ id, email }) => {
      const base = { subject: id, policy: version.policy, version: version.id, versionNumber: version.version, status: 'pending', attempts: 0 }
      const banner: NewNotice = { ...base, channel: 'banner' }
      return email ? [banner, { ...base, channel: 'email', nextAttemptAt: now }] : [banner]
    })
  const counts = { email: 0, banner: 0 }
  for await (const subjects of outbox.unerasedSubjects(req)) {
    const rows = rowsFor(subjects)
    await outbox.addNotices(req, rows, now)
    for (const row of rows) counts[row.channel]++
  }
  if (counts.email + counts.banner > 0) await outbox.noticesAdded(req)
  return counts
}
