import type { Payload } from 'payload'

import { slugOwner } from '../../domain/slugOwner'
import { AssentError } from '../../errors/AssentError'
import type { Policy } from '../../payload-types'
import { policiesStore } from '../../store/policies'
import { statusCatalog, type StatusCatalog } from '../acceptance/statusCatalog'
import { renamedTo } from '../policies/currentSlug'
import { findPolicyBySlug } from '../policies/findPolicyBySlug'
import { siteLanguages, type SiteLanguageSettings } from '../locales/siteLanguages'
import { publishedVersions, type PublishedVersion } from './publishedVersions'

/** A policy with its published versions, oldest first. */
export interface PolicyHistory {
  policy: Policy
  history: PublishedVersion[]
}

/** What the public pages and their JSON twins read before a cached page can be served. */
export interface PublicReads {
  /** Every policy with its published history, by title. */
  policies: () => Promise<PolicyHistory[]>
  /** The policy holding `slug` today with its published history, or a `policy_not_found` refusal. */
  policy: (slug: string) => Promise<PolicyHistory>
  /** The slug a renamed policy holds now, for a slug it published under before; undefined when
   * a policy holds `slug` today or none ever did. */
  renamedTo: (slug: string) => Promise<string | undefined>
  /** The locales the site offers and its default. */
  languages: () => Promise<SiteLanguageSettings>
}

/** The reads from the status catalog: one statement (its fingerprint) read them all, from memory
 * while no policy, version, translation or language setting changed. */
const fromCatalog = (catalog: StatusCatalog): PublicReads => {
  const withHistory = (policy: Policy): PolicyHistory => ({ policy, history: catalog.history.get(String(policy.id)) ?? [] })
  return {
    policies: async () => catalog.policies.map(withHistory),
    policy: async (slug) => {
      const owner = slugOwner(catalog.policies, slug)
      if (!owner || !('current' in owner)) throw new AssentError('policy_not_found', `No policy "${slug}".`)
      return withHistory(owner.current)
    },
    renamedTo: async (slug) => {
      const owner = slugOwner(catalog.policies, slug)
      return owner && 'renamedTo' in owner ? owner.renamedTo : undefined
    },
    languages: async () => catalog.languages,
  }
}

/** The reads through Payload, each when asked (MongoDB, which keeps no fingerprint). */
const throughPayload = (payload: Payload): PublicReads => ({
  policies: async () => {
    const { docs } = await payload.find({ collection: 'policies', sort: 'title', pagination: false, depth: 0, overrideAccess: false })
    return Promise.all(docs.map(async (policy) => ({ policy, history: await publishedVersions(payload, policy.id) })))
  },
  policy: async (slug) => {
    const policy = await findPolicyBySlug(payload, slug)
    return { policy, history: await publishedVersions(payload, policy.id) }
  },
  renamedTo: (slug) => renamedTo(payload, slug),
  languages: () => siteLanguages(payload),
})

/**
 * The public reads as the database holds them now. On SQL databases they come from the status
 * catalog kept under the fingerprint read here (a version published, a translation frozen, a
 * policy renamed or a language offered by any instance changes it, and the catalog is read again);
 * on MongoDB, through Payload. Read once per request: what a page shows comes from one snapshot.
 */
export async function publicReads(payload: Payload): Promise<PublicReads> {
  const fingerprint = await policiesStore(payload).catalogFingerprint()
  return fingerprint === undefined ? throughPayload(payload) : fromCatalog(await statusCatalog(payload, fingerprint))
}
