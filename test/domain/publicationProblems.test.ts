import { describe, expect, it } from 'vitest'

import { contentHash } from '../../src/domain/contentHash'
import { entryLeafHash } from '../../src/domain/ledgerBody'
import { LedgerEntryScan, publicationProblems, versionTextStatus } from '../../src/domain/ledgerEntryScan'

const text = '# Terms\n\nThe text.\n'
const hash = contentHash(text)
const entry = (seq: number, kind: string, record: Record<string, unknown>) => {
  const body = JSON.stringify({ v: 1, seq, kind, recordedAt: '2026-12-01T00:00:00.000Z', record })
  return { seq, body, leafHash: entryLeafHash(body) }
}

/** The publication checks over entries scanned in order. */
function checkBundlePublications(entries: ReturnType<typeof entry>[], versionTexts: Map<string, string>): string[] {
  const textStatus = versionTextStatus(versionTexts)
  const scan = new LedgerEntryScan(textStatus)
  entries.forEach((e, i) => scan.add(e, i + 1))
  return publicationProblems(scan.result(), textStatus)
}
const publication = entry(1, 'publication', { publication: 7, policy: 1, version: 2, contentHash: hash, changeClass: 'material' })

describe('publicationProblems', () => {
  it('accepts a bundle whose publications and acceptances agree and whose texts are there', () => {
    expect(checkBundlePublications([publication, entry(2, 'acceptance', { version: 7, versionNumber: 2, contentHash: hash })], new Map([[hash, text]]))).toEqual([])
  })

  it('names a published text missing from the bundle or edited in it', () => {
    expect(checkBundlePublications([publication], new Map())).toEqual([`entry 1: the published text ${hash.slice(0, 12)}… is not in the bundle`])
    expect(checkBundlePublications([publication], new Map([[hash, `${text}More.`]]))).toEqual([`entry 1: the version text in the bundle does not hash to ${hash.slice(0, 12)}…`])
  })

  it('names an acceptance whose number or text hash is not what its version was published with', () => {
    expect(checkBundlePublications([publication, entry(2, 'acceptance', { version: 7, versionNumber: 3, contentHash: 'f'.repeat(64) })], new Map([[hash, text]])))
      .toEqual(['entry 2: the acceptance differs from the publication of its version (entry 1) in: versionNumber, contentHash'])
  })

  it('groups acceptances by the text of their version, number and hash, whether they follow one another or not', () => {
    const scan = new LedgerEntryScan(versionTextStatus(new Map([[hash, text]])))
    const records = [
      { version: 7, versionNumber: 2, contentHash: hash },
      { version: '7', versionNumber: 2, contentHash: hash },
      { version: 8, versionNumber: 1, contentHash: hash },
      { version: 7, versionNumber: '2', contentHash: hash },
      { version: 7, versionNumber: '2', contentHash: { hash } },
      { version: 7, versionNumber: '2', contentHash: { hash } },
      { version: {}, versionNumber: 2, contentHash: hash },
      { version: {}, versionNumber: 2, contentHash: hash },
    ]
    records.forEach((record, i) => scan.add(entry(i + 1, 'acceptance', record), i + 1))
    expect(scan.result().acceptances.map((g) => [g.version, g.versionNumber, g.contentHash === null ? null : 'text', g.seqs])).toEqual([
      ['7', '2', 'text', [1, 2, 4]],
      ['8', '1', 'text', [3]],
      ['7', '2', null, [5]],
      ['7', '2', null, [6]],
      ['[object Object]', '2', 'text', [7, 8]],
    ])
  })
})
