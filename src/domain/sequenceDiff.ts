import diffSequences from '@jest/diff-sequences'

/** A run of items the same on both sides, only in the first (`delete`) or only in the second
 * (`insert`). */
export interface Run<T> {
  op: 'equal' | 'delete' | 'insert'
  items: T[]
}

/**
 * The shortest edit between two sequences (Myers' algorithm, linear space), as runs in reading
 * order: within each gap between common runs, what the first side had comes before what the
 * second side has instead.
 */
export function sequenceDiff<T>(a: readonly T[], b: readonly T[]): Run<T>[] {
  const runs: Run<T>[] = []
  let i = 0
  let j = 0
  const gap = (toA: number, toB: number) => {
    if (toA > i) runs.push({ op: 'delete', items: a.slice(i, toA) })
    if (toB > j) runs.push({ op: 'insert', items: b.slice(j, toB) })
  }
  diffSequences(a.length, b.length, (x, y) => a[x] === b[y], (n, x, y) => {
    gap(x, y)
    runs.push({ op: 'equal', items: a.slice(x, x + n) })
    i = x + n
    j = y + n
  })
  gap(a.length, b.length)
  return runs
}
