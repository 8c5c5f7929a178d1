import type { Payload } from 'payload'

import type { PresentedApiKey } from '../../domain/apiKey'
import { acceptanceCovers } from '../../domain/acceptanceCovers'
import { deemedAcceptance } from '../../domain/deemedAcceptance'
import { effectivePeriod, within, type Period } from '../../domain/effectivePeriod'
import { keepJson } from '../../domain/keptJson'
import { legalLinks } from '../../domain/legalLinks'
import { supersededBeforeEffect } from '../../domain/supersededBeforeEffect'
import { owedVersion } from '../../domain/owedVersion'
import type { Receipt } from '../../domain/receipt'
import type { Policy } from '../../payload-types'
import { acceptanceReceipt } from '../ledger/acceptanceReceipt'
import type { PublishedVersion } from '../legalCenter/publishedVersions'
import { recordBannerEvent } from './recordBannerEvent'
import { keptPerCatalog } from './keptPerCatalog'
import { recordDeemedAcceptance } from './recordDeemedAcceptance'
import { bannerFor, bannerLanguage } from './statusBanner'
import type { RenderedBanner } from '../../render/renderBanner'
import { statusCatalog, type StatusCatalog } from './statusCatalog'
import { statusSubject, subjectNoticesOf, type NoticesOf, type StatusSubject } from './statusSubject'
import { textInLocale } from '../../domain/locale/textInLocale'
import { versionTexts } from '../locales/versionTexts'

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
    /** What changed, in `locale`. */
    summary: string
    /** The hash of the text in `locale`: what an acceptance of the text shown names. */
    contentHash: string
    /** The locale of the text shown: the subject's, or the version's own when it has no text in
     * the subject's locale (then `localeFallback` is true). */
    locale: string
    localeFallback: boolean
    /** The redline from the last version the subject accepted to the owed one; the owed
     * version's page when they accepted none. */
    redlineUrl: string
    versionUrl: string
    /** The last version the subject accepted or acknowledged; null when none. */
    since: number | null
    /** Every published version after `since` up to the owed one, oldest first: what the
     * subject is told of (the owed one alone when nothing was accepted). */
    changes: OwedChange[]
  }
}

/** One version a subject is told of. */
export interface OwedChange {
  version: number
  changeClass: PublishedVersion['changeClass']
  effectiveAt: string
  /** Not yet in force. */
  upcoming: boolean
  /** The later version that took effect on or before this one's date, so that this one never
   * was in force (its changes reach the subject through that one); null when none. */
  supersededBeforeEffectBy: number | null
  summary: string
  versionUrl: string
}

/** The answer to "what does this user still owe?". */
export interface SubjectStatus {
  subject: string
  current: boolean
  policies: PolicyStatus[]
  /** Policies that share a bundle and are owed together. */
  bundles: { bundle: string; policies: string[] }[]
  /** In the subject's locale where the site offers it (else the default, saying so), with its
   * `lang`, `dir` and the words of its buttons. */
  banner: RenderedBanner | null
  /** The signed receipts of the continued-use acceptances this very call recorded (usually none):
   * keep them as those of explicit acceptances. */
  receipts: Receipt[]
}

export interface StatusOptions {
  now: Date
  publicUrl: string
  /** Create an unknown subject instead of answering 404. */
  create?: boolean
  /** Record that the banner for each owed version was displayed (evidence of notice). */
  recordDisplay?: boolean
  /** The API key the request presents, checked in the status read itself (`statusSubject`). */
  apiKey?: PresentedApiKey
}

/** A policy on which a subject owes a version. */
export interface Owing {
  policy: Policy
  version: PublishedVersion
  status: PolicyStatus
}

/** A policy's status computed once, for every subject who accepted up to the same version and
 * reads the same language, while no version takes effect (`period`). */
interface KeptStatus {
  period: Period
  result: Owing | PolicyStatus
}

const keptStatuses = keptPerCatalog<KeptStatus>(5000)

/**
 * Where a subject stands on one policy. Once any continued-use acceptance that became due is
 * recorded, the answer follows from the catalog, the last version the subject accepted, their
 * language and which versions are in force: it is computed once per catalog for those and reused
 * until the next effective date (for the login of every subject in the same place, the same answer).
 */
async function policyStatus(payload: Payload, catalog: StatusCatalog, subject: StatusSubject, noticesOf: NoticesOf, policy: Policy, accepted: number[], options: StatusOptions, receipts: Receipt[]): Promise<Owing | PolicyStatus> {
  const history = catalog.history.get(String(policy.id)) ?? []
  const { defaultLocale } = catalog.languages
  const settled = await settleContinuedUse(payload, subject, noticesOf, policy, history, accepted, options, receipts, defaultLocale)
  const key = `${policy.id} ${settled.reduce((max, n) => Math.max(max, n), 0)} ${subject.locale ?? ''} ${options.publicUrl}`
  const hit = keptStatuses.get(catalog, key)
  if (hit && within(hit.period, options.now)) return hit.result
  const result = computePolicyStatus(subject, policy, history, settled, options, defaultLocale)
  keepJson(isOwing(result) ? result.status : result)
  keptStatuses.set(catalog, key, { period: effectivePeriod(history, options.now), result })
  return result
}

/**
 * The versions a subject has accepted once continued use has counted: a version in force that
 * the subject was told of in time counts as accepted, when the version was published under
 * continued use (its own rule, never the policy's today) and nothing between asks for an explicit
 * acceptance. That hangs on this subject's notices, so it is never reused from another subject.
 */
async function settleContinuedUse(payload: Payload, subject: StatusSubject, noticesOf: NoticesOf, policy: Policy, history: PublishedVersion[], accepted: number[], options: StatusOptions, receipts: Receipt[], defaultLocale: string): Promise<number[]> {
  if (accepted.length === 0) return accepted
  const owed = owedVersion(history, accepted, policy.acceptanceMode, options.now)
  if (!owed || owed.action !== 'acknowledge' || (owed.version.acceptanceMode ?? policy.acceptanceMode) !== 'continued-use' || owed.upcoming) return accepted
  const cited = deemedAcceptance(owed.version.effectiveAt, await noticesOf(owed.version.id), options.now)
  if (!cited) return accepted
  const text = textInLocale(versionTexts(owed.version, defaultLocale), subject.locale)
  const deemed = await recordDeemedAcceptance(payload, subject, policy, owed.version, cited, acceptanceCovers(history.map((h) => h.version), accepted, owed.version.version), options.now, text)
  if (!deemed) return accepted
  const receipt = deemed === 'concurrent' ? null : await acceptanceReceipt(payload, deemed, { subject: subject.externalId, policy: policy.slug })
  if (receipt) receipts.push(receipt)
  return [...accepted, owed.version.version]
}

function computePolicyStatus(subject: StatusSubject, policy: Policy, history: PublishedVersion[], accepted: number[], options: StatusOptions, defaultLocale: string): Owing | PolicyStatus {
  const owed = owedVersion(history, accepted, policy.acceptanceMode, options.now)
  const base = { policy: policy.slug, title: policy.title, bundle: policy.bundle ?? null, acceptanceMode: policy.acceptanceMode }
  if (!owed) return { ...base, current: true, owed: null }
  const v = owed.version
  const shown = textInLocale(versionTexts(v, defaultLocale), subject.locale)
  const lang = shown.locale === defaultLocale ? undefined : shown.locale
  const links = legalLinks(options.publicUrl, policy.slug, v.version, owed.since, lang)
  const status: PolicyStatus = {
    ...base,
    current: false,
    owed: {
      action: owed.action,
      version: v.version,
      changeClass: v.changeClass,
      effectiveAt: v.effectiveAt.toISOString(),
      upcoming: owed.upcoming,
      summary: shown.summary,
      contentHash: shown.contentHash,
      locale: shown.locale,
      localeFallback: shown.fallback,
      redlineUrl: links.changesUrl,
      versionUrl: links.versionUrl,
      since: owed.since,
      changes: owed.changes.map((c) => ({
        version: c.version,
        changeClass: c.changeClass,
        effectiveAt: c.effectiveAt.toISOString(),
        upcoming: c.effectiveAt.getTime() > options.now.getTime(),
        supersededBeforeEffectBy: supersededBeforeEffect(history, c)?.version ?? null,
        summary: textInLocale(versionTexts(c, defaultLocale), shown.locale).summary,
        versionUrl: legalLinks(options.publicUrl, policy.slug, c.version, null, lang).versionUrl,
      })),
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
  const read = await statusSubject(payload, externalId, options.create, { notices: true, apiKey: options.apiKey })
  const { subject, acceptedVersions, catalogFingerprint } = read
  let catalog = await statusCatalog(payload, catalogFingerprint)
  // Two publications within the same millisecond could share a fingerprint: never miss a version.
  if (acceptedVersions.some((id) => !catalog.versions.has(String(id)))) catalog = await statusCatalog(payload, catalogFingerprint, { reload: true })
  const accepted = new Map<string, number[]>()
  for (const id of acceptedVersions) {
    const v = catalog.versions.get(String(id))
    if (v) accepted.set(v.policy, [...(accepted.get(v.policy) ?? []), v.version])
  }
  const receipts: Receipt[] = []
  const noticesOf = subjectNoticesOf(payload, read)
  const results = await Promise.all(
    catalog.policies.map((p) => policyStatus(payload, catalog, subject, noticesOf, p, accepted.get(String(p.id)) ?? [], options, receipts)),
  )
  const owing = results.filter(isOwing)
  const statuses = results.map((r) => (isOwing(r) ? r.status : r))

  if (options.recordDisplay) {
    for (const o of owing) await recordBannerEvent(payload, subject, o.policy.id, o.version, 'displayed', options.now)
  }
  const bundles = new Map<string, string[]>()
  for (const o of owing) if (o.policy.bundle) bundles.set(o.policy.bundle, [...(bundles.get(o.policy.bundle) ?? []), o.policy.slug])
  return {
    subject: subject.externalId,
    current: owing.length === 0,
    policies: statuses,
    bundles: [...bundles].map(([bundle, slugs]) => ({ bundle, policies: slugs })),
    banner: owing.length > 0 ? bannerFor(catalog, owing, bannerLanguage(catalog, subject.locale)) : null,
    receipts,
  }
}
