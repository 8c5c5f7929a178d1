import { describe, expect, it } from 'vitest'

import { checkPackRecords } from '../../src/domain/checkPackRecords'
import type { EvidenceAcceptance, EvidenceNotice } from '../../src/domain/evidencePack'
import { acceptanceLedgerRecord, noticeLedgerRecord } from '../../src/domain/ledgerRecords'

const acceptance: EvidenceAcceptance = { id: 7, policy: 'privacy', version: 2, contentHash: 'a'.repeat(64), method: 'clickwrap', source: 'api', acceptedAt: '2026-11-28T10:00:00.000Z', ip: '203.0.113.7', userAgent: 'UA', locale: 'en', notices: [] }
const email: EvidenceNotice = { id: 9, policy: 'privacy', version: 2, channel: 'email', status: 'accepted', reachedAt: '2026-11-28T09:00:00.000Z', dismissedAt: null, attempts: 1, messageId: '<notice-9@x>', messageHash: 'm'.repeat(64), lastReply: '250 OK', address: 'ann@example.com' }
const banner: EvidenceNotice = { ...email, id: 10, channel: 'banner', status: 'displayed', attempts: null, messageId: null, messageHash: null, lastReply: null, address: null }

const ledgerOf = (a: EvidenceAcceptance, notices: EvidenceNotice[]) => ({
  acceptances: new Map([[String(a.id), acceptanceLedgerRecord({ ...a, subject: 3, policy: 1, version: 4, versionNumber: a.version })]]),
  notices: new Map(notices.map((n) => [String(n.id), [noticeLedgerRecord({ ...n, subject: 3, policy: 1, version: 4, versionNumber: n.version })]])),
})

describe('checking what an evidence pack states against its ledger entries', () => {
  it('passes an honest pack, and names each field an edit changed', () => {
    const ledger = ledgerOf(acceptance, [email, banner])
    expect(checkPackRecords([acceptance], [email, banner], ledger, false)).toEqual({ problems: [], unbound: [] })
    const edited = checkPackRecords([{ ...acceptance, source: 'email-link' }], [{ ...email, address: 'x@example.com', lastReply: '250 forged' }, banner], ledger, false)
    expect(edited.problems).toEqual([
      'acceptance 7 (privacy version 2) does not match its ledger entry in: source',
      'notice 9 (privacy version 2, email) does not match its last ledger entry in: address, lastReply',
    ])
  })

  it('names an email notice whose banner notice was taken out', () => {
    expect(checkPackRecords([], [email], ledgerOf(acceptance, [email]), false).problems).toEqual([
      'privacy version 2: the pack has the email notice 9 but no banner notice, which publication creates with it: a notice was removed',
    ])
  })

  it("leaves out an erased subject's personal data, and names what older entries do not bind", () => {
    const ledger = ledgerOf(acceptance, [email, banner])
    const erased = checkPackRecords([{ ...acceptance, ip: null, userAgent: null, locale: null }], [{ ...email, address: null, lastReply: '250 OK (removed)' }, banner], ledger, true)
    expect(erased.problems).toEqual([])
    const { addressHash: _address, ...older } = ledger.notices.get('9')![0]
    ledger.notices.set('9', [older])
    expect(checkPackRecords([acceptance], [email, banner], ledger, false).unbound).toEqual(['notices.address'])
  })
})
