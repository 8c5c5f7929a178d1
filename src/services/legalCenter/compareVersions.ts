import type { Payload } from 'payload'

import { withoutRepeatedTitle } from '../../domain/withoutRepeatedTitle'
import { AssentError } from '../../errors/AssentError'
import type { Policy } from '../../payload-types'
import { policiesStore } from '../../store/policies'
import { findVersion, type FrozenVersion } from './findVersion'
import type { Redlines } from '../redline/redlines'
import type { RedlineView, RenderedRedline } from '../redline/renderRedline'

/** One side of a comparison: the version and the text compared, in `locale`. */
export interface ComparedText {
  text: string
  html?: string
  summary: string
  contentHash: string
}

/** Two published versions of a policy and the redline from one to the other, rendered. */
export interface Comparison {
  policy: Policy
  from: FrozenVersion
  to: FrozenVersion
  /** The locale of both texts compared. */
  locale: string
  /** The locale wanted was missing from one version or both: their own texts are compared. */
  localeFallback: boolean
  fromText: ComparedText
  toText: ComparedText
  redline: RenderedRedline
}

/** Which locale to compare in: the reader's (none: the versions' own texts), and the site's
 * default (the locale of a version published before versions had one). */
export interface CompareLocale {
  wanted?: string
  defaultLocale: string
}

const ownText = (v: FrozenVersion): ComparedText => ({ text: v.text ?? '', html: v.html ?? undefined, summary: v.summary, contentHash: v.contentHash as string })

/** The texts of `a` and `b` in `wanted` when both have one (their own or a frozen translation);
 * else undefined. */
async function bothIn(payload: Payload, a: FrozenVersion, b: FrozenVersion, wanted: string, defaultLocale: string, withHtml: boolean): Promise<[ComparedText, ComparedText] | undefined> {
  const textOf = async (v: FrozenVersion) => ((v.locale ?? defaultLocale) === wanted ? ownText(v) : policiesStore(payload).frozenTranslation(v.id, wanted, withHtml))
  const [x, y] = await Promise.all([textOf(a), textOf(b)])
  return x && y ? [x, y] : undefined
}

/** The redline between versions `from` and `to` of a policy (any two, either order), in `view`,
 * computed by `redlines` (off the event loop in the server): between their texts in the locale
 * `locale` wants when both versions have one, else between their own texts. */
export async function compareVersions(payload: Payload, redlines: Redlines, slug: string, from: number, to: number, view: RedlineView, locale?: CompareLocale): Promise<Comparison> {
  if (from === to) throw new AssentError('bad_request', `Pick two different versions to compare (both are ${from}).`)
  // The pages' redline compares what the pages show, their frozen HTML; the JSON one, the texts.
  const withHtml = view !== 'diff'
  const [a, b] = await Promise.all([findVersion(payload, slug, from, withHtml), findVersion(payload, slug, to, withHtml)])
  const wanted = locale?.wanted
  const translated = wanted ? await bothIn(payload, a.version, b.version, wanted, locale.defaultLocale, withHtml) : undefined
  const [fromText, toText] = translated ?? [ownText(a.version), ownText(b.version)]
  const ownLocale = a.version.locale ?? locale?.defaultLocale ?? ''
  const shown = ({ text, html }: ComparedText) => ({ text, html: html ? withoutRepeatedTitle(html, a.policy.title) : undefined })
  return {
    policy: a.policy,
    from: a.version,
    to: b.version,
    locale: translated && wanted ? wanted : ownLocale,
    localeFallback: Boolean(wanted) && !translated,
    fromText,
    toText,
    redline: await redlines.render(shown(fromText), shown(toText), view),
  }
}
