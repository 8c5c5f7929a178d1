import { median } from './median'

/** A round of warm-up calls no faster than this share of the round before: the operation has settled. */
const SETTLED = 0.95

/** Timings of one operation: the timed calls, and the warm-up before them. */
export interface SettledTiming {
  medianMs: number
  p90Ms: number
  calls: number
  /** Untimed calls made first. */
  warmUpCalls: number
  /** The median of the first warm-up round: a server just started, its database's cache cold. */
  firstRoundMs: number
}

/** Whether warm-up rounds whose medians were `medians` (oldest first) have settled: each of the
 * last two was no faster than 95% of the one before it. One such round was not enough: the status
 * check at 1,000,000 subjects stopped at 0.41 ms after 4 rounds in one run, and went on from 0.41
 * to 0.28 ms over the next two in another. */
export function hasSettled(medians: readonly number[]): boolean {
  const n = medians.length
  return n >= 3 && medians[n - 1] >= SETTLED * medians[n - 2] && medians[n - 2] >= SETTLED * medians[n - 3]
}

const rounded = (ms: number) => Math.round(ms * 100) / 100

/**
 * Median and 90th percentile of `calls` timed calls of `op` (given each call's number), in ms,
 * once it has settled as in a server that has been answering for a while: untimed rounds of as
 * many calls first, until two rounds running are each no faster than 95% of the round before (its code compiled,
 * the rows it reads in the database's cache), at most `maxRounds` of them. `before` each call is
 * not timed. A round of a tenth as many calls was too short: the status check at 1,000,000
 * subjects sped up by about 2% a round of 200, under the noise of one round to the next, while its
 * median went from 0.39 to 0.22 ms over 13,200 calls.
 */
export async function settledTiming(calls: number, op: (i: number) => Promise<unknown>, options: { before?: () => Promise<unknown>; maxRounds?: number } = {}): Promise<SettledTiming> {
  const { before, maxRounds = 40 } = options
  let i = 0
  const time = async () => {
    await before?.()
    const t = performance.now()
    await op(i++)
    return performance.now() - t
  }
  const medians: number[] = []
  while (medians.length < maxRounds && !hasSettled(medians)) {
    const ms: number[] = []
    for (let k = 0; k < calls; k++) ms.push(await time())
    medians.push(median(ms))
  }
  const warmUpCalls = i
  const ms: number[] = []
  for (let k = 0; k < calls; k++) ms.push(await time())
  ms.sort((a, b) => a - b)
  const at = (q: number) => rounded(ms[Math.min(ms.length - 1, Math.floor(q * ms.length))])
  return { medianMs: at(0.5), p90Ms: at(0.9), calls, warmUpCalls, firstRoundMs: rounded(medians[0]) }
}
