import { hash } from 'node:crypto'

/** The leaf hash of an entry body, hex: SHA-256(0x00 ‖ UTF-8 body), the same as `leafHash` of
 * its bytes (U+0000 is the byte 0x00 in UTF-8), hashed in one call. On its own, without the
 * canonicaliser, so a verification thread loads only what it runs. */
export const entryLeafHash = (body: string): string => hash('sha256', `\0${body}`, 'hex')
