import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { adminBuildIsCurrent, buildAdmin } from '../../scripts/adminBuild.js'
import { browserUnavailable, launchBrowser, screenshotPath } from '../support/browser'
import { exited, printed, spawnServer } from '../support/spawnServer'

if (browserUnavailable) console.log(`Admin browser tests skipped: ${browserUnavailable}.`)

const PORT = 39611
const base = `http://127.0.0.1:${PORT}`
const admin = { email: 'owner@example.com', password: 'a-long-admin-password' }

describe.skipIf(browserUnavailable)('the admin in Chromium', () => {
  let browser: Browser
  let server: ReturnType<typeof spawnServer>
  let stopped: ReturnType<typeof exited>

  beforeAll(async () => {
    if (!adminBuildIsCurrent()) buildAdmin()
    const dir = mkdtempSync(path.join(tmpdir(), 'assent-admin-'))
    server = spawnServer({
      ASSENT_ADMIN: 'on', NODE_ENV: 'production', ASSENT_ENV: 'local', PORT: String(PORT), PUBLIC_URL: base,
      DATABASE_URL: `file:${dir}/assent.db`, ASSENT_DATA_DIR: dir, PAYLOAD_SECRET: 'admin-test-secret',
      ASSENT_ADMIN_EMAIL: admin.email, ASSENT_ADMIN_PASSWORD: admin.password,
    })
    stopped = exited(server)
    await printed(server, /Assent is serving/)
    browser = await launchBrowser()
  }, 300_000)

  afterAll(async () => {
    await browser?.close()
    server?.kill('SIGTERM')
    await stopped
  })

  it('shows the login page at /admin', async () => {
    const page = await browser.newPage()
    await page.goto(`${base}/admin`)
    await page.waitForURL(/\/admin\/login/)
    await expect(page.locator('input[name="email"]').isVisible()).resolves.toBe(true)
    await page.screenshot({ path: screenshotPath('admin-login'), fullPage: true })
    await page.close()
  })

  it('lets the admin log in and see the seeded policies and versions', async () => {
    const page = await browser.newPage()
    await page.goto(`${base}/admin/login`)
    await page.fill('input[name="email"]', admin.email)
    await page.fill('input[name="password"]', admin.password)
    await page.click('button[type="submit"]')
    await page.waitForURL(`${base}/admin`)
    await page.goto(`${base}/admin/collections/policies`)
    await expect(page.getByText('Privacy Policy').first().isVisible()).resolves.toBe(true)
    await expect(page.getByText('Terms of Service').first().isVisible()).resolves.toBe(true)
    await page.screenshot({ path: screenshotPath('admin-policies'), fullPage: true })
    await page.goto(`${base}/admin/collections/policy-versions`)
    await page.getByText('Adds how long we keep your data').first().waitFor()
    await page.screenshot({ path: screenshotPath('admin-policy-versions'), fullPage: true })
    await page.close()
  })
})
