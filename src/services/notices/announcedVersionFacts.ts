import type { Payload } from 'payload'

import type { AnnouncedVersionFacts } from '../../mail/changeNoticeContext'
import type { Policy } from '../../payload-types'
import { publishedVersions } from '../legalCenter/publishedVersions'

/**
 * What notices say about a published version, with its policy's published history up to it, read
 * once per worker: a published version never changes and numbers are given at publication, so
 * neither the facts nor the versions before it change for the life of the map the caller holds.
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
  const number = version.version as number
  const history = (await publishedVersions(payload, policy.id))
    .filter((v) => v.version <= number)
    .map((v) => ({
      version: v.version,
      changeClass: v.changeClass,
      summary: v.summary,
      locale: v.locale,
      translations: v.translations.map((t) => ({ locale: t.locale, summary: t.summary })),
      effectiveAt: v.effectiveAt,
      acceptanceMode: v.acceptanceMode ?? policy.acceptanceMode,
    }))
  // Translations frozen after this worker read the facts are told from its next start: a notice
  // is sent in the language its version had when the worker first met it.
  const own = history.find((v) => v.version === number)
  return {
    policySlug: policy.slug,
    policyTitle: policy.title,
    // The mode the version was published under: a later change of the policy never rewrites what
    // its notices say.
    acceptanceMode: version.rules?.acceptanceMode ?? policy.acceptanceMode,
    version: number,
    changeClass: version.changeClass,
    summary: version.summary,
    locale: version.locale ?? null,
    translations: own?.translations ?? [],
    effectiveAt: new Date(version.effectiveAt as string),
    history,
  }
}
