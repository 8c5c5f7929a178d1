import { createHash, type KeyObject } from 'node:crypto'

const known = new WeakMap<KeyObject, string>()

/** A ledger key's fingerprint: SHA-256 (hex) of the raw 32-byte Ed25519 public key, the form
 * people compare by eye and pin; the same whether the key came as PEM, DER or JWK. */
export function ledgerKeyFingerprint(publicKey: KeyObject): string {
  let fingerprint = known.get(publicKey)
  if (fingerprint) return fingerprint
  const jwk = publicKey.export({ format: 'jwk' })
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || !jwk.x) throw new Error('the ledger key is not an Ed25519 public key')
  fingerprint = createHash('sha256').update(Buffer.from(jwk.x, 'base64url')).digest('hex')
  known.set(publicKey, fingerprint)
  return fingerprint
}
