import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { coarseRedline, redline, sideOf, similarity } from '../../src/domain/redline'

describe('redline', () => {
  it('shows an edited paragraph word by word', () => {
    const result = redline('# Terms\n\nWe keep logs for 12 months.\n', '# Terms\n\nWe keep logs for 13 months.\n')
    expect(result.changeStarts).toHaveLength(1)
    const change = result.blocks.find((b) => b.kind === 'change')
    expect(change).toEqual({
      kind: 'change',
      segments: [
        { op: 'equal', text: 'We keep logs for ' },
        { op: 'delete', text: '12' },
        { op: 'insert', text: '13' },
        { op: 'equal', text: ' months.' },
      ],
    })
  })

  it('keeps a new section as whole inserted paragraphs', () => {
    const result = redline('A\n\nC', 'A\n\n## Data Retention\n\nWe keep data for 90 days.\n\nC')
    const inserted = result.blocks.filter((b) => b.kind === 'insert').map((b) => (b as { text: string }).text)
    expect(inserted).toContain('## Data Retention')
    expect(inserted).toContain('We keep data for 90 days.')
    expect(result.blocks.some((b) => b.kind === 'change')).toBe(false)
  })

  it('marks a paragraph moved elsewhere as moved on both sides', () => {
    const moved = 'This paragraph moves to the end of the document.'
    const result = redline(`${moved}\nA\nB`, `A\nB\n${moved}`)
    const marks = result.blocks.filter((b) => b.kind === 'insert' || b.kind === 'delete').map((b) => [b.kind, (b as { moved: boolean }).moved])
    expect(marks).toEqual([['delete', true], ['insert', true]])
  })

  it('counts each run of changed lines once', () => {
    const result = redline('a\nb\nc\nd\ne', 'a\nB\nc\nd\nE')
    expect(result.changeStarts).toHaveLength(2)
  })

  it('finds no change between identical texts', () => {
    expect(redline('same\n\ntext', 'same\n\ntext').changeStarts).toEqual([])
  })

  it('measures similarity of lines by shared words', () => {
    expect(similarity('We keep logs', 'We keep logs')).toBe(1)
    expect(similarity('alpha beta', 'gamma delta')).toBe(0)
  })
})

/** Revisions made the way legal editors make them: edit, insert, delete and move paragraphs. */
const paragraph = fc.array(fc.constantFrom('we', 'keep', 'your', 'data', 'for', '13', 'months', 'and', 'may', 'share', 'it', 'with', 'partners', '**Note:**', '- item', '## Heading', 'privacy@example.com', 'ü', '“quoted”'), { minLength: 0, maxLength: 14 })
  .map((ws) => ws.join(' '))
const documentArb = fc.array(paragraph, { minLength: 0, maxLength: 25 }).map((ps) => ps.join('\n'))
const edit = fc.oneof(
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), text: paragraph }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: paragraph }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('move' as const), at: fc.nat(), to: fc.nat() }),
  fc.record({ kind: fc.constant('word' as const), at: fc.nat(), word: fc.constantFrom('not', '30', 'days', 'EU') }),
)
function revise(text: string, edits: fc.Arbitrary<unknown>[] | unknown[]): string {
  const lines = text.split('\n')
  for (const e of edits as { kind: string; at: number; to?: number; text?: string; word?: string }[]) {
    const at = lines.length ? e.at % lines.length : 0
    if (e.kind === 'replace' && lines.length) lines[at] = e.text!
    if (e.kind === 'insert') lines.splice(at, 0, e.text!)
    if (e.kind === 'delete' && lines.length) lines.splice(at, 1)
    if (e.kind === 'move' && lines.length) lines.splice(e.to! % lines.length, 0, lines.splice(at, 1)[0])
    if (e.kind === 'word' && lines.length) lines[at] = `${lines[at]} ${e.word}`.trim()
  }
  return lines.join('\n')
}

describe('redline correctness', () => {
  it('reads exactly as "from" on one side and exactly as "to" on the other, for any revision', () => {
    fc.assert(
      fc.property(documentArb, fc.array(edit, { maxLength: 12 }), (from, edits) => {
        const to = revise(from, edits)
        const result = redline(from, to)
        expect(sideOf(result, 'from')).toBe(from)
        expect(sideOf(result, 'to')).toBe(to)
      }),
      { numRuns: 1000 },
    )
  })

  it('reads exactly as either text even when the two share nothing', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.string({ maxLength: 300 }), (from, to) => {
        const result = redline(from, to)
        expect(sideOf(result, 'from')).toBe(from)
        expect(sideOf(result, 'to')).toBe(to)
      }),
      { numRuns: 500 },
    )
  })
})

describe('coarseRedline', () => {
  it('keeps the common beginning and end, and shows every line between as removed and added whole', () => {
    const result = coarseRedline('# Terms\nWe keep logs.\nFor 12 months.\nContact us.', '# Terms\nWe keep records.\nContact us.')
    expect(result.coarse).toBe(true)
    expect(result.blocks).toEqual([
      { kind: 'equal', text: '# Terms' },
      { kind: 'delete', text: 'We keep logs.', moved: false },
      { kind: 'delete', text: 'For 12 months.', moved: false },
      { kind: 'insert', text: 'We keep records.', moved: false },
      { kind: 'equal', text: 'Contact us.' },
    ])
    expect(result.changeStarts).toEqual([1])
  })

  it('marks a long line on both sides as moved', () => {
    const line = 'This paragraph moves to the end of the document.'
    const result = coarseRedline(`${line}\nA`, `B\n${line}`)
    expect(result.blocks.filter((b) => b.kind !== 'equal').every((b) => b.kind !== 'change' && (b.text !== line || b.moved))).toBe(true)
  })

  it('finds no change between identical texts', () => {
    expect(coarseRedline('a\nb', 'a\nb').changeStarts).toEqual([])
  })

  it('reads exactly as "from" on one side and exactly as "to" on the other', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', 'c', '', 'A long enough line to count as a move.'), { maxLength: 30 }), fc.array(fc.constantFrom('a', 'b', 'd', '', 'A long enough line to count as a move.'), { maxLength: 30 }), (x, y) => {
        const [from, to] = [x.join('\n'), y.join('\n')]
        const result = coarseRedline(from, to)
        expect(sideOf(result, 'from')).toBe(from)
        expect(sideOf(result, 'to')).toBe(to)
      }),
    )
  })
})
