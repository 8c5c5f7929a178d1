import { createHash } from 'node:crypto'

import { numberedPlaceholders } from './directQuery'

/** A statement PostgreSQL keeps prepared on each connection that runs it, by name. */
export interface PreparedStatement {
  name: string
  text: string
}

const prepared = new Map<string, PreparedStatement>()

/**
 * `text` (with `?` placeholders) as a named statement for node-postgres: each connection parses
 * and plans it the first time it runs it, and only binds it afterwards. Unnamed, every run is
 * parsed and planned again. For a fixed set of texts only: each name lives as long as the connection.
 */
export function preparedStatement(text: string): PreparedStatement {
  let statement = prepared.get(text)
  if (!statement) prepared.set(text, (statement = { name: `assent_${createHash('sha1').update(text).digest('hex').slice(0, 16)}`, text: numberedPlaceholders(text) }))
  return statement
}
