import { existsSync, mkdirSync } from 'node:fs'
import path from 'node:path'

import { chromium, type Browser, type Page } from 'playwright-core'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** Why browser tests cannot run here, or undefined when Debian's chromium is installed. */
export const browserUnavailable: string | undefined = existsSync(CHROMIUM)
  ? undefined
  : `no Chromium at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH)`

/** Headless Debian chromium, flags as this machine needs them. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'],
  })
}

/** Where screenshots are kept as test artifacts. */
export function screenshotPath(name: string): string {
  const dir = path.resolve('test-results/screenshots')
  mkdirSync(dir, { recursive: true })
  return path.join(dir, `${name}.png`)
}

/** Logs `who` in to the admin at `base` in a new tab, and returns the tab on the dashboard. */
export async function adminTab(browser: Browser, base: string, who: { email: string; password: string }, viewport?: { width: number; height: number }): Promise<Page> {
  const page = await browser.newPage(viewport ? { viewport } : {})
  await page.goto(`${base}/admin/login`)
  await page.fill('input[name="email"]', who.email)
  await page.fill('input[name="password"]', who.password)
  await page.click('button[type="submit"]')
  await page.waitForURL(`${base}/admin`)
  return page
}
