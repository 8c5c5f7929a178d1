import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import Database from 'libsql'
import { describe, expect, it } from 'vitest'

import { cacheLibsqlStatements } from '../../src/db/libsqlStatementCache'
import { sqliteTransactionConnections } from '../../src/db/sqliteTransactionConnections'

function scratchFile(): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'assent-tx-')), 'a.db')
  const db = new Database(file)
  db.exec('pragma journal_mode = wal')
  db.exec('create table t (x integer unique)')
  db.close()
  return file
}

const values = (file: string) => {
  const db = new Database(file)
  try {
    return (db.prepare('select x from t order by x').all() as Array<{ x: number }>).map((r) => r.x)
  } finally {
    db.close()
  }
}

describe('sqliteTransactionConnections', () => {
  it('commits and rolls back, and a transaction that ended refuses every call, a late rollback included', async () => {
    const file = scratchFile()
    const connections = sqliteTransactionConnections(file)
    const first = connections.begin('write')
    await first.execute({ sql: 'insert into t values (?)', args: [1] })
    await first.commit()
    // The next transaction takes the connection the first gave back.
    const second = connections.begin('write')
    await second.execute({ sql: 'insert into t values (?)', args: [2] })
    // A rollback arriving late for the first (as drizzle sends one after a failed commit) must not
    // reach the second, now on the same connection.
    await first.rollback()
    await expect(first.execute({ sql: 'insert into t values (?)', args: [9] })).rejects.toThrow(/closed/)
    await second.commit()
    const third = connections.begin('write')
    await third.execute({ sql: 'insert into t values (?)', args: [3] })
    await third.rollback()
    connections.close()
    expect(values(file)).toEqual([1, 2])
  })

  it('gives back a connection whose statement failed, and the next transaction on it starts clean', async () => {
    const file = scratchFile()
    const connections = sqliteTransactionConnections(file)
    const failing = connections.begin('write')
    await failing.execute({ sql: 'insert into t values (?)', args: [1] })
    await expect(failing.execute({ sql: 'insert into t values (?)', args: [1] })).rejects.toThrow(/UNIQUE/)
    await failing.rollback()
    const next = connections.begin('write')
    await next.execute({ sql: 'insert into t values (?)', args: [5] })
    await next.commit()
    connections.close()
    expect(values(file)).toEqual([5])
  })

  it('answers SQLITE_BUSY while another connection holds the write lock, and leaves nothing open', async () => {
    const file = scratchFile()
    const other = new Database(file)
    other.exec('begin immediate')
    const connections = sqliteTransactionConnections(file)
    expect(() => connections.begin('write')).toThrow(/SQLITE_BUSY|locked/)
    other.exec('rollback')
    other.close()
    const after = connections.begin('write')
    await after.execute({ sql: 'insert into t values (?)', args: [7] })
    await after.commit()
    connections.close()
    expect(values(file)).toEqual([7])
  })
})

describe('cacheLibsqlStatements', () => {
  it('prepares a statement once per connection and text, and keeps at most 256 per connection', () => {
    cacheLibsqlStatements()
    const file = scratchFile()
    const a = new Database(file)
    const b = new Database(file)
    const text = 'select x from t where x > ?'
    expect(a.prepare(text)).toBe(a.prepare(text))
    expect(b.prepare(text)).not.toBe(a.prepare(text))
    const kept = a.prepare(text)
    for (let i = 0; i < 256; i++) a.prepare(`select ${i} as n`)
    expect(a.prepare(text)).not.toBe(kept)
    // A reused statement runs with its new parameters, after one that failed as well.
    const insert = a.prepare('insert into t values (?)')
    insert.run([1])
    expect(() => a.prepare('insert into t values (?)').run([1])).toThrow(/UNIQUE/)
    a.prepare('insert into t values (?)').run([2])
    expect(a.prepare('select x from t order by x').all()).toEqual([{ x: 1 }, { x: 2 }])
    a.close()
    b.close()
  })
})
