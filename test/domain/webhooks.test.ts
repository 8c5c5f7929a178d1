import { describe, expect, it } from 'vitest'

import { eventOfLedgerEntry, nextWebhookAttempt } from '../../src/domain/webhookEvents'
import { webhookSignature, webhookSignatureProblem } from '../../src/domain/webhookSignature'
import { webhookUrlProblem } from '../../src/domain/webhookUrl'

const at = new Date('2026-11-28T10:00:00Z')

describe('webhook signatures', () => {
  it('verifies a fresh signature over the exact body, and refuses a changed body, another secret or an old one', () => {
    const header = webhookSignature('whsec_one', '{"a":1}', at)
    expect(header).toMatch(/^t=1795860000,v1=[0-9a-f]{64}$/)
    expect(webhookSignatureProblem('whsec_one', header, '{"a":1}', new Date(at.getTime() + 60_000))).toBeUndefined()
    expect(webhookSignatureProblem('whsec_one', header, '{"a":2}', at)).toBe('signature does not match')
    expect(webhookSignatureProblem('whsec_two', header, '{"a":1}', at)).toBe('signature does not match')
    expect(webhookSignatureProblem('whsec_one', header, '{"a":1}', new Date(at.getTime() + 301_000))).toMatch(/^too old/)
    expect(webhookSignatureProblem('whsec_one', undefined, '{"a":1}', at)).toBe('no signature')
  })
})

describe('webhook endpoint URLs', () => {
  it('takes absolute http(s) URLs, https only in production', () => {
    expect(webhookUrlProblem('https://example.com/hooks', true)).toBeUndefined()
    expect(webhookUrlProblem('http://127.0.0.1:4000/hooks', false)).toBeUndefined()
    expect(webhookUrlProblem('http://example.com/hooks', true)).toBe('must use https in production')
    expect(webhookUrlProblem('ftp://example.com', false)).toBe('must use https, not ftp')
    expect(webhookUrlProblem('/relative', false)).toMatch(/absolute URL/)
    expect(webhookUrlProblem('https://user:pw@example.com/', false)).toMatch(/user name or password/)
    expect(webhookUrlProblem('https://example.com/#x', false)).toMatch(/fragment/)
    expect(webhookUrlProblem(42, false)).toMatch(/absolute URL/)
    expect(webhookUrlProblem('http://127.0.0.1:25/hooks', false)).toBe('must not use port 25, which HTTP clients refuse to call')
  })
})

describe('events from the ledger and retries', () => {
  it('announces every acceptance and only dead notices', () => {
    expect(eventOfLedgerEntry({ seq: 7, kind: 'acceptance', record: { acceptance: 1 } })).toEqual({ event: 'acceptance.recorded', key: 'ledger:7', data: { ledgerSeq: 7, acceptance: 1 } })
    expect(eventOfLedgerEntry({ seq: 8, kind: 'notice', record: { notice: 2, status: 'dead' } })?.event).toBe('notice.dead')
    expect(eventOfLedgerEntry({ seq: 9, kind: 'notice', record: { notice: 2, status: 'accepted' } })).toBeUndefined()
  })

  it('backs off exponentially with jitter, capped, and gives up after the last attempt', () => {
    const policy = { maxAttempts: 4, baseMs: 1000, capMs: 3000 }
    expect(nextWebhookAttempt(1, at, () => 1, policy)?.getTime()).toBe(at.getTime() + 1000)
    expect(nextWebhookAttempt(3, at, () => 1, policy)?.getTime()).toBe(at.getTime() + 3000)
    expect(nextWebhookAttempt(2, at, () => 0, policy)?.getTime()).toBe(at.getTime() + 500)
    expect(nextWebhookAttempt(4, at, () => 1, policy)).toBeUndefined()
  })
})
