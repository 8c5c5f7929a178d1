import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'

import express from 'express'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createApiKey } from '../../src/services/apiKeys'
import { browserUnavailable, launchBrowser, screenshotPath } from '../support/browser'
import { makePolicy, makeVersion } from '../support/fixtures'
import { startTestApp, type TestApp } from '../support/testApp'

if (browserUnavailable) console.log(`Banner browser tests skipped: ${browserUnavailable}.`)

describe.skipIf(browserUnavailable)('the login banner on a host product page, in Chromium', () => {
  let assent: TestApp
  let host: Server
  let hostUrl: string
  let browser: Browser
  let key: string

  beforeAll(async () => {
    assent = await startTestApp()
    const policy = await makePolicy(assent.payload, { title: 'Terms of Service', acceptanceMode: 'clickwrap' })
    await makeVersion(assent.payload, policy.id, { _status: 'published', summary: 'Our first terms.' }, '# Terms of Service\n\nBe kind.')
    key = (await createApiKey(assent.payload, 'demo host', 'integration')).key
    // The host product: its server asks Assent for a banner token for the signed-in user.
    const demo = express()
    demo.get('/dashboard', async (req, res) => {
      const user = String(req.query.user)
      const headers = { authorization: `Bearer ${key}`, 'content-type': 'application/json' }
      await fetch(`${assent.baseUrl}/api/v1/subjects/${user}`, { method: 'PUT', headers, body: JSON.stringify({ email: `${user}@example.com` }) })
      const { token } = (await (await fetch(`${assent.baseUrl}/api/v1/subjects/${user}/token`, { method: 'POST', headers })).json()) as { token: string }
      res.send(`<!doctype html><html><head><title>Demo product</title></head><body><h1>Welcome back, ${user}</h1>
        <script src="${assent.baseUrl}/embed/banner.js" data-token="${token}"></script></body></html>`)
    })
    host = await new Promise((resolve) => {
      const s = demo.listen(0, '127.0.0.1', () => resolve(s))
    })
    hostUrl = `http://localhost:${(host.address() as AddressInfo).port}`
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await new Promise((resolve) => host?.close(resolve))
    await assent?.close()
  })

  it('shows the banner with assent wording, records the click, and is gone on reload', async () => {
    const page = await browser.newPage({ viewport: { width: 1000, height: 700 } })
    await page.goto(`${hostUrl}/dashboard?user=alice`)
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

    const rows = await assent.payload.find({ collection: 'acceptances', where: { source: { equals: 'embed' } }, depth: 1 })
    expect(rows.docs).toHaveLength(1)
    expect(rows.docs[0]).toMatchObject({ method: 'clickwrap', userAgent: expect.stringContaining('Chrome') })
    const notices = await assent.payload.find({ collection: 'notices', where: { channel: { equals: 'banner' } } })
    expect(notices.docs.map((n) => n.status)).toEqual(['displayed'])

    await page.reload()
    await page.waitForLoadState('networkidle')
    await expect(page.locator('#assent-banner').count()).resolves.toBe(0)
    await page.screenshot({ path: screenshotPath('banner-gone') })
  })

  it('records a dismissal and leaves the acceptance owed', async () => {
    const page = await browser.newPage()
    await page.goto(`${hostUrl}/dashboard?user=bob`)
    await page.locator('#assent-banner button.dismiss').click()
    await expect.poll(async () => (await assent.payload.find({ collection: 'notices', where: { status: { equals: 'dismissed' } } })).totalDocs).toBe(1)
    await page.reload()
    await page.locator('#assent-banner section.banner').waitFor()
  })
})
