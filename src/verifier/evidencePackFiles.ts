import { existsSync } from 'node:fs'
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'

import type { PackListing } from '../domain/checkPackManifest'
import type { EvidenceDocument, EvidencePack } from '../domain/evidencePack'
import { fileHash, MANIFEST_FILE } from '../domain/packManifest'

/** Whether `dir` holds an evidence pack (rather than a whole-ledger bundle), or what is left of one. */
export const isEvidencePack = (dir: string): boolean => existsSync(path.join(dir, 'evidence.json')) || existsSync(path.join(dir, MANIFEST_FILE))

/** Writes a pack's files under `dir`. */
export async function writePackFiles(dir: string, files: Map<string, string>): Promise<void> {
  for (const [name, content] of files) {
    const file = path.join(dir, name)
    await mkdir(path.dirname(file), { recursive: true })
    await writeFile(file, content)
  }
}

/** Every file under `dir`, by its `/`-separated path inside it: the bytes of each regular file, null
 * for anything else (a link is never followed, so nothing outside the folder is read). */
async function readFolder(dir: string, prefix = '', found = new Map<string, Buffer | null>()): Promise<Map<string, Buffer | null>> {
  const entries = await readdir(path.join(dir, prefix), { withFileTypes: true })
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const name = prefix ? `${prefix}/${entry.name}` : entry.name
    if (entry.isDirectory()) await readFolder(dir, name, found)
    else found.set(name, entry.isFile() ? await readFile(path.join(dir, name)) : null)
  }
  return found
}

/** Reads an evidence pack folder for the verifier: evidence.json, every file in the folder (with
 * the SHA-256 of its bytes, for the manifest check) and the public key. */
export async function readEvidencePack(dir: string): Promise<EvidencePack> {
  const files = new Map<string, string>()
  const listing = new Map<string, string | null>()
  for (const [name, bytes] of await readFolder(dir)) {
    listing.set(name, bytes && fileHash(bytes))
    if (bytes) files.set(name, bytes.toString('utf8'))
  }
  // Missing or not JSON, evidence.json reads as an empty document, which the verifier names.
  let document = {} as EvidenceDocument
  try {
    document = JSON.parse(files.get('evidence.json') ?? '{}') ?? document
  } catch {
    // Named by the verifier as not an evidence document.
  }
  return { document, files, publicKeyPem: files.get('public-key.pem') ?? '', listing: listing as PackListing }
}
