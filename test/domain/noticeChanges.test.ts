import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { mustAcceptAgain } from '../../src/domain/changeClass'
import { noticeChanges } from '../../src/domain/noticeChanges'
import { publishingSchedule, type Scheduled } from '../support/publishingSchedule'

const now = new Date('2026-12-01T00:00:00Z')

/** The seed's privacy policy after issue 19's case 1: version 2 (material) followed by an
 * informational version 3 on the same day. */
const seed: Scheduled[] = [
  { version: 1, effectiveAt: new Date('2020-02-10'), changeClass: 'material', acceptanceMode: 'clickwrap' },
  { version: 2, effectiveAt: new Date('2027-01-01'), changeClass: 'material', acceptanceMode: 'clickwrap' },
  { version: 3, effectiveAt: new Date('2027-01-01'), changeClass: 'informational', acceptanceMode: 'clickwrap' },
]

describe('what the notice of a version tells a subject', () => {
  it('tells a subject who accepted version 1 of version 2 in the notice of version 3, asks them to accept, and says version 2 never reached them', () => {
    const told = noticeChanges(seed, seed[2], { lastAccepted: 1, reached: [] }, 'clickwrap', now)
    expect(told.since).toBe(1)
    expect(told.changes.map((v) => v.version)).toEqual([2, 3])
    expect(told.mustAccept).toBe(true)
    expect(told.missed).toEqual([2])
  })

  it('names no missed notice when version 2\'s email or banner reached the subject', () => {
    expect(noticeChanges(seed, seed[2], { lastAccepted: 1, reached: [2] }, 'clickwrap', now).missed).toEqual([])
  })

  it('presents the version alone to a subject who accepted the one before it, or none', () => {
    expect(noticeChanges(seed, seed[2], { lastAccepted: 2, reached: [] }, 'clickwrap', now)).toEqual({ since: 2, changes: [seed[2]], mustAccept: false, missed: [] })
    expect(noticeChanges(seed, seed[2], { lastAccepted: null, reached: [] }, 'clickwrap', now)).toEqual({ since: null, changes: [seed[2]], mustAccept: false, missed: [] })
  })

  it('never speaks of a version published after the announced one', () => {
    const told = noticeChanges(seed, seed[1], { lastAccepted: 1, reached: [] }, 'clickwrap', now)
    expect(told.changes.map((v) => v.version)).toEqual([2])
  })

  it('judges each version by the mode it was published under: a material change under continued use asks for no click', () => {
    const history = seed.map((v) => ({ ...v, acceptanceMode: v.version === 2 ? ('continued-use' as const) : v.acceptanceMode }))
    expect(noticeChanges(history, history[2], { lastAccepted: 1, reached: [2] }, 'clickwrap', now).mustAccept).toBe(false)
  })

  it('over any schedule, presents exactly the versions after the last acceptance up to the announced one, asks to accept when any of them does, and names as missed only earlier noticed versions that did not reach the subject', () => {
    const schedule = publishingSchedule(now).chain((versions) => {
        const numbers = versions.map((v) => v.version)
        return fc.record({
          versions: fc.constant(versions),
          announced: fc.constantFrom(...versions.filter((v) => v.changeClass !== 'editorial').concat(versions.slice(-1))),
          lastAccepted: fc.option(fc.constantFrom(...numbers), { nil: null }),
          reached: fc.subarray(numbers),
        })
      })
    fc.assert(
      fc.property(schedule, ({ versions, announced, lastAccepted, reached }) => {
        const told = noticeChanges(versions, announced, { lastAccepted, reached }, 'clickwrap', now)
        expect(told.changes.at(-1)).toBe(announced)
        if (lastAccepted === null || lastAccepted >= announced.version) {
          expect(told).toEqual({ since: null, changes: [announced], mustAccept: mustAcceptAgain(announced.changeClass, announced.acceptanceMode), missed: [] })
          return
        }
        const between = versions.filter((v) => v.version > lastAccepted && v.version <= announced.version)
        if (between.every((v) => v.changeClass === 'editorial')) return
        expect(told.since).toBe(lastAccepted)
        expect(told.changes).toEqual(between)
        expect(told.mustAccept).toBe(between.some((v) => mustAcceptAgain(v.changeClass, v.acceptanceMode)))
        expect(told.missed).toEqual(between.filter((v) => v !== announced && v.changeClass !== 'editorial' && !reached.includes(v.version)).map((v) => v.version))
      }),
      { numRuns: 1000 },
    )
  })
})
