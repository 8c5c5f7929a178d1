import { describe, expect, it } from 'vitest'

import { nextReading, startWatch, type MemoryReading } from '../src/domain/nativeMemoryWatch'

const MB = 2 ** 20
const LIMIT = 64 * MB

/** The collections due over `readings`, by index; after one, the watch starts again from the next reading, as the guard does. */
function collections(readings: Array<[heapMb: number, outsideMb: number]>): number[] {
  const at = (i: number): MemoryReading => ({ heap: readings[i][0] * MB, outside: readings[i][1] * MB })
  let watch = startWatch(at(0))
  const due: number[] = []
  for (let i = 1; i < readings.length; i++) {
    const next = nextReading(watch, at(i), LIMIT)
    watch = next.watch
    if (next.collect) {
      due.push(i)
      watch = startWatch(at(i))
    }
  }
  return due
}

describe('nativeMemoryWatch', () => {
  it('makes a full collection due when memory outside the heap grows by the limit from its least', () => {
    expect(collections([[100, 50], [100, 80], [100, 40], [100, 103], [100, 104]])).toEqual([4])
    expect(collections([[100, 50], [100, 113], [100, 114]])).toEqual([2])
    expect(collections([[100, 50], [100, 120]])).toEqual([1])
  })

  it('never for the heap growing, however far: V8 collects its own heap', () => {
    expect(collections([[100, 50], [200, 55], [400, 60], [800, 50]])).toEqual([])
  })

  it('not for the resident size lagging a heap that just shrank, but for growth from there', () => {
    // The heap shrank by 200 MB; the resident size gives it back only later, so outside looks 150 MB larger.
    expect(collections([[400, 50], [200, 200], [200, 120], [200, 60], [200, 70]])).toEqual([])
    expect(collections([[400, 50], [200, 200], [200, 265]])).toEqual([2])
  })
})
