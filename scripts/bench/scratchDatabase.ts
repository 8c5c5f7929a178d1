import { randomBytes } from 'node:crypto'
import path from 'node:path'

import pg from 'pg'

/** A database made for one benchmark run: a fresh one on the PostgreSQL server of `serverUrl`
 * (dropped afterwards), or a SQLite file in `dir`. */
export async function scratchDatabase(serverUrl: string | undefined, dir: string): Promise<{ url: string; drop: () => Promise<void> }> {
  if (!serverUrl?.startsWith('postgres')) return { url: `file:${path.join(dir, 'bench.db')}`, drop: async () => undefined }
  const name = `assent_bench_${randomBytes(6).toString('hex')}`
  const run = async (sql: string) => {
    const client = new pg.Client({ connectionString: serverUrl })
    await client.connect()
    await client.query(sql)
    await client.end()
  }
  await run(`create database ${name}`)
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  return { url: url.toString(), drop: () => run(`drop database if exists ${name} with (force)`) }
}
