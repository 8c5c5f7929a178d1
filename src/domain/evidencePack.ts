import { checkPackContinuedUse } from './checkPackContinuedUse'
import { checkPackManifest, type ManifestCheck, type PackListing } from './checkPackManifest'
import { checkPackPublications } from './checkPackPublications'
import { signerOf } from './checkpointChecks'
import type { Checkpoint } from './checkpointSignature'
import { checkPackRecords } from './checkPackRecords'
import { checkPackSubject, type PackSubject } from './checkPackSubject'
import { checkPackTranslations, type PackTranslation } from './checkPackTranslations'
import { contentHash } from './contentHash'
import { entryInCheckpoint } from './entryInCheckpoint'
import { trustedKeyChain, type KeyRotationRecord } from './keyRotation'
import { entryLeafHash } from './ledgerBody'
import { fileHash, MANIFEST_FILE } from './packManifest'
import type { VersionRules } from './versionRules'

export const EVIDENCE_FORMAT = 'assent-evidence/1'

/** A version the subject was owed, with the file holding its exact text. */
export interface EvidenceVersion {
  policy: string
  policyTitle: string
  version: number
  changeClass: string
  contentHash: string
  publishedAt: string
  effectiveAt: string
  file: string
  /** What changed, in plain language: what the subject was told, as its publication entry binds it
   * (entries written before summaries were bound leave it to the signed manifest alone). Absent
   * from packs made before it was stated. */
  summary?: string
  /** The version's id and the rules it was published under, as its publication entry binds them. */
  id?: number | string
  rules?: VersionRules
  /** The language of its text, as its publication entry binds it (absent from older packs). */
  locale?: string
}

/** A translation of a version in the pack whose text a subject accepted or was shown. */
export type EvidenceTranslation = PackTranslation

export interface EvidenceAcceptance {
  id: number | string
  policy: string
  version: number
  contentHash: string
  method: string
  source: string
  acceptedAt: string
  ip: string | null
  userAgent: string | null
  locale: string | null
  /** Notices relied on (continued use). */
  notices: Array<{ id: number | string; channel: string; reachedAt: string }>
  /** The version numbers it covers: every version since the last one accepted, up to this one
   * (absent from acceptances recorded before Assent kept it). */
  covers?: number[]
  /** For an acceptance recorded without `covers`: the versions it covers as the pack derives
   * them (after the version accepted before it, up to its own); no ledger entry binds them. */
  coversDerived?: number[]
}

/** What the subject owes for one policy when the pack is made. */
export interface EvidenceOwed {
  policy: string
  action: 'accept' | 'acknowledge'
  /** The version owed: the newest one published after the last acceptance. */
  version: number
  upcoming: boolean
  /** The last version accepted or acknowledged; null when none. */
  since: number | null
  /** Every published version after `since` up to the owed one, oldest first (the owed one alone
   * when nothing was accepted): each is in `versions`, with its text in the pack. */
  changes: number[]
}

export interface EvidenceNotice {
  id: number | string
  policy: string
  version: number
  channel: string
  status: string
  reachedAt: string | null
  dismissedAt: string | null
  attempts: number | null
  messageId: string | null
  messageHash: string | null
  lastReply: string | null
  address: string | null
}

/** A ledger entry about the subject, with its inclusion proof in the pack's checkpoint. */
export interface EvidenceLedgerEntry {
  seq: number
  body: string
  leafHash: string
  proof: string[]
}

/** evidence.json: everything the pack states, each statement backed by ledger entries. */
export interface EvidenceDocument {
  format: typeof EVIDENCE_FORMAT
  generatedAt: string
  subject: PackSubject
  checkpoint: Checkpoint
  versions: EvidenceVersion[]
  /** Per policy, what the subject owes when the pack is made (absent from older packs). */
  owed?: EvidenceOwed[]
  acceptances: EvidenceAcceptance[]
  notices: EvidenceNotice[]
  ledger: EvidenceLedgerEntry[]
  /** The ledger's key rotations up to the checkpoint, with their inclusion proofs: the chain from
   * a pinned key to the one that signed the checkpoint. */
  keyRotations?: EvidenceLedgerEntry[]
  /** The publication entries of the versions in the pack, with their inclusion proofs. */
  publications?: EvidenceLedgerEntry[]
  /** Translations whose text the subject accepted or was shown (absent when none), and their
   * ledger entries with inclusion proofs. */
  translations?: EvidenceTranslation[]
  translationEntries?: EvidenceLedgerEntry[]
  redlines: Array<{ policy: string; from: number; to: number; file: string }>
}

/** A pack as read from its folder: the document, its files by path, the public key. */
export interface EvidencePack {
  document: EvidenceDocument
  /** Every file of the pack (as UTF-8 text) by its path inside the pack. */
  files: Map<string, string>
  publicKeyPem: string
  /** The files found in the pack's folder with the SHA-256 of their bytes; when absent, the
   * hashes of `files` (a pack checked as built, never written). */
  listing?: PackListing
}

export interface EvidenceVerdict {
  ok: boolean
  problems: string[]
  acceptances: number
  notices: number
  entries: number
  /** Fingerprint of the key that signed the checkpoint, and of the keys before it. */
  fingerprint?: string
  keyChain: string[]
  pinned: boolean
  /** Stored fields the pack states that no ledger entry in it binds. */
  unbound: string[]
  /** Whether the signed manifest covers every file of the pack, and how many files it covers. */
  manifest: ManifestCheck['status']
  files: number
}

interface LedgerRecord {
  acceptance?: number | string
  notice?: number | string
  subject?: number | string
  contentHash?: string
  method?: string
  acceptedAt?: string
  versionNumber?: number
  status?: string
  reachedAt?: string | null
  contextHash?: string
  notices?: Array<number | string>
}

const same = (a: unknown, b: unknown) => String(a) === String(b)

/**
 * Verifies an evidence pack offline, with only its files and the public key: the checkpoint is
 * signed by the key; every ledger entry hashes to its leaf and is included in the checkpoint's
 * tree; every entry is about this subject; every acceptance and notice the pack states is what
 * the ledger recorded, field by field (fields no entry binds are named); an email notice comes
 * with its banner notice; pinned (`options.pin`), the checkpoint's key is the pinned one or one it
 * rotated to by a rotation entry in the checkpoint; the text
 * files hash to the content hashes accepted; the notices an acceptance relies on are in the pack
 * and reached the subject before the version took effect; manifest.json is signed by the key that
 * signed the checkpoint and lists every other file of the pack with its hash, no more, no fewer.
 */
export function verifyEvidencePack(pack: EvidencePack, options: { pin?: string } = {}): EvidenceVerdict {
  const { document: doc } = pack
  const problems: string[] = []
  let chain: ReturnType<typeof trustedKeyChain>['keys'] = []
  const unbound: string[] = []
  let manifest: ManifestCheck = { status: 'failed', problems: [], files: 0 }
  const verdict = () => ({
    ok: problems.length === 0,
    problems,
    acceptances: doc.acceptances?.length ?? 0,
    notices: doc.notices?.length ?? 0,
    entries: doc.ledger?.length ?? 0,
    fingerprint: chain.find((k) => k.keyId === doc.checkpoint?.keyId)?.fingerprint,
    keyChain: chain.map((k) => k.fingerprint),
    pinned: options.pin !== undefined,
    unbound,
    manifest: manifest.status,
    files: manifest.files,
  })
  if (doc?.format !== EVIDENCE_FORMAT) {
    const removed = pack.listing && !pack.listing.has('evidence.json')
    problems.push(removed ? 'evidence.json is missing: it was removed' : `evidence.json is not an ${EVIDENCE_FORMAT} document`)
    return verdict()
  }

  const { checkpoint } = doc
  const rotations = (doc.keyRotations ?? []).flatMap((entry) => {
    const body = JSON.parse(entry.body) as { seq?: number; kind?: string; record?: Partial<KeyRotationRecord> }
    const included = entryLeafHash(entry.body) === entry.leafHash && body.seq === entry.seq && body.kind === 'key-rotation' && entryInCheckpoint(entry, checkpoint)
    if (!included) problems.push(`key rotation entry ${entry.seq} is not a key rotation in the signed checkpoint`)
    return included ? [{ seq: entry.seq, record: body.record ?? {} }] : []
  })
  const keys = trustedKeyChain(pack.publicKeyPem, rotations, options.pin)
  chain = keys.keys
  problems.push(...keys.problems)
  const signer = chain.length > 0 ? signerOf(checkpoint, chain) : undefined
  if (chain.length > 0 && !signer) problems.push(`the checkpoint of ${checkpoint.treeSize} entries is not signed by ${options.pin ? 'the pinned key (or a key it rotated to)' : 'this key'}`)
  const listing = pack.listing ?? new Map([...pack.files].map(([name, content]) => [name, fileHash(content)]))
  manifest = checkPackManifest(pack.files.get(MANIFEST_FILE), listing, signer?.key)
  problems.push(...manifest.problems)

  const acceptanceEntries = new Map<string, LedgerRecord>()
  const noticeEntries = new Map<string, LedgerRecord[]>()
  const subjectEntries: Array<{ seq: number; record: Record<string, unknown> }> = []
  for (const entry of doc.ledger) {
    if (entryLeafHash(entry.body) !== entry.leafHash) {
      problems.push(`ledger entry ${entry.seq}: its body does not match its leaf hash`)
      continue
    }
    const included = entryInCheckpoint(entry, checkpoint)
    if (!included) problems.push(`ledger entry ${entry.seq} is not in the signed checkpoint of ${checkpoint.treeSize} entries`)
    let body: { seq?: number; kind?: string; record?: LedgerRecord }
    try {
      body = JSON.parse(entry.body)
    } catch {
      problems.push(`ledger entry ${entry.seq}: body is not JSON`)
      continue
    }
    const record = body.record ?? {}
    if (body.seq !== entry.seq) problems.push(`ledger entry ${entry.seq}: its body says it is entry ${body.seq}`)
    if (!same(record.subject, doc.subject.id)) problems.push(`ledger entry ${entry.seq} is about another subject`)
    if (body.kind === 'acceptance') acceptanceEntries.set(String(record.acceptance), record)
    if (body.kind === 'notice') noticeEntries.set(String(record.notice), [...(noticeEntries.get(String(record.notice)) ?? []), record])
    if (body.kind === 'subject' && included) subjectEntries.push({ seq: entry.seq, record: record as Record<string, unknown> })
  }

  const versionsByHash = new Map(doc.versions.map((v) => [v.contentHash, v]))
  for (const t of doc.translations ?? []) {
    const version = doc.versions.find((v) => v.policy === t.policy && v.version === t.version)
    if (version) versionsByHash.set(t.contentHash, version)
    else problems.push(`the ${t.locale} translation of ${t.policy} version ${t.version} translates a version that is not in the pack`)
  }
  for (const check of [checkPackSubject(doc.subject, subjectEntries), checkPackPublications(doc), checkPackTranslations(doc, pack.files)]) {
    problems.push(...check.problems)
    unbound.push(...check.unbound)
  }
  problems.push(...checkPackContinuedUse(doc))
  for (const v of doc.versions) {
    const text = pack.files.get(v.file)
    if (text === undefined) problems.push(`${v.file} (${v.policy} version ${v.version}) is missing`)
    else if (contentHash(text) !== v.contentHash) problems.push(`${v.file} does not hash to ${v.contentHash.slice(0, 12)}…: the text of ${v.policy} version ${v.version} was changed`)
  }

  const noticesById = new Map(doc.notices.map((n) => [String(n.id), n]))
  for (const a of doc.acceptances) {
    const label = `acceptance ${a.id} (${a.policy} version ${a.version})`
    const record = acceptanceEntries.get(String(a.id))
    if (!record) {
      problems.push(`${label} has no ledger entry in the pack`)
      continue
    }
    if (!versionsByHash.has(a.contentHash)) problems.push(`${label}: the accepted text is not in the pack`)
    const version = versionsByHash.get(a.contentHash)
    for (const cited of a.notices) {
      const notice = noticesById.get(String(cited.id))
      if (!notice) problems.push(`${label} relies on notice ${cited.id}, which is not in the pack`)
      else if (version && (!notice.reachedAt || new Date(notice.reachedAt) >= new Date(version.effectiveAt))) {
        problems.push(`${label} relies on notice ${cited.id}, which did not reach the subject before the version took effect`)
      }
    }
  }

  for (const n of doc.notices) if (!noticeEntries.has(String(n.id))) problems.push(`notice ${n.id} has no ledger entry in the pack`)
  const compared = checkPackRecords(doc.acceptances, doc.notices, { acceptances: acceptanceEntries as Map<string, Record<string, unknown>>, notices: noticeEntries as Map<string, Record<string, unknown>[]> }, doc.subject.erasedAt != null)
  problems.push(...compared.problems)
  unbound.push(...compared.unbound)
  return verdict()
}
