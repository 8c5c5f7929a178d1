import { describe, expect, it } from 'vitest'

import { externalIdProblem } from '../../src/domain/externalId'

describe('externalIdProblem', () => {
  it('takes the ids host products use, as they are', () => {
    for (const id of ['rl-user', 'user-42', '42', 'ada@example.com', 'auth0|5f7c8ec7c33c6c004bbafe82', 'Ada Lovelace', 'ユーザー7', 'x'.repeat(200)]) {
      expect(externalIdProblem(id), id).toBeUndefined()
    }
  })

  it('refuses ids that differ from another only by what nobody can see', () => {
    for (const id of [' rl-user', 'rl-user ', '\trl-user', 'rl-user\n', '\u00a0rl-user', 'rl-user\u3000', 'rl\u0000user', 'rl\u001buser', 'rl\u007fuser', '\u200brl-user', 'rl\u200d-user', '\ufeffrl-user', 'rl\u202euser', 'rl-user\ud800']) {
      expect(externalIdProblem(id), JSON.stringify(id)).toBeDefined()
    }
  })

  it('refuses empty and overlong ids', () => {
    expect(externalIdProblem('')).toBe('must not be empty')
    expect(externalIdProblem('x'.repeat(201))).toMatch(/at most 200/)
  })
})
