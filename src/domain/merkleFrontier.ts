import { nodeHash, type Hash } from './merkleHash'

/**
 * The right edge of an RFC 9162 Merkle tree: the roots of the perfect subtrees its leaves make,
 * largest (leftmost) first, one per bit set in its size. It is all an append needs: a tree of n
 * leaves extended by k more costs k leaf pushes and about k node hashes, whatever n is.
 */
export class MerkleFrontier {
  private count: number

  private constructor(private readonly nodes: Array<{ hash: Hash; size: number }>) {
    this.count = nodes.reduce((sum, node) => sum + node.size, 0)
  }

  /** The frontier of the empty tree. */
  static empty(): MerkleFrontier {
    return new MerkleFrontier([])
  }

  /** The frontier of a tree of `size` leaves, from the subtree roots `roots` (as `roots()` gave
   * them); throws when their number does not match the size. */
  static of(size: number, roots: readonly Hash[]): MerkleFrontier {
    const sizes: number[] = []
    for (let bit = 2 ** Math.floor(Math.log2(Math.max(size, 1))); bit >= 1; bit /= 2) if (Math.floor(size / bit) % 2 === 1) sizes.push(bit)
    if (!Number.isSafeInteger(size) || size < 0 || sizes.length !== roots.length || roots.some((r) => r.length !== 32)) {
      throw new RangeError(`${roots.length} subtree roots do not make a tree of ${size} leaves`)
    }
    return new MerkleFrontier(roots.map((hash, i) => ({ hash, size: sizes[i] })))
  }

  /** How many leaves the tree has. */
  get size(): number {
    return this.count
  }

  /** Appends a leaf hash: equal subtrees to its left are merged into one, as the tree grows.
   * `merged` is told of each perfect subtree a merge completes (2 leaves or more), with the leaf
   * index it starts at. */
  push(leaf: Hash, merged?: (hash: Hash, size: number, start: number) => void): void {
    let node = { hash: leaf, size: 1 }
    while (this.nodes.length > 0 && this.nodes[this.nodes.length - 1].size === node.size) {
      const left = this.nodes.pop()!
      node = { hash: nodeHash(left.hash, node.hash), size: left.size * 2 }
      merged?.(node.hash, node.size, this.count + 1 - node.size)
    }
    this.nodes.push(node)
    this.count++
  }

  /** The subtree roots, largest first. */
  roots(): Hash[] {
    return this.nodes.map((node) => node.hash)
  }

  /** MTH of the tree: the subtree roots folded from the right; undefined for the empty tree. */
  root(): Hash | undefined {
    if (this.nodes.length === 0) return undefined
    let root = this.nodes[this.nodes.length - 1].hash
    for (let i = this.nodes.length - 2; i >= 0; i--) root = nodeHash(this.nodes[i].hash, root)
    return root
  }
}
