/** A policy as a slug finds it: the slug it holds today and those it published under before. */
export interface SlugHolder {
  slug: string
  formerSlugs?: string[] | null
}

/**
 * Where `slug` points among `policies`: to the policy that holds it today (`current`), else to
 * the slug now held by the policy that published under it before a rename (`renamedTo`), else
 * nowhere (undefined). Former slugs are never reused, so at most one policy had it.
 */
export function slugOwner<P extends SlugHolder>(policies: readonly P[], slug: string): { current: P } | { renamedTo: string } | undefined {
  const current = policies.find((p) => p.slug === slug)
  if (current) return { current }
  const renamed = policies.find((p) => p.formerSlugs?.includes(slug))
  return renamed ? { renamedTo: renamed.slug } : undefined
}
