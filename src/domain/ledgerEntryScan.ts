import { contentHash } from './contentHash'
import type { KeyRotationRecord } from './keyRotation'
import { entryLeafHash } from './entryLeafHash'
import { plainAcceptanceBody } from './plainAcceptanceBody'

/** One exported ledger entry, as a bundle line holds it. */
export interface ScannedEntry {
  seq: number
  body: string
  leafHash: string
}

/** A publication or translation entry, as the publication checks need it. */
export interface ScannedPublication {
  seq: number
  record: Record<string, unknown>
}

/** Acceptances that name the same version, version number and text hash: the entries whose
 * publication check comes out the same, so a million acceptances of 80 versions travel as 80. */
export interface AcceptanceGroup {
  version: string
  versionNumber: string
  /** `typeof:value` of a primitive content hash; null for an object, which equals nothing. */
  contentHash: string | null
  seqs: number[]
}

/** What a scan of consecutive entries found, small enough to post between threads. */
export interface EntryScanSummary {
  entries: number
  firstBadSeq?: number
  problems: string[]
  rotations: Array<{ seq: number; record: Partial<KeyRotationRecord> }>
  publications: ScannedPublication[]
  acceptances: AcceptanceGroup[]
}

/** How a content hash compares under `!==` once parsed: primitives by type and value, objects
 * never (two parsed objects are never the same object). */
const comparable = (value: unknown): string | null => (typeof value === 'object' && value !== null ? null : `${typeof value}:${String(value)}`)

type Body = { seq?: number; kind?: string; record?: { contentHash?: string } & Partial<KeyRotationRecord> & Record<string, unknown> }

/**
 * The per-entry checks of a ledger bundle, entry by entry with each body read once (an acceptance
 * written the way the ledger writes it through `plainAcceptanceBody`, any other parsed): its place
 * (entries numbered 1…n), its leaf hash recomputed from the body, its body JSON naming its own
 * number, and every accepted text in the bundle and hashing to what was accepted. It also keeps
 * what the whole-ledger checks need (key rotations, publications, acceptances by version), never
 * the bodies. `textStatus` says, for each version text in the bundle, whether it hashes to its name.
 */
export class LedgerEntryScan {
  private summary: EntryScanSummary = { entries: 0, problems: [], rotations: [], publications: [], acceptances: [] }
  private readonly groups = new Map<string, AcceptanceGroup>()
  private last?: { version: unknown; versionNumber: unknown; contentHash: unknown; group: AcceptanceGroup }

  constructor(private readonly textStatus: ReadonlyMap<string, boolean>) {}

  /** Scans the entry found at `position` (1-based) of the ledger sorted by number. */
  add(entry: ScannedEntry, position: number): void {
    this.addChecked(entry, position, entry.seq === position && entryLeafHash(entry.body) === entry.leafHash)
  }

  /** Scans an entry whose leaf hash the caller compared (`hashMatches`), from the body's bytes
   * when it had them: as `add` does, which compares it only for an entry in its place. */
  addChecked(entry: Pick<ScannedEntry, 'seq' | 'body'>, position: number, hashMatches: boolean): void {
    this.summary.entries++
    let parsed: Body | undefined
    let parses = true
    try {
      parsed = plainAcceptanceBody(entry.body) ?? (JSON.parse(entry.body) as Body)
    } catch {
      parses = false
    }
    this.check(entry, position, hashMatches, parsed, parses)
    const record = parsed?.record
    if (!record) return
    if (parsed!.kind === 'publication' || parsed!.kind === 'translation') this.summary.publications.push({ seq: entry.seq, record })
    else if (parsed!.kind === 'acceptance') this.group(entry.seq, record)
  }

  /** Adds what a scan of the entries that follow found (another thread's, in order). */
  merge(next: EntryScanSummary): void {
    const s = this.summary
    s.entries += next.entries
    s.firstBadSeq ??= next.firstBadSeq
    s.problems.push(...next.problems)
    s.rotations.push(...next.rotations)
    s.publications.push(...next.publications)
    for (const group of next.acceptances) {
      const kept = group.contentHash === null ? undefined : this.groups.get(keyOf(group))
      if (kept) kept.seqs.push(...group.seqs)
      else this.keep(group)
    }
  }

  /** What the scan found so far. */
  result(): EntryScanSummary {
    return this.summary
  }

  private check(entry: Pick<ScannedEntry, 'seq'>, position: number, hashMatches: boolean, parsed: Body | undefined, parses: boolean): void {
    if (entry.seq !== position) return this.bad(position, `entry ${position} is missing (found ${entry.seq} in its place)`)
    if (!hashMatches) return this.bad(entry.seq, `entry ${entry.seq}: its body does not match its leaf hash`)
    if (!parses) return this.bad(entry.seq, `entry ${entry.seq}: body is not JSON`)
    // A body of `null` reads as one that names no entry, as a number or a text does.
    const body: Body = parsed ?? {}
    if (body.seq !== entry.seq) return this.bad(entry.seq, `entry ${entry.seq}: body says it is entry ${body.seq}`)
    if (body.kind === 'key-rotation') this.summary.rotations.push({ seq: entry.seq, record: body.record ?? {} })
    const hash: unknown = body.kind === 'acceptance' ? body.record?.contentHash : undefined
    if (hash === undefined) return
    if (typeof hash !== 'string') return this.bad(entry.seq, `entry ${entry.seq}: the accepted text's hash is not a text (${JSON.stringify(hash)?.slice(0, 40)})`)
    const matches = this.textStatus.get(hash)
    if (matches === undefined) this.bad(entry.seq, `entry ${entry.seq}: the accepted text ${hash.slice(0, 12)}… is not in the bundle`)
    else if (!matches) this.bad(entry.seq, `entry ${entry.seq}: the version text in the bundle does not hash to ${hash.slice(0, 12)}…`)
  }

  private bad(seq: number, problem: string): void {
    this.summary.firstBadSeq ??= seq
    this.summary.problems.push(problem)
  }

  private group(seq: number, record: Record<string, unknown>): void {
    // Acceptances mostly follow one another for the same version: the same values as the last
    // one's (primitives, equal under ===) are its group, found without building its key.
    const last = this.last
    if (last && last.version === record.version && last.versionNumber === record.versionNumber && last.contentHash === record.contentHash) return void last.group.seqs.push(seq)
    const contentHash = comparable(record.contentHash)
    const version = String(record.version)
    const versionNumber = String(record.versionNumber)
    const group = (contentHash === null ? undefined : this.groups.get(`${version}\u0000${versionNumber}\u0000${contentHash}`)) ?? this.keep({ version, versionNumber, contentHash, seqs: [] })
    group.seqs.push(seq)
    const primitive = [record.version, record.versionNumber, record.contentHash].every((value) => comparable(value) !== null)
    this.last = primitive ? { version: record.version, versionNumber: record.versionNumber, contentHash: record.contentHash, group } : undefined
  }

  private keep(group: AcceptanceGroup): AcceptanceGroup {
    const copy = { ...group, seqs: [...group.seqs] }
    this.summary.acceptances.push(copy)
    if (group.contentHash !== null) this.groups.set(keyOf(group), copy)
    return copy
  }
}

const keyOf = (g: AcceptanceGroup) => `${g.version}\u0000${g.versionNumber}\u0000${g.contentHash}`

/**
 * The publication checks over a whole scan: every published or translated text is in the bundle
 * and hashes to what its entry recorded, and every acceptance of a version whose publication is
 * recorded names the number that entry bound and the text hash of the publication or of one of
 * the version's recorded translations (problems in entry order).
 */
export function publicationProblems(scan: EntryScanSummary, textStatus: ReadonlyMap<string, boolean>): string[] {
  const problems: string[] = []
  const published = new Map<string, { seq: number; version: string; hashes: Array<string | null> }>()
  const translations = new Map<string, Array<string | null>>()
  for (const { seq, record } of scan.publications) {
    const key = String(record.publication)
    if (record.translation === undefined) published.set(key, { seq, version: String(record.version), hashes: [comparable(record.contentHash)] })
    else translations.set(key, [...(translations.get(key) ?? []), comparable(record.contentHash)])
    const hash = String(record.contentHash)
    const matches = textStatus.get(hash)
    const [missing, edited] = record.translation === undefined ? ['published text', 'version text'] : Array(2).fill(`${String(record.locale)} translation`)
    if (matches === undefined) problems.push(`entry ${seq}: the ${missing} ${hash.slice(0, 12)}… is not in the bundle`)
    else if (!matches) problems.push(`entry ${seq}: the ${edited} in the bundle does not hash to ${hash.slice(0, 12)}…`)
  }
  const differing: Array<{ seq: number; problem: string }> = []
  for (const group of scan.acceptances) {
    const publication = published.get(group.version)
    if (!publication) continue
    const hashes = [...publication.hashes, ...(translations.get(group.version) ?? [])]
    const sameHash = group.contentHash !== null && hashes.includes(group.contentHash)
    const fields = [...(publication.version !== group.versionNumber ? ['versionNumber'] : []), ...(sameHash ? [] : ['contentHash'])]
    if (fields.length === 0) continue
    for (const seq of group.seqs) differing.push({ seq, problem: `entry ${seq}: the acceptance differs from the publication of its version (entry ${publication.seq}) in: ${fields.join(', ')}` })
  }
  // Stable: two entries with one number keep their order in the ledger.
  differing.sort((a, b) => a.seq - b.seq)
  return [...problems, ...differing.map((d) => d.problem)]
}

/** For each version text of a bundle, by the hash it is filed under, whether it hashes to it. */
export function versionTextStatus(versionTexts: ReadonlyMap<string, string>): Map<string, boolean> {
  return new Map([...versionTexts].map(([hash, text]) => [hash, contentHash(text) === hash]))
}
