import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { nativeRowQuery, openNativeSqlite } from '../../src/db/nativeSqlite'
import { threadedSqliteReads } from '../../src/db/threadedSqliteReads'

/** A SQLite file with a table of three rows, written through this thread's connection. */
async function file() {
  const dbPath = path.join(mkdtempSync(path.join(tmpdir(), 'assent-reads-')), 'a.db')
  const native = openNativeSqlite(`file:${dbPath}`)
  native.db.exec('pragma journal_mode = wal')
  const query = nativeRowQuery(native)
  await query('create table t (id integer primary key, name text)', [])
  await query('insert into t (name) values (?), (?), (?)', ['a', 'b', null])
  return { dbPath, native, query }
}

describe('reads of a SQLite file on a thread of their own', () => {
  it('give the rows this thread reads, and see what it commits after they started', async () => {
    const { dbPath, native, query } = await file()
    const reads = threadedSqliteReads(dbPath)
    try {
      const sql = 'select id, name from t where id > ? order by id'
      expect(await reads.query(sql, [1])).toEqual(await query(sql, [1]))
      expect(await reads.query(sql, [0])).toEqual([{ id: 1, name: 'a' }, { id: 2, name: 'b' }, { id: 3, name: null }])
      await query('insert into t (name) values (?)', ['d'])
      expect(await reads.query('select count(*) as n from t', [])).toEqual([{ n: 4 }])
      // Several asked at once come back each to its own caller.
      const answers = await Promise.all([1, 2, 3, 4].map((id) => reads.query('select name from t where id = ?', [id])))
      expect(answers).toEqual([[{ name: 'a' }], [{ name: 'b' }], [{ name: null }], [{ name: 'd' }]])
    } finally {
      await reads.close()
      native.db.close()
    }
  })

  it('refuse a write and a malformed statement with the database error, and every read once closed', async () => {
    const { dbPath, native } = await file()
    const reads = threadedSqliteReads(dbPath)
    try {
      await expect(reads.query("insert into t (name) values ('x')", [])).rejects.toThrow(/readonly/i)
      await expect(reads.query('select name from nowhere', [])).rejects.toThrow(/no such table/)
      expect(await reads.query('select count(*) as n from t', [])).toEqual([{ n: 3 }])
    } finally {
      await reads.close()
      native.db.close()
    }
    await expect(reads.query('select 1 as one', [])).rejects.toThrow('the SQLite read thread stopped')
  })

  it('start no thread for a reader that closes before reading', async () => {
    // A file that cannot be opened: a started thread would fail to open it.
    const reads = threadedSqliteReads(path.join(tmpdir(), 'no-such-folder-for-assent', 'a.db'))
    await reads.close()
    await expect(reads.query('select 1 as one', [])).rejects.toThrow('the SQLite read thread stopped')
  })
})
