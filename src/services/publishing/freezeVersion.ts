import type { PayloadRequest, RequestContext } from 'payload'

import { hasRole } from '../../access/roles'
import type { ChangeClass } from '../../domain/changeClass'
import { approvalDigest } from '../../domain/approvalDigest'
import { approvalRefusal } from '../../domain/approvalRefusal'
import { checkEffectiveDate } from '../../domain/checkEffectiveDate'
import { nextVersionNumber } from '../../domain/nextVersionNumber'
import { refId } from '../../domain/refId'
import { rulesOf, type VersionRules } from '../../domain/versionRules'
import { AssentError } from '../../errors/AssentError'
import { policiesStore } from '../../store/policies'
import { siteLanguages } from '../locales/siteLanguages'
import { frozenText } from './frozenText'

/** The fields of a version being published, as the collection hook sees them. */
export interface VersionDraft {
  policy?: number | string | { id: number | string } | null
  body?: unknown
  changeClass?: ChangeClass | null
  summary?: string | null
  effectiveAt?: string | Date | null
  effectiveOverrideReason?: string | null
  approvedBy?: number | string | { id: number | string } | null
  approvalDigest?: string | null
}

/** What publishing adds to a version and never changes afterwards. */
export interface FrozenFields {
  version: number
  publishedAt: string
  publishedBy: number | string | null
  effectiveAt: string
  text: string
  html: string
  contentHash: string
  /** The language of the text: the site's default locale when published. */
  locale: string
  /** The policy's rules at this moment, frozen with the version. */
  rules: VersionRules
}

/** `req.context` flag set by trusted server code (import, seed) to keep recorded dates. */
export const IMPORT_CONTEXT_FLAG = 'assentImport'

type When = string | Date | null | undefined

/**
 * Whether a publication is imported history: trusted code set the import flag and the version
 * took effect by the time it is published. The flag never covers a version still to take effect:
 * that one is held to the publishing rules and announced (notices, webhooks) like any other.
 */
export const isImportedHistory = (context: RequestContext, effectiveAt: When, publishedAt: When): boolean =>
  context[IMPORT_CONTEXT_FLAG] === true && effectiveAt != null && publishedAt != null && new Date(effectiveAt).getTime() <= new Date(publishedAt).getTime()

/**
 * Publishing a version: checks the effective-date rules, assigns the next version number of its
 * policy and freezes the text, HTML, content hash and the policy's rules (acceptance mode, notice
 * period, approval). Runs inside the publishing transaction
 * (`req`), so a refusal leaves nothing half-written.
 */
export async function freezeVersion(req: PayloadRequest, draft: VersionDraft): Promise<FrozenFields> {
  const policyId = refId(draft.policy)
  if (policyId == null) throw new AssentError('validation_failed', 'A version needs a policy.', { fields: ['policy'] })
  const policy = await req.payload
    .findByID({ collection: 'policies', id: policyId, depth: 0, req, disableErrors: true })
  if (!policy) throw new AssentError('policy_not_found', `No policy with id ${policyId}.`)
  // Read once, checked against and frozen with the version: the version keeps the rules it was
  // published under, whatever later happens to the policy.
  const rules = rulesOf(policy)

  const missing = (['changeClass', 'summary', 'body'] as const).filter((f) => !draft[f])
  if (draft.changeClass === 'material' && !draft.effectiveAt) missing.push('effectiveAt' as never)
  if (missing.length > 0) {
    throw new AssentError('validation_failed', `To publish, fill in: ${missing.join(', ')}.`, { fields: missing })
  }

  const published = await policiesStore(req.payload).publishedNumbers(req, policyId)
  const publishedAt = new Date()
  const effectiveAt = draft.effectiveAt ? new Date(draft.effectiveAt) : publishedAt
  if (Number.isNaN(effectiveAt.getTime())) {
    throw new AssentError('validation_failed', 'effectiveAt is not a valid date.', { fields: ['effectiveAt'] })
  }
  const latest = published
    .map((v) => new Date(v.effectiveAt))
    .reduce<Date | undefined>((max, d) => (!max || d > max ? d : max), undefined)

  const imported = isImportedHistory(req.context, effectiveAt, publishedAt)
  const refusal = checkEffectiveDate({
    changeClass: draft.changeClass as ChangeClass,
    effectiveAt,
    publishedAt,
    noticePeriodDays: rules.noticePeriodDays,
    latestPublishedEffectiveAt: latest,
    overrideReason: draft.effectiveOverrideReason ?? undefined,
    actorIsAdmin: hasRole(req.user, 'admin'),
    imported,
  })
  if (refusal) throw new AssentError(refusal.code, refusal.message, { fields: ['effectiveAt'] })

  const frozen = await frozenText(req.payload.config, draft.body)
  const { text } = frozen
  const approver = refId(draft.approvedBy)
  const unapproved = approvalRefusal({
    required: rules.requireSecondApproval && draft.changeClass === 'material' && !imported,
    approval: approver != null && draft.approvalDigest ? { by: approver, digest: draft.approvalDigest } : undefined,
    publisher: req.user?.collection === 'users' ? req.user.id : undefined,
    digest: approvalDigest({ text, changeClass: draft.changeClass as ChangeClass, summary: draft.summary ?? '' }),
  })
  if (unapproved) throw new AssentError(unapproved.code, unapproved.message, { fields: ['approval'] })
  return {
    version: nextVersionNumber(published.map((v) => v.version)),
    publishedAt: publishedAt.toISOString(),
    publishedBy: req.user?.collection === 'users' ? req.user.id : null,
    effectiveAt: effectiveAt.toISOString(),
    ...frozen,
    locale: (await siteLanguages(req.payload, req)).defaultLocale,
    rules,
  }
}
