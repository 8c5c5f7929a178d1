import { medianRatio, type MedianRatio } from './medianRatio'

/** One round: the scenario's measurement, then its baseline's, back to back. */
export interface Round<S, B> {
  scenario: S
  baseline: B
  ratio: number
}

/** How to measure each side of a round (the baseline may size itself on the scenario's
 * measurement of the same round), and how a round's two measurements make its ratio. */
export interface RoundSides<S, B> {
  scenario: () => S | Promise<S>
  baseline: (scenario: S) => B | Promise<B>
  ratio: (scenario: S, baseline: B) => number
}

/**
 * Measures the scenario and its baseline in `count` alternated rounds (the machines are shared
 * and noisy: one sequential pair is noise, not a result). Returns every round, the median of the
 * rounds' ratios and their range. Warm-ups are the caller's, before the first round.
 */
export async function alternateRounds<S, B>(count: number, sides: RoundSides<S, B>): Promise<MedianRatio & { rounds: Array<Round<S, B>> }> {
  const rounds: Array<Round<S, B>> = []
  for (let i = 0; i < count; i++) {
    const scenario = await sides.scenario()
    const baseline = await sides.baseline(scenario)
    rounds.push({ scenario, baseline, ratio: sides.ratio(scenario, baseline) })
  }
  return { rounds, ...medianRatio(rounds.map((r) => r.ratio)) }
}
