import pg from 'pg'

import { openDirectDatabase } from '../../../src/db/directQuery'
import { createApiKey } from '../../../src/services/staff/apiKeys'
import { alternateRounds } from '../alternateRounds'
import { ratioOf } from '../benchReport'
import { startAssentServer } from '../benchServer'
import { loadTest } from '../loadTest'
import { median } from '../median'
import { medianRatio } from '../medianRatio'
import { postgresPids } from '../processCpu'
import type { BenchContext, DataSetVersion, ScenarioResult } from '../scenario'
import { withCpu } from '../withCpu'

const CONNECTIONS = 64
const ROUNDS = 5
const SECONDS = 3
/** A server just started records its first acceptances slowly while V8 compiles the path: on
 * PostgreSQL, a first 3 s burst after 1 s of load ran at 1,206 and 1,474 a second (700 to 800 µs of
 * server CPU each), the next ones at 1,900 to 2,090 (about 430 µs). A small data set (a smoke run)
 * would spend every subject warming up, so it warms up for a second only. */
const warmUpSeconds = (subjects: number) => (subjects >= 50_000 ? 6 : 1)
const TARGET = 2000
/** What every outcome of the scenario is reported as. */
const REPORTED = { id: 'acceptances', title: '2. Recording acceptances over HTTP, 64 connections', target: `≥ ${TARGET.toLocaleString('en')}/s (ratio reported)` } as const
const BASELINE_AGENT = 'assent-benchmark-baseline'

/** The raw baseline: acceptance rows, one INSERT (one commit) each, straight through the driver,
 * 64 at a time on PostgreSQL (Payload's pool holds 10 connections) and one after another on
 * SQLite (one writer). Each burst returns its rows/s. */
async function openRawInserter(databaseUrl: string) {
  const text = 'insert into acceptances (subject_id, policy_id, version_id, version_number, method, source, content_hash, locale, accepted_at, ip, user_agent, updated_at, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)'
  const timed = async (write: () => Promise<void>, rows: number) => {
    const started = performance.now()
    await write()
    return rows / ((performance.now() - started) / 1000)
  }
  if (databaseUrl.startsWith('postgres')) {
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 })
    const numbered = { name: 'bench_raw_acceptance', text: text.replace(/\?/g, (() => { let n = 0; return () => `$${++n}` })()) }
    return {
      insert: (rows: unknown[][]) => timed(async () => {
        let next = 0
        await Promise.all(Array.from({ length: CONNECTIONS }, async () => {
          for (let i = next++; i < rows.length; i = next++) await pool.query({ ...numbered, values: rows[i] })
        }))
      }, rows.length),
      close: () => pool.end(),
    }
  }
  const db = await openDirectDatabase(databaseUrl)
  return {
    insert: (rows: unknown[][]) => timed(async () => {
      for (const row of rows) await db.query(text, row)
    }, rows.length),
    close: () => db.close(),
  }
}

/**
 * 2. Recording acceptances over HTTP (64 connections, each request a different subject accepting
 * the latest terms of service; ledger entry in the same transaction), against raw inserts of as
 * many rows into the same database. After a warm-up (6 s; 1 s for a small data set), 5 rounds alternate 3 s of HTTP load and
 * a raw burst of as many rows as that load stored: the median of the ratios of the rounds that
 * stored acceptances, their range, and the median figures. Afterwards: exactly one ledger entry per stored acceptance, ledger
 * numbers without gaps. Target: ≥ 2,000 acceptances/s; the ratio is reported.
 */
export async function recordAcceptances(ctx: BenchContext): Promise<ScenarioResult> {
  const terms = ctx.versions.filter((v) => v.slug === 'terms')
  const latest = terms.at(-1)!
  const { key } = await createApiKey(ctx.payload, 'benchmark acceptances', 'integration')
  const db = await openDirectDatabase(ctx.databaseUrl)
  const count = async (sql: string, params: unknown[] = []) => Number((await db.query(sql, params))[0].n)
  const storedOfLatest = () => count('select count(*) as n from acceptances where version_id = ?', [latest.id])
  const ledgerBefore = await count('select count(*) as n from ledger_entries')

  // The baseline's rows, prepared before any load: the version before the latest, for subjects who
  // have not accepted it (in the default data set: every subject), so they never collide with the
  // HTTP side's, marked so they can be removed again.
  const previous = terms.at(-2)!
  const now = new Date().toISOString()
  const free = await db.query('select s.id from subjects s where not exists (select 1 from acceptances a where a.subject_id = s.id and a.version_id = ?) order by s.id', [previous.id])
  const baselineRows = free.map((r) => [Number(r.id), previous.policy, previous.id, previous.version, 'clickwrap', 'login-banner', previous.contentHash, 'en', now, '127.0.0.1', BASELINE_AGENT, now, now])
  let taken = 0
  const raw = await openRawInserter(ctx.databaseUrl)

  let next = 0
  const accept = (v: DataSetVersion) => JSON.stringify({ subject: ctx.subjectId(next++ % ctx.size.subjects), versions: [{ policy: v.slug, version: v.version, contentHash: v.contentHash }], method: 'clickwrap', source: 'login-banner' })
  const server = await startAssentServer(ctx.databaseUrl, ctx.dataDir)
  const headers = { authorization: `Bearer ${key}` }
  const post = (seconds: number) => loadTest({ url: server.url, connections: CONNECTIONS, seconds, method: 'POST', headers, request: () => ({ path: '/api/v1/acceptances', body: accept(latest) }) })
  // New records only: once every subject has accepted, further requests answer 200 and store nothing.
  const onPostgres = ctx.databaseUrl.startsWith('postgres')
  const database = onPostgres ? postgresPids : () => []
  const httpBurst = async () => {
    const before = await storedOfLatest()
    const figures = await withCpu(server.pid, database, () => post(SECONDS))
    const stored = (await storedOfLatest()) - before
    return { figures, stored, perSecond: Math.round(stored / figures.seconds) }
  }
  const rawBurst = async (rows: number) => {
    const batch = baselineRows.slice(taken, (taken += rows))
    return { rows: batch.length, perSecond: batch.length > 0 ? Math.round(await raw.insert(batch)) : 0 }
  }
  let result
  try {
    await post(warmUpSeconds(ctx.size.subjects))
    await rawBurst(100)
    result = await alternateRounds(ROUNDS, {
      scenario: httpBurst,
      baseline: (http) => rawBurst(http.stored),
      ratio: (http, rawInserts) => ratioOf(http.perSecond, rawInserts.perSecond),
    })
  } finally {
    await server.stop()
    await raw.close()
  }
  const stored = await storedOfLatest()
  const ledgerAfter = await count('select count(*) as n from ledger_entries')
  const maxSeq = await count('select max(seq) as n from ledger_entries')
  await db.query('delete from acceptances where user_agent = ?', [BASELINE_AGENT])
  await db.close()

  // A small data set runs out of subjects who have not accepted: its later rounds measure nothing.
  const rounds = result.rounds.filter((r) => r.scenario.stored > 0)
  // Only a small data set (a smoke run) can run out before the first round: a missed target, not a failure.
  if (rounds.length === 0) {
    return {
      ...REPORTED, scenario: { value: 0, unit: 'acceptances/s' }, baseline: { value: 0, unit: 'rows/s' }, ratio: 0, met: false,
      details: { 'not measured': 'every subject had accepted during the warm-up: the data set is too small', 'stored (incl. warm-up)': stored, 'ledger without gaps': maxSeq === ledgerAfter ? 'yes' : 'no' },
    }
  }
  const { ratio, range } = medianRatio(rounds.map((r) => r.ratio))
  const perSecond = Math.round(median(rounds.map((r) => r.scenario.perSecond)))
  const sum = (of: (r: (typeof rounds)[number]) => number) => result.rounds.reduce((total, r) => total + of(r), 0)
  const failed = sum((r) => r.scenario.figures.non2xx + r.scenario.figures.errors)
  const consistent = ledgerAfter - ledgerBefore === stored && maxSeq === ledgerAfter
  return {
    ...REPORTED,
    scenario: { value: perSecond, unit: 'acceptances/s' },
    baseline: { value: Math.round(median(rounds.map((r) => r.baseline.perSecond))), unit: 'rows/s' },
    ratio,
    met: perSecond >= TARGET && failed === 0 && consistent,
    details: {
      'ratio range': range, rounds: `${rounds.length} of ${ROUNDS} × ${SECONDS} s storing acceptances`,
      'stored in the measured rounds': sum((r) => r.scenario.stored), 'baseline rows': sum((r) => r.baseline.rows),
      'p50 ms': median(rounds.map((r) => r.scenario.figures.p50Ms)), 'p99 ms': median(rounds.map((r) => r.scenario.figures.p99Ms)),
      'non-2xx': sum((r) => r.scenario.figures.non2xx), errors: sum((r) => r.scenario.figures.errors),
      'server CPU µs per request': median(rounds.map((r) => r.scenario.figures.serverCpuUs)),
      ...(onPostgres ? { 'PostgreSQL CPU µs per request': median(rounds.map((r) => r.scenario.figures.databaseCpuUs)) } : {}),
      'load generator CPU µs per request': median(rounds.map((r) => r.scenario.figures.loadCpuUs)),
      'stored (incl. warm-up)': stored, 'ledger entries added': ledgerAfter - ledgerBefore, 'ledger without gaps': maxSeq === ledgerAfter ? 'yes' : 'no', 'requests sent': Math.min(next, ctx.size.subjects),
    },
  }
}
