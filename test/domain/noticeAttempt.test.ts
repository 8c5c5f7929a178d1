import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { noticeAfterAttempt, type RetryPolicy } from '../../src/domain/noticeAttempt'
import type { DeliveryOutcome } from '../../src/domain/smtpOutcome'

const now = new Date('2026-12-01T10:00:00Z')
const policy: RetryPolicy = { maxAttempts: 3, baseMs: 1000, capMs: 4000 }
const half = () => 0.5

describe('noticeAfterAttempt', () => {
  it('an accepted message reached the subject at that moment; nothing more is due', () => {
    expect(noticeAfterAttempt({ status: 'accepted', reply: '250 ok' }, 1, now, half, policy)).toEqual({ status: 'accepted', attempts: 1, reply: '250 ok', reachedAt: now })
  })

  it('a refusal is retried after the backoff, an uncertain send too, keeping its status', () => {
    expect(noticeAfterAttempt({ status: 'retry', reason: '450' }, 1, now, half, policy)).toEqual({ status: 'pending', attempts: 1, reply: '450', nextAttemptAt: new Date(now.getTime() + 500) })
    expect(noticeAfterAttempt({ status: 'uncertain', reason: 'closed' }, 2, now, half, policy)).toMatchObject({ status: 'uncertain', nextAttemptAt: new Date(now.getTime() + 1000) })
  })

  it('gives up after the last attempt and says why', () => {
    const last = noticeAfterAttempt({ status: 'retry', reason: '451 later' }, 3, now, half, policy)
    expect(last).toEqual({ status: 'dead', attempts: 3, reply: 'gave up after 3 attempts; last: 451 later' })
  })

  it('does not charge an unreachable server to the notice: it waits, however often that happens', () => {
    const waiting = noticeAfterAttempt({ status: 'unreachable', reason: 'ECONNREFUSED' }, 3, now, half, policy)
    expect(waiting).toMatchObject({ status: 'pending', attempts: 2 })
    expect(waiting.nextAttemptAt!.getTime()).toBeGreaterThan(now.getTime())
  })

  it('every run of attempts ends in accepted or dead within maxAttempts, never earlier than now', () => {
    const outcome = fc.constantFrom<DeliveryOutcome>(
      { status: 'accepted', reply: '250' },
      { status: 'retry', reason: '4xx' },
      { status: 'uncertain', reason: 'drop' },
      { status: 'dead', reason: '5xx' },
      { status: 'unreachable', reason: 'down' },
    )
    fc.assert(fc.property(fc.array(outcome, { minLength: 40, maxLength: 40 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (outcomes, r) => {
      let attempts = 0
      let charged = 0
      for (const o of outcomes) {
        const next = noticeAfterAttempt(o, attempts + 1, now, () => r, policy)
        if (o.status !== 'unreachable') charged++
        attempts = next.attempts
        expect(attempts).toBeLessThanOrEqual(policy.maxAttempts)
        if (next.status === 'accepted' || next.status === 'dead') return
        expect(next.nextAttemptAt!.getTime()).toBeGreaterThanOrEqual(now.getTime())
        expect(next.nextAttemptAt!.getTime()).toBeLessThan(now.getTime() + policy.capMs)
      }
      expect(charged).toBeLessThan(policy.maxAttempts)
    }))
  })
})
