import { readdirSync, readFileSync } from 'node:fs'

import Handlebars from 'handlebars'

import { textDirection } from '../domain/locale/textDirection'
import { noticePhrases, type NoticePhrases } from '../domain/wording/noticePhrases'
import { phrasesFor } from '../domain/wording/phrasesFor'
import { plainNumberFormat } from '../domain/locale/intlFormats'

/** Everything a change notice says, and nothing else: the templates see only these values. */
export interface ChangeNoticeContext {
  siteName: string
  /** The language the notice is written in (its wording, dates and links). */
  locale: string
  /** The locale of the summaries when it is not `locale` (the version has no text in it). */
  textLocale?: string | null
  /** The subject's language is not `locale`, or the version has no text in it: the notice says so. */
  fallback?: boolean
  name?: string | null
  policyTitle: string
  version: number
  summary: string
  /** Human date in `locale`, e.g. "29 December 2026". */
  effectiveDate: string
  redlineUrl: string
  versionUrl: string
  /** A material change under clickwrap among those presented: the subject will be asked to accept. */
  mustAccept: boolean
  /** The version the redline starts from (the last one the subject accepted); null when none. */
  since: number | null
  /** Every version presented, oldest first, ending with the announced one; `supersededBy`: the
   * later version that took effect on or before its date, so that it never did. */
  changes: Array<{ version: number; changeClass: string; effectiveDate: string; summary: string; supersededBy: number | null }>
  /** More than one version is presented: the email lists them all. */
  cumulative: boolean
  /** Earlier versions whose notice never reached the subject, e.g. "version 2" (in `locale`); null when none. */
  missed: { versions: string; plural: boolean } | null
}

/** A rendered message: subject line and both parts. */
export interface RenderedMail {
  subject: string
  html: string
  text: string
}

const dir = new URL('../../emails/', import.meta.url)
const read = (name: string) => readFileSync(new URL(name, dir), 'utf8')

const hbs = Handlebars.create()
for (const file of readdirSync(new URL('partials/', dir))) {
  hbs.registerPartial(file.replace(/\.hbs$/, ''), read(`partials/${file}`))
}
const strict = { strict: true, knownHelpersOnly: true } as const
const templates = {
  htmlLayout: hbs.compile(read('layout.html.hbs'), strict),
  textLayout: hbs.compile(read('layout.text.hbs'), { ...strict, noEscape: true }),
  html: hbs.compile(read('change-notice.html.hbs'), { knownHelpersOnly: true }),
  text: hbs.compile(read('change-notice.text.hbs'), { knownHelpersOnly: true, noEscape: true }),
}

const REQUIRED = ['siteName', 'locale', 'policyTitle', 'effectiveDate', 'versionUrl'] as const

/** Assent's wording of one notice, in its locale: what the templates show besides the values. */
function wordingOf(context: ChangeNoticeContext, p: NoticePhrases) {
  const numbers = plainNumberFormat(p.format)
  const n = (value: number) => numbers.format(value)
  const title = context.policyTitle
  return {
    heading: p.heading(title),
    published: p.published(context.name ?? null, n(context.version), title),
    takesEffectLead: p.takesEffectLead,
    whatChangesSince: p.whatChangesSince(n(context.since ?? 0)),
    whatChanges: p.whatChanges,
    changes: context.changes.map((c) => ({
      heading: p.versionHeading(n(c.version)),
      detail: p.changeDetail(c.changeClass as Parameters<NoticePhrases['changeDetail']>[0], c.effectiveDate, c.supersededBy ? n(c.supersededBy) : null),
      summary: c.summary,
    })),
    missed: context.missed && p.missed(context.missed.versions, context.missed.plural),
    notInYourLanguage: context.fallback ? p.notInYourLanguage : null,
    seeChangesSince: p.seeChangesSince(n(context.since ?? 0)),
    seeChanges: p.seeChanges,
    readNew: p.readNew(title),
    whatToDo: p.whatToDo,
    mustAccept: p.mustAccept(title),
    nothingToDo: p.nothingToDo(context.effectiveDate, title),
  }
}

/** The email telling a subject about a new version, from the templates under emails/, worded in
 * the context's locale (Assent's phrases for its language; English for a language it lacks). */
export function renderChangeNotice(context: ChangeNoticeContext): RenderedMail {
  // The phrases would print "undefined" where the strict layout used to refuse: refuse here.
  for (const key of REQUIRED) if (!context[key]) throw new Error(`A change notice needs ${key}.`)
  const { phrases } = phrasesFor(noticePhrases, context.locale)
  const subject = phrases.subject(context.policyTitle, context.effectiveDate)
  const textLang = context.textLocale && context.textLocale !== context.locale ? context.textLocale : null
  const view = { ...context, t: wordingOf(context, phrases), textLang, textDir: textLang && textDirection(textLang) }
  const frame = { locale: context.locale, dir: textDirection(context.locale), subject, footer: phrases.footer(context.siteName) }
  return {
    subject,
    html: templates.htmlLayout({ ...frame, body: templates.html(view) }),
    text: templates.textLayout({ ...frame, body: templates.text(view).trim() }),
  }
}
