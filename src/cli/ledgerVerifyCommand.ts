import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

import type { SavedCheckpoint } from '../domain/checkpointChecks'
import { verifyEvidencePack } from '../domain/evidencePack'
import { verifyLedgerBundle } from '../domain/verifyLedgerBundle'
import type { RecordsCheck } from '../services/ledger/checkRecordsAgainstLedger'
import { isEvidencePack, readEvidencePack } from '../verifier/evidencePackFiles'
import { readLedgerBundle } from '../verifier/ledgerBundleFiles'
import type { Command } from './commands'
import { receiptsOption, verifyReceiptsCommand } from './ledgerReceiptsCommand'
import { readTrustOptions, TRUST_USAGE, type TrustOptions } from './ledgerTrustOptions'
import { printKey, printProblems, printUnbound, printUncovered } from './ledgerVerifyReport'

/** Exports the live ledger to a scratch folder (this needs the database) for the same check,
 * compares the acceptances and notices tables with it (an edit there leaves the ledger intact),
 * and reads the last head this server published, which the stored checkpoints must still hold. */
async function exportLive(): Promise<{ dir: string; records: RecordsCheck; head: SavedCheckpoint[] }> {
  const { startPayload } = await import('../startPayload')
  const { closePayload } = await import('../db/closePayload')
  const { exportLedgerBundle } = await import('../services/ledger/exportLedgerBundle')
  const { checkRecordsAgainstLedger } = await import('../services/ledger/checkRecordsAgainstLedger')
  const { publishedHeadPath, readPublishedHead } = await import('../services/ledger/publishedHead')
  const dir = await mkdtemp(path.join(tmpdir(), 'assent-ledger-'))
  const head = readPublishedHead()
  const payload = await startPayload()
  try {
    await exportLedgerBundle(payload, dir)
    const label = `the last checkpoint this server published (${publishedHeadPath()})`
    return { dir, records: await checkRecordsAgainstLedger(payload), head: head ? [{ label, checkpoint: head, mustBeStored: true }] : [] }
  } finally {
    await closePayload(payload)
  }
}

/** An evidence pack: the subject's entries against one signed checkpoint, and what they prove. */
async function verifyPack(dir: string, trust: TrustOptions): Promise<number> {
  if (trust.saved.length > 0) {
    console.error('--checkpoint proves a whole ledger extends a saved checkpoint: give it with a ledger bundle (npx assent ledger:export) or the live ledger, not an evidence pack.')
    return 2
  }
  const started = performance.now()
  const verdict = verifyEvidencePack(await readEvidencePack(dir), { pin: trust.pin })
  const ms = (performance.now() - started).toFixed(0)
  if (verdict.ok) {
    console.log(`Evidence pack verified: ${verdict.acceptances} acceptances and ${verdict.notices} notices match ${verdict.entries} ledger entries, each in the signed checkpoint; every text hashes to what was accepted; all ${verdict.files} files match the signed manifest (${ms} ms).`)
    printKey(verdict)
    if (verdict.unbound.length > 0) console.log(`Not bound by the ledger entries in the pack (written before these fields were bound), so not checked: ${verdict.unbound.join(', ')}.`)
    return 0
  }
  if (verdict.manifest === 'missing' && verdict.problems.length === 1) {
    // A pack from before manifests: say what did check out, but never call the pack verified,
    // since a pack whose manifest was deleted to hide an edit reads the same.
    console.log(`The statements check out: ${verdict.acceptances} acceptances and ${verdict.notices} notices match ${verdict.entries} ledger entries, each in the signed checkpoint; every text hashes to what was accepted.`)
    printKey(verdict)
  }
  printProblems('Evidence pack verification FAILED:', verdict.problems)
  return 1
}

export const ledgerVerifyCommand: Command = {
  async run(args) {
    const options = await readTrustOptions(args)
    if ('error' in options) {
      console.error(`${options.error}\nusage: npx assent ledger:verify [dir] ${TRUST_USAGE}`)
      return 2
    }
    const { trust, rest } = options
    const receipts = receiptsOption(rest)
    if (receipts.given) return verifyReceiptsCommand(receipts.file, receipts.rest, trust.pin)
    const [dir] = rest
    if (dir && isEvidencePack(dir)) return verifyPack(dir, trust)
    const live = dir ? undefined : await exportLive()
    const folder = dir ?? live!.dir
    try {
      const started = performance.now()
      const verdict = verifyLedgerBundle(await readLedgerBundle(folder), { pin: trust.pin, saved: [...trust.saved, ...(live?.head ?? [])] })
      const ms = (performance.now() - started).toFixed(0)
      const records = live?.records
      if (!verdict.ok) printProblems(`Ledger verification FAILED${verdict.firstBadSeq ? ` (first bad entry: ${verdict.firstBadSeq})` : ''}:`, verdict.problems)
      else console.log(`Ledger verified: ${verdict.entries} entries, ${verdict.checkpoints} checkpoints, every signature, root and content hash checks out${trust.saved.length > 0 ? `; it extends the ${trust.saved.length} saved checkpoint(s)` : ''} (${ms} ms).`)
      printKey(verdict)
      printUncovered(verdict.uncovered)
      if (records && records.problems.length > 0) printProblems(`The database does not match the ledger (${records.problems.length} problems):`, records.problems)
      else if (records) console.log(`Records match the ledger: ${records.acceptances} acceptances, ${records.notices} notices, field by field.`)
      if (records) printUnbound(records.unbound)
      return verdict.ok && (records?.problems.length ?? 0) === 0 ? 0 : 1
    } finally {
      if (!dir) await rm(folder, { recursive: true, force: true })
    }
  },
}
