import { describe, expect, it } from 'vitest'

import { differingFields, recordDigest } from '../../src/domain/recordDigest'

const record = { acceptance: 7, subject: 3, contentHash: 'a'.repeat(64), acceptedAt: '2026-11-28T10:00:00.000Z', contextHash: 'c'.repeat(64), notices: [] }

describe('comparing a row with its ledger record', () => {
  it('gives the same digest whatever the key order, and leaves the personal-data hash aside', () => {
    const reordered = { notices: [], contextHash: 'other', acceptedAt: record.acceptedAt, contentHash: record.contentHash, subject: 3, acceptance: 7 }
    expect(recordDigest(reordered).digest).toBe(recordDigest(record).digest)
    expect(recordDigest(reordered).contextHash).toBe('other')
  })

  it('names each differing field, and skips the personal-data hash once the row was erased', () => {
    const edited = { ...record, contentHash: '0'.repeat(64), contextHash: 'erased' }
    expect(differingFields(edited, record, false)).toEqual(['contentHash', 'contextHash'])
    expect(differingFields(edited, record, true)).toEqual(['contentHash'])
    expect(differingFields(record, record, false)).toEqual([])
  })
})
