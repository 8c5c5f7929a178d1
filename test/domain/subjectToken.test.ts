import { describe, expect, it } from 'vitest'

import { issueSubjectToken, verifySubjectToken } from '../../src/domain/subjectToken'

const now = new Date('2026-11-28T12:00:00Z')
const exp = now.getTime() / 1000 + 600

describe('subject tokens', () => {
  it('verify for the subject they were issued to', () => {
    expect(verifySubjectToken(issueSubjectToken({ sub: 'user-1', exp }, 'secret'), 'secret', now)).toEqual({ sub: 'user-1', exp })
  })

  it('are refused once expired', () => {
    expect(verifySubjectToken(issueSubjectToken({ sub: 'user-1', exp }, 'secret'), 'secret', new Date(exp * 1000))).toBe('expired')
  })

  it('are refused when signed with another secret or altered', () => {
    const token = issueSubjectToken({ sub: 'user-1', exp }, 'secret')
    expect(verifySubjectToken(token, 'other', now)).toBe('forged')
    const other = Buffer.from(JSON.stringify({ sub: 'user-2', exp })).toString('base64url')
    expect(verifySubjectToken(`${other}.${token.split('.')[1]}`, 'secret', now)).toBe('forged')
  })

  it('are refused when malformed', () => {
    expect(verifySubjectToken('nonsense', 'secret', now)).toBe('malformed')
    expect(verifySubjectToken('a.b.c', 'secret', now)).toBe('malformed')
  })
})
