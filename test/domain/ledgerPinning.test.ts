import { createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto'

import { describe, expect, it } from 'vitest'

import { extensionProblem, uncoveredEntries } from '../../src/domain/checkpointChecks'
import { signCheckpoint } from '../../src/domain/checkpointSignature'
import { signKeyRotation } from '../../src/domain/keyRotation'
import { entryLeafHash, ledgerBody, type LedgerKind } from '../../src/domain/ledgerBody'
import { ledgerKeyFingerprint } from '../../src/domain/ledgerKeyFingerprint'
import { parseFingerprint } from '../../src/domain/ledgerKeyPin'
import { rootOf } from '../../src/domain/merkle'
import { verifyLedgerBundle, type BundleEntry, type LedgerBundle } from '../../src/domain/verifyLedgerBundle'

const pem = (key: KeyObject) => createPublicKey(key).export({ type: 'spki', format: 'pem' }) as string
const operator = generateKeyPairSync('ed25519').privateKey
const pin = ledgerKeyFingerprint(createPublicKey(operator))

const entry = (seq: number, kind: LedgerKind, record: Record<string, unknown>, at = `2026-11-28T00:00:${String(seq).padStart(2, '0')}.000Z`): BundleEntry => {
  const body = ledgerBody(seq, kind, at, record)
  return { seq, body, leafHash: entryLeafHash(body) }
}
const notices = (n: number, from = 1) => Array.from({ length: n }, (_, i) => entry(from + i, 'notice', { notice: from + i, status: 'displayed' }))
const leavesOf = (entries: BundleEntry[]) => entries.map((e) => Buffer.from(e.leafHash, 'hex'))
const checkpoint = (entries: BundleEntry[], size: number, key: KeyObject) =>
  signCheckpoint({ treeSize: size, rootHash: rootOf(leavesOf(entries).slice(0, size)).toString('hex'), signedAt: '2026-11-28T01:00:00.000Z' }, key)
const bundle = (entries: BundleEntry[], sizes: number[], key = operator, shipped = key): LedgerBundle =>
  ({ entries, checkpoints: sizes.map((n) => checkpoint(entries, n, key)), publicKeyPem: pem(shipped), versionTexts: new Map() })

describe('pinning the signing key', () => {
  it('prints the fingerprint of the raw key, and reads a fingerprint however it is written', () => {
    const verdict = verifyLedgerBundle(bundle(notices(3), [3]))
    expect(verdict).toMatchObject({ ok: true, fingerprint: pin, pinned: false })
    expect(parseFingerprint(pin.toUpperCase().match(/../g)!.join(':'))).toBe(pin)
    expect(parseFingerprint('abc')).toBeUndefined()
  })

  it('fails a bundle cut to 5 entries, one backdated and re-signed with a fresh key, once the key is pinned', () => {
    const honest = notices(8)
    const forged = honest.slice(0, 5)
    forged[2] = entry(3, 'notice', { notice: 3, status: 'displayed' }, '2020-01-01T00:00:00.000Z')
    const forger = generateKeyPairSync('ed25519').privateKey
    const resigned = bundle(forged, [5], forger)
    expect(verifyLedgerBundle(resigned).ok).toBe(true)
    const pinned = verifyLedgerBundle(resigned, { pin })
    expect(pinned.ok).toBe(false)
    expect(pinned.problems.join('\n')).toContain(`not the pinned key ${pin}`)
    expect(verifyLedgerBundle(bundle(honest, [8]), { pin })).toMatchObject({ ok: true, pinned: true })
  })

  it('follows a key rotation signed by the pinned key, and refuses one the pinned key did not sign', () => {
    const next = generateKeyPairSync('ed25519').privateKey
    const rotation = signKeyRotation(operator, createPublicKey(next), '2026-11-28T00:00:04.000Z')
    const entries = [...notices(3), entry(4, 'key-rotation', rotation as never), ...notices(2, 5)]
    const rotated: LedgerBundle = { entries, checkpoints: [checkpoint(entries, 3, operator), checkpoint(entries, 6, next)], publicKeyPem: pem(next), versionTexts: new Map() }
    expect(verifyLedgerBundle(rotated, { pin })).toMatchObject({ ok: true, keyChain: [pin, ledgerKeyFingerprint(createPublicKey(next))] })

    // The old key may not sign a tree that holds its own retirement.
    const late = { ...rotated, checkpoints: [...rotated.checkpoints, checkpoint(entries, 4, operator)] }
    expect(verifyLedgerBundle(late, { pin }).ok).toBe(false)

    const forger = generateKeyPairSync('ed25519').privateKey
    const selfSigned = { ...signKeyRotation(forger, createPublicKey(next), rotation.rotatedAt), from: pin }
    const forgedEntries = [...notices(3), entry(4, 'key-rotation', selfSigned as never), ...notices(2, 5)]
    const forged: LedgerBundle = { entries: forgedEntries, checkpoints: [checkpoint(forgedEntries, 6, next)], publicKeyPem: pem(next), versionTexts: new Map() }
    expect(verifyLedgerBundle(forged, { pin }).ok).toBe(false)
  })
})

describe('checkpoints seen before', () => {
  it('counts the entries no checkpoint covers yet', () => {
    expect(uncoveredEntries(10, [{ treeSize: 4 }, { treeSize: 7 }])).toEqual({ count: 3, from: 8, to: 10 })
    expect(uncoveredEntries(10, [])).toEqual({ count: 10, from: 1, to: 10 })
    expect(uncoveredEntries(7, [{ treeSize: 7 }])).toBeUndefined()
    expect(verifyLedgerBundle(bundle(notices(6), [4])).uncovered).toEqual({ count: 2, from: 5, to: 6 })
  })

  it('proves a ledger extends a saved checkpoint, and catches one rewritten after every checkpoint was deleted', () => {
    const honest = notices(6)
    const saved = checkpoint(honest, 4, operator)
    expect(extensionProblem(saved, leavesOf([...honest, ...notices(3, 7)]), 'saved')).toBeUndefined()
    // History rewritten consistently (a backdated entry, leaf hash recomputed) and re-checkpointed.
    const rewritten = [...honest]
    rewritten[1] = entry(2, 'notice', { notice: 2, status: 'displayed' }, '2020-01-01T00:00:00.000Z')
    const resigned = bundle(rewritten, [6])
    expect(verifyLedgerBundle(resigned).ok).toBe(true)
    const verdict = verifyLedgerBundle(resigned, { saved: [{ label: 'the saved checkpoint', checkpoint: saved }] })
    expect(verdict.ok).toBe(false)
    expect(verdict.problems).toEqual([expect.stringMatching(/^the ledger does not extend the saved checkpoint \(4 entries, root [0-9a-f]{16}…\): history was rewritten$/)])
    expect(extensionProblem(saved, leavesOf(honest.slice(0, 3)), 'saved')).toBe('saved covers 4 entries but the ledger has 3: entries were removed')
  })

  it("refuses a ledger whose checkpoints were deleted although the server's published head covers them", () => {
    const entries = notices(5)
    const head = checkpoint(entries, 5, operator)
    const wiped = verifyLedgerBundle(bundle(entries, []), { saved: [{ label: 'the last published head', checkpoint: head, mustBeStored: true }] })
    expect(wiped.problems).toEqual(['no checkpoint is stored, but the last published head covers 5 entries: the checkpoints were deleted'])
    expect(verifyLedgerBundle(bundle(entries, [3, 5]), { saved: [{ label: 'head', checkpoint: head, mustBeStored: true }] }).ok).toBe(true)
  })
})
