import { describe, expect, it } from 'vitest'

import { subjectIdentityRefusal } from '../../src/domain/subjectIdentityRefusal'

describe('a write to who a subject is', () => {
  const alice = { id: 7, externalId: 'alice', externalIdHash: null, erasedAt: null }

  it('lets a subject be created with its external id, and changed in anything else', () => {
    expect(subjectIdentityRefusal({ externalId: 'alice' }, undefined)).toBeUndefined()
    expect(subjectIdentityRefusal({}, alice)).toBeUndefined()
    expect(subjectIdentityRefusal({ externalId: 'alice', externalIdHash: undefined, erasedAt: null }, alice)).toBeUndefined()
  })

  it('refuses another external id, a hash or an erasure date, naming them', () => {
    expect(subjectIdentityRefusal({ externalId: 'bob' }, alice)).toMatchObject({ code: 'subject_identity_frozen', message: expect.stringMatching(/^A subject's externalId never changes:/) })
    expect(subjectIdentityRefusal({ externalIdHash: 'ab', erasedAt: '2026-01-01T00:00:00.000Z' }, alice)?.message).toMatch(/^A subject's externalIdHash, erasedAt never change:/)
    expect(subjectIdentityRefusal({ externalId: 'x', erasedAt: '2026-01-01T00:00:00.000Z' }, undefined)?.code).toBe('subject_identity_frozen')
  })

  it('refuses any write to an erased subject', () => {
    expect(subjectIdentityRefusal({ externalId: 'alice' }, { ...alice, erasedAt: '2026-01-01T00:00:00.000Z' })?.code).toBe('subject_erased')
  })
})
