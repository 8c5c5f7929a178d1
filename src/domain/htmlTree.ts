import { Parser } from 'htmlparser2'

import { parsePlainHtml } from './plainHtml'

/** An element of parsed HTML: its tag (lower case), attributes in source order, children. */
export interface HtmlElement {
  type: 'element'
  tag: string
  attrs: Array<[string, string]>
  children: HtmlNode[]
}

/** Parsed HTML as plain data: text (entities decoded) and elements. */
export type HtmlNode = { type: 'text'; text: string } | HtmlElement

/** Elements that never have children or a closing tag. */
export const VOID_TAGS = new Set(['br', 'hr', 'img', 'wbr'])

/** Elements that lay out as blocks: everything else (`a`, `strong`, `code`…) flows as text. */
export const BLOCK_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote', 'pre', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'hr', 'div', 'section', 'nav', 'dl', 'dt', 'dd', 'caption'])

/** The nodes of an HTML fragment: a version page as it is rendered by one scan, any other HTML by
 * the general parser. */
export const parseHtml = (html: string): HtmlNode[] => parsePlainHtml(html) ?? parseAnyHtml(html)

/** The nodes of any HTML fragment, as htmlparser2 reads it. */
export function parseAnyHtml(html: string): HtmlNode[] {
  const root: HtmlElement = { type: 'element', tag: '#root', attrs: [], children: [] }
  const stack: HtmlElement[] = [root]
  const parser = new Parser(
    {
      onopentag(tag, attribs) {
        const element: HtmlElement = { type: 'element', tag, attrs: Object.entries(attribs), children: [] }
        stack.at(-1)!.children.push(element)
        stack.push(element)
      },
      onclosetag() {
        if (stack.length > 1) stack.pop()
      },
      ontext(text) {
        const siblings = stack.at(-1)!.children
        const last = siblings.at(-1)
        if (last?.type === 'text') last.text += text
        else siblings.push({ type: 'text', text })
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  )
  parser.write(html)
  parser.end()
  return root.children
}

const NEEDS_ESCAPE = /[&<>]/

/** Text as HTML: `&`, `<` and `>` escaped (most text has none, and is returned as it is). */
export const escapeText = (text: string) => (NEEDS_ESCAPE.test(text) ? text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;') : text)

/** An attribute value as HTML, quoted with `"`. */
export const escapeAttr = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')

/** An element's opening tag, with `extra` attributes (already escaped) after its own. */
export const openTag = (tag: string, attrs: ReadonlyArray<[string, string]>, extra = '') =>
  `<${tag}${attrs.map(([name, value]) => ` ${name}="${escapeAttr(value)}"`).join('')}${extra}>`

/** Nodes back to HTML; `withIds: false` leaves out `id` attributes (a heading's anchor depends on
 * the headings before it, not on what it says). */
export function serialize(nodes: readonly HtmlNode[], withIds = true): string {
  let out = ''
  for (const node of nodes) {
    if (node.type === 'text') {
      out += escapeText(node.text)
      continue
    }
    const attrs = withIds ? node.attrs : node.attrs.filter(([name]) => name !== 'id')
    if (VOID_TAGS.has(node.tag)) out += openTag(node.tag, attrs)
    else out += `${openTag(node.tag, attrs)}${serialize(node.children, withIds)}</${node.tag}>`
  }
  return out
}

/** What a reader sees of nodes as text: blocks and line breaks separate words. */
export function visibleText(nodes: readonly HtmlNode[]): string {
  let out = ''
  for (const node of nodes) {
    if (node.type === 'text') out += node.text
    else if (BLOCK_TAGS.has(node.tag) || node.tag === 'br') out += ` ${visibleText(node.children)} `
    else out += visibleText(node.children)
  }
  return out
}

/** Whether any of the nodes is a block element. */
export const hasBlocks = (nodes: readonly HtmlNode[]) => nodes.some((n) => n.type === 'element' && BLOCK_TAGS.has(n.tag))
