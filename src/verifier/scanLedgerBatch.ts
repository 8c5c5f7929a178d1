import { hash } from 'node:crypto'

import { perfectRoot } from '../domain/leafTree'
import { LedgerEntryScan, type EntryScanSummary, type ScannedEntry } from '../domain/ledgerEntryScan'
import { plainEntryLine } from './plainEntryLine'

/** A batch of `entries.jsonl` lines scanned: what the entry checks found, the leaf hashes the lines
 * give (32 bytes each, in order) and, for a full batch, the root of the perfect tree over them. */
export interface ScannedBatch {
  summary: EntryScanSummary
  leaves: Uint8Array
  root?: Uint8Array
}

/** Why a batch cannot be scanned as consecutive lines: the file needs reading whole, as it was
 * before (sorted, every oddity reported or thrown the way the in-memory verifier does). */
export interface UnusualBatch {
  unusual: string
}

/** The lines in `buf`: its newlines, and one more when the last line has none. */
function lineCount(buf: Buffer): number {
  let count = 0
  let at = -1
  while ((at = buf.indexOf(10, at + 1)) !== -1) count++
  return buf.length > 0 && buf[buf.length - 1] !== 10 ? count + 1 : count
}

/** Whether the 32 bytes of `bytes` from `at` are those of `digest` (one character a byte). */
function sameBytes(digest: string, bytes: Uint8Array, at: number): boolean {
  for (let i = 0; i < 32; i++) if (digest.charCodeAt(i) !== bytes[at + i]) return false
  return true
}

/** A leaf hash's input: a 0x00 byte, then the body of the line being read. Kept from batch to
 * batch with a view of each length it was hashed at, since making a view costs about as much as
 * hashing a body. */
let kept: { bytes: Buffer; first: (length: number) => Uint8Array } | undefined
function leafInput(least: number): NonNullable<typeof kept> {
  if (kept && kept.bytes.length >= least) return kept
  const bytes = Buffer.alloc(least)
  const views: Uint8Array[] = []
  kept = { bytes, first: (length) => (views[length] ??= new Uint8Array(bytes.buffer, bytes.byteOffset, length)) }
  return kept
}

/**
 * Scans the lines `bytes` holds (UTF-8, `\n`-separated), the first of them entry `first` of the
 * ledger, when they are the plain case: one JSON entry per line, numbered in order, each leaf
 * hash 64 hex digits. Anything else (a blank line, a carriage return, a line that is not JSON, an
 * entry out of place, a malformed leaf hash) is reported as unusual, not judged here.
 * `fullBatch` is the number of lines of a full batch (a power of two), whose root is computed.
 */
export function scanLedgerBatch(bytes: Uint8Array, first: number, fullBatch: number, textStatus: ReadonlyMap<string, boolean>): ScannedBatch | UnusualBatch {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (buf.indexOf(13) !== -1) return { unusual: 'a carriage return' }
  const count = lineCount(buf)
  // Its own memory (never the shared pool), to be moved to the thread that asked.
  const leaves = Buffer.alloc(count * 32)
  const scan = new LedgerEntryScan(textStatus)
  const input = leafInput(buf.length + 1)
  for (let i = 0, from = 0; i < count; i++) {
    const position = first + i
    const found = buf.indexOf(10, from)
    const end = found === -1 ? buf.length : found
    const start = from
    from = end + 1
    const length = plainEntryLine(buf, start, end, position, input.bytes, leaves, i * 32)
    if (length !== -1) {
      // SHA-256(0x00 ‖ body), from the bytes the body was read into.
      const digest = hash('sha256', input.first(length + 1), 'binary')
      scan.addChecked({ seq: position, body: input.bytes.toString('latin1', 1, length + 1) }, position, sameBytes(digest, leaves, i * 32))
      continue
    }
    // Line by line: V8 makes many short strings several times faster than one of megabytes.
    const line = buf.toString('utf8', start, end)
    let entry: ScannedEntry | null
    try {
      entry = JSON.parse(line) as ScannedEntry | null
    } catch {
      return { unusual: `line ${position} is not JSON` }
    }
    if (entry?.seq !== position) return { unusual: `line ${position} is not entry ${position}` }
    const hex = entry.leafHash
    if (typeof hex !== 'string' || hex.length !== 64 || leaves.write(hex, i * 32, 32, 'hex') !== 32) return { unusual: `entry ${position} has a malformed leaf hash` }
    scan.add(entry, position)
  }
  const root = count === fullBatch ? perfectRoot(leaves, 0, fullBatch) : undefined
  return { summary: scan.result(), leaves, root }
}
