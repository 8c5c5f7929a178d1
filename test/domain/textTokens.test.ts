import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { inlineTokens, wordHashes } from '../../src/domain/textTokens'

/** Text of every kind a scan could misread: letters and digits past ASCII, astral letters
 * (surrogate pairs), lone surrogates, every kind of white space, letters that lower-case to
 * two characters. */
const text = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: fc.constantFrom('a', 'Z', '7', '_', ' ', '\n', '\t', '\r', '\u00a0', '\u2028', '\u3000', 'é', 'İ', 'K', '²', '٣', '𝐀', '😀', '\ud800', '\udfff', '-', '“', '.'), maxLength: 40 }),
)

describe('textTokens', () => {
  it('reads tokens as the expression for words, line breaks, spaces and single signs does, for any text', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(inlineTokens(t)).toEqual(t.match(/[\p{L}\p{N}_]+|\n|[^\S\n]+|[^\p{L}\p{N}_\s]/gu) ?? [])
      }),
      { numRuns: 2000 },
    )
  })

  /** The distinct lower-cased words, as the expression for letters and digits reads them. */
  const wordSet = (t: string) => new Set(t.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])

  it('hashes one number per distinct lower-cased word, the same for the same word in any text', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        const [wordsA, wordsB] = [wordSet(a), wordSet(b)]
        const [hashesA, hashesB] = [wordHashes(a), wordHashes(b)]
        expect(hashesA.size).toBe(wordsA.size)
        const shared = [...wordsA].filter((w) => wordsB.has(w)).length
        expect([...hashesA].filter((h) => hashesB.has(h)).length).toBe(shared)
      }),
      { numRuns: 2000 },
    )
  })
})
