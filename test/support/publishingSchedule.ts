import fc from 'fast-check'

import { changeClasses, type ChangeClass } from '../../src/domain/changeClass'
import type { AcceptanceMode } from '../../src/domain/versionRules'

const DAY = 86_400_000

/** A published version as the owed and notice rules see it. */
export interface Scheduled {
  version: number
  effectiveAt: Date
  changeClass: ChangeClass
  acceptanceMode: AcceptanceMode
}

/** A publishing schedule: versions 1..n (n ≤ 8), each of any class and mode, effective anywhere
 * from a year before `now` to a year after (a later version may take effect before an earlier
 * one). */
export const publishingSchedule = (now: Date): fc.Arbitrary<Scheduled[]> =>
  fc
    .array(
      fc.record({
        changeClass: fc.constantFrom(...changeClasses),
        acceptanceMode: fc.constantFrom<AcceptanceMode>('clickwrap', 'continued-use'),
        offsetDays: fc.integer({ min: -365, max: 365 }),
      }),
      { minLength: 1, maxLength: 8 },
    )
    .map((drafts) => drafts.map((d, i) => ({ version: i + 1, effectiveAt: new Date(now.getTime() + d.offsetDays * DAY), changeClass: d.changeClass, acceptanceMode: d.acceptanceMode })))
