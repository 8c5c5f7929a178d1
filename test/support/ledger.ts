import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'

import { verifyLedgerBundle } from '../../src/domain/verifyLedgerBundle'
import { createCheckpoint } from '../../src/services/ledger/createCheckpoint'
import { exportLedgerBundle } from '../../src/services/ledger/exportLedgerBundle'
import { readLedgerBundle } from '../../src/verifier/ledgerBundleFiles'

/** Signs a checkpoint over the live ledger, exports it and verifies the bundle offline; throws with the problems. */
export async function verifyLiveLedger(payload: Payload): Promise<true> {
  await createCheckpoint(payload)
  const dir = await mkdtemp(path.join(tmpdir(), 'assent-ledger-check-'))
  try {
    await exportLedgerBundle(payload, dir)
    const verdict = verifyLedgerBundle(await readLedgerBundle(dir))
    if (!verdict.ok) throw new Error(`ledger does not verify: ${verdict.problems.slice(0, 5).join('; ')}`)
    return true
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
