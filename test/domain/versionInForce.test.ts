import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { upcomingVersions } from '../../src/domain/upcomingVersions'
import { versionInForce } from '../../src/domain/versionInForce'

const at = (iso: string) => new Date(iso)
const history = [
  { version: 1, effectiveAt: at('2020-02-10T00:00:00Z') },
  { version: 2, effectiveAt: at('2021-06-01T00:00:00Z') },
  { version: 3, effectiveAt: at('2021-06-01T00:00:00Z') },
  { version: 4, effectiveAt: at('2027-01-01T00:00:00Z') },
]

describe('versionInForce', () => {
  it('is undefined before the first version takes effect', () => {
    expect(versionInForce(history, at('2020-02-09T23:59:59Z'))).toBeUndefined()
  })

  it('starts at the exact effective instant', () => {
    expect(versionInForce(history, at('2020-02-10T00:00:00Z'))?.version).toBe(1)
  })

  it('picks the higher version when two take effect at the same instant', () => {
    expect(versionInForce(history, at('2021-06-01T00:00:00Z'))?.version).toBe(3)
  })

  it('keeps the current version until a future one takes effect', () => {
    expect(versionInForce(history, at('2026-11-28T00:00:00Z'))?.version).toBe(3)
    expect(upcomingVersions(history, at('2026-11-28T00:00:00Z')).map((v) => v.version)).toEqual([4])
  })

  it('agrees with a brute-force reading of the rule for any history and instant', () => {
    const version = fc.record({ version: fc.integer({ min: 1, max: 50 }), effectiveAt: fc.date({ min: at('2019-01-01T00:00:00Z'), max: at('2030-01-01T00:00:00Z'), noInvalidDate: true }) })
    fc.assert(
      fc.property(fc.uniqueArray(version, { selector: (v) => v.version, maxLength: 20 }), fc.date({ noInvalidDate: true, min: at('2018-01-01T00:00:00Z'), max: at('2031-01-01T00:00:00Z') }), (versions, t) => {
        // A later publication dated on or before an earlier one's date replaces it: the brute force
        // reads the latest date among the versions no later-numbered one has caught up with.
        const takesEffect = versions.filter((v) => versions.every((w) => w.version <= v.version || w.effectiveAt > v.effectiveAt))
        const started = takesEffect.filter((v) => v.effectiveAt <= t)
        const latest = Math.max(...started.map((v) => v.effectiveAt.getTime()))
        const expected = started.filter((v) => v.effectiveAt.getTime() === latest).sort((a, b) => b.version - a.version)[0]
        expect(versionInForce(versions, t)).toBe(expected)
        const upcoming = upcomingVersions(versions, t)
        expect(upcoming.length + started.length).toBe(takesEffect.length)
        expect(upcoming.every((v) => v.effectiveAt > t)).toBe(true)
      }),
      { numRuns: 500 },
    )
  })
})
