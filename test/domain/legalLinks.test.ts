import { describe, expect, it } from 'vitest'

import { legalLinks } from '../../src/domain/legalLinks'

describe('legalLinks', () => {
  it('points the changes at the redline against the previous version, or at the version when it is the first', () => {
    expect(legalLinks('https://legal.example.com', 'privacy', 3, 2)).toEqual({ versionUrl: 'https://legal.example.com/legal/privacy/versions/3', changesUrl: 'https://legal.example.com/legal/privacy/compare/2/3' })
    expect(legalLinks('https://legal.example.com', 'privacy', 1)).toEqual({ versionUrl: 'https://legal.example.com/legal/privacy/versions/1', changesUrl: 'https://legal.example.com/legal/privacy/versions/1' })
  })
})
