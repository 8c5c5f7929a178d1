import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import type { PublishedVersionRef } from '../../src/domain/publishedVersion'
import { replacedBeforeEffect } from '../../src/domain/replacedBeforeEffect'
import { supersededBeforeEffect, versionsThatTakeEffect } from '../../src/domain/supersededBeforeEffect'
import { upcomingVersions } from '../../src/domain/upcomingVersions'
import { versionInForce } from '../../src/domain/versionInForce'
import { versionStatus } from '../../src/domain/versionStatus'

const DAY_MS = 24 * 60 * 60 * 1000
const at = (iso: string) => new Date(iso)
const v = (version: number, effective: string): PublishedVersionRef => ({ version, effectiveAt: at(`${effective}T00:00:00Z`) })

/** The seeded privacy policy after the issue's case 2: version 3 published with version 2's date. */
const sameDay = [v(1, '2020-02-10'), v(2, '2027-01-01'), v(3, '2027-01-01')]
/** A history whose later version was dated before the upcoming one (older data, direct writes). */
const earlier = [v(1, '2020-02-10'), v(2, '2027-01-01'), v(3, '2026-12-20')]

describe('supersededBeforeEffect', () => {
  it('names the version published with the same date as the one it replaces', () => {
    expect(supersededBeforeEffect(sameDay, sameDay[1])?.version).toBe(3)
    expect(supersededBeforeEffect(sameDay, sameDay[2])).toBeUndefined()
  })

  it('names a later version dated before the upcoming one', () => {
    expect(supersededBeforeEffect(earlier, earlier[1])?.version).toBe(3)
  })

  it('leaves a version that took effect before the next one alone', () => {
    expect(supersededBeforeEffect(sameDay, sameDay[0])).toBeUndefined()
  })

  it('leaves a version alone when the next one comes an instant later', () => {
    const history = [v(1, '2020-02-10'), v(2, '2027-01-01'), { version: 3, effectiveAt: at('2027-01-01T00:00:00.001Z') }]
    expect(supersededBeforeEffect(history, history[1])).toBeUndefined()
  })

  it('names the first publication that replaced it when several did', () => {
    const history = [v(1, '2020-02-10'), v(2, '2027-01-01'), v(3, '2026-12-20'), v(4, '2026-12-15')]
    expect(supersededBeforeEffect(history, history[1])?.version).toBe(3)
    expect(supersededBeforeEffect(history, history[2])?.version).toBe(4)
    expect(versionsThatTakeEffect(history).map((x) => x.version)).toEqual([1, 4])
  })
})

describe('a version superseded before it took effect', () => {
  it('is never in force: on its date the later version is', () => {
    expect(versionInForce(earlier, at('2027-01-02T00:00:00Z'))?.version).toBe(3)
    expect(versionInForce(earlier, at('2026-12-21T00:00:00Z'))?.version).toBe(3)
    expect(versionInForce(sameDay, at('2027-01-01T00:00:00Z'))?.version).toBe(3)
  })

  it('is never announced as upcoming', () => {
    expect(upcomingVersions(sameDay, at('2026-12-01T00:00:00Z')).map((x) => x.version)).toEqual([3])
    expect(upcomingVersions(earlier, at('2026-12-01T00:00:00Z')).map((x) => x.version)).toEqual([3])
  })

  it('has its own status, before and after its date', () => {
    for (const when of ['2026-12-01', '2027-01-01', '2030-01-01']) {
      expect(versionStatus(sameDay, sameDay[1], at(`${when}T00:00:00Z`))).toBe('superseded-before-effect')
    }
    expect(versionStatus(sameDay, sameDay[2], at('2026-12-01T00:00:00Z'))).toBe('upcoming')
    expect(versionStatus(sameDay, sameDay[0], at('2026-12-01T00:00:00Z'))).toBe('in-force')
    expect(versionStatus(sameDay, sameDay[0], at('2027-01-02T00:00:00Z'))).toBe('superseded')
  })
})

/** Arbitrary histories: any dates in any order, numbers 1..n. */
const anyHistory = fc
  .array(fc.date({ min: at('2019-01-01T00:00:00Z'), max: at('2030-01-01T00:00:00Z'), noInvalidDate: true }), { maxLength: 15 })
  .map((dates) => dates.map((effectiveAt, i) => ({ version: i + 1, effectiveAt })))

/** Histories as publishing makes them: each date on or after the latest one before, often the same day. */
const publishedHistory = fc
  .array(fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 1, max: 400 })), { minLength: 1, maxLength: 15 })
  .map((gaps) => {
    let day = Date.parse('2020-02-10T00:00:00Z')
    return gaps.map((gap, i) => {
      day += gap * DAY_MS
      return { version: i + 1, effectiveAt: new Date(day) }
    })
  })

const anyInstant = fc.date({ min: at('2018-01-01T00:00:00Z'), max: at('2031-01-01T00:00:00Z'), noInvalidDate: true })

/** Every instant at which the answer can change, and the ones just around it. */
const probes = (history: readonly PublishedVersionRef[]): Date[] =>
  history.flatMap((x) => [-1, 0, 1].map((d) => new Date(x.effectiveAt.getTime() + d)))

describe('over generated publishing schedules', () => {
  for (const [name, histories] of [['any dates', anyHistory], ['dates as publishing allows', publishedHistory]] as const) {
    it(`puts in force the highest-numbered version whose date has come (${name})`, () => {
      fc.assert(
        fc.property(histories, anyInstant, (history, t) => {
          const started = history.filter((x) => x.effectiveAt <= t)
          const expected = started.reduce<PublishedVersionRef | undefined>((best, x) => (!best || x.version > best.version ? x : best), undefined)
          expect(versionInForce(history, t)).toBe(expected)
        }),
        { numRuns: 500 },
      )
    })

    it(`is in force at some instant exactly when nothing superseded it before its date (${name})`, () => {
      fc.assert(
        fc.property(histories, (history) => {
          const everInForce = new Set(probes(history).map((t) => versionInForce(history, t)?.version))
          for (const x of history) {
            expect(everInForce.has(x.version)).toBe(supersededBeforeEffect(history, x) === undefined)
          }
          expect(versionsThatTakeEffect(history).map((x) => x.version).sort((a, b) => a - b)).toEqual(
            history.filter((x) => everInForce.has(x.version)).map((x) => x.version),
          )
        }),
        { numRuns: 500 },
      )
    })

    it(`announces as upcoming only versions that will take effect, soonest first (${name})`, () => {
      fc.assert(
        fc.property(histories, anyInstant, (history, t) => {
          const upcoming = upcomingVersions(history, t)
          expect(upcoming.every((x) => x.effectiveAt > t && supersededBeforeEffect(history, x) === undefined)).toBe(true)
          for (let i = 1; i < upcoming.length; i++) {
            expect(upcoming[i].effectiveAt.getTime()).toBeGreaterThan(upcoming[i - 1].effectiveAt.getTime())
            expect(upcoming[i].version).toBeGreaterThan(upcoming[i - 1].version)
          }
          const willTakeEffect = history.filter((x) => x.effectiveAt > t && supersededBeforeEffect(history, x) === undefined)
          expect(upcoming).toHaveLength(willTakeEffect.length)
        }),
        { numRuns: 500 },
      )
    })

    it(`gives each version one status that agrees with in force and upcoming (${name})`, () => {
      fc.assert(
        fc.property(histories, anyInstant, (history, t) => {
          const inForce = versionInForce(history, t)
          const upcoming = new Set(upcomingVersions(history, t).map((x) => x.version))
          for (const x of history) {
            const status = versionStatus(history, x, t)
            expect(status === 'in-force').toBe(inForce?.version === x.version)
            expect(status === 'upcoming').toBe(upcoming.has(x.version))
            expect(status === 'superseded-before-effect').toBe(supersededBeforeEffect(history, x) !== undefined)
            if (status === 'superseded') expect(x.effectiveAt <= t && inForce !== undefined && inForce.version > x.version).toBe(true)
          }
        }),
        { numRuns: 300 },
      )
    })
  }

  it('changes nothing for a history whose dates rise strictly with the numbers', () => {
    const rising = publishedHistory.filter((h) => h.every((x, i) => i === 0 || x.effectiveAt > h[i - 1].effectiveAt))
    fc.assert(
      fc.property(rising, anyInstant, (history, t) => {
        expect(history.every((x) => supersededBeforeEffect(history, x) === undefined)).toBe(true)
        const started = history.filter((x) => x.effectiveAt <= t)
        expect(versionInForce(history, t)).toBe(started.at(-1))
        expect(upcomingVersions(history, t)).toEqual(history.filter((x) => x.effectiveAt > t))
      }),
      { numRuns: 200 },
    )
  })
})

describe('replacedBeforeEffect', () => {
  it('lists the versions a version takes the place of', () => {
    expect(replacedBeforeEffect(sameDay, sameDay[2]).map((x) => x.version)).toEqual([2])
    expect(replacedBeforeEffect(sameDay, sameDay[0])).toEqual([])
    expect(replacedBeforeEffect(sameDay, sameDay[1])).toEqual([])
  })

  it('gives every superseded version to exactly one version that takes effect (any dates)', () => {
    fc.assert(
      fc.property(anyHistory, (history) => {
        const given = versionsThatTakeEffect(history).flatMap((x) => replacedBeforeEffect(history, x).map((r) => r.version)).sort((a, b) => a - b)
        expect(given).toEqual(history.filter((x) => supersededBeforeEffect(history, x)).map((x) => x.version))
      }),
      { numRuns: 300 },
    )
  })
})
