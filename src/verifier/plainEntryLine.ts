const QUOTE = 0x22
const BACKSLASH = 0x5c
const HEAD = Buffer.from('{"seq":')
const MIDDLE = Buffer.from(',"body":"')
const TAIL = Buffer.from('","leafHash":"')
const HEX_DIGITS = 64

/** What each byte does inside the body's quotes: printable ASCII is copied, a quote ends it, a
 * backslash escapes; a control character is not JSON and a byte over 0x7e is left to the JSON
 * path (which reads it as UTF-8), so both refuse the line here. */
const COPIED = 0
const ENDS = 1
const ESCAPES = 2
const REFUSED = 3
const KIND = new Uint8Array(256).fill(REFUSED).fill(COPIED, 0x20, 0x7f)
KIND[QUOTE] = ENDS
KIND[BACKSLASH] = ESCAPES

/** Whether `buf` holds `expected` from `at`. */
function holds(buf: Uint8Array, at: number, expected: Uint8Array): boolean {
  for (let i = 0; i < expected.length; i++) if (buf[at + i] !== expected[i]) return false
  return true
}

/** The byte after the number of `position` written in decimal from `at`, or -1. */
function afterNumber(buf: Uint8Array, at: number, end: number, position: number): number {
  let value = 0
  let digits = 0
  // Never a leading zero (not JSON), never more digits than a safe integer has.
  if (buf[at] === 0x30) return -1
  for (; at < end && buf[at] >= 0x30 && buf[at] <= 0x39 && digits < 16; at++, digits++) value = value * 10 + buf[at] - 0x30
  return digits > 0 && value === position ? at : -1
}

/**
 * Reads a bundle line the way the export writes it, `{"seq":N,"body":"…","leafHash":"…"}`, without
 * parsing it as JSON: when the line `buf` holds from `from` to `end` is exactly that, entry
 * `position`, all ASCII, its body's only escape `\"` and its leaf hash 64 characters, the body's
 * bytes (what `JSON.parse` of the line would give, encoded as UTF-8) are written to `into` from
 * byte 1 and their number returned; the leaf hash is the 64 bytes before the line's last two.
 * Any other line gives -1: it is read as JSON, as before, so what such a line reports is unchanged.
 */
export function plainEntryLine(buf: Uint8Array, from: number, end: number, position: number, into: Uint8Array): number {
  if (end - from > into.length || !holds(buf, from, HEAD)) return -1
  let at = afterNumber(buf, from + HEAD.length, end, position)
  if (at === -1 || !holds(buf, at, MIDDLE)) return -1
  at += MIDDLE.length
  let length = 0
  for (; at < end; at++) {
    const byte = buf[at]
    const kind = KIND[byte]
    if (kind !== COPIED) {
      if (kind === ENDS) break
      if (kind === REFUSED || buf[at + 1] !== QUOTE) return -1
      at++
    }
    into[++length] = buf[at]
  }
  if (!holds(buf, at, TAIL) || at + TAIL.length + HEX_DIGITS + 2 !== end) return -1
  return buf[end - 2] === QUOTE && buf[end - 1] === 0x7d ? length : -1
}
