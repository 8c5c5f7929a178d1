import type { PayloadRequest } from 'payload'
import { isNull } from '@payloadcms/db-postgres/drizzle'

import { sqlAdapter, sqlSession, type SqlAdapter } from '../../db/sqlSession'
import { noticeLedgerRecord } from '../../domain/ledgerRecords'
import { appendLedgerEntries } from '../ledger/appendLedgerEntries'

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

/** Rows per INSERT: well under SQLite's limit on bound parameters. */
const CHUNK = 500

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
  const subjects = adapter ? await sqlRecipients(adapter, req) : await localRecipients(req)
  const rows = subjects.flatMap(({ id, email }) => {
    const base = { subject: id, policy: version.policy, version: version.id, versionNumber: version.version, status: 'pending', attempts: 0 }
    const banner = { ...base, channel: 'banner' }
    return email ? [banner, { ...base, channel: 'email', nextAttemptAt: now }] : [banner]
  })
  if (adapter) {
    const created = await sqlInsert(adapter, req, rows, now)
    await appendLedgerEntries(req, created.map((doc) => ({ kind: 'notice', record: noticeLedgerRecord(doc) })))
  } else {
    for (const data of rows) await req.payload.create({ collection: 'notices', data: data as never, req, depth: 0 })
  }
  const email = rows.filter((n) => n.channel === 'email').length
  return { email, banner: rows.length - email }
}

async function sqlRecipients(adapter: SqlAdapter, req: PayloadRequest): Promise<Recipient[]> {
  const subjects = adapter.tables.subjects
  const db = await sqlSession(adapter, req)
  return (await db.select({ id: subjects.id, email: subjects.email }).from(subjects as never).where(isNull(subjects.erasedAt))) as unknown as Recipient[]
}

async function localRecipients(req: PayloadRequest): Promise<Recipient[]> {
  const { docs } = await req.payload.find({ collection: 'subjects', where: { erasedAt: { exists: false } }, select: { email: true }, pagination: false, depth: 0, req })
  return docs
}

async function sqlInsert(adapter: SqlAdapter, req: PayloadRequest, rows: Record<string, unknown>[], now: string): Promise<NoticeRow[]> {
  const db = await sqlSession(adapter, req)
  const created: NoticeRow[] = []
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK).map((row) => ({ ...row, createdAt: now, updatedAt: now }))
    const inserted = (await db.insert(adapter.tables.notices as never).values(chunk).returning()) as unknown as NoticeRow[]
    created.push(...inserted.map((n) => ({ ...n, versionNumber: Number(n.versionNumber) })))
  }
  return created
}
