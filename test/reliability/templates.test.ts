import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { renderBanner, type BannerItem } from '../../src/render/renderBanner'
import { recordFigure } from './figures'

/** Every TypeScript file under `dir`. */
const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name)
    return statSync(file).isDirectory() ? sources(file) : file.endsWith('.ts') ? [file] : []
  })

// What a Handlebars compile call may compile: a template file shipped with Assent, or the banner
// layout constants of src/domain/bannerDefaults.ts. Anything else could be text a user typed.
const shipped = /\.compile\((read\(|readFileSync\(|bannerHtmlTemplate|bannerTextTemplate)/

describe('Handlebars compiles only templates shipped with Assent', () => {
  it('has no compile call on anything but a shipped file or constant', () => {
    const calls = sources('src').flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => /\b(hbs|Handlebars(\.create\(\))?)\.compile\(/.test(line))
        .map((line) => ({ file, line: line.trim() })),
    )
    const unsafe = calls.filter(({ line }) => !shipped.test(line))
    recordFigure('Templates', 'Handlebars compile calls in the code', calls.length)
    recordFigure('Templates', 'compile calls on anything but a shipped template', unsafe.length, 0)
    expect(calls.length).toBeGreaterThan(5)
    expect(unsafe).toEqual([])
  })

  it("shows an admin's banner wording as text, whatever it contains", () => {
    const item: BannerItem = { policyTitle: '{{policyTitle}}', version: 2, action: 'accept', summary: '<img src=x onerror=alert(1)>', effectiveDate: '2027-01-01', upcoming: false, hasPrevious: true, since: 1, redlineUrl: 'https://legal.example.com/r', versionUrl: 'https://legal.example.com/v', changes: [] }
    const hostile = {
      intro: '{{#each items}}{{constructor.constructor "return process"}}{{/each}}',
      changesLinkLabel: '<script>alert(1)</script>',
      fullTextLabel: '{{{summary}}}',
      consentLead: '"><svg onload=alert(1)>',
    }
    const { html, text } = renderBanner(hostile, [item])
    expect(html).toContain('{{#each items}}{{constructor.constructor &quot;return process&quot;}}{{/each}}')
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).toContain('{{{summary}}}')
    expect(html).toContain('&quot;&gt;&lt;svg onload&#x3D;alert(1)&gt;')
    expect(html).toContain('&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;')
    expect(html).not.toMatch(/<script|<svg|<img/)
    expect(text).toContain('{{#each items}}{{constructor.constructor "return process"}}{{/each}}')
  })
})
