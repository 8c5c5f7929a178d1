import { createPublicKey, generateKeyPairSync } from 'node:crypto'
import { renameSync, writeFileSync } from 'node:fs'

import type { Payload } from 'payload'

import { parseLedgerSigningKey } from '../../config/ledgerSigningKeyPem'
import { signKeyRotation, type KeyRotationRecord } from '../../domain/keyRotation'
import { appendEntries } from '../../store/ledger/appendEntries'
import { ledgerIn } from '../../store/ledger/ledgerIn'
import { withTransaction } from '../../store/withTransaction'
import { createCheckpoint } from './createCheckpoint'
import { forgetLedgerSigningKey, ledgerKeyFile, ledgerSigningKey } from './ledgerSigningKey'

/** What a rotation did: the record entered in the ledger, and whether the operator must still
 * install the new key (LEDGER_SIGNING_KEY comes from the environment, which Assent cannot change). */
export interface KeyRotation {
  record: KeyRotationRecord
  checkpointed: boolean
}

/**
 * Hands the signing role to a new Ed25519 key: appends a `key-rotation` entry naming both keys,
 * signed by the old one, so whoever pinned the old key follows the chain. With a key generated in
 * the data folder, the new key replaces it there (the old one is kept beside it as `.retired`) and
 * a checkpoint is signed with the new key at once. With LEDGER_SIGNING_KEY set, the new key must be
 * given (`newKeyPem`) and set there before the next checkpoint: until then checkpoints are refused.
 */
export async function rotateSigningKey(payload: Payload, options: { newKeyPem?: string; env?: NodeJS.ProcessEnv; now?: Date } = {}): Promise<KeyRotation> {
  const env = options.env ?? process.env
  const fromEnvironment = Boolean(env.LEDGER_SIGNING_KEY)
  if (fromEnvironment && !options.newKeyPem) throw new Error('LEDGER_SIGNING_KEY is set: give the new key (--new-key <private-key.pem>), then set LEDGER_SIGNING_KEY to it.')
  const old = ledgerSigningKey(env)
  const newPem = options.newKeyPem ?? (generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }) as string)
  const record = signKeyRotation(old.privateKey, createPublicKey(parseLedgerSigningKey(newPem)), (options.now ?? new Date()).toISOString())
  if (record.from === record.to) throw new Error('The new key is the key in force.')
  const file = ledgerKeyFile(env)
  // The new key waits beside the old one until the entry is committed, then takes its place.
  if (!fromEnvironment) writeFileSync(`${file}.next`, newPem, { mode: 0o600 })
  await withTransaction(payload, (req) => appendEntries(ledgerIn(req), [{ kind: 'key-rotation', record: record as unknown as Record<string, unknown> }]))
  if (fromEnvironment) return { record, checkpointed: false }
  writeFileSync(`${file}.retired-${record.from.slice(0, 16)}`, old.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string, { mode: 0o600 })
  renameSync(`${file}.next`, file)
  forgetLedgerSigningKey()
  await createCheckpoint(payload, options.now)
  return { record, checkpointed: true }
}
