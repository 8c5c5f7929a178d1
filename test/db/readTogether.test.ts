import { describe, expect, it } from 'vitest'

import { readTogether } from '../../src/db/readTogether'

describe('readTogether', () => {
  it("reads the calls of one turn one after another, after every caller's other work of that turn", async () => {
    const log: string[] = []
    const read = readTogether(async (q: number) => {
      log.push(`read ${q}`)
      await null
      return q * 10
    })
    // Three requests, each with work of its own before it reads, as the server runs them.
    const answers = Promise.all([1, 2, 3].map(async (q) => {
      await null
      log.push(`work ${q}`)
      return read(q)
    }))
    expect(await answers).toEqual([10, 20, 30])
    expect(log).toEqual(['work 1', 'work 2', 'work 3', 'read 1', 'read 2', 'read 3'])
  })

  it('fails only the call that cannot be read; the others of its turn are answered', async () => {
    const read = readTogether(async (q: number) => {
      if (q === 13) throw new Error('13 cannot be read')
      return q * 10
    })
    const outcomes = await Promise.all([12, 13, 14].map((q) => read(q).catch((error: Error) => error.message)))
    expect(outcomes).toEqual([120, '13 cannot be read', 140])
  })
})
