import { describe, expect, it } from 'vitest'

import { checkEffectiveDate } from '../../src/domain/checkEffectiveDate'
import { importPlanRefusal, upcomingRefusal, type PlannedRevision } from '../../src/domain/importRefusal'
import type { VersionRules } from '../../src/domain/versionRules'

const now = new Date('2026-12-01T12:00:00Z')
const days = (n: number) => new Date(now.getTime() + n * 86_400_000)
const rules: VersionRules = { acceptanceMode: 'clickwrap', noticePeriodDays: 30, requireSecondApproval: false }
const revision = (name: string, effectiveAt: Date, over: Partial<PlannedRevision> = {}): PlannedRevision => ({
  name,
  effectiveAt,
  changeClass: 'material',
  summary: 'A change.',
  text: `# ${name}\n`,
  ...over,
})

describe('upcomingRefusal', () => {
  it('lets history through, up to and including now', () => {
    expect(upcomingRefusal([revision('old.md', days(-400)), revision('today.md', now)], now, false)).toBeUndefined()
  })

  it('refuses revisions dated after now, naming each file', () => {
    const refusal = upcomingRefusal([revision('old.md', days(-400)), revision('next.md', days(40)), revision('later.md', days(90))], now, false)
    expect(refusal).toMatchObject({ code: 'import_dated_in_future', files: ['next.md', 'later.md'] })
    expect(refusal?.message).toMatch(/^next\.md \(effective 2027-01-10T12:00:00\.000Z\), later\.md \(effective .*\) take effect in the future/)
  })

  it('lets them through when the import publishes them through the rules', () => {
    expect(upcomingRefusal([revision('next.md', days(40))], now, true)).toBeUndefined()
  })
})

describe('importPlanRefusal', () => {
  it('keeps the recorded dates of history, even a material change effective at once', () => {
    expect(importPlanRefusal({ revisions: [revision('a.md', days(-100)), revision('b.md', days(-1))], rules, now })).toBeUndefined()
  })

  it('refuses an upcoming material change inside the notice period with the publishing rule\'s code and message, naming the file', () => {
    const refusal = importPlanRefusal({ revisions: [revision('a.md', days(-100)), revision('soon.md', days(10))], rules, now })
    const rule = checkEffectiveDate({ changeClass: 'material', effectiveAt: days(10), publishedAt: now, noticePeriodDays: 30, actorIsAdmin: false, imported: false })!
    expect(refusal).toEqual({ code: 'effective_date_too_early', message: `soon.md: ${rule.message}`, files: ['soon.md'] })
  })

  it('allows an upcoming material change a full notice period away, and an informational one tomorrow', () => {
    expect(importPlanRefusal({ revisions: [revision('news.md', days(1), { changeClass: 'informational' }), revision('later.md', days(30))], rules, now })).toBeUndefined()
  })

  it('refuses history dated before a version already published', () => {
    const refusal = importPlanRefusal({ revisions: [revision('older.md', days(-200))], rules, latestPublishedEffectiveAt: days(-100), now })
    expect(refusal).toMatchObject({ code: 'effective_date_before_later_version', files: ['older.md'] })
  })

  it('holds an upcoming material change to the two-person rule, which an import cannot satisfy', () => {
    const refusal = importPlanRefusal({ revisions: [revision('later.md', days(60))], rules: { ...rules, requireSecondApproval: true }, now })
    expect(refusal).toMatchObject({ code: 'approval_required', files: ['later.md'] })
    expect(importPlanRefusal({ revisions: [revision('old.md', days(-60))], rules: { ...rules, requireSecondApproval: true }, now })).toBeUndefined()
  })
})
