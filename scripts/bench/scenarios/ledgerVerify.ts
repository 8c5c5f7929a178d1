import { createHash, hash } from 'node:crypto'
import { availableParallelism } from 'node:os'
import path from 'node:path'

import { verifyLedgerBundle } from '../../../src/domain/verifyLedgerBundle'
import { exportLedgerBundle } from '../../../src/services/ledger/exportLedgerBundle'
import { readLedgerBundle } from '../../../src/verifier/ledgerBundleFiles'
import { verifyLedgerFolder } from '../../../src/verifier/verifyLedgerFolder'
import { alternateRounds } from '../alternateRounds'
import { ratioOf } from '../benchReport'
import { median } from '../median'
import type { BenchContext, ScenarioResult } from '../scenario'

const ROUNDS = 3
const seconds = (since: number) => (performance.now() - since) / 1000

/** `ledger:verify <dir>` as the command runs it, timed. */
async function verifyFolder(dir: string): Promise<{ seconds: number; checkpoints: number }> {
  let wholeRead: string | undefined
  const t = performance.now()
  const verdict = await verifyLedgerFolder(dir, { onWholeRead: (reason) => (wholeRead = reason) })
  const verifyS = seconds(t)
  if (!verdict.ok) throw new Error(`the ledger did not verify: ${verdict.problems[0]}`)
  if (wholeRead) throw new Error(`the exported entries were read whole, not streamed: ${wholeRead}`)
  return { seconds: verifyS, checkpoints: verdict.checkpoints }
}

/** The baseline: the bundle read into memory (not timed), its entry bodies hashed once each,
 * timed; the bodies are dropped on return, before the next verification. */
async function hashBodies(dir: string): Promise<{ seconds: number; readSeconds: number }> {
  let t = performance.now()
  const { entries } = await readLedgerBundle(dir)
  const readSeconds = seconds(t)
  t = performance.now()
  for (const entry of entries) hash('sha256', entry.body)
  return { seconds: seconds(t), readSeconds }
}

/**
 * 5. Verifying the whole ledger as an auditor does offline, `ledger:verify <dir>` (every body
 * parsed and its leaf hash recomputed, the Merkle root under each signed checkpoint, every accepted
 * text's hash), against node:crypto hashing the same entry bodies once each on one thread, the
 * fastest way it offers (one-shot `crypto.hash`; the streaming `createHash` is reported beside).
 * The verification reads the bundle folder itself and may use every core (one worker thread per
 * core); the baseline hashes bodies already in memory, on one thread. The in-memory verifier on one
 * thread is reported beside. 3 rounds alternate a verification and the hashing: the median of the
 * rounds' ratios, their range, and the median times. Target: ≥ 0.5× the baseline's entries/s.
 */
export async function ledgerVerify(ctx: BenchContext): Promise<ScenarioResult> {
  const dir = path.join(ctx.dataDir, 'ledger-bundle')
  let t = performance.now()
  const exported = await exportLedgerBundle(ctx.payload, dir)
  const exportS = seconds(t)

  // Each round verifies while no bundle is held in memory: run with a million bodies in this
  // process's heap, the verification took 65 s, against 8 to 14 s alone. So each round's baseline
  // reads the bodies it hashes and drops them, and the figures below that need the whole bundle
  // in memory come after the last round.
  const { rounds, ratio, range } = await alternateRounds(ROUNDS, {
    scenario: () => verifyFolder(dir),
    baseline: () => hashBodies(dir),
    ratio: (verify, hashing) => ratioOf(hashing.seconds, verify.seconds),
  })
  const verifyS = median(rounds.map((r) => r.scenario.seconds))
  const hashS = median(rounds.map((r) => r.baseline.seconds))

  const bundle = await readLedgerBundle(dir)
  t = performance.now()
  for (const entry of bundle.entries) createHash('sha256').update(entry.body, 'utf8').digest('hex')
  const streamingS = seconds(t)

  t = performance.now()
  const single = verifyLedgerBundle(bundle)
  const singleS = seconds(t)
  if (!single.ok) throw new Error(`the ledger did not verify: ${single.problems[0]}`)

  const n = bundle.entries.length
  return {
    id: 'ledger',
    title: `5. Ledger verification, ${n.toLocaleString('en')} entries`,
    scenario: { value: Math.round(n / verifyS), unit: 'entries/s' },
    baseline: { value: Math.round(n / hashS), unit: 'entries/s' },
    ratio,
    target: '≥ 0.5',
    met: ratio >= 0.5,
    details: {
      'ratio range': range, rounds: ROUNDS, 'verify s': +verifyS.toFixed(2), threads: availableParallelism(), 'hash s': +hashS.toFixed(2), 'createHash s': +streamingS.toFixed(2), 'ratio to createHash': ratioOf(streamingS, verifyS),
      'in memory, 1 thread s': +singleS.toFixed(2), checkpoints: rounds[0].scenario.checkpoints, 'export s': +exportS.toFixed(1), 'read s': +median(rounds.map((r) => r.baseline.readSeconds)).toFixed(1), 'exported entries': exported.entries,
    },
  }
}
