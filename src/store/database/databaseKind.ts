import { ConfigError } from '../../config/ConfigError'
import { redactUrl } from '../../config/redactUrl'

export type DatabaseKind = 'sqlite' | 'postgres' | 'mongodb'

/** Which adapter a `DATABASE_URL` asks for: `file:` SQLite, `postgres://` PostgreSQL,
 * `mongodb://` MongoDB. Anything else stops start-up with what to write instead. */
export function databaseKind(url: string): DatabaseKind {
  if (url.startsWith('file:')) return 'sqlite'
  if (/^postgres(ql)?:\/\//.test(url)) return 'postgres'
  if (/^mongodb(\+srv)?:\/\//.test(url)) return 'mongodb'
  throw new ConfigError(
    `DATABASE_URL "${redactUrl(url)}" is not understood: use file:./data/assent.db (SQLite), postgres://user@host:5432/db or mongodb://host:27017/db.`,
  )
}
