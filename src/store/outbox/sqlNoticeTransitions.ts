import { sql, type SQL } from '@payloadcms/db-postgres/drizzle'

import type { SqlAdapter, SqlDb } from '../../db/sqlSession'
import type { NoticeTransition } from './outboxRows'

const FIELDS = ['status', 'attempts', 'lastReply', 'reachedAt', 'nextAttemptAt', 'address', 'messageId', 'messageHash'] as const
export type Field = (typeof FIELDS)[number]

/** Column of the notices table (drizzle column object, with its database name). */
type Column = SQL & { name: string }

/**
 * SQL: the changes go in with one conditional UPDATE per set of changed fields (in practice one
 * per call), joined to the changes passed as one JSON parameter; the lease condition is checked
 * row by row inside the statement, which returns the ids it changed. Returns the transitions applied.
 */
export async function sqlNoticeTransitions(adapter: SqlAdapter, db: SqlDb, transitions: readonly NoticeTransition[], now: string): Promise<NoticeTransition[]> {
  const changed = new Set<string>()
  // Fields a change leaves undefined stay as they are, so changes are grouped by the fields they set.
  const shapes = new Map<string, NoticeTransition[]>()
  for (const item of transitions) {
    const key = FIELDS.filter((f) => item.change[f] !== undefined).join(',')
    shapes.set(key, [...(shapes.get(key) ?? []), item])
  }
  for (const [key, items] of shapes) {
    for (const id of await updateHeld(adapter, db, key.split(',') as Field[], items, now)) changed.add(String(id))
  }
  return transitions.filter(({ notice }) => changed.has(String(notice.id)))
}

/**
 * One UPDATE for `items` (all setting the same `fields`): each row changes only while still
 * `sending` under the same lease owner and expiry. Returns the ids changed.
 */
async function updateHeld(adapter: SqlAdapter, db: SqlDb, fields: readonly Field[], items: readonly NoticeTransition[], now: string): Promise<Array<number | string>> {
  const query = heldUpdate(adapter, fields, items, now)
  if (adapter.name === 'postgres') {
    const result = (await db.execute!(query)) as { rows: Array<{ id: number | string }> }
    return result.rows.map((r) => r.id)
  }
  const changed = await (db as unknown as { all: (q: SQL) => Promise<Array<Record<string, unknown>>> }).all(query)
  return changed.map((r) => (r.id ?? Object.values(r)[0]) as number | string)
}

/** The UPDATE of `updateHeld`, returning the ids it changes: the changes are one JSON parameter,
 * joined to the notices by id. */
export function heldUpdate(adapter: SqlAdapter, fields: readonly Field[], items: readonly NoticeTransition[], now: string): SQL {
  const t = adapter.tables.notices as unknown as Record<string, Column>
  const col = (f: string) => t[f].name
  const rows = items.map(({ notice, change }) => {
    const row: Record<string, unknown> = { [col('id')]: notice.id, [col('leaseOwner')]: notice.leaseOwner, [col('leaseExpiresAt')]: notice.leaseExpiresAt }
    for (const f of fields) row[col(f)] = change[f] ?? null
    return row
  })
  const json = JSON.stringify(rows)
  const ident = (f: string) => sql.identifier(col(f))
  const unlease = [sql`${ident('leaseOwner')} = null`, sql`${ident('leaseExpiresAt')} = null`, sql`${ident('updatedAt')} = ${now}`]
  if (adapter.name === 'postgres') {
    // json_populate_recordset types every field as the table's own column (enum, numeric, timestamptz).
    const v = (f: string) => sql`v.${ident(f)}`
    const set = sql.join([...fields.map((f) => sql`${ident(f)} = ${v(f)}`), ...unlease], sql`, `)
    return sql`update ${t as never} set ${set} from json_populate_recordset(null::${t as never}, ${json}::json) as v
      where ${t.id} = ${v('id')} and ${t.leaseOwner} = ${v('leaseOwner')} and ${t.status} = 'sending' and ${t.leaseExpiresAt} = ${v('leaseExpiresAt')}
      returning ${t.id}`
  }
  const v = (f: string) => sql`json_extract(v.value, ${`$.${col(f)}`})`
  const set = sql.join([...fields.map((f) => sql`${ident(f)} = ${v(f)}`), ...unlease], sql`, `)
  // The unary `+` keeps SQLite's planner off the status indexes: with them it walked every notice
  // in `sending` (a worker's whole leased batch) and read the JSON through for each one, instead
  // of looking up each change's notice by id.
  return sql`update ${t as never} set ${set} from json_each(${json}) as v
    where ${t.id} = ${v('id')} and ${t.leaseOwner} = ${v('leaseOwner')} and +${t.status} = 'sending' and +${t.leaseExpiresAt} = ${v('leaseExpiresAt')}
    returning ${t.id}`
}
