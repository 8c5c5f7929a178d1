import { createHash } from 'node:crypto'

import { canonicalText } from './canonicalText'

/** SHA-256 (hex) of the canonical text: the fingerprint of exactly what a subject was shown. */
export function contentHash(text: string): string {
  return createHash('sha256').update(canonicalText(text), 'utf8').digest('hex')
}
