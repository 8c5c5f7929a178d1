import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import { ConfigError } from '../../config/ConfigError'
import { readEnv } from '../../config/env'

/** The Ed25519 key that signs checkpoints, and its public half as PEM. */
export interface LedgerKey {
  privateKey: KeyObject
  publicKey: KeyObject
  publicKeyPem: string
}

let cached: LedgerKey | undefined

/**
 * LEDGER_SIGNING_KEY (an Ed25519 private key in PKCS#8 PEM), or a key generated once into the
 * data folder on first use. Required from the environment in production.
 */
export function ledgerSigningKey(env: NodeJS.ProcessEnv = process.env): LedgerKey {
  if (cached) return cached
  const { production, dataDir } = readEnv(env)
  let pem = env.LEDGER_SIGNING_KEY?.replace(/\\n/g, '\n')
  const file = path.join(dataDir, 'ledger-signing-key.pem')
  if (!pem && production) {
    throw new ConfigError('LEDGER_SIGNING_KEY is required in production: an Ed25519 private key in PEM (openssl genpkey -algorithm ed25519).')
  }
  if (!pem && existsSync(file)) pem = readFileSync(file, 'utf8')
  if (!pem) {
    pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }) as string
    mkdirSync(dataDir, { recursive: true })
    writeFileSync(file, pem, { mode: 0o600 })
  }
  let privateKey: KeyObject
  try {
    privateKey = createPrivateKey(pem)
  } catch {
    throw new ConfigError('LEDGER_SIGNING_KEY is not a PEM private key: generate one with openssl genpkey -algorithm ed25519.')
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new ConfigError('LEDGER_SIGNING_KEY must be an Ed25519 key.')
  const publicKey = createPublicKey(privateKey)
  cached = { privateKey, publicKey, publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }) as string }
  return cached
}
