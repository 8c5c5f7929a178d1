import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto'

import { keyIdOf } from './checkpointSignature'

export const MANIFEST_FILE = 'manifest.json'
export const MANIFEST_FORMAT = 'assent-evidence-manifest/1'

/**
 * manifest.json: the SHA-256 of every other file of an evidence pack, signed by the key that
 * signed the pack's checkpoint. A file added, removed or edited anywhere in the pack no longer
 * matches it, and whoever edits it cannot sign it again without the ledger's private key.
 */
export interface PackManifest {
  format: typeof MANIFEST_FORMAT
  /** Path inside the pack (`/`-separated) → SHA-256 (hex) of its bytes. */
  files: Record<string, string>
  keyId: string
  signature: string
}

/** SHA-256 (hex) of a file's bytes (a string is taken as the UTF-8 it is written as). */
export const fileHash = (content: string | Buffer): string => createHash('sha256').update(content).digest('hex')

/** Whether `name` may be a path inside a pack: relative, `/`-separated, no `..`, no control characters. */
export const isPackPath = (name: string): boolean =>
  name.length > 0 && !name.startsWith('/') && !name.includes('\\') && !/[\u0000-\u001f\u007f]/.test(name) &&
  name.split('/').every((part) => part !== '' && part !== '.' && part !== '..')

/** The exact bytes the manifest's Ed25519 signature covers: one `<sha256> <path>` line per file,
 * in code-unit order of the paths (a path holds no line break, so the lines cannot be re-cut). */
export function manifestMessage(files: Record<string, string>): Buffer {
  const lines = Object.keys(files).sort().map((name) => `${files[name]} ${name}\n`)
  return Buffer.from(`assent-evidence-manifest/v1\n${lines.join('')}`, 'utf8')
}

/** The signed manifest of `files` (every file of the pack but the manifest itself). */
export function signPackManifest(files: ReadonlyMap<string, string | Buffer>, privateKey: KeyObject): PackManifest {
  const hashes: Record<string, string> = {}
  for (const name of [...files.keys()].sort()) {
    if (name === MANIFEST_FILE || !isPackPath(name)) throw new Error(`an evidence pack cannot hold a file named ${JSON.stringify(name)}`)
    hashes[name] = fileHash(files.get(name)!)
  }
  return {
    format: MANIFEST_FORMAT,
    files: hashes,
    keyId: keyIdOf(createPublicKey(privateKey)),
    signature: sign(null, manifestMessage(hashes), privateKey).toString('base64'),
  }
}

/** Whether `manifest` was signed by `publicKey` exactly as it reads. */
export function manifestSignatureValid(manifest: PackManifest, publicKey: KeyObject): boolean {
  const signature = Buffer.from(manifest.signature, 'base64')
  // Only the canonical encoding counts: base64 decoders skip stray characters silently.
  if (signature.toString('base64') !== manifest.signature) return false
  try {
    return keyIdOf(publicKey) === manifest.keyId && verify(null, manifestMessage(manifest.files), publicKey, signature)
  } catch {
    return false
  }
}
