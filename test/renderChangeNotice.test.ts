import { describe, expect, it } from 'vitest'

import { renderChangeNotice, type ChangeNoticeContext } from '../src/render/renderChangeNotice'

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
  since: 1,
  changes: [{ version: 2, changeClass: 'material', effectiveDate: '29 December 2026', summary: 'Adds how long we keep your data.', supersededBy: null }],
  cumulative: false,
  missed: null,
}

/** Version 3 to a subject who accepted version 1 and was never reached about version 2, which
 * version 3 replaced before it took effect (both dated 1 January 2027). */
const cumulative: ChangeNoticeContext = {
  ...context,
  version: 3,
  summary: 'New contact address.',
  effectiveDate: '1 January 2027',
  redlineUrl: 'https://legal.example.com/legal/privacy/compare/1/3',
  versionUrl: 'https://legal.example.com/legal/privacy/versions/3',
  changes: [
    { version: 2, changeClass: 'material', effectiveDate: '1 January 2027', summary: 'Adds retention periods, sub-processors and transfers.', supersededBy: 3 },
    { version: 3, changeClass: 'informational', effectiveDate: '1 January 2027', summary: 'New contact address.', supersededBy: null },
  ],
  cumulative: true,
  missed: { versions: 'version 2', plural: false },
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

  it('links no redline when the subject accepted no earlier version, only the version to read', () => {
    const mail = renderChangeNotice({ ...context, since: null, redlineUrl: context.versionUrl })
    expect(mail.text).not.toContain('See exactly what changed')
    expect(mail.html).not.toContain('See exactly what changed')
    expect(mail.text).toContain(`Read the new Privacy Policy: ${context.versionUrl}`)
  })

  it('lists every version since the last one accepted, with one redline from it, and says which notice never reached the subject', () => {
    const mail = renderChangeNotice(cumulative)
    expect(mail.subject).toBe('Update to our Privacy Policy, effective 1 January 2027')
    // The HTML part read as its words, without its tags.
    for (const part of [mail.html.replace(/<(?!a )[^>]+>/g, ''), mail.text]) {
      expect(part).toContain('since version 1, the last one you accepted')
      expect(part).toContain('Version 2 (material change, replaced by version 3 before it took effect on 1 January 2027): Adds retention periods, sub-processors and transfers.')
      expect(part).toContain('Version 3 (informational change, effective 1 January 2027): New contact address.')
      expect(part).toContain('https://legal.example.com/legal/privacy/compare/1/3')
      expect(part).not.toContain('compare/2/3')
      expect(part).toContain('We did not reach you about version 2; it is included here.')
      expect(part).toContain('you will be asked to accept the new Privacy Policy')
    }
    expect(mail.text.indexOf('Version 2 (')).toBeLessThan(mail.text.indexOf('Version 3 ('))
  })

  it('says nothing of missed notices when every earlier one reached the subject, and names several in one sentence', () => {
    expect(renderChangeNotice({ ...cumulative, missed: null }).text).not.toContain('did not reach you')
    const several = renderChangeNotice({ ...cumulative, missed: { versions: 'versions 2 and 3', plural: true } })
    expect(several.text).toContain('We did not reach you about versions 2 and 3; they are included here.')
  })

  it('keeps the email of a single change free of the list', () => {
    const mail = renderChangeNotice(context)
    expect(mail.text).toContain('What changes: Adds how long we keep your data.')
    expect(mail.text).not.toMatch(/Version 2 \(|last one you accepted|did not reach you/)
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
    const listed = renderChangeNotice({ ...cumulative, changes: [{ ...cumulative.changes[0], summary: '<img src=x onerror=alert(3)>' }, cumulative.changes[1]] })
    expect(listed.html).not.toMatch(/<img/)
    expect(listed.html).toContain('&lt;img')
  })

  it('refuses a context missing a value the layout needs', () => {
    const { siteName: _omitted, ...withoutSite } = context
    expect(() => renderChangeNotice(withoutSite as ChangeNoticeContext)).toThrow(/siteName/)
  })
})
