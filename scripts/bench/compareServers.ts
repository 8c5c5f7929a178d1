// `npm run bench -- --compare <revision> [--route acceptances|status] [--rounds 7] [--seconds 2.5] [--warm-up 3]`:
// this checkout's server against <revision>'s, on one data set, for a change's before and after.
// On a shared machine, runs minutes apart measure the machine as much as the change; here the two
// servers are loaded in turn, the order alternating from round to round, so each round's ratio
// compares two measurements made seconds apart.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, symlinkSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { createApiKey } from '../../src/services/staff/apiKeys'
import { openDirectDatabase } from '../../src/db/directQuery'
import { startAssentServer, type BenchServer } from './benchServer'
import { loadTest } from './loadTest'
import { median } from './median'
import { medianRatio } from './medianRatio'
import { postgresPids } from './processCpu'
import type { BenchContext } from './scenario'
import { withCpu } from './withCpu'

const CONNECTIONS = 64

/** A checkout of another revision, beside this one. */
export interface OtherCheckout {
  revision: string
  dir: string
  remove: () => void
}

/**
 * A worktree of `revision` sharing this checkout's `node_modules`, so it must have the same
 * lock file; and the same migrations, since both servers run on one database. Refused otherwise.
 */
export function checkoutOf(root: string, revision: string): OtherCheckout {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim()
  const commit = git('rev-parse', '--verify', `${revision}^{commit}`)
  const differing = git('diff', '--name-only', commit, '--', 'package-lock.json', 'src/migrations')
  if (differing) throw new Error(`--compare ${revision}: it differs from this checkout in ${differing.split('\n').join(', ')}; both servers share one node_modules and one database`)
  const dir = mkdtempSync(path.join(os.tmpdir(), 'assent-compare-'))
  git('worktree', 'add', '--detach', '--quiet', dir, commit)
  symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'))
  return { revision: `${revision} (${commit.slice(0, 7)})`, dir, remove: () => void git('worktree', 'remove', '--force', dir) }
}

/** What is compared: a route, loaded as its scenario loads it, and what a burst counts. */
interface Route {
  title: string
  method: 'GET' | 'POST'
  request: () => { path: string; body?: string }
  /** For a route that stores (POST), the rows stored so far; a burst's rate is the rows it stored
   * per second, else the requests answered. */
  counted: () => Promise<number>
  unit: string
}

async function routeOf(ctx: BenchContext, name: string): Promise<Route & { close: () => Promise<void> }> {
  if (name === 'status') {
    const request = () => ({ path: `/api/v1/subjects/${ctx.subjectId(Math.floor(Math.random() * ctx.size.subjects))}/status` })
    return { title: 'login status checks', method: 'GET', request, counted: async () => 0, unit: 'requests/s', close: async () => undefined }
  }
  if (name !== 'acceptances') throw new Error(`--route ${name}: acceptances or status`)
  const latest = ctx.versions.filter((v) => v.slug === 'terms').at(-1)!
  const db = await openDirectDatabase(ctx.databaseUrl)
  let next = 0
  const request = () => ({ path: '/api/v1/acceptances', body: JSON.stringify({ subject: ctx.subjectId(next++ % ctx.size.subjects), versions: [{ policy: latest.slug, version: latest.version, contentHash: latest.contentHash }], method: 'clickwrap', source: 'login-banner' }) })
  const counted = async () => Number((await db.query('select count(*) as n from acceptances where version_id = ?', [latest.id]))[0].n)
  return { title: 'acceptances', method: 'POST', request, counted, unit: 'acceptances/s', close: () => db.close() }
}

/**
 * Starts this checkout's server and `other`'s on the benchmark database, warms each up with a
 * `warmUp`-second burst, then runs `rounds` rounds of a `seconds`-long burst of `route` (64
 * connections) against each, the order alternating. Each burst's rate (for acceptances, the rows it stored per second: a subject accepts
 * once) and its server's CPU per request; every request must succeed, and a round where subjects
 * ran out ends the comparison. Prints each round and the median of the rounds' ratios, this
 * checkout ÷ the other, with their range.
 */
export async function compareServers(ctx: BenchContext, other: OtherCheckout, options: { route: string; rounds: number; seconds: number; warmUp: number }, log: (line: string) => void): Promise<number> {
  const route = await routeOf(ctx, options.route)
  const { key } = await createApiKey(ctx.payload, 'benchmark comparison', 'integration')
  const database = ctx.databaseUrl.startsWith('postgres') ? postgresPids : () => []
  const servers: BenchServer[] = []
  try {
    servers.push(await startAssentServer(ctx.databaseUrl, ctx.dataDir, other.dir), await startAssentServer(ctx.databaseUrl, ctx.dataDir))
    const burst = async (server: BenchServer, seconds: number) => {
      const before = await route.counted()
      const figures = await withCpu(server.pid, database, () => loadTest({ url: server.url, connections: CONNECTIONS, seconds, method: route.method, headers: { authorization: `Bearer ${key}` }, request: route.request }))
      if (figures.non2xx + figures.errors > 0) throw new Error(`${server === servers[1] ? 'this checkout' : other.revision}: ${figures.non2xx} answers not 2xx and ${figures.errors} errors`)
      const stored = route.method === 'POST' ? (await route.counted()) - before : figures.ok
      // A subject accepts once: a burst that found subjects who had accepted measured less work.
      const exhausted = stored < 0.98 * figures.ok
      return { rate: stored / figures.seconds, cpuUs: figures.serverCpuUs, exhausted }
    }
    for (const server of servers) await burst(server, options.warmUp)
    log(`comparing ${route.title}: ${options.rounds} rounds of ${options.seconds} s against each server, ${other.revision} (before) and this checkout (after)`)
    const rounds: Array<{ before: { rate: number; cpuUs: number }; after: { rate: number; cpuUs: number } }> = []
    for (let i = 0; i < options.rounds; i++) {
      const [first, second] = i % 2 === 0 ? [0, 1] : [1, 0]
      const measured = [] as Array<{ rate: number; cpuUs: number; exhausted: boolean }>
      measured[first] = await burst(servers[first], options.seconds)
      measured[second] = await burst(servers[second], options.seconds)
      if (measured.some((m) => m.exhausted)) {
        log(`round ${i + 1} left out: the data set ran out of subjects who had not accepted (more --subjects, or fewer --rounds or --seconds)`)
        break
      }
      rounds.push({ before: measured[0], after: measured[1] })
      log(`round ${i + 1}: before ${Math.round(measured[0].rate)} ${route.unit}, ${measured[0].cpuUs} µs of server CPU a request; after ${Math.round(measured[1].rate)}, ${measured[1].cpuUs} µs`)
    }
    if (rounds.length === 0) return 1
    const rate = medianRatio(rounds.map((r) => Math.round((r.after.rate / r.before.rate) * 100) / 100))
    const cpu = medianRatio(rounds.map((r) => Math.round((r.after.cpuUs / r.before.cpuUs) * 100) / 100))
    console.log(
      `\n${route.title}, this checkout ÷ ${other.revision}: rate ${rate.ratio} (rounds ${rate.range}; medians ${Math.round(median(rounds.map((r) => r.after.rate)))} against ${Math.round(median(rounds.map((r) => r.before.rate)))} ${route.unit}),` +
        ` server CPU per request ${cpu.ratio} (rounds ${cpu.range}; medians ${median(rounds.map((r) => r.after.cpuUs))} against ${median(rounds.map((r) => r.before.cpuUs))} µs)`,
    )
    return 0
  } finally {
    for (const server of servers) await server.stop()
    await route.close()
  }
}
