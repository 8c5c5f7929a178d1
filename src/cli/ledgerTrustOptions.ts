import { createPublicKey } from 'node:crypto'
import { readFile } from 'node:fs/promises'

import type { SavedCheckpoint } from '../domain/checkpointChecks'
import type { Checkpoint } from '../domain/checkpointSignature'
import { ledgerKeyFingerprint } from '../domain/ledgerKeyFingerprint'
import { parseFingerprint } from '../domain/ledgerKeyPin'
import { counted } from '../domain/counted'

/** What `ledger:verify` is told to trust from outside the folder or database under test. */
export interface TrustOptions {
  /** The pinned key's fingerprint (from --key or --fingerprint). */
  pin?: string
  /** Checkpoints an auditor or witness kept (--checkpoint). */
  saved: SavedCheckpoint[]
}

export const TRUST_USAGE = '[--key <public-key.pem> | --fingerprint <sha256-hex>] [--checkpoint <saved.json>]'

/** The checkpoints in a saved file: one checkpoint, a list, the `{ checkpoints: [...] }` that
 * GET /api/v1/ledger/checkpoints answers, or the `{ checkpoint }` of …/checkpoints/latest. */
function savedCheckpoints(json: unknown): Checkpoint[] {
  const saved = json as { checkpoints?: unknown; checkpoint?: unknown }
  const list = Array.isArray(json) ? json : saved.checkpoints ?? [saved.checkpoint ?? json]
  const checkpoints = (list as Checkpoint[]).filter((c) =>
    Number.isInteger(c?.treeSize) && /^[0-9a-f]{64}$/.test(String(c?.rootHash)) && [c.signedAt, c.signature, c.keyId].every((field) => typeof field === 'string'))
  if (checkpoints.length === 0 || checkpoints.length !== (list as unknown[]).length) throw new Error('it holds no checkpoint ({ treeSize, rootHash, signedAt, signature, keyId })')
  return checkpoints
}

/**
 * Takes --key, --fingerprint and --checkpoint (each with its value) out of `args`, reading the files
 * they name. Returns the other arguments, or an error to print with the usage.
 */
export async function readTrustOptions(args: readonly string[]): Promise<{ trust: TrustOptions; rest: string[] } | { error: string }> {
  const trust: TrustOptions = { saved: [] }
  const pins: string[] = []
  const rest: string[] = []
  for (let i = 0; i < args.length; i++) {
    const flag = args[i]
    if (!['--key', '--fingerprint', '--checkpoint'].includes(flag)) {
      rest.push(flag)
      continue
    }
    const value = args[++i]
    if (value === undefined) return { error: `${flag} needs a value` }
    try {
      if (flag === '--fingerprint') {
        const pin = parseFingerprint(value)
        if (!pin) return { error: `--fingerprint ${value} is not a SHA-256 fingerprint (64 hex digits)` }
        pins.push(pin)
      } else if (flag === '--key') {
        pins.push(ledgerKeyFingerprint(createPublicKey(await readFile(value, 'utf8'))))
      } else {
        for (const checkpoint of savedCheckpoints(JSON.parse(await readFile(value, 'utf8')))) {
          trust.saved.push({ label: `the saved checkpoint of ${counted(checkpoint.treeSize, 'entry', 'entries')} (${value})`, checkpoint })
        }
      }
    } catch (error) {
      return { error: `${flag} ${value} cannot be used: ${(error as Error).message}` }
    }
  }
  if (new Set(pins).size > 1) return { error: '--key and --fingerprint name different keys' }
  trust.pin = pins[0]
  return { trust, rest }
}
