import { escapeText, openTag, serialize, VOID_TAGS, visibleText, type HtmlElement, type HtmlNode } from '../domain/htmlTree'
import type { DocumentRedline, InlinePiece, RedlineEntry, RedlineNode, Side } from '../domain/redlineTree'

/** A section of the document with changes, as the change list at the top of a redline names it:
 * its nearest heading, the anchor of its first change, how many changes it has. */
export interface ChangeSection {
  title: string
  anchor: string
  changes: number
}

/** Anchors of the changes: prefixed so that none is a heading's anchor (`#change-1`). */
export const changeAnchor = (n: number) => `rl-change-${n}`

const BEGINNING = 'Beginning of the document'

/** Inline pieces as HTML: elements opened and closed as the pieces' contexts change, marks
 * innermost. `side` leaves out the other side's marks. */
function piecesHtml(pieces: InlinePiece[], side?: Side): string {
  let out = ''
  const open: Array<{ key: string; tag: string }> = []
  for (const piece of pieces) {
    if (side && (piece.gap || (piece.mark === 'ins' && side === 'from') || (piece.mark === 'del' && side === 'to'))) continue
    const wanted = piece.context.frames.map((f) => ({ key: f.key, tag: f.tag }))
    if (piece.mark) wanted.push({ key: piece.mark, tag: piece.mark })
    let common = 0
    while (common < open.length && common < wanted.length && open[common].key === wanted[common].key) common++
    while (open.length > common) out += `</${open.pop()!.tag}>`
    for (const frame of wanted.slice(common)) {
      out += frame.key === frame.tag ? `<${frame.tag}>` : frame.key
      open.push(frame)
    }
    out += piece.void ? `<${piece.void}>` : escapeText(piece.text)
  }
  while (open.length) out += `</${open.pop()!.tag}>`
  return out
}

/** A redline node as HTML, both sides inline or (`side`) one side with its own marks. */
export function nodeHtml(node: RedlineNode, side?: Side): string {
  switch (node.kind) {
    case 'same':
      // The anchors are the later version's: the earlier column has none.
      return serialize(node.nodes, side !== 'from')
    case 'inline':
      return piecesHtml(node.pieces, side)
    case 'whole': {
      if (side && (node.mark === 'del') !== (side === 'from')) return ''
      // A deleted heading keeps no anchor: the anchors are the later version's.
      const content = serialize(node.nodes, node.mark === 'ins')
      if (!content) return ''
      const classes = [node.block && 'rl-block', node.moved && 'rl-moved'].filter(Boolean).join(' ')
      const tag = node.moved ? `<span class="rl-tag rl-chrome">${node.mark === 'ins' ? 'moved here' : 'moved from here'}</span>${node.block ? '' : ' '}` : ''
      return `<${node.mark}${classes ? ` class="${classes}"` : ''}>${tag}${content}</${node.mark}>`
    }
    case 'element': {
      if (side && node.only && node.only !== side) return ''
      const attrs = side === 'from' ? node.attrs.filter(([name]) => name !== 'id') : node.attrs
      const open = openTag(node.tag, attrs, node.mark ? ` class="rl-${node.mark}"` : '')
      if (VOID_TAGS.has(node.tag)) return open
      // Inline, an ordered list holds both sides' items: once it holds a deleted one, each is
      // numbered as on its own page.
      const renumber = node.tag === 'ol' && !side && node.children.some((c) => c.kind === 'element' && c.tag === 'li' && c.only === 'from')
      const children = renumber ? numberedItems(node.children, Number(node.attrs.find(([name]) => name === 'start')?.[1] ?? 1)) : node.children
      return `${open}${children.map((child) => nodeHtml(child, side)).join('')}</${node.tag}>`
    }
  }
}

const isItem = (node: HtmlNode): node is HtmlElement => node.type === 'element' && node.tag === 'li'
const numbered = (attrs: Array<[string, string]>, value: number): Array<[string, string]> => [...attrs.filter(([name]) => name !== 'value'), ['value', String(value)]]

/**
 * An inline redline's ordered list items, each given the number it has on its own version's
 * page: a deleted item its number in the earlier version, every other item its number in the
 * later one. Left to the browser, a deleted item would take a number and shift the rest.
 */
function numberedItems(children: RedlineNode[], start: number): RedlineNode[] {
  const next = { from: Number.isFinite(start) ? start : 1, to: Number.isFinite(start) ? start : 1 }
  return children.map((child): RedlineNode => {
    if (child.kind === 'same') {
      return { ...child, nodes: child.nodes.map((n) => (isItem(n) ? { ...n, attrs: numbered(n.attrs, (next.from++, next.to++)) } : n)) }
    }
    if (child.kind !== 'element' || child.tag !== 'li') return child
    const value = child.only === 'from' ? next.from++ : next.to++
    if (!child.only) next.from++
    return { ...child, attrs: numbered(child.attrs, value) }
  })
}

const HEADING = /^h[1-6]$/

/** The text of the heading a top-level block is, if it is one. */
function headingOf(nodes: HtmlNode[] | undefined): string | undefined {
  const node = nodes?.[0]
  return node?.type === 'element' && HEADING.test(node.tag) ? visibleText(node.children).replace(/\s+/g, ' ').trim() : undefined
}

/** Each change (a run of top-level blocks that differ) with its number and the heading of its
 * section, in reading order. */
function changesOf(entries: RedlineEntry[]): Array<{ start: number; title: string }> {
  const changes: Array<{ start: number; title: string }> = []
  let current: string | undefined
  entries.forEach((entry, index) => {
    const heading = headingOf(entry.to) ?? headingOf(entry.from)
    if (entry.node.kind !== 'same' && (index === 0 || entries[index - 1].node.kind === 'same')) changes.push({ start: index, title: heading ?? current ?? BEGINNING })
    if (heading) current = heading
  })
  return changes
}

/** How many changes readers can jump between. */
export const changeCount = (result: DocumentRedline) => changesOf(result.entries).length

/** The sections with changes, for the change list at the top of a redline: consecutive changes
 * under one heading are one section. */
export function changeSections(result: DocumentRedline): ChangeSection[] {
  const sections: ChangeSection[] = []
  changesOf(result.entries).forEach(({ title }, i) => {
    const last = sections.at(-1)
    if (last?.title === title) last.changes++
    else sections.push({ title, anchor: changeAnchor(i + 1), changes: 1 })
  })
  return sections
}

function navHtml(index: number, total: number): string {
  const previous = index > 1 ? `<a href="#${changeAnchor(index - 1)}">previous</a>` : ''
  const next = index < total ? `<a href="#${changeAnchor(index + 1)}">next</a>` : ''
  return `<nav class="rl-nav rl-chrome" aria-label="Change ${index} of ${total}">Change ${index} of ${total} ${[previous, next].filter(Boolean).join(' · ')}</nav>`
}

/** The redline as one document, the later version's structure with insertions and deletions
 * marked inside it; each change in a section with its anchor and a way to the next. */
export function inlineRedlineHtml(result: DocumentRedline): string {
  const starts = new Map(changesOf(result.entries).map(({ start }, i) => [start, i + 1]))
  const total = starts.size
  const out: string[] = []
  let inChange = false
  result.entries.forEach((entry, index) => {
    const change = starts.get(index)
    if (inChange && (change || entry.node.kind === 'same')) {
      out.push('</section>')
      inChange = false
    }
    if (change) {
      out.push(`<section class="rl-change" id="${changeAnchor(change)}">${navHtml(change, total)}`)
      inChange = true
    }
    out.push(nodeHtml(entry.node))
  })
  if (inChange) out.push('</section>')
  return out.join('\n')
}

/** The redline as table rows of two columns, the earlier version on the left. */
export function sideBySideRedlineHtml(result: DocumentRedline): string {
  const starts = new Map(changesOf(result.entries).map(({ start }, i) => [start, i + 1]))
  const total = starts.size
  return result.entries
    .map((entry, index) => {
      const change = starts.get(index)
      const nav = change ? `<tr class="rl-nav-row rl-chrome" id="${changeAnchor(change)}"><td colspan="2">${navHtml(change, total)}</td></tr>` : ''
      const changed = entry.node.kind !== 'same'
      return `${nav}<tr${changed ? ' class="rl-changed"' : ''}><td>${nodeHtml(entry.node, 'from')}</td><td>${nodeHtml(entry.node, 'to')}</td></tr>`
    })
    .join('\n')
}
