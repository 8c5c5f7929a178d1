import type { PayloadRequest } from 'payload'

import { nextFormerSlugs } from '../../domain/formerSlugs'
import { AssentError } from '../../errors/AssentError'
import { isPublished } from '../../store/policies'

interface PolicySlugs {
  id?: number | string
  slug?: string | null
  formerSlugs?: string[] | null
}

/**
 * Before a policy is created or its slug changed: a slug another policy once published under is
 * never reused (`slug_retired`), and a policy that published under its old slug keeps it as a
 * former slug, which redirects to the new one. Returns the policy's former slugs to store, or
 * undefined when they do not change.
 */
export async function keepFormerSlug(req: PayloadRequest, data: PolicySlugs, original: PolicySlugs | undefined): Promise<string[] | undefined> {
  const to = data.slug ?? original?.slug
  if (!to || to === original?.slug) return undefined
  const { docs } = await req.payload.find({
    collection: 'policies',
    where: { formerSlugs: { equals: to } },
    select: { slug: true },
    limit: 2,
    pagination: false,
    depth: 0,
    req,
  })
  const holder = docs.find((p) => String(p.id) !== String(original?.id))
  if (holder) {
    throw new AssentError('slug_retired', `The slug "${to}" belonged to the policy now at "${holder.slug}": versions were published under it, so its address stays theirs and is never reused.`, { fields: ['slug'] })
  }
  if (!original?.id || !original.slug) return undefined
  const { totalDocs } = await req.payload.count({
    collection: 'policy-versions',
    where: { and: [{ policy: { equals: original.id } }, isPublished] },
    req,
  })
  return nextFormerSlugs(original.formerSlugs ?? [], original.slug, to, totalDocs > 0)
}
