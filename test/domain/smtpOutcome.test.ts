import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { messageIdFor, retryDelayMs, smtpOutcome } from '../../src/domain/smtpOutcome'

// The error fields below are what nodemailer 9 reported against a real smtp-server injecting each fault.
describe('smtpOutcome', () => {
  it('counts a 250 reply as accepted, keeping the reply', () => {
    expect(smtpOutcome({ response: '250 Queued as X1' })).toEqual({ status: 'accepted', reply: '250 Queued as X1' })
  })

  it('retries a 4xx refusal of the recipient or of the message', () => {
    expect(smtpOutcome({ code: 'EENVELOPE', command: 'RCPT TO', responseCode: 450, response: '450 Mailbox busy' })).toEqual({ status: 'retry', reason: '450 at RCPT TO: 450 Mailbox busy' })
    expect(smtpOutcome({ code: 'EMESSAGE', command: 'DATA', responseCode: 451, response: '451 try later' }).status).toBe('retry')
  })

  it('dead-letters a 5xx refusal of the recipient or message, and an envelope nodemailer cannot build', () => {
    expect(smtpOutcome({ code: 'EENVELOPE', command: 'RCPT TO', responseCode: 550, response: '550 No such user' })).toMatchObject({ status: 'dead', reason: '550 at RCPT TO: 550 No such user' })
    expect(smtpOutcome({ code: 'EMESSAGE', command: 'DATA', responseCode: 552, response: '552 too big' }).status).toBe('dead')
    expect(smtpOutcome({ code: 'EENVELOPE', message: 'No recipients defined' }).status).toBe('dead')
  })

  it('marks a connection lost after the message was handed over as uncertain, and the same error before it as unreachable', () => {
    const dropped = { code: 'ECONNECTION', command: 'CONN', message: 'Connection closed unexpectedly' }
    expect(smtpOutcome({ ...dropped, dataSent: true }).status).toBe('uncertain')
    expect(smtpOutcome({ ...dropped, dataSent: false }).status).toBe('unreachable')
  })

  it('blames the server or the configuration, not the recipient, for session failures, even with a 5xx', () => {
    expect(smtpOutcome({ code: 'ETIMEDOUT', command: 'CONN', message: 'Greeting never received' }).status).toBe('unreachable')
    expect(smtpOutcome({ code: 'ESOCKET', command: 'CONN', message: 'connect ECONNREFUSED 127.0.0.1:1' }).status).toBe('unreachable')
    expect(smtpOutcome({ code: 'EAUTH', command: 'AUTH PLAIN', responseCode: 535, response: '535 bad credentials' }).status).toBe('unreachable')
    expect(smtpOutcome({ code: 'EENVELOPE', command: 'MAIL FROM', responseCode: 553, response: '553 sender not allowed' }).status).toBe('unreachable')
    expect(smtpOutcome({ command: 'CONN', responseCode: 421, response: '421 busy' }).status).toBe('unreachable')
  })

  it('retries anything it does not recognise rather than giving up on it', () => {
    expect(smtpOutcome({ message: 'something odd' }).status).toBe('retry')
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
