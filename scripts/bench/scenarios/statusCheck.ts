import { createApiKey } from '../../../src/services/staff/apiKeys'
import { ratioOf } from '../benchReport'
import { startAssentServer, startBareServer } from '../benchServer'
import { loadTest } from '../loadTest'
import type { BenchContext, ScenarioResult } from '../scenario'

const CONNECTIONS = 64
const SECONDS = 15

/**
 * 1. The login status check (`GET /api/v1/subjects/:id/status`, a random subject each time, 64
 * connections) against a bare express handler answering a constant JSON of the same size.
 * Target: ≥ 0.5× its requests/s and a p99 ≤ 2× its p99.
 */
export async function statusCheck(ctx: BenchContext): Promise<ScenarioResult> {
  const { key } = await createApiKey(ctx.payload, 'benchmark', 'integration')
  const headers = { authorization: `Bearer ${key}` }
  const randomSubject = () => ({ path: `/api/v1/subjects/${ctx.subjectId(Math.floor(Math.random() * ctx.size.subjects))}/status` })

  const assent = await startAssentServer(ctx.databaseUrl, ctx.dataDir, 3411)
  let sample: unknown
  let assentFigures
  try {
    const response = await fetch(assent.url + randomSubject().path, { headers })
    if (!response.ok) throw new Error(`status check answered ${response.status}: ${await response.text()}`)
    sample = await response.json()
    await loadTest({ url: assent.url, connections: CONNECTIONS, seconds: 3, headers, request: randomSubject }) // warm-up
    assentFigures = await loadTest({ url: assent.url, connections: CONNECTIONS, seconds: SECONDS, headers, request: randomSubject })
  } finally {
    await assent.stop()
  }
  const bare = await startBareServer(sample, 3412)
  let bareFigures
  try {
    await loadTest({ url: bare.url, connections: CONNECTIONS, seconds: 3, headers, request: randomSubject })
    bareFigures = await loadTest({ url: bare.url, connections: CONNECTIONS, seconds: SECONDS, headers, request: randomSubject })
  } finally {
    await bare.stop()
  }
  const p99Ratio = ratioOf(assentFigures.p99Ms, bareFigures.p99Ms)
  const ratio = ratioOf(assentFigures.requestsPerSecond, bareFigures.requestsPerSecond)
  return {
    id: 'status',
    title: '1. Login status check, 64 connections',
    scenario: { value: assentFigures.requestsPerSecond, unit: 'req/s' },
    baseline: { value: bareFigures.requestsPerSecond, unit: 'req/s' },
    ratio,
    target: '≥ 0.5, p99 ≤ 2×',
    met: ratio >= 0.5 && p99Ratio <= 2 && assentFigures.non2xx === 0 && assentFigures.errors === 0,
    details: {
      'p99 ms': assentFigures.p99Ms, 'baseline p99 ms': bareFigures.p99Ms, 'p99 ratio': p99Ratio,
      'p50 ms': assentFigures.p50Ms, 'baseline p50 ms': bareFigures.p50Ms, 'non-2xx': assentFigures.non2xx, errors: assentFigures.errors,
      'response bytes': JSON.stringify(sample).length,
    },
  }
}
