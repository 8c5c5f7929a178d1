import type { Payload, TypedUser } from 'payload'

import { hasRole } from '../../access/roles'
import { changeClasses, type ChangeClass } from '../../domain/changeClass'
import { earliestEffectiveAt } from '../../domain/effectiveDateSuggestion'
import { upcomingVersions } from '../../domain/upcomingVersions'
import { publishedVersions } from '../legalCenter/publishedVersions'
import { approvalCoversDraft } from './approvalCoversDraft'
import { findDraft } from './findDraft'
import { latestPublished } from './latestPublished'
import { userEmail } from './userEmail'

/** Everything the publish dialog needs to guide an editor, for one draft. */
export interface PublishingPlan {
  policy: { slug: string; title: string; acceptanceMode: 'clickwrap' | 'continued-use'; noticePeriodDays: number; requireSecondApproval: boolean }
  nextVersion: number
  basedOn: number | null
  /** Per change class, the earliest effective date the rules allow (null: on publishing). */
  earliestEffectiveAt: Record<ChangeClass, string | null>
  latestPublishedEffectiveAt: string | null
  /** The published versions still to take effect, soonest first: a new version dated on or
   * before one of their dates supersedes it before it takes effect, and the dialog says so. */
  upcoming: Array<{ version: number; changeClass: ChangeClass; effectiveAt: string }>
  audience: { subjects: number; withEmail: number }
  approval: { approvedBy: string | null; approvedAt: string | null; coversSavedDraft: boolean }
  canOverride: boolean
}

/** The facts behind the publish dialog of draft `id`: suggested dates, audience, approval. */
export async function publishingPlan(payload: Payload, user: TypedUser, id: string, now = new Date()): Promise<PublishingPlan> {
  const { version, policy } = await findDraft(payload, user, id, { unpublished: true })
  const [latest, history] = await Promise.all([latestPublished(payload, policy.id), publishedVersions(payload, policy.id)])
  const latestEffective = latest?.effectiveAt ? new Date(latest.effectiveAt) : undefined
  const [subjects, withEmail] = await Promise.all([
    payload.count({ collection: 'subjects', where: { erasedAt: { exists: false } } }),
    payload.count({ collection: 'subjects', where: { and: [{ erasedAt: { exists: false } }, { email: { exists: true } }] } }),
  ])
  const earliest = Object.fromEntries(
    changeClasses.map((changeClass) => [
      changeClass,
      earliestEffectiveAt({ changeClass, now, noticePeriodDays: policy.noticePeriodDays, latestPublishedEffectiveAt: latestEffective })?.toISOString() ?? null,
    ]),
  ) as Record<ChangeClass, string | null>
  return {
    policy: {
      slug: policy.slug,
      title: policy.title,
      acceptanceMode: policy.acceptanceMode,
      noticePeriodDays: policy.noticePeriodDays,
      requireSecondApproval: Boolean(policy.requireSecondApproval),
    },
    nextVersion: (latest?.version ?? 0) + 1,
    basedOn: latest?.version ?? null,
    earliestEffectiveAt: earliest,
    latestPublishedEffectiveAt: latestEffective?.toISOString() ?? null,
    upcoming: upcomingVersions(history, now).map((v) => ({ version: v.version, changeClass: v.changeClass, effectiveAt: v.effectiveAt.toISOString() })),
    audience: { subjects: subjects.totalDocs, withEmail: withEmail.totalDocs },
    approval: {
      approvedBy: (await userEmail(payload, version.approvedBy)) ?? null,
      approvedAt: version.approvedAt ?? null,
      coversSavedDraft: await approvalCoversDraft(payload.config, version),
    },
    canOverride: hasRole(user, 'admin'),
  }
}
