import type { KeyObject } from 'node:crypto'

import { checkReceipts, receiptKeys, type ReceiptsVerdict } from '../domain/checkReceipts'
import { ledgerKeyFingerprint } from '../domain/ledgerKeyFingerprint'
import type { ReceiptEntry } from '../domain/receipt'
import { readLedgerBundle } from '../verifier/ledgerBundleFiles'
import { readReceiptsFile } from '../verifier/receiptsFile'
import { counted } from '../domain/counted'

type Checked = { verdict: ReceiptsVerdict; keys: KeyObject[] }

/** Against the live ledger (this needs the database), with the server's key and its rotations. */
async function againstLive(items: unknown[], pin: string | undefined): Promise<Checked> {
  const { startPayload, stopPayload } = await import('../startPayload')
  const { verifyReceipts } = await import('../services/ledger/verifyReceipts')
  const { ledgerSigningKey } = await import('../services/ledger/ledgerSigningKey')
  const { publicKeyPem } = ledgerSigningKey()
  const payload = await startPayload()
  try {
    return await verifyReceipts(payload, items, publicKeyPem, pin)
  } finally {
    await stopPayload(payload)
  }
}

/** Against an exported bundle, offline, with the bundle's key and the rotations it records. */
async function againstBundle(dir: string, items: unknown[], pin: string | undefined): Promise<Checked> {
  const bundle = await readLedgerBundle(dir)
  const { keys, problems } = receiptKeys(bundle.publicKeyPem, bundle.entries, pin)
  if (keys.length === 0) return { verdict: { held: 0, problems }, keys }
  const verdict = checkReceipts(items, new Map<number, ReceiptEntry>(bundle.entries.map((e) => [e.seq, e])), keys)
  return { verdict: { held: verdict.held, problems: [...problems, ...verdict.problems] }, keys }
}

/**
 * `ledger:verify --receipts <file> [bundle]`: proves each receipt a host product kept was signed
 * by the ledger's key (or one its recorded rotations lead through; the pinned one with --key or
 * --fingerprint) and that its entry is still in the ledger (live, or in an exported bundle) with
 * the same leaf hash; names every receipt whose entry is missing or altered.
 */
export async function verifyReceiptsCommand(file: string | undefined, [dir]: string[], pin?: string): Promise<number> {
  if (!file) {
    console.error('usage: npx assent ledger:verify --receipts <file> [bundle]: a JSON array or JSON lines of receipts')
    return 2
  }
  const started = performance.now()
  const items = await readReceiptsFile(file)
  const { verdict, keys } = dir ? await againstBundle(dir, items, pin) : await againstLive(items, pin)
  const ms = (performance.now() - started).toFixed(0)
  const fingerprints = keys.map(ledgerKeyFingerprint).join(', ') || 'none trusted'
  if (verdict.problems.length === 0) {
    console.log(`Receipts verified: ${counted(verdict.held, 'receipt')}, each signed by the ledger key (${fingerprints}${pin ? ', pinned' : ''}) and its entry still in the ledger with the same leaf hash (${ms} ms).`)
    return 0
  }
  console.error(`Receipt verification FAILED: ${items.length - verdict.held} of ${counted(items.length, 'receipt')} no longer ${items.length - verdict.held === 1 ? 'holds' : 'hold'} (ledger key ${fingerprints}):`)
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
