import type { KeyObject } from 'node:crypto'

import { trustedKeyChain, type KeyRotationRecord } from './keyRotation'
import { receiptEntryProblem, receiptSignatureProblem, type Receipt, type ReceiptEntry } from './receipt'

/** What checking a host product's receipts against a ledger found. */
export interface ReceiptsVerdict {
  /** Receipts whose signature holds and whose entry is in the ledger as signed. */
  held: number
  /** One line per receipt that fails, naming it (its place in the file) and the entry. */
  problems: string[]
}

/** The receipt in something a host product kept: a receipt, or an acceptance answer's item. */
export const receiptIn = (item: unknown): unknown =>
  item && typeof item === 'object' && 'receipt' in item ? (item as { receipt: unknown }).receipt : item

/**
 * Checks receipts against ledger entries (by number): each must be signed by one of the ledger's
 * `keys` exactly as it reads, and its entry still be there with the same leaf hash, a body that
 * hashes to it and the acceptance it names. Deleting the newest entries together with their rows
 * leaves no gap and no broken checkpoint if none covered them yet, but every receipt for them is
 * named here.
 */
export function checkReceipts(items: readonly unknown[], entries: ReadonlyMap<number, ReceiptEntry>, keys: readonly KeyObject[]): ReceiptsVerdict {
  const problems: string[] = []
  items.forEach((item, i) => {
    const receipt = receiptIn(item) as Receipt
    const problem = receiptSignatureProblem(receipt, keys) ?? receiptEntryProblem(receipt, entries.get(receipt.ledgerSeq))
    if (!problem) return
    const about = typeof receipt?.ledgerSeq === 'number' ? ` (acceptance ${receipt.acceptance}, entry ${receipt.ledgerSeq})` : ''
    problems.push(`receipt ${i + 1}${about}: ${problem}`)
  })
  return { held: items.length - problems.length, problems }
}

/**
 * The keys receipts may be signed with: the ledger's key chain (`trustedKeyChain`: its key
 * rotations, each signed by the key it hands over from, and the pinned key when one is given), so a
 * receipt signed before a rotation still holds. `entries` need hold only the key-rotation entries.
 */
export function receiptKeys(publicKeyPem: string, entries: Iterable<ReceiptEntry>, pin: string | undefined): { keys: KeyObject[]; problems: string[] } {
  const rotations: Array<{ seq: number; record: Partial<KeyRotationRecord> }> = []
  for (const entry of entries) {
    if (!entry.body.includes('"kind":"key-rotation"')) continue
    const body = JSON.parse(entry.body) as { kind?: string; record?: Partial<KeyRotationRecord> }
    if (body.kind === 'key-rotation') rotations.push({ seq: entry.seq, record: body.record ?? {} })
  }
  const { keys, problems } = trustedKeyChain(publicKeyPem, rotations.sort((a, b) => a.seq - b.seq), pin)
  return { keys: keys.map((k) => k.key), problems }
}
