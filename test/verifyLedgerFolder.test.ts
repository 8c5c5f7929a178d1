import { generateKeyPairSync } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import fc from 'fast-check'
import { afterAll, describe, expect, it, vi } from 'vitest'

import { signCheckpoint } from '../src/domain/checkpointSignature'
import { contentHash } from '../src/domain/contentHash'
import { entryLeafHash, ledgerBody } from '../src/domain/ledgerBody'
import { acceptanceLedgerRecord } from '../src/domain/ledgerRecords'
import { consistencyProof, rootOf } from '../src/domain/merkle'
import { verifyLedgerBundle, type BundleEntry } from '../src/domain/verifyLedgerBundle'
import { bundleFiles, readLedgerBundle, writeBundleParts } from '../src/verifier/ledgerBundleFiles'
import { verifyLedgerFolder, type FolderVerifyOptions } from '../src/verifier/verifyLedgerFolder'

const { privateKey, publicKey } = generateKeyPairSync('ed25519')
const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }) as string
const text = '# Terms\n\nBe kind.\n'
const SIZE = 1000
/** Batches of 64 entries on two threads: the ledger is many times one thread's share. */
const threaded = (onWholeRead: (reason: string) => void = (reason) => expect.fail(`read whole: ${reason}`)): FolderVerifyOptions => ({ threads: 2, batchSize: 64, scanWhileStarting: false, onWholeRead })

/** An acceptance of the publication as the ledger writes it (read without parsing its body). */
const acceptanceRecord = (seq: number) =>
  acceptanceLedgerRecord({ id: seq, subject: seq, policy: 1, version: 1, versionNumber: 1, contentHash: contentHash(text), method: 'clickwrap', source: 'login-banner', acceptedAt: '2026-12-02T00:00:00.000Z', ip: '10.0.0.1', userAgent: 'Mozilla/5.0', locale: 'en', notices: [{ id: seq - 1 }], covers: [1] })

/** A publication, then acceptances of it (every third as the ledger writes one) and notices,
 * checkpoints at 300 and at the end. */
function honestEntries(size = SIZE): BundleEntry[] {
  return Array.from({ length: size }, (_, i) => {
    const seq = i + 1
    const [kind, record] = seq === 1
      ? (['publication', { publication: 1, policy: 1, version: 1, contentHash: contentHash(text), changeClass: 'material' }] as const)
      : seq % 2
        ? (['acceptance', seq % 3 ? acceptanceRecord(seq) : { acceptance: seq, version: 1, versionNumber: 1, contentHash: contentHash(text), method: 'clickwrap' }] as const)
        : (['notice', { notice: seq, status: 'displayed' }] as const)
    const body = ledgerBody(seq, kind, '2026-12-02T00:00:00.000Z', record)
    return { seq, body, leafHash: entryLeafHash(body) }
  })
}

const folders: string[] = []
afterAll(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })))

/** Writes a bundle folder with `entries` as its lines, checkpoints signed over the honest ledger. */
async function bundleFolder(lines: string[], honest = honestEntries()): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'assent-verify-folder-'))
  folders.push(dir)
  const leaves = honest.map((e) => Buffer.from(e.leafHash, 'hex'))
  const checkpoints = [300, honest.length].map((n) => signCheckpoint({ treeSize: n, rootHash: rootOf(leaves.slice(0, n)).toString('hex'), signedAt: '2026-12-02T01:00:00.000Z' }, privateKey))
  const proofs = [{ from: 300, to: honest.length, proof: consistencyProof(300, leaves).map((h) => h.toString('hex')) }]
  await writeBundleParts(dir, checkpoints, proofs, publicKeyPem, new Map([[contentHash(text), text]]))
  writeFileSync(path.join(dir, bundleFiles.entries), lines.map((line) => `${line}\n`).join(''))
  return dir
}

const linesOf = (entries: BundleEntry[]) => entries.map((e) => JSON.stringify(e))
const inMemory = async (dir: string) => verifyLedgerBundle(await readLedgerBundle(dir))
const rehashed = (e: BundleEntry, body: string): BundleEntry => ({ ...e, body, leafHash: entryLeafHash(body) })

/** For lines of `lines` picked by `line`, each with one character at random replaced by one of
 * `edits` (or removed): the folder's verdict, or error, is the in-memory verifier's. */
async function expectEditsVerifiedAlike(lines: string[], line: fc.Arbitrary<number>, edits: string[], numRuns: number): Promise<void> {
  const outcome = (verdict: Promise<unknown>) => verdict.then((v) => ({ v }), (error: Error) => ({ error: error.message }))
  await fc.assert(fc.asyncProperty(line, fc.nat(), fc.constantFrom(...edits), async (i, at, char) => {
    const changed = [...lines]
    const position = at % changed[i].length
    changed[i] = changed[i].slice(0, position) + char + changed[i].slice(position + 1)
    const dir = await bundleFolder(changed)
    expect(await outcome(verifyLedgerFolder(dir, { threads: 0, batchSize: 64 }))).toEqual(await outcome(inMemory(dir)))
  }), { numRuns })
}

describe('verifyLedgerFolder', () => {
  it('gives an honest ledger spread over many batches and threads the verdict of the in-memory verifier', async () => {
    const dir = await bundleFolder(linesOf(honestEntries()))
    const verdict = await verifyLedgerFolder(dir, threaded())
    expect(verdict).toMatchObject({ ok: true, entries: SIZE, checkpoints: 2, problems: [] })
    expect(verdict).toEqual(await inMemory(dir))
  })

  it('finds an entry edited in a later batch, with the same first bad entry and problems', async () => {
    const entries = honestEntries()
    entries[701] = { ...entries[701], body: entries[701].body.replace('displayed', 'dismissed') }
    const dir = await bundleFolder(linesOf(entries))
    const verdict = await verifyLedgerFolder(dir, threaded())
    expect(verdict).toMatchObject({ ok: false, firstBadSeq: 702 })
    expect(verdict.problems[0]).toBe('entry 702: its body does not match its leaf hash')
    expect(verdict).toEqual(await inMemory(dir))
  })

  it('checks an acceptance against a publication scanned by another thread', async () => {
    const entries = honestEntries()
    entries[900] = rehashed(entries[900], entries[900].body.replace('"versionNumber":1', '"versionNumber":2'))
    const dir = await bundleFolder(linesOf(entries))
    const verdict = await verifyLedgerFolder(dir, threaded())
    expect(verdict.problems).toContain('entry 901: the acceptance differs from the publication of its version (entry 1) in: versionNumber')
    expect(verdict).toEqual(await inMemory(dir))
  })

  it('gives the same verdict scanning on this thread alone', async () => {
    const entries = honestEntries()
    entries[5] = rehashed(entries[5], entries[5].body.replace('"seq":6', '"seq":7'))
    const dir = await bundleFolder(linesOf(entries))
    const verdict = await verifyLedgerFolder(dir, { threads: 0, batchSize: 64, onWholeRead: (reason) => expect.fail(`read whole: ${reason}`) })
    expect(verdict).toMatchObject({ ok: false, firstBadSeq: 6, problems: expect.arrayContaining(['entry 6: body says it is entry 7']) })
    expect(verdict).toEqual(await inMemory(dir))
  })

  it('reports a body of null, a number or a list as naming no entry, on every path, instead of failing', async () => {
    const entries = honestEntries()
    for (const [i, body] of [[20, 'null'], [22, '5'], [24, '[]']] as const) entries[i] = rehashed(entries[i], body)
    const dir = await bundleFolder(linesOf(entries))
    const verdict = await verifyLedgerFolder(dir, threaded())
    expect(verdict.problems).toEqual(expect.arrayContaining(['entry 21: body says it is entry undefined', 'entry 23: body says it is entry undefined', 'entry 25: body says it is entry undefined']))
    expect(verdict).toMatchObject({ ok: false, firstBadSeq: 21 })
    expect(verdict).toEqual(await inMemory(dir))
  })

  it('gives lines written otherwise than the export writes them the verdict of the in-memory verifier', async () => {
    const entries = honestEntries()
    const lines = linesOf(entries)
    const edited = (i: number, edit: (body: string) => string) => JSON.stringify(rehashed(entries[i], edit(entries[i].body)))
    lines[11] = edited(11, (body) => body.replace('displayed', 'displayé'))
    lines[13] = edited(13, (body) => body.replace('displayed', 'dis\\\\played\\n'))
    lines[12] = lines[12].replace('\\"kind', '\\u0022kind')
    lines[14] = JSON.stringify({ body: entries[14].body, seq: entries[14].seq, leafHash: entries[14].leafHash })
    lines[15] = lines[15].replace('"seq":16', '"seq": 16.0')
    lines[16] = `${lines[16].slice(0, -1)},"seq":17}`
    lines[17] = lines[17].replace('displayed', 'dis\\tplayed')
    lines[19] = JSON.stringify({ ...entries[19], leafHash: entries[19].leafHash.toUpperCase() })
    const dir = await bundleFolder(lines)
    const verdict = await verifyLedgerFolder(dir, { threads: 0, batchSize: 64, onWholeRead: (reason) => expect.fail(`read whole: ${reason}`) })
    expect(verdict).toMatchObject({ ok: false, firstBadSeq: 18 })
    expect(verdict.problems.slice(0, 2)).toEqual(['entry 18: its body does not match its leaf hash', 'entry 20: its body does not match its leaf hash'])
    expect(verdict).toEqual(await inMemory(dir))
  })

  it('gives any one character of a line changed the verdict, or the error, of the in-memory verifier', async () => {
    await expectEditsVerifiedAlike(linesOf(honestEntries()), fc.nat(SIZE - 1), ['"', '\\', '\\"', ' ', '0', '9', 'a', 'F', '{', '}', ',', ':', 'é', '\u0000', ''], 60)
  })

  it('gives acceptances written as the ledger writes them, with any one character of their line changed, the verdict of the in-memory verifier', async () => {
    const entries = honestEntries()
    const lines = linesOf(entries)
    const acceptances = entries.flatMap((e, i) => (e.body.includes('"contextHash"') ? [i] : []))
    expect(acceptances.length).toBeGreaterThan(300)
    await expectEditsVerifiedAlike(lines, fc.constantFrom(...acceptances), ['"', '\\', '\\"', '\\\\', '\\u0022', '\\u0041', '\\/', ' ', '0', '9', 'a', 'F', '{', '}', ',', ':', 'é', '\u007f', '\u0000', ''], 150)
    // A line edited inside a text the body's hash covers: found by the hash, as in memory.
    const edited = [...lines]
    edited[acceptances[7]] = edited[acceptances[7]].replace('login-banner', 'login-bannex')
    const dir = await bundleFolder(edited)
    const verdict = await verifyLedgerFolder(dir, threaded())
    expect(verdict).toMatchObject({ ok: false, firstBadSeq: acceptances[7] + 1, problems: [`entry ${acceptances[7] + 1}: its body does not match its leaf hash`] })
    expect(verdict).toEqual(await inMemory(dir))
  })

  it('reads entries out of order whole, as before, with the same verdict', async () => {
    const entries = honestEntries()
    const dir = await bundleFolder(linesOf([...entries.slice(0, 500), entries[501], entries[500], ...entries.slice(502)]))
    const wholeRead = vi.fn()
    expect(await verifyLedgerFolder(dir, threaded(wholeRead))).toEqual(await inMemory(dir))
    expect(wholeRead).toHaveBeenCalledWith('line 501 is not entry 501')
    const missing = await bundleFolder(linesOf(entries.filter((_, i) => i !== 640)))
    const verdict = await verifyLedgerFolder(missing, threaded(wholeRead))
    expect(verdict).toMatchObject({ ok: false, firstBadSeq: 641 })
    expect(verdict).toEqual(await inMemory(missing))
  })

  it('refuses a line that is not JSON with the error the whole read gives', async () => {
    const lines = linesOf(honestEntries())
    lines[800] = lines[800].slice(0, -1)
    const dir = await bundleFolder(lines)
    const expected = await readLedgerBundle(dir).then(() => undefined, (error: Error) => error.message)
    expect(expected).toBeDefined()
    await expect(verifyLedgerFolder(dir, threaded(() => {}))).rejects.toThrow(expected)
  })

  it('streams entries written with CRLF or blank lines the way the whole read does', async () => {
    const dir = await bundleFolder([])
    const file = path.join(dir, bundleFiles.entries)
    writeFileSync(file, `${linesOf(honestEntries()).join('\r\n')}\r\n\n`)
    expect(readFileSync(file, 'utf8')).toContain('\r\n')
    const wholeRead = vi.fn()
    expect(await verifyLedgerFolder(dir, threaded(wholeRead))).toEqual(await inMemory(dir))
    expect(wholeRead).toHaveBeenCalledWith('a carriage return')
  })
})
