import type { LoadFigures } from './loadTest'
import { cpuMs, ownCpuMs } from './processCpu'

/** A round's load figures with the CPU time each party spent per answered request (µs): the
 * server, the database server (PostgreSQL's processes; SQLite works inside the server) and the
 * load generator, which all share the machine's cores. */
export interface CpuFigures extends LoadFigures {
  serverCpuUs: number
  databaseCpuUs: number
  loadCpuUs: number
}

/** Runs `measure` (a load test) and adds the CPU each party spent per answered request. */
export async function withCpu(serverPid: number, databasePids: number[], measure: () => Promise<LoadFigures>): Promise<CpuFigures> {
  const before = [cpuMs([serverPid]), cpuMs(databasePids), ownCpuMs()]
  const figures = await measure()
  const after = [cpuMs([serverPid]), cpuMs(databasePids), ownCpuMs()]
  const requests = Math.max(1, figures.ok + figures.non2xx)
  const perRequest = (i: number) => Math.round(((after[i] - before[i]) * 1000) / requests)
  return { ...figures, serverCpuUs: perRequest(0), databaseCpuUs: perRequest(1), loadCpuUs: perRequest(2) }
}

/**
 * 1. The login status check (`GET /api/v1/subjects/:id/status`, a random subject each time, 64
 * connections) against a bare express handler answering a constant JSON of the same size. Both
 * servers run side by side; after a 3 s warm-up of each, 5 rounds alternate 3 s of Assent and 3 s
 * of the bare handler: the median of the rounds' ratios, their range, and the median figures.
 * Target: ≥ 0.5× its requests/s and a p99 ≤ 2× its p99.
 */
