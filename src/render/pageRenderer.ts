import { readFileSync } from 'node:fs'

import Handlebars from 'handlebars'

/** The Legal Center's pages, one template each under src/views/. */
export type PageName = 'index' | 'policy' | 'versions' | 'version' | 'compare' | 'error' | 'api-docs' | 'banner-preview'
const pages: PageName[] = ['index', 'policy', 'versions', 'version', 'compare', 'error', 'api-docs', 'banner-preview']

const read = (name: string) => readFileSync(new URL(`../views/${name}`, import.meta.url), 'utf8')

const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' })
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' })
const toDate = (value: Date | string) => (value instanceof Date ? value : new Date(value))
const changeClassLabels: Record<string, string> = {
  editorial: 'Editorial (wording only)',
  informational: 'Informational',
  material: 'Material (changes your rights)',
}

/** Renders Legal Center pages; templates are compiled once, values are escaped by default. */
export interface PageRenderer {
  render: (page: PageName, context: { title: string } & Record<string, unknown>) => string
  stylesheet: string
}

export function createPageRenderer(siteName: string): PageRenderer {
  const hbs = Handlebars.create()
  hbs.registerHelper('date', (value: Date | string) => {
    const date = toDate(value)
    return new hbs.SafeString(`<time datetime="${date.toISOString()}">${dateFormat.format(date)}</time>`)
  })
  hbs.registerHelper('dateTime', (value: Date | string) => {
    const date = toDate(value)
    return new hbs.SafeString(`<time datetime="${date.toISOString()}">${dateTimeFormat.format(date)} UTC</time>`)
  })
  hbs.registerHelper('changeClassLabel', (value: string) => changeClassLabels[value] ?? value)
  hbs.registerHelper('json', (value: unknown) => JSON.stringify(value, null, 2))
  hbs.registerHelper('upper', (value: string) => String(value).toUpperCase())
  hbs.registerHelper('plural', (count: number, one: string, many: string) => (count === 1 ? one : many))
  const layout = hbs.compile(read('layout.hbs'), { strict: false })
  const templates = new Map(pages.map((page) => [page, hbs.compile(read(`${page}.hbs`))]))
  return {
    render(page, context) {
      const body = templates.get(page)!(context)
      return layout({ ...context, siteName, body })
    },
    stylesheet: read('legal.css'),
  }
}
