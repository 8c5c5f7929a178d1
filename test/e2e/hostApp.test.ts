import { gzipSync } from 'node:zlib'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

import { createHostApp } from '../../examples/host-app/app.js'
import { createApiKey } from '../../src/services/staff/apiKeys'
import { browserUnavailable, launchBrowser, screenshotPath } from '../support/browser'
import { startSeededTestApp } from '../support/startSeededTestApp'
import { beforeAllTests } from '../support/beforeAllTests'
import { listen } from '../support/listen'

if (browserUnavailable) console.log(`Demo host app browser test skipped: ${browserUnavailable}.`)

describe('the banner script', () => {
  it('is small, has no dependencies and sends no cookies', () => {
    const script = readFileSync('src/embed/banner.js', 'utf8')
    const gzipped = gzipSync(script, { level: 9 }).length
    console.log(`banner.js: ${script.length} bytes, ${gzipped} bytes gzipped`)
    expect(gzipped).toBeLessThan(3 * 1024)
    expect(script).not.toMatch(/\bimport\b|\brequire\(|document\.cookie|credentials\s*:/)
  })
})

describe('the demo host product\'s sign-in pattern', () => {
  it('compiles as browsers compile an input pattern (the v flag), and takes the names the server takes', async () => {
    const host = await listen(createHostApp({ assentUrl: 'http://127.0.0.1:9', apiKey: 'unused' }))
    const html = await (await fetch(`http://127.0.0.1:${host.port}/login`)).text()
    await host.close()
    const pattern = /pattern="([^"]+)"/.exec(html)?.[1]
    expect(pattern).toBeDefined()
    const check = new RegExp(`^(?:${pattern})$`, 'v')
    expect(['alice', 'a.b-c_d', 'x'.repeat(64)].every((name) => check.test(name))).toBe(true)
    expect(['not valid!', '', 'x'.repeat(65), 'a/b'].some((name) => check.test(name))).toBe(false)
  })
})

describe.skipIf(browserUnavailable)('the demo host product\'s sign-in page in Chromium', () => {
  it('checks the user name with its pattern, which Chromium accepts as a regular expression', async () => {
    // No Assent needed: the sign-in page is the product's own.
    const host = await listen(createHostApp({ assentUrl: 'http://127.0.0.1:9', apiKey: 'unused' }))
    const browser = await launchBrowser()
    try {
      const page = await browser.newPage()
      const warnings: string[] = []
      page.on('console', (message) => warnings.push(message.text()))
      await page.goto(`http://127.0.0.1:${host.port}/login`)
      const input = page.getByLabel('User name')
      await input.fill('not valid!')
      expect(await input.evaluate((el: HTMLInputElement) => el.validity.patternMismatch)).toBe(true)
      await input.fill('alice.o-k_1')
      expect(await input.evaluate((el: HTMLInputElement) => el.validity.valid)).toBe(true)
      expect(warnings.filter((w) => /regular expression/i.test(w))).toEqual([])
    } finally {
      await browser.close()
      await host.close()
    }
  }, 60_000)
})

describe.skipIf(browserUnavailable)('the demo host product in Chromium', () => {
  const setup = beforeAllTests(async (closeAfter) => {
    const assent = closeAfter(await startSeededTestApp())
    const { key } = await createApiKey(assent.payload, 'demo product', 'integration')
    // Another site than Assent's (localhost vs 127.0.0.1): the banner works cross-site.
    const host = closeAfter(await listen(createHostApp({ assentUrl: assent.baseUrl, apiKey: key })))
    return { assent, hostUrl: host.url, browser: closeAfter(await launchBrowser()) }
  })

  it('signs a new user in, gates them behind the terms, records the click, and lets them in', async () => {
    const page = await setup.browser.newPage({ viewport: { width: 1000, height: 760 } })
    const toAssent: Array<{ url: string; cookie?: string }> = []
    page.on('request', (request) => {
      if (request.url().startsWith(setup.assent.baseUrl)) toAssent.push({ url: request.url(), cookie: request.headers().cookie })
    })
    await page.goto(`${setup.hostUrl}/login`)
    await page.getByLabel('User name').fill('alice')
    await page.getByRole('button', { name: 'Sign in' }).click()

    await page.locator('#gate').waitFor()
    const banner = page.locator('#assent-banner section.banner')
    await banner.waitFor()
    await expect(banner.innerText()).resolves.toContain('Terms of Service')
    await page.screenshot({ path: screenshotPath('host-app-gate') })
    expect(await page.locator('#welcome').count()).toBe(0)

    await banner.getByRole('button', { name: 'Accept' }).click()
    await page.locator('#welcome').waitFor()
    await expect(page.locator('#welcome').innerText()).resolves.toBe('Welcome, alice')
    await page.screenshot({ path: screenshotPath('host-app-let-in') })

    const subject = (await setup.assent.payload.find({ collection: 'subjects', where: { externalId: { equals: 'alice' } } })).docs[0]
    const accepted = (await setup.assent.payload.find({ collection: 'acceptances', where: { subject: { equals: subject.id } }, depth: 1 })).docs
    expect(accepted.map((a) => `${(a.policy as { slug: string }).slug} ${a.method} ${a.source}`).sort()).toContain('terms clickwrap embed')
    expect(toAssent.length).toBeGreaterThan(2)
    expect(toAssent.filter((r) => r.cookie)).toEqual([])

    // Signing in again: nothing owed, straight in.
    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.getByLabel('User name').fill('alice')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.locator('#welcome').waitFor()
    expect(await page.locator('#gate').count()).toBe(0)
    await page.close()
  })
})
