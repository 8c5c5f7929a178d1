import { createHash, hash } from 'node:crypto'
import { availableParallelism } from 'node:os'
import path from 'node:path'

import { verifyLedgerBundle } from '../../../src/domain/verifyLedgerBundle'
import { exportLedgerBundle } from '../../../src/services/ledger/exportLedgerBundle'
import { readLedgerBundle } from '../../../src/verifier/ledgerBundleFiles'
import { verifyLedgerFolder } from '../../../src/verifier/verifyLedgerFolder'
import { ratioOf } from '../benchReport'
import type { BenchContext, ScenarioResult } from '../scenario'

const seconds = (since: number) => (performance.now() - since) / 1000

/**
 * 5. Verifying the whole ledger as an auditor does offline, `ledger:verify <dir>` (every body
 * parsed and its leaf hash recomputed, the Merkle root under each signed checkpoint, every accepted
 * text's hash), against node:crypto hashing the same entry bodies once each on one thread, the
 * fastest way it offers (one-shot `crypto.hash`; the streaming `createHash` is reported beside).
 * The verification reads the bundle folder itself and may use every core (one worker thread per
 * core); the baseline hashes bodies already in memory, on one thread. The in-memory verifier on one
 * thread is reported beside. Target: ≥ 0.5× the baseline's entries/s.
 */
export async function ledgerVerify(ctx: BenchContext): Promise<ScenarioResult> {
  const dir = path.join(ctx.dataDir, 'ledger-bundle')
  let t = performance.now()
  const exported = await exportLedgerBundle(ctx.payload, dir)
  const exportS = seconds(t)

  // First, as the command runs, before the bundle is held in memory for the baseline: run after
  // it, with a million bodies in this process's heap, it took 65 s, against 8 to 14 s alone.
  let wholeRead: string | undefined
  t = performance.now()
  const verdict = await verifyLedgerFolder(dir, { onWholeRead: (reason) => (wholeRead = reason) })
  const verifyS = seconds(t)
  if (!verdict.ok) throw new Error(`the ledger did not verify: ${verdict.problems[0]}`)
  if (wholeRead) throw new Error(`the exported entries were read whole, not streamed: ${wholeRead}`)

  t = performance.now()
  const bundle = await readLedgerBundle(dir)
  const readS = seconds(t)

  t = performance.now()
  for (const entry of bundle.entries) hash('sha256', entry.body)
  const hashS = seconds(t)
  t = performance.now()
  for (const entry of bundle.entries) createHash('sha256').update(entry.body, 'utf8').digest('hex')
  const streamingS = seconds(t)

  t = performance.now()
  const single = verifyLedgerBundle(bundle)
  const singleS = seconds(t)
  if (!single.ok) throw new Error(`the ledger did not verify: ${single.problems[0]}`)

  const n = bundle.entries.length
  const ratio = ratioOf(n / verifyS, n / hashS)
  return {
    id: 'ledger',
    title: `5. Ledger verification, ${n.toLocaleString('en')} entries`,
    scenario: { value: Math.round(n / verifyS), unit: 'entries/s' },
    baseline: { value: Math.round(n / hashS), unit: 'entries/s' },
    ratio,
    target: '≥ 0.5',
    met: ratio >= 0.5,
    details: { 'verify s': +verifyS.toFixed(2), threads: availableParallelism(), 'hash s': +hashS.toFixed(2), 'createHash s': +streamingS.toFixed(2), 'ratio to createHash': ratioOf(streamingS, verifyS), 'in memory, 1 thread s': +singleS.toFixed(2), checkpoints: verdict.checkpoints, 'export s': +exportS.toFixed(1), 'read s': +readS.toFixed(1), 'exported entries': exported.entries },
  }
}
