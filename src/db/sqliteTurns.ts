import type { Payload } from 'payload'

import { untilNoWriterWaits, whileBusy, yieldWhenSliceIsUsed } from './sqliteBusy'
import { cacheLibsqlStatements } from './libsqlStatementCache'
import { sqliteTransactionConnections, type HandedTransaction } from './sqliteTransactionConnections'
import { SYNC_BY_WAL_DURABILITY, sqlitePath, walSync } from './walDurability'

type TransactionId = string | number | null
type Statement = unknown
interface Client {
  execute: (statement: Statement, args?: unknown) => Promise<unknown>
  batch: (statements: Statement[], mode?: string) => Promise<unknown>
  migrate: (statements: Statement[]) => Promise<unknown>
  transaction: (mode?: string) => Promise<HandedTransaction>
  close: () => void
}
type Adapter = {
  name: string
  client: Client
  clientConfig: { url: string }
  /** Payload's open transactions: drizzle's, over libsql's (`session.tx`). */
  sessions: Record<string, { db?: { session?: { tx?: HandedTransaction } } } | undefined>
  beginTransaction: (options?: unknown) => Promise<TransactionId>
  commitTransaction: (id: TransactionId | Promise<TransactionId>) => Promise<void>
  rollbackTransaction: (id: TransactionId | Promise<TransactionId>) => Promise<void>
}

const taking = new WeakSet<object>()
/** libsql transactions whose COMMIT went through. */
const committed = new WeakSet<HandedTransaction>()
const TURN_TIMEOUT_MS = 60_000
const NO_WAIT = 'PRAGMA busy_timeout = 0'

/**
 * Makes every write Payload sends to SQLite take its turn without ever blocking the event loop.
 *
 * SQLite waits for a lock synchronously: with a busy timeout, a statement on one connection that
 * meets another connection's write lock stops the whole process until the timeout, and the other
 * connection, which this process owns, cannot finish meanwhile (Payload's forgot-password
 * reservation and the workers' lease updates froze the server for 5 s, then failed). So here every
 * connection is told of a taken lock at once (busy timeout 0) and each statement, batch and BEGIN
 * waits for the lock asynchronously (`whileBusy`), with priority over new transactions. And
 * Payload's transactions (BEGIN IMMEDIATE, on connections kept for transactions, see
 * sqliteTransactionConnections.ts) take turns in this process: the second waits until the first
 * commits or rolls back. Every libsql connection prepares each statement once
 * (libsqlStatementCache.ts).
 */
export async function takeTurnsOnSqlite(payload: Payload): Promise<void> {
  const db = payload.db as unknown as Adapter
  if (db.name !== 'sqlite' || taking.has(db)) return
  taking.add(db)
  cacheLibsqlStatements()

  const client = db.client
  const execute = client.execute.bind(client)
  const batch = client.batch.bind(client)
  const migrate = client.migrate.bind(client)
  const transaction = client.transaction.bind(client)
  const path = sqlitePath(db.clientConfig.url)
  /** What each new connection of the client is told: wait for no lock, leave syncing to walSync. */
  const prepareConnection = async () => {
    await execute(NO_WAIT)
    if (path) await execute(SYNC_BY_WAL_DURABILITY)
  }
  await prepareConnection()
  // In memory (tests), connections share one cache whose table locks a reader meets at once
  // (SQLITE_LOCKED), with no snapshot to read instead: there a transaction runs to its end unbroken.
  const turn = path ? yieldWhenSliceIsUsed : async () => undefined
  // A statement that met SQLITE_BUSY stays open mid-way (libsql prepares one per call and never
  // resets it), and with it a stale read of the connection: that connection's next COMMIT fails
  // with "SQL statements in progress", which Payload's commit swallows, losing the transaction's
  // writes although the request answered 201. So the client drops that connection: libsql hands
  // its connection to a transaction, rolled back here at once, and opens a fresh one.
  const dropConnection = async () => {
    try {
      ;(await transaction('deferred')).close()
    } finally {
      await prepareConnection()
    }
  }
  const busy = { afterBusy: dropConnection }
  client.execute = async (statement, args) => {
    await turn()
    const result = await whileBusy(() => execute(statement, args), busy)
    if (((result as { rowsAffected?: number }).rowsAffected ?? 0) > 0) await walSync(path)
    return result
  }
  client.batch = async (statements, mode) => {
    await turn()
    const results = await whileBusy(() => batch(statements, mode), busy)
    await walSync(path)
    return results
  }
  client.migrate = async (statements) => {
    const results = await whileBusy(() => migrate(statements), busy)
    await walSync(path)
    return results
  }
  // On a file, transactions reuse connections of their own (sqliteTransactionConnections.ts); in
  // memory, where each new connection would be another database, libsql's own way is kept.
  const connections = path ? sqliteTransactionConnections(path) : undefined
  const close = client.close.bind(client)
  client.close = () => {
    connections?.close()
    close()
  }
  client.transaction = async (mode) => {
    let handed: HandedTransaction
    if (connections) handed = await whileBusy(() => connections.begin(mode))
    else {
      handed = await whileBusy(() => transaction(mode), busy)
      // libsql opened a new connection for the client's next statement: it must not block either.
      await prepareConnection()
    }
    const run = handed.execute.bind(handed)
    const runAll = handed.batch.bind(handed)
    const commit = handed.commit.bind(handed)
    handed.execute = async (statement, args) => {
      await turn()
      return run(statement, args)
    }
    handed.batch = async (statements) => {
      await turn()
      return runAll(statements)
    }
    handed.commit = async () => {
      await turn()
      await commit()
      await walSync(path)
      committed.add(handed)
    }
    return handed
  }

  const begin = db.beginTransaction.bind(db)
  const commit = db.commitTransaction.bind(db)
  const rollback = db.rollbackTransaction.bind(db)
  const ends = new Map<TransactionId, () => void>()
  let last: Promise<void> = Promise.resolve()

  db.beginTransaction = async (options) => {
    const previous = last
    let end!: () => void
    last = new Promise<void>((resolve) => (end = resolve))
    // A transaction that never ends (code that starts one inside another without passing its
    // req) would hold every later one: fail loudly instead of waiting forever.
    let timer: NodeJS.Timeout | undefined
    const stuck = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`a SQLite transaction waited ${TURN_TIMEOUT_MS / 1000} s for the one before it to finish`)), TURN_TIMEOUT_MS)
    })
    try {
      await Promise.race([previous, stuck])
      await Promise.race([untilNoWriterWaits(), stuck])
    } catch (error) {
      end()
      throw error
    } finally {
      clearTimeout(timer)
    }
    let id: TransactionId
    try {
      id = await begin(options)
    } catch (error) {
      end()
      throw error
    }
    if (id === null) end()
    else ends.set(id, end)
    return id
  }
  const ending = (finish: typeof commit) => async (incoming: TransactionId | Promise<TransactionId>) => {
    const id = await incoming
    try {
      await finish(id)
    } finally {
      ends.get(id)?.()
      ends.delete(id)
    }
  }
  db.rollbackTransaction = ending(rollback)
  // Payload's commit rolls back and returns quietly when SQLite refuses the COMMIT: the request
  // would report writes that are gone. Here that is an error, as it is.
  const commitOrRollback = ending(commit)
  db.commitTransaction = async (incoming) => {
    const id = await incoming
    const handed = id === null ? undefined : db.sessions[String(id)]?.db?.session?.tx
    await commitOrRollback(id)
    if (handed && !committed.has(handed)) throw new Error('SQLite did not commit the transaction: its writes were rolled back')
  }
}
