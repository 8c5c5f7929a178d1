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

/** A read alone that the test never expects. */
const unused = async (): Promise<never> => expect.fail('read alone')

describe('readBatches', () => {
  it('sends the calls of one turn together and gives each caller its own answer', async () => {
    const { read, batches, releaseAll } = heldRead()
    const call = readBatches(read, unused)
    const answers = Promise.all([1, 2, 3].map(call))
    await new Promise((resolve) => setImmediate(resolve))
    expect(batches).toEqual([[1, 2, 3]])
    await releaseAll()
    expect(await answers).toEqual(['answer 1', 'answer 2', 'answer 3'])
  })

  it('holds the calls made while its batches run, and sends them together when one ends', async () => {
    const { read, batches, releaseAll } = heldRead()
    const call = readBatches(read, unused, { inFlight: 1 })
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
    const call = readBatches(read, unused, { inFlight: 1, most: 2 })
    const answers = Promise.all([1, 2, 3, 4, 5].map(call))
    await new Promise((resolve) => setImmediate(resolve))
    await releaseAll()
    expect(batches).toEqual([[1, 2], [3, 4], [5]])
    expect(await answers).toHaveLength(5)
  })

  it("reads a failed batch's calls alone: a call that cannot be read fails by itself, the others are answered", async () => {
    const batches: number[][] = []
    const call = readBatches(
      async (queries: number[]) => {
        batches.push(queries)
        if (queries.includes(13)) throw new Error('13 cannot be read')
        return queries.map((q) => q * 10)
      },
      async (q) => {
        if (q === 13) throw new Error('13 cannot be read')
        return q * 10
      },
    )
    const outcomes = await Promise.all([12, 13, 14].map((q) => call(q).catch((error: Error) => error.message)))
    expect(outcomes).toEqual([120, '13 cannot be read', 140])
    expect(batches).toEqual([[12, 13, 14]])
    // A call alone in its batch is given the batch's error.
    expect(await call(13).catch((error: Error) => error.message)).toBe('13 cannot be read')
    expect(await call(15)).toBe(150)
  })

  it('reads every call of a batch answered for fewer calls than it had alone', async () => {
    const call = readBatches(async (queries: number[]) => queries.slice(1), async (q: number) => q + 1)
    expect(await Promise.all([call(1), call(2)])).toEqual([2, 3])
  })
})
