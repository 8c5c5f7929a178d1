import { createHash } from 'node:crypto'

import { describe, expect, it } from 'vitest'

import { leafTreeOf, ListLeaves, PackedLeaves } from '../../src/domain/leafTree'
import { rootOf } from '../../src/domain/merkle'

const leafHex = (i: number) => createHash('sha256').update(`leaf ${i}`).digest('hex')
const leaves = Array.from({ length: 70 }, (_, i) => leafHex(i))
const buffers = leaves.map((h) => Buffer.from(h, 'hex'))

describe('PackedLeaves', () => {
  it('gives the RFC 9162 root of every prefix, across full and partial batches', () => {
    const tree = leafTreeOf(leaves, 8)
    expect(tree).toBeInstanceOf(PackedLeaves)
    for (let size = 0; size <= leaves.length; size++) expect(tree.rootAt(size).toString('hex')).toBe(rootOf(buffers.slice(0, size)).toString('hex'))
  })

  it('uses the batch roots it is given', () => {
    const tree = new PackedLeaves(4)
    tree.append(Buffer.concat(buffers.slice(0, 4)), Buffer.alloc(32, 7))
    tree.append(Buffer.concat(buffers.slice(4, 6)))
    expect(tree.rootAt(6).toString('hex')).not.toBe(rootOf(buffers.slice(0, 6)).toString('hex'))
    expect(tree.rootAt(2).toString('hex')).toBe(rootOf(buffers.slice(0, 2)).toString('hex'))
  })
})

describe('leafTreeOf', () => {
  it('keeps a malformed leaf hash as the buffer it decodes to', () => {
    const tree = leafTreeOf([...leaves.slice(0, 5), 'abc'])
    expect(tree).toBeInstanceOf(ListLeaves)
    expect(tree.rootAt(6).toString('hex')).toBe(rootOf([...buffers.slice(0, 5), Buffer.from('abc', 'hex')]).toString('hex'))
  })
})
