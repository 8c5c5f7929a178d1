import type { Payload } from 'payload'

import { noticeLedgerRecord } from '../../domain/ledgerRecords'
import { appendEntries } from '../../store/ledger/appendEntries'
import { ledgerIn } from '../../store/ledger/ledgerIn'
import { outboxStore, type NoticeTransition } from '../../store/outbox'
import { withTransaction } from '../../store/withTransaction'

/**
 * Applies changes to leased notices, each only if the lease it was decided under still holds
 * (same owner, same expiry, still `sending`), and appends a ledger entry for every change applied,
 * all in one transaction. A change whose lease was lost (expired and taken over) is dropped: the
 * notice's new holder decides. Returns the ids changed.
 */
export async function transitionNotices(payload: Payload, changes: ReadonlyArray<NoticeTransition>): Promise<Array<number | string>> {
  if (changes.length === 0) return []
  return withTransaction(payload, async (req) => {
    const now = new Date().toISOString()
    const applied = await outboxStore(payload).applyNoticeTransitions(req, changes, now)
    await appendEntries(
      ledgerIn(req),
      applied.map(({ notice, change }) => ({ kind: 'notice', record: noticeLedgerRecord({ ...notice, ...change, channel: 'email' }) })),
    )
    return applied.map(({ notice }) => notice.id)
  })
}
