import type { PayloadRequest } from 'payload'
import { and, gt, isNull } from '@payloadcms/db-postgres/drizzle'

import { insertRows } from '../../db/insertRows'
import { sqlAdapter, sqlSession, type SqlAdapter } from '../../db/sqlSession'
import { noticeLedgerRecord } from '../../domain/ledgerRecords'
import { appendEntries } from '../../store/ledger/appendEntries'
import { ledgerIn } from '../../store/ledger/ledgerIn'

/** The version whose publication is being announced. */
export interface AnnouncedVersion {
  id: number | string
  policy: number | string
  version: number
}

interface Recipient {
  id: number | string
  email?: string | null
}

type NoticeRow = Parameters<typeof noticeLedgerRecord>[0]

/** Subjects read at a time. */
const PAGE = 2000

/**
 * The outbox of a publication, written in the publishing transaction (`req`): for every subject
 * not erased, a banner notice, and an email notice when the subject has an address. Each new
 * notice enters the ledger as `pending`. On SQL databases rows go in with multi-row inserts (a
 * publication may reach 100,000 subjects); elsewhere through the Local API, whose collection hook
 * appends the ledger entries. Returns how many notices of each channel were created.
 */
export async function enqueueNotices(req: PayloadRequest, version: AnnouncedVersion): Promise<{ email: number; banner: number }> {
  const now = new Date().toISOString()
  const adapter = sqlAdapter(req.payload)
  const rowsFor = (subjects: Recipient[]) =>
    subjects.flatMap(({ id, email }) => {
      const base = { subject: id, policy: version.policy, version: version.id, versionNumber: version.version, status: 'pending', attempts: 0 }
      const banner = { ...base, channel: 'banner' }
      return email ? [banner, { ...base, channel: 'email', nextAttemptAt: now }] : [banner]
    })
  const counts = { email: 0, banner: 0 }
  const tally = (rows: Array<Record<string, unknown>>) => {
    for (const row of rows) counts[row.channel as 'email' | 'banner']++
  }
  if (!adapter) {
    const rows = rowsFor(await localRecipients(req))
    for (const data of rows) await req.payload.create({ collection: 'notices', data: data as never, req, depth: 0 })
    tally(rows)
    return counts
  }
  // Page by page, so memory stays flat however many subjects there are; one transaction throughout.
  for await (const subjects of sqlRecipientPages(adapter, req)) {
    const rows = rowsFor(subjects)
    const created = await sqlInsert(adapter, req, rows, now)
    await appendEntries(ledgerIn(req), created.map((doc) => ({ kind: 'notice', record: noticeLedgerRecord(doc) })))
    tally(rows)
  }
  return counts
}

/** Subjects not erased, by id, a page at a time. */
async function* sqlRecipientPages(adapter: SqlAdapter, req: PayloadRequest): AsyncGenerator<Recipient[]> {
  const subjects = adapter.tables.subjects
  const db = await sqlSession(adapter, req)
  let after = 0
  for (;;) {
    const page = (await db
      .select({ id: subjects.id, email: subjects.email })
      .from(subjects as never)
      .where(and(isNull(subjects.erasedAt), gt(subjects.id, after)))
      .orderBy(subjects.id)
      .limit(PAGE)) as unknown as Recipient[]
    if (page.length > 0) yield page
    if (page.length < PAGE) return
    after = Number(page.at(-1)!.id)
  }
}

async function localRecipients(req: PayloadRequest): Promise<Recipient[]> {
  const { docs } = await req.payload.find({ collection: 'subjects', where: { erasedAt: { exists: false } }, select: { email: true }, pagination: false, depth: 0, req })
  return docs
}

async function sqlInsert(adapter: SqlAdapter, req: PayloadRequest, rows: Record<string, unknown>[], now: string): Promise<NoticeRow[]> {
  const stored = await insertRows<NoticeRow>(await sqlSession(adapter, req), adapter.tables.notices, rows.map((row) => ({ ...row, createdAt: now, updatedAt: now })), { returning: true })
  return stored.map((n) => ({ ...n, versionNumber: Number(n.versionNumber) }))
}
