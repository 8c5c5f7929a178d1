import { describe, expect, it } from 'vitest'

import { documentPathProblem } from '../../src/http/payloadRequest/payloadPath'

const slugs = new Set(['policies', 'policy-versions', 'api-keys', 'users', 'payload-preferences'])
const versioned = new Set(['policy-versions'])
const numeric = /^[1-9][0-9]{0,14}$/
const problem = (path: string) => documentPathProblem(path, slugs, versioned, numeric)

describe('which Payload REST paths name a document the database could hold', () => {
  it('lets lists, numeric ids, version histories and Payload’s own routes through', () => {
    for (const path of ['/policies', '/policies/12', '/policy-versions/versions', '/policy-versions/versions/3', '/users/me', '/users/login', '/payload-preferences/nav', '/globals/banner-template', '/unknown/abc']) {
      expect(problem(path), path).toBeUndefined()
    }
  })

  it('answers a text id, a version of a collection without history, and a malformed encoding', () => {
    expect(problem('/policies/abc')).toBe('No policies with id abc.')
    expect(problem("/policies/'%20OR%201%3D1--")).toBe("No policies with id ' OR 1=1--.")
    expect(problem('/api-keys/versions')).toBe('api-keys keeps no version history.')
    expect(problem('/policy-versions/versions/x')).toBe('No version x of policy-versions.')
    expect(problem('/policies/%zz')).toBe('No policies with id %zz.')
  })
})
