import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { WindowCounts } from '../../src/domain/windowCounts'

/** The counts as the rule states them, for every key: a window starts at a key's first hit after
 * the last one ended, and counts the hits until it ends. */
function expectedCounts(hits: Array<{ key: string; at: number }>, windowMs: number): number[] {
  const windows = new Map<string, { start: number; hits: number }>()
  return hits.map(({ key, at }) => {
    let w = windows.get(key)
    if (!w || at >= w.start + windowMs) windows.set(key, (w = { start: at, hits: 0 }))
    return ++w.hits
  })
}

describe('WindowCounts', () => {
  it('counts hits per key within each key\'s window, a new window starting at the first hit after one ended', () => {
    const counts = new WindowCounts(1000)
    expect([counts.hit('a', 0).hits, counts.hit('a', 500).hits, counts.hit('b', 600).hits, counts.hit('a', 999).hits]).toEqual([1, 2, 1, 3])
    expect(counts.hit('a', 999).resetAt).toBe(1000)
    // a's window ends at 1000; b's (from 600) runs until 1600.
    expect(counts.hit('a', 1000)).toEqual({ hits: 1, resetAt: 2000 })
    expect(counts.hit('b', 1599).hits).toBe(2)
    expect(counts.hit('b', 1600).hits).toBe(1)
  })

  it('gives, for any sequence of hits, the counts the rule gives, however the generations turn', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c', 'd'), fc.integer({ min: 0, max: 120 })), { maxLength: 200 }), (windowMs, steps) => {
        let at = 0
        const hits = steps.map(([key, gap]) => ({ key, at: (at += gap) }))
        const counts = new WindowCounts(windowMs)
        expect(hits.map(({ key, at }) => counts.hit(key, at).hits)).toEqual(expectedCounts(hits, windowMs))
      }),
      { numRuns: 2000 },
    )
  })

  it('takes a hit back, never below none', () => {
    const counts = new WindowCounts(1000)
    const count = counts.hit('a', 0)
    counts.hit('a', 1)
    counts.takeBack(count)
    expect(counts.hit('a', 2).hits).toBe(2)
    const other = counts.hit('b', 3)
    counts.takeBack(other)
    counts.takeBack(other)
    expect(other.hits).toBe(0)
  })

  it('holds only the keys hit in the last two windows', () => {
    const counts = new WindowCounts(1000)
    for (let i = 0; i < 10_000; i++) counts.hit(`k${i}`, i / 10)
    expect(counts.size).toBe(10_000)
    counts.hit('late', 1000)
    counts.hit('later', 2000)
    // The first 10,000 keys were last hit over a window before the turn at 2000: dropped.
    expect(counts.size).toBe(2)
  })
})
