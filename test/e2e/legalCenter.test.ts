import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { publishFromMarkdown } from '../../src/services/publishing/publishFromMarkdown'
import { browserUnavailable, launchBrowser, screenshotPath } from '../support/browser'
import { makePolicy } from '../support/fixtures'
import { startSeededTestApp } from '../support/startSeededTestApp'
import type { TestApp } from '../support/testApp'

if (browserUnavailable) console.log(`Legal Center browser tests skipped: ${browserUnavailable}.`)

describe.skipIf(browserUnavailable)('the Legal Center in Chromium', () => {
  let app: TestApp
  let browser: Browser
  let page: Page
  const dialogs: string[] = []

  beforeAll(async () => {
    app = await startSeededTestApp()
    browser = await launchBrowser()
    page = await browser.newPage({ viewport: { width: 1100, height: 900 } })
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message())
      await dialog.dismiss()
    })
  })
  afterAll(async () => {
    await browser?.close()
    await app?.close()
  })

  it('shows the privacy policy in force with version 2 announced, and each page renders', async () => {
    await page.goto(`${app.baseUrl}/legal`)
    await page.screenshot({ path: screenshotPath('legal-index'), fullPage: true })
    await page.click('text=Privacy Policy')
    await expect(page.textContent('.doc-meta')).resolves.toContain('Version 1 · Effective 10 February 2020')
    await expect(page.textContent('.notice')).resolves.toMatch(/An updated version takes effect on \d+ \w+ \d{4}/)
    await page.screenshot({ path: screenshotPath('legal-policy'), fullPage: false })
  })

  it('leads from the notice to the redline, where insertions and deletions show', async () => {
    await page.click('text=See what changes')
    expect(page.url()).toBe(`${app.baseUrl}/legal/privacy/compare/1/2`)
    await expect(page.locator('del', { hasText: 'success' }).count()).resolves.toBeGreaterThan(0)
    await expect(page.locator('ins', { hasText: 'privacy' }).first().isVisible()).resolves.toBe(true)
    await expect(page.locator('ins.rl-block h2#data-retention', { hasText: 'Data Retention' }).isVisible()).resolves.toBe(true)
    await page.screenshot({ path: screenshotPath('legal-compare'), fullPage: false })
    await page.click('a[href="#rl-change-1"]')
    expect(page.url()).toMatch(/#rl-change-1$/)
    await page.click('text=side by side')
    await expect(page.locator('table.redline-side').isVisible()).resolves.toBe(true)
    await page.screenshot({ path: screenshotPath('legal-compare-side'), fullPage: false })
  })

  it('compares any two versions picked on the versions page', async () => {
    await page.goto(`${app.baseUrl}/legal/privacy/versions`)
    await page.screenshot({ path: screenshotPath('legal-versions'), fullPage: true })
    await page.selectOption('select[name="from"]', '2')
    await page.selectOption('select[name="to"]', '1')
    await page.click('button[type="submit"]')
    expect(page.url()).toBe(`${app.baseUrl}/legal/privacy/compare/2/1`)
    // The redline holds the document's own heading too: the page's is the first.
    await expect(page.locator('h1').first().textContent()).resolves.toContain('version 2 → version 1')
  })

  it('shows a version\'s permanent page with its content hash', async () => {
    await page.goto(`${app.baseUrl}/legal/privacy/versions/2`)
    await expect(page.locator('code.hash').textContent()).resolves.toMatch(/^[0-9a-f]{64}$/)
    await page.screenshot({ path: screenshotPath('legal-version'), fullPage: false })
  })

  it('never runs a script from a version body or summary', async () => {
    const admin = await app.payload.create({ collection: 'users', data: { email: 'xss-admin@example.com', password: 'long-enough-password', role: 'admin' } })
    const policy = await makePolicy(app.payload, { noticePeriodDays: 0 })
    const hostile = [
      '# Hostile',
      '<script>alert("body script")</script>',
      '<img src="x" onerror="alert(\'img\')">',
      '[click me](javascript:alert("link"))',
      '<a href="javascript:alert(\'raw link\')">raw link</a>',
      '<iframe src="javascript:alert(\'frame\')"></iframe>',
    ].join('\n\n')
    await publishFromMarkdown(app.payload, { ...admin, collection: 'users' } as never, policy.slug, { markdown: hostile, changeClass: 'editorial', summary: '<script>alert("summary")</script><b onmouseover=alert(1)>hover</b>' })
    for (const path of [`/legal/${policy.slug}`, `/legal/${policy.slug}/versions/1`, `/legal/${policy.slug}/versions`]) {
      await page.goto(`${app.baseUrl}${path}`)
      const links = await page.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))
      expect(links.filter((href) => /^\s*javascript:/i.test(href))).toEqual([])
      // Clicking and hovering would fire a surviving javascript: link or event handler.
      for (const target of await page.locator('a, b').all()) await target.hover({ timeout: 500 }).catch(() => undefined)
      await page.locator('a', { hasText: 'click me' }).first().click({ timeout: 500 }).catch(() => undefined)
    }
    await page.screenshot({ path: screenshotPath('legal-hostile'), fullPage: true })
    expect(dialogs).toEqual([])
    expect(await page.evaluate(() => document.querySelectorAll('script, iframe').length)).toBe(0)
  })

  it('once version 3 takes version 2\'s date, announces only version 3 and shows version 2 as superseded before it took effect', async () => {
    const editor = await app.payload.create({ collection: 'users', data: { email: 'superseding-editor@example.com', password: 'long-enough-password', role: 'editor' } })
    const v2 = (await app.payload.find({ collection: 'policy-versions', where: { version: { equals: 2 } }, limit: 1, depth: 0 })).docs[0]
    await publishFromMarkdown(app.payload, { ...editor, collection: 'users' } as never, 'privacy', { markdown: '# Privacy Policy\n\nWe keep support tickets for 24 months.\n', changeClass: 'informational', summary: 'Clarifies how long we keep support tickets.', effectiveAt: v2.effectiveAt as string })
    // A reader new to the site: pages are cached for five minutes, so the tab above may still hold
    // version 2's page from before.
    const reader = await browser.newPage({ viewport: { width: 1100, height: 900 } })
    await reader.goto(`${app.baseUrl}/legal/privacy`)
    await expect(reader.locator('.notice').count()).resolves.toBe(1)
    await expect(reader.textContent('.notice')).resolves.toMatch(/It replaces version 2, announced for \d+ \w+ \d{4}: version 2 is superseded before it took effect and will never be in force\.[\s\S]*Read version 3/)
    await reader.screenshot({ path: screenshotPath('legal-policy-superseded'), fullPage: false })
    await reader.goto(`${app.baseUrl}/legal/privacy/versions`)
    await expect(reader.locator('.badge-superseded-before-effect').textContent()).resolves.toBe('superseded before it took effect, by version 3')
    await reader.screenshot({ path: screenshotPath('legal-versions-superseded'), fullPage: true })
    await reader.goto(`${app.baseUrl}/legal/privacy/versions/2`)
    await expect(reader.textContent('.status')).resolves.toContain('Superseded before it took effect: version 3 replaced it before its effective date')
    await reader.screenshot({ path: screenshotPath('legal-version-superseded'), fullPage: false })
    await reader.close()
  })
})
