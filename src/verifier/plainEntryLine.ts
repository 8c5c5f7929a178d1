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

/** Each lowercase hex digit's value, -1 for any other byte (an uppercase digit, which the JSON
 * path compares as text, is left to it). */
const HEX = new Int8Array(256).fill(-1)
for (let digit = 0; digit < 16; digit++) HEX[digit.toString(16).charCodeAt(0)] = digit

/** Writes the 32 bytes that 64 lowercase hex digits in `buf` from `at` give to `into` from
 * `offset`; false (with `into` part written) when they are not that. */
function hexInto(buf: Uint8Array, at: number, into: Uint8Array, offset: number): boolean {
  for (let i = 0; i < HEX_DIGITS / 2; i++) {
    const high = HEX[buf[at + 2 * i]]
    const low = HEX[buf[at + 2 * i + 1]]
    if (high === -1 || low === -1) return false
    into[offset + i] = (high << 4) | low
  }
  return true
}

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
 * byte 1 and their number returned, and the leaf hash (64 lowercase hex digits) to `leaves` from
 * byte `leafAt`, as 32 bytes.
 * Any other line gives -1: it is read as JSON, as before, so what such a line reports is unchanged.
 */
export function plainEntryLine(buf: Uint8Array, from: number, end: number, position: number, into: Uint8Array, leaves: Uint8Array, leafAt: number): number {
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
  if (buf[end - 2] !== QUOTE || buf[end - 1] !== 0x7d) return -1
  return hexInto(buf, end - 2 - HEX_DIGITS, leaves, leafAt) ? length : -1
}
