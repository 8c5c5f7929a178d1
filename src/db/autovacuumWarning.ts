import type pg from 'pg'

/**
 * What to tell the operator of a PostgreSQL server whose autovacuum is `setting` (as `show
 * autovacuum` reads it): nothing when it is on. Off, tables are never analyzed or vacuumed unless
 * someone does it, so reads are planned without statistics and each first read of new rows
 * rewrites their pages; the login status check slows down as acceptances grow.
 */
export const autovacuumWarning = (setting: string): string | undefined =>
  setting === 'off'
    ? "PostgreSQL's autovacuum is off on this server: tables are never analyzed or vacuumed, and reads slow down as they grow. Turn autovacuum on (autovacuum = on in postgresql.conf), or run VACUUM ANALYZE regularly."
    : undefined

/** The warning for the server `pool` connects to, if it needs one. */
export async function autovacuumWarningOf(pool: pg.Pool): Promise<string | undefined> {
  const { rows } = await pool.query<{ autovacuum: string }>('show autovacuum')
  return autovacuumWarning(rows[0].autovacuum)
}
