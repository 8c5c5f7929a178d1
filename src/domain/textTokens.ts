/**
 * Words and tokens of text as redlines compare them, read by one scan over the text rather than
 * by regular expressions with Unicode property classes (`\p{L}`), which were a fifth of a long
 * redline's time. Each function reads exactly what the expression in its comment reads.
 */

const OTHER = 0
/** A letter or digit (`\p{L}`, `\p{N}`). */
const ALNUM = 1
const UNDERSCORE = 2
const NEWLINE = 3
/** White space other than a line break (`\s`). */
const SPACE = 4

const IS_ALNUM = /^[\p{L}\p{N}]$/u
const IS_SPACE = /^\s$/u

const classify = (char: string) => (char === '\n' ? NEWLINE : char === '_' ? UNDERSCORE : IS_ALNUM.test(char) ? ALNUM : IS_SPACE.test(char) ? SPACE : OTHER)

const ASCII = Uint8Array.from({ length: 128 }, (_, code) => classify(String.fromCharCode(code)))
/** Classes of the code points past ASCII met so far: few in any text, each tested once. */
const beyondAscii = new Map<number, number>()

function classOf(code: number): number {
  if (code < 128) return ASCII[code]
  let found = beyondAscii.get(code)
  if (found === undefined) {
    found = classify(String.fromCodePoint(code))
    beyondAscii.set(code, found)
  }
  return found
}

/** The class of the code point at `i`, and how many UTF-16 units it takes: ASCII without a
 * call to `codePointAt`, which most of any text is. */
function classAt(text: string, i: number): number {
  const unit = text.charCodeAt(i)
  return unit < 128 ? ASCII[unit] : classOf(text.codePointAt(i)!)
}

const widthAt = (text: string, i: number) => (text.charCodeAt(i) >= 0xd800 && text.codePointAt(i)! > 0xffff ? 2 : 1)

/** Where the run of code points of class `a` or `b` that starts at `from` ends. */
function runEnd(text: string, from: number, a: number, b: number): number {
  let i = from
  while (i < text.length) {
    const kind = classAt(text, i)
    if (kind !== a && kind !== b) break
    i += widthAt(text, i)
  }
  return i
}

/** Words (with `_`), line breaks, runs of other spaces and single other characters:
 * `text.match(/[\p{L}\p{N}_]+|\n|[^\S\n]+|[^\p{L}\p{N}_\s]/gu)`. */
export function inlineTokens(text: string): string[] {
  const tokens: string[] = []
  let i = 0
  while (i < text.length) {
    const kind = classAt(text, i)
    const end = kind === ALNUM || kind === UNDERSCORE ? runEnd(text, i, ALNUM, UNDERSCORE) : kind === SPACE ? runEnd(text, i, SPACE, SPACE) : i + widthAt(text, i)
    tokens.push(text.slice(i, end))
    i = end
  }
  return tokens
}

/** The distinct words of a text, lower-cased (`text.toLowerCase().match(/[\p{L}\p{N}]+/gu)`), each
 * as a 31-bit hash of its code units (FNV-1a): for counting the words two texts share, where a
 * rare collision only nudges a similarity, without building a string per word. */
export function wordHashes(text: string): Set<number> {
  const lower = text.toLowerCase()
  const words = new Set<number>()
  let i = 0
  while (i < lower.length) {
    if (classAt(lower, i) !== ALNUM) {
      i += widthAt(lower, i)
      continue
    }
    let hash = 0x811c9dc5
    while (i < lower.length && classAt(lower, i) === ALNUM) {
      const width = widthAt(lower, i)
      hash = Math.imul(hash ^ lower.charCodeAt(i), 0x01000193)
      if (width === 2) hash = Math.imul(hash ^ lower.charCodeAt(i + 1), 0x01000193)
      i += width
    }
    words.add(hash & 0x7fffffff)
  }
  return words
}
