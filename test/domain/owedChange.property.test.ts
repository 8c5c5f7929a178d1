import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { mustAcceptAgain } from '../../src/domain/changeClass'
import { owedVersion } from '../../src/domain/owedVersion'
import { publishingSchedule, type Scheduled } from '../support/publishingSchedule'

const now = new Date('2027-06-01T00:00:00Z')

/** A schedule and the version numbers a subject accepted. */
const schedule = publishingSchedule(now).chain((versions) => fc.record({ versions: fc.constant(versions), accepted: fc.subarray(versions.map((v) => v.version)) }))

const strongest = (changes: readonly Scheduled[]): 'accept' | 'acknowledge' | undefined =>
  changes.some((v) => mustAcceptAgain(v.changeClass, v.acceptanceMode)) ? 'accept' : changes.some((v) => v.changeClass !== 'editorial') ? 'acknowledge' : undefined

describe('the owed change is cumulative', () => {
  it('presents exactly the versions after the last acceptance up to the owed one, with the strongest action any of them requires', () => {
    fc.assert(
      fc.property(schedule, ({ versions, accepted }) => {
        const owed = owedVersion(versions, accepted, 'clickwrap', now)
        if (!owed) return
        const since = accepted.length > 0 ? Math.max(...accepted) : 0
        if (since === 0) {
          expect(owed.since).toBeNull()
          expect(owed.changes).toEqual([owed.version])
          return
        }
        expect(owed.since).toBe(since)
        const between = versions.filter((v) => v.version > since && v.version <= owed.version.version)
        expect(owed.changes.map((v) => v.version)).toEqual(between.map((v) => v.version))
        expect(owed.changes.at(-1)).toBe(owed.version)
        expect(owed.action).toBe(strongest(between))
      }),
      { numRuns: 2000 },
    )
  })

  it('tells a subject who accepted version 1 of the material version 2 when an informational version 3 follows it (the seed\'s case)', () => {
    const versions: Scheduled[] = [
      { version: 1, effectiveAt: new Date('2020-02-10'), changeClass: 'material', acceptanceMode: 'clickwrap' },
      { version: 2, effectiveAt: new Date('2027-07-01'), changeClass: 'material', acceptanceMode: 'clickwrap' },
      { version: 3, effectiveAt: new Date('2027-07-01'), changeClass: 'informational', acceptanceMode: 'clickwrap' },
    ]
    const owed = owedVersion(versions, [1], 'clickwrap', now)
    expect(owed).toMatchObject({ action: 'accept', version: { version: 3 }, since: 1, upcoming: true })
    expect(owed!.changes.map((v) => [v.version, v.changeClass])).toEqual([[2, 'material'], [3, 'informational']])
  })

  it('gives a subject who accepted nothing the owed version alone, not the last change', () => {
    const versions: Scheduled[] = [
      { version: 1, effectiveAt: new Date('2020-02-10'), changeClass: 'material', acceptanceMode: 'clickwrap' },
      { version: 2, effectiveAt: new Date('2021-02-10'), changeClass: 'material', acceptanceMode: 'clickwrap' },
      { version: 3, effectiveAt: new Date('2022-02-10'), changeClass: 'editorial', acceptanceMode: 'clickwrap' },
    ]
    const owed = owedVersion(versions, [], 'clickwrap', now)
    expect(owed).toMatchObject({ action: 'accept', version: { version: 3 }, since: null })
    expect(owed!.changes.map((v) => v.version)).toEqual([3])
  })
})
