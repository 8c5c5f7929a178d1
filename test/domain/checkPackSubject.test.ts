import { describe, expect, it } from 'vitest'

import { checkPackSubject } from '../../src/domain/checkPackSubject'
import { externalIdHash } from '../../src/domain/externalIdHash'
import { storedIdentityHash, subjectLedgerRecord } from '../../src/domain/subjectLedgerRecord'

const entry = (seq: number, externalId: string) => ({ seq, record: subjectLedgerRecord({ id: 12, externalIdHash: externalIdHash(externalId) }) })

describe('who a pack says its subject is', () => {
  it('checks out when the external id hashes to the one its entry bound', () => {
    expect(checkPackSubject({ id: 12, externalId: 'alice', erasedAt: null }, [entry(40, 'alice')])).toEqual({ problems: [], unbound: [] })
  })

  it("fails a pack whose subject's row was given another subject's id", () => {
    expect(checkPackSubject({ id: 12, externalId: 'alice', erasedAt: null }, [entry(40, 'bob')]).problems).toEqual([
      "ledger entry 40 binds subject 12 to another external id than the pack states: its acceptances and notices are not this subject's",
    ])
  })

  it('checks an erased subject by the hash it kept, and fails one erased under another id or with none', () => {
    const erasedAt = '2026-12-01T00:00:00.000Z'
    expect(checkPackSubject({ id: 12, externalId: null, erasedAt, externalIdHash: externalIdHash('alice') }, [entry(40, 'alice')]).problems).toEqual([])
    expect(checkPackSubject({ id: 12, externalId: null, erasedAt, externalIdHash: externalIdHash('zoe') }, [entry(40, 'alice')]).problems).toHaveLength(1)
    expect(checkPackSubject({ id: 12, externalId: null, erasedAt }, [entry(40, 'alice')]).problems).toHaveLength(1)
  })

  it('names two entries binding one subject, and leaves a pack without one unbound', () => {
    expect(checkPackSubject({ id: 12, externalId: 'alice', erasedAt: null }, [entry(40, 'alice'), entry(41, 'alice')]).problems).toEqual(['ledger entries 40 and 41 each bind subject 12'])
    expect(checkPackSubject({ id: 12, externalId: 'alice', erasedAt: null }, [])).toEqual({ problems: [], unbound: ['subject.externalId'] })
  })
})

describe('the identity a stored subject must have had bound', () => {
  it('is the hash of its external id, or once erased the hash it kept', () => {
    expect(storedIdentityHash({ externalId: 'alice', externalIdHash: null, erasedAt: null })).toBe(externalIdHash('alice'))
    expect(storedIdentityHash({ externalId: 'erased-0123', externalIdHash: externalIdHash('alice'), erasedAt: '2026-12-01T00:00:00.000Z' })).toBe(externalIdHash('alice'))
    expect(storedIdentityHash({ externalId: 'erased-0123', externalIdHash: null, erasedAt: '2026-12-01T00:00:00.000Z' })).toBeNull()
  })
})
