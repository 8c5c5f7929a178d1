import { createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import { ConfigError } from '../../config/ConfigError'
import { readEnv } from '../../config/env'
import { ensureDataFolder } from '../../config/ensureFolder'
import { LEDGER_KEY_REQUIRED, parseLedgerSigningKey } from '../../config/ledgerSigningKeyPem'

/** The Ed25519 key that signs checkpoints, and its public half as PEM. */
export interface LedgerKey {
  privateKey: KeyObject
  publicKey: KeyObject
  publicKeyPem: string
}

let cached: LedgerKey | undefined

/** The file the generated key lives in, in the data folder of `env`. */
export const ledgerKeyFile = (env: NodeJS.ProcessEnv = process.env): string => path.join(readEnv(env).dataDir, 'ledger-signing-key.pem')

/** Forgets the key read so far: after a rotation, the next signature uses the new key. */
export function forgetLedgerSigningKey(): void {
  cached = undefined
}

/**
 * LEDGER_SIGNING_KEY (an Ed25519 private key in PKCS#8 PEM), or a key generated once into the
 * data folder on first use. Required from the environment in production.
 */
export function ledgerSigningKey(env: NodeJS.ProcessEnv = process.env): LedgerKey {
  if (cached) return cached
  const { production, dataDir } = readEnv(env)
  let pem = env.LEDGER_SIGNING_KEY
  const file = ledgerKeyFile(env)
  if (!pem && production) throw new ConfigError(LEDGER_KEY_REQUIRED)
  if (!pem && existsSync(file)) pem = readFileSync(file, 'utf8')
  if (!pem) {
    pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }) as string
    ensureDataFolder(dataDir)
    writeFileSync(file, pem, { mode: 0o600 })
  }
  const privateKey = parseLedgerSigningKey(pem)
  const publicKey = createPublicKey(privateKey)
  cached = { privateKey, publicKey, publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }) as string }
  return cached
}
