import type { KeyObject } from 'node:crypto'

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
