import type { LoadFigures } from './loadTest'
import { cpuMs, cpuMsByPid, ownCpuMs } from './processCpu'

/** A round's load figures with the CPU time each party spent per answered request (µs): the
 * server, the database server (PostgreSQL's processes; SQLite works inside the server) and the
 * load generator, which all share the machine's cores. */
export interface CpuFigures extends LoadFigures {
  serverCpuUs: number
  databaseCpuUs: number
  loadCpuUs: number
}

/** Runs `measure` (a load test) and adds the CPU each party spent per answered request.
 * `databasePids` lists the database server's processes, asked before and after: PostgreSQL starts
 * a backend for each connection the server's pool opens during the load. A process first seen
 * after counts all its CPU; one gone by then counts nothing of the round (its time went with it). */
export async function withCpu(serverPid: number, databasePids: () => number[], measure: () => Promise<LoadFigures>): Promise<CpuFigures> {
  const databaseBefore = cpuMsByPid(databasePids())
  const before = [cpuMs([serverPid]), ownCpuMs()]
  const figures = await measure()
  const after = [cpuMs([serverPid]), ownCpuMs()]
  let databaseMs = 0
  for (const [pid, used] of cpuMsByPid(databasePids())) databaseMs += used - (databaseBefore.get(pid) ?? 0)
  const requests = Math.max(1, figures.ok + figures.non2xx)
  const perRequest = (ms: number) => Math.round((ms * 1000) / requests)
  return { ...figures, serverCpuUs: perRequest(after[0] - before[0]), databaseCpuUs: perRequest(databaseMs), loadCpuUs: perRequest(after[1] - before[1]) }
}
