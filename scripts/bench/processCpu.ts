import { readFileSync, readdirSync } from 'node:fs'

/** Clock ticks per second of /proc's CPU times (USER_HZ: 100 on Linux everywhere it runs). */
const TICKS_PER_SECOND = 100

/** The CPU time (user and system, ms) each of the processes `pids` has used so far; NaN for each
 * where /proc cannot tell (not Linux). A process gone meanwhile is left out. */
export function cpuMsByPid(pids: readonly number[]): Map<number, number> {
  const used = new Map<number, number>()
  for (const pid of pids) {
    if (process.platform !== 'linux') {
      used.set(pid, Number.NaN)
      continue
    }
    try {
      // Fields after the command name (which may hold spaces), from the 3rd: utime is the 14th, stime the 15th.
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ').pop()!.split(' ')
      used.set(pid, ((Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND) * 1000)
    } catch {
      // exited
    }
  }
  return used
}

/** The CPU time (user and system, ms) the processes `pids` have used so far, together; NaN where
 * /proc cannot tell (not Linux). A process gone meanwhile counts 0. */
export function cpuMs(pids: readonly number[]): number {
  if (process.platform !== 'linux') return Number.NaN
  let ms = 0
  for (const used of cpuMsByPid(pids).values()) ms += used
  return ms
}

/** The processes of the local PostgreSQL server (its backends included), by their command name. */
export function postgresPids(): number[] {
  if (process.platform !== 'linux') return []
  return readdirSync('/proc').filter((name) => /^\d+$/.test(name)).map(Number).filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres'
    } catch {
      return false
    }
  })
}

/** This process's own CPU time so far (ms): the load generator's, when it runs here. */
export const ownCpuMs = (): number => {
  const { user, system } = process.cpuUsage()
  return (user + system) / 1000
}
