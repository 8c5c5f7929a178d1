import type { Payload } from 'payload'

type TransactionId = string | number | null
type Adapter = {
  name: string
  busyTimeout?: number
  client: { transaction: (mode?: string) => Promise<unknown>; execute: (sql: string) => Promise<unknown> }
  beginTransaction: (options?: unknown) => Promise<TransactionId>
  commitTransaction: (id: TransactionId | Promise<TransactionId>) => Promise<void>
  rollbackTransaction: (id: TransactionId | Promise<TransactionId>) => Promise<void>
}

/**
 * Makes Payload's SQLite transactions in this process take turns, and wait for other processes.
 *
 * Payload begins each transaction with BEGIN IMMEDIATE on a connection of its own. Two at once in
 * one process made the second fail at once with SQLITE_BUSY, or, with a busy timeout, block the
 * event loop the first one needs to finish. Here the second waits (asynchronously) until the first
 * commits or rolls back. And libsql opens a new connection after handing one to a transaction,
 * without the busy timeout Payload set on the first: each new one gets it, so a transaction
 * waits for another process's (a notice worker's, say) instead of failing.
 */
const taking = new WeakSet<object>()
const TURN_TIMEOUT_MS = 60_000

export function takeTurnsOnSqlite(payload: Payload): void {
  const db = payload.db as unknown as Adapter
  if (db.name !== 'sqlite' || taking.has(db)) return
  taking.add(db)

  const timeout = db.busyTimeout ?? 5000
  const transaction = db.client.transaction.bind(db.client)
  db.client.transaction = async (mode) => {
    const handed = await transaction(mode)
    await db.client.execute(`PRAGMA busy_timeout = ${timeout}`)
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
  db.commitTransaction = ending(commit)
  db.rollbackTransaction = ending(rollback)
}
