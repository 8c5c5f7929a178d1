import path from 'node:path'

import { createClient, type Client } from '@libsql/client'
import { MongoClient } from 'mongodb'
import pg from 'pg'

import { ConfigError } from '../config/ConfigError'
import { redactUrl } from '../config/redactUrl'
import { databaseKind } from '../store/database/databaseKind'
import { ensureFolder } from '../config/ensureFolder'
import { sqlitePath } from './walDurability'

const TIMEOUT_MS = 5000

const reason = (error: unknown): string => {
  const e = error as { code?: string; message?: string }
  const message = String(e.message ?? error)
  // Node's file errors start with their code already ("ENOENT: no such file…").
  return e.code && !message.startsWith(e.code) ? `${e.code}: ${message}` : message
}

/** Makes sure an SQLite file can be created where DATABASE_URL points, and opened. */
async function checkSqlite(url: string): Promise<void> {
  const file = sqlitePath(url)
  if (!file) return
  const dir = path.dirname(path.resolve(file))
  try {
    ensureFolder(dir)
  } catch (error) {
    throw new ConfigError(`Cannot write the SQLite database in ${dir} (${reason(error)}): fix DATABASE_URL or the folder's permissions.`)
  }
  // A folder that takes no files (/proc, /sys) passes the check above; opening tells.
  let client: Client | undefined
  try {
    client = createClient({ url })
    await client.execute('select 1')
  } catch (error) {
    throw new ConfigError(`Cannot open the SQLite database ${path.resolve(file)} (${reason(error)}): fix DATABASE_URL or the file's permissions.`)
  } finally {
    client?.close()
  }
}

async function checkPostgres(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: TIMEOUT_MS })
  try {
    await client.connect()
    await client.query('select 1')
  } catch (error) {
    const code = (error as { code?: string }).code
    const fix = code === '3D000'
      ? 'create the database (createdb) or fix DATABASE_URL.'
      : 'check DATABASE_URL and that PostgreSQL is running and accepts this user.'
    throw new ConfigError(`Cannot connect to PostgreSQL at ${redactUrl(url)} (${reason(error)}): ${fix}`)
  } finally {
    await client.end().catch(() => undefined)
  }
}

async function checkMongo(url: string): Promise<void> {
  const client = new MongoClient(url, { serverSelectionTimeoutMS: TIMEOUT_MS, connectTimeoutMS: TIMEOUT_MS })
  try {
    await client.connect()
    await client.db().command({ ping: 1 })
  } catch (error) {
    throw new ConfigError(`Cannot connect to MongoDB at ${redactUrl(url)} (${reason(error)}): check DATABASE_URL and that mongod runs as a replica set.`)
  } finally {
    await client.close().catch(() => undefined)
  }
}

/**
 * Checks before Payload starts that the database in DATABASE_URL is understood and reachable,
 * so a mistake stops start-up with one line that says what to fix instead of a stack trace.
 */
export async function checkDatabase(url: string): Promise<void> {
  const kind = databaseKind(url)
  if (kind === 'sqlite') return checkSqlite(url)
  if (kind === 'postgres') return checkPostgres(url)
  return checkMongo(url)
}
