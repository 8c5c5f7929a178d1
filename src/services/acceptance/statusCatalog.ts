import type { Payload } from 'payload'

import type { BannerTemplate, Policy } from '../../payload-types'
import { publishedVersions, type PublishedVersion } from '../publishedVersions'

/** What every status check reads besides the subject: the policies, their published versions and
 * the banner's wording. Small, read on every login, changed rarely. */
export interface StatusCatalog {
  /** By title. */
  policies: Policy[]
  /** Published versions by policy id, oldest first. */
  history: Map<string, PublishedVersion[]>
  banner: Pick<BannerTemplate, 'intro' | 'changesLinkLabel' | 'fullTextLabel' | 'consentLead'> | undefined
  /** Every published version by id: its policy's id and its number. */
  versions: Map<string, { policy: string; version: number }>
}

async function loadCatalog(payload: Payload): Promise<StatusCatalog> {
  const [{ docs: policies }, banner] = await Promise.all([
    payload.find({ collection: 'policies', sort: 'title', pagination: false, depth: 0 }),
    payload.findGlobal({ slug: 'banner-template', depth: 0 }).catch(() => undefined),
  ])
  const histories = await Promise.all(policies.map((p) => publishedVersions(payload, p.id)))
  const versions = new Map(policies.flatMap((p, i) => histories[i].map((v) => [String(v.id), { policy: String(p.id), version: v.version }] as const)))
  return { policies, history: new Map(policies.map((p, i) => [String(p.id), histories[i]])), banner, versions }
}

/** Columns that change whenever the catalog does: a publication writes a version row (published
 * versions are frozen, never deleted); policies and the banner template carry their last update,
 * and a deleted policy lowers the count. Each is answered from an index. Meant as the first
 * columns of the query that reads the subject, so both come from one snapshot. */
export const CATALOG_FINGERPRINT = `(select max(id) from policy_versions) as "fpLastVersion",
  (select max(updated_at) from policy_versions) as "fpVersionsUpdated",
  (select count(*) from policies) as "fpPolicies",
  (select max(updated_at) from policies) as "fpPoliciesUpdated",
  (select max(updated_at) from banner_template) as "fpBannerUpdated"`

/** The fingerprint of a row that selected `CATALOG_FINGERPRINT`. */
export const catalogFingerprint = (row: Record<string, unknown>): string =>
  JSON.stringify([row.fpLastVersion, row.fpVersionsUpdated, row.fpPolicies, row.fpPoliciesUpdated, row.fpBannerUpdated].map((v) => (v instanceof Date ? v.toISOString() : v === null || v === undefined ? null : String(v))))

const cached = new WeakMap<Payload, { fingerprint: string; catalog: StatusCatalog }>()

/**
 * The status catalog, read through Payload once and kept while the database's `fingerprint` of it
 * stays the same, so a version published by any instance shows in the very next status check.
 * Without a fingerprint (MongoDB), or with `reload`, it is read again.
 */
export async function statusCatalog(payload: Payload, fingerprint: string | undefined, { reload = false } = {}): Promise<StatusCatalog> {
  if (fingerprint === undefined) return loadCatalog(payload)
  const hit = cached.get(payload)
  if (hit?.fingerprint === fingerprint && !reload) return hit.catalog
  // Read after the fingerprint: a change in between makes the next fingerprint differ, never the
  // other way round.
  const catalog = await loadCatalog(payload)
  cached.set(payload, { fingerprint, catalog })
  return catalog
}
