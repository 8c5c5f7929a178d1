import type { Payload, PayloadRequest } from 'payload'
import { and, gt, inArray, isNull, sql } from '@payloadcms/db-postgres/drizzle'

import { insertRows } from '../../db/insertRows'
import { sqlRows } from '../../db/payloadQuery'
import { sqlSession, type SqlAdapter } from '../../db/sqlSession'
import { noticeLedgerRecord } from '../../domain/ledgerRecords'
import { appendEntries } from '../ledger/appendEntries'
import { ledgerIn } from '../ledger/ledgerIn'
import { deliveryQueue } from './deliveryQueue'
import { noticeQueue } from './noticeQueue'
import type { OutboxStore } from './OutboxStore'
import type { NoticeSubject, Recipient } from './outboxRows'
import { expiredNoticeLeases, recordDelivery } from './sharedOutbox'
import { sqlClaim } from './sqlClaim'
import { sqlNoticeTransitions } from './sqlNoticeTransitions'
import { standingsMap } from './standingsMap'

type NoticeRow = Parameters<typeof noticeLedgerRecord>[0]

/** Subjects read at a time. */
const PAGE = 2000

/** SQLite and PostgreSQL, through Payload's drizzle adapter (the statements differ only where
 * the lease locks rows and where changes are joined from JSON). */
export function sqlOutbox(payload: Payload, adapter: SqlAdapter): OutboxStore {
  return {
    leasesWhileRecording: adapter.name === 'postgres',
    claimNotices: (request) => sqlClaim(adapter, noticeQueue, request),
    expiredNoticeLeases: (now) => expiredNoticeLeases(payload, now),
    applyNoticeTransitions: async (req, transitions, now) => sqlNoticeTransitions(adapter, await sqlSession(adapter, req), transitions, now),
    unerasedSubjects: (req) => unerasedSubjectPages(adapter, req),
    addNotices: async (req, notices, now) => {
      // Multi-row inserts: a publication may reach 100,000 subjects.
      const rows = notices.map((row) => ({ ...row, createdAt: now, updatedAt: now }))
      const stored = await insertRows<NoticeRow>(await sqlSession(adapter, req), adapter.tables.notices, rows, { returning: true, on: adapter.name })
      const created = stored.map((n) => ({ ...n, versionNumber: Number(n.versionNumber) }))
      await appendEntries(ledgerIn(req), created.map((doc) => ({ kind: 'notice', record: noticeLedgerRecord(doc) })))
    },
    noticesAdded: async (req) => {
      // Otherwise a table last analyzed before the publication (autovacuum off, or not yet run)
      // looks empty: PostgreSQL read each batch's standings by scanning every notice (136 to 168
      // ms for a batch of 200 at 100,000 subjects, against 7 through the subject index). SQLite
      // plans without gathered statistics.
      if (adapter.name === 'postgres') await (await sqlSession(adapter, req)).execute!(sql`analyze ${adapter.tables.notices}`)
    },
    noticeRecipients: async (ids) => {
      const s = adapter.tables.subjects
      const rows = await adapter.drizzle.select({ id: s.id, email: s.email, name: s.name, locale: s.locale, erasedAt: s.erasedAt }).from(s as never).where(inArray(s.id, ids as Array<number | string>))
      return new Map(rows.map((row) => [String(row.id), row as Recipient]))
    },
    noticeStandings: async (subjects, policies) => {
      // One statement for the batch, so a worker sending thousands of notices makes no query per notice.
      // Rows are found by subject only: `+policy_id` keeps the planner off the policy index, which
      // SQLite otherwise picks and which walks every acceptance and notice of the policy (a
      // million acceptances, or every notice a fan-out just wrote) for each batch.
      const { standings, at } = standingsMap()
      const list = (ids: ReadonlyArray<number | string>) => sql.join(ids.map((id) => sql`${Number(id)}`), sql`, `)
      const rows = await sqlRows(adapter, sql`select 'accepted' as kind, subject_id as subject, policy_id as policy, max(version_number) as version from acceptances
          where subject_id in (${list(subjects)}) and +policy_id in (${list(policies)}) group by subject_id, policy_id
        union all
        select distinct 'reached' as kind, subject_id as subject, policy_id as policy, version_number as version from notices
          where subject_id in (${list(subjects)}) and +policy_id in (${list(policies)}) and reached_at is not null`)
      for (const row of rows) {
        const standing = at(row.subject, row.policy)
        if (row.kind === 'accepted') standing.lastAccepted = Number(row.version)
        else standing.reached.push(Number(row.version))
      }
      return standings
    },
    claimDeliveries: (request) => sqlClaim(adapter, deliveryQueue, request),
    recordDelivery: (delivery, owner, outcome) => recordDelivery(payload, delivery, owner, outcome),
  }
}

/** Subjects not erased, by id, a page at a time, so memory stays flat however many there are. */
async function* unerasedSubjectPages(adapter: SqlAdapter, req: PayloadRequest): AsyncGenerator<NoticeSubject[]> {
  const subjects = adapter.tables.subjects
  const db = await sqlSession(adapter, req)
  let after = 0
  for (;;) {
    const page = (await db
      .select({ id: subjects.id, email: subjects.email })
      .from(subjects as never)
      .where(and(isNull(subjects.erasedAt), gt(subjects.id, after)))
      .orderBy(subjects.id)
      .limit(PAGE)) as unknown as NoticeSubject[]
    if (page.length > 0) yield page
    if (page.length < PAGE) return
    after = Number(page.at(-1)!.id)
  }
}
