import type { HtmlElement, HtmlNode } from './htmlTree'

/**
 * HTML as `renderHtml` writes a version page, read by one scan: the tags its sanitizer allows,
 * each attribute as ` name="value"`, every element closed in order, text with only the five
 * escapes the sanitizer writes. A general HTML parser (htmlparser2) spent a fifth of a long
 * redline reading the two pages. Anything else (another tag, a comment, an entity, a tag left
 * open or closed out of order, a tag the HTML parser would close by itself) gives `undefined`,
 * and the page is read by the general parser: what this returns is what it would.
 */

/** The elements the version page's sanitizer allows (`renderHtml`), listed here rather than
 * imported: each is read only with htmlparser2's handling of it mirrored below (`VOID`,
 * `IMPLIES_CLOSE`). A tag added to the sanitizer is left to the general parser until it is added
 * here with its handling, and the test that every rendered page is read by this scan says so. */
const TAGS = new Set([
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr', 'blockquote', 'pre', 'code',
  'ul', 'ol', 'li', 'strong', 'b', 'em', 'i', 'u', 's', 'sub', 'sup', 'a',
  'table', 'thead', 'tbody', 'tr', 'th', 'td',
])
const VOID = new Set(['br', 'hr'])
/** htmlparser2's elements that close an open one (its `openImpliesClose`, for the tags above):
 * where one of them would, this scan gives way. */
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p'])
const P = new Set(['p'])
const IMPLIES_CLOSE = new Map<string, Set<string>>([
  ['tr', new Set(['tr', 'th', 'td'])], ['th', new Set(['th'])], ['td', new Set(['thead', 'th', 'td'])],
  ['a', new Set(['a'])], ['li', new Set(['li'])], ['p', P],
  ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((h) => [h, HEADINGS] as [string, Set<string>]),
  ...['blockquote', 'hr', 'ol', 'pre', 'table', 'ul'].map((t) => [t, P] as [string, Set<string>]),
  ['tbody', new Set(['thead', 'tbody'])],
])
const ESCAPES = new Map([['&amp;', '&'], ['&lt;', '<'], ['&gt;', '>'], ['&quot;', '"'], ['&#39;', "'"]])
const ESCAPE = /&(?:amp|lt|gt|quot|#39);/g
const TAG_NAME = /[a-z][a-z0-9]*/y
const ATTRIBUTE = / ([a-z][a-z-]*)="([^"]*)"/y

/** Text with the sanitizer's escapes read back, or `undefined` for any other `&`. */
function decoded(text: string): string | undefined {
  if (!text.includes('&')) return text
  if (text.replace(ESCAPE, '').includes('&')) return undefined
  return text.replace(ESCAPE, (escape) => ESCAPES.get(escape)!)
}

/** The nodes of a version page's HTML, or `undefined` where the general parser must read it. */
export function parsePlainHtml(html: string): HtmlNode[] | undefined {
  const root: HtmlElement = { type: 'element', tag: '#root', attrs: [], children: [] }
  const stack: HtmlElement[] = [root]
  let top = root
  let i = 0
  while (i < html.length) {
    const lt = html.indexOf('<', i)
    const end = lt === -1 ? html.length : lt
    if (end > i) {
      const text = decoded(html.slice(i, end))
      if (text === undefined || text.includes('\0')) return undefined
      top.children.push({ type: 'text', text })
    }
    if (lt === -1) break
    if (html.charCodeAt(lt + 1) === 0x2f) {
      // A closing tag: the open element's, nothing else.
      const close = `</${top.tag}>`
      if (!html.startsWith(close, lt) || stack.length === 1) return undefined
      stack.pop()
      top = stack[stack.length - 1]
      i = lt + close.length
      continue
    }
    TAG_NAME.lastIndex = lt + 1
    const name = TAG_NAME.exec(html)?.[0]
    if (name === undefined || !TAGS.has(name) || IMPLIES_CLOSE.get(name)?.has(top.tag)) return undefined
    const attrs: Array<[string, string]> = []
    let at = TAG_NAME.lastIndex
    for (ATTRIBUTE.lastIndex = at; ; ATTRIBUTE.lastIndex = at) {
      const attribute = ATTRIBUTE.exec(html)
      if (!attribute) break
      const value = decoded(attribute[2])
      if (value === undefined || attrs.some(([n]) => n === attribute[1])) return undefined
      attrs.push([attribute[1], value])
      at = ATTRIBUTE.lastIndex
    }
    // A line break or rule may end ` />`, as the sanitizer writes them; any other element may not.
    if (VOID.has(name) && html.startsWith(' />', at)) at += 2
    if (html.charCodeAt(at) !== 0x3e) return undefined
    const element: HtmlElement = { type: 'element', tag: name, attrs, children: [] }
    top.children.push(element)
    if (!VOID.has(name)) {
      stack.push(element)
      top = element
    }
    i = at + 1
  }
  return stack.length === 1 ? root.children : undefined
}
