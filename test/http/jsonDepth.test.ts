import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { jsonNestsDeeperThan } from '../../src/http/payloadRequest/jsonDepth'

/** The nesting depth of a parsed value, by walking it. */
const depthOf = (value: unknown): number =>
  typeof value === 'object' && value !== null ? 1 + Math.max(0, ...Object.values(value).map(depthOf)) : 0

describe('jsonNestsDeeperThan', () => {
  it('measures arrays and objects, up to the limit and one past it', () => {
    expect(jsonNestsDeeperThan('{"a":[{"b":[]}]}', 4)).toBe(false)
    expect(jsonNestsDeeperThan('{"a":[{"b":[]}]}', 3)).toBe(true)
    expect(jsonNestsDeeperThan('"plain"', 0)).toBe(false)
  })

  it('does not count brackets inside strings, escaped quotes included', () => {
    expect(jsonNestsDeeperThan(JSON.stringify({ text: '[[[[{{{{ \\" [[[[' }), 1)).toBe(false)
    expect(jsonNestsDeeperThan(`[${'"]\\"]",'.repeat(10)}[[0]]]`, 2)).toBe(true)
  })

  it('measures 300,000 levels without overflowing the stack', () => {
    expect(jsonNestsDeeperThan('['.repeat(300_000) + ']'.repeat(300_000), 100)).toBe(true)
  })

  it('agrees with the depth of the parsed value, for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), fc.integer({ min: 0, max: 8 }), (value, limit) => {
        expect(jsonNestsDeeperThan(JSON.stringify(value), limit)).toBe(depthOf(value) > limit)
      }),
    )
  })
})
