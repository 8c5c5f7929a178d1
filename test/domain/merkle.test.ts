import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { consistencyProof, EMPTY_ROOT, inclusionProof, leafHash, rootOf, verifyConsistency, verifyInclusion, type Hash } from '../../src/domain/merkle'

// Known vectors of RFC 6962 trees, as used by transparency-dev/merkle and Certificate Transparency.
const h = (hex: string) => Buffer.from(hex, 'hex')
const leaves = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map((x) => leafHash(h(x)))
const roots = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
].map(h)
const inclusionVectors: [number, number, string[]][] = [
  [0, 8, ['96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7', '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4']],
  [5, 8, ['bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b', 'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0', 'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7']],
  [2, 3, ['fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125']],
  [1, 5, ['6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d', '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', 'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b']],
]
const consistencyVectors: [number, number, string[]][] = [
  [1, 8, ['96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7', '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4']],
  [6, 8, ['0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a', 'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0', 'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7']],
  [2, 5, ['5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', 'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b']],
  [6, 7, ['0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a', 'b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f', 'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7']],
]
const flip = (proof: Hash[], i: number, bit: number) => proof.map((p, j) => (j === i ? Buffer.from(p.map((b, k) => (k === 0 ? b ^ bit : b))) : p))

describe('RFC 6962 Merkle tree', () => {
  it('has the known roots for trees of 0 to 8 leaves', () => {
    expect(rootOf([]).toString('hex')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')
    expect(EMPTY_ROOT.equals(rootOf([]))).toBe(true)
    for (let n = 1; n <= 8; n++) expect(rootOf(leaves.slice(0, n)).toString('hex')).toBe(roots[n - 1].toString('hex'))
  })

  it.each(inclusionVectors)('builds and verifies the known inclusion proof of leaf %i in a tree of %i', (index, size, expected) => {
    const proof = inclusionProof(index, leaves.slice(0, size))
    expect(proof.map((p) => p.toString('hex'))).toEqual(expected)
    expect(verifyInclusion(index, size, leaves[index], proof, roots[size - 1])).toBe(true)
  })

  it.each(consistencyVectors)('builds and verifies the known consistency proof from %i to %i', (size1, size2, expected) => {
    const proof = consistencyProof(size1, leaves.slice(0, size2))
    expect(proof.map((p) => p.toString('hex'))).toEqual(expected)
    expect(verifyConsistency(size1, size2, proof, roots[size1 - 1], roots[size2 - 1])).toBe(true)
  })

  it('rejects corrupted inclusion proofs: wrong index, size, leaf, root, extra or missing nodes, any flipped bit', () => {
    for (const [index, size] of inclusionVectors) {
      const proof = inclusionProof(index, leaves.slice(0, size))
      const root = roots[size - 1]
      const leaf = leaves[index]
      const bad: [number, number, Hash, Hash[], Hash][] = [
        [index + 1, size, leaf, proof, root], [index ^ 2, size, leaf, proof, root], [index, size * 2, leaf, proof, root],
        [index, size, leafHash(Buffer.from('wrong')), proof, root], [index, size, leaf, proof, EMPTY_ROOT],
        [index, size, leaf, [...proof, root], root], [index, size, leaf, [root, ...proof], root], [index, size, leaf, proof.slice(0, -1), root],
        ...proof.map((_, i): [number, number, Hash, Hash[], Hash] => [index, size, leaf, flip(proof, i, 8), root]),
      ]
      for (const args of bad) expect(verifyInclusion(...args)).toBe(false)
    }
  })

  it('rejects corrupted consistency proofs, swapped roots and a tree that shrinks', () => {
    for (const [size1, size2] of consistencyVectors) {
      const proof = consistencyProof(size1, leaves.slice(0, size2))
      const [r1, r2] = [roots[size1 - 1], roots[size2 - 1]]
      const bad: [number, number, Hash[], Hash, Hash][] = [
        [size1 + 1, size2, proof, r1, r2], [size1, size2 * 2, proof, r1, r2], [size1, size2, proof, r2, r1],
        [size1, size2, [], r1, r2], [size1, size2, [...proof, r1], r1, r2], [size1, size2, [r2, ...proof], r1, r2], [size1, size2, proof.slice(0, -1), r1, r2],
        [size2, size1, proof, r2, r1],
        ...proof.map((_, i): [number, number, Hash[], Hash, Hash] => [size1, size2, flip(proof, i, 16), r1, r2]),
      ]
      for (const args of bad) expect(verifyConsistency(...args)).toBe(false)
    }
  })

  it('proves inclusion of every leaf and consistency of every prefix, for any tree size', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 70 }), fc.nat(), fc.nat(), (size, a, b) => {
        const tree = Array.from({ length: size }, (_, i) => leafHash(Buffer.from(`entry ${i}`)))
        const root = rootOf(tree)
        const index = a % size
        expect(verifyInclusion(index, size, tree[index], inclusionProof(index, tree), root)).toBe(true)
        const size1 = (b % size) + 1
        expect(verifyConsistency(size1, size, consistencyProof(size1, tree), rootOf(tree.slice(0, size1)), root)).toBe(true)
      }),
      { numRuns: 400 },
    )
  })
})
