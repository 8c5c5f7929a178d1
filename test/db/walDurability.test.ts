import { mkdtempSync } from 'node:fs'
import { open } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

import Database from 'libsql'
import { describe, expect, it, vi } from 'vitest'

import { closeWalSync, sqlitePath, walSync } from '../../src/db/walDurability'

describe('sqlitePath', () => {
  it('reads the file of a SQLite URL, and none for memory', () => {
    expect(sqlitePath('file:./data/assent.db')).toBe('./data/assent.db')
    expect(sqlitePath('file:/srv/assent.db?mode=rwc')).toBe('/srv/assent.db')
    expect(sqlitePath('file::memory:?cache=shared')).toBeUndefined()
  })
})

describe('walSync', () => {
  it('syncs the WAL once for the commits made before it started, once more for those made while it ran', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'assent-wal-')), 'a.db')
    const db = new Database(file)
    db.exec('pragma journal_mode = wal')
    db.exec('pragma synchronous = normal')
    db.exec('create table t (x)')
    db.exec('insert into t values (1)')
    const probe = await open(`${file}-wal`, 'r')
    const datasync = vi.spyOn(Object.getPrototypeOf(probe), 'datasync')
    await probe.close()

    await walSync(file)
    expect(datasync).toHaveBeenCalledTimes(1)
    // Ten commits while no sync runs: the first starts one, the other nine share the next.
    await Promise.all(Array.from({ length: 10 }, () => walSync(file)))
    expect(datasync).toHaveBeenCalledTimes(3)
    datasync.mockRestore()
    await closeWalSync(file)
    db.close()
  })

  it('resolves at once in memory, and when there is no WAL file to sync', async () => {
    await expect(walSync(undefined)).resolves.toBeUndefined()
    await expect(walSync(path.join(mkdtempSync(path.join(tmpdir(), 'assent-wal-')), 'none.db'))).resolves.toBeUndefined()
  })
})
