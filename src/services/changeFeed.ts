import type { Payload } from 'payload'

import type { Feed, FeedEntry } from '../domain/atomFeed'
import { legalLinks } from '../domain/legalLinks'
import type { Policy } from '../payload-types'
import { findPolicyBySlug } from './findPolicyBySlug'
import { publishedVersions } from './publishedVersions'

const FEED_LIMIT = 50
const day = (d: Date) => d.toISOString().slice(0, 10)

/** Each published version of a policy as a feed entry linking to its redline. */
async function entriesOf(payload: Payload, policy: Policy, publicUrl: string): Promise<FeedEntry[]> {
  const history = await publishedVersions(payload, policy.id)
  return history.map((v, i) => {
    const { versionUrl, changesUrl } = legalLinks(publicUrl, policy.slug, v.version, history[i - 1]?.version)
    return {
      id: versionUrl,
      title: `${policy.title}: version ${v.version} (${v.changeClass}), effective ${day(v.effectiveAt)}`,
      link: changesUrl,
      updated: v.publishedAt,
      summary: `${v.summary} Takes effect on ${day(v.effectiveAt)}.`,
    }
  })
}

const newestFirst = (entries: FeedEntry[]) => entries.sort((a, b) => b.updated.getTime() - a.updated.getTime()).slice(0, FEED_LIMIT)

/** The feed of one policy's versions. */
export async function policyFeed(payload: Payload, slug: string, publicUrl: string): Promise<Feed> {
  const policy = await findPolicyBySlug(payload, slug)
  return {
    id: `${publicUrl}/legal/${policy.slug}`,
    title: `Changes to the ${policy.title}`,
    selfLink: `${publicUrl}/legal/${policy.slug}/feed.atom`,
    alternateLink: `${publicUrl}/legal/${policy.slug}/versions`,
    entries: newestFirst(await entriesOf(payload, policy, publicUrl)),
  }
}

/** The feed of every policy's versions. */
export async function siteFeed(payload: Payload, publicUrl: string): Promise<Feed> {
  const { docs } = await payload.find({ collection: 'policies', pagination: false, depth: 0, overrideAccess: false })
  const entries = (await Promise.all(docs.map((policy) => entriesOf(payload, policy, publicUrl)))).flat()
  return { id: `${publicUrl}/legal`, title: 'Changes to our legal documents', selfLink: `${publicUrl}/legal/feed.atom`, alternateLink: `${publicUrl}/legal`, entries: newestFirst(entries) }
}
