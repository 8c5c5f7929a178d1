import { describe, expect, it } from 'vitest'

import { compareWithLedger, noticeSkips } from '../../src/domain/ledgerBindings'
import { acceptanceLedgerRecord, noticeLedgerRecord } from '../../src/domain/ledgerRecords'

const email = { id: 9, subject: 3, policy: 1, version: 4, versionNumber: 2, channel: 'email', status: 'accepted', reachedAt: '2026-11-28T10:00:00.000Z', attempts: 1, messageId: '<notice-9@x>', messageHash: 'm'.repeat(64), lastReply: '250 OK', address: 'ann@example.com' }
const banner = { id: 10, subject: 3, policy: 1, version: 4, versionNumber: 2, channel: 'banner', status: 'pending' }
const acceptance = { id: 7, subject: 3, policy: 1, version: 4, versionNumber: 2, contentHash: 'a'.repeat(64), method: 'clickwrap', source: 'api', acceptedAt: '2026-11-28T10:00:00.000Z', ip: '203.0.113.7', userAgent: 'UA', locale: 'en', notices: [] }

describe('comparing a stored notice or acceptance with its ledger entry', () => {
  it('names each field an edit changed: a notice made dead, displayed, reached at another time, sent elsewhere', () => {
    const recorded = noticeLedgerRecord(email)
    const compare = (edit: Record<string, unknown>) => compareWithLedger(noticeLedgerRecord({ ...email, ...edit }), recorded).differing
    expect(compare({ status: 'dead' })).toEqual(['status'])
    expect(compare({ reachedAt: '2026-11-01T10:00:00.000Z' })).toEqual(['reachedAt'])
    expect(compare({ address: 'someone-else@example.com' })).toEqual(['address'])
    expect(compare({ lastReply: '250 2.0.0 queued as 1' })).toEqual(['lastReply'])
    const shown = noticeLedgerRecord(banner)
    expect(compareWithLedger(noticeLedgerRecord({ ...banner, status: 'displayed', reachedAt: '2026-11-01T10:00:00.000Z' }), shown).differing).toEqual(['reachedAt', 'status'])
    expect(compareWithLedger(noticeLedgerRecord(email), recorded)).toEqual({ differing: [], unbound: [] })
  })

  it("names an acceptance's edited source, and the personal data behind the context hash", () => {
    const recorded = acceptanceLedgerRecord(acceptance)
    expect(compareWithLedger(acceptanceLedgerRecord({ ...acceptance, source: 'login-banner' }), recorded).differing).toEqual(['source'])
    expect(compareWithLedger(acceptanceLedgerRecord({ ...acceptance, ip: '198.51.100.1' }), recorded).differing).toEqual(['ip, userAgent or locale'])
  })

  it('names the fields an older entry does not bind instead of passing over them', () => {
    const { policy: _policy, addressHash: _address, ...older } = noticeLedgerRecord(email)
    expect(compareWithLedger(noticeLedgerRecord({ ...email, address: 'forged@example.com' }), older)).toEqual({ differing: [], unbound: ['address', 'policy'] })
  })

  it('lets a leased notice run ahead in status and attempts, and an erased one lose its address', () => {
    const recorded = noticeLedgerRecord({ ...email, status: 'uncertain', reachedAt: null })
    const leased = { ...email, status: 'sending', attempts: 2, reachedAt: null }
    expect(compareWithLedger(noticeLedgerRecord(leased), recorded, noticeSkips(leased, false)).differing).toEqual([])
    expect(compareWithLedger(noticeLedgerRecord({ ...leased, status: 'dead' }), recorded, noticeSkips({ status: 'dead' }, false)).differing).toEqual(['attempts', 'status'])
    const erased = { ...email, address: null, lastReply: '250 OK (address removed)' }
    expect(compareWithLedger(noticeLedgerRecord(erased), noticeLedgerRecord(email), noticeSkips(erased, true)).differing).toEqual([])
  })
})
