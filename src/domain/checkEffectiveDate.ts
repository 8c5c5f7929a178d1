import type { ChangeClass } from './changeClass'

const DAY_MS = 24 * 60 * 60 * 1000

/** What the effective-date rules look at when a version is published. */
export interface EffectiveDateFacts {
  changeClass: ChangeClass
  effectiveAt: Date
  publishedAt: Date
  noticePeriodDays: number
  /** The latest `effectiveAt` among the policy's already published versions, if any. */
  latestPublishedEffectiveAt?: Date
  /** Reason recorded for publishing outside the usual rules; only an admin may give one. */
  overrideReason?: string
  actorIsAdmin: boolean
  /** Imported history keeps its recorded dates. */
  imported: boolean
}

export type EffectiveDateRefusal = {
  code:
    | 'effective_date_before_later_version'
    | 'effective_date_before_publish'
    | 'effective_date_too_early'
    | 'override_requires_admin'
  message: string
}

const day = (d: Date): string => d.toISOString().slice(0, 10)

/**
 * The effective-date rules of publishing, as a verdict: `undefined` when the date is allowed,
 * else the refusal. Order matters: a version can never take effect before one published earlier
 * (not even with an override, since the history would stop reading in order).
 */
export function checkEffectiveDate(facts: EffectiveDateFacts): EffectiveDateRefusal | undefined {
  const { effectiveAt, publishedAt, latestPublishedEffectiveAt } = facts
  if (latestPublishedEffectiveAt && effectiveAt.getTime() < latestPublishedEffectiveAt.getTime()) {
    return {
      code: 'effective_date_before_later_version',
      message: `effectiveAt ${effectiveAt.toISOString()} is earlier than an already published version's (${latestPublishedEffectiveAt.toISOString()}); a new version cannot take effect before it.`,
    }
  }
  if (facts.imported) return undefined

  const override = facts.overrideReason?.trim()
  if (override && !facts.actorIsAdmin) {
    return { code: 'override_requires_admin', message: 'Only an admin can override the effective-date rules.' }
  }
  if (override) return undefined

  if (effectiveAt.getTime() < publishedAt.getTime()) {
    return {
      code: 'effective_date_before_publish',
      message: `effectiveAt ${effectiveAt.toISOString()} is before the publishing time; a version cannot take effect retroactively without an admin's override reason.`,
    }
  }
  if (facts.changeClass === 'material') {
    const earliest = new Date(publishedAt.getTime() + facts.noticePeriodDays * DAY_MS)
    if (effectiveAt.getTime() < earliest.getTime()) {
      return {
        code: 'effective_date_too_early',
        message: `A material change needs ${facts.noticePeriodDays} days' notice: effectiveAt must be on or after ${earliest.toISOString()} (${day(earliest)}), or an admin must give an override reason.`,
      }
    }
  }
  return undefined
}
