import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

import type { SavedCheckpoint } from '../domain/checkpointChecks'
import { verifyEvidencePack } from '../domain/evidencePack'
import type { RecordsCheck } from '../services/ledger/checkRecordsAgainstLedger'
import { isEvidencePack, readEvidencePack } from '../verifier/evidencePackFiles'
import { verifyLedgerFolder } from '../verifier/verifyLedgerFolder'
import type { Command } from './commands'
import { receiptsOption, verifyReceiptsCommand } from './ledgerReceiptsCommand'
import { readTrustOptions, TRUST_USAGE, type TrustOptions } from './ledgerTrustOptions'
import { counted } from '../domain/counted'
import { printKey, printProblems, printUnbound, printUncovered } from './ledgerVerifyReport'
import { verifyTargetProblem } from './verifyTargetProblem'

/** Exports the live ledger to a scratch folder (this needs the database) for the same check,
 * compares the acceptances and notices tables with it (an edit there leaves the ledger intact),
 * and reads the last head this server published, which the stored checkpoints must still hold. */
async function exportLive(): Promise<{ dir: string; records: RecordsCheck; head: SavedCheckpoint[] }> {
  const { startPayload, stopPayload } = await import('../startPayload')
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
    await stopPayload(payload)
  }
}

/** Whether an error is a bundle file missing, unreadable or not JSON (not a fault of the verifier). */
const isUnreadable = (error: unknown) => error instanceof SyntaxError || (error instanceof Error && 'syscall' in error)

/** One line on a bundle file that is missing or cannot be parsed. */
function unreadable(folder: string, error: unknown): string {
  const { code, path: file, message } = error as NodeJS.ErrnoException
  if (code === 'ENOENT') return `${path.relative(folder, file ?? '') || file} is missing from ${folder}.`
  if (code) return `${file ?? folder} cannot be read (${code}).`
  return `a file in ${folder} is not valid JSON: ${message.split('\n')[0]}`
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
    console.log(`Evidence pack verified: ${counted(verdict.acceptances, 'acceptance')} and ${counted(verdict.notices, 'notice')} match ${counted(verdict.entries, 'ledger entry', 'ledger entries')}, each in the signed checkpoint; every text hashes to what was accepted; all ${counted(verdict.files, 'file')} match the signed manifest (${ms} ms).`)
    printKey(verdict)
    if (verdict.unbound.length > 0) console.log(`Not bound by the ledger entries in the pack (written before these fields were bound), so not checked: ${verdict.unbound.join(', ')}.`)
    return 0
  }
  if (verdict.manifest === 'missing' && verdict.problems.length === 1) {
    // A pack from before manifests: say what did check out, but never call the pack verified,
    // since a pack whose manifest was deleted to hide an edit reads the same.
    console.log(`The statements check out: ${counted(verdict.acceptances, 'acceptance')} and ${counted(verdict.notices, 'notice')} match ${counted(verdict.entries, 'ledger entry', 'ledger entries')}, each in the signed checkpoint; every text hashes to what was accepted.`)
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
    const problem = dir === undefined ? undefined : verifyTargetProblem(dir)
    if (problem) {
      console.error(`assent: ${problem}`)
      return 2
    }
    if (dir && isEvidencePack(dir)) return verifyPack(dir, trust)
    const live = dir ? undefined : await exportLive()
    const folder = dir ?? live!.dir
    try {
      const started = performance.now()
      let verdict
      try {
        verdict = await verifyLedgerFolder(folder, { pin: trust.pin, saved: [...trust.saved, ...(live?.head ?? [])] })
      } catch (error) {
        if (!isUnreadable(error)) throw error
        console.error(`Ledger verification FAILED: ${unreadable(folder, error)}`)
        return 1
      }
      const ms = (performance.now() - started).toFixed(0)
      const records = live?.records
      const mismatches = records?.problems ?? []
      // The details first, the one verdict (verified, or FAILED with every problem) last.
      printKey(verdict)
      printUncovered(verdict.uncovered)
      if (records && mismatches.length === 0) console.log(`Records match the ledger: ${counted(records.acceptances, 'acceptance')}, ${counted(records.notices, 'notice')}, ${counted(records.subjects, 'subject')}, field by field.`)
      if (records) printUnbound(records.unbound)
      const size = `${counted(verdict.entries, 'entry', 'entries')}, ${counted(verdict.checkpoints, 'checkpoint')}`
      if (verdict.ok && mismatches.length === 0) {
        console.log(`Ledger verified: ${size}, every signature, root and content hash checks out${trust.saved.length > 0 ? `; it extends the ${counted(trust.saved.length, 'saved checkpoint')}` : ''}${records ? '; the database matches it' : ''} (${ms} ms).`)
        return 0
      }
      const firstBad = verdict.firstBadSeq ? ` (first bad entry: ${verdict.firstBadSeq})` : ''
      if (verdict.ok) printProblems(`Ledger verification FAILED: the ledger's ${size} check out, but the database does not match it (${counted(mismatches.length, 'problem')}):`, mismatches)
      else if (mismatches.length > 0) printProblems(`Ledger verification FAILED${firstBad}, and the database does not match the ledger (${counted(verdict.problems.length + mismatches.length, 'problem')}):`, [...verdict.problems, ...mismatches])
      else printProblems(`Ledger verification FAILED${firstBad}:`, verdict.problems)
      return 1
    } finally {
      if (!dir) await rm(folder, { recursive: true, force: true })
    }
  },
}
