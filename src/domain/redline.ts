import { sequenceDiff } from './sequenceDiff'
import { inlineTokens, wordHashes } from './textTokens'

/** A run of words inside a changed paragraph. */
export interface Segment {
  op: 'equal' | 'insert' | 'delete'
  text: string
}

/**
 * One line of the compared documents (a paragraph, heading or list item; blank lines included).
 * `equal` lines read the same on both sides; `insert` / `delete` exist on one side only (`moved`
 * when the same line stands on the other side elsewhere); `change` is a line edited word by word.
 */
export type Block =
  | { kind: 'equal'; text: string }
  | { kind: 'insert'; text: string; moved: boolean }
  | { kind: 'delete'; text: string; moved: boolean }
  | { kind: 'change'; segments: Segment[] }

/** A redline: the blocks, and the changes (runs of non-equal blocks) readers can jump between. */
export interface Redline {
  blocks: Block[]
  /** Index into `blocks` where each change starts. */
  changeStarts: number[]
  /** Set when the texts were too far apart to compare in time: the lines between their common
   * beginning and end are shown as removed and added whole (`coarseRedline`). */
  coarse?: true
}

const MIN_SIMILARITY = 0.4
const MAX_ALIGN = 200
const MIN_MOVE_LENGTH = 20

/** Dice coefficient of two word sets: 1 for the same words, 0 for none shared. */
function dice(left: Set<number>, right: Set<number>, a: string, b: string): number {
  if (left.size === 0 && right.size === 0) return a === b ? 1 : 0
  let shared = 0
  for (const w of left) if (right.has(w)) shared++
  return (2 * shared) / (left.size + right.size)
}

/** Dice coefficient of two lines' word sets: 1 for the same words, 0 for none shared. */
export const similarity = (a: string, b: string): number => dice(wordHashes(a), wordHashes(b), a, b)

/**
 * Pairs removed lines with inserted lines that are edits of each other, keeping both orders
 * (sequence alignment maximising total similarity). Unpaired lines stay whole deletions/insertions.
 */
function alignReplacement(removed: string[], added: string[]): Block[] {
  if (removed.length * added.length > MAX_ALIGN * MAX_ALIGN) {
    return [...removed.map((text) => ({ kind: 'delete' as const, text, moved: false })), ...added.map((text) => ({ kind: 'insert' as const, text, moved: false }))]
  }
  const n = removed.length
  const m = added.length
  const score: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0))
  const removedWords = removed.map(wordHashes)
  const addedWords = added.map(wordHashes)
  const sims = new Float64Array(n * m)
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      const s = dice(removedWords[i], addedWords[j], removed[i], added[j])
      sims[i * m + j] = s >= MIN_SIMILARITY ? s : -1
    }
  }
  const sim = (i: number, j: number) => sims[i * m + j]
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const s = sim(i, j)
      score[i][j] = Math.max(score[i + 1][j], score[i][j + 1], s > 0 ? s + score[i + 1][j + 1] : -Infinity)
    }
  }
  const blocks: Block[] = []
  let i = 0
  let j = 0
  while (i < n || j < m) {
    if (i < n && j < m) {
      const s = sim(i, j)
      if (s > 0 && score[i][j] === s + score[i + 1][j + 1]) {
        blocks.push(changeOf(removed[i++], added[j++]))
        continue
      }
      if (score[i][j] === score[i + 1][j]) {
        blocks.push({ kind: 'delete', text: removed[i++], moved: false })
        continue
      }
      blocks.push({ kind: 'insert', text: added[j++], moved: false })
      continue
    }
    if (i < n) blocks.push({ kind: 'delete', text: removed[i++], moved: false })
    else blocks.push({ kind: 'insert', text: added[j++], moved: false })
  }
  return blocks
}

/** Words, runs of spaces and single other characters: what a word-by-word redline compares (a
 * line holds no line break, so the spaces of a line are one run). */
const tokens = inlineTokens

function changeOf(from: string, to: string): Block {
  const segments: Segment[] = []
  for (const run of sequenceDiff(tokens(from), tokens(to))) {
    const text = run.items.join('')
    const last = segments.at(-1)
    if (last?.op === run.op) last.text += text
    else segments.push({ op: run.op, text })
  }
  return { kind: 'change', segments }
}

/** Marks a deleted line and an inserted line with the same text as a move (both sides). */
function markMoves(blocks: Block[]): void {
  const inserted = new Map<string, Extract<Block, { kind: 'insert' }>[]>()
  for (const block of blocks) {
    if (block.kind === 'insert' && block.text.trim().length >= MIN_MOVE_LENGTH) {
      inserted.set(block.text, [...(inserted.get(block.text) ?? []), block])
    }
  }
  for (const block of blocks) {
    if (block.kind !== 'delete') continue
    const match = inserted.get(block.text)?.find((b) => !b.moved)
    if (match) {
      match.moved = true
      block.moved = true
    }
  }
}

/**
 * The redline between two texts: lines first (so documents far apart stay fast), then words
 * inside the lines that were edited. Lossless: the "from" side of the result reads exactly as
 * `from` and the "to" side exactly as `to` (see `sideOf`).
 */
export function redline(from: string, to: string): Redline {
  const runs = sequenceDiff(from.split('\n'), to.split('\n'))
  const blocks: Block[] = []
  for (let k = 0; k < runs.length; k++) {
    const run = runs[k]
    if (run.op === 'equal') {
      blocks.push(...run.items.map((text) => ({ kind: 'equal' as const, text })))
    } else if (run.op === 'delete' && runs[k + 1]?.op === 'insert') {
      blocks.push(...alignReplacement(run.items, runs[++k].items))
    } else {
      blocks.push(...run.items.map((text) => ({ kind: run.op as 'delete' | 'insert', text, moved: false })))
    }
  }
  return withChangeStarts(blocks)
}

/** Marks moves and numbers the changes. */
function withChangeStarts(blocks: Block[]): Redline {
  markMoves(blocks)
  const changeStarts: number[] = []
  blocks.forEach((block, index) => {
    const previous = blocks[index - 1]
    if (block.kind !== 'equal' && (!previous || previous.kind === 'equal')) changeStarts.push(index)
  })
  return { blocks, changeStarts }
}

/**
 * A redline in linear time, for texts too far apart to compare in time: the lines both texts
 * begin and end with are equal, every line between is removed and added whole (moves marked).
 * Lossless like `redline`.
 */
export function coarseRedline(from: string, to: string): Redline {
  const a = from.split('\n')
  const b = to.split('\n')
  let start = 0
  while (start < a.length && start < b.length && a[start] === b[start]) start++
  let end = 0
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++
  const blocks: Block[] = [
    ...a.slice(0, start).map((text) => ({ kind: 'equal' as const, text })),
    ...a.slice(start, a.length - end).map((text) => ({ kind: 'delete' as const, text, moved: false })),
    ...b.slice(start, b.length - end).map((text) => ({ kind: 'insert' as const, text, moved: false })),
    ...a.slice(a.length - end).map((text) => ({ kind: 'equal' as const, text })),
  ]
  return { ...withChangeStarts(blocks), coarse: true }
}

/** One side of a redline as plain text: what that version says, line for line. */
export function sideOf(result: Redline, side: 'from' | 'to'): string {
  const own = side === 'from' ? 'delete' : 'insert'
  const lines: string[] = []
  for (const block of result.blocks) {
    if (block.kind === 'equal') lines.push(block.text)
    else if (block.kind === own) lines.push(block.text)
    else if (block.kind === 'change') {
      lines.push(block.segments.filter((s) => s.op === 'equal' || s.op === own).map((s) => s.text).join(''))
    }
  }
  return lines.join('\n')
}
