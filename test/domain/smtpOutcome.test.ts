import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { messageIdFor, retryDelayMs, smtpOutcome } from '../../src/domain/smtpOutcome'

describe('smtpOutcome', () => {
  it('counts a 250 reply as accepted, keeping the reply', () => {
    expect(smtpOutcome({ response: '250 2.0.0 Ok: queued as 4F2' })).toEqual({ status: 'accepted', reply: '250 2.0.0 Ok: queued as 4F2' })
  })

  it('retries a 4xx reply and a connection refused before sending', () => {
    expect(smtpOutcome({ responseCode: 451, command: 'RCPT TO', message: 'try later' }).status).toBe('retry')
    expect(smtpOutcome({ code: 'ECONNECTION', command: 'CONN', message: 'refused' }).status).toBe('retry')
  })

  it('dead-letters a 5xx reply and a malformed address', () => {
    expect(smtpOutcome({ responseCode: 550, command: 'RCPT TO', message: 'no such user' })).toMatchObject({ status: 'dead', reason: expect.stringContaining('550 at RCPT TO') })
    expect(smtpOutcome({ code: 'EENVELOPE', message: 'No recipients defined' }).status).toBe('dead')
  })

  it('marks a connection lost after the message data as uncertain', () => {
    expect(smtpOutcome({ code: 'ECONNECTION', command: 'DATA', message: 'Connection closed' }).status).toBe('uncertain')
  })
})

describe('retryDelayMs', () => {
  it('doubles with each attempt, never past the cap, and jitters below the ceiling', () => {
    expect(retryDelayMs(1, () => 0.999_999)).toBe(29_999)
    expect(retryDelayMs(3, () => 0.5)).toBe(60_000)
    fc.assert(fc.property(fc.integer({ min: 1, max: 60 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (attempt, r) => {
      const delay = retryDelayMs(attempt, () => r)
      expect(delay).toBeGreaterThanOrEqual(0)
      expect(delay).toBeLessThan(60 * 60_000)
    }))
  })
})

describe('messageIdFor', () => {
  it('is the same for every attempt at one notice', () => {
    expect(messageIdFor(42, 'legal.example.com')).toBe('<notice-42@legal.example.com>')
  })
})
