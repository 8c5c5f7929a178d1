import canonicalize from 'canonicalize'

import { leafHash } from './merkle'

export type LedgerKind = 'acceptance' | 'notice'

/** The canonical JSON (RFC 8785) of a ledger entry: its number, kind, time and record. */
export function ledgerBody(seq: number, kind: LedgerKind, recordedAt: string, record: Record<string, unknown>): string {
  const body = canonicalize({ v: 1, seq, kind, recordedAt, record })
  if (body === undefined) throw new Error('ledger record cannot be canonicalised')
  return body
}

/** The leaf hash of an entry body, hex: SHA-256(0x00 ‖ UTF-8 body). */
export const entryLeafHash = (body: string): string => leafHash(Buffer.from(body, 'utf8')).toString('hex')
