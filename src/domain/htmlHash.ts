import { createHash } from 'node:crypto'

/** SHA-256 (hex) of a frozen page's HTML, byte for byte: what the Legal Center shows of a text
 * (no canonical form: any change to what is served is a change). */
export function htmlHash(html: string): string {
  return createHash('sha256').update(html, 'utf8').digest('hex')
}
