import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto'

/** A signed statement of the ledger's size and Merkle root at a moment. */
export interface Checkpoint {
  treeSize: number
  rootHash: string
  signedAt: string
  signature: string
  keyId: string
}

/** The exact bytes an Ed25519 checkpoint signature covers. */
export const checkpointMessage = (c: Pick<Checkpoint, 'treeSize' | 'rootHash' | 'signedAt'>): Buffer =>
  Buffer.from(`assent-ledger-checkpoint/v1\n${c.treeSize}\n${c.rootHash}\n${c.signedAt}\n`, 'utf8')

/** A public key's id: SHA-256 (hex) of its SPKI DER encoding. */
export const keyIdOf = (publicKey: KeyObject): string =>
  createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex')

export function signCheckpoint(c: Pick<Checkpoint, 'treeSize' | 'rootHash' | 'signedAt'>, privateKey: KeyObject): Checkpoint {
  return { ...c, signature: sign(null, checkpointMessage(c), privateKey).toString('base64'), keyId: keyIdOf(createPublicKey(privateKey)) }
}

/** Whether `checkpoint` was signed by `publicKey` exactly as it reads. */
export function checkpointSignatureValid(checkpoint: Checkpoint, publicKey: KeyObject): boolean {
  const signature = Buffer.from(checkpoint.signature, 'base64')
  // Only the canonical encoding counts: base64 decoders skip stray characters silently.
  if (signature.toString('base64') !== checkpoint.signature) return false
  try {
    return keyIdOf(publicKey) === checkpoint.keyId && verify(null, checkpointMessage(checkpoint), publicKey, signature)
  } catch {
    return false
  }
}
