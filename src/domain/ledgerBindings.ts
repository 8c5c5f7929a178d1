import canonicalize from 'canonicalize'

/**
 * Stored fields that no ledger entry binds, by collection, so verification can say what it did
 * not check. They are delivery and retry bookkeeping, not evidence: when to try again, who holds
 * the lease, which retry key a host sent.
 */
export const UNBOUND_BY_DESIGN = {
  acceptances: ['idempotencyKey'],
  notices: ['lastAttemptAt', 'nextAttemptAt', 'leaseOwner', 'leaseExpiresAt'],
} as const

/** The stored field (or fields) a ledger record's key stands for, where the names differ. */
const STORED_AS: Record<string, string> = {
  acceptance: 'id',
  notice: 'id',
  contextHash: 'ip, userAgent or locale',
  replyHash: 'lastReply',
  addressHash: 'address',
  htmlHash: 'html',
}

/** The name of the stored field a record key binds. */
export const storedFieldOf = (key: string): string => STORED_AS[key] ?? key

/** Told, row by row, the stored fields of `collection` that a row's entry leaves unbound. */
export type UnboundTally = (collection: string, fields: readonly string[]) => void

/** How a stored record compares with the ledger record that binds it. */
export interface LedgerComparison {
  /** Stored fields whose value is not what the ledger recorded. */
  differing: string[]
  /** Stored fields this entry does not bind (written before the field was bound). */
  unbound: string[]
}

/**
 * Compares `actual` (the ledger record rebuilt from the stored row) with `recorded` (the one in
 * the entry) key by key, leaving out `skip`: every key the entry holds must match, and a key the
 * row has but the entry lacks is named as unbound rather than passed over in silence. Names are
 * sorted, so a report reads the same whatever order the entry's keys came in.
 */
export function compareWithLedger(actual: Record<string, unknown>, recorded: Record<string, unknown>, skip: readonly string[] = []): LedgerComparison {
  const same = (key: string) => canonicalize(actual[key] ?? null) === canonicalize(recorded[key] ?? null)
  const considered = (key: string) => !skip.includes(key)
  return {
    differing: Object.keys(recorded).filter((key) => considered(key) && !same(key)).map(storedFieldOf).sort(),
    unbound: Object.keys(actual).filter((key) => considered(key) && !(key in recorded)).map(storedFieldOf).sort(),
  }
}

/**
 * What a notice row may legitimately differ in from its last entry: a notice leased for an
 * attempt (`sending`) has the attempt charged and no outcome yet, so status and attempts move
 * ahead of the ledger; erasure removes the address and scrubs it from the SMTP reply.
 */
export function noticeSkips(row: { status?: string | null }, erased: boolean): string[] {
  return [...(row.status === 'sending' ? ['status', 'attempts'] : []), ...(erased ? ['addressHash', 'replyHash'] : [])]
}
