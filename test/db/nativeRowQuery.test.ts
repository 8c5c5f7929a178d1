import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { nativeRowQuery, openNativeSqlite } from '../../src/db/nativeSqlite'

const openQuery = () => {
  const native = openNativeSqlite(`file:${path.join(mkdtempSync(path.join(tmpdir(), 'assent-rows-')), 'a.db')}`)
  native.db.exec('pragma journal_mode = wal')
  return { native, query: nativeRowQuery(native) }
}

describe('nativeRowQuery', () => {
  it('reads every row, one row of a text ending in limit 1, and nothing of a write', async () => {
    const { native, query } = openQuery()
    await query('create table t (id integer primary key, name text)', [])
    expect(await query('insert into t (name) values (?), (?), (?)', ['a', 'b', null])).toEqual([])
    expect(await query('select id, name from t order by id', [])).toEqual([{ id: 1, name: 'a' }, { id: 2, name: 'b' }, { id: 3, name: null }])
    expect(await query('select id, name from t where id > ? order by id limit 1', [1])).toEqual([{ id: 2, name: 'b' }])
    expect(await query('select id from t where name = ? LIMIT 1 ', ['none'])).toEqual([])
    // A single null parameter is a positional one, whichever way the statement runs.
    expect(await query('select count(*) as n from t where name is ? limit 1', [null])).toEqual([{ n: 1 }])
    // Only a trailing limit of exactly one reads a single row.
    expect(await query('select id from t order by id limit 10', [])).toHaveLength(3)
    expect(await query("select id from t where name <> 'limit 1' order by id", [])).toHaveLength(2)
    native.db.close()
  })
})
