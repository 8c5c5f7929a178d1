import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { verifyEvidencePack } from '../domain/evidencePack'
import { verifyLedgerBundle } from '../domain/verifyLedgerBundle'
import { isEvidencePack, readEvidencePack } from '../verifier/evidencePackFiles'
import { readLedgerBundle } from '../verifier/ledgerBundleFiles'
import type { Command } from './commands'

/** Exports the live ledger to a scratch folder (this needs the database) for the same check. */
async function exportLive(): Promise<string> {
  const { startPayload } = await import('../startPayload')
  const { closePayload } = await import('../db/closePayload')
  const { exportLedgerBundle } = await import('../services/ledger/exportLedgerBundle')
  const dir = await mkdtemp(path.join(tmpdir(), 'assent-ledger-'))
  const payload = await startPayload()
  try {
    await exportLedgerBundle(payload, dir)
    return dir
  } finally {
    await closePayload(payload)
  }
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
  console.error('Evidence pack verification FAILED:')
  for (const problem of verdict.problems.slice(0, 20)) console.error(`  - ${problem}`)
  if (verdict.problems.length > 20) console.error(`  … and ${verdict.problems.length - 20} more`)
  return 1
}

export const ledgerVerifyCommand: Command = {
  async run([dir]) {
    if (dir && isEvidencePack(dir)) return verifyPack(dir)
    const folder = dir ?? (await exportLive())
    try {
      const started = performance.now()
      const verdict = verifyLedgerBundle(await readLedgerBundle(folder))
      const ms = (performance.now() - started).toFixed(0)
      if (verdict.ok) {
        console.log(`Ledger verified: ${verdict.entries} entries, ${verdict.checkpoints} checkpoints, every signature, root and content hash checks out (${ms} ms).`)
        return 0
      }
      console.error(`Ledger verification FAILED${verdict.firstBadSeq ? ` (first bad entry: ${verdict.firstBadSeq})` : ''}:`)
      for (const problem of verdict.problems.slice(0, 20)) console.error(`  - ${problem}`)
      if (verdict.problems.length > 20) console.error(`  … and ${verdict.problems.length - 20} more`)
      return 1
    } finally {
      if (!dir) await rm(folder, { recursive: true, force: true })
    }
  },
}
