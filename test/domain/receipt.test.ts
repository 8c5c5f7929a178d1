import { createHash, generateKeyPairSync } from 'node:crypto'

import { describe, expect, it } from 'vitest'

import { checkReceipts, receiptKeys } from '../../src/domain/checkReceipts'
import { signKeyRotation } from '../../src/domain/keyRotation'
import { entryLeafHash, ledgerBody } from '../../src/domain/ledgerBody'
import { ledgerKeyFingerprint } from '../../src/domain/ledgerKeyFingerprint'
import { acceptanceEntryPrefix, receiptBody, receiptEntryProblem, receiptSignatureProblem, signReceipt, type Receipt } from '../../src/domain/receipt'

const key = generateKeyPairSync('ed25519')
const other = generateKeyPairSync('ed25519')
const contentHash = 'ab'.repeat(32)

/** An acceptance entry as the ledger stores it. */
function entry(seq: number, acceptance: number | string) {
  const record = { acceptance, subject: 7, policy: 1, version: 3, versionNumber: 2, contentHash, method: 'clickwrap', source: 'api', acceptedAt: '2026-12-01T10:00:00.000Z', contextHash: 'cd'.repeat(32), notices: [] }
  const body = ledgerBody(seq, 'acceptance', '2026-12-01T10:00:00.001Z', record)
  return { seq, body, leafHash: entryLeafHash(body) }
}

const receiptFor = (e: ReturnType<typeof entry>, signer = key): Receipt => signReceipt(receiptBody(e, { subject: 'user-42', policy: 'terms' }), signer.privateKey, signer.publicKey)

describe('acceptance receipts', () => {
  it('say which entry records which acceptance, signed with the ledger key', () => {
    const e = entry(12, 5)
    const receipt = receiptFor(e)
    expect(receipt).toMatchObject({ type: 'assent-acceptance-receipt/v1', ledgerSeq: 12, leafHash: e.leafHash, recordedAt: '2026-12-01T10:00:00.001Z', acceptance: '5', subject: 'user-42', policy: 'terms', version: 2, contentHash })
    expect(receipt.keyFingerprint).toBe(createHash('sha256').update(key.publicKey.export({ format: 'der', type: 'spki' }).subarray(-32)).digest('hex'))
    expect(Buffer.from(receipt.signature, 'base64')).toHaveLength(64)
    expect(receiptSignatureProblem(receipt, [key.publicKey])).toBeUndefined()
    expect(receiptEntryProblem(receipt, e)).toBeUndefined()
  })

  it('refuse a receipt with any signed field changed', () => {
    const receipt = receiptFor(entry(12, 5))
    for (const altered of [{ ledgerSeq: 11 }, { leafHash: 'ff'.repeat(32) }, { subject: 'user-43' }, { version: 1 }, { acceptance: '6' }, { recordedAt: '2026-11-01T10:00:00.001Z' }, { policy: 'privacy' }]) {
      expect(receiptSignatureProblem({ ...receipt, ...altered }, [key.publicKey]), JSON.stringify(altered)).toMatch(/forged or altered/)
    }
  })

  it('refuse a receipt signed by another key, or with fields no signature covers', () => {
    const forged = receiptFor(entry(12, 5), other)
    expect(receiptSignatureProblem(forged, [key.publicKey])).toMatch(/not the ledger's/)
    expect(receiptSignatureProblem({ ...forged, keyFingerprint: ledgerKeyFingerprint(key.publicKey) }, [key.publicKey])).toMatch(/forged or altered/)
    const receipt = receiptFor(entry(12, 5))
    expect(receiptSignatureProblem({ ...receipt, note: 'accepted twice' } as Receipt, [key.publicKey])).toMatch(/no signature covers: note/)
    expect(receiptSignatureProblem({ ...receipt, signature: `${receipt.signature} ` }, [key.publicKey])).toMatch(/malformed signature/)
  })

  it('name an entry that is gone, re-hashed or rewritten', () => {
    const e = entry(12, 5)
    const receipt = receiptFor(e)
    expect(receiptEntryProblem(receipt, undefined)).toBe('ledger entry 12 is missing')
    const rewritten = entry(12, 6)
    expect(receiptEntryProblem(receipt, rewritten)).toMatch(/^ledger entry 12 was altered: its leaf hash/)
    expect(receiptEntryProblem(receipt, { ...rewritten, leafHash: e.leafHash })).toMatch(/no longer hashes/)
  })

  it('find their entry by the prefix every acceptance body starts with', () => {
    expect(entry(1, 5).body.startsWith(acceptanceEntryPrefix(5))).toBe(true)
    expect(entry(1, 55).body.startsWith(acceptanceEntryPrefix(5))).toBe(false)
    expect(entry(1, '6750aa').body.startsWith(acceptanceEntryPrefix('6750aa'))).toBe(true)
  })

  it('are checked in bulk, each failing one named by its place and entry', () => {
    const entries = [entry(1, 1), entry(2, 2), entry(3, 3)]
    const receipts: unknown[] = entries.map((e) => receiptFor(e))
    receipts.push({ receipt: receiptFor(entry(4, 4)) }, { ...receiptFor(entry(5, 5)), subject: 'someone-else' }, 'not a receipt')
    const verdict = checkReceipts(receipts, new Map(entries.map((e) => [e.seq, e])), [key.publicKey])
    expect(verdict.held).toBe(3)
    expect(verdict.problems).toEqual([
      'receipt 4 (acceptance 4, entry 4): ledger entry 4 is missing',
      'receipt 5 (acceptance 5, entry 5): has a signature that does not match what it says (forged or altered)',
      'receipt 6: is not a JSON object',
    ])
  })

  it('hold under every key the ledger rotated through, and under a pin only on that chain', () => {
    const next = generateKeyPairSync('ed25519')
    const rotation = ledgerBody(3, 'key-rotation', '2026-12-01T11:00:00.000Z', { ...signKeyRotation(key.privateKey, next.publicKey, '2026-12-01T11:00:00.000Z') })
    const entries = [entry(1, 1), entry(2, 2), { seq: 3, body: rotation, leafHash: entryLeafHash(rotation) }, entry(4, 4)]
    const pem = next.publicKey.export({ type: 'spki', format: 'pem' }) as string
    const { keys, problems } = receiptKeys(pem, entries, ledgerKeyFingerprint(key.publicKey))
    expect(problems).toEqual([])
    const receipts = [receiptFor(entries[0]), receiptFor(entries[3], next), receiptFor(entries[1], other)]
    expect(checkReceipts(receipts, new Map(entries.map((e) => [e.seq, e])), keys).problems).toEqual([expect.stringMatching(/^receipt 3 .*not the ledger's/)])
    expect(receiptKeys(pem, entries, ledgerKeyFingerprint(other.publicKey))).toMatchObject({ keys: [], problems: [expect.stringMatching(/not the pinned key/)] })
  })
})
