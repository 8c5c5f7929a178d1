import type { KeyObject } from 'node:crypto'

import { isPackPath, MANIFEST_FILE, MANIFEST_FORMAT, manifestSignatureValid, type PackManifest } from './packManifest'

/** What the manifest check found: `missing` for a pack made before packs had one. */
export interface ManifestCheck {
  status: 'verified' | 'missing' | 'failed'
  problems: string[]
  /** Files of the pack the manifest covers, the manifest included. */
  files: number
}

/** The files found in a pack's folder: path → SHA-256 (hex) of its bytes, or null when it is not a
 * regular file (a folder's link, a device). */
export type PackListing = ReadonlyMap<string, string | null>

const HEX64 = /^[0-9a-f]{64}$/

function parseManifest(text: string): PackManifest | undefined {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return undefined
  }
  const m = value as Partial<PackManifest> | null
  if (!m || typeof m !== 'object' || m.format !== MANIFEST_FORMAT || typeof m.keyId !== 'string' || typeof m.signature !== 'string') return undefined
  if (!m.files || typeof m.files !== 'object' || Array.isArray(m.files)) return undefined
  const files = Object.entries(m.files)
  if (!files.every(([name, hash]) => isPackPath(name) && name !== MANIFEST_FILE && typeof hash === 'string' && HEX64.test(hash))) return undefined
  return m as PackManifest
}

/**
 * Checks that every file of an evidence pack is the one Assent wrote: manifest.json is signed by
 * `signer` (the key that signed the pack's checkpoint), every other file in the folder is listed in
 * it with the same SHA-256, and every file it lists is there. Each problem names the file. A pack
 * without manifest.json (made before packs had one) fails too: nothing tells it from a pack whose
 * manifest was deleted to hide an edit.
 */
export function checkPackManifest(manifestText: string | undefined, listing: PackListing, signer: KeyObject | undefined): ManifestCheck {
  const others = [...listing.keys()].filter((name) => name !== MANIFEST_FILE).sort()
  if (manifestText === undefined) {
    return {
      status: 'missing',
      files: 0,
      problems: [`${MANIFEST_FILE} is missing, so nothing covers ${others.length > 0 ? others.join(', ') : 'the other files'} (packs made before Assent signed a manifest have none; ask the operator for a new pack)`],
    }
  }
  const manifest = parseManifest(manifestText)
  if (!manifest) return { status: 'failed', files: 0, problems: [`${MANIFEST_FILE} is not an ${MANIFEST_FORMAT} manifest: it was changed`] }

  const problems: string[] = []
  if (listing.get(MANIFEST_FILE) === null) problems.push(`${MANIFEST_FILE} is not a regular file`)
  if (!signer) problems.push(`${MANIFEST_FILE} cannot be checked: no trusted key signed the checkpoint`)
  else if (!manifestSignatureValid(manifest, signer)) problems.push(`${MANIFEST_FILE} is not signed by the key that signed the checkpoint: it was changed`)
  for (const name of others) {
    const hash = listing.get(name)
    const listed = Object.hasOwn(manifest.files, name) ? manifest.files[name] : undefined
    if (listed === undefined) problems.push(`${name} is not in ${MANIFEST_FILE}: it was added`)
    else if (hash === null) problems.push(`${name} is not a regular file`)
    else if (hash !== listed) problems.push(`${name} does not hash to what ${MANIFEST_FILE} lists: it was changed`)
  }
  for (const name of Object.keys(manifest.files).sort()) if (!listing.has(name)) problems.push(`${name} is listed in ${MANIFEST_FILE} but missing: it was removed`)
  return { status: problems.length === 0 ? 'verified' : 'failed', problems, files: problems.length === 0 ? others.length + 1 : 0 }
}
