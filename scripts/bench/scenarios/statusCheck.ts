import { createApiKey } from '../../../src/services/staff/apiKeys'
import { alternateRounds } from '../alternateRounds'
import { ratioOf } from '../benchReport'
import { startAssentServer, startBareServer } from '../benchServer'
import { loadTest } from '../loadTest'
import { median } from '../median'
import { medianRatio } from '../medianRatio'
import { postgresPids } from '../processCpu'
import type { BenchContext, ScenarioResult } from '../scenario'
import { withCpu } from '../withCpu'

const CONNECTIONS = 64
const ROUNDS = 5
const SECONDS = 3

/**
 * 1. The login status check (`GET /api/v1/subjects/:id/status`, a random subject each time, 64
 * connections) against a bare express handler answering a constant JSON of the same size. Both
 * servers run side by side; after a 3 s warm-up of each, 5 rounds alternate 3 s of Assent and 3 s
 * of the bare handler: the median of the rounds' ratios, their range, and the median figures.
 * Target: ≥ 0.5× its requests/s and a p99 ≤ 2× its p99.
 */
export async function statusCheck(ctx: BenchContext): Promise<ScenarioResult> {
  const { key } = await createApiKey(ctx.payload, 'benchmark', 'integration')
  const headers = { authorization: `Bearer ${key}` }
  const randomSubject = () => ({ path: `/api/v1/subjects/${ctx.subjectId(Math.floor(Math.random() * ctx.size.subjects))}/status` })
  const load = (url: string, seconds: number) => loadTest({ url, connections: CONNECTIONS, seconds, headers, request: randomSubject })

  const assent = await startAssentServer(ctx.databaseUrl, ctx.dataDir)
  try {
    const response = await fetch(assent.url + randomSubject().path, { headers })
    if (!response.ok) throw new Error(`status check answered ${response.status}: ${await response.text()}`)
    const sample: unknown = await response.json()
    const bare = await startBareServer(sample)
    try {
      await load(assent.url, 3) // warm-up
      await load(bare.url, 3)
      const onPostgres = ctx.databaseUrl.startsWith('postgres')
      const database = onPostgres ? postgresPids : () => []
      const { rounds, ratio, range } = await alternateRounds(ROUNDS, {
        scenario: () => withCpu(assent.pid, database, () => load(assent.url, SECONDS)),
        baseline: () => withCpu(bare.pid, () => [], () => load(bare.url, SECONDS)),
        ratio: (a, b) => ratioOf(a.requestsPerSecond, b.requestsPerSecond),
      })
      const p99 = medianRatio(rounds.map((r) => ratioOf(r.scenario.p99Ms, r.baseline.p99Ms)))
      const of = (side: 'scenario' | 'baseline', figure: 'requestsPerSecond' | 'p99Ms' | 'p50Ms' | 'serverCpuUs' | 'databaseCpuUs' | 'loadCpuUs') => median(rounds.map((r) => r[side][figure]))
      const sum = (figure: 'non2xx' | 'errors') => rounds.reduce((total, r) => total + r.scenario[figure], 0)
      return {
        id: 'status',
        title: '1. Login status check, 64 connections',
        scenario: { value: of('scenario', 'requestsPerSecond'), unit: 'req/s' },
        baseline: { value: of('baseline', 'requestsPerSecond'), unit: 'req/s' },
        ratio,
        target: '≥ 0.5, p99 ≤ 2×',
        met: ratio >= 0.5 && p99.ratio <= 2 && sum('non2xx') === 0 && sum('errors') === 0,
        details: {
          'ratio range': range, rounds: `${ROUNDS} × ${SECONDS} s each`,
          'p99 ms': of('scenario', 'p99Ms'), 'baseline p99 ms': of('baseline', 'p99Ms'), 'p99 ratio': p99.ratio, 'p99 ratio range': p99.range,
          'p50 ms': of('scenario', 'p50Ms'), 'baseline p50 ms': of('baseline', 'p50Ms'), 'non-2xx': sum('non2xx'), errors: sum('errors'),
          'response bytes': JSON.stringify(sample).length,
          'server CPU µs per request': of('scenario', 'serverCpuUs'), 'bare server CPU µs per request': of('baseline', 'serverCpuUs'),
          ...(onPostgres ? { 'PostgreSQL CPU µs per request': of('scenario', 'databaseCpuUs') } : {}),
          'load generator CPU µs per request': of('scenario', 'loadCpuUs'), 'load generator CPU µs per bare request': of('baseline', 'loadCpuUs'),
        },
      }
    } finally {
      await bare.stop()
    }
  } finally {
    await assent.stop()
  }
}
