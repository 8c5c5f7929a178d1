import { describe, expect, it } from 'vitest'

import { payloadRouteProblem } from '../../src/http/payloadRequest/payloadRoute'

const slugs = new Set(['users', 'policies', 'payload-preferences'])
const accounts = new Set(['users'])
const problem = (method: string, path: string) => payloadRouteProblem(method, path, slugs, accounts)

describe('which of Payload’s routes under a collection it would take for document ids', () => {
  it('lets each route through with its own method, and everything else', () => {
    for (const [method, path] of [['GET', '/users/me'], ['HEAD', '/users/me'], ['GET', '/users/init'], ['POST', '/users/login'], ['POST', '/users/verify/abc'], ['OPTIONS', '/users/login'], ['GET', '/policies/count'], ['POST', '/policies/access'], ['POST', '/users/access/3'], ['GET', '/users/12'], ['GET', '/policies'], ['GET', '/policies/12'], ['GET', '/payload-preferences/me'], ['GET', '/unknown/me']]) {
      expect(problem(method, path), `${method} ${path}`).toBeUndefined()
    }
  })

  it('answers 404 to an account route under a collection without accounts, with any method', () => {
    expect(problem('GET', '/policies/me')).toEqual({ code: 'not_found', message: 'No policies with id me: policies holds no accounts, so it has no me route.' })
    expect(problem('PATCH', '/policies/login')).toMatchObject({ code: 'not_found' })
    expect(problem('GET', '/policies/%6Doo')).toBeUndefined()
    expect(problem('GET', '/policies/%6De')).toMatchObject({ code: 'not_found' })
  })

  it('answers 405 with the method to use to a route sent with another', () => {
    expect(problem('GET', '/users/login')).toEqual({ code: 'method_not_allowed', message: 'login takes POST only, not GET.', allow: 'POST' })
    expect(problem('GET', '/users/verify/abc')).toMatchObject({ code: 'method_not_allowed', allow: 'POST' })
    expect(problem('DELETE', '/users/me')).toMatchObject({ code: 'method_not_allowed', allow: 'GET' })
    expect(problem('GET', '/policies/access')).toMatchObject({ code: 'method_not_allowed', allow: 'POST' })
    expect(problem('GET', '/users/access')).toMatchObject({ code: 'method_not_allowed', allow: 'POST' })
    expect(problem('DELETE', '/policies/count')).toMatchObject({ code: 'method_not_allowed', allow: 'GET' })
  })
})
