import { describe, expect, it } from 'vitest'

import { hasSettled, settledTiming } from '../../scripts/bench/settledTiming'

describe('timing an operation once it has settled', () => {
  it('settles when two rounds running are each no faster than 95% of the round before', () => {
    expect(hasSettled([])).toBe(false)
    expect(hasSettled([0.39])).toBe(false)
    expect(hasSettled([0.39, 0.39])).toBe(false)
    // The status check at 1,000,000 subjects after PostgreSQL restarted, rounds of 2,000 calls.
    const rounds = [0.649, 0.557, 0.411, 0.325, 0.275, 0.288, 0.274]
    expect(rounds.map((_, i) => hasSettled(rounds.slice(0, i + 1)))).toEqual([false, false, false, false, false, false, true])
    expect(hasSettled([0.39, 0.29, 0.28, 0.2])).toBe(false)
    expect(hasSettled([0.2, 0.3, 0.3])).toBe(true)
  })

  it('warms up in rounds of as many calls until settled, then times the calls after them', async () => {
    // An operation that gets faster over its first 25 calls, then stays the same.
    const seen: number[] = []
    const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
    const timing = await settledTiming(10, async (i) => {
      seen.push(i)
      await wait(i < 25 ? 30 - i : 5)
    })
    expect(timing.warmUpCalls % 10).toBe(0)
    expect(timing.warmUpCalls).toBeGreaterThanOrEqual(40)
    expect(seen).toEqual(Array.from({ length: timing.warmUpCalls + 10 }, (_, i) => i))
    expect(timing.firstRoundMs).toBeGreaterThan(20)
    expect(timing.medianMs).toBeLessThan(20)
    expect(timing.calls).toBe(10)
  })

  it('stops warming up after at most maxRounds', async () => {
    let calls = 0
    const timing = await settledTiming(4, async () => void (await new Promise((resolve) => setTimeout(resolve, Math.max(1, 40 - calls++)))), { maxRounds: 2 })
    expect(timing.warmUpCalls).toBe(8)
    expect(calls).toBe(12)
  })
})
