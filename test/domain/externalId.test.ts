import { describe, expect, it } from 'vitest'

import { externalIdLengthProblem, externalIdProblem } from '../../src/domain/externalId'

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
    expect(externalIdLengthProblem('x'.repeat(5000))).toMatch(/at most 200/)
    expect(externalIdLengthProblem(' bob')).toBeUndefined()
  })

  it('names the rule each spelling breaks', () => {
    expect(externalIdProblem(' bob')).toBe('must not start or end with a space')
    expect(externalIdProblem('bob\nadmin')).toMatch(/control characters or line breaks/)
    expect(externalIdProblem('bob\u2028admin')).toMatch(/line breaks/)
    expect(externalIdProblem('user\u202e24')).toMatch(/bidirectional formatting/)
    expect(externalIdProblem('bo\u200bb')).toMatch(/invisible/)
    // Default-ignorable but not a format character: the Hangul filler, a variation selector, the combining grapheme joiner.
    for (const id of ['bob\u3164', 'bo\ufe0fb', 'bo\u034fb']) expect(externalIdProblem(id), JSON.stringify(id)).toMatch(/invisible/)
  })

  it('refuses a decomposed spelling instead of normalising it, and takes the composed one', () => {
    expect(externalIdProblem('jose\u0301')).toMatch(/NFC/)
    expect(externalIdProblem('jos\u00e9')).toBeUndefined()
    expect(externalIdProblem('\u212b')).toMatch(/NFC/) // the Angstrom sign, whose NFC is \u00c5
  })

  it('takes lookalikes from other scripts: another code point is another subject, never the same one', () => {
    expect(externalIdProblem('p\u0430ypal')).toBeUndefined()
  })
})
