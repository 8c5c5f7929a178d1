import { median } from './median'

/** What a scenario reports of several ratios to its baseline: their median and their range. */
export interface MedianRatio {
  ratio: number
  /** The lowest and the highest ratio, "a–b". */
  range: string
}

/** The median of `ratios` (to two decimals) and their range: on a shared machine one ratio is noise. */
export function medianRatio(ratios: number[]): MedianRatio {
  return { ratio: Math.round(median(ratios) * 100) / 100, range: `${Math.min(...ratios)}–${Math.max(...ratios)}` }
}
