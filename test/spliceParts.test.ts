import { describe, expect, it } from 'vitest'

import { spliceParts } from '../src/render/spliceParts'
import { etagOf, ImmutableCache } from '../src/http/immutableCache'

describe('a page spliced around encoded parts', () => {
  it('holds each part\'s bytes where the template put its placeholder, and the rest as rendered', () => {
    const parts = { first: Buffer.from('<ins>ünïcode → first</ins>'), second: Buffer.from('<del>second</del>') }
    const page = spliceParts((p) => `<main>${p.first}<hr>${p.second}</main><p>« end »</p>`, parts)
    expect(page.toString('utf8')).toBe('<main><ins>ünïcode → first</ins><hr><del>second</del></main><p>« end »</p>')
  })

  it('leaves a missing part empty and a placeholder the template did not use out', () => {
    expect(spliceParts((p) => `[${p.absent}]`, { absent: undefined, unused: Buffer.from('x') }).toString()).toBe('[]')
    expect(spliceParts(() => 'no parts here', { unused: Buffer.from('x') }).toString()).toBe('no parts here')
  })

  it('never takes escaped text that looks like a placeholder for one', () => {
    const page = spliceParts((p) => `&lt;!--part-x:first--&gt;${p.first}`, { first: Buffer.from('ok') })
    expect(page.toString()).toBe('&lt;!--part-x:first--&gt;ok')
  })
})

describe('the cache of immutable renderings', () => {
  it('tags a body hashed in slices as the whole body hashed at once', async () => {
    const body = Buffer.from('é'.repeat(700_000))
    const { createHash } = await import('node:crypto')
    expect(await etagOf(body)).toBe(`"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`)
  })

  it('keeps text and bytes alike, renders once for concurrent callers, and serves the same entry after', async () => {
    const cache = new ImmutableCache(2)
    let renders = 0
    const render = async () => {
      renders++
      return 'page'
    }
    const [a, b] = await Promise.all([cache.get('k', render), cache.get('k', render)])
    expect(a).toBe(b)
    expect(renders).toBe(1)
    expect(a.body.toString()).toBe('page')
    expect((await cache.get('bytes', async () => new TextEncoder().encode('bytes → page'))).body.toString()).toBe('bytes → page')
    expect(await cache.get('k', render)).toBe(a)
    expect(renders).toBe(1)
  })
})
