import type { Payload } from 'payload'

import { differingFields, recordDigest } from '../../domain/recordDigest'
import { acceptanceLedgerRecord } from '../../domain/ledgerRecords'
import { ledgerEntries } from './ledgerLeaves'

const PAGE = 5000

type Recorded = { seq: number; digest: string; contextHash: unknown }

/** What the ledger says about one record: its entry's body, parsed. */
async function recordedBody(payload: Payload, seq: number): Promise<Record<string, unknown>> {
  const { docs } = await payload.find({ collection: 'ledger-entries', where: { seq: { equals: seq } }, limit: 1, pagination: false, depth: 0 })
  return (JSON.parse(docs[0].body) as { record: Record<string, unknown> }).record
}

/** Every acceptance, page by page, in id order. */
async function* acceptanceRows(payload: Payload) {
  for (let after: number | string | undefined; ; ) {
    const { docs } = await payload.find({
      collection: 'acceptances',
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
 * Compares the acceptances table with the ledger: a direct database edit of an acceptance (its
 * text's hash, time, method, subject…), one inserted without an entry, or one deleted, shows here
 * even though the ledger itself still verifies. Notices must each have entries, and every notice
 * the ledger names must exist. Returns the problems found, worded for an auditor.
 */
export async function checkRecordsAgainstLedger(payload: Payload): Promise<{ acceptances: number; notices: number; problems: string[] }> {
  const acceptances = new Map<string, Recorded>()
  const notices = new Map<string, number>()
  for await (const entry of ledgerEntries(payload)) {
    const { kind, record } = JSON.parse(entry.body) as { kind: string; record: Record<string, unknown> }
    if (kind === 'acceptance') acceptances.set(String(record.acceptance), { seq: entry.seq, ...recordDigest(record) })
    else if (kind === 'notice' && !notices.has(String(record.notice))) notices.set(String(record.notice), entry.seq)
  }

  const problems: string[] = []
  let checked = 0
  for await (const row of acceptanceRows(payload)) {
    checked++
    const recorded = acceptances.get(String(row.id))
    if (!recorded) {
      problems.push(`acceptance ${row.id} has no ledger entry: it was not recorded through Assent`)
      continue
    }
    acceptances.delete(String(row.id))
    const actual = acceptanceLedgerRecord(row as never)
    const erased = row.ip == null && row.userAgent == null && row.locale == null
    const { digest, contextHash } = recordDigest(actual)
    if (digest === recorded.digest && (erased || contextHash === recorded.contextHash)) continue
    const fields = differingFields(actual, await recordedBody(payload, recorded.seq), erased)
    problems.push(`acceptance ${row.id} differs from ledger entry ${recorded.seq} in: ${fields.join(', ')}`)
  }
  for (const [id, { seq }] of acceptances) problems.push(`ledger entry ${seq} records acceptance ${id}, which is missing from the acceptances table`)

  const { docs: noticeRows } = await payload.find({ collection: 'notices', pagination: false, depth: 0, select: { status: true } })
  for (const { id } of noticeRows) {
    if (!notices.delete(String(id))) problems.push(`notice ${id} has no ledger entry: it was not recorded through Assent`)
  }
  for (const [id, seq] of notices) problems.push(`ledger entry ${seq} records notice ${id}, which is missing from the notices table`)
  return { acceptances: checked, notices: noticeRows.length, problems }
}
