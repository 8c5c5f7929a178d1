import { sign, verify, type KeyObject } from 'node:crypto'

import canonicalize from 'canonicalize'

import { entryLeafHash } from './ledgerBody'
import { ledgerKeyFingerprint } from './ledgerKeyFingerprint'

/** What a receipt says is its kind and format; a signature over another kind of statement made
 * with the same key never reads as a receipt. */
export const RECEIPT_TYPE = 'assent-acceptance-receipt/v1'

/**
 * What Assent promises about one acceptance, as Certificate Transparency's SCTs and Rekor's entry
 * timestamps do for theirs: the ledger entry that records it (number, leaf hash, time) and what it
 * is for. A host product keeps it; `ledger:verify --receipts` later proves the entry is still there.
 */
export interface ReceiptBody {
  type: typeof RECEIPT_TYPE
  /** The ledger entry's number. */
  ledgerSeq: number
  /** The entry's leaf hash, SHA-256(0x00 ‖ body), hex. */
  leafHash: string
  /** When the entry was appended (its `recordedAt`). */
  recordedAt: string
  /** The acceptance's id in Assent. */
  acceptance: string
  /** The subject's external id, as the host product sent it. */
  subject: string
  policy: string
  version: number
  /** SHA-256 of the canonical text accepted. */
  contentHash: string
  /** SHA-256 (hex) of the raw Ed25519 public key that signed it. */
  keyFingerprint: string
}

/** A receipt: its body and the Ed25519 signature (base64) over the body's canonical JSON. */
export interface Receipt extends ReceiptBody {
  signature: string
}

/** A ledger entry as stored: number, canonical body and leaf hash. */
export interface ReceiptEntry {
  seq: number
  body: string
  leafHash: string
}

/** The exact bytes a receipt signature covers: the RFC 8785 JSON of every field but the signature. */
export function receiptMessage(receipt: ReceiptBody): Buffer {
  const { type, ledgerSeq, leafHash, recordedAt, acceptance, subject, policy, version, contentHash, keyFingerprint } = receipt
  return Buffer.from(canonicalize({ type, ledgerSeq, leafHash, recordedAt, acceptance, subject, policy, version, contentHash, keyFingerprint })!, 'utf8')
}

/** The receipt body for an acceptance's ledger entry: number, leaf hash and time from the entry,
 * acceptance id, version and content hash from the record it holds. */
export function receiptBody(entry: ReceiptEntry, about: { subject: string; policy: string }): Omit<ReceiptBody, 'keyFingerprint'> {
  const parsed = JSON.parse(entry.body) as { kind?: string; recordedAt?: string; record?: { acceptance?: unknown; versionNumber?: number; contentHash?: string } }
  const record = parsed.record
  if (parsed.kind !== 'acceptance' || !record || record.acceptance === undefined) throw new Error(`ledger entry ${entry.seq} records no acceptance`)
  return {
    type: RECEIPT_TYPE,
    ledgerSeq: entry.seq,
    leafHash: entry.leafHash,
    recordedAt: String(parsed.recordedAt),
    acceptance: String(record.acceptance),
    subject: about.subject,
    policy: about.policy,
    version: Number(record.versionNumber),
    contentHash: String(record.contentHash),
  }
}

/** Signs a receipt body with the ledger's private key. */
export function signReceipt(body: Omit<ReceiptBody, 'keyFingerprint'>, privateKey: KeyObject, publicKey: KeyObject): Receipt {
  const signed: ReceiptBody = { ...body, keyFingerprint: ledgerKeyFingerprint(publicKey) }
  return { ...signed, signature: sign(null, receiptMessage(signed), privateKey).toString('base64') }
}

const FIELDS: Record<keyof ReceiptBody, 'string' | 'number'> = {
  type: 'string', ledgerSeq: 'number', leafHash: 'string', recordedAt: 'string', acceptance: 'string',
  subject: 'string', policy: 'string', version: 'number', contentHash: 'string', keyFingerprint: 'string',
}

/** What is wrong with something offered as a receipt's shape, or undefined: every field present
 * with its type and nothing more, so no unsigned field can ride along. */
export function receiptShapeProblem(value: unknown): string | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return 'is not a JSON object'
  const given = value as Record<string, unknown>
  for (const [name, type] of Object.entries(FIELDS)) {
    if (typeof given[name] !== type) return `has no ${type} field "${name}"`
  }
  if (typeof given.signature !== 'string') return 'has no signature'
  const extra = Object.keys(given).filter((k) => k !== 'signature' && !(k in FIELDS))
  if (extra.length > 0) return `has fields no signature covers: ${extra.join(', ')}`
  if (given.type !== RECEIPT_TYPE) return `is of type ${JSON.stringify(given.type)}, not ${RECEIPT_TYPE}`
  if (!Number.isSafeInteger(given.ledgerSeq) || (given.ledgerSeq as number) < 1) return 'has no ledger entry number'
  if (!/^[0-9a-f]{64}$/.test(given.leafHash as string)) return 'has no SHA-256 leaf hash'
  return undefined
}

/** Why a receipt's signature does not hold under any of the ledger's `keys`, or undefined when
 * the key its fingerprint names signed it exactly as it reads. */
export function receiptSignatureProblem(receipt: Receipt, keys: readonly KeyObject[]): string | undefined {
  const shape = receiptShapeProblem(receipt)
  if (shape) return shape
  const publicKey = keys.find((k) => ledgerKeyFingerprint(k) === receipt.keyFingerprint)
  if (!publicKey) return `was signed by key ${receipt.keyFingerprint.slice(0, 16)}…, which is not the ledger's (${keys.map((k) => `${ledgerKeyFingerprint(k).slice(0, 16)}…`).join(', ')})`
  const signature = Buffer.from(receipt.signature, 'base64')
  // Only the canonical encoding counts: base64 decoders skip stray characters silently.
  if (signature.length !== 64 || signature.toString('base64') !== receipt.signature) return 'has a malformed signature'
  try {
    if (verify(null, receiptMessage(receipt), publicKey, signature)) return undefined
  } catch {
    // A key of another kind: fall through.
  }
  return 'has a signature that does not match what it says (forged or altered)'
}

/**
 * Why the ledger no longer holds what a (validly signed) receipt promises, or undefined: the entry
 * is gone, its leaf hash changed, its body no longer hashes to it, or it records another
 * acceptance, version or time than the receipt.
 */
export function receiptEntryProblem(receipt: ReceiptBody, entry: ReceiptEntry | undefined): string | undefined {
  const seq = receipt.ledgerSeq
  if (!entry) return `ledger entry ${seq} is missing`
  if (entry.leafHash !== receipt.leafHash) return `ledger entry ${seq} was altered: its leaf hash is ${entry.leafHash.slice(0, 16)}…, the receipt's ${receipt.leafHash.slice(0, 16)}…`
  if (entryLeafHash(entry.body) !== entry.leafHash) return `ledger entry ${seq} was altered: its body no longer hashes to its leaf hash`
  let expected: Omit<ReceiptBody, 'keyFingerprint'>
  try {
    expected = receiptBody(entry, receipt)
  } catch {
    return `ledger entry ${seq} records no acceptance`
  }
  for (const field of ['acceptance', 'version', 'contentHash', 'recordedAt'] as const) {
    if (expected[field] !== receipt[field]) return `ledger entry ${seq} records ${field} ${JSON.stringify(expected[field])}, the receipt ${JSON.stringify(receipt[field])}`
  }
  return undefined
}

/** How the ledger body of acceptance `id` begins: RFC 8785 orders the keys, so `kind` comes
 * first and the record's `acceptance` leads it. Finds an acceptance's entry without a column. */
export const acceptanceEntryPrefix = (id: number | string): string => `{"kind":"acceptance","record":{"acceptance":${JSON.stringify(id)},`
