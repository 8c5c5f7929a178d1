import { createPublicKey, type KeyObject } from 'node:crypto'

/** The raw 32 bytes of an Ed25519 public key (RFC 8032), as its JWK `x` holds them. */
export const rawPublicKey = (key: KeyObject): Buffer => Buffer.from(key.export({ format: 'jwk' }).x ?? '', 'base64url')

/** The Ed25519 public key whose raw bytes are `raw` (base64). */
export const publicKeyFromRaw = (raw: string): KeyObject =>
  createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(raw, 'base64').toString('base64url') }, format: 'jwk' })

/** A pinned fingerprint as people write it (any case, colons or spaces between digits), as 64
 * lower-case hex digits; undefined when it is not one. */
export function parseFingerprint(text: string): string | undefined {
  const hex = text.replace(/[\s:]/g, '').toLowerCase()
  return /^[0-9a-f]{64}$/.test(hex) ? hex : undefined
}
