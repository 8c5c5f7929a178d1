import { describe, expect, it } from 'vitest'

import { logColour } from '../../src/config/logColour'

describe('logColour', () => {
  it('colours logs on a terminal only, and never under NO_COLOR', () => {
    expect(logColour({ isTTY: true }, {} as NodeJS.ProcessEnv)).toBe(true)
    expect(logColour({ isTTY: false }, {} as NodeJS.ProcessEnv)).toBe(false)
    expect(logColour({}, {} as NodeJS.ProcessEnv)).toBe(false)
    expect(logColour({ isTTY: true }, { NO_COLOR: '1' } as unknown as NodeJS.ProcessEnv)).toBe(false)
  })
})
