import type { Payload } from 'payload'

import type { Feed, FeedEntry } from '../../formats/atomFeed'
import { legalLinks } from '../../domain/legalLinks'
import { replacedBeforeEffect } from '../../domain/replacedBeforeEffect'
import { supersededBeforeEffect } from '../../domain/supersededBeforeEffect'
import type { Policy } from '../../payload-types'
import { findPolicyBySlug } from '../policies/findPolicyBySlug'
import { localizedSummary } from './localizedSummary'
import { publishedVersions, type PublishedVersion } from './publishedVersions'

const FEED_LIMIT = 50

/** Who a feed is for and when it is made. */
export interface FeedSource {
  publicUrl: string
  /** The feed's author. */
  organisationName: string
  /** The feed's generation time: an entry whose date has come says it took effect. */
  now: Date
  /** The reader's locale: summaries in it where a version has a text in it. */
  locale: string
  defaultLocale: string
  /** The locale the feed's links carry (`?lang=`), if any. */
  linkLang?: string
}
const day = (d: Date) => d.toISOString().slice(0, 10)

/** What an entry adds about versions that never take effect: its own fate, or those it replaces. */
function supersession(history: readonly PublishedVersion[], v: PublishedVersion): string {
  const by = supersededBeforeEffect(history, v)
  if (by) return ` Superseded before it took effect: version ${by.version} replaced it before ${day(v.effectiveAt)}, so it was never in force.`
  const replaced = replacedBeforeEffect(history, v)
  return replaced.map((r) => ` Replaces version ${r.version} (announced for ${day(r.effectiveAt)}), which never takes effect.`).join('')
}

/**
 * Each published version of a policy as a feed entry linking to its redline. An entry superseded
 * before it took effect says so, and counts as updated when the version replacing it was
 * published, so that readers who were told of it learn that it will not apply.
 */
async function entriesOf(payload: Payload, policy: Policy, { publicUrl, now, locale, defaultLocale, linkLang }: FeedSource): Promise<FeedEntry[]> {
  const history = await publishedVersions(payload, policy.id)
  return history.map((v, i) => {
    // An entry is the same in every locale's feed: its id has no language.
    const { versionUrl } = legalLinks(publicUrl, policy.slug, v.version)
    const { changesUrl } = legalLinks(publicUrl, policy.slug, v.version, history[i - 1]?.version, linkLang)
    const by = supersededBeforeEffect(history, v)
    return {
      id: versionUrl,
      title: by
        ? `${policy.title}: version ${v.version} (${v.changeClass}), superseded before it took effect by version ${by.version}`
        : `${policy.title}: version ${v.version} (${v.changeClass}), effective ${day(v.effectiveAt)}`,
      link: changesUrl,
      updated: by && by.publishedAt > v.publishedAt ? by.publishedAt : v.publishedAt,
      summary: `${localizedSummary(v, locale, defaultLocale).summary}${by ? '' : ` ${v.effectiveAt <= now ? 'Took' : 'Takes'} effect on ${day(v.effectiveAt)}.`}${supersession(history, v)}`,
    }
  })
}

const langQuery = ({ linkLang }: FeedSource) => (linkLang ? `?lang=${encodeURIComponent(linkLang)}` : '')

const newestFirst = (entries: FeedEntry[]) => entries.sort((a, b) => b.updated.getTime() - a.updated.getTime()).slice(0, FEED_LIMIT)

/** The feed of one policy's versions. */
export async function policyFeed(payload: Payload, slug: string, source: FeedSource): Promise<Feed> {
  const { publicUrl } = source
  const policy = await findPolicyBySlug(payload, slug)
  return {
    id: `${publicUrl}/legal/${policy.slug}`,
    title: `Changes to the ${policy.title}`,
    selfLink: `${publicUrl}/legal/${policy.slug}/feed.atom${langQuery(source)}`,
    alternateLink: `${publicUrl}/legal/${policy.slug}/versions${langQuery(source)}`,
    author: source.organisationName,
    entries: newestFirst(await entriesOf(payload, policy, source)),
  }
}

/** The feed of every policy's versions. */
export async function siteFeed(payload: Payload, source: FeedSource): Promise<Feed> {
  const { publicUrl } = source
  const { docs } = await payload.find({ collection: 'policies', pagination: false, depth: 0, overrideAccess: false })
  const entries = (await Promise.all(docs.map((policy) => entriesOf(payload, policy, source)))).flat()
  return { id: `${publicUrl}/legal`, title: 'Changes to our legal documents', selfLink: `${publicUrl}/legal/feed.atom${langQuery(source)}`, alternateLink: `${publicUrl}/legal${langQuery(source)}`, author: source.organisationName, entries: newestFirst(entries) }
}
