import { describe, expect, it } from 'vitest'

import { versionTitle } from '../../src/domain/versionTitle'

describe("a version's title in the admin", () => {
  it('names a published version by its policy and number', () => {
    expect(versionTitle('Privacy Policy', { version: 3, publishedAt: '2026-01-01T00:00:00.000Z' }, 3)).toBe('Privacy Policy — version 3')
  })

  it('names a draft by the number it will take after the newest published version', () => {
    expect(versionTitle('Privacy Policy', { version: null }, 2)).toBe('Privacy Policy — draft of version 3')
    expect(versionTitle('Cookie Policy', {}, undefined)).toBe('Cookie Policy — draft of version 1')
  })

  it('says so when a draft has no policy', () => {
    expect(versionTitle(undefined, {}, undefined)).toBe('Draft without a policy')
  })
})
