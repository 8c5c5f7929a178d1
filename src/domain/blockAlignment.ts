import { serialize, visibleText, type HtmlElement, type HtmlNode } from './htmlTree'
import { sequenceDiff } from './sequenceDiff'
import { wordHashes } from './textTokens'

/** A block of a container (an element, or a run of text and inline elements between blocks),
 * with what it reads as on a page (`key`, anchors aside) for comparing. */
export interface Unit {
  nodes: HtmlNode[]
  element?: HtmlElement
  key: string
}

/** Units paired across the sides: both (`from` and `to`, equal or edited), or one of them. */
export interface Aligned<U> {
  from?: U
  to?: U
  equal: boolean
}

const MIN_SIMILARITY = 0.4
/** Tables, lists and quotes are compared part by part, so two that share less are still
 * better shown as one edited than as one removed and another added. */
const MIN_CONTAINER_SIMILARITY = 0.2
const CONTAINER_KINDS = new Set(['table', 'ul', 'ol', 'blockquote'])
const MAX_ALIGN = 200

const wordsOf = (unit: Unit) => wordHashes(visibleText(unit.nodes))

/** Dice coefficient of two units' words: 1 for the same words, 0 for none shared. */
function similarity(a: Set<number>, b: Set<number>): number {
  if (a.size === 0 && b.size === 0) return 0.5
  let shared = 0
  for (const w of a) if (b.has(w)) shared++
  return (2 * shared) / (a.size + b.size)
}

/** What kind of block a unit is: units of different kinds are never compared word by word. */
export const kindOf = (unit: Unit) => unit.element?.tag ?? '#text'

/** A unit of one element. */
export const elementUnit = (element: HtmlElement): Unit => ({ nodes: [element], element, key: serialize([element], false) })

/**
 * Units in order on both sides: the same ones paired as equal (shortest edit), and within each
 * stretch that differs, removed and added units of the same kind paired as edits of each other
 * where they share enough words (alignment maximising total similarity, both orders kept).
 */
export function alignUnits(from: Unit[], to: Unit[]): Aligned<Unit>[] {
  const out: Aligned<Unit>[] = []
  const ids = new Map<string, number>()
  const idOf = (unit: Unit) => {
    let id = ids.get(unit.key)
    if (id === undefined) ids.set(unit.key, (id = ids.size))
    return id
  }
  // Compared as numbers: long keys that differ late were compared again at every step.
  const runs = sequenceDiff(from.map(idOf), to.map(idOf))
  let i = 0
  let j = 0
  for (let k = 0; k < runs.length; k++) {
    const run = runs[k]
    const n = run.items.length
    if (run.op === 'equal') {
      for (let x = 0; x < n; x++) out.push({ from: from[i++], to: to[j++], equal: true })
    } else if (run.op === 'delete' && runs[k + 1]?.op === 'insert') {
      const m = runs[++k].items.length
      out.push(...pairUp(from.slice(i, i + n), to.slice(j, j + m)))
      i += n
      j += m
    } else if (run.op === 'delete') {
      for (let x = 0; x < n; x++) out.push({ from: from[i++], equal: false })
    } else {
      for (let x = 0; x < n; x++) out.push({ to: to[j++], equal: false })
    }
  }
  return out
}

function pairUp(removed: Unit[], added: Unit[]): Aligned<Unit>[] {
  const n = removed.length
  const m = added.length
  if (n * m > MAX_ALIGN * MAX_ALIGN) return [...removed.map((from) => ({ from, equal: false })), ...added.map((to) => ({ to, equal: false }))]
  // Words are read only of units another of their kind could pair with.
  const removedWords: Array<Set<number> | undefined> = []
  const addedWords: Array<Set<number> | undefined> = []
  const sims = new Float64Array(n * m)
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      const kind = kindOf(removed[i])
      const s = kind === kindOf(added[j]) ? similarity((removedWords[i] ??= wordsOf(removed[i])), (addedWords[j] ??= wordsOf(added[j]))) : 0
      sims[i * m + j] = s >= (CONTAINER_KINDS.has(kind) ? MIN_CONTAINER_SIMILARITY : MIN_SIMILARITY) ? s : -1
    }
  }
  const score: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0))
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const s = sims[i * m + j]
      score[i][j] = Math.max(score[i + 1][j], score[i][j + 1], s > 0 ? s + score[i + 1][j + 1] : -Infinity)
    }
  }
  const out: Aligned<Unit>[] = []
  let i = 0
  let j = 0
  while (i < n || j < m) {
    if (i < n && j < m) {
      const s = sims[i * m + j]
      if (s > 0 && score[i][j] === s + score[i + 1][j + 1]) out.push({ from: removed[i++], to: added[j++], equal: false })
      else if (score[i][j] === score[i + 1][j]) out.push({ from: removed[i++], equal: false })
      else out.push({ to: added[j++], equal: false })
    } else if (i < n) out.push({ from: removed[i++], equal: false })
    else out.push({ to: added[j++], equal: false })
  }
  return out
}
