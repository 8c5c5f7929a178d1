import { existsSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'

import type { EvidenceDocument, EvidencePack } from '../domain/evidencePack'

/** Whether `dir` holds an evidence pack (rather than a whole-ledger bundle). */
export const isEvidencePack = (dir: string): boolean => existsSync(path.join(dir, 'evidence.json'))

/** Writes a pack's files under `dir`. */
export async function writePackFiles(dir: string, files: Map<string, string>): Promise<void> {
  for (const [name, content] of files) {
    const file = path.join(dir, name)
    await mkdir(path.dirname(file), { recursive: true })
    await writeFile(file, content)
  }
}

/** Reads an evidence pack folder for the verifier: evidence.json, the public key and the files it names. */
export async function readEvidencePack(dir: string): Promise<EvidencePack> {
  const document = JSON.parse(await readFile(path.join(dir, 'evidence.json'), 'utf8')) as EvidenceDocument
  const files = new Map<string, string>()
  for (const name of (document.versions ?? []).map((v) => v.file)) {
    // Only names inside the pack: evidence.json is data, never a path to anywhere else.
    if (!/^versions\/[0-9a-f]{64}\.md$/.test(name)) continue
    const file = path.join(dir, name)
    if (existsSync(file)) files.set(name, await readFile(file, 'utf8'))
  }
  return { document, files, publicKeyPem: await readFile(path.join(dir, 'public-key.pem'), 'utf8').catch(() => '') }
}
