import type { Payload } from 'payload'

import { prefixProblem } from '../../domain/checkpointChecks'
import { signCheckpoint, type Checkpoint } from '../../domain/checkpointSignature'
import { entryLeafHash } from '../../domain/ledgerBody'
import { ledgerKeyFingerprint } from '../../domain/ledgerKeyFingerprint'
import { EMPTY_ROOT } from '../../domain/merkle'
import { MerkleFrontier } from '../../domain/merkleFrontier'
import { AssentError } from '../../errors/AssentError'
import { ledgerEntries } from './ledgerLeaves'
import { keptRootsCollector } from './ledgerProver'
import { ledgerSigningKey } from './ledgerSigningKey'
import { checkpointOfSize, lastCheckpoint } from './storedCheckpoints'
import { ledgerTreeStore, type SubtreeRoot } from '../../store/ledgerTree'
import { publishedHeadPath, readHeadFrontier, readPublishedHead, writePublishedHead, type HeadFrontier } from './publishedHead'

/** The ledger's tree as far as it was read, and what reading it learnt. */
interface Tree {
  frontier: MerkleFrontier
  lastLeafHash: string
  /** The key the last key-rotation entry read names, if any. */
  keyInForce?: string
  /** The root of the first n entries, for each size n asked for that the ledger reached. */
  rootsAt: Map<number, Buffer>
  /** The subtree roots worth keeping that the entries read completed. */
  completed: SubtreeRoot[]
}

/**
 * Grows `tree` by every entry after it, each checked: numbered in turn, its leaf hash its body's.
 * The roots at the sizes in `watch` are kept, for checks against checkpoints seen before.
 */
async function grow(payload: Payload, tree: Tree, watch: ReadonlySet<number>): Promise<Tree> {
  const keep = keptRootsCollector(tree.completed)
  for await (const entry of ledgerEntries(payload, tree.frontier.size)) {
    const expected = tree.frontier.size + 1
    if (entry.seq !== expected) throw new AssentError('ledger_tampered', `Ledger entry ${expected} is missing (found ${entry.seq}).`)
    if (entryLeafHash(entry.body) !== entry.leafHash) throw new AssentError('ledger_tampered', `Ledger entry ${entry.seq} does not match its leaf hash.`)
    if (entry.body.includes('"kind":"key-rotation"')) tree.keyInForce = (JSON.parse(entry.body) as { record: { to: string } }).record.to
    tree.frontier.push(Buffer.from(entry.leafHash, 'hex'), keep)
    tree.lastLeafHash = entry.leafHash
    if (watch.has(expected)) tree.rootsAt.set(expected, tree.frontier.root()!)
  }
  return tree
}

/**
 * Where the last checkpoint this server published stopped, when the next one may start there: it
 * is still the last stored checkpoint, its kept frontier makes its signed root, and its last entry
 * is still in the ledger as it was signed. Otherwise undefined, and the whole ledger is read.
 */
async function resumePoint(payload: Payload, head: Checkpoint | undefined, kept: HeadFrontier | undefined, previous: Checkpoint | undefined): Promise<Tree | undefined> {
  if (!head || !kept || !previous || previous.treeSize !== head.treeSize || previous.rootHash !== head.rootHash) return undefined
  let frontier: MerkleFrontier
  try {
    frontier = MerkleFrontier.of(head.treeSize, kept.roots.map((r) => Buffer.from(r, 'hex')))
  } catch {
    return undefined
  }
  if (frontier.root()?.toString('hex') !== head.rootHash) return undefined
  const { docs } = await payload.find({ collection: 'ledger-entries', where: { seq: { equals: head.treeSize } }, limit: 1, pagination: false, depth: 0, select: { body: true, leafHash: true } })
  const last = docs[0]
  if (!last || last.leafHash !== kept.lastLeafHash || entryLeafHash(last.body) !== kept.lastLeafHash) return undefined
  return { frontier, lastLeafHash: kept.lastLeafHash, keyInForce: kept.keyInForce, rootsAt: new Map(), completed: [] }
}

/**
 * Signs a checkpoint over the ledger. It starts where the last checkpoint this server published
 * stopped (its Merkle frontier, kept with that head in the data folder) and reads only the entries
 * added since, each checked, so its cost follows what was appended, not the ledger's length; the
 * new root is computed from the signed frontier, so an entry edited after it was signed can never
 * be signed over (ledger:verify names it). When it cannot start there (the first checkpoint, a head
 * kept without a frontier, or stored checkpoints that differ from the head) it reads every entry,
 * checks the tree still extends the last stored checkpoint and the last published head (so deleting
 * every checkpoint does not let a rewritten history be signed), and refuses a ledger that was
 * tampered with or shrank. Stores the signed checkpoint and records it as the published head;
 * returns the last checkpoint when nothing was appended since.
 */
export async function createCheckpoint(payload: Payload, now = new Date()): Promise<{ checkpoint: Checkpoint; created: boolean }> {
  const head = readPublishedHead()
  const previous = await lastCheckpoint(payload)
  const resumed = await resumePoint(payload, head, readHeadFrontier(), previous)
  const tree = await grow(payload, resumed ?? { frontier: MerkleFrontier.empty(), lastLeafHash: '', rootsAt: new Map(), completed: [] }, new Set(resumed ? [] : [head?.treeSize ?? 0, previous?.treeSize ?? 0]))
  const size = tree.frontier.size
  const rootAt = (n: number) => (n === 0 ? EMPTY_ROOT : tree.rootsAt.get(n))
  if (!resumed && head) {
    const rewritten = prefixProblem(head, size, rootAt(head.treeSize), 'the last checkpoint this server published')
    if (rewritten) throw new AssentError('ledger_tampered', `Refusing to sign: ${rewritten}. (Only if this database was replaced on purpose, as by a fresh install, move ${publishedHeadPath()} aside.)`)
  }
  if (!resumed && previous) {
    if (size < previous.treeSize) throw new AssentError('ledger_tampered', `The ledger has ${size} entries but checkpoint ${previous.treeSize} was signed: entries were removed.`)
    if (rootAt(previous.treeSize)?.toString('hex') !== previous.rootHash) {
      throw new AssentError('ledger_tampered', `The first ${previous.treeSize} entries no longer match their signed checkpoint.`)
    }
  }
  // Kept only once the entries read passed the checks above (kept roots are never trusted alone).
  await ledgerTreeStore(payload).keepSubtreeRoots(tree.completed)
  const frontier: HeadFrontier = { roots: tree.frontier.roots().map((r) => r.toString('hex')), lastLeafHash: tree.lastLeafHash, ...(tree.keyInForce ? { keyInForce: tree.keyInForce } : {}) }
  if (previous && size === previous.treeSize) {
    writePublishedHead(previous, frontier)
    return { checkpoint: previous, created: false }
  }
  const key = ledgerSigningKey()
  if (tree.keyInForce && tree.keyInForce !== ledgerKeyFingerprint(key.publicKey)) {
    throw new AssentError('ledger_tampered', `Refusing to sign with key ${ledgerKeyFingerprint(key.publicKey)}: the ledger rotated to key ${tree.keyInForce}; install that key (LEDGER_SIGNING_KEY) and restart.`)
  }
  const checkpoint = signCheckpoint({ treeSize: size, rootHash: (tree.frontier.root() ?? EMPTY_ROOT).toString('hex'), signedAt: now.toISOString() }, key.privateKey)
  try {
    await payload.create({ collection: 'ledger-checkpoints', data: checkpoint })
  } catch (error) {
    // Another writer (the periodic checkpoint, an evidence pack, another server) signed this size
    // first: its checkpoint stands if it signed the same root.
    const stored = await checkpointOfSize(payload, size)
    if (!stored) throw error
    if (stored.rootHash !== checkpoint.rootHash) throw new AssentError('ledger_tampered', `Checkpoint ${size} was signed over root ${stored.rootHash}, but the entries make ${checkpoint.rootHash}.`)
    return { checkpoint: stored, created: false }
  }
  writePublishedHead(checkpoint, frontier)
  return { checkpoint, created: true }
}
