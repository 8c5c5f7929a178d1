import { describe, expect, it } from 'vitest'

import { acceptanceRefusal } from '../../src/domain/acceptanceRefusal'
import { requestHash } from '../../src/domain/requestHash'

const hash = 'a'.repeat(64)
const v = (version: number, effective: string) => ({ version, effectiveAt: new Date(effective), contentHash: hash })
const now = new Date('2026-11-28T00:00:00Z')

describe('acceptanceRefusal', () => {
  it('allows the version in force and an upcoming one, as shown', () => {
    const history = [v(1, '2020-01-01'), v(2, '2027-01-01')]
    expect(acceptanceRefusal(history[0], hash, history, now)).toBeUndefined()
    expect(acceptanceRefusal(history[1], hash, history, now)).toBeUndefined()
  })

  it('refuses a text other than the version\'s (a stale page)', () => {
    expect(acceptanceRefusal(v(1, '2020-01-01'), 'b'.repeat(64), [v(1, '2020-01-01')], now)?.code).toBe('stale_content_hash')
  })

  it('refuses a version already replaced by one in force', () => {
    const history = [v(1, '2020-01-01'), v(2, '2021-01-01')]
    expect(acceptanceRefusal(history[0], hash, history, now)?.code).toBe('version_superseded')
  })

  it('refuses an upcoming version superseded before it took effect', () => {
    const history = [v(1, '2020-01-01'), v(2, '2027-01-01'), v(3, '2027-01-01')]
    expect(acceptanceRefusal(history[1], hash, history, now)?.code).toBe('version_superseded')
  })
})

describe('requestHash', () => {
  it('ignores key order and undefined fields, and changes with any value', () => {
    expect(requestHash({ a: 1, b: [1, { c: 2 }] })).toBe(requestHash({ b: [1, { c: 2 }], a: 1, d: undefined }))
    expect(requestHash({ a: 1 })).not.toBe(requestHash({ a: 2 }))
  })
})
