import { describe, expect, it } from 'vitest'

import { scopedIdempotencyKey, type IdempotencyCaller } from '../../src/domain/idempotencyScope'

describe('scopedIdempotencyKey', () => {
  it('gives one key a different stored key for each caller', () => {
    const callers: IdempotencyCaller[] = [
      { kind: 'api-key', id: 1 },
      { kind: 'api-key', id: 2 },
      { kind: 'banner', subject: 'rl-user' },
      { kind: 'banner', subject: 'other-user' },
      { kind: 'local' },
    ]
    const stored = callers.map((caller) => scopedIdempotencyKey(caller, 'order-0001'))
    expect(new Set(stored).size).toBe(callers.length)
  })

  it('is the same for the same caller and key, so a retry replays', () => {
    expect(scopedIdempotencyKey({ kind: 'banner', subject: 'ada' }, 'k-00000001')).toBe(scopedIdempotencyKey({ kind: 'banner', subject: 'ada' }, 'k-00000001'))
  })

  it('cannot be forged by a subject id or key holding the separator', () => {
    // Without encoding, subject "a:b" with key "c" and subject "a" with key "b:c" would meet.
    expect(scopedIdempotencyKey({ kind: 'banner', subject: 'a:b' }, 'c')).not.toBe(scopedIdempotencyKey({ kind: 'banner', subject: 'a' }, 'b:c'))
    expect(scopedIdempotencyKey({ kind: 'banner', subject: '1' }, 'k')).not.toBe(scopedIdempotencyKey({ kind: 'api-key', id: 1 }, 'k'))
    expect(scopedIdempotencyKey({ kind: 'banner', subject: 'api-key:1' }, 'k')).not.toBe(scopedIdempotencyKey({ kind: 'api-key', id: 1 }, 'k'))
  })
})
