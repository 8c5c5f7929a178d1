import { describe, expect, it } from 'vitest'

describe('next.config.js', () => {
  it('holds no experimental key this Next does not know (it warned at every start)', async () => {
    const { default: config } = await import('../../next.config.js')
    expect(config.experimental ?? {}).not.toHaveProperty('turbopackServerFastRefresh')
    expect(config.poweredByHeader).toBe(false)
  })
})
