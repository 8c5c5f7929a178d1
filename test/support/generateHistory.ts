import { readFileSync } from 'node:fs'

/** A deterministic pseudo-random generator (mulberry32), so generated histories repeat. */
function random(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const phrases = ['subject to applicable law', 'where required', 'as described in our Cookie Notice', 'for no longer than necessary', 'including our affiliates', 'on a lawful basis', 'without undue delay']

/**
 * A long policy history as real ones are: `count` dated revisions of a ~`targetBytes` Markdown
 * document (built from the seed privacy policy), each editing, inserting, deleting or moving a
 * few paragraphs of the one before.
 */
export function generateHistory(count: number, targetBytes = 56_000, seed = 7): { name: string; markdown: string }[] {
  const base = readFileSync(new URL('../../src/seed/content/privacy-2.md', import.meta.url), 'utf8')
  const sections = base.split(/\n(?=## )/)
  let lines: string[] = ['# Privacy Policy', '']
  for (let copy = 1; lines.join('\n').length < targetBytes; copy++) {
    lines.push(...sections.slice(1).map((s) => s.replace(/^## (.*)$/m, `## ${copy}. $1`)).join('\n').split('\n'), '')
  }
  const rand = random(seed)
  const pick = (n: number) => Math.floor(rand() * n)
  const revisions: { name: string; markdown: string }[] = []
  const start = Date.UTC(2015, 0, 1)
  for (let i = 0; i < count; i++) {
    if (i > 0) {
      for (let edits = 1 + pick(6); edits > 0; edits--) {
        const at = pick(lines.length)
        const kind = pick(5)
        if (kind === 0 && lines[at]) lines[at] = `${lines[at].replace(/\.$/, '')}, ${phrases[pick(phrases.length)]}.`
        else if (kind === 1) lines.splice(at, 0, '', `We added this paragraph in revision ${i + 1} to explain ${phrases[pick(phrases.length)]}.`)
        else if (kind === 2 && lines[at] && !lines[at].startsWith('#')) lines.splice(at, 1)
        else if (kind === 3) lines.splice(pick(lines.length), 0, ...lines.splice(at, 1))
        else if (lines[at]) lines[at] = lines[at].replace(/\b(we|our|data)\b/, (w) => w.toUpperCase())
      }
    }
    const date = new Date(start + i * 45 * 86_400_000).toISOString().slice(0, 10)
    revisions.push({ name: `${date}-privacy.md`, markdown: `${lines.join('\n')}\n` })
  }
  return revisions
}
