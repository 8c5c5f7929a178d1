/**
 * Words and tokens of text as redlines compare them, read by one scan over the text rather than
 * by regular expressions with Unicode property classes (`\p{L}`), which were a fifth of a long
 * redline's time. Each function gives exactly what its expression in the comments gives.
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

const width = (code: number) => (code > 0xffff ? 2 : 1)

/** Where the run of code points of the classes `inRun` that starts at `from` ends. */
function runEnd(text: string, from: number, inRun: (kind: number) => boolean): number {
  let i = from
  while (i < text.length) {
    const code = text.codePointAt(i)!
    if (!inRun(classOf(code))) break
    i += width(code)
  }
  return i
}

const isWordClass = (kind: number) => kind === ALNUM || kind === UNDERSCORE
const isSpaceClass = (kind: number) => kind === SPACE

/** Words (with `_`), line breaks, runs of other spaces and single other characters:
 * `text.match(/[\p{L}\p{N}_]+|\n|[^\S\n]+|[^\p{L}\p{N}_\s]/gu)`. */
export function inlineTokens(text: string): string[] {
  const tokens: string[] = []
  let i = 0
  while (i < text.length) {
    const code = text.codePointAt(i)!
    const kind = classOf(code)
    const end = isWordClass(kind) ? runEnd(text, i, isWordClass) : kind === SPACE ? runEnd(text, i, isSpaceClass) : i + width(code)
    tokens.push(text.slice(i, end))
    i = end
  }
  return tokens
}

/** The distinct words of a text, lower-cased, in order of first use:
 * `new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu))`. */
export function wordSet(text: string): Set<string> {
  const lower = text.toLowerCase()
  const words = new Set<string>()
  let i = 0
  while (i < lower.length) {
    const code = lower.codePointAt(i)!
    if (classOf(code) === ALNUM) {
      const end = runEnd(lower, i, (kind) => kind === ALNUM)
      words.add(lower.slice(i, end))
      i = end
    } else i += width(code)
  }
  return words
}
