import type { Redline } from '../domain/redline'
import type { PublishedVersion } from './publishedVersions'

/** A published version in lists (no text), as the JSON API shows it. */
export interface VersionSummaryView {
  version: number
  changeClass: PublishedVersion['changeClass']
  summary: string
  effectiveAt: string
  publishedAt: string
  contentHash: string
}

export const toVersionSummaryView = (v: PublishedVersion): VersionSummaryView => ({
  version: v.version,
  changeClass: v.changeClass,
  summary: v.summary,
  effectiveAt: v.effectiveAt.toISOString(),
  publishedAt: v.publishedAt.toISOString(),
  contentHash: v.contentHash,
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
