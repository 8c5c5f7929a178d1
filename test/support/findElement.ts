import type { HtmlElement, HtmlNode } from '../../src/domain/htmlTree'

/** Whether an element carries class `name`. */
export const hasClass = (node: HtmlElement, name: string): boolean => node.attrs.some(([attr, value]) => attr === 'class' && value.split(/\s+/).includes(name))

/** The first element of `tag` with class `name` in a page, depth first. */
export function findElement(nodes: readonly HtmlNode[], tag: string, name: string): HtmlElement | undefined {
  for (const node of nodes) {
    if (node.type !== 'element') continue
    if (node.tag === tag && hasClass(node, name)) return node
    const inner = findElement(node.children, tag, name)
    if (inner) return inner
  }
  return undefined
}
