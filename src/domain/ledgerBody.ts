import { hash } from 'node:crypto'

import canonicalize from 'canonicalize'

export type LedgerKind = 'acceptance' | 'notice' | 'publication' | 'policy-rules' | 'key-rotation'

/** The canonical JSON (RFC 8785) of a ledger entry: its number, kind, time and record. */
export function ledgerBody(seq: number, kind: LedgerKind, recordedAt: string, record: Record<string, unknown>): string {
  const body = canonicalize({ v: 1, seq, kind, recordedAt, record })
  if (body === undefined) throw new Error('ledger record cannot be canonicalised')
  return body
}

/** The leaf hash of an entry body, hex: SHA-256(0x00 ‖ UTF-8 body), the same as `leafHash` of
 * its bytes (U+0000 is the byte 0x00 in UTF-8), hashed in one call. */
export const entryLeafHash = (body: string): string => hash('sha256', `\0${body}`, 'hex')
