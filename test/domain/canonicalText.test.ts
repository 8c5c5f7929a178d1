import { describe, expect, it } from 'vitest'

import { canonicalText } from '../../src/domain/canonicalText'
import { contentHash } from '../../src/domain/contentHash'

describe('canonicalText', () => {
  it('normalises line endings, trailing spaces, blank runs and the final newline', () => {
    expect(canonicalText('  # Title  \r\n\r\n\r\n\r\nBody\t \r\n')).toBe('# Title\n\nBody\n')
  })

  it('normalises Unicode to NFC so composed and decomposed accents hash the same', () => {
    expect(contentHash('Caf\u00e9')).toBe(contentHash('Cafe\u0301'))
  })

  it('keeps every visible change: one changed word changes the hash', () => {
    expect(contentHash('We keep logs for 13 months.')).not.toBe(contentHash('We keep logs for 12 months.'))
  })

  it('hashes the canonical UTF-8 bytes with SHA-256', () => {
    // sha256("abc\n")
    expect(contentHash('abc')).toBe('edeaaff3f1774ad2888673770c6d64097e391bc362d7d6fb34982ddf0efd18cb')
  })
})
