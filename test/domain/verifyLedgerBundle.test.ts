import { generateKeyPairSync } from 'node:crypto'

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { signCheckpoint } from '../../src/domain/checkpointSignature'
import { contentHash } from '../../src/domain/contentHash'
import { entryLeafHash, ledgerBody } from '../../src/domain/ledgerBody'
import { consistencyProof, rootOf } from '../../src/domain/merkle'
import { verifyLedgerBundle, type LedgerBundle } from '../../src/domain/verifyLedgerBundle'

const { privateKey, publicKey } = generateKeyPairSync('ed25519')
const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }) as string
const text = '# Terms\n\nBe kind.\n'

/** A small honest ledger: acceptances of one text and notices, with checkpoints at 3 and at the end. */
function honestBundle(size = 7): LedgerBundle {
  const entries = Array.from({ length: size }, (_, i) => {
    const seq = i + 1
    const record = seq % 2 ? { acceptance: seq, contentHash: contentHash(text), method: 'clickwrap' } : { notice: seq, status: 'displayed' }
    const body = ledgerBody(seq, seq % 2 ? 'acceptance' : 'notice', `2026-11-28T00:00:0${seq}.000Z`, record)
    return { seq, body, leafHash: entryLeafHash(body) }
  })
  const leaves = entries.map((e) => Buffer.from(e.leafHash, 'hex'))
  const checkpoints = [3, size].map((n) => signCheckpoint({ treeSize: n, rootHash: rootOf(leaves.slice(0, n)).toString('hex'), signedAt: '2026-11-28T01:00:00.000Z' }, privateKey))
  const consistencyProofs = [{ from: 3, to: size, proof: consistencyProof(3, leaves).map((h) => h.toString('hex')) }]
  return { entries, checkpoints, publicKeyPem, versionTexts: new Map([[contentHash(text), text]]), consistencyProofs }
}

const flipChar = (s: string, at: number) => {
  const i = at % s.length
  const c = s.charCodeAt(i)
  return s.slice(0, i) + String.fromCharCode(c ^ 1) + s.slice(i + 1)
}

describe('verifyLedgerBundle', () => {
  it('accepts an honest ledger', () => {
    expect(verifyLedgerBundle(honestBundle())).toMatchObject({ ok: true, entries: 7, checkpoints: 2, problems: [] })
  })

  it('pinpoints an entry whose body was changed', () => {
    const bundle = honestBundle()
    bundle.entries[3] = { ...bundle.entries[3], body: bundle.entries[3].body.replace('displayed', 'dismissed') }
    expect(verifyLedgerBundle(bundle)).toMatchObject({ ok: false, firstBadSeq: 4 })
  })

  it('catches a deleted entry, and two entries swapped', () => {
    const deleted = honestBundle()
    deleted.entries.splice(2, 1)
    expect(verifyLedgerBundle(deleted)).toMatchObject({ ok: false, firstBadSeq: 3 })
    const swapped = honestBundle()
    const [a, b] = [swapped.entries[1], swapped.entries[2]]
    swapped.entries[1] = { ...b, seq: 2 }
    swapped.entries[2] = { ...a, seq: 3 }
    expect(verifyLedgerBundle(swapped).ok).toBe(false)
  })

  it('rejects a checkpoint over more entries than exist (a ledger that shrank)', () => {
    const bundle = honestBundle()
    bundle.entries.pop()
    expect(verifyLedgerBundle(bundle).problems.join('\n')).toMatch(/only 6 entries exist/)
  })

  it('rejects an edited version text', () => {
    const bundle = honestBundle()
    bundle.versionTexts.set(contentHash(text), text.replace('kind', 'unkind'))
    expect(verifyLedgerBundle(bundle).ok).toBe(false)
  })

  it('rejects checkpoints signed by another key', () => {
    const other = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }) as string
    expect(verifyLedgerBundle({ ...honestBundle(), publicKeyPem: other }).ok).toBe(false)
  })

  it('names an accepted text hash that is not text, instead of failing on it', () => {
    const bundle = honestBundle()
    const body = ledgerBody(7, 'acceptance', '2026-11-28T00:00:07.000Z', { acceptance: 7, contentHash: 42, method: 'clickwrap' })
    bundle.entries[6] = { seq: 7, body, leafHash: entryLeafHash(body) }
    const verdict = verifyLedgerBundle(bundle)
    expect(verdict.ok).toBe(false)
    expect(verdict.problems).toContain("entry 7: the accepted text's hash is not a text (42)")
  })

  it('names a checkpoint whose size, root or signature is malformed, and checks the others', () => {
    for (const [change, named] of [
      [{ treeSize: 2.5 }, /size 2.5 is not a number of entries/],
      [{ treeSize: -1 }, /size -1 is not a number of entries/],
      [{ treeSize: '3' }, /size "3" is not a number of entries/],
      [{ rootHash: 7 }, /its root is not a SHA-256 hash/],
      [{ signature: null }, /its signature, time or key is not text/],
    ] as const) {
      const bundle = honestBundle()
      bundle.checkpoints[0] = { ...bundle.checkpoints[0], ...(change as object) }
      const verdict = verifyLedgerBundle(bundle)
      expect(verdict.ok, JSON.stringify(change)).toBe(false)
      expect(verdict.problems.join('\n')).toMatch(named)
      expect(verdict.checkpoints).toBe(1)
    }
    const unreadableProof = honestBundle()
    unreadableProof.consistencyProofs = [{ from: 3, to: 7, proof: 'not a list' as never }]
    expect(verifyLedgerBundle(unreadableProof).problems.join('\n')).toMatch(/does not extend the checkpoint of 3/)
  })

  it('detects a single flipped bit anywhere in any entry, checkpoint or key', () => {
    const parts = ['body', 'leafHash', 'rootHash', 'signature', 'signedAt', 'key', 'proof'] as const
    fc.assert(
      fc.property(fc.constantFrom(...parts), fc.nat(), fc.nat(), (part, which, at) => {
        const bundle = honestBundle()
        if (part === 'body' || part === 'leafHash') {
          const i = which % bundle.entries.length
          bundle.entries[i] = { ...bundle.entries[i], [part]: flipChar(bundle.entries[i][part], at) }
        } else if (part === 'proof') {
          const proof = bundle.consistencyProofs![0].proof
          const i = which % proof.length
          proof[i] = flipChar(proof[i], at)
        } else if (part === 'key') {
          // Flip one bit of the raw Ed25519 key (the last 32 bytes of its SPKI encoding).
          const der = Buffer.from(bundle.publicKeyPem.split('\n').slice(1, -2).join(''), 'base64')
          der[der.length - 32 + (which % 32)] ^= 1 << (at % 8)
          bundle.publicKeyPem = `-----BEGIN PUBLIC KEY-----\n${der.toString('base64')}\n-----END PUBLIC KEY-----\n`
        } else {
          const i = which % bundle.checkpoints.length
          bundle.checkpoints[i] = { ...bundle.checkpoints[i], [part]: flipChar(bundle.checkpoints[i][part], at) }
        }
        expect(verifyLedgerBundle(bundle).ok).toBe(false)
      }),
      { numRuns: 1000 },
    )
  })
})
