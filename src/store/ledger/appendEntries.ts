import { entryLeafHash, ledgerBody, type LedgerKind } from '../../domain/ledgerBody'

/** One record to enter the ledger. */
export interface LedgerAppend {
  kind: LedgerKind
  record: Record<string, unknown>
}

/** An entry as the ledger stores it: numbered, its canonical body and that body's leaf hash. */
export interface LedgerRow {
  seq: number
  kind: LedgerKind
  body: string
  leafHash: string
  recordedAt: string
  /** The subject the record is about, when it names one (kept beside the body, for lookup). */
  subject: string | null
}

/**
 * The database-specific half of an append, bound to one transaction. On Assent's own SQLite
 * connection its steps are synchronous (`sync: true`: the write transaction must not yield),
 * elsewhere they return promises.
 */
export interface Ledger<Sync extends boolean = boolean> {
  sync: Sync
  /** Makes this transaction the ledger's only appender until it ends (a lock where the database
   * lets several write at once) and returns the last number handed out, 0 when the ledger is empty. */
  lastSeq: () => Sync extends true ? number : Promise<number>
  /** Stores entries numbered after `lastSeq`, in this transaction. */
  insert: (rows: readonly LedgerRow[]) => Sync extends true ? void : Promise<void>
}

/** The subject a record names, as text (ids are numbers on SQL databases, strings on MongoDB). */
const subjectOf = (record: Record<string, unknown>): string | null =>
  typeof record.subject === 'number' || typeof record.subject === 'string' ? String(record.subject) : null

/** `f` of `value`: at once for a plain value, once it settles for a promise. */
const then = <T, U>(value: T | Promise<T>, f: (value: T) => U | Promise<U>): U | Promise<U> =>
  value instanceof Promise ? value.then(f) : f(value)

/**
 * The ledger append, the only one: inside the caller's transaction, so the entries and the
 * records they describe commit together or not at all, it locks the ledger (`lastSeq`), numbers
 * the entries after the last one without gaps, builds each canonical body and its leaf hash, and
 * stores them. `recordedAt` defaults to the time the lock was taken; a caller stamping its own rows
 * with one time passes it.
 * Returns the entries as stored (for receipts).
 */
export function appendEntries(ledger: Ledger<true>, entries: readonly LedgerAppend[], recordedAt?: string): LedgerRow[]
export function appendEntries(ledger: Ledger<false>, entries: readonly LedgerAppend[], recordedAt?: string): Promise<LedgerRow[]>
export function appendEntries(ledger: Ledger, entries: readonly LedgerAppend[], recordedAt?: string): LedgerRow[] | Promise<LedgerRow[]> {
  if (entries.length === 0) return ledger.sync ? [] : Promise.resolve([])
  return then(ledger.lastSeq(), (last) => {
    // Read once the lock is held, so times follow numbers however long the wait was.
    const at = recordedAt ?? new Date().toISOString()
    const rows = entries.map(({ kind, record }, i): LedgerRow => {
      const body = ledgerBody(last + 1 + i, kind, at, record)
      return { seq: last + 1 + i, kind, body, leafHash: entryLeafHash(body), recordedAt: at, subject: subjectOf(record) }
    })
    return then(ledger.insert(rows), () => rows)
  })
}
