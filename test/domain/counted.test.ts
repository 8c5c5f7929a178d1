import { describe, expect, it } from 'vitest'

import { counted } from '../../src/domain/counted'

describe('counted', () => {
  it('says one thing in the singular and any other count in the plural', () => {
    expect(counted(1, 'checkpoint')).toBe('1 checkpoint')
    expect(counted(0, 'checkpoint')).toBe('0 checkpoints')
    expect(counted(2, 'problem')).toBe('2 problems')
    expect(counted(1, 'entry', 'entries')).toBe('1 entry')
    expect(counted(1204, 'entry', 'entries')).toBe('1,204 entries')
  })
})
