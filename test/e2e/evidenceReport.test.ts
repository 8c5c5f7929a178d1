import { describe, expect, it } from 'vitest'

import { recordAcceptance } from '../../src/services/acceptance/recordAcceptance'
import { buildEvidencePack } from '../../src/services/audit/buildEvidencePack'
import { findVersion } from '../../src/services/legalCenter/findVersion'
import { upsertSubjects } from '../../src/services/subjects/upsertSubjects'
import { browserUnavailable, launchBrowser, screenshotPath } from '../support/browser'
import { beforeAllTests } from '../support/beforeAllTests'
import { startSeededTestApp } from '../support/startSeededTestApp'

if (browserUnavailable) console.log(`Evidence report browser test skipped: ${browserUnavailable}.`)

describe.skipIf(browserUnavailable)('an evidence pack\'s report.html in Chromium', () => {
  const setup = beforeAllTests(async (closeAfter) => ({ app: closeAfter(await startSeededTestApp()), browser: closeAfter(await launchBrowser()) }))

  it('keeps every table, "Versions owed" included, inside the page on a screen and on paper', async () => {
    const { version } = await findVersion(setup.app.payload, 'terms', 1)
    // A subject who accepted the terms and owes the privacy policy: every table has rows.
    const externalId = `user-${'x'.repeat(120)}`
    await upsertSubjects(setup.app.payload, [{ externalId, email: 'owed@example.com' }])
    await recordAcceptance(setup.app.payload, { subject: externalId, versions: [{ policy: 'terms', version: 1, contentHash: version.contentHash! }], method: 'clickwrap', source: 'login-banner' }, { now: new Date(), ip: '203.0.113.9', userAgent: `Mozilla/5.0 ${'LongUserAgentWithoutSpaces'.repeat(8)}` })
    const { files } = await buildEvidencePack(setup.app.payload, externalId)
    const report = files.get('report.html')!
    expect(report).toContain('Versions owed')

    for (const width of [1280, 794, 390]) {
      const page = await setup.browser.newPage({ viewport: { width, height: 900 } })
      await page.setContent(report)
      const overflowing = await page.evaluate(() =>
        [...document.querySelectorAll('table')]
          .filter((table) => table.getBoundingClientRect().right > document.body.getBoundingClientRect().right + 1 || table.scrollWidth > table.clientWidth + 1)
          .map((table) => table.previousElementSibling?.textContent ?? table.querySelector('th')?.textContent),
      )
      expect(overflowing, `at ${width} px`).toEqual([])
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `at ${width} px`).toBe(true)
      if (width === 794) await page.screenshot({ path: screenshotPath('evidence-report-a4'), fullPage: true })
      await page.close()
    }
  })
})
