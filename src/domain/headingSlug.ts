/**
 * Heading anchors as GitHub names them (`## A. Definitions` is `#a-definitions`), so the links
 * documents make to their own sections (`[A. Definitions](#a-definitions)`) work: lower case, only
 * letters, digits, `-` and `_` kept, spaces to `-`; a repeated heading gets `-1`, `-2`…
 */
export function headingSlugger(): (text: string) => string {
  const seen = new Map<string, number>()
  return (text) => {
    const base = text.toLowerCase().trim().replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '').replace(/ /g, '-')
    let slug = base
    let count = seen.get(base) ?? 0
    while (seen.has(slug)) slug = `${base}-${++count}`
    seen.set(base, count)
    seen.set(slug, seen.get(slug) ?? 0)
    return slug
  }
}
