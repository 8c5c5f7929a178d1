import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startSeededTestApp } from './support/startSeededTestApp'
import type { TestApp } from './support/testApp'

let app: TestApp
beforeAll(async () => {
  app = await startSeededTestApp()
})
afterAll(() => app?.close())

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${app.baseUrl}${path}`, { headers, redirect: 'manual' })
const page = async (path: string) => {
  const res = await get(path)
  return { status: res.status, html: await res.text(), res }
}
const json = async (path: string) => {
  const res = await get(path)
  return { status: res.status, body: (await res.json()) as Record<string, any> }
}

describe('Legal Center pages', () => {
  it('lists the policies with the version in force and the one coming', async () => {
    const { status, html } = await page('/legal')
    expect(status).toBe(200)
    expect(html).toContain('Privacy Policy')
    expect(html).toContain('Terms of Service')
    expect(html).toMatch(/Updated version 2 takes effect on/)
  })

  it('shows the version in force with its number and effective date at the top, and announces version 2', async () => {
    const { html, res } = await page('/legal/privacy')
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'")
    expect(html).toContain('Version 1 · Effective <time datetime="2020-02-10T00:00:00.000Z">10 February 2020</time>')
    expect(html).toMatch(/An updated version takes effect on <time datetime="[^"]+">/)
    expect(html).toContain('href="/legal/privacy/versions/2"')
    expect(html).toContain('href="/legal/privacy/compare/1/2"')
    expect(html).toContain('Your privacy is important to Leads Group Inc.')
  })

  it('lists every published version with a form to compare any two', async () => {
    const { html } = await page('/legal/privacy/versions')
    expect(html).toContain('action="/legal/privacy/compare"')
    expect(html.match(/<tr>\s*<td><a href="\/legal\/privacy\/versions\/\d">/g)).toHaveLength(2)
    const picked = await get('/legal/privacy/compare?from=1&to=2')
    expect(picked.status).toBe(303)
    expect(picked.headers.get('location')).toBe('/legal/privacy/compare/1/2')
  })

  it('gives each version a permanent page with its content hash', async () => {
    const { body } = await json('/api/v1/policies/privacy/versions/2')
    const { html } = await page('/legal/privacy/versions/2')
    expect(html).toContain(body.contentHash)
    const day = String(body.effectiveAt).slice(0, 10)
    expect(html).toMatch(new RegExp(`This version has been published and takes effect on <time datetime="${day}T[^"]+">[^<]+</time>\\.`))
  })

  it('shows the redline between 1 and 2 word by word, counting the changes', async () => {
    const { html } = await page('/legal/privacy/compare/1/2')
    // The address is a link on the version page: its old target struck, its new one inserted.
    expect(html).toContain('<a href="mailto:success@calleridreputation.com" rel="noopener noreferrer"><del>success@calleridreputation.com</del></a>')
    expect(html).toContain('<a href="mailto:privacy@calleridreputation.com" rel="noopener noreferrer"><ins>privacy@calleridreputation.com</ins></a>')
    expect(html).toMatch(/<ins class="rl-block"><h2 id="data-retention">Data Retention<\/h2><\/ins>/)
    const changes = Number(html.match(/<strong>(\d+) changes?\./)?.[1])
    expect(changes).toBeGreaterThan(3)
    expect(html.match(/id="rl-change-\d+"/g)).toHaveLength(changes)
    expect(html).toContain('href="#rl-change-2"')
  })

  it('lists the sections that changed at the top, each linking to its first change', async () => {
    const { html } = await page('/legal/privacy/compare/1/2')
    const list = html.match(/<nav class="rl-sections"[\s\S]*?<\/nav>/)?.[0] ?? ''
    expect(list).toMatch(/<li><a href="#rl-change-\d+">Data Retention<\/a> \(\d+ changes?\)<\/li>/)
    for (const anchor of list.match(/href="#(rl-change-\d+)"/g) ?? []) expect(html).toContain(`id="${anchor.slice(7, -1)}"`)
  })

  it('has a side-by-side view of the same redline', async () => {
    const { html } = await page('/legal/privacy/compare/1/2?view=side')
    expect(html).toContain('<th scope="col">Version 1</th><th scope="col">Version 2</th>')
    expect(html).toContain('<del>success@calleridreputation.com</del>')
  })

  it('serves compare pages with a strong ETag and answers 304 to a client that has it', async () => {
    const first = await get('/legal/privacy/compare/1/2')
    const etag = first.headers.get('etag')!
    expect(etag).toMatch(/^"[\w-]+"$/)
    const again = await get('/legal/privacy/compare/1/2', { 'if-none-match': etag })
    expect(again.status).toBe(304)
  })

  it('serves the policy page with a strong ETag, to be revalidated at each visit, and answers 304 to a client that has it', async () => {
    const first = await get('/legal/privacy')
    const etag = first.headers.get('etag')!
    expect(etag).toMatch(/^"[\w-]+"$/)
    expect(first.headers.get('cache-control')).toBe('public, max-age=0')
    expect((await get('/legal/privacy', { 'if-none-match': etag })).status).toBe(304)
    // Another language is another page.
    expect((await get('/legal/privacy?lang=fr', { 'if-none-match': etag })).status).toBe(200)
  })
})

describe('refused page requests', () => {
  it.each([
    ['/legal/no-such-policy', 404],
    ['/legal/privacy/versions/9', 404],
    ['/legal/privacy/compare/1/9', 404],
    ['/legal/privacy/compare/2/2', 400],
    ['/legal/privacy/compare/one/2', 400],
    ['/legal/privacy/versions/0', 400],
  ])('%s answers %i with an HTML page', async (path, status) => {
    const res = await page(path)
    expect(res.status).toBe(status)
    expect(res.html).toContain('<!doctype html>')
    expect(res.html).not.toMatch(/at .*\.(ts|js):\d+/)
  })
})

describe('JSON API', () => {
  it('lists policies with what is in force and coming', async () => {
    const { body } = await json('/api/v1/policies')
    const privacy = body.policies.find((p: { slug: string }) => p.slug === 'privacy')
    expect(privacy.inForce.version).toBe(1)
    expect(privacy.upcoming.map((v: { version: number }) => v.version)).toEqual([2])
  })

  it('answers which version was in force at a given time', async () => {
    expect((await json('/api/v1/policies/privacy/in-force?at=2021-06-01')).body.version).toBe(1)
    expect((await json('/api/v1/policies/privacy/in-force?at=2099-01-01T00:00:00Z')).body.version).toBe(2)
    const before = await json('/api/v1/policies/privacy/in-force?at=2019-01-01')
    expect(before.status).toBe(404)
    expect(before.body.error.code).toBe('version_not_found')
  })

  it('gives the diff as structured hunks', async () => {
    const { body } = await json('/api/v1/policies/privacy/diff?from=1&to=2')
    expect(body.changes).toBeGreaterThan(3)
    expect(body.blocks.some((b: { kind: string }) => b.kind === 'change')).toBe(true)
  })

  it.each([
    ['/api/v1/policies/privacy/in-force?at=yesterday', 400, 'bad_request'],
    ['/api/v1/policies/privacy/in-force?at=2021-13-45', 400, 'bad_request'],
    ['/api/v1/policies/privacy/diff?from=1&to=1', 400, 'bad_request'],
    ['/api/v1/policies/privacy/diff?from=x&to=2', 400, 'bad_request'],
    ['/api/v1/policies/privacy/versions/7', 404, 'version_not_found'],
    ['/api/v1/policies/nope', 404, 'policy_not_found'],
  ])('%s answers %i %s', async (path, status, code) => {
    const res = await json(path)
    expect(res.status).toBe(status)
    expect(res.body.error.code).toBe(code)
  })
})

describe('feeds', () => {
  it('announce every version site-wide, newest first, each linking to its redline', async () => {
    const res = await get('/legal/feed.atom')
    expect(res.headers.get('content-type')).toContain('application/atom+xml')
    const xml = await res.text()
    expect(xml.match(/<entry>/g)).toHaveLength(3)
    expect(xml).toContain('/legal/privacy/compare/1/2"/>')
    expect(xml.indexOf('version 2')).toBeLessThan(xml.indexOf('version 1'))
  })

  it('announce one policy\'s versions in its own feed', async () => {
    const xml = await (await get('/legal/terms/feed.atom')).text()
    expect(xml.match(/<entry>/g)).toHaveLength(1)
    expect(xml).toContain('<title>Changes to the Terms of Service</title>')
  })
})
