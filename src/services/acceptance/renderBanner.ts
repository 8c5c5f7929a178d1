import Handlebars from 'handlebars'

import { defaultBannerHtml, defaultBannerText } from '../../domain/bannerDefaults'
import type { BannerTemplate } from '../../payload-types'

/** What the banner templates are given for each owed policy. */
export interface BannerItem {
  policyTitle: string
  version: number
  action: 'accept' | 'acknowledge'
  summary: string
  effectiveDate: string
  upcoming: boolean
  /** Whether there is an earlier version to compare with. */
  hasPrevious: boolean
  redlineUrl: string
  versionUrl: string
}

const compiled = new Map<string, HandlebarsTemplateDelegate>()

/** Compiles a staff-edited template once per distinct source (escaping on, helpers off). */
function template(source: string): HandlebarsTemplateDelegate {
  let t = compiled.get(source)
  if (!t) {
    t = Handlebars.create().compile(source, { strict: false, knownHelpersOnly: true })
    compiled.set(source, t)
    if (compiled.size > 20) compiled.delete(compiled.keys().next().value as string)
  }
  return t
}

/** The login banner for what a subject owes, in HTML and text, from the admin's templates
 * (`settings`) or the defaults. */
export function renderBanner(settings: Pick<BannerTemplate, 'html' | 'text'> | undefined, items: BannerItem[]): { html: string; text: string } {
  const accepting = items.filter((i) => i.action === 'accept')
  const context = { items, accepting, mustAccept: accepting.length > 0 }
  return {
    html: template(settings?.html || defaultBannerHtml)(context),
    text: template(settings?.text || defaultBannerText)(context).trim(),
  }
}
