import { readFileSync } from 'node:fs'
import path from 'node:path'

/** A small seeded PRNG (mulberry32), so every run compares the same texts. */
export function random(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const WORDS = ['promptly', 'securely', 'lawfully', 'retained', 'processed', 'disclosed', 'anonymised', 'encrypted', 'partners', 'processors', 'regulators', 'thirty', 'ninety', 'days', 'months']

/** Edits `count` paragraphs (a word or two replaced), inserts and deletes some, moves some. */
function revise(lines: string[], next: () => number, counts: { edits: number; inserts: number; deletes: number; moves: number }): string[] {
  const out = [...lines]
  const paragraphs = () => out.map((l, i) => [l, i] as const).filter(([l]) => l.length > 80).map(([, i]) => i)
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]
  for (let e = 0; e < counts.edits; e++) {
    const i = pick(paragraphs())
    const words = out[i].split(' ')
    for (let w = 0; w < 1 + Math.floor(next() * 2); w++) words[Math.floor(next() * words.length)] = pick(WORDS)
    out[i] = words.join(' ')
  }
  for (let e = 0; e < counts.inserts; e++) out.splice(pick(paragraphs()), 0, `We also keep a record of each request for ${pick(WORDS)} ${pick(WORDS)}, as the law requires (clause ${e + 1}).`, '')
  for (let e = 0; e < counts.deletes; e++) out.splice(pick(paragraphs()), 1)
  for (let e = 0; e < counts.moves; e++) {
    const from = pick(paragraphs())
    const [line] = out.splice(from, 1)
    out.splice(pick(paragraphs()), 0, line)
  }
  return out
}

/** Three revisions of a ~60 KB privacy policy (the seed text five times over, clauses numbered):
 * the base, a neighbouring revision (a handful of changes) and a far one (hundreds). */
export function revisionTexts(root: string): { base: string; near: string; far: string } {
  const seed = readFileSync(path.join(root, 'src/seed/content/privacy-2.md'), 'utf8').split('\n').slice(1)
  const lines = ['# Privacy Policy', '']
  for (let part = 1; part <= 5; part++) {
    lines.push(`## Part ${part}`, '')
    let clause = 0
    for (const line of seed) lines.push(line.length > 80 && !line.startsWith('#') ? `${part}.${++clause} ${line}` : line.replace(/^(#+) /, '$1# '))
  }
  const next = random(20261128)
  const near = revise(lines, next, { edits: 4, inserts: 1, deletes: 1, moves: 0 })
  const far = revise(lines, next, { edits: 120, inserts: 20, deletes: 12, moves: 6 })
  return { base: lines.join('\n'), near: near.join('\n'), far: far.join('\n') }
}
