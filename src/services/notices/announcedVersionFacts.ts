import type { Payload } from 'payload'

import type { AnnouncedVersionFacts } from '../../mail/changeNoticeContext'
import type { Policy } from '../../payload-types'

/**
 * What notices say about a published version, read once per worker: a published version never
 * changes, so the facts are kept for the life of the map the caller holds.
 */
export async function announcedVersionFacts(payload: Payload, versionId: number | string, cache: Map<string, Promise<AnnouncedVersionFacts>>): Promise<AnnouncedVersionFacts> {
  const key = String(versionId)
  let facts = cache.get(key)
  if (!facts) {
    facts = load(payload, versionId)
    cache.set(key, facts)
    facts.catch(() => cache.delete(key))
  }
  return facts
}

async function load(payload: Payload, versionId: number | string): Promise<AnnouncedVersionFacts> {
  const version = await payload.findByID({ collection: 'policy-versions', id: versionId, depth: 1 })
  const policy = version.policy as Policy
  return {
    policySlug: policy.slug,
    policyTitle: policy.title,
    // The mode the version was published under: a later change of the policy never rewrites what
    // its notices say.
    acceptanceMode: version.rules?.acceptanceMode ?? policy.acceptanceMode,
    version: version.version as number,
    changeClass: version.changeClass,
    summary: version.summary,
    effectiveAt: new Date(version.effectiveAt as string),
  }
}
