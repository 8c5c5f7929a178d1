import { createPublicKey, type KeyObject } from 'node:crypto'

import type { ReceiptEntry } from '../domain/receipt'
import { checkReceipts, type ReceiptsVerdict } from '../domain/checkReceipts'
import { ledgerKeyFingerprint } from '../domain/ledgerKeyFingerprint'
import { readLedgerBundle } from '../verifier/ledgerBundleFiles'
import { readReceiptsFile } from '../verifier/receiptsFile'

/** Against the live ledger (this needs the database), with the ledger's own key. */
async function againstLive(items: unknown[]): Promise<{ verdict: ReceiptsVerdict; keys: KeyObject[] }> {
  const { startPayload } = await import('../startPayload')
  const { closePayload } = await import('../db/closePayload')
  const { verifyReceipts } = await import('../services/ledger/verifyReceipts')
  const { ledgerSigningKey } = await import('../services/ledger/ledgerSigningKey')
  const keys = [ledgerSigningKey().publicKey]
  const payload = await startPayload()
  try {
    return { verdict: await verifyReceipts(payload, items, keys), keys }
  } finally {
    await closePayload(payload)
  }
}

/** Against an exported bundle, offline, with the bundle's key. */
async function againstBundle(dir: string, items: unknown[]): Promise<{ verdict: ReceiptsVerdict; keys: KeyObject[] }> {
  const bundle = await readLedgerBundle(dir)
  const entries = new Map<number, ReceiptEntry>(bundle.entries.map((e) => [e.seq, e]))
  const keys = [createPublicKey(bundle.publicKeyPem)]
  return { verdict: checkReceipts(items, entries, keys), keys }
}

/**
 * `ledger:verify --receipts <file> [bundle]`: proves each receipt a host product kept was signed
 * by the ledger key and that its entry is still in the ledger (live, or in an exported bundle)
 * with the same leaf hash; names every receipt whose entry is missing or altered.
 */
export async function verifyReceiptsCommand(file: string | undefined, [dir]: string[]): Promise<number> {
  if (!file) {
    console.error('usage: npx assent ledger:verify --receipts <file> [bundle]: a JSON array or JSON lines of receipts')
    return 2
  }
  const started = performance.now()
  const items = await readReceiptsFile(file)
  const { verdict, keys } = dir ? await againstBundle(dir, items) : await againstLive(items)
  const ms = (performance.now() - started).toFixed(0)
  const fingerprints = keys.map(ledgerKeyFingerprint).join(', ')
  if (verdict.problems.length === 0) {
    console.log(`Receipts verified: ${verdict.held} receipts, each signed by the ledger key ${fingerprints} and its entry still in the ledger with the same leaf hash (${ms} ms).`)
    return 0
  }
  console.error(`Receipt verification FAILED: ${verdict.problems.length} of ${items.length} receipts no longer hold (ledger key ${fingerprints}):`)
  for (const problem of verdict.problems.slice(0, 200)) console.error(`  - ${problem}`)
  if (verdict.problems.length > 200) console.error(`  … and ${verdict.problems.length - 200} more`)
  return 1
}

/** Takes `--receipts <file>` (or `--receipts=<file>`) out of the arguments: whether it was
 * given, the file, and the other arguments. */
export function receiptsOption(args: readonly string[]): { given: boolean; file?: string; rest: string[] } {
  const at = args.findIndex((a) => a === '--receipts' || a.startsWith('--receipts='))
  if (at < 0) return { given: false, rest: [...args] }
  const inline = args[at].startsWith('--receipts=') ? args[at].slice('--receipts='.length) : undefined
  const file = inline ?? args[at + 1]
  return { given: true, file, rest: args.filter((_, i) => i !== at && (inline !== undefined || i !== at + 1)) }
}
