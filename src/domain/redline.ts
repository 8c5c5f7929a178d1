import { diffArrays, diffWordsWithSpace } from 'diff'

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
}

const MIN_SIMILARITY = 0.4
const MAX_ALIGN = 200
const MIN_MOVE_LENGTH = 20

const words = (line: string) => line.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []

/** Dice coefficient of two lines' word sets: 1 for the same words, 0 for none shared. */
export function similarity(a: string, b: string): number {
  const left = new Set(words(a))
  const right = new Set(words(b))
  if (left.size === 0 && right.size === 0) return a === b ? 1 : 0
  let shared = 0
  for (const w of left) if (right.has(w)) shared++
  return (2 * shared) / (left.size + right.size)
}

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
  const sim = (i: number, j: number) => {
    const s = similarity(removed[i], added[j])
    return s >= MIN_SIMILARITY ? s : -1
  }
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

function changeOf(from: string, to: string): Block {
  const segments: Segment[] = diffWordsWithSpace(from, to).map((part) => ({
    op: part.added ? 'insert' : part.removed ? 'delete' : 'equal',
    text: part.value,
  }))
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
  const parts = diffArrays(from.split('\n'), to.split('\n'))
  const blocks: Block[] = []
  for (let k = 0; k < parts.length; k++) {
    const part = parts[k]
    if (!part.added && !part.removed) {
      blocks.push(...part.value.map((text) => ({ kind: 'equal' as const, text })))
    } else if (part.removed && parts[k + 1]?.added) {
      blocks.push(...alignReplacement(part.value, parts[++k].value))
    } else if (part.removed) {
      blocks.push(...part.value.map((text) => ({ kind: 'delete' as const, text, moved: false })))
    } else {
      blocks.push(...part.value.map((text) => ({ kind: 'insert' as const, text, moved: false })))
    }
  }
  markMoves(blocks)
  const changeStarts: number[] = []
  blocks.forEach((block, index) => {
    const previous = blocks[index - 1]
    if (block.kind !== 'equal' && (!previous || previous.kind === 'equal')) changeStarts.push(index)
  })
  return { blocks, changeStarts }
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
