import { createReadStream } from 'node:fs'
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { createInterface } from 'node:readline'

import type { Checkpoint } from '../domain/checkpointSignature'
import type { BundleEntry, ConsistencyProofRecord, LedgerBundle } from '../domain/verifyLedgerBundle'

/**
 * A ledger bundle on disk, readable without Assent running:
 *   entries.jsonl      one { seq, body, leafHash } per line
 *   checkpoints.json   the signed checkpoints
 *   proofs.json        consistency proofs between consecutive checkpoints
 *   public-key.pem     the Ed25519 key that signed them
 *   versions/<contentHash>.md   the text of every published version
 */
export const bundleFiles = {
  entries: 'entries.jsonl',
  checkpoints: 'checkpoints.json',
  publicKey: 'public-key.pem',
  proofs: 'proofs.json',
  versions: 'versions',
}

/** Reads a bundle folder for the verifier. */
export async function readLedgerBundle(dir: string): Promise<LedgerBundle> {
  const entries: BundleEntry[] = []
  const lines = createInterface({ input: createReadStream(path.join(dir, bundleFiles.entries)), crlfDelay: Infinity })
  for await (const line of lines) if (line.trim()) entries.push(JSON.parse(line) as BundleEntry)
  return { entries, ...(await readBundleParts(dir)) }
}

/** Reads everything of a bundle folder but its entries (checkpoints, public key, version texts,
 * proofs: a missing or broken file is reported in that order). */
export async function readBundleParts(dir: string): Promise<Omit<LedgerBundle, 'entries'>> {
  const checkpoints = JSON.parse(await readFile(path.join(dir, bundleFiles.checkpoints), 'utf8')) as Checkpoint[]
  const publicKeyPem = await readFile(path.join(dir, bundleFiles.publicKey), 'utf8')
  const versionTexts = await readVersionTexts(dir)
  const proofs = await readFile(path.join(dir, bundleFiles.proofs), 'utf8').catch(() => undefined)
  const consistencyProofs = proofs ? (JSON.parse(proofs) as ConsistencyProofRecord[]) : undefined
  return { checkpoints, publicKeyPem, versionTexts, consistencyProofs }
}

/** Reads the version texts of a bundle folder, by content hash. */
export async function readVersionTexts(dir: string): Promise<Map<string, string>> {
  const versionTexts = new Map<string, string>()
  const versionsDir = path.join(dir, bundleFiles.versions)
  for (const name of await readdir(versionsDir).catch(() => [] as string[])) {
    if (name.endsWith('.md')) versionTexts.set(name.slice(0, -3), await readFile(path.join(versionsDir, name), 'utf8'))
  }
  return versionTexts
}

/** Writes the parts of a bundle that are not streamed. */
export async function writeBundleParts(dir: string, checkpoints: Checkpoint[], proofs: ConsistencyProofRecord[], publicKeyPem: string, versions: Map<string, string>): Promise<void> {
  await mkdir(path.join(dir, bundleFiles.versions), { recursive: true })
  await writeFile(path.join(dir, bundleFiles.checkpoints), `${JSON.stringify(checkpoints, null, 2)}\n`)
  await writeFile(path.join(dir, bundleFiles.proofs), `${JSON.stringify(proofs, null, 2)}\n`)
  await writeFile(path.join(dir, bundleFiles.publicKey), publicKeyPem)
  for (const [hash, text] of versions) await writeFile(path.join(dir, bundleFiles.versions, `${hash}.md`), text)
}
