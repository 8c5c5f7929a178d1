import Database from 'libsql'
import { Sqlite3Transaction } from '@libsql/client/sqlite3'

import { SYNC_BY_WAL_DURABILITY } from './walDurability'

/** What Payload's transactions run on: libsql's transaction over a connection of ours. */
export interface HandedTransaction {
  execute: (statement: unknown, args?: unknown) => Promise<unknown>
  batch: (statements: unknown[]) => Promise<unknown>
  commit: () => Promise<void>
  rollback: () => Promise<void>
  close: () => void
}

const BEGIN: Record<string, string> = { write: 'BEGIN IMMEDIATE', deferred: 'BEGIN DEFERRED', read: 'BEGIN TRANSACTION READONLY' }
/** Idle connections kept: Payload's transactions on one process take turns (sqliteTurns.ts), so
 * one is in use at a time and a second covers the moment between two. */
const IDLE_KEPT = 2

const closed = () => Object.assign(new Error('The transaction is closed'), { code: 'TRANSACTION_CLOSED' })

/**
 * Connections for Payload's transactions on the SQLite file at `path`, reused from one transaction
 * to the next. libsql's client hands its connection to each transaction and opens a new one for
 * what follows, never closing the one it handed: every transaction then paid for a new
 * connection (the schema parsed again, the page cache cold), and the connections, closed only
 * when the garbage collector came round, held the process's memory (a publication's outbox drain
 * grew past 1.7 GB at 10,000 subjects). Here a transaction takes an idle connection, and gives it
 * back once committed or rolled back; after that its handle refuses every call, so a late
 * rollback cannot reach the next transaction on the same connection.
 */
export function sqliteTransactionConnections(path: string) {
  const idle: Database.Database[] = []
  const open = (): Database.Database => {
    const connection = new Database(path)
    connection.exec('PRAGMA busy_timeout = 0')
    connection.exec(SYNC_BY_WAL_DURABILITY)
    return connection
  }
  const giveBack = (connection: Database.Database) => {
    if (connection.open && !connection.inTransaction && idle.length < IDLE_KEPT) idle.push(connection)
    else if (connection.open) connection.close()
  }

  return {
    /** BEGINs a transaction of `mode` on an idle connection (or a new one). Throws SQLITE_BUSY as
     * libsql does when another connection holds the write lock; the connection stays idle. */
    begin(mode = 'write'): HandedTransaction {
      const connection = idle.pop() ?? open()
      try {
        connection.exec(BEGIN[mode] ?? BEGIN.write)
      } catch (error) {
        giveBack(connection)
        throw error
      }
      const transaction = new Sqlite3Transaction(connection as never, 'number')
      let released = false
      const ending = <A extends unknown[]>(finish: (...args: A) => Promise<void>) => async (...args: A) => {
        if (released) return
        try {
          await finish(...args)
        } finally {
          released = true
          giveBack(connection)
        }
      }
      const whileHeld = <A extends unknown[], R>(run: (...args: A) => Promise<R>) => (...args: A): Promise<R> => (released ? Promise.reject(closed()) : run(...args))
      return {
        execute: whileHeld((statement: unknown, args?: unknown) => transaction.execute(statement as never, args as never)),
        batch: whileHeld((statements: unknown[]) => transaction.batch(statements as never)),
        commit: ending(transaction.commit.bind(transaction)),
        rollback: ending(transaction.rollback.bind(transaction)),
        close: () => void ending(async () => transaction.close())(),
      }
    },
    /** Closes the idle connections (the database is being closed). */
    close(): void {
      for (const connection of idle.splice(0)) connection.close()
    },
  }
}
