import { approvalDigest } from './approvalDigest'
import { approvalRefusal, type ApprovalRefusal } from './approvalRefusal'
import type { ChangeClass } from './changeClass'
import { checkEffectiveDate, type EffectiveDateRefusal } from './checkEffectiveDate'
import type { VersionRules } from './versionRules'

/** A revision an import is about to publish, as the publishing rules see it. */
export interface PlannedRevision {
  name: string
  effectiveAt: Date
  changeClass: ChangeClass
  summary: string
  /** Canonical text, as the version will freeze it. */
  text: string
}

/** Why an import is refused, naming the files concerned. */
export interface ImportRefusal {
  code: 'import_dated_in_future' | 'validation_failed' | 'locale_not_offered' | EffectiveDateRefusal['code'] | ApprovalRefusal['code']
  message: string
  files: string[]
}

/** A revision taking effect after `now` is no history: it is a version still to take effect. */
export const isUpcoming = (revision: { effectiveAt: Date }, now: Date): boolean => revision.effectiveAt.getTime() > now.getTime()

/**
 * An import publishes history with its recorded dates. Revisions dated after `now` are refused
 * unless the import was told to publish them through the publishing rules.
 */
export function upcomingRefusal(revisions: { name: string; effectiveAt: Date }[], now: Date, publishUpcoming: boolean): ImportRefusal | undefined {
  const upcoming = revisions.filter((r) => isUpcoming(r, now))
  if (publishUpcoming || upcoming.length === 0) return undefined
  const named = upcoming.map((r) => `${r.name} (effective ${r.effectiveAt.toISOString()})`).join(', ')
  return {
    code: 'import_dated_in_future',
    message: `${named} ${upcoming.length === 1 ? 'takes' : 'take'} effect in the future: an import keeps recorded dates for history only; a version still to take effect must be published through the publishing rules (notice period, notices).`,
    files: upcoming.map((r) => r.name),
  }
}

/**
 * The first refusal publishing would give a revision of an import, in history order, so that an
 * import refuses before it writes anything. History keeps its recorded dates (it only may not
 * take effect before a version already published); an upcoming revision is held to every rule an
 * editor's publication is: the notice period and the two-person rule. Publishing checks again.
 */
export function importPlanRefusal(plan: {
  revisions: PlannedRevision[]
  rules: VersionRules
  latestPublishedEffectiveAt?: Date
  now: Date
}): ImportRefusal | undefined {
  let latest = plan.latestPublishedEffectiveAt
  for (const revision of plan.revisions) {
    const upcoming = isUpcoming(revision, plan.now)
    const refusal =
      checkEffectiveDate({
        changeClass: revision.changeClass,
        effectiveAt: revision.effectiveAt,
        publishedAt: plan.now,
        noticePeriodDays: plan.rules.noticePeriodDays,
        latestPublishedEffectiveAt: latest,
        actorIsAdmin: false,
        imported: !upcoming,
      }) ??
      approvalRefusal({
        // An import carries no second editor's approval.
        required: upcoming && plan.rules.requireSecondApproval && revision.changeClass === 'material',
        digest: approvalDigest(revision),
      })
    if (refusal) return { ...refusal, message: `${revision.name}: ${refusal.message}`, files: [revision.name] }
    if (!latest || revision.effectiveAt > latest) latest = revision.effectiveAt
  }
  return undefined
}
