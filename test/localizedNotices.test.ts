import { createHash } from 'node:crypto'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { subjectStatus } from '../src/services/acceptance/subjectStatus'
import { findVersion } from '../src/services/legalCenter/findVersion'
import { markdownToBody } from '../src/services/publishing/lexicalMarkdown'
import { upsertSubjects } from '../src/services/subjects/upsertSubjects'
import { mailParts } from './support/mailParts'
import { publishVersion, testWorker, untilFinal } from './support/notices'
import { startSeededTestApp } from './support/startSeededTestApp'
import { startSmtpSink, type SmtpSink } from './support/smtpSink'
import type { TestApp } from './support/testApp'

/** Issue 24: the login banner and the change-notice email speak the subject's language, fall back
 * to the site's default saying so, and run right to left in Arabic. */
let app: TestApp
const ARABIC_SUMMARY = 'أول إصدار منشور من سياسة الخصوصية.'
const status = (externalId: string) => subjectStatus(app.payload, externalId, { now: new Date(), publicUrl: 'https://legal.example' })
const bannerOf = async (externalId: string) => (await status(externalId)).banner!
const body = (markdown: string) => markdownToBody(app.payload.config, markdown) as Promise<never>

beforeAll(async () => {
  app = await startSeededTestApp()
  await app.payload.updateGlobal({ slug: 'site-languages', data: { locales: 'en, fr, ar' } })
  // Version 1 is the one in force: what a new subject is asked about (version 2 takes effect later).
  const { version } = await findVersion(app.payload, 'privacy', 1)
  await app.payload.create({ collection: 'version-translations', data: { version: version.id, locale: 'ar', summary: ARABIC_SUMMARY, body: await body('# سياسة الخصوصية\n\nنص السياسة.'), _status: 'published' } })
  await upsertSubjects(app.payload, [
    { externalId: 'ada', email: 'ada@example.com', locale: 'en', name: 'Ada' },
    { externalId: 'amelie', email: 'amelie@example.fr', locale: 'fr', name: 'Amélie' },
    { externalId: 'hans', email: 'hans@example.de', locale: 'de', name: 'Hans' },
    { externalId: 'layla', email: 'layla@example.com', locale: 'ar', name: 'ليلى' },
  ])
}, 120_000)
afterAll(() => app?.close())

describe('the login banner in the subject’s language', () => {
  it('is French for a French subject: French wording, the French summary, French links, and a note on the text only in English', async () => {
    const banner = await bannerOf('amelie')
    expect(banner).toMatchObject({ lang: 'fr', dir: 'ltr', buttons: { accept: 'Accepter' } })
    expect(banner.html).toMatch(/^<div class="assent-banner-body" lang="fr" dir="ltr">/)
    expect(banner.text).toContain('Première version publiée de la Politique de confidentialité.')
    expect(banner.text).toContain('Lire le texte intégral: https://legal.example/legal/privacy/versions/1?lang=fr')
    expect(banner.text).toContain('En cliquant sur Accepter, vous acceptez\u00a0: Terms of Service.')
    // The terms have no French text: shown in English, marked as such, and said so in French.
    expect(banner.html).toMatch(/<span lang="en" dir="ltr">First published version of the Terms of Service\.<\/span> <span class="assent-fallback">Ce texte n’est pas disponible dans votre langue\.<\/span>/)
    expect(banner.text).not.toMatch(/Read the full text|By clicking/)
  })

  it('is English for an English subject, with links without a language', async () => {
    const banner = await bannerOf('ada')
    expect(banner).toMatchObject({ lang: 'en', dir: 'ltr', buttons: { accept: 'Accept' } })
    expect(banner.text).toContain('First published version of the Privacy Policy.')
    expect(banner.text).toContain('By clicking Accept you agree to the Terms of Service.')
    expect(banner.text).not.toContain('?lang=')
    expect(banner.text).not.toContain('not available in your language')
  })

  it('is in the default language for a German subject (not offered), saying the text is not in their language', async () => {
    const banner = await bannerOf('hans')
    expect(banner.lang).toBe('en')
    expect(banner.html).toContain('<p class="assent-fallback">This text is not available in your language.</p>')
    expect(banner.text).toMatch(/^This text is not available in your language\.\n/)
    expect(banner.text).toContain('First published version of the Privacy Policy.')
  })

  it('runs right to left for an Arabic subject, with the Arabic summary and Arabic wording', async () => {
    const banner = await bannerOf('layla')
    expect(banner).toMatchObject({ lang: 'ar', dir: 'rtl', buttons: { accept: 'موافق' } })
    expect(banner.html).toMatch(/^<div class="assent-banner-body" lang="ar" dir="rtl">/)
    expect(banner.text).toContain(ARABIC_SUMMARY)
    expect(banner.text).toContain('اقرأ النص الكامل: https://legal.example/legal/privacy/versions/1?lang=ar')
  })

  it('uses the admin’s wording for a language over Assent’s, and shows markup in it as text', async () => {
    await app.payload.updateGlobal({ slug: 'banner-template', data: { translations: [{ locale: 'fr', fullTextLabel: 'Tout lire <b>ici</b>', intro: '<script>alert(1)</script> À lire' }] } })
    try {
      const french = await bannerOf('amelie')
      expect(french.html).toContain('>Tout lire &lt;b&gt;ici&lt;/b&gt;</a>')
      expect(french.html).toContain('<p class="assent-intro">&lt;script&gt;alert(1)&lt;/script&gt; À lire</p>')
      expect(french.html).not.toMatch(/<script|<b>/)
      // Fields the admin left empty keep Assent's French; other languages keep theirs.
      expect(french.text).toContain('En cliquant sur Accepter, vous acceptez\u00a0: Terms of Service.')
      expect((await bannerOf('ada')).text).toContain('Read the full text')
    } finally {
      await app.payload.updateGlobal({ slug: 'banner-template', data: { translations: [] } })
    }
  })
})

describe('the change-notice email in the subject’s language', () => {
  let sink: SmtpSink
  afterAll(() => sink?.close())

  it('writes each notice in the subject’s language (else the default, saying so) and records the hash of what was sent', async () => {
    sink = await startSmtpSink()
    const privacy = (await app.payload.find({ collection: 'policies', where: { slug: { equals: 'privacy' } }, depth: 0 })).docs[0]
    const version = await publishVersion(app.payload, privacy.id, 'informational', '# Privacy Policy\n\nA third version.')
    await app.payload.create({ collection: 'version-translations', data: { version: version.id, locale: 'fr', summary: 'Une modification informative.', body: await body('# Politique\n\nUne troisième version.'), _status: 'published' } })
    const worker = testWorker(app.payload, sink.url, { drain: true })
    await worker.done
    await untilFinal(app.payload, version.id)

    const notices = (await app.payload.find({ collection: 'notices', where: { and: [{ version: { equals: version.id } }, { channel: { equals: 'email' } }] }, depth: 0, pagination: false })).docs
    const mailTo = (address: string) => {
      const notice = notices.find((n) => n.address === address)!
      const message = sink.received.find((m) => m.messageId === notice.messageId)!
      expect(createHash('sha256').update(message.raw).digest('hex')).toBe(notice.messageHash)
      return mailParts(message.raw)
    }

    const french = mailTo('amelie@example.fr')
    expect(french.subject).toMatch(/^Mise à jour de «\u00a0Privacy Policy\u00a0», en vigueur le \d{1,2} \p{L}+ \d{4}$/u)
    expect(french.html).toMatch(/<html lang="fr" dir="ltr">/)
    expect(french.text).toContain('Bonjour Amélie, nous avons publié la version 3')
    expect(french.text).toContain('Ce qui change\u00a0: Une modification informative.')
    expect(french.text).toContain(`https://legal.example.com/legal/privacy/versions/3?lang=fr`)
    expect(french.text).not.toContain('not available')

    const english = mailTo('ada@example.com')
    expect(english.subject).toMatch(/^Update to our Privacy Policy, effective \d{1,2} [A-Z][a-z]+ \d{4}$/)
    expect(english.html).toMatch(/<html lang="en" dir="ltr">/)
    expect(english.text).toContain('What changes: A informational change.')
    expect(english.text).not.toContain('?lang=')

    const german = mailTo('hans@example.de')
    expect(german.html).toMatch(/<html lang="en" dir="ltr">/)
    expect(german.text).toContain('Dear Hans, we have published version 3')
    expect(german.text).toContain('This text is not available in your language.')

    // No Arabic text of version 3: Arabic wording, right to left, the English summary marked as such.
    const arabic = mailTo('layla@example.com')
    expect(arabic.html).toMatch(/<html lang="ar" dir="rtl">/)
    expect(arabic.subject).toMatch(/^تحديث Privacy Policy، يسري اعتبارًا من /)
    expect(arabic.html).toContain('<span lang="en" dir="ltr">A informational change.</span>')
    expect(arabic.text).toContain('هذا النص غير متوفر بلغتك.')
    expect(arabic.text).toContain('https://legal.example.com/legal/privacy/versions/3?lang=ar')
  })
})
