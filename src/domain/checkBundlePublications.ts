import { contentHash } from './contentHash'

interface Entry {
  seq: number
  body: string
}

interface Published {
  seq: number
  version: unknown
  contentHash: unknown
}

/**
 * Offline checks of a whole-ledger bundle's publications: every published text is in the bundle
 * and hashes to what its publication entry recorded, and every acceptance of a version whose
 * publication is recorded names the number and text hash that entry bound.
 */
export function checkBundlePublications(entries: readonly Entry[], versionTexts: ReadonlyMap<string, string>): string[] {
  const problems: string[] = []
  const parsed = entries.flatMap((entry) => {
    try {
      const body = JSON.parse(entry.body) as { kind?: string; record?: Record<string, unknown> }
      return body.record ? [{ seq: entry.seq, kind: body.kind, record: body.record }] : []
    } catch {
      return []
    }
  })
  const published = new Map<string, Published>()
  for (const { seq, kind, record } of parsed) {
    if (kind !== 'publication') continue
    published.set(String(record.publication), { seq, version: record.version, contentHash: record.contentHash })
    const hash = String(record.contentHash)
    const text = versionTexts.get(hash)
    if (text === undefined) problems.push(`entry ${seq}: the published text ${hash.slice(0, 12)}… is not in the bundle`)
    else if (contentHash(text) !== hash) problems.push(`entry ${seq}: the version text in the bundle does not hash to ${hash.slice(0, 12)}…`)
  }
  for (const { seq, kind, record } of parsed) {
    if (kind !== 'acceptance') continue
    const publication = published.get(String(record.version))
    if (!publication) continue
    const fields = [
      ...(String(publication.version) !== String(record.versionNumber) ? ['versionNumber'] : []),
      ...(publication.contentHash !== record.contentHash ? ['contentHash'] : []),
    ]
    if (fields.length > 0) problems.push(`entry ${seq}: the acceptance differs from the publication of its version (entry ${publication.seq}) in: ${fields.join(', ')}`)
  }
  return problems
}
