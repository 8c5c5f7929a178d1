import type { Block, Redline, Segment } from '../../domain/redline'

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')

/** A redline piece as readers see it: without bold markers and Markdown's backslash escapes
 * (`snake\_case` is snake_case), HTML-escaped. */
const show = (text: string) => escape(text.replace(/\*\*/g, '').replace(/\\([\\`*_{}[\]()#+\-.!<>|~])/g, '$1'))

interface Shape {
  tag: string
  className?: string
  prefix: number
}

/** The element a Markdown line becomes, and how many marker characters it starts with. */
function shapeOf(line: string): Shape {
  const heading = line.match(/^(#{1,6}) /)
  if (heading) return { tag: `h${Math.min(heading[1].length + 1, 6)}`, prefix: heading[0].length }
  const item = line.match(/^(?:[-*+]|\d+\.) /)
  if (item) return { tag: 'p', className: 'rl-item', prefix: item[0].length }
  return { tag: 'p', prefix: 0 }
}

const open = (shape: Shape, attrs = '') => `<${shape.tag}${shape.className ? ` class="${shape.className}"` : ''}${attrs}>`

/** Drops the first `count` characters (a line's Markdown marker, common to both sides). */
function dropPrefix(segments: Segment[], count: number): Segment[] {
  let left = count
  return segments.flatMap((s) => {
    if (left === 0) return [s]
    const cut = Math.min(left, s.text.length)
    left -= cut
    return s.text.length > cut ? [{ ...s, text: s.text.slice(cut) }] : []
  })
}

const wordsHtml = (segments: Segment[], keep: (op: Segment['op']) => boolean) =>
  segments
    .filter((s) => keep(s.op))
    .map((s) => (s.op === 'insert' ? `<ins>${show(s.text)}</ins>` : s.op === 'delete' ? `<del>${show(s.text)}</del>` : show(s.text)))
    .join('')

function sideText(segments: Segment[], side: 'from' | 'to') {
  const own = side === 'from' ? 'delete' : 'insert'
  return segments.filter((s) => s.op === 'equal' || s.op === own).map((s) => s.text).join('')
}

/** One block as an element; `side` limits a change to one side (side-by-side view). */
function blockHtml(block: Block, side?: 'from' | 'to'): string {
  if (block.kind === 'equal') {
    const shape = shapeOf(block.text)
    return `${open(shape)}${show(block.text.slice(shape.prefix))}</${shape.tag}>`
  }
  if (block.kind === 'insert' || block.kind === 'delete') {
    const shape = shapeOf(block.text)
    const tag = block.kind === 'insert' ? 'ins' : 'del'
    const moved = block.moved ? `<span class="rl-tag">${block.kind === 'insert' ? 'moved here' : 'moved from here'}</span> ` : ''
    return `<${tag} class="rl-block${block.moved ? ' rl-moved' : ''}">${open(shape)}${moved}${show(block.text.slice(shape.prefix))}</${shape.tag}></${tag}>`
  }
  const from = sideText(block.segments, 'from')
  const to = sideText(block.segments, 'to')
  const shape = shapeOf(to || from)
  const common = shape.prefix > 0 && from.slice(0, shape.prefix) === to.slice(0, shape.prefix) ? shape.prefix : 0
  const segments = dropPrefix(block.segments, common)
  const keep = side === 'from' ? (op: Segment['op']) => op !== 'insert' : side === 'to' ? (op: Segment['op']) => op !== 'delete' : () => true
  return `${open(common ? shape : { tag: 'p', prefix: 0 })}${wordsHtml(segments, keep)}</${common ? shape.tag : 'p'}>`
}

const isBlank = (block: Block) => (block.kind === 'equal' || block.kind === 'insert' || block.kind === 'delete') && block.text.trim() === ''

function navHtml(index: number, total: number): string {
  const previous = index > 1 ? `<a href="#change-${index - 1}">previous</a>` : ''
  const next = index < total ? `<a href="#change-${index + 1}">next</a>` : ''
  return `<nav class="rl-nav" aria-label="Change ${index} of ${total}">Change ${index} of ${total} ${[previous, next].filter(Boolean).join(' · ')}</nav>`
}

/** The redline as one document with insertions and deletions inline. */
export function inlineRedlineHtml(result: Redline): string {
  const starts = new Map(result.changeStarts.map((start, i) => [start, i + 1]))
  const total = result.changeStarts.length
  const out: string[] = []
  let inChange = false
  result.blocks.forEach((block, index) => {
    const change = starts.get(index)
    if (inChange && block.kind === 'equal') {
      out.push('</section>')
      inChange = false
    }
    if (change) {
      out.push(`<section class="rl-change" id="change-${change}">${navHtml(change, total)}`)
      inChange = true
    }
    if (!isBlank(block)) out.push(blockHtml(block))
  })
  if (inChange) out.push('</section>')
  return out.join('\n')
}

/** The redline as two columns, the earlier version on the left. */
export function sideBySideRedlineHtml(result: Redline): string {
  const starts = new Map(result.changeStarts.map((start, i) => [start, i + 1]))
  const total = result.changeStarts.length
  const rows = result.blocks.map((block, index) => {
    const change = starts.get(index)
    const nav = change ? `<tr class="rl-nav-row" id="change-${change}"><td colspan="2">${navHtml(change, total)}</td></tr>` : ''
    if (isBlank(block)) return nav
    const from = block.kind === 'insert' ? '' : block.kind === 'change' ? blockHtml(block, 'from') : blockHtml(block)
    const to = block.kind === 'delete' ? '' : block.kind === 'change' ? blockHtml(block, 'to') : blockHtml(block)
    return `${nav}<tr${block.kind === 'equal' ? '' : ' class="rl-changed"'}><td>${from}</td><td>${to}</td></tr>`
  })
  return rows.filter(Boolean).join('\n')
}
