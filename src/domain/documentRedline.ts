import { alignUnits, elementUnit, kindOf, type Aligned, type Unit } from './blockAlignment'
import { BLOCK_TAGS, hasBlocks, parseHtml, serialize, VOID_TAGS, type HtmlElement, type HtmlNode } from './htmlTree'
import { inlineRedline } from './inlineRedline'
import type { DocumentRedline, Mark, RedlineEntry, RedlineNode } from './redlineTree'
import { renderHtml } from './renderHtml'
import { tableRedline } from './tableRedline'

/** Elements whose children are blocks, compared block by block. */
const CONTAINERS = new Set(['ul', 'ol', 'li', 'blockquote', 'div', 'section', 'dl'])
/** A deletion or insertion this long that stands on the other side too is shown as moved. */
const MIN_MOVE_LENGTH = 20

/** A container's children as units: each block element, and each run of text between blocks. */
export function unitsOf(children: readonly HtmlNode[]): Unit[] {
  const units: Unit[] = []
  let run: HtmlNode[] = []
  const flush = () => {
    if (run.some((n) => n.type === 'element' || n.text.trim() !== '')) units.push({ nodes: run, key: serialize(run, false) })
    run = []
  }
  for (const node of children) {
    if (node.type === 'element' && BLOCK_TAGS.has(node.tag)) {
      flush()
      units.push(elementUnit(node))
    } else run.push(node)
  }
  flush()
  return units
}

/** A unit on one side only; a list item stays a list item. */
function whole(unit: Unit, mark: Mark, parent: string): RedlineNode {
  const only = mark === 'del' ? 'from' : 'to'
  if ((parent === 'ul' || parent === 'ol') && unit.element?.tag === 'li') {
    const { children } = unit.element
    return { kind: 'element', tag: 'li', attrs: unit.element.attrs, only, mark, children: [{ kind: 'whole', mark, nodes: children, block: hasBlocks(children) }] }
  }
  return { kind: 'whole', mark, nodes: unit.nodes, block: unit.element !== undefined }
}

/** The innermost whole node of a one-sided unit (a list item's content), to mark as moved. */
const wholeIn = (node: RedlineNode) => (node.kind === 'element' && node.children[0]?.kind === 'whole' ? node.children[0] : node)

/** Two blocks' children compared as blocks, one-sided blocks that stand on the other side too
 * marked as moved. */
export function containerRedline(from: readonly HtmlNode[], to: readonly HtmlNode[], parent: string): RedlineEntry[] {
  const entries = alignUnits(unitsOf(from), unitsOf(to)).map((pair) => entryOf(pair, parent))
  markMoves(entries)
  return entries
}

function entryOf({ from, to, equal }: Aligned<Unit>, parent: string): RedlineEntry {
  if (equal) return { node: { kind: 'same', nodes: to!.nodes }, from: from!.nodes, to: to!.nodes }
  if (from && to) return { node: pairRedline(from, to), from: from.nodes, to: to.nodes }
  if (from) return { node: whole(from, 'del', parent), from: from.nodes }
  return { node: whole(to!, 'ins', parent), to: to!.nodes }
}

/** Two units of the same kind, edits of each other. */
function pairRedline(from: Unit, to: Unit): RedlineNode {
  const a = from.element
  const b = to.element
  if (!a || !b) return { kind: 'inline', pieces: inlineRedline(from.nodes, to.nodes) }
  if (kindOf(from) === 'table') return tableRedline(a, b, elementRedline)
  return elementRedline(a, b)
}

/** Two elements of the same tag: their blocks compared as blocks, their text word by word. */
function elementRedline(a: HtmlElement, b: HtmlElement): RedlineNode {
  if (VOID_TAGS.has(b.tag)) return { kind: 'same', nodes: [b] }
  if (CONTAINERS.has(b.tag) || hasBlocks(a.children) || hasBlocks(b.children)) {
    return { kind: 'element', tag: b.tag, attrs: b.attrs, children: containerRedline(a.children, b.children, b.tag).map((e) => e.node) }
  }
  return { kind: 'element', tag: b.tag, attrs: b.attrs, children: [{ kind: 'inline', pieces: inlineRedline(a.children, b.children) }] }
}

function markMoves(entries: RedlineEntry[]): void {
  const inserted = new Map<string, Array<Extract<RedlineNode, { kind: 'whole' }>>>()
  const keyOf = (nodes: HtmlNode[]) => serialize(nodes, false)
  for (const entry of entries) {
    const node = wholeIn(entry.node)
    if (node.kind === 'whole' && node.mark === 'ins' && entry.to) {
      const key = keyOf(entry.to)
      if (key.length >= MIN_MOVE_LENGTH) inserted.set(key, [...(inserted.get(key) ?? []), node])
    }
  }
  if (inserted.size === 0) return
  for (const entry of entries) {
    const node = wholeIn(entry.node)
    if (node.kind !== 'whole' || node.mark !== 'del' || !entry.from) continue
    const match = inserted.get(keyOf(entry.from))?.find((n) => !n.moved)
    if (match) {
      match.moved = true
      node.moved = true
    }
  }
}

/** The redline of two Markdown texts, as their version pages render them: blocks aligned (moved
 * ones marked), edited blocks compared element by element, their text word by word. */
export const documentRedline = (from: string, to: string): DocumentRedline => pagesRedline(renderHtml(from), renderHtml(to))

/** The redline of two version pages' HTML (as `renderHtml` renders it, or as it was frozen). */
export function pagesRedline(fromHtml: string, toHtml: string): DocumentRedline {
  return { entries: containerRedline(parseHtml(fromHtml), parseHtml(toHtml), '#root') }
}

/**
 * A redline in linear time, for texts too far apart to compare in time: the blocks both
 * documents begin and end with are the same, every block between is removed and added whole.
 */
export const coarseDocumentRedline = (from: string, to: string): DocumentRedline => coarsePagesRedline(renderHtml(from), renderHtml(to))

/** `coarseDocumentRedline` of two version pages' HTML. */
export function coarsePagesRedline(fromHtml: string, toHtml: string): DocumentRedline {
  const [a, b] = [parseHtml(fromHtml), parseHtml(toHtml)].map(unitsOf)
  let start = 0
  while (start < a.length && start < b.length && a[start].key === b[start].key) start++
  let end = 0
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end].key === b[b.length - 1 - end].key) end++
  const same = (u: Unit, v: Unit): RedlineEntry => ({ node: { kind: 'same', nodes: v.nodes }, from: u.nodes, to: v.nodes })
  const entries: RedlineEntry[] = [
    ...a.slice(0, start).map((u, k) => same(u, b[k])),
    ...a.slice(start, a.length - end).map((u) => ({ node: whole(u, 'del', '#root'), from: u.nodes })),
    ...b.slice(start, b.length - end).map((u) => ({ node: whole(u, 'ins', '#root'), to: u.nodes })),
    ...a.slice(a.length - end).map((u, k) => same(u, b[b.length - end + k])),
  ]
  markMoves(entries)
  return { entries, coarse: true }
}
