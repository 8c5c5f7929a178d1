import type pg from 'pg'
import { to as copyTo } from 'pg-copy-streams'

/** What `COPY (…) TO STDOUT` writes, as the connection delivers it: chunks of its bytes, a row
 * possibly cut between two of them. */
export type CopyOut = (text: string, params: readonly unknown[]) => AsyncIterable<Buffer>

/** A parameter of a COPY as SQL: COPY takes none, so each is written into its text, a number as
 * itself and a text as a quoted literal (`escapeLiteral`); anything else is refused. */
function literal(client: pg.Client, value: unknown): string {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  if (typeof value === 'string') return client.escapeLiteral(value)
  throw new TypeError(`a COPY parameter must be a number or a text, not ${typeof value}`)
}

/**
 * Runs `COPY (text) TO STDOUT` on `client`, its `?` placeholders filled with `params`: one query
 * the server streams (and may plan with parallel workers), where a keyset read is a query a page.
 * Reading stops the stream while the reader waits, so memory stays flat.
 */
export const postgresCopyOut = (client: pg.Client): CopyOut => (text, params) => {
  let n = 0
  return client.query(copyTo(`copy (${text.replace(/\?/g, () => literal(client, params[n++]))}) to stdout`))
}
