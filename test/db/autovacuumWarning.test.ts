import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'

import { autovacuumWarning, autovacuumWarningOf } from '../../src/db/autovacuumWarning'

describe('autovacuumWarning', () => {
  it('tells the operator of a server with autovacuum off what it costs and what to do', () => {
    expect(autovacuumWarning('off')).toBe(
      "PostgreSQL's autovacuum is off on this server: tables are never analyzed or vacuumed, and reads slow down as they grow. Turn autovacuum on (autovacuum = on in postgresql.conf), or run VACUUM ANALYZE regularly.",
    )
  })

  it('says nothing when autovacuum is on', () => {
    expect(autovacuumWarning('on')).toBeUndefined()
  })
})

const server = process.env.TEST_DATABASE_URL?.startsWith('postgres') ? process.env.TEST_DATABASE_URL : undefined
if (!server) console.log('autovacuumWarningOf: skipped, it reads a PostgreSQL server (TEST_DATABASE_URL=postgres://…)')

describe.skipIf(!server)('autovacuumWarningOf', () => {
  const pool = new pg.Pool({ connectionString: server })
  afterAll(() => pool.end())

  it("warns exactly when the server's autovacuum is off", async () => {
    const client = new pg.Client({ connectionString: server })
    await client.connect()
    const { rows } = await client.query<{ setting: string }>("select setting from pg_settings where name = 'autovacuum'")
    await client.end()
    const warning = await autovacuumWarningOf(pool)
    if (rows[0].setting === 'off') expect(warning).toMatch(/^PostgreSQL's autovacuum is off on this server/)
    else expect(warning).toBeUndefined()
  })
})
