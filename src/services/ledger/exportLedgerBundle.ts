import { createWriteStream } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import { once } from 'node:events'

import type { Payload } from 'payload'

import { consistencyProof } from '../../domain/merkle'
import { bundleFiles, writeBundleParts } from '../../verifier/ledgerBundleFiles'
import { listCheckpoints } from './storedCheckpoints'
import { ledgerEntries } from './ledgerLeaves'
import { ledgerSigningKey } from './ledgerSigningKey'

/** Writes the whole ledger, its checkpoints with the consistency proofs between them, the public
 * key and every version text (translations included) to `dir`. */
export async function exportLedgerBundle(payload: Payload, dir: string): Promise<{ entries: number; checkpoints: number }> {
  await mkdir(dir, { recursive: true })
  const out = createWriteStream(path.join(dir, bundleFiles.entries))
  const leaves: Buffer[] = []
  for await (const entry of ledgerEntries(payload)) {
    if (!out.write(`${JSON.stringify(entry)}\n`)) await once(out, 'drain')
    leaves.push(Buffer.from(entry.leafHash, 'hex'))
  }
  out.end()
  await once(out, 'finish')
  const [{ docs }, { docs: translated }] = await Promise.all([
    payload.find({ collection: 'policy-versions', where: { _status: { equals: 'published' } }, select: { contentHash: true, text: true }, pagination: false, depth: 0 }),
    payload.find({ collection: 'version-translations', where: { frozenAt: { exists: true } }, select: { contentHash: true, text: true }, pagination: false, depth: 0 }),
  ])
  const versions = new Map([...docs, ...translated].map((v) => [v.contentHash as string, v.text as string]))
  const checkpoints = await listCheckpoints(payload)
  const proofs = checkpoints.slice(1).flatMap((c, i) => {
    const from = checkpoints[i].treeSize
    return c.treeSize <= leaves.length ? [{ from, to: c.treeSize, proof: consistencyProof(from, leaves.slice(0, c.treeSize)).map((h) => h.toString('hex')) }] : []
  })
  await writeBundleParts(dir, checkpoints, proofs, ledgerSigningKey().publicKeyPem, versions)
  return { entries: leaves.length, checkpoints: checkpoints.length }
}
