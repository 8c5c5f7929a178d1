import type { Redline } from '../../domain/redline'
import { supersededBeforeEffect } from '../../domain/supersededBeforeEffect'
import { availableTexts } from './localizedVersion'
import type { PublishedVersion } from './publishedVersions'

/** A published version in lists (no text), as the JSON API shows it. */
export interface VersionSummaryView {
  version: number
  changeClass: PublishedVersion['changeClass']
  summary: string
  effectiveAt: string
  publishedAt: string
  contentHash: string
  /** The version published later that took effect on or before this one's date, so that this one
   * never was in force (null: it takes or took effect). */
  supersededBeforeEffectBy: number | null
  /** The locale of the text it was published with (summary and contentHash are that text's). */
  locale: string
  /** Every text it has, that one first, then its translations (`addedAt`: when each was frozen). */
  locales: LocaleView[]
}

/** One text of a version in lists. */
export interface LocaleView {
  locale: string
  contentHash: string
  summary: string
  addedAt: string
  translation: boolean
}

/** The texts of `v` as the JSON API lists them. */
export const toLocaleViews = (v: PublishedVersion, defaultLocale: string): LocaleView[] =>
  availableTexts(v, defaultLocale).map((t) => ({ locale: t.locale, contentHash: t.contentHash, summary: t.summary, addedAt: t.addedAt.toISOString(), translation: t.translation }))

/** `v` as lists show it, judged against its policy's published `history`; `defaultLocale` is the
 * language of a version published before versions had one. */
export const toVersionSummaryView = (v: PublishedVersion, history: readonly PublishedVersion[], defaultLocale: string): VersionSummaryView => ({
  version: v.version,
  changeClass: v.changeClass,
  summary: v.summary,
  effectiveAt: v.effectiveAt.toISOString(),
  publishedAt: v.publishedAt.toISOString(),
  contentHash: v.contentHash,
  supersededBeforeEffectBy: supersededBeforeEffect(history, v)?.version ?? null,
  locale: v.locale ?? defaultLocale,
  locales: toLocaleViews(v, defaultLocale),
})

/** A redline as structured hunks: each change with what it removes and adds, plus its lines. */
export function toDiffView(result: Redline) {
  return {
    changes: result.changeStarts.length,
    blocks: result.blocks.map((block) =>
      block.kind === 'change' ? { kind: block.kind, segments: block.segments } : block.kind === 'equal' ? { kind: block.kind, text: block.text } : { kind: block.kind, text: block.text, moved: block.moved },
    ),
  }
}
