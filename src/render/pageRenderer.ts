import { readFileSync } from 'node:fs'

import Handlebars from 'handlebars'

import { legalCenterPhrases, type LegalCenterPhrases } from '../domain/wording/legalCenterPhrases'

/** The Legal Center's pages, one template each under src/views/. */
export type PageName = 'index' | 'policy' | 'versions' | 'version' | 'compare' | 'error' | 'api-docs' | 'banner-preview'
const pages: PageName[] = ['index', 'policy', 'versions', 'version', 'compare', 'error', 'api-docs', 'banner-preview']

const read = (name: string) => readFileSync(new URL(`../views/${name}`, import.meta.url), 'utf8')

const toDate = (value: Date | string) => (value instanceof Date ? value : new Date(value))
const formats = new Map<string, { date: Intl.DateTimeFormat; dateTime: Intl.DateTimeFormat }>()
/** Dates in `locale`, written day first in English as they always were ("10 February 2020"). */
const formatsIn = (locale: string) => {
  if (!formats.has(locale)) {
    formats.set(locale, {
      date: new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
      dateTime: new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }),
    })
  }
  return formats.get(locale)!
}
/** The phrases of the page being rendered (its `t`); pages without, such as the API reference, are in English. */
const phrasesOf = (options: Handlebars.HelperOptions): LegalCenterPhrases => (options.data?.root?.t as LegalCenterPhrases | undefined) ?? legalCenterPhrases.en
/** Stands for the n-th argument of `say` in a phrase: characters no phrase or value contains. */
const slot = (n: number) => `\u0000${n}\u0000`

/** Renders Legal Center pages; templates are compiled once, values are escaped by default. */
export interface PageRenderer {
  render: (page: PageName, context: { title: string } & Record<string, unknown>) => string
  stylesheet: string
}

export function createPageRenderer(siteName: string): PageRenderer {
  const hbs = Handlebars.create()
  hbs.registerHelper('date', (value: Date | string, options: Handlebars.HelperOptions) => {
    const date = toDate(value)
    return new hbs.SafeString(`<time datetime="${date.toISOString()}">${hbs.escapeExpression(formatsIn(phrasesOf(options).format).date.format(date))}</time>`)
  })
  hbs.registerHelper('dateTime', (value: Date | string, options: Handlebars.HelperOptions) => {
    const date = toDate(value)
    return new hbs.SafeString(`<time datetime="${date.toISOString()}">${hbs.escapeExpression(formatsIn(phrasesOf(options).format).dateTime.format(date))} UTC</time>`)
  })
  hbs.registerHelper('changeClassLabel', (value: string, options: Handlebars.HelperOptions) => (phrasesOf(options).changeClass as Record<string, string>)[value] ?? value)
  // {{say t.phrase a b}}: the phrase with its arguments, escaped. An argument that is already
  // markup (a date's <time>) is given to the phrase as a placeholder and put in after escaping,
  // so that each language places it where it belongs and no phrase ever holds markup.
  hbs.registerHelper('say', (phrase: unknown, ...rest: unknown[]) => {
    const args = rest.slice(0, -1)
    if (typeof phrase !== 'function') return hbs.escapeExpression(String(phrase ?? ''))
    const text = (phrase as (...a: unknown[]) => string)(...args.map((a, i) => (a instanceof hbs.SafeString ? slot(i) : a)))
    return new hbs.SafeString(args.reduce<string>((html, a, i) => (a instanceof hbs.SafeString ? html.replace(slot(i), a.toHTML()) : html), hbs.escapeExpression(text)))
  })
  // A redline legend's samples: the phrase marked up as the redline marks insertions and deletions.
  hbs.registerHelper('ins', (text: string) => new hbs.SafeString(`<ins>${hbs.escapeExpression(text)}</ins>`))
  hbs.registerHelper('del', (text: string) => new hbs.SafeString(`<del>${hbs.escapeExpression(text)}</del>`))
  hbs.registerHelper('json', (value: unknown) => JSON.stringify(value, null, 2))
  hbs.registerHelper('upper', (value: string) => String(value).toUpperCase())
  const layout = hbs.compile(read('layout.hbs'), { strict: false })
  const templates = new Map(pages.map((page) => [page, hbs.compile(read(`${page}.hbs`))]))
  return {
    render(page, context) {
      const withPhrases = { t: legalCenterPhrases.en, ...context }
      const body = templates.get(page)!(withPhrases)
      return layout({ ...withPhrases, siteName, body })
    },
    stylesheet: read('legal.css'),
  }
}
