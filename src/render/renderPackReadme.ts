import type { EvidenceDocument } from '../domain/evidencePack'
import { MANIFEST_FILE } from '../domain/packManifest'

export const README_FILE = 'README.txt'

const BY_MANIFEST = 'checked: its SHA-256 is the one manifest.json lists'

/** What one file of a pack is and how ledger:verify checks it, from its path. */
function describe(name: string, doc: EvidenceDocument): string[] {
  if (name === 'evidence.json') {
    return [
      'what this pack states: the versions the subject was owed, every notice and its delivery,',
      "every acceptance with method and context, the subject's ledger entries with inclusion proofs",
      'checked: each ledger entry is in the checkpoint signed when the pack was made, and each',
      'acceptance, notice and version is what its ledger entry recorded, field by field',
    ]
  }
  if (name === 'report.html') return ['the same, for people (print it to PDF from a browser), made from evidence.json', BY_MANIFEST]
  if (name === 'public-key.pem') {
    return [
      "the key that signs the ledger's checkpoints and manifest.json",
      'checked: against the fingerprint you give (compare it with the one the operator publishes)',
    ]
  }
  if (name === MANIFEST_FILE) {
    return [
      'the SHA-256 of every other file of this pack, signed by the key that signed the checkpoint',
      'checked: its signature; a file added, removed or changed anywhere in the pack fails verification',
    ]
  }
  if (name === README_FILE) return ['this file', BY_MANIFEST]
  const version = doc.versions.find((v) => v.file === name)
  if (version) {
    return [
      `the exact text of ${version.policy} version ${version.version}, named by its SHA-256 content hash`,
      'checked: it hashes to the content hash the ledger recorded for that version',
    ]
  }
  const translation = doc.translations?.find((t) => t.file === name)
  if (translation) {
    return [
      `the exact ${translation.locale} text of ${translation.policy} version ${translation.version}, named by its SHA-256 content hash`,
      'checked: it hashes to the content hash the ledger recorded for that translation',
    ]
  }
  const redline = doc.redlines.find((r) => r.file === name)
  if (redline) return [`what changed from ${redline.policy} version ${redline.from} to ${redline.to}, made from the two texts`, BY_MANIFEST]
  return [BY_MANIFEST]
}

const RANK = ['evidence.json', 'report.html', 'versions/', 'redlines/', 'public-key.pem', MANIFEST_FILE, README_FILE]
const rank = (name: string) => {
  const at = RANK.findIndex((r) => (r.endsWith('/') ? name.startsWith(r) : name === r))
  return at < 0 ? RANK.length : at
}

/**
 * The pack's README: every file in `names` (the pack's own list, this README and the manifest
 * included), each with what it is and how `ledger:verify` checks it, then how to verify.
 */
export function renderPackReadme(names: readonly string[], doc: EvidenceDocument): string {
  const sorted = [...names].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0))
  const listing = sorted.map((name) => `${name}\n${describe(name, doc).map((line) => `    ${line}\n`).join('')}`).join('')
  return `Assent evidence pack

The ${sorted.length} files of this pack, and how ledger:verify checks each:

${listing}
Verify it offline:  npx assent ledger:verify <this folder> --fingerprint <the key fingerprint the operator publishes>
(without --fingerprint or --key the key in this folder is trusted, which a forger could replace)
It checks the checkpoint's signature, that every ledger entry is in the signed Merkle tree, that
every acceptance and notice in evidence.json is what the ledger recorded, that each text file
hashes to the content hash that was accepted, that notices relied on reached the subject before
the version took effect, and that manifest.json is signed and lists exactly the files above with
their hashes: verification fails naming any file added, removed or changed.
`
}
