import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { createClient } from '@libsql/client'
import pg from 'pg'

/** A database made for one test file and dropped after it. */
export interface TestDatabase {
  url: string
  kind: 'sqlite' | 'postgres' | 'mongodb'
  drop: () => Promise<void>
}

/**
 * The database a test file runs on: SQLite in memory by default; a fresh PostgreSQL database on
 * the server of TEST_DATABASE_URL (postgres://…), or a SQLite file when other processes must share it; or a MongoDB replica set from
 * mongodb-memory-server when TEST_DATABASE_URL=mongodb-memory (needs MONGOMS_SYSTEM_BINARY).
 */
export async function createTestDatabase({ shared = false } = {}): Promise<TestDatabase> {
  const server = process.env.TEST_DATABASE_URL
  if (!server && shared) {
    // Other processes (a CLI worker, a server) need to open it too: a file, not memory.
    const dir = mkdtempSync(path.join(tmpdir(), 'assent-db-'))
    return { url: `file:${dir}/assent.db`, kind: 'sqlite', drop: async () => rmSync(dir, { recursive: true, force: true }) }
  }
  if (!server) {
    // A shared in-memory database lives only while a connection to it is open, and libsql hands
    // its connection to each transaction and closes it afterwards: keep one open for the file's life.
    const url = 'file::memory:?cache=shared'
    const keeper = createClient({ url })
    await keeper.execute('select 1')
    return { url, kind: 'sqlite', drop: async () => keeper.close() }
  }
  if (server === 'mongodb-memory') return createMongoDatabase()
  const name = `assent_test_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: server })
  await admin.connect()
  await admin.query(`create database ${name}`)
  await admin.end()
  const url = new URL(server)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    kind: 'postgres',
    drop: async () => {
      const client = new pg.Client({ connectionString: server })
      await client.connect()
      await client.query(`drop database if exists ${name} with (force)`)
      await client.end()
    },
  }
}

async function createMongoDatabase(): Promise<TestDatabase> {
  const { MongoMemoryReplSet } = await import('mongodb-memory-server')
  const replSet = await MongoMemoryReplSet.create({ replSet: { count: 1, storageEngine: 'wiredTiger' } })
  return { url: replSet.getUri('assent'), kind: 'mongodb', drop: async () => void (await replSet.stop()) }
}
