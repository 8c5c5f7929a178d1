import Database from 'libsql'

/** Statements kept per connection, the least recently used dropped first. */
const KEPT = 256

let installed = false

/**
 * Makes every libsql connection of this process prepare a statement once and reuse it.
 * libsql's client (Payload's SQLite driver) prepares a new statement for every query, and each
 * holds about 5 KB of native memory the JavaScript heap does not see, freed only when a full
 * garbage collection happens to come: a publication's outbox drain grew past 600 MB of such
 * memory at 10,000 subjects. libsql resets a statement before each run, so a statement
 * that failed or was left mid-way is safe to run again.
 */
export function cacheLibsqlStatements(): void {
  if (installed) return
  installed = true
  const prepare = Database.prototype.prepare
  const caches = new WeakMap<Database.Database, Map<string, Database.Statement>>()
  Database.prototype.prepare = function cachedPrepare(this: Database.Database, sql: string) {
    let cache = caches.get(this)
    if (!cache) caches.set(this, (cache = new Map()))
    let statement = cache.get(sql)
    if (statement) cache.delete(sql)
    else {
      statement = prepare.call(this, sql) as Database.Statement
      if (cache.size >= KEPT) cache.delete(cache.keys().next().value!)
    }
    cache.set(sql, statement)
    return statement
  } as typeof prepare
}
