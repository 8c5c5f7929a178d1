import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { findVersion } from '../../src/services/legalCenter/findVersion'
import { markdownToBody } from '../../src/services/publishing/lexicalMarkdown'
import { browserUnavailable, launchBrowser, screenshotPath } from '../support/browser'
import { startSeededTestApp } from '../support/startSeededTestApp'
import type { TestApp } from '../support/testApp'

if (browserUnavailable) console.log(`Legal Center language browser tests skipped: ${browserUnavailable}.`)

/** Issue 24: the Legal Center in French and in Arabic (right to left), as Chromium shows it. */
describe.skipIf(browserUnavailable)('the Legal Center in two languages in Chromium', () => {
  let app: TestApp
  let browser: Browser
  let page: Page
  const elsewhere: string[] = []

  beforeAll(async () => {
    app = await startSeededTestApp()
    await app.payload.updateGlobal({ slug: 'site-languages', data: { locales: 'en, fr, ar' } })
    const { version } = await findVersion(app.payload, 'terms', 1)
    const body = (await markdownToBody(app.payload.config, '# شروط الخدمة\n\nباستخدامك للخدمة فإنك توافق على هذه الشروط.\n\n## الحساب\n\nأنت مسؤول عن حسابك.')) as never
    await app.payload.create({ collection: 'version-translations', data: { version: version.id, locale: 'ar', summary: 'النسخة الأولى من شروط الخدمة.', body, _status: 'published' } })
    browser = await launchBrowser()
    page = await browser.newPage({ viewport: { width: 1100, height: 900 }, locale: 'fr-FR' })
    const host = new URL(app.baseUrl).host
    page.on('request', (request) => {
      if (new URL(request.url()).host !== host) elsewhere.push(request.url())
    })
  }, 120_000)
  afterAll(async () => {
    await browser?.close()
    await app?.close()
  })

  it('shows the privacy policy in French to a French browser, with a switcher that leads to English', async () => {
    await page.goto(`${app.baseUrl}/legal/privacy`)
    await expect(page.getAttribute('html', 'lang')).resolves.toBe('fr')
    await expect(page.textContent('.doc-body')).resolves.toContain('Votre vie privée est importante')
    await expect(page.locator('nav.languages a').allTextContents()).resolves.toEqual(['English', 'Français'])
    await expect(page.getAttribute('nav.languages a[aria-current="page"]', 'hreflang')).resolves.toBe('fr')
    await page.screenshot({ path: screenshotPath('legal-locale-fr'), fullPage: false })
    await page.click('nav.languages a[hreflang="en"]')
    expect(page.url()).toBe(`${app.baseUrl}/legal/privacy?lang=en`)
    await expect(page.textContent('.doc-body')).resolves.toContain('Your privacy is important')
    // The English reader stays in English as they go on, although the browser prefers French.
    await page.click('text=All versions')
    await expect(page.getAttribute('html', 'lang')).resolves.toBe('en')
  })

  it('shows a French version page with French headings, labels and dates', async () => {
    await page.goto(`${app.baseUrl}/legal/privacy/versions/1?lang=fr`)
    await expect(page.textContent('.doc-meta')).resolves.toBe('Version 1 · En vigueur depuis le 10 février 2020')
    await expect(page.locator('dl.facts dt').allTextContents()).resolves.toEqual(['Publiée le', 'Modification', 'Ce qui a changé', 'Empreinte du contenu (SHA-256)'])
    await page.screenshot({ path: screenshotPath('legal-locale-fr-version'), fullPage: false })
  })

  it('shows the French redline between versions 1 and 2', async () => {
    await page.goto(`${app.baseUrl}/legal/privacy/compare/1/2?lang=fr`)
    await expect(page.locator('.redline-inline ins', { hasText: 'privacy@calleridreputation.com' }).first().isVisible()).resolves.toBe(true)
    await expect(page.textContent('.redline-inline')).resolves.toContain('Politique de confidentialité')
    await page.screenshot({ path: screenshotPath('legal-locale-fr-compare'), fullPage: false })
  })

  it('shows the Arabic terms right to left, with the note that the translation was added later', async () => {
    await page.goto(`${app.baseUrl}/legal/terms/versions/1?lang=ar`)
    await expect(page.evaluate(() => getComputedStyle(document.querySelector('.doc-body')!).direction)).resolves.toBe('rtl')
    await expect(page.evaluate(() => getComputedStyle(document.body).direction)).resolves.toBe('rtl')
    await expect(page.textContent('.doc-body')).resolves.toContain('أنت مسؤول عن حسابك.')
    await expect(page.textContent('.locale-note')).resolves.toMatch(/^أُضيفت هذه الترجمة في \d+ \S+ \d{4}، بعد نشر الإصدار في \d+ \S+ \d{4}\.$/)
    await expect(page.evaluate(() => getComputedStyle(document.querySelector('.locale-note')!).direction)).resolves.toBe('rtl')
    await expect(page.textContent('.doc-meta')).resolves.toBe('الإصدار 1 · ساري المفعول منذ 10 فبراير 2020')
    await expect(page.locator('nav.languages a').allTextContents()).resolves.toEqual(['English', 'العربية'])
    // The Arabic text starts at the right: its heading's right edge is near the main column's.
    const [heading, main] = await Promise.all([page.locator('.doc-body h1, .doc-body h2').first().boundingBox(), page.locator('main').boundingBox()])
    expect(main!.x + main!.width - (heading!.x + heading!.width)).toBeLessThan(80)
    await page.screenshot({ path: screenshotPath('legal-locale-ar'), fullPage: true })
  })

  it('requested nothing from another host', () => {
    expect(elsewhere).toEqual([])
  })
})
