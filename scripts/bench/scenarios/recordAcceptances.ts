import pg from 'pg'

import { openDirectDatabase } from '../../../src/db/directQuery'
import { createApiKey } from '../../../src/services/staff/apiKeys'
import { ratioOf } from '../benchReport'
import { startAssentServer } from '../benchServer'
import { loadTest } from '../loadTest'
import type { BenchContext, DataSetVersion, ScenarioResult } from '../scenario'

const CONNECTIONS = 64
const SECONDS = 15
const TARGET = 2000
const BASELINE_AGENT = 'assent-benchmark-baseline'

/** The raw baseline: the same acceptance rows, one INSERT (one commit) each, straight through the
 * driver, 64 at a time on PostgreSQL (Payload's pool holds 10 connections) and one after another
 * on SQLite (one writer). Returns rows/s. */
async function rawInserts(databaseUrl: string, rows: unknown[][]): Promise<number> {
  const text = 'insert into acceptances (subject_id, policy_id, version_id, version_number, method, source, content_hash, locale, accepted_at, ip, user_agent, updated_at, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)'
  const started = performance.now()
  if (databaseUrl.startsWith('postgres')) {
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 })
    let next = 0
    const numbered = { name: 'bench_raw_acceptance', text: text.replace(/\?/g, (() => { let n = 0; return () => `$${++n}` })()) }
    await Promise.all(Array.from({ length: CONNECTIONS }, async () => {
      for (let i = next++; i < rows.length; i = next++) await pool.query({ ...numbered, values: rows[i] })
    }))
    await pool.end()
  } else {
    const db = await openDirectDatabase(databaseUrl)
    for (const row of rows) await db.query(text, row)
    await db.close()
  }
  return rows.length / ((performance.now() - started) / 1000)
}

/**
 * 2. Recording acceptances over HTTP (64 connections, each request a different subject accepting
 * the latest terms of service; ledger entry in the same transaction), against raw inserts of the
 * same rows into the same database. Afterwards: exactly one acceptance and one ledger entry per
 * 201, ledger numbers without gaps. Target: ≥ 2,000 acceptances/s; the ratio is reported.
 */
export async function recordAcceptances(ctx: BenchContext): Promise<ScenarioResult> {
  const terms = ctx.versions.filter((v) => v.slug === 'terms')
  const latest = terms.at(-1)!
  const { key } = await createApiKey(ctx.payload, 'benchmark acceptances', 'integration')
  const db = await openDirectDatabase(ctx.databaseUrl)
  const count = async (sql: string, params: unknown[] = []) => Number((await db.query(sql, params))[0].n)
  const ledgerBefore = await count('select count(*) as n from ledger_entries')

  let next = 0
  const body = (v: DataSetVersion) => () => JSON.stringify({ subject: ctx.subjectId(next++ % ctx.size.subjects), versions: [{ policy: v.slug, version: v.version, contentHash: v.contentHash }], method: 'clickwrap', source: 'login-banner' })
  const server = await startAssentServer(ctx.databaseUrl, ctx.dataDir, 3413)
  let figures
  let storedBefore = 0
  try {
    const headers = { authorization: `Bearer ${key}` }
    const accept = body(latest)
    await loadTest({ url: server.url, connections: CONNECTIONS, seconds: 3, method: 'POST', headers, request: () => ({ path: '/api/v1/acceptances', body: accept() }) })
    storedBefore = await count('select count(*) as n from acceptances where version_id = ?', [latest.id])
    figures = await loadTest({ url: server.url, connections: CONNECTIONS, seconds: SECONDS, method: 'POST', headers, request: () => ({ path: '/api/v1/acceptances', body: accept() }) })
  } finally {
    await server.stop()
  }
  const stored = await count('select count(*) as n from acceptances where version_id = ?', [latest.id])
  const ledgerAfter = await count('select count(*) as n from ledger_entries')
  const maxSeq = await count('select max(seq) as n from ledger_entries')
  const requested = Math.min(next, ctx.size.subjects)

  // The baseline writes the same rows for the version before, for subjects who have not accepted
  // it (in the default data set: every subject), marked so they can be removed again.
  const previous = terms.at(-2)!
  const now = new Date().toISOString()
  const free = await db.query('select s.id from subjects s where not exists (select 1 from acceptances a where a.subject_id = s.id and a.version_id = ?) order by s.id limit ?', [previous.id, Math.max(stored - storedBefore, 1)])
  const rows = free.map((r) => [Number(r.id), previous.policy, previous.id, previous.version, 'clickwrap', 'login-banner', previous.contentHash, 'en', now, '127.0.0.1', BASELINE_AGENT, now, now])
  const rawPerSecond = rows.length > 0 ? await rawInserts(ctx.databaseUrl, rows) : 0
  await db.query('delete from acceptances where user_agent = ?', [BASELINE_AGENT])
  await db.close()

  // New records only: once every subject has accepted, further requests answer 200 and store nothing.
  const perSecond = Math.round((stored - storedBefore) / figures.seconds)
  const consistent = ledgerAfter - ledgerBefore === stored && maxSeq === ledgerAfter
  return {
    id: 'acceptances',
    title: '2. Recording acceptances over HTTP, 64 connections',
    scenario: { value: perSecond, unit: 'acceptances/s' },
    baseline: { value: Math.round(rawPerSecond), unit: 'rows/s' },
    ratio: ratioOf(perSecond, rawPerSecond),
    target: `≥ ${TARGET.toLocaleString('en')}/s (ratio reported)`,
    met: perSecond >= TARGET && figures.non2xx === 0 && figures.errors === 0 && consistent,
    details: {
      'stored in the measured run': stored - storedBefore, 'baseline rows': rows.length, 'p50 ms': figures.p50Ms, 'p99 ms': figures.p99Ms, 'non-2xx': figures.non2xx, errors: figures.errors,
      'stored (incl. warm-up)': stored, 'ledger entries added': ledgerAfter - ledgerBefore, 'ledger without gaps': maxSeq === ledgerAfter ? 'yes' : 'no', 'requests sent': requested,
    },
  }
}
