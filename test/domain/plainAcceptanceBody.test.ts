import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { entryLeafHash, ledgerBody } from '../../src/domain/ledgerBody'
import { LedgerEntryScan, publicationProblems } from '../../src/domain/ledgerEntryScan'
import { acceptanceLedgerRecord } from '../../src/domain/ledgerRecords'
import { plainAcceptanceBody } from '../../src/domain/plainAcceptanceBody'

const HASH = 'b1a81df9dc9d4d63907c0663f771664e6e6913f8ea02c3b62a8bdc54a36d51da'

/** What the entry checks read of a body, as `JSON.parse` gives it. */
function parsedFacts(body: string): unknown {
  const parsed = JSON.parse(body) as { kind?: unknown; seq?: unknown; record?: { contentHash?: unknown; version?: unknown; versionNumber?: unknown } }
  return { kind: parsed.kind, seq: parsed.seq, record: { contentHash: parsed.record?.contentHash, version: parsed.record?.version, versionNumber: parsed.record?.versionNumber } }
}

/** An acceptance body as the ledger writes it. */
function acceptanceBody(seq: number, fields: Partial<Parameters<typeof acceptanceLedgerRecord>[0]> = {}): string {
  const record = acceptanceLedgerRecord({
    id: 920, subject: 920, policy: 1, version: 1, versionNumber: 1, contentHash: HASH, method: 'clickwrap', source: 'api', acceptedAt: '2024-01-01T00:15:19.000Z', ...fields,
  })
  return ledgerBody(seq, 'acceptance', '2024-01-01T00:15:19.000Z', record)
}

/** Whether the template reads `body`; when it does, what it reads must be what parsing reads. */
function expectParseEquivalent(body: string): boolean {
  const plain = plainAcceptanceBody(body)
  if (plain === undefined) return false
  expect(plain).toStrictEqual(parsedFacts(body))
  return true
}

const id = fc.oneof(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), fc.string({ maxLength: 30 }), fc.stringMatching(/^[0-9a-f]{24}$/))

describe('plainAcceptanceBody', () => {
  it('reads what parsing reads from the acceptance bodies the ledger writes, numeric or text ids, with notices and covered versions', () => {
    expect(expectParseEquivalent(acceptanceBody(1000))).toBe(true)
    expect(plainAcceptanceBody(acceptanceBody(7, { version: '65f0c0ffee0000000000abcd', versionNumber: 12 }))).toStrictEqual({ kind: 'acceptance', seq: 7, record: { contentHash: HASH, version: '65f0c0ffee0000000000abcd', versionNumber: 12 } })
    expect(expectParseEquivalent(acceptanceBody(8, { notices: [{ id: 3 }, { id: 'a1' }], covers: [4, 5] }))).toBe(true)
    expect(expectParseEquivalent(acceptanceBody(9, { ip: '10.0.0.1', userAgent: 'Mozilla/5.0 "quoted" \\ é', locale: 'fr' }))).toBe(true)
  })

  it('gives, for any acceptance record, what parsing gives, or nothing; and reads every plain one', () => {
    fc.assert(
      fc.property(
        fc.record({ seq: fc.integer({ min: 1, max: 2 ** 40 }), id, subject: id, policy: id, version: id, versionNumber: fc.integer({ min: 0, max: 10 ** 6 }), method: fc.string(), source: fc.string(), contentHash: fc.string(), notices: fc.array(id, { maxLength: 3 }), covers: fc.array(fc.integer({ min: 0, max: 10 ** 6 }), { maxLength: 3 }) }),
        (r) => {
          const body = acceptanceBody(r.seq, { ...r, notices: r.notices.map((n) => ({ id: n })) })
          const read = expectParseEquivalent(body)
          // Ids and texts without a quote, a backslash or a control character are always read.
          const plainTexts = [r.id, r.subject, r.policy, r.version, ...r.notices, r.method, r.source, r.contentHash].every((v) => typeof v === 'number' || !/["\\\u0000-\u001f]/.test(v))
          if (plainTexts) expect(read).toBe(true)
        },
      ),
      { numRuns: 2000 },
    )
  })

  it('reads a body with any one character changed, removed or doubled as parsing does, or refuses it', () => {
    const body = acceptanceBody(1000, { notices: [{ id: 3 }], covers: [4] })
    const replacements = ['"', '\\', ',', ':', '{', '}', '[', ']', ' ', '0', '1', '9', '-', '.', 'e', 'E', '+', 'a', 'n', '\u0000', '\n', 'é']
    let read = 0
    let refused = 0
    const tryBody = (edited: string) => {
      let parses = true
      try {
        JSON.parse(edited)
      } catch {
        parses = false
      }
      if (!parses) return void expect(plainAcceptanceBody(edited), edited).toBeUndefined()
      if (expectParseEquivalent(edited)) read++
      else refused++
    }
    for (let at = 0; at < body.length; at++) {
      for (const c of replacements) tryBody(body.slice(0, at) + c + body.slice(at + 1))
      tryBody(body.slice(0, at) + body.slice(at + 1))
      tryBody(body.slice(0, at + 1) + body.slice(at))
    }
    // Both sides are exercised: edits inside texts and numbers are read, edits of the shape refused.
    expect(read).toBeGreaterThan(1000)
    expect(refused).toBeGreaterThan(100)
  })

  it('refuses a body naming a key twice, whose last value parsing would keep, and one with whitespace, another kind or format version, or a number of more than 20 digits', () => {
    const body = acceptanceBody(5)
    const twice = body.replace('"versionNumber":1}', '"versionNumber":1,"version":2}')
    expect(JSON.parse(twice).record.version).toBe(2)
    expect(plainAcceptanceBody(twice)).toBeUndefined()
    expect(plainAcceptanceBody(body.replace('"seq":5,', '"seq":5,"seq":6,'))).toBeUndefined()
    expect(plainAcceptanceBody(body.replace('"seq":5', '"seq": 5'))).toBeUndefined()
    expect(plainAcceptanceBody(body.replace('"kind":"acceptance"', '"kind":"notice"'))).toBeUndefined()
    expect(plainAcceptanceBody(body.replace('"v":1', '"v":2'))).toBeUndefined()
    expect(plainAcceptanceBody(body.replace('"seq":5', '"seq":123456789012345678901'))).toBeUndefined()
    expect(plainAcceptanceBody(body.replace('"seq":5', '"seq":12345678901234567890'))?.seq).toBe(JSON.parse(body.replace('"seq":5', '"seq":12345678901234567890')).seq)
    expect(plainAcceptanceBody(body.replace('"seq":5', '"seq":5.0'))).toBeUndefined()
    expect(plainAcceptanceBody(body.replace('"seq":5', '"seq":05'))).toBeUndefined()
    expect(plainAcceptanceBody(body.replace('"versionNumber":1', '"versionNumber":"1"'))).toBeUndefined()
    expect(plainAcceptanceBody(body.replace('"seq":5', '"seq":"5"'))).toBeUndefined()
    expect(plainAcceptanceBody(body.replace(`"contentHash":"${HASH}"`, '"contentHash":1'))).toBeUndefined()
    expect(plainAcceptanceBody(`${body}\n`)).toBeUndefined()
    expect(plainAcceptanceBody(`${body}{}`)).toBeUndefined()
  })

  it('gives a scan of acceptances read through it the problems and groups of the same acceptances parsed', () => {
    const other = 'c'.repeat(64)
    const bodies = [
      acceptanceBody(1),
      acceptanceBody(2, { versionNumber: 2 }),
      acceptanceBody(3, { contentHash: other }),
      acceptanceBody(4, { version: 'v-2', versionNumber: 1 }),
      acceptanceBody(5).replace('"seq":5', '"seq":6'),
      acceptanceBody(6),
    ]
    // The same entries with a space after the first colon: no longer the ledger's shape, so parsed.
    const spaced = bodies.map((body) => body.replace('"kind":', '"kind": '))
    const publication = ledgerBody(7, 'publication', '2024-01-01T00:00:00.000Z', { publication: 1, version: 1, contentHash: HASH })
    const scanOf = (list: string[]) => {
      const scan = new LedgerEntryScan(new Map([[HASH, true]]))
      ;[...list, publication].forEach((body, i) => scan.add({ seq: i + 1, body, leafHash: entryLeafHash(body) }, i + 1))
      return scan.result()
    }
    expect(bodies.every((body, i) => i === 4 || plainAcceptanceBody(body) !== undefined)).toBe(true)
    expect(spaced.every((body) => plainAcceptanceBody(body) === undefined)).toBe(true)
    const read = scanOf(bodies)
    expect(read).toStrictEqual(scanOf(spaced))
    expect(read.problems).toEqual([`entry 3: the accepted text ${other.slice(0, 12)}… is not in the bundle`, 'entry 5: body says it is entry 6'])
    expect(publicationProblems(read, new Map([[HASH, true]]))).toEqual([
      'entry 2: the acceptance differs from the publication of its version (entry 7) in: versionNumber',
      'entry 3: the acceptance differs from the publication of its version (entry 7) in: contentHash',
    ])
  })
})
