import { describe, expect, it } from 'vitest'

import { noNoticeReason } from '../../src/domain/noNoticeReason'

describe('why a published version has no notices', () => {
  it('an editorial change notifies no one, whoever was known', () => {
    expect(noNoticeReason('editorial', 12)).toBe('No notices: an editorial change notifies no one.')
  })

  it('an informational or material version published before any subject was known says so', () => {
    expect(noNoticeReason('informational', 0)).toBe('No notices: no subjects were known when it was published.')
    expect(noNoticeReason('material', 0)).toBe('No notices: no subjects were known when it was published.')
  })

  it('a version with subjects known at publication and still no notice is imported history', () => {
    expect(noNoticeReason('material', 3)).toBe('No notices: it was imported as history, which is never announced again.')
  })
})
