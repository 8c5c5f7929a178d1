import { hash } from 'node:crypto'

import { rootOf } from './merkle'
import { EMPTY_ROOT, type Hash } from './merkleHash'

/** A ledger's leaf hashes, as the checkpoint checks read them: the root over any prefix, and the
 * hashes themselves for what needs them one by one (a consistency proof the bundle lacks). */
export interface LeafTree {
  readonly size: number
  /** MTH over the first `size` leaves. */
  rootAt(size: number): Hash
  /** The first `size` leaf hashes. */
  hashes(size: number): Hash[]
}

/** Leaf hashes as a list of buffers, whatever their lengths (a tampered bundle's may be short). */
export class ListLeaves implements LeafTree {
  constructor(private readonly leaves: readonly Hash[]) {}

  get size(): number {
    return this.leaves.length
  }

  rootAt(size: number): Hash {
    return rootOf(this.leaves.slice(0, size))
  }

  hashes(size: number): Hash[] {
    return this.leaves.slice(0, size)
  }
}

/**
 * The root of the perfect tree over `count` (a power of two) 32-byte leaf hashes packed in
 * `packed` from leaf `offset`: level by level in one buffer, each node hashed from a reused
 * scratch buffer (no concatenation per node) and its digest taken as a latin1 ('binary') string, which
 * node:crypto returns about twice as fast as a new Buffer.
 */
export function perfectRoot(packed: Uint8Array, offset: number, count: number): Hash {
  // Copied by `set` (one copy of memory): `Buffer.from` of a view copied it byte by byte.
  const level = Buffer.allocUnsafe(count * 32)
  level.set(packed.subarray(offset * 32, (offset + count) * 32))
  const scratch = Buffer.allocUnsafe(65)
  scratch[0] = 1
  // Node i of the next level is written over bytes that nodes 2i and 2i+1 were read from, or below.
  // The 64 and 32 bytes are moved by loops, which cost less than a call to `copy` or `write` for so
  // few (373 against 521 to 578 ns a node, hashing included).
  for (let n = count; n > 1; n /= 2) {
    for (let i = 0; i < n / 2; i++) {
      const from = i * 64
      for (let k = 0; k < 64; k++) scratch[k + 1] = level[from + k]
      const digest = hash('sha256', scratch, 'binary')
      const to = i * 32
      for (let k = 0; k < 32; k++) level[to + k] = digest.charCodeAt(k)
    }
  }
  // A root of its own: a view of `level` would keep all of it, and post all of it between threads.
  const root = Buffer.allocUnsafeSlow(32)
  level.copy(root, 0, 0, 32)
  return root
}

/**
 * Leaf hashes packed 32 bytes each, in batches of `batchSize` (a power of two) leaves, with the
 * root of each full batch (given by whoever hashed the batch, or computed on first use): the root
 * over a prefix then costs one node per batch, plus the leaves of a last partial batch.
 */
export class PackedLeaves implements LeafTree {
  private readonly batches: Buffer[] = []
  private readonly roots: Array<Hash | undefined> = []
  private count = 0

  constructor(readonly batchSize: number) {
    if (!Number.isInteger(Math.log2(batchSize))) throw new RangeError(`a batch of ${batchSize} leaves is not a power of two`)
  }

  get size(): number {
    return this.count
  }

  /** Appends the next batch (full, except the last); `root` is its perfect root when known. */
  append(batch: Buffer, root?: Hash): void {
    if (this.count % this.batchSize !== 0) throw new RangeError('only the last batch of leaves may be partial')
    this.batches.push(batch)
    this.roots.push(root)
    this.count += batch.length / 32
  }

  rootAt(size: number): Hash {
    // Any other size (a tampered checkpoint's) reads as Array.slice would, as the list does.
    if (!Number.isSafeInteger(size) || size < 0 || size > this.count) return rootOf(this.hashes(this.count).slice(0, size))
    // The perfect subtrees a tree of `size` leaves is made of, largest first, folded from the right.
    const subtrees: Hash[] = []
    let offset = 0
    for (let bit = 2 ** Math.floor(Math.log2(Math.max(size, 1))); bit >= 1; bit /= 2) {
      if (Math.floor(size / bit) % 2 === 0) continue
      subtrees.push(this.perfect(offset, bit))
      offset += bit
    }
    if (subtrees.length === 0) return EMPTY_ROOT
    let root = subtrees[subtrees.length - 1]
    const scratch = Buffer.allocUnsafe(65)
    scratch[0] = 1
    for (let i = subtrees.length - 2; i >= 0; i--) {
      subtrees[i].copy(scratch, 1)
      root.copy(scratch, 33)
      root = Buffer.from(hash('sha256', scratch, 'binary'), 'latin1')
    }
    return root
  }

  hashes(size: number): Hash[] {
    return Array.from({ length: size }, (_, i) => {
      const batch = this.batches[Math.floor(i / this.batchSize)]
      const at = (i % this.batchSize) * 32
      return batch.subarray(at, at + 32)
    })
  }

  /** The root of the perfect subtree of `size` leaves from `offset` (aligned, as in a tree). */
  private perfect(offset: number, size: number): Hash {
    const b = this.batchSize
    if (size < b) return perfectRoot(this.batches[Math.floor(offset / b)], offset % b, size)
    const first = offset / b
    const roots = Array.from({ length: size / b }, (_, i) => (this.roots[first + i] ??= perfectRoot(this.batches[first + i], 0, b)))
    return perfectRoot(Buffer.concat(roots), 0, roots.length)
  }
}

/** The leaf hashes of entries, packed when every one is 64 hex digits, as a list otherwise (the
 * buffers `Buffer.from(hex)` gives, so a malformed one hashes into the tree as before). */
export function leafTreeOf(leafHashes: readonly string[], batchSize = 4096): LeafTree {
  const packed = new PackedLeaves(batchSize)
  for (let from = 0; from < leafHashes.length; from += batchSize) {
    const slice = leafHashes.slice(from, from + batchSize)
    const batch = Buffer.allocUnsafe(slice.length * 32)
    for (let i = 0; i < slice.length; i++) {
      const hex = slice[i]
      if (typeof hex !== 'string' || hex.length !== 64 || batch.write(hex, i * 32, 32, 'hex') !== 32) return new ListLeaves(leafHashes.map((h) => Buffer.from(h, 'hex')))
    }
    packed.append(batch)
  }
  return packed
}
