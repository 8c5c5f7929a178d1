import { describe, expect, it } from 'vitest'

import { effectivePeriod, within } from '../../src/domain/effectivePeriod'
import { upcomingVersions } from '../../src/domain/upcomingVersions'
import { versionInForce } from '../../src/domain/versionInForce'

const v = (version: number, day: string) => ({ version, effectiveAt: new Date(`${day}T00:00:00Z`), publishedAt: new Date('2020-01-01T00:00:00Z'), changeClass: 'material' as const })
const versions = [v(1, '2020-01-01'), v(2, '2021-06-01'), v(3, '2021-06-01'), v(4, '2023-03-15')]

describe('effectivePeriod', () => {
  it('spans from the last effective date at or before the instant to the next one after it', () => {
    expect(effectivePeriod(versions, new Date('2022-01-01T00:00:00Z'))).toEqual({ from: Date.parse('2021-06-01T00:00:00Z'), until: Date.parse('2023-03-15T00:00:00Z') })
    expect(effectivePeriod(versions, new Date('2021-06-01T00:00:00Z')).from).toBe(Date.parse('2021-06-01T00:00:00Z'))
    expect(effectivePeriod(versions, new Date('2019-01-01T00:00:00Z'))).toEqual({ from: -Infinity, until: Date.parse('2020-01-01T00:00:00Z') })
    expect(effectivePeriod(versions, new Date('2030-01-01T00:00:00Z'))).toEqual({ from: Date.parse('2023-03-15T00:00:00Z'), until: Infinity })
    expect(effectivePeriod([], new Date())).toEqual({ from: -Infinity, until: Infinity })
  })

  it('holds the version in force and the upcoming ones unchanged at every instant within it, and not past it', () => {
    const at = new Date('2021-07-01T00:00:00Z')
    const period = effectivePeriod(versions, at)
    for (const t of [period.from, period.from + 1, Date.parse('2022-12-31T23:59:59Z'), period.until - 1]) {
      const instant = new Date(t)
      expect(within(period, instant)).toBe(true)
      expect(versionInForce(versions, instant)?.version).toBe(versionInForce(versions, at)?.version)
      expect(upcomingVersions(versions, instant).map((x) => x.version)).toEqual(upcomingVersions(versions, at).map((x) => x.version))
    }
    expect(within(period, new Date(period.until))).toBe(false)
    expect(versionInForce(versions, new Date(period.until))?.version).toBe(4)
    expect(within(period, new Date(period.from - 1))).toBe(false)
  })
})
