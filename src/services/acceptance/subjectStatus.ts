import type { Payload } from 'payload'

import { owedVersion } from '../../domain/owedVersion'
import type { Policy, Subject } from '../../payload-types'
import { findSubject } from '../findSubject'
import { publishedVersions, type PublishedVersion } from '../publishedVersions'
import { recordBannerEvent } from './recordBannerEvent'
import { recordDeemedAcceptance } from './recordDeemedAcceptance'
import { renderBanner, type BannerItem } from './renderBanner'
import { acceptedByPolicy } from './subjectAcceptances'

/** Where a subject stands on one policy. */
export interface PolicyStatus {
  policy: string
  title: string
  bundle: string | null
  acceptanceMode: Policy['acceptanceMode']
  current: boolean
  owed: null | {
    action: 'accept' | 'acknowledge'
    version: number
    changeClass: PublishedVersion['changeClass']
    effectiveAt: string
    upcoming: boolean
    summary: string
    contentHash: string
    redlineUrl: string
    versionUrl: string
  }
}

/** The answer to "what does this user still owe?". */
export interface SubjectStatus {
  subject: string
  current: boolean
  policies: PolicyStatus[]
  /** Policies that share a bundle and are owed together. */
  bundles: { bundle: string; policies: string[] }[]
  banner: { html: string; text: string } | null
}

export interface StatusOptions {
  now: Date
  publicUrl: string
  /** Create an unknown subject instead of answering 404. */
  create?: boolean
  /** Record that the banner for each owed version was displayed (evidence of notice). */
  recordDisplay?: boolean
}

interface Owing {
  policy: Policy
  version: PublishedVersion
  status: PolicyStatus
}

async function policyStatus(payload: Payload, subject: Subject, policy: Policy, accepted: number[], options: StatusOptions): Promise<Owing | PolicyStatus> {
  const history = await publishedVersions(payload, policy.id)
  let owed = owedVersion(history, accepted, policy.acceptanceMode, options.now)
  // Continued use: a version in force that the subject was told of in time counts as accepted.
  if (owed && policy.acceptanceMode === 'continued-use' && !owed.upcoming && accepted.length > 0) {
    if (await recordDeemedAcceptance(payload, subject, policy, owed.version, options.now)) {
      owed = owedVersion(history, [...accepted, owed.version.version], policy.acceptanceMode, options.now)
    }
  }
  const base = { policy: policy.slug, title: policy.title, bundle: policy.bundle ?? null, acceptanceMode: policy.acceptanceMode }
  if (!owed) return { ...base, current: true, owed: null }
  const v = owed.version
  const previous = history.filter((h) => h.version < v.version).at(-1)
  const status: PolicyStatus = {
    ...base,
    current: false,
    owed: {
      action: owed.action,
      version: v.version,
      changeClass: v.changeClass,
      effectiveAt: v.effectiveAt.toISOString(),
      upcoming: owed.upcoming,
      summary: v.summary,
      contentHash: v.contentHash,
      redlineUrl: previous ? `${options.publicUrl}/legal/${policy.slug}/compare/${previous.version}/${v.version}` : `${options.publicUrl}/legal/${policy.slug}/versions/${v.version}`,
      versionUrl: `${options.publicUrl}/legal/${policy.slug}/versions/${v.version}`,
    },
  }
  return { policy, version: v, status }
}

const isOwing = (x: Owing | PolicyStatus): x is Owing => 'version' in x && 'status' in x

/**
 * What a subject still owes across all policies: per policy, nothing (current) or a version to
 * accept or acknowledge, with a ready banner. Records continued-use acceptances that became due,
 * and, when asked, the banner's display as evidence of notice.
 */
export async function subjectStatus(payload: Payload, externalId: string, options: StatusOptions): Promise<SubjectStatus> {
  const subject = await findSubject(payload, externalId, options.create)
  const [{ docs: policies }, accepted] = await Promise.all([
    payload.find({ collection: 'policies', sort: 'title', pagination: false, depth: 0 }),
    acceptedByPolicy(payload, subject.id),
  ])
  const results = await Promise.all(policies.map((p) => policyStatus(payload, subject, p, accepted.get(String(p.id)) ?? [], options)))
  const owing = results.filter(isOwing)
  const statuses = results.map((r) => (isOwing(r) ? r.status : r))

  if (options.recordDisplay) {
    for (const o of owing) await recordBannerEvent(payload, subject, o.policy.id, o.version, 'displayed', options.now)
  }
  const bundles = new Map<string, string[]>()
  for (const o of owing) if (o.policy.bundle) bundles.set(o.policy.bundle, [...(bundles.get(o.policy.bundle) ?? []), o.policy.slug])
  const items: BannerItem[] = owing.map(({ policy, version, status }) => ({
    policyTitle: policy.title,
    version: version.version,
    action: status.owed!.action,
    summary: version.summary,
    effectiveDate: version.effectiveAt.toISOString().slice(0, 10),
    upcoming: status.owed!.upcoming,
    hasPrevious: status.owed!.redlineUrl.includes('/compare/'),
    redlineUrl: status.owed!.redlineUrl,
    versionUrl: status.owed!.versionUrl,
  }))
  return {
    subject: subject.externalId,
    current: owing.length === 0,
    policies: statuses,
    bundles: [...bundles].map(([bundle, slugs]) => ({ bundle, policies: slugs })),
    banner: items.length > 0 ? await renderBanner(payload, items) : null,
  }
}
