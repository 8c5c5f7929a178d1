import { describe, expect, it } from 'vitest'

import { renderChangeNotice, type ChangeNoticeContext } from '../src/mail/renderChangeNotice'

const context: ChangeNoticeContext = {
  siteName: 'CallerIDReputation.com',
  locale: 'en',
  name: 'Ada',
  policyTitle: 'Privacy Policy',
  version: 2,
  summary: 'Adds how long we keep your data.',
  effectiveDate: '29 December 2026',
  redlineUrl: 'https://legal.example.com/legal/privacy/compare/1/2',
  versionUrl: 'https://legal.example.com/legal/privacy/versions/2',
  mustAccept: true,
}

describe('renderChangeNotice', () => {
  it('says what changes, when, where to read it, and what a material change asks of the subject', () => {
    const mail = renderChangeNotice(context)
    expect(mail.subject).toBe('Update to our Privacy Policy, effective 29 December 2026')
    for (const part of [mail.html, mail.text]) {
      expect(part).toContain('Adds how long we keep your data.')
      expect(part).toContain('29 December 2026')
      expect(part).toContain(context.redlineUrl)
      expect(part).toContain('you will be asked to accept the new Privacy Policy')
      expect(part).toContain('not a marketing email')
    }
  })

  it('tells an informational change needs nothing from the subject', () => {
    const mail = renderChangeNotice({ ...context, mustAccept: false })
    expect(mail.text).toContain('What you need to do: nothing.')
    expect(mail.html).not.toContain('asked to accept')
  })

  it('escapes values in the HTML part', () => {
    const mail = renderChangeNotice({ ...context, name: '<script>alert(1)</script>', summary: '<img src=x onerror=alert(2)>' })
    expect(mail.html).not.toMatch(/<script|<img/)
    expect(mail.html).toContain('&lt;script&gt;')
  })

  it('refuses a context missing a value the layout needs', () => {
    const { siteName: _omitted, ...withoutSite } = context
    expect(() => renderChangeNotice(withoutSite as ChangeNoticeContext)).toThrow(/siteName/)
  })
})
