import type { Payload } from 'payload'

/**
 * Where a slug points now: undefined when a policy holds it today (or none ever did), otherwise
 * the current slug of the policy that published under it before a rename.
 */
export async function renamedTo(payload: Payload, slug: string): Promise<string | undefined> {
  const { docs } = await payload.find({
    collection: 'policies',
    where: { or: [{ slug: { equals: slug } }, { formerSlugs: { equals: slug } }] },
    select: { slug: true },
    limit: 2,
    pagination: false,
    depth: 0,
  })
  if (docs.length === 0 || docs.some((p) => p.slug === slug)) return undefined
  return docs[0].slug
}
