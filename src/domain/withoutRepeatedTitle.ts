const LEADING_H1 = /^\s*<h1(?:\s[^>]*)?>([\s\S]*?)<\/h1>\s*/i

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' }

/** The visible text of a fragment of frozen HTML, for comparing headings. */
const visibleText = (html: string) =>
  html
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_m, name: string) => entities[name])
    .replace(/\s+/g, ' ')
    .trim()
    .toLocaleLowerCase('en')

/**
 * A version's HTML as a page shows it under the policy's own heading: a leading `<h1>` that only
 * repeats the policy's title is left out, so the page has one heading. The frozen HTML (and its
 * hash) is untouched; a leading heading that says something else is kept.
 */
export function withoutRepeatedTitle(html: string | null | undefined, title: string): string {
  if (!html) return ''
  const match = LEADING_H1.exec(html)
  if (!match || visibleText(match[1]) !== visibleText(title)) return html
  return html.slice(match[0].length)
}
