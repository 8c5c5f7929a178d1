import type { Payload } from 'payload'

import type { BannerTemplate, Policy } from '../../payload-types'
import { publishedVersions, type PublishedVersion } from '../legalCenter/publishedVersions'
import { siteLanguages, type SiteLanguageSettings } from '../locales/siteLanguages'

/** What every status check reads besides the subject: the policies, their published versions and
 * the banner's wording. Small, read on every login, changed rarely. */
export interface StatusCatalog {
  /** By title. */
  policies: Policy[]
  /** Published versions by policy id, oldest first. */
  history: Map<string, PublishedVersion[]>
  banner: Pick<BannerTemplate, 'intro' | 'changesLinkLabel' | 'fullTextLabel' | 'consentLead' | 'translations'> | undefined
  /** Every published version by id: its policy's id and its number. */
  versions: Map<string, { policy: string; version: number }>
  /** The locales offered and the default one. */
  languages: SiteLanguageSettings
}

async function loadCatalog(payload: Payload): Promise<StatusCatalog> {
  const [{ docs: policies }, banner, languages] = await Promise.all([
    payload.find({ collection: 'policies', sort: 'title', pagination: false, depth: 0 }),
    payload.findGlobal({ slug: 'banner-template', depth: 0 }).catch(() => undefined),
    siteLanguages(payload),
  ])
  const histories = await Promise.all(policies.map((p) => publishedVersions(payload, p.id)))
  const versions = new Map(policies.flatMap((p, i) => histories[i].map((v) => [String(v.id), { policy: String(p.id), version: v.version }] as const)))
  return { policies, history: new Map(policies.map((p, i) => [String(p.id), histories[i]])), banner, versions, languages }
}

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
