/**
 * A policy's former slugs after it moves from `from` to `to`: once a version was published under
 * a slug, that address is permanent, so the slug is kept (to redirect, never to be reused). A slug
 * never published under is simply replaced; moving back to a former slug takes it off the list.
 */
export function nextFormerSlugs(former: readonly string[], from: string, to: string, published: boolean): string[] {
  const kept = from !== to && published && !former.includes(from) ? [...former, from] : [...former]
  return kept.filter((slug) => slug !== to)
}
