import { createPrivateKey, type KeyObject } from 'node:crypto'

import { ConfigError } from './ConfigError'

/** Why start-up stops in production without a ledger key, and how to make one. */
export const LEDGER_KEY_REQUIRED = 'LEDGER_SIGNING_KEY is required in production: an Ed25519 private key in PEM (openssl genpkey -algorithm ed25519).'

/**
 * The Ed25519 private key in a PEM (as LEDGER_SIGNING_KEY or the generated file holds it; `\n`
 * written as two characters in an env file is accepted), or a ConfigError saying how to make one.
 * An Ed25519 key has one size, so its form is its strength.
 */
export function parseLedgerSigningKey(pem: string): KeyObject {
  let privateKey: KeyObject
  try {
    privateKey = createPrivateKey(pem.replace(/\\n/g, '\n'))
  } catch {
    throw new ConfigError('LEDGER_SIGNING_KEY is not a PEM private key: generate one with openssl genpkey -algorithm ed25519.')
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new ConfigError(`LEDGER_SIGNING_KEY is an ${privateKey.asymmetricKeyType} key, not Ed25519: generate one with openssl genpkey -algorithm ed25519.`)
  }
  return privateKey
}
