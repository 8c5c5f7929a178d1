import Handlebars from 'handlebars'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { parseHtml, serialize, type HtmlElement } from '../src/domain/htmlTree'
import { findVersion } from '../src/services/legalCenter/findVersion'
import { markdownToBody } from '../src/services/publishing/lexicalMarkdown'
import { readableText, readingsOf } from './support/redlineFidelity'
import { startSeededTestApp } from './support/startSeededTestApp'
import { findElement as find, hasClass } from './support/findElement'
import type { TestApp } from './support/testApp'

/** Issue 24: the Legal Center and its JSON twin in the reader's language. The seed has privacy
 * versions 1 and 2 in English and French, terms version 1 in English; an Arabic translation is
 * added to terms version 1 after its publication, and German is offered but has no text. */
let app: TestApp
let arabicAddedAt: string

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${app.baseUrl}${path}`, { headers, redirect: 'manual' })
const page = async (path: string, headers: Record<string, string> = {}) => {
  const res = await get(path, headers)
  return { status: res.status, html: await res.text(), res }
}
const json = async (path: string) => {
  const res = await get(path)
  return { status: res.status, body: (await res.json()) as Record<string, any> }
}
/** Text as the pages print it (escaped by the templates). */
const asPrinted = (text: string) => Handlebars.escapeExpression(text)
/** An attribute's value as the browser reads it. */
const attr = (value: string) => value.replace(/&#x3D;/g, '=').replace(/&amp;/g, '&')
const htmlTag = (html: string) => html.match(/<html[^>]*>/)?.[0]
const switcher = (html: string) => [...(html.match(/<nav class="languages"[\s\S]*?<\/nav>/)?.[0] ?? '').matchAll(/<a href="([^"]+)" hreflang="([^"]+)"[^>]*>([^<]+)<\/a>/g)].map(([, href, lang, name]) => ({ href: attr(href), lang, name }))
const hreflangs = (html: string) => [...html.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">/g)].map(([, lang, href]) => ({ lang, href: attr(href) }))

const frenchText = async (number: number) => {
  const { version } = await findVersion(app.payload, 'privacy', number)
  const { docs } = await app.payload.find({ collection: 'version-translations', where: { and: [{ version: { equals: version.id } }, { locale: { equals: 'fr' } }] }, depth: 0 })
  return docs[0]
}

beforeAll(async () => {
  app = await startSeededTestApp()
  await app.payload.updateGlobal({ slug: 'site-languages', data: { locales: 'en, fr, ar, de' } })
  const { version } = await findVersion(app.payload, 'terms', 1)
  const body = (await markdownToBody(app.payload.config, '# شروط الخدمة\n\nباستخدامك للخدمة فإنك توافق على هذه الشروط.')) as never
  const added = await app.payload.create({ collection: 'version-translations', data: { version: version.id, locale: 'ar', summary: 'النسخة الأولى من شروط الخدمة.', body, _status: 'published' } })
  arabicAddedAt = added.frozenAt!
}, 120_000)
afterAll(() => app?.close())

describe('a version page in the reader\'s language', () => {
  it('shows the French text with ?lang=fr: lang and dir, the switcher and hreflang alternates, no note', async () => {
    const { status, html } = await page('/legal/privacy/versions/2?lang=fr')
    const french = await frenchText(2)
    expect(status).toBe(200)
    expect(htmlTag(html)).toBe('<html lang="fr" dir="ltr">')
    expect(html).toContain('Votre vie privée est importante pour Leads Group Inc.')
    expect(html).not.toContain('Your privacy is important to Leads Group Inc.')
    expect(html).toContain(`<code class="hash">${french.contentHash}</code>`)
    expect(html).toContain(asPrinted(french.summary))
    expect(html).not.toContain('class="locale-note"')
    // Only the locales this version has; German and Arabic are offered but it has neither.
    expect(switcher(html)).toEqual([
      { href: '/legal/privacy/versions/2?lang=en', lang: 'en', name: 'English' },
      { href: '/legal/privacy/versions/2?lang=fr', lang: 'fr', name: 'Français' },
    ])
    expect(html).toMatch(/hreflang="fr" lang="fr" dir="ltr" aria-current="page">Français/)
    expect(hreflangs(html).map((l) => l.lang)).toEqual(['en', 'fr', 'x-default'])
    expect(hreflangs(html).find((l) => l.lang === 'fr')!.href).toMatch(/^https?:\/\/[^/]+\/legal\/privacy\/versions\/2\?lang=fr$/)
    expect(hreflangs(html).find((l) => l.lang === 'x-default')!.href).toMatch(/^https?:\/\/[^/]+\/legal\/privacy\/versions\/2$/)
    // Its links keep the reader in French.
    expect(html).toContain('href="/legal/privacy/compare/1/2?lang=fr"')
  })

  it('follows Accept-Language without ?lang=, and never serves one language\'s cached page to another', async () => {
    const french = await page('/legal/privacy/versions/1', { 'accept-language': 'fr-CA,fr;q=0.9,en;q=0.5' })
    expect(htmlTag(french.html)).toBe('<html lang="fr" dir="ltr">')
    expect(french.html).toContain('Votre vie privée est importante')
    expect(french.res.headers.get('vary')).toMatch(/Accept-Language/i)
    const english = await page('/legal/privacy/versions/1')
    expect(htmlTag(english.html)).toBe('<html lang="en" dir="ltr">')
    expect(english.html).toContain('Your privacy is important to Leads Group Inc.')
    expect(english.res.headers.get('etag')).not.toBe(french.res.headers.get('etag'))
    // ?lang= wins over the header.
    expect(htmlTag((await page('/legal/privacy/versions/1?lang=en', { 'accept-language': 'fr' })).html)).toBe('<html lang="en" dir="ltr">')
  })

  it('shows the French text of the version in force on the policy page, and French summaries in the list', async () => {
    const { html } = await page('/legal/privacy?lang=fr')
    expect(htmlTag(html)).toBe('<html lang="fr" dir="ltr">')
    expect(html).toContain('Version 1 · En vigueur depuis le <time datetime="2020-02-10T00:00:00.000Z">10 février 2020</time>')
    expect(html).toContain('Votre vie privée est importante')
    expect(html).toContain(asPrinted((await frenchText(2)).summary))
    const versions = await page('/legal/privacy/versions?lang=fr')
    expect(versions.html).toContain(asPrinted((await frenchText(1)).summary))
    expect(versions.html).toContain('<input type="hidden" name="lang" value="fr">')
  })

  it('says a version is not available in German, offered but untranslated, and shows its own text', async () => {
    const { status, html } = await page('/legal/privacy/versions/2?lang=de')
    expect(status).toBe(200)
    expect(htmlTag(html)).toBe('<html lang="en" dir="ltr">')
    expect(html).toContain('This version is not available in German. It is shown in English, the language it was published in.')
    expect(html).toContain('Your privacy is important to Leads Group Inc.')
    // The same reader by Accept-Language alone.
    expect((await page('/legal/privacy/versions/2', { 'accept-language': 'de-DE,de;q=0.9' })).html).toContain('not available in German')
  })

  it('shows an Arabic translation added after publication right to left, saying when it was added', async () => {
    const { html } = await page('/legal/terms/versions/1?lang=ar')
    const { version } = await findVersion(app.payload, 'terms', 1)
    expect(htmlTag(html)).toBe('<html lang="ar" dir="rtl">')
    expect(html).toContain('باستخدامك للخدمة فإنك توافق على هذه الشروط.')
    expect(html).toContain('النسخة الأولى من شروط الخدمة.')
    // The page's own words are Arabic too, its dates written the Arabic way.
    expect(html).toContain('<strong>الإصدار 1 · ساري المفعول منذ <time datetime="2020-02-10T00:00:00.000Z">10 فبراير 2020</time></strong>')
    expect(html).toContain('<a class="skip" href="#main">انتقل إلى المحتوى</a>')
    expect(html).toContain('<dt>بصمة المحتوى (SHA-256)</dt>')
    expect(html).toContain('>كل الإصدارات</a>')
    expect(html).not.toContain('Effective')
    const note = html.match(/<p class="locale-note"[^>]*>([\s\S]*?)<\/p>/)
    expect(note?.[0]).toContain('lang="ar" dir="rtl"')
    expect(note?.[1]).toContain(`أُضيفت هذه الترجمة في <time datetime="${new Date(arabicAddedAt).toISOString()}">`)
    expect(note?.[1]).toContain(`، بعد نشر الإصدار في <time datetime="${new Date(version.publishedAt!).toISOString()}">`)
    expect(switcher(html).map((l) => `${l.lang} ${l.name}`)).toEqual(['en English', 'ar العربية'])
    // The English page of the same version has no such note, and offers Arabic.
    const english = await page('/legal/terms/versions/1')
    expect(english.html).not.toContain('class="locale-note"')
    expect(switcher(english.html).map((l) => l.lang)).toEqual(['en', 'ar'])
  })

  it('never answers a bad ?lang= with an error: the page opens in the negotiated language', async () => {
    for (const query of ['lang=%3Cscript%3E', 'lang=fr&lang=en', `lang=${'x'.repeat(200)}`, 'lang=', 'lang[]=fr', 'lang=zz', 'lang=12']) {
      const { status, html } = await page(`/legal/privacy/versions/1?${query}`, { 'accept-language': 'fr' })
      expect(status, query).toBe(200)
      expect(htmlTag(html), query).toBe('<html lang="fr" dir="ltr">')
      expect(html).not.toContain('<script>')
    }
    for (const path of ['/legal?lang=%E2%80%AE', '/legal/privacy?lang=..%2F', '/legal/privacy/versions?lang=fr-', '/legal/privacy/compare/1/2?lang=%0A', '/legal/feed.atom?lang=%3C', '/legal/privacy/feed.atom?lang=a&lang=b']) {
      expect((await get(path)).status, path).toBe(200)
    }
  })
})

describe('the pages\' own words in the reader\'s language', () => {
  it('writes a French page\'s headings, labels, links and dates in French', async () => {
    const { html } = await page('/legal/privacy/versions/1?lang=fr')
    expect(html).toContain('<strong>Version 1 · En vigueur depuis le <time datetime="2020-02-10T00:00:00.000Z">10 février 2020</time></strong>')
    for (const phrase of ['<a class="skip" href="#main">Aller au contenu</a>', '>Flux des modifications</a>', 'aria-label="Langue"', '>Toutes les versions</a>', '<dt>Publiée le</dt>', '<dt>Ce qui a changé</dt>', '<dt>Empreinte du contenu (SHA-256)</dt>', 'Cette version est celle en vigueur.', '>Version suivante (2)</a>', '<footer class="site">Chaque version publiée est figée']) {
      expect(html).toContain(phrase)
    }
    expect(html).toContain('<dd>Substantielle (modifie vos droits)</dd>')
    for (const english of ['Skip to content', 'All versions', 'Effective', 'Content hash', 'Published']) expect(html, english).not.toContain(english)
    const list = (await page('/legal/privacy/versions?lang=fr')).html
    expect(list).toContain('<legend>Comparer deux versions</legend>')
    expect(list).toContain('<caption>Versions publiées, de la plus récente à la plus ancienne</caption>')
    expect(list).toContain('<title>Privacy Policy\u00a0: toutes les versions · ')
    const compare = (await page('/legal/privacy/compare/1/2?lang=fr')).html
    expect(compare).toMatch(/<strong>\d+\u00a0modifications\.<\/strong> <ins>Le texte ajouté est souligné<\/ins>, <del>le texte supprimé est barré<\/del>\./)
    expect(compare).toContain('>Aller à la première modification</a>')
    const index = (await page('/legal', { 'accept-language': 'fr' })).html
    expect(index).toContain('<h1>Documents juridiques</h1>')
  })

  it('tells a French reader of an English-only text in French that it is shown in English, with English chrome', async () => {
    const { html } = await page('/legal/terms/versions/1?lang=fr')
    expect(htmlTag(html)).toBe('<html lang="en" dir="ltr">')
    expect(html).toContain('<p class="locale-note" role="note" lang="fr" dir="ltr">Cette version n’est pas disponible en français. Elle est affichée en anglais, la langue dans laquelle elle a été publiée.</p>')
    expect(html).toContain('<dt>Content hash (SHA-256)</dt>')
  })

  it('keeps a German reader, whose language Assent does not speak, in English chrome and an English note', async () => {
    const { html } = await page('/legal/privacy/versions/2?lang=de')
    expect(html).toContain('<p class="locale-note" role="note" lang="en" dir="ltr">This version is not available in German.')
    expect(html).toContain('>All versions</a>')
  })
})

describe('redlines per locale', () => {
  const bodyText = async (path: string) => readableText(find(parseHtml((await page(path)).html), 'div', 'doc-body')!.children)

  it('compares the French texts of privacy 1 and 2: each side reads exactly as its French page', async () => {
    const { html } = await page('/legal/privacy/compare/1/2?lang=fr')
    expect(htmlTag(html)).toBe('<html lang="fr" dir="ltr">')
    expect(html).not.toContain('class="locale-note"')
    expect(html).toContain(asPrinted((await frenchText(2)).summary))
    expect(html).toContain('href="?view=side&lang=fr"')
    const readings = readingsOf(serialize(find(parseHtml(html), 'div', 'redline-inline')!.children))
    const pages = { from: await bodyText('/legal/privacy/versions/1?lang=fr'), to: await bodyText('/legal/privacy/versions/2?lang=fr') }
    expect(pages.to).toMatch(/^Politique de confidentialité/)
    expect(pages.to.length).toBeGreaterThan(1000)
    expect(readings.to).toBe(pages.to)
    expect(readings.from).toBe(pages.from)
    // Side by side, the right column reads as the French version 2, the left as version 1.
    const tbody = find(parseHtml((await page('/legal/privacy/compare/1/2?view=side&lang=fr')).html), 'table', 'redline-side')!.children.find((c): c is HtmlElement => c.type === 'element' && c.tag === 'tbody')!
    const column = (index: number) => tbody.children.flatMap((row) => (row.type === 'element' && row.tag === 'tr' && !hasClass(row, 'rl-chrome') ? row.children.filter((c): c is HtmlElement => c.type === 'element' && c.tag === 'td').slice(index, index + 1) : []))
    expect(readingsOf(serialize(column(1))).to).toBe(pages.to)
    expect(readingsOf(serialize(column(0))).from).toBe(pages.from)
    // The English redline is another page.
    const english = readingsOf(serialize(find(parseHtml((await page('/legal/privacy/compare/1/2')).html), 'div', 'redline-inline')!.children))
    expect(english.to).toBe(await bodyText('/legal/privacy/versions/2'))
  })

  it('compares the versions\' own texts when one of them lacks the reader\'s locale, and says so', async () => {
    const { html } = await page('/legal/privacy/compare/1/2?lang=ar')
    expect(htmlTag(html)).toBe('<html lang="en" dir="ltr">')
    // The note is in the reader's language; the rest of the page in the language of the texts.
    expect(html).toContain('<p class="locale-note" role="note" lang="ar" dir="rtl">هذان الإصداران غير متوفرين كلاهما باللغة العربية: تجري المقارنة بين نصيهما باللغة الإنجليزية، وهي اللغة التي نُشرا بها.</p>')
    expect(html).toContain('<ins>Inserted text is underlined</ins>')
    expect(html).toContain('success@calleridreputation.com')
  })
})

describe('feeds per locale', () => {
  it('gives entries their French summary with ?lang=fr, the English one without', async () => {
    const french = await (await get('/legal/privacy/feed.atom?lang=fr')).text()
    const english = await (await get('/legal/privacy/feed.atom')).text()
    const summary = (await frenchText(2)).summary
    expect(french).toContain(summary.replace(/'/g, '&apos;').slice(0, 30))
    expect(french).toContain('/legal/privacy/compare/1/2?lang=fr')
    expect(english).not.toContain(summary.slice(0, 30))
    expect((await get('/legal/feed.atom', { 'accept-language': 'fr' })).headers.get('vary')).toMatch(/Accept-Language/i)
  })
})

describe('the JSON API per locale', () => {
  it('answers a version in French with ?lang=fr: its text, HTML, summary and hash, and every locale it has', async () => {
    const french = await frenchText(2)
    const { status, body } = await json('/api/v1/policies/privacy/versions/2?lang=fr')
    expect(status).toBe(200)
    expect(body).toMatchObject({ locale: 'fr', localeFallback: false, contentHash: french.contentHash, summary: french.summary, text: french.text })
    expect(body.html).toContain('Politique de confidentialité')
    expect(body.locales.map((l: { locale: string }) => l.locale)).toEqual(['en', 'fr'])
    expect(body.locales[1]).toMatchObject({ locale: 'fr', contentHash: french.contentHash, translation: true, addedAt: new Date(french.frozenAt!).toISOString() })
    const english = (await json('/api/v1/policies/privacy/versions/2')).body
    expect(english).toMatchObject({ locale: 'en', localeFallback: false, contentHash: body.locales[0].contentHash })
    expect(english.text).toMatch(/^# Privacy Policy/)
    expect((await json('/api/v1/policies/privacy/in-force?lang=fr-CA')).body).toMatchObject({ locale: 'fr', version: 1 })
  })

  it('answers the diff between the French texts with ?lang=fr, with their hashes', async () => {
    const [one, two] = [await frenchText(1), await frenchText(2)]
    const { status, body } = await json('/api/v1/policies/privacy/diff?from=1&to=2&lang=fr')
    expect(status).toBe(200)
    expect(body).toMatchObject({ locale: 'fr', localeFallback: false, fromHash: one.contentHash, toHash: two.contentHash })
    const inserted = body.blocks.flatMap((b: any) => (b.kind === 'insert' ? [b.text] : b.kind === 'change' ? b.segments.filter((g: any) => g.op === 'insert').map((g: any) => g.text) : [])).join(' ')
    expect(inserted).toContain('Nos sous-traitants ultérieurs')
    expect((await json('/api/v1/policies/privacy/diff?from=1&to=2')).body).toMatchObject({ locale: 'en', localeFallback: false })
    expect((await json('/api/v1/policies/privacy/diff?from=1&to=2&lang=ar')).body).toMatchObject({ locale: 'en', localeFallback: true })
  })

  it('lists each version\'s locales, a later translation with its later addedAt', async () => {
    const { body } = await json('/api/v1/policies/terms/versions')
    const [v1] = body.versions
    expect(v1.locale).toBe('en')
    expect(v1.locales.map((l: { locale: string; addedAt: string }) => [l.locale, l.addedAt])).toEqual([
      ['en', v1.publishedAt],
      ['ar', new Date(arabicAddedAt).toISOString()],
    ])
  })

  it('falls back to the version\'s own text for a locale it lacks, and refuses a malformed ?lang= with a 400', async () => {
    expect((await json('/api/v1/policies/privacy/versions/2?lang=de')).body).toMatchObject({ locale: 'en', localeFallback: true })
    for (const query of ['lang=%3Cscript%3E', 'lang=fr&lang=en', `lang=${'x'.repeat(200)}`, 'lang=fr_FR']) {
      for (const path of ['/api/v1/policies/privacy/versions/2?', '/api/v1/policies/privacy/in-force?', '/api/v1/policies/privacy/diff?from=1&to=2&']) {
        const { status, body } = await json(`${path}${query}`)
        expect(status, `${path}${query}`).toBe(400)
        expect(body.error.code).toBe('bad_request')
        expect(body.error.message).toMatch(/^lang must be one language tag/)
      }
    }
  })
})
