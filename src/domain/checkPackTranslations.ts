import type { Checkpoint } from './checkpointSignature'
import { contentHash } from './contentHash'
import { entryInCheckpoint } from './entryInCheckpoint'
import { entryLeafHash } from './ledgerBody'
import { translationDifferences, translationUnbound } from './translationLedgerRecord'

/** A translation as an evidence pack states it. */
export interface PackTranslation {
  id: number | string
  policy: string
  version: number
  /** The id of the version it translates, as its ledger entry names it. */
  versionId: number | string
  locale: string
  contentHash: string
  /** When it was frozen: its version's publication, or later when added later. */
  addedAt: string
  file: string
  /** What changed, in this language (absent from packs made before it was stated). */
  summary?: string
}

/** What a pack states about its translations and the entries that back them. */
export interface PackTranslations {
  checkpoint: Checkpoint
  translations?: PackTranslation[]
  translationEntries?: Array<{ seq: number; body: string; leafHash: string; proof: string[] }>
}

/**
 * Checks every translation in an evidence pack: its text file hashes to its content hash, and its
 * ledger entry hashes to its leaf, is in the signed checkpoint and records the same version, number,
 * locale, summary, text hash and time as the pack states. A translation with no entry, or a fact
 * that differs, is named with the version, the locale and the field; the facts an older entry does
 * not bind are returned as `unbound`.
 */
export function checkPackTranslations(pack: PackTranslations, files: ReadonlyMap<string, string>): { problems: string[]; unbound: string[] } {
  const problems: string[] = []
  const unbound = new Set<string>()
  const recorded = new Map<string, { seq: number; record: Record<string, unknown> }>()
  for (const entry of pack.translationEntries ?? []) {
    if (entryLeafHash(entry.body) !== entry.leafHash) {
      problems.push(`translation entry ${entry.seq}: its body does not match its leaf hash`)
      continue
    }
    if (!entryInCheckpoint(entry, pack.checkpoint)) problems.push(`translation entry ${entry.seq} is not in the signed checkpoint of ${pack.checkpoint.treeSize} entries`)
    const body = JSON.parse(entry.body) as { seq?: number; kind?: string; record?: Record<string, unknown> }
    if (body.seq !== entry.seq || body.kind !== 'translation' || !body.record) {
      problems.push(`ledger entry ${entry.seq} is given as a translation entry but is not one`)
      continue
    }
    recorded.set(String(body.record.translation), { seq: entry.seq, record: body.record })
  }
  for (const t of pack.translations ?? []) {
    const label = `the ${t.locale} translation of ${t.policy} version ${t.version}`
    const text = files.get(t.file)
    if (text === undefined) problems.push(`${t.file} (${label}) is missing`)
    else if (contentHash(text) !== t.contentHash) problems.push(`${t.file} does not hash to ${t.contentHash.slice(0, 12)}…: ${label} was changed`)
    const entry = recorded.get(String(t.id))
    if (!entry) {
      problems.push(`${label} has no ledger entry in the pack: nothing binds its locale or text`)
      continue
    }
    const stated: Record<string, unknown> = { publication: t.versionId, version: t.version, locale: t.locale, summary: t.summary, contentHash: t.contentHash, frozenAt: new Date(t.addedAt).toISOString() }
    const fields = translationDifferences(stated, entry.record, Object.keys(stated))
    if (fields.length > 0) problems.push(`${label} differs from its ledger entry ${entry.seq} in: ${fields.join(', ')}`)
    if (t.summary !== undefined) for (const field of translationUnbound(entry.record)) unbound.add(`translations.${field}`)
  }
  return { problems, unbound: [...unbound] }
}
