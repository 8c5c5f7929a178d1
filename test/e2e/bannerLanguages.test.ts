import { describe, expect, it } from 'vitest'

import { findVersion } from '../../src/services/legalCenter/findVersion'
import { markdownToBody } from '../../src/services/publishing/lexicalMarkdown'
import { createApiKey } from '../../src/services/staff/apiKeys'
import { browserUnavailable, launchBrowser, screenshotPath } from '../support/browser'
import { startDemoHost } from '../support/demoHost'
import { beforeAllTests } from '../support/beforeAllTests'
import { startSeededTestApp } from '../support/startSeededTestApp'

if (browserUnavailable) console.log(`Banner language browser tests skipped: ${browserUnavailable}.`)

const ARABIC_SUMMARY = 'أول إصدار منشور من سياسة الخصوصية.'

describe.skipIf(browserUnavailable)('the login banner in French and in Arabic, in Chromium', () => {
  const setup = beforeAllTests(async (closeAfter) => {
    const assent = closeAfter(await startSeededTestApp())
    await assent.payload.updateGlobal({ slug: 'site-languages', data: { locales: 'en, fr, ar' } })
    const { version } = await findVersion(assent.payload, 'privacy', 1)
    const body = (await markdownToBody(assent.payload.config, '# سياسة الخصوصية\n\nنص السياسة.')) as never
    await assent.payload.create({ collection: 'version-translations', data: { version: version.id, locale: 'ar', summary: ARABIC_SUMMARY, body, _status: 'published' } })
    const key = (await createApiKey(assent.payload, 'demo host', 'integration')).key
    const host = closeAfter(await startDemoHost(assent.baseUrl, key))
    return { assent, hostUrl: host.url, browser: closeAfter(await launchBrowser()) }
  })

  /** Opens the host's page for `user` in `locale`, and every origin the page asked anything of. */
  const open = async (user: string, locale: string) => {
    const page = await setup.browser.newPage({ viewport: { width: 1000, height: 700 } })
    const origins = new Set<string>()
    page.on('request', (r) => origins.add(new URL(r.url()).origin))
    await page.goto(`${setup.hostUrl}/dashboard?user=${user}&locale=${locale}`)
    const banner = page.locator('#assent-banner')
    await banner.locator('section.banner').waitFor()
    return { page, banner, origins }
  }

  it('speaks French to a French subject, links the French texts, and records acceptance of the French text', async () => {
    const { page, banner, origins } = await open('amelie', 'fr')
    const body = banner.locator('.assent-banner-body')
    await expect(body.getAttribute('lang')).resolves.toBe('fr')
    await expect(body.evaluate((el) => getComputedStyle(el).direction)).resolves.toBe('ltr')
    await expect(body.innerText()).resolves.toContain('Première version publiée de la Politique de confidentialité.')
    await expect(banner.locator('.assent-consent').innerText()).resolves.toBe('En cliquant sur Accepter, vous acceptez\u00a0: Terms of Service.')
    expect(await banner.locator('a', { hasText: 'Lire le texte intégral' }).first().getAttribute('href')).toMatch(/\/legal\/privacy\/versions\/1\?lang=fr$/)
    await expect(banner.locator('button.accept').innerText()).resolves.toBe('Accepter')
    await expect(banner.locator('button.dismiss').innerText()).resolves.toBe('Plus tard')
    await page.screenshot({ path: screenshotPath('banner-french') })

    await banner.locator('button.accept').click()
    await expect.poll(() => banner.count()).toBe(0)
    const { docs } = await setup.assent.payload.find({ collection: 'acceptances', where: { source: { equals: 'embed' } }, depth: 1 })
    const { version } = await findVersion(setup.assent.payload, 'privacy', 1)
    const french = (await setup.assent.payload.find({ collection: 'version-translations', where: { and: [{ version: { equals: version.id } }, { locale: { equals: 'fr' } }] } })).docs[0]
    expect(docs.map((a) => a.contentHash)).toContain(french.contentHash)
    expect([...origins].sort()).toEqual([setup.assent.baseUrl, setup.hostUrl].map((u) => new URL(u).origin).sort())
  })

  it('runs right to left in Arabic for an Arabic subject', async () => {
    const { page, banner, origins } = await open('layla', 'ar')
    const body = banner.locator('.assent-banner-body')
    await expect(body.getAttribute('dir')).resolves.toBe('rtl')
    await expect(body.evaluate((el) => getComputedStyle(el).direction)).resolves.toBe('rtl')
    await expect(banner.locator('section.banner').evaluate((el) => getComputedStyle(el).direction)).resolves.toBe('rtl')
    await expect(body.innerText()).resolves.toContain(ARABIC_SUMMARY)
    await expect(banner.locator('.assent-consent').innerText()).resolves.toContain('بالنقر على «موافق» فإنك توافق على')
    await expect(banner.locator('button.accept').innerText()).resolves.toBe('موافق')
    // The buttons sit at the end of the line, which in Arabic is the left.
    const accept = (await banner.locator('button.accept').boundingBox())!
    const section = (await banner.locator('section.banner').boundingBox())!
    expect(accept.x - section.x).toBeLessThan(section.width / 2)
    await page.screenshot({ path: screenshotPath('banner-arabic') })
    expect([...origins].sort()).toEqual([setup.assent.baseUrl, setup.hostUrl].map((u) => new URL(u).origin).sort())
  })
})
