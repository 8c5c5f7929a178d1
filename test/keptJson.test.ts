import { describe, expect, it } from 'vitest'

import { jsonOf, keepJson, objectJson } from '../src/domain/keptJson'

const policy = () => ({ policy: 'terms', owed: { version: 3, summary: 'Says "more" <b>\u2028 é', changes: [{ version: 2, upcoming: false, by: null }] } })

describe('keptJson', () => {
  it('gives the JSON JSON.stringify gives, kept values and arrays of them included', () => {
    const kept = keepJson(policy())
    const answer = { subject: 'u-"1"\n', current: false, policies: [kept, policy(), { policy: 'privacy', owed: null }], bundles: [], banner: keepJson({ html: '<p>Hi</p>', lang: 'fr' }), receipts: [{ at: new Date(0) }], missing: undefined, fn: () => 1, list: [undefined, () => 1] }
    expect(objectJson(answer)).toBe(JSON.stringify(answer))
    expect(objectJson({})).toBe('{}')
    expect(jsonOf(null)).toBe('null')
    expect(jsonOf(undefined)).toBeUndefined()
  })

  it('freezes what it keeps, all the way down, so its JSON cannot go stale', () => {
    const kept = keepJson(policy())
    expect(() => {
      kept.owed.changes[0].version = 9
    }).toThrow(TypeError)
    expect(() => {
      ;(kept as Record<string, unknown>).extra = 1
    }).toThrow(TypeError)
    expect(jsonOf(kept)).toBe(JSON.stringify(policy()))
  })

  it('serialises a value kept once, never again', () => {
    const kept = keepJson(policy())
    const reads: string[] = []
    // A getter would be read by every serialisation; a kept value is not serialised again.
    const spy = keepJson({ get word() { reads.push('read'); return 'w' } })
    const readsWhenKept = reads.length
    expect(objectJson({ items: [kept, spy] })).toBe('{"items":[' + JSON.stringify(policy()) + ',{"word":"w"}]}')
    expect(objectJson({ banner: spy })).toBe('{"banner":{"word":"w"}}')
    expect(reads).toHaveLength(readsWhenKept)
  })
})
