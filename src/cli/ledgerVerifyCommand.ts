import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { verifyEvidencePack } from '../domain/evidencePack'
import { verifyLedgerBundle } from '../domain/verifyLedgerBundle'
import { isEvidencePack, readEvidencePack } from '../verifier/evidencePackFiles'
import { readLedgerBundle } from '../verifier/ledgerBundleFiles'
import type { Command } from './commands'
import { receiptsOption, verifyReceiptsCommand } from './ledgerReceiptsCommand'

/** Exports the live ledger to a scratch folder (this needs the database) for the same check, and
 * compares the acceptances and notices tables with it: an edit there leaves the ledger intact. */
async function exportLive(): Promise<{ dir: string; records: { acceptances: number; notices: number; problems: string[] } }> {
  const { startPayload } = await import('../startPayload')
  const { closePayload } = await import('../db/closePayload')
  const { exportLedgerBundle } = await import('../services/ledger/exportLedgerBundle')
  const { checkRecordsAgainstLedger } = await import('../services/ledger/checkRecordsAgainstLedger')
  const dir = await mkdtemp(path.join(tmpdir(), 'assent-ledger-'))
  const payload = await startPayload()
  try {
    await exportLedgerBundle(payload, dir)
    return { dir, records: await checkRecordsAgainstLedger(payload) }
  } finally {
    await closePayload(payload)
  }
}

/** Prints up to 20 problems under a heading. */
function printProblems(heading: string, problems: string[]): void {
  console.error(heading)
  for (const problem of problems.slice(0, 20)) console.error(`  - ${problem}`)
  if (problems.length > 20) console.error(`  … and ${problems.length - 20} more`)
}

/** An evidence pack: the subject's entries against one signed checkpoint, and what they prove. */
async function verifyPack(dir: string): Promise<number> {
  const started = performance.now()
  const verdict = verifyEvidencePack(await readEvidencePack(dir))
  const ms = (performance.now() - started).toFixed(0)
  if (verdict.ok) {
    console.log(`Evidence pack verified: ${verdict.acceptances} acceptances and ${verdict.notices} notices match ${verdict.entries} ledger entries, each in the signed checkpoint; every text hashes to what was accepted (${ms} ms).`)
    return 0
  }
  printProblems('Evidence pack verification FAILED:', verdict.problems)
  return 1
}

export const ledgerVerifyCommand: Command = {
  async run(args) {
    const receipts = receiptsOption(args)
    if (receipts.given) return verifyReceiptsCommand(receipts.file, receipts.rest)
    const [dir] = args
    if (dir && isEvidencePack(dir)) return verifyPack(dir)
    const live = dir ? undefined : await exportLive()
    const folder = dir ?? live!.dir
    try {
      const started = performance.now()
      const verdict = verifyLedgerBundle(await readLedgerBundle(folder))
      const ms = (performance.now() - started).toFixed(0)
      if (!verdict.ok) {
        printProblems(`Ledger verification FAILED${verdict.firstBadSeq ? ` (first bad entry: ${verdict.firstBadSeq})` : ''}:`, verdict.problems)
        return 1
      }
      console.log(`Ledger verified: ${verdict.entries} entries, ${verdict.checkpoints} checkpoints, every signature, root and content hash checks out (${ms} ms).`)
      if (!live) return 0
      const { acceptances, notices, problems } = live.records
      if (problems.length > 0) {
        printProblems(`The database does not match the ledger (${problems.length} problems):`, problems)
        return 1
      }
      console.log(`Records match the ledger: ${acceptances} acceptances, ${notices} notices.`)
      return 0
    } finally {
      if (!dir) await rm(folder, { recursive: true, force: true })
    }
  },
}
