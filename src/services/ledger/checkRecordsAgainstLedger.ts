import type { DataFromCollectionSlug, Payload } from 'payload'

import { compareWithLedger, noticeSkips, type UnboundTally } from '../../domain/ledgerBindings'
import { acceptanceLedgerRecord, noticeLedgerRecord } from '../../domain/ledgerRecords'
import { recordDigest } from '../../domain/recordDigest'
import { storedIdentityHash } from '../../domain/subjectLedgerRecord'
import { checkVersionsAgainstLedger } from './checkVersionsAgainstLedger'
import { ledgerEntries } from './ledgerLeaves'

const PAGE = 5000

type Recorded = { seq: number; digest: string; contextHash: unknown }

/** The collections whose rows are each bound by ledger entries. */
type Checked = 'acceptances' | 'notices' | 'subjects'

/** What the ledger says about one record: its entry's body, parsed. */
async function recordedBody(payload: Payload, seq: number): Promise<Record<string, unknown>> {
  const { docs } = await payload.find({ collection: 'ledger-entries', where: { seq: { equals: seq } }, limit: 1, pagination: false, depth: 0 })
  return (JSON.parse(docs[0].body) as { record: Record<string, unknown> }).record
}

/** Every row of `collection`, page by page, in id order. */
async function* rows<C extends Checked>(payload: Payload, collection: C) {
  for (let after: number | string | undefined; ; ) {
    const { docs } = await payload.find({
      collection,
      where: after === undefined ? {} : { id: { greater_than: after } },
      sort: 'id',
      limit: PAGE,
      pagination: false,
      depth: 0,
    })
    yield* docs
    if (docs.length < PAGE) return
    after = docs[docs.length - 1].id
  }
}

/**
 * Reads every row of `collection` against `recorded`, its ledger entries by row id, which it
 * empties: a row without an entry and an entry whose row is gone are problems, and `differs`
 * words how a row departs from its entry (undefined where it does not). Returns the rows read.
 */
async function checkRows<C extends Checked, E extends { seq: number }>(
  payload: Payload,
  collection: C,
  recorded: Map<string, E>,
  problems: string[],
  differs: (row: DataFromCollectionSlug<C>, entry: E) => Promise<string | undefined>,
): Promise<number> {
  const singular = collection.slice(0, -1)
  let checked = 0
  for await (const row of rows(payload, collection)) {
    checked++
    const entry = recorded.get(String(row.id))
    if (!entry) {
      problems.push(`${singular} ${row.id} has no ledger entry: it was not recorded through Assent`)
      continue
    }
    recorded.delete(String(row.id))
    const problem = await differs(row as DataFromCollectionSlug<C>, entry)
    if (problem) problems.push(problem)
  }
  for (const [id, { seq }] of recorded) problems.push(`ledger entry ${seq} records ${singular} ${id}, which is missing from the ${collection} table`)
  return checked
}

/** The result of comparing the records with the ledger. */
export interface RecordsCheck {
  acceptances: number
  notices: number
  subjects: number
  problems: string[]
  /** Stored fields some rows' entries do not bind (older entries), with how many rows. */
  unbound: Map<string, number>
}

/**
 * Compares the acceptances, notices and subjects tables with the ledger, field by field: a direct
 * database edit of an acceptance (its text's hash, time, method, source, subject…), of a notice
 * (its status, time reached, address, SMTP reply…) or of who a subject is (its external id, which
 * would hand one subject's acceptances to another), a row inserted without an entry, or one
 * deleted, shows here even though the ledger itself still verifies. Each notice is compared with its last
 * entry. Returns the problems found, worded for an auditor, and the fields nothing bound.
 */
export async function checkRecordsAgainstLedger(payload: Payload): Promise<RecordsCheck> {
  const acceptances = new Map<string, Recorded>()
  // The last entry of each notice, as its body: the state the row must be in.
  const notices = new Map<string, { seq: number; body: string }>()
  const subjects = new Map<string, { seq: number; hash: unknown }>()
  const problems: string[] = []
  for await (const entry of ledgerEntries(payload)) {
    const { kind, record } = JSON.parse(entry.body) as { kind: string; record: Record<string, unknown> }
    if (kind === 'acceptance') acceptances.set(String(record.acceptance), { seq: entry.seq, ...recordDigest(record) })
    else if (kind === 'notice') notices.set(String(record.notice), { seq: entry.seq, body: entry.body })
    else if (kind === 'subject') {
      const id = String(record.subject)
      if (subjects.has(id)) problems.push(`ledger entries ${subjects.get(id)!.seq} and ${entry.seq} both bind subject ${id}`)
      else subjects.set(id, { seq: entry.seq, hash: record.externalIdHash })
    }
  }
  const unbound = new Map<string, number>()
  const tally: UnboundTally = (collection, fields) => {
    for (const field of fields) unbound.set(`${collection}.${field}`, (unbound.get(`${collection}.${field}`) ?? 0) + 1)
  }

  const checkedAcceptances = await checkRows(payload, 'acceptances', acceptances, problems, async (row, recorded) => {
    const actual = acceptanceLedgerRecord(row as never)
    const erased = row.ip == null && row.userAgent == null && row.locale == null
    const { digest, contextHash } = recordDigest(actual)
    if (digest === recorded.digest && (erased || contextHash === recorded.contextHash)) return undefined
    const { differing } = compareWithLedger(actual, await recordedBody(payload, recorded.seq), erased ? ['contextHash'] : [])
    return `acceptance ${row.id} differs from ledger entry ${recorded.seq} in: ${differing.join(', ')}`
  })

  const erasedSubjects = new Set((await payload.find({ collection: 'subjects', where: { erasedAt: { exists: true } }, pagination: false, depth: 0, select: { erasedAt: true } })).docs.map((s) => String(s.id)))
  const checkedNotices = await checkRows(payload, 'notices', notices, problems, async (row, last) => {
    const recorded = (JSON.parse(last.body) as { record: Record<string, unknown> }).record
    const { differing, unbound: notBound } = compareWithLedger(noticeLedgerRecord(row as never), recorded, noticeSkips(row, erasedSubjects.has(String(row.subject))))
    tally('notices', notBound)
    return differing.length > 0 ? `notice ${row.id} (${row.channel}) differs from its last ledger entry ${last.seq} in: ${differing.join(', ')}` : undefined
  })
  const checkedSubjects = await checkRows(payload, 'subjects', subjects, problems, async (row, bound) =>
    storedIdentityHash(row) === bound.hash ? undefined : `subject ${row.id} differs from its ledger entry ${bound.seq} in: ${row.erasedAt ? 'externalIdHash' : 'externalId'} (it is not the subject the ledger bound under this id, whose acceptances and notices these are)`,
  )
  problems.push(...(await checkVersionsAgainstLedger(payload, tally)))
  return { acceptances: checkedAcceptances, notices: checkedNotices, subjects: checkedSubjects, problems, unbound }
}
