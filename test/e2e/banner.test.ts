import { describe, expect, it } from 'vitest'

import { createApiKey } from '../../src/services/staff/apiKeys'
import { browserUnavailable, launchBrowser, screenshotPath } from '../support/browser'
import { startDemoHost } from '../support/demoHost'
import { makePolicy, makeVersion } from '../support/fixtures'
import { beforeAllTests } from '../support/beforeAllTests'
import { startTestApp } from '../support/testApp'

if (browserUnavailable) console.log(`Banner browser tests skipped: ${browserUnavailable}.`)

describe.skipIf(browserUnavailable)('the login banner on a host product page, in Chromium', () => {
  const setup = beforeAllTests(async (closeAfter) => {
    const assent = closeAfter(await startTestApp())
    const policy = await makePolicy(assent.payload, { title: 'Terms of Service', acceptanceMode: 'clickwrap' })
    await makeVersion(assent.payload, policy.id, { _status: 'published', summary: 'Our first terms.' }, '# Terms of Service\n\nBe kind.')
    const key = (await createApiKey(assent.payload, 'demo host', 'integration')).key
    // The host product: its server asks Assent for a banner token for the signed-in user.
    const host = closeAfter(await startDemoHost(assent.baseUrl, key))
    return { assent, key, hostUrl: host.url, browser: closeAfter(await launchBrowser()) }
  })

  it('shows the banner with assent wording, records the click, and is gone on reload', async () => {
    const page = await setup.browser.newPage({ viewport: { width: 1000, height: 700 } })
    await page.goto(`${setup.hostUrl}/dashboard?user=alice`)
    const banner = page.locator('#assent-banner')
    await banner.locator('section.banner').waitFor()
    await expect(banner.locator('.assent-consent').textContent()).resolves.toContain('By clicking Accept you agree to the Terms of Service.')
    expect(await banner.locator('.assent-consent a').getAttribute('href')).toMatch(/\/legal\/.+\/versions\/1$/)
    const link = banner.locator('a', { hasText: 'Read the full text' })
    expect(await link.getAttribute('href')).toMatch(/\/legal\/.+\/versions\/1$/)
    await page.screenshot({ path: screenshotPath('banner-shown') })

    const accepted = page.evaluate(() => new Promise((resolve) => document.addEventListener('assent:accepted', (e) => resolve((e as CustomEvent).detail))))
    await banner.locator('button.accept').click()
    expect(await accepted).toMatchObject({ subject: 'alice', acceptances: [{ version: 1, method: 'clickwrap' }] })
    await expect(banner.count()).resolves.toBe(0)

    const rows = await setup.assent.payload.find({ collection: 'acceptances', where: { source: { equals: 'embed' } }, depth: 1 })
    expect(rows.docs).toHaveLength(1)
    expect(rows.docs[0]).toMatchObject({ method: 'clickwrap', userAgent: expect.stringContaining('Chrome') })
    const notices = await setup.assent.payload.find({ collection: 'notices', where: { channel: { equals: 'banner' } } })
    expect(notices.docs.map((n) => n.status)).toEqual(['displayed'])

    await page.reload()
    await page.waitForLoadState('networkidle')
    await expect(page.locator('#assent-banner').count()).resolves.toBe(0)
    await page.screenshot({ path: screenshotPath('banner-gone') })
  })

  it('records a dismissal and leaves the acceptance owed', async () => {
    const page = await setup.browser.newPage()
    await page.goto(`${setup.hostUrl}/dashboard?user=bob`)
    await page.locator('#assent-banner button.dismiss').click()
    await expect.poll(async () => (await setup.assent.payload.find({ collection: 'notices', where: { status: { equals: 'dismissed' } } })).totalDocs).toBe(1)
    await page.reload()
    await page.locator('#assent-banner section.banner').waitFor()
  })
})
