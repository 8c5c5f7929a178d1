import type { Checkpoint } from './checkpointSignature'
import { entryInCheckpoint } from './entryInCheckpoint'
import { entryLeafHash } from './ledgerBody'
import { publicationDifferences, publicationLedgerRecord, publicationUnbound, type PublicationFacts } from './publicationLedgerRecord'
import type { VersionRules } from './versionRules'

/** A version as an evidence pack states it. */
interface PackVersion {
  id?: number | string
  policy: string
  version: number
  changeClass: string
  contentHash: string
  publishedAt: string
  effectiveAt: string
  rules?: VersionRules
  locale?: string
  summary?: string
}

/** What a pack states about its versions and the publication entries that back them. */
export interface PackPublications {
  checkpoint: Checkpoint
  versions: PackVersion[]
  publications?: Array<{ seq: number; body: string; leafHash: string; proof: string[] }>
}

/**
 * Checks every version in an evidence pack against its publication entry: the entry hashes to its
 * leaf, is in the signed checkpoint, and records the same number, text hash, language, summary,
 * change class, effective and publication dates and rules as the pack states. A version with no
 * entry, or any fact that differs, is named with the version and the field; the facts an older
 * entry does not bind are returned as `unbound`.
 */
export function checkPackPublications(pack: PackPublications): { problems: string[]; unbound: string[] } {
  const problems: string[] = []
  const unbound = new Set<string>()
  const { checkpoint } = pack
  const recorded = new Map<string, { seq: number; record: Record<string, unknown> }>()
  for (const entry of pack.publications ?? []) {
    if (entryLeafHash(entry.body) !== entry.leafHash) {
      problems.push(`publication entry ${entry.seq}: its body does not match its leaf hash`)
      continue
    }
    const included = entryInCheckpoint(entry, checkpoint)
    if (!included) problems.push(`publication entry ${entry.seq} is not in the signed checkpoint of ${checkpoint.treeSize} entries`)
    const body = JSON.parse(entry.body) as { seq?: number; kind?: string; record?: Record<string, unknown> }
    if (body.seq !== entry.seq || body.kind !== 'publication' || !body.record) {
      problems.push(`ledger entry ${entry.seq} is given as a publication entry but is not one`)
      continue
    }
    recorded.set(String(body.record.publication), { seq: entry.seq, record: body.record })
  }
  for (const v of pack.versions) {
    const label = `${v.policy} version ${v.version}`
    const entry = v.id === undefined ? undefined : recorded.get(String(v.id))
    if (!entry) {
      problems.push(`${label} has no publication entry in the pack: nothing binds its change class, effective date or rules`)
      continue
    }
    // A pack holds the texts, not the pages' HTML, nor who published and approved them: there is
    // none of its own to compare.
    const { htmlHash, publishedBy, approvedBy, approvedAt } = entry.record as Pick<PublicationFacts, 'htmlHash' | 'publishedBy' | 'approvedBy' | 'approvedAt'>
    const stated = publicationLedgerRecord({ ...v, id: v.id!, policy: entry.record.policy as string, rules: v.rules ?? ({} as never), htmlHash, publishedBy, approvedBy, approvedAt })
    const fields = publicationDifferences(stated, entry.record)
    if (fields.length > 0) problems.push(`${label} differs from its publication entry ${entry.seq} in: ${fields.join(', ')}`)
    for (const field of publicationUnbound(entry.record)) if (field in v) unbound.add(`versions.${field}`)
  }
  return { problems, unbound: [...unbound] }
}
