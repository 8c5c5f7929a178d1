import { hash } from 'node:crypto'

/** SHA-256 hashes of the RFC 6962 / RFC 9162 §2.1 Merkle tree: leaf hashes are
 * SHA-256(0x00 ‖ data), interior nodes SHA-256(0x01 ‖ left ‖ right). */
export type Hash = Buffer

const LEAF = Buffer.from([0])
const NODE = Buffer.from([1])

// One-shot hashing: for inputs this small, building a Hash object costs more than hashing.
export const leafHash = (data: Uint8Array): Hash => hash('sha256', Buffer.concat([LEAF, data]), 'buffer')
export const nodeHash = (left: Hash, right: Hash): Hash => hash('sha256', Buffer.concat([NODE, left, right], 1 + left.length + right.length), 'buffer')
export const EMPTY_ROOT: Hash = hash('sha256', Buffer.alloc(0), 'buffer')
