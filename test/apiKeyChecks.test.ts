import { describe, expect, it } from 'vitest'

import { apiKeyScopes, hashApiKey, keyAdmits } from '../src/domain/apiKey'
import { admittedApiKey, presentedApiKey } from '../src/services/staff/apiKeys'

const stored = (scope: string, revokedAt: string | null = null) => ({ id: 7, name: 'host', scope, revokedAt }) as never

describe('keyAdmits', () => {
  it("admits an unrevoked key of the route's scope, and nothing else", () => {
    expect(keyAdmits(stored('integration'), 'integration')).toBe(true)
    expect(keyAdmits(stored('audit'), 'audit')).toBe(true)
    expect(keyAdmits(stored('audit'), 'integration')).toBe(false)
    expect(keyAdmits(stored('integration', '2026-12-04T21:00:00.000Z'), 'integration')).toBe(false)
    expect(keyAdmits(null, 'integration')).toBe(false)
    expect(keyAdmits(undefined, 'audit')).toBe(false)
  })

  it('agrees with the check that refuses a request (401 unknown or revoked, 403 another scope)', () => {
    const cases = [null, undefined, ...apiKeyScopes.flatMap((scope) => [stored(scope), stored(scope, '2026-01-01T00:00:00.000Z')])]
    for (const found of cases) {
      for (const scope of apiKeyScopes) {
        const refusal = (() => {
          try {
            admittedApiKey(found, scope)
            return undefined
          } catch (error) {
            return (error as { code: string }).code
          }
        })()
        expect(refusal === undefined).toBe(keyAdmits(found, scope))
        if (refusal) expect(refusal).toBe(!found || (found as { revokedAt: unknown }).revokedAt ? 'unauthenticated' : 'forbidden')
      }
    }
  })
})

describe('presentedApiKey', () => {
  it('takes the stored form of a bearer key, and refuses a request without one', () => {
    expect(presentedApiKey('Bearer assent_abc', 'integration')).toEqual({ hash: hashApiKey('assent_abc'), scope: 'integration' })
    expect(presentedApiKey('bearer   assent_abc', 'audit').hash).toBe(hashApiKey('assent_abc'))
    for (const header of [undefined, '', 'Bearer', 'Basic dXNlcjpwYXNz', 'Bearer two words']) expect(() => presentedApiKey(header, 'integration')).toThrow(/Send an API key/)
  })
})
