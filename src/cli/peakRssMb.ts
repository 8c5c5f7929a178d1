import { readFileSync } from 'node:fs'

/**
 * The highest resident memory of this process so far, in MB. On Linux it is read from
 * /proc/self/status (VmHWM): `process.resourceUsage().maxRSS` keeps, across the exec that started
 * a child process, the peak of the parent it was forked from (a benchmark's 600 MB showed up as the
 * peak of a child that had used 250).
 */
export function peakRssMb(): number {
  try {
    const kb = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1]
    if (kb) return Math.round(Number(kb) / 1024)
  } catch {
    // not Linux: below
  }
  return Math.round(process.resourceUsage().maxRSS / 1024)
}
