import type { Redline } from '../../domain/redline'
import { supersededBeforeEffect } from '../../domain/supersededBeforeEffect'
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
}

/** `v` as lists show it, judged against its policy's published `history`. */
export const toVersionSummaryView = (v: PublishedVersion, history: readonly PublishedVersion[]): VersionSummaryView => ({
  version: v.version,
  changeClass: v.changeClass,
  summary: v.summary,
  effectiveAt: v.effectiveAt.toISOString(),
  publishedAt: v.publishedAt.toISOString(),
  contentHash: v.contentHash,
  supersededBeforeEffectBy: supersededBeforeEffect(history, v)?.version ?? null,
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
