import { createPublicKey, sign, verify, type KeyObject } from 'node:crypto'

import { keyIdOf } from './checkpointSignature'
import { ledgerKeyFingerprint as keyFingerprint } from './ledgerKeyFingerprint'
import { publicKeyFromRaw, rawPublicKey } from './ledgerKeyPin'

/**
 * A ledger entry handing the signing role from one key to the next: both keys (raw, base64) and
 * their fingerprints, signed by the old key. Whoever pinned the old key can follow the chain to the
 * new one; an insider with a fresh key and no old key cannot forge the hand-over.
 */
export interface KeyRotationRecord {
  from: string
  fromKey: string
  to: string
  toKey: string
  rotatedAt: string
  signature: string
}

const message = (r: Omit<KeyRotationRecord, 'signature'>) =>
  Buffer.from(`assent-ledger-key-rotation/v1\n${r.from}\n${r.fromKey}\n${r.to}\n${r.toKey}\n${r.rotatedAt}\n`, 'utf8')

/** The rotation record from `oldKey` (private) to `newPublicKey`, signed by the old key. */
export function signKeyRotation(oldKey: KeyObject, newPublicKey: KeyObject, rotatedAt: string): KeyRotationRecord {
  const oldPublic = createPublicKey(oldKey)
  const unsigned = { from: keyFingerprint(oldPublic), fromKey: rawPublicKey(oldPublic).toString('base64'), to: keyFingerprint(newPublicKey), toKey: rawPublicKey(newPublicKey).toString('base64'), rotatedAt }
  return { ...unsigned, signature: sign(null, message(unsigned), oldKey).toString('base64') }
}

/** The keys a rotation names, when its fingerprints match its keys and the old key signed it. */
export function openKeyRotation(r: Partial<KeyRotationRecord>): { from: KeyObject; to: KeyObject } | undefined {
  try {
    const from = publicKeyFromRaw(String(r.fromKey))
    const to = publicKeyFromRaw(String(r.toKey))
    if (keyFingerprint(from) !== r.from || keyFingerprint(to) !== r.to) return undefined
    const signature = Buffer.from(String(r.signature), 'base64')
    return verify(null, message(r as KeyRotationRecord), from, signature) ? { from, to } : undefined
  } catch {
    return undefined
  }
}

/** A key the ledger trusts for checkpoints of `fromSize` ≤ treeSize < `untilSize` entries: a key
 * rotated in by entry n signs trees that contain that entry; the key it replaced, those before. */
export interface TrustedKey {
  key: KeyObject
  fingerprint: string
  keyId: string
  fromSize: number
  untilSize: number
}

const trusted = (key: KeyObject, fromSize: number): TrustedKey => ({ key, fingerprint: keyFingerprint(key), keyId: keyIdOf(key), fromSize, untilSize: Infinity })

/**
 * Follows the ledger's key rotations (entries in order) from `anchor`, the pinned key or the one
 * the verifier was given: each rotation must start from the key in force and be signed by it.
 * Returns the chain of keys with the trees each may sign, and the rotations refused.
 */
export function followKeyChain(anchor: KeyObject, rotations: ReadonlyArray<{ seq: number; record: Partial<KeyRotationRecord> }>): { keys: TrustedKey[]; problems: string[] } {
  const keys = [trusted(anchor, 0)]
  const problems: string[] = []
  for (const { seq, record } of rotations) {
    const current = keys[keys.length - 1]
    const opened = openKeyRotation(record)
    if (!opened) problems.push(`entry ${seq}: the key rotation is not signed by the key it hands over from`)
    else if (record.from !== current.fingerprint) problems.push(`entry ${seq}: a key rotation from ${String(record.from).slice(0, 16)}…, but the key in force is ${current.fingerprint.slice(0, 16)}…`)
    else {
      current.untilSize = seq
      keys.push(trusted(opened.to, seq))
    }
  }
  return { keys, problems }
}

/** The key the first well-formed rotation hands over from: where the chain starts. */
export function publicKeyOfChain(rotations: ReadonlyArray<{ record: Partial<KeyRotationRecord> }>): KeyObject | undefined {
  for (const { record } of rotations) {
    const opened = openKeyRotation(record)
    if (opened) return opened.from
  }
  return undefined
}

/**
 * The keys trusted to sign: the chain of rotations recorded in the ledger, starting from the
 * first rotation's old key (or `publicKeyPem`, the key shipped with the ledger, when there was
 * none). Pinned, the chain must contain the pinned key: a ledger re-signed with a fresh key fails,
 * however consistent it is. Unpinned, the shipped key must be in the chain.
 */
export function trustedKeyChain(publicKeyPem: string, rotations: ReadonlyArray<{ seq: number; record: Partial<KeyRotationRecord> }>, pin: string | undefined): { keys: TrustedKey[]; problems: string[] } {
  const problems: string[] = []
  let shipped: KeyObject | undefined
  try {
    shipped = createPublicKey(publicKeyPem)
  } catch {
    if (!pin || rotations.length === 0) problems.push('the public key cannot be read')
  }
  const anchor = publicKeyOfChain(rotations) ?? shipped
  if (!anchor) return { keys: [], problems }
  const { keys, problems: refused } = followKeyChain(anchor, rotations)
  problems.push(...refused)
  const fingerprints = keys.map((k) => k.fingerprint)
  if (pin !== undefined && !fingerprints.includes(pin)) {
    problems.push(`the ledger is signed by key ${fingerprints.at(-1)}, not the pinned key ${pin}, and no recorded key rotation leads from one to the other`)
    return { keys: [], problems }
  }
  if (pin === undefined && shipped && !fingerprints.includes(keyFingerprint(shipped))) problems.push(`the public key given with the ledger (${keyFingerprint(shipped)}) is not one its key rotations lead to`)
  return { keys, problems }
}
