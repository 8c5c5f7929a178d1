import canonicalize from 'canonicalize'

export type LedgerKind = 'acceptance' | 'notice' | 'publication' | 'translation' | 'policy-rules' | 'key-rotation' | 'subject'

/** The canonical JSON (RFC 8785) of a ledger entry: its number, kind, time and record. */
export function ledgerBody(seq: number, kind: LedgerKind, recordedAt: string, record: Record<string, unknown>): string {
  const body = canonicalize({ v: 1, seq, kind, recordedAt, record })
  if (body === undefined) throw new Error('ledger record cannot be canonicalised')
  return body
}

export { entryLeafHash } from './entryLeafHash'
