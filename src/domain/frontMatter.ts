import { parse as parseYaml } from 'yaml'

const OPENING = /^---[ \t]*\r?\n/
const CLOSING = /^(?:---|\.\.\.)[ \t]*$/m

/**
 * The Markdown without its YAML front matter (`---` lines around a YAML mapping at the very top):
 * metadata for tools, never content. A document that merely opens with a rule, or whose block
 * between rules is not a mapping (a setext heading), is left as it is.
 */
export function withoutFrontMatter(markdown: string): string {
  const opening = markdown.match(OPENING)
  if (!opening) return markdown
  const rest = markdown.slice(opening[0].length)
  const closing = rest.match(CLOSING)
  if (!closing || closing.index === undefined) return markdown
  let meta: unknown
  try {
    meta = parseYaml(rest.slice(0, closing.index))
  } catch {
    return markdown
  }
  if (meta === null || typeof meta !== 'object' || Array.isArray(meta)) return markdown
  return rest.slice(closing.index + closing[0].length).replace(/^\r?\n/, '')
}
