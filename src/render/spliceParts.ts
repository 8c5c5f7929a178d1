import { randomUUID } from 'node:crypto'

// Escaped text can never hold it, and it differs at every start.
const MARK = `<!--part-${randomUUID()}:`

/**
 * A page around parts already encoded in UTF-8 (a long redline): `render` gets a placeholder for
 * each part, and the page's bytes are the rendering with each placeholder replaced by its part's
 * bytes. Megabytes of redline are never turned back into text, joined into one and encoded
 * again on the thread that answers requests.
 */
export function spliceParts(render: (placeholders: Record<string, string>) => string, parts: Record<string, Uint8Array | undefined>): Buffer {
  const names = Object.keys(parts)
  const page = render(Object.fromEntries(names.map((name) => [name, `${MARK}${name}-->`])))
  const pieces: Uint8Array[] = []
  let rest = page
  for (let at = rest.indexOf(MARK); at >= 0; at = rest.indexOf(MARK)) {
    const end = rest.indexOf('-->', at)
    const part = parts[rest.slice(at + MARK.length, end)]
    pieces.push(Buffer.from(rest.slice(0, at)), part ?? new Uint8Array())
    rest = rest.slice(end + 3)
  }
  pieces.push(Buffer.from(rest))
  return Buffer.concat(pieces)
}
