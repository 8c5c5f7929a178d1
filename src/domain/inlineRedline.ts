import { openTag, VOID_TAGS, type HtmlNode } from './htmlTree'
import type { InlineContext, InlinePiece, Mark } from './redlineTree'
import diffSequences from '@jest/diff-sequences'
import { inlineTokens } from './textTokens'

const WORD_START = /^[\p{L}\p{N}]/u
const WORD_END = /[\p{L}\p{N}]$/u

type Atom = Omit<InlinePiece, 'mark' | 'gap'>

/** The pieces of inline nodes, each in its elements; contexts are shared through `contexts`. */
function atomsOf(nodes: readonly HtmlNode[], context: InlineContext, contexts: Map<string, InlineContext>, out: Atom[]): Atom[] {
  for (const node of nodes) {
    if (node.type === 'text') {
      for (const text of inlineTokens(node.text)) out.push({ context, text })
    } else if (VOID_TAGS.has(node.tag)) {
      out.push({ context, text: '', void: node.tag })
    } else {
      const frame = { tag: node.tag, attrs: node.attrs, key: openTag(node.tag, node.attrs) }
      const key = `${context.frames.map((f) => f.key).join('')}${frame.key}`
      let inner = contexts.get(key)
      if (!inner) {
        inner = { id: contexts.size, frames: [...context.frames, frame] }
        contexts.set(key, inner)
      }
      atomsOf(node.children, inner, contexts, out)
    }
  }
  return out
}

const same = (x: Atom, y: Atom) => x.context === y.context && x.text === y.text && x.void === y.void
const isSpace = (atom: Atom) => !atom.void && atom.text.trim() === ''

/** A run both sides share (`from` and `to` hold the same pieces), or a change. */
type Part = { equal: true; from: Atom[]; to: Atom[] } | { equal: false; from: Atom[]; to: Atom[]; gap?: true }

/**
 * Two blocks' inline content compared word by word, formatting and link targets included (a word
 * made bold, or a link pointed elsewhere, is deleted and inserted). Changes only a space apart
 * read as one; a deleted word never touches the inserted one that follows it.
 */
export function inlineRedline(from: readonly HtmlNode[], to: readonly HtmlNode[]): InlinePiece[] {
  const contexts = new Map<string, InlineContext>()
  const root: InlineContext = { id: -1, frames: [] }
  const a = atomsOf(from, root, contexts, [])
  const b = atomsOf(to, root, contexts, [])
  const parts: Part[] = []
  let i = 0
  let j = 0
  // What the first side had before what the second side has instead, within each gap.
  const gap = (toA: number, toB: number) => {
    if (toA === i && toB === j) return
    parts.push({ equal: false, from: a.slice(i, toA), to: b.slice(j, toB) })
  }
  diffSequences(a.length, b.length, (x, y) => same(a[x], b[y]), (n, x, y) => {
    gap(x, y)
    parts.push({ equal: true, from: a.slice(x, x + n), to: b.slice(y, y + n) })
    i = x + n
    j = y + n
  })
  gap(a.length, b.length)
  return piecesOf(separate(bridge(parts)))
}

/** Changes separated by spaces only become one change. */
function bridge(parts: Part[]): Part[] {
  const out: Part[] = []
  for (let k = 0; k < parts.length; k++) {
    const part = parts[k]
    const previous = out.at(-1)
    const next = parts[k + 1]
    if (part.equal && previous && !previous.equal && next && !next.equal && part.from.every(isSpace)) {
      previous.from.push(...part.from, ...next.from)
      previous.to.push(...part.to, ...next.to)
      k++
    } else out.push(part.equal ? part : { ...part, from: [...part.from], to: [...part.to] })
  }
  return out
}

const text = (atoms: Atom[]) => atoms.map((atom) => atom.text).join('')

/** Where a deleted word would touch the inserted one after it, the pieces next to them join
 * both (a space if there is one), or else a separating space stands between them. */
function separate(parts: Part[]): Part[] {
  parts.forEach((part, k) => {
    if (part.equal || !WORD_END.test(text(part.from)) || !WORD_START.test(text(part.to))) return
    const before = parts[k - 1]
    const after = parts[k + 1]
    if (before?.equal && before.from.length && isSpace(before.from.at(-1)!)) {
      part.from.unshift(before.from.pop()!)
      part.to.unshift(before.to.pop()!)
    } else if (after?.equal && after.from.length && isSpace(after.from[0])) {
      part.from.push(after.from.shift()!)
      part.to.push(after.to.shift()!)
    } else if (before?.equal && before.from.length) {
      part.from.unshift(before.from.pop()!)
      part.to.unshift(before.to.pop()!)
    } else if (after?.equal && after.from.length) {
      part.from.push(after.from.shift()!)
      part.to.push(after.to.shift()!)
    } else part.gap = true
  })
  return parts
}

/** An atom marked, built field by field: spreading it into a new object cost more than the
 * rest of the redline of its paragraph. */
const marked = (atom: Atom, mark: Mark): InlinePiece =>
  atom.void === undefined ? { context: atom.context, text: atom.text, mark } : { context: atom.context, text: atom.text, void: atom.void, mark }

function piecesOf(parts: Part[]): InlinePiece[] {
  const pieces: InlinePiece[] = []
  for (const part of parts) {
    if (part.equal) {
      for (const atom of part.to) pieces.push(atom)
      continue
    }
    for (const atom of part.from) pieces.push(marked(atom, 'del'))
    if (part.gap) pieces.push({ context: { id: -1, frames: [] }, text: ' ', gap: true })
    for (const atom of part.to) pieces.push(marked(atom, 'ins'))
  }
  return pieces
}
