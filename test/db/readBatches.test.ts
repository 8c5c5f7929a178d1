import { describe, expect, it } from 'vitest'

import { readBatches } from '../../src/db/readBatches'

/** A read that records each batch it is given and answers when `release` is called. */
function heldRead() {
  const batches: number[][] = []
  const held: Array<() => void> = []
  const read = (queries: number[]) =>
    new Promise<string[]>((resolve) => {
      batches.push(queries)
      held.push(() => resolve(queries.map((q) => `answer ${q}`)))
    })
  const releaseAll = async () => {
    while (held.length > 0) {
      held.shift()!()
      await new Promise((resolve) => setImmediate(resolve))
    }
  }
  return { read, batches, releaseAll }
}

describe('readBatches', () => {
  it('sends the calls of one turn together and gives each caller its own answer', async () => {
    const { read, batches, releaseAll } = heldRead()
    const call = readBatches(read)
    const answers = Promise.all([1, 2, 3].map(call))
    await new Promise((resolve) => setImmediate(resolve))
    expect(batches).toEqual([[1, 2, 3]])
    await releaseAll()
    expect(await answers).toEqual(['answer 1', 'answer 2', 'answer 3'])
  })

  it('holds the calls made while its batches run, and sends them together when one ends', async () => {
    const { read, batches, releaseAll } = heldRead()
    const call = readBatches(read, { inFlight: 1 })
    const first = call(1)
    await new Promise((resolve) => setImmediate(resolve))
    const later = [2, 3, 4].map(call)
    await new Promise((resolve) => setImmediate(resolve))
    expect(batches).toEqual([[1]])
    await releaseAll()
    expect(batches).toEqual([[1], [2, 3, 4]])
    expect(await Promise.all([first, ...later])).toEqual(['answer 1', 'answer 2', 'answer 3', 'answer 4'])
  })

  it('sends at most `most` calls in a batch', async () => {
    const { read, batches, releaseAll } = heldRead()
    const call = readBatches(read, { inFlight: 1, most: 2 })
    const answers = Promise.all([1, 2, 3, 4, 5].map(call))
    await new Promise((resolve) => setImmediate(resolve))
    await releaseAll()
    expect(batches).toEqual([[1, 2], [3, 4], [5]])
    expect(await answers).toHaveLength(5)
  })

  it("gives a failed batch's error to its callers only, and goes on with the next", async () => {
    let n = 0
    const call = readBatches(async (queries: number[]) => {
      if (n++ === 0) throw new Error('connection lost')
      return queries.map((q) => q * 10)
    }, { inFlight: 1 })
    const failed = [1, 2].map((q) => call(q).catch((error: Error) => error.message))
    expect(await Promise.all(failed)).toEqual(['connection lost', 'connection lost'])
    expect(await call(3)).toBe(30)
  })

  it('refuses every call of a batch answered for fewer calls than it had', async () => {
    const call = readBatches(async (queries: number[]) => queries.slice(1))
    const outcomes = await Promise.allSettled([call(1), call(2)])
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected'])
  })
})
