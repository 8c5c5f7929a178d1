import { readdirSync, readFileSync } from 'node:fs'

import Handlebars from 'handlebars'

/** Everything a change notice says, and nothing else: the templates see only these values. */
export interface ChangeNoticeContext {
  siteName: string
  locale: string
  name?: string | null
  policyTitle: string
  version: number
  summary: string
  /** Human date, e.g. "29 December 2026". */
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
  /** Earlier versions whose notice never reached the subject, e.g. "version 2"; null when none. */
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

/** The email telling a subject about a new version, from the templates under emails/. */
export function renderChangeNotice(context: ChangeNoticeContext): RenderedMail {
  const subject = `Update to our ${context.policyTitle}, effective ${context.effectiveDate}`
  return {
    subject,
    html: templates.htmlLayout({ ...context, subject, body: templates.html(context) }),
    text: templates.textLayout({ ...context, subject, body: templates.text(context).trim() }),
  }
}
