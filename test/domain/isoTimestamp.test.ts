import { describe, expect, it } from 'vitest'

import { isoTimestamp } from '../../src/store/isoTimestamp'

describe('isoTimestamp', () => {
  it('writes Dates and PostgreSQL timestamps as ISO-8601 UTC, and leaves ISO text and other values alone', () => {
    expect(isoTimestamp(new Date('2026-11-28T18:56:32.599Z'))).toBe('2026-11-28T18:56:32.599Z')
    expect(isoTimestamp('2026-11-28 18:56:32.599+00')).toBe('2026-11-28T18:56:32.599Z')
    expect(isoTimestamp('2026-11-28 19:56:32.5+01:00')).toBe('2026-11-28T18:56:32.500Z')
    expect(isoTimestamp('2026-11-28T18:56:32.599Z')).toBe('2026-11-28T18:56:32.599Z')
    expect(isoTimestamp(null)).toBeNull()
    expect(isoTimestamp('not a date')).toBe('not a date')
  })
})
