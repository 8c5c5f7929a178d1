/**
 * Whether JSON `text` nests arrays and objects more than `limit` levels deep. One pass without
 * recursion and without parsing, so a body that would overflow the stack of whoever walks it
 * (Payload's field traversal) is measured safely first. Brackets inside strings do not count.
 */
export function jsonNestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 0x5c) i++ // a backslash escapes the next character, a quote included
      else if (c === 0x22) inString = false
    } else if (c === 0x22) inString = true
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true
    } else if (c === 0x5d || c === 0x7d) depth--
  }
  return false
}
