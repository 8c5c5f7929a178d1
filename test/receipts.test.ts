import { spawn } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { openDirectDatabase } from '../src/db/directQuery'
import { receiptSignatureProblem, type Receipt } from '../src/domain/receipt'
import { subjectStatus } from '../src/services/acceptance/subjectStatus'
import { findVersion } from '../src/services/legalCenter/findVersion'
import { createApiKey } from '../src/services/staff/apiKeys'
import { ledgerKeyFingerprint } from '../src/domain/ledgerKeyFingerprint'
import { ledgerSigningKey } from '../src/services/ledger/ledgerSigningKey'
import { rotateSigningKey } from '../src/services/ledger/rotateSigningKey'
import { seedPolicies } from '../src/services/publishing/seedPolicies'
import { receiptSchema } from '../src/http/schemas/receipt'
import { beforeAllTests } from './support/beforeAllTests'
import { startTestApp } from './support/testApp'

const setup = beforeAllTests(async (closeAfter) => {
  // A file on SQLite: ledger:verify opens the database from its own process.
  const app = closeAfter(await startTestApp({ sharedDatabase: true }))
  const db = closeAfter(await openDirectDatabase(app.database.url))
  await seedPolicies(app.payload)
  const hashOf = async (slug: string) => ((await (await fetch(`${app.baseUrl}/api/v1/policies/${slug}/versions/1`)).json()) as { contentHash: string }).contentHash
  return { app, db, key: (await createApiKey(app.payload, 'receipt keeper', 'integration')).key, termsHash: await hashOf('terms'), privacyHash: await hashOf('privacy') }
}, 120_000)

type Answer = { subject: string; acceptances: Array<{ policy: string; version: number; alreadyAccepted: boolean; receipt: Receipt }> }

const post = (url: string, body: unknown, authorization: string) =>
  fetch(`${setup.app.baseUrl}${url}`, { method: 'POST', headers: { authorization, 'content-type': 'application/json' }, body: JSON.stringify(body) })
const accept = async (subject: string, extra: Record<string, unknown> = {}) => {
  await fetch(`${setup.app.baseUrl}/api/v1/subjects/${subject}`, { method: 'PUT', headers: { authorization: `Bearer ${setup.key}`, 'content-type': 'application/json' }, body: '{}' })
  const res = await post('/api/v1/acceptances', { subject, versions: [{ policy: 'terms', version: 1, contentHash: setup.termsHash }], ...extra }, `Bearer ${setup.key}`)
  return { status: res.status, body: (await res.json()) as Answer }
}
const entryRow = async (seq: number) => (await setup.db.query('select seq, body, leaf_hash as "leafHash" from ledger_entries where seq = ?', [seq]))[0]
const keys = () => [ledgerSigningKey().publicKey]
/** Runs the command in its own process without blocking this one (the server under test stays up). */
const assent = (...args: string[]) =>
  new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ['scripts/assent.js', ...args], { env: { ...process.env, DATABASE_URL: setup.app.database.url } })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.on('close', (status) => resolve({ status, stdout, stderr }))
  })
const verify = (file: string, ...more: string[]) => assent('ledger:verify', '--receipts', file, ...more)
const receiptsFile = (receipts: unknown[]) => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'assent-receipts-')), 'receipts.jsonl')
  writeFileSync(file, receipts.map((r) => JSON.stringify(r)).join('\n'))
  return file
}

describe('acceptance receipts', () => {
  it('come with every acceptance the integration API records, signed for its ledger entry', async () => {
    const { status, body } = await accept('receipt-api')
    expect(status).toBe(201)
    const { receipt } = body.acceptances[0]
    expect(receipt).toMatchObject({ type: 'assent-acceptance-receipt/v1', subject: 'receipt-api', policy: 'terms', version: 1, contentHash: setup.termsHash })
    expect(receiptSignatureProblem(receipt, keys())).toBeUndefined()
    const entry = await entryRow(receipt.ledgerSeq)
    expect(entry.leafHash).toBe(receipt.leafHash)
    expect(JSON.parse(String(entry.body)).record).toMatchObject({ acceptance: Number.isNaN(Number(receipt.acceptance)) ? receipt.acceptance : Number(receipt.acceptance), contentHash: setup.termsHash })
  })

  it('come again, the same, on an idempotent replay and on accepting what was already accepted', async () => {
    const first = await accept('receipt-replay', { idempotencyKey: 'receipt-replay-1' })
    const replayed = await accept('receipt-replay', { idempotencyKey: 'receipt-replay-1' })
    expect(replayed.body).toEqual(first.body)
    const again = await accept('receipt-replay')
    expect(again.status).toBe(200)
    expect(again.body.acceptances[0].alreadyAccepted).toBe(true)
    const { signature: _first, ...signedFirst } = first.body.acceptances[0].receipt
    const { signature: _again, ...signedAgain } = again.body.acceptances[0].receipt
    expect(signedAgain).toEqual(signedFirst)
    expect(receiptSignatureProblem(again.body.acceptances[0].receipt, keys())).toBeUndefined()
  })

  it('come with the banner acceptance, one per version of a bundle', async () => {
    await fetch(`${setup.app.baseUrl}/api/v1/subjects/receipt-banner`, { method: 'PUT', headers: { authorization: `Bearer ${setup.key}`, 'content-type': 'application/json' }, body: '{}' })
    const { token } = (await (await post('/api/v1/subjects/receipt-banner/token', {}, `Bearer ${setup.key}`)).json()) as { token: string }
    const res = await post('/embed/v1/acceptances', { versions: [{ policy: 'terms', version: 1, contentHash: setup.termsHash }, { policy: 'privacy', version: 1, contentHash: setup.privacyHash }] }, `Bearer ${token}`)
    expect(res.status).toBe(201)
    const body = (await res.json()) as Answer
    const receipts = body.acceptances.map((a) => a.receipt)
    expect(receipts.map((r) => [r.subject, r.policy, r.contentHash])).toEqual([['receipt-banner', 'terms', setup.termsHash], ['receipt-banner', 'privacy', setup.privacyHash]])
    expect(receipts[1].ledgerSeq).toBe(receipts[0].ledgerSeq + 1)
    for (const r of receipts) expect(receiptSignatureProblem(r, keys())).toBeUndefined()
  })
})

describe('continued-use acceptances', () => {
  it('come with their receipt in the status answer of the call that records them, and only that one', async () => {
    const DAY = 86_400_000
    const v1 = (await findVersion(setup.app.payload, 'privacy', 1)).version
    const v2EffectiveAt = new Date((await findVersion(setup.app.payload, 'privacy', 2)).version.effectiveAt!).getTime()
    await accept('receipt-deemed')
    expect((await post('/api/v1/acceptances', { subject: 'receipt-deemed', versions: [{ policy: 'privacy', version: 1, contentHash: v1.contentHash }] }, `Bearer ${setup.key}`)).status).toBe(201)
    const status = (at: number, recordDisplay = false) => subjectStatus(setup.app.payload, 'receipt-deemed', { now: new Date(at), publicUrl: 'https://legal.example.com', recordDisplay })
    expect((await status(v2EffectiveAt - 10 * DAY, true)).receipts).toEqual([])
    const deemed = await status(v2EffectiveAt + DAY)
    expect(deemed.receipts).toHaveLength(1)
    expect(deemed.receipts[0]).toMatchObject({ subject: 'receipt-deemed', policy: 'privacy', version: 2 })
    expect(receiptSignatureProblem(deemed.receipts[0], keys())).toBeUndefined()
    expect((await entryRow(deemed.receipts[0].ledgerSeq)).leafHash).toBe(deemed.receipts[0].leafHash)
    expect((await status(v2EffectiveAt + 2 * DAY)).receipts).toEqual([])
  })
})

describe('the OpenAPI document', () => {
  it('shows the receipt as acceptance answers carry it', async () => {
    type Doc = { components: { schemas: { Receipt: { properties: Record<string, unknown> } } }; paths: Record<string, { post: { responses: Record<string, { content: Record<string, { example: Answer }> }> } }> }
    const doc = (await (await fetch(`${setup.app.baseUrl}/api/v1/openapi.json`)).json()) as Doc
    const real = (await accept('receipt-docs')).body.acceptances[0]
    const example = doc.paths['/api/v1/acceptances'].post.responses['201'].content['application/json'].example.acceptances[0]
    expect(Object.keys(example).sort()).toEqual(Object.keys(real).sort())
    expect(Object.keys(doc.components.schemas.Receipt.properties).sort()).toEqual(Object.keys(real.receipt).sort())
    expect(receiptSchema.safeParse(real.receipt).error).toBeUndefined()
    expect(receiptSchema.safeParse(example.receipt).error).toBeUndefined()
  })
})

describe('npx assent ledger:verify --receipts', () => {
  it('proves kept receipts, and names the newest entries deleted with their rows', async () => {
    const kept: Receipt[] = []
    for (let i = 0; i < 4; i++) kept.push((await accept(`receipt-kept-${i}`)).body.acceptances[0].receipt)
    const file = receiptsFile(kept)
    const held = await verify(file)
    expect(held.status, held.stderr).toBe(0)
    expect(held.stdout).toMatch(/^Receipts verified: 4 receipts/)

    // An insider removes the two newest acceptances with their ledger entries and every entry after
    // the first of them (the last subject's entry is between them): no gap, no checkpoint broken.
    const newest = kept.slice(2)
    const ids = newest.map((r) => Number(r.acceptance))
    await setup.db.query('delete from ledger_entries where seq >= ?', [newest[0].ledgerSeq])
    await setup.db.query(`delete from acceptances where id in (${ids.map(() => '?').join(', ')})`, ids)
    const caught = await verify(file)
    expect(caught.status).toBe(1)
    expect(caught.stderr).toMatch(/Receipt verification FAILED: 2 of 4 receipts/)
    for (const r of newest) expect(caught.stderr).toContain(`receipt ${kept.indexOf(r) + 1} (acceptance ${r.acceptance}, entry ${r.ledgerSeq}): ledger entry ${r.ledgerSeq} is missing`)

    // The same offline, against the bundle exported afterwards.
    const bundle = path.join(path.dirname(file), 'bundle')
    expect((await assent('ledger:export', bundle)).status).toBe(0)
    const offline = await verify(file, bundle)
    expect(offline.status).toBe(1)
    expect(offline.stderr).toMatch(/Receipt verification FAILED: 2 of 4 receipts/)
    expect(offline.stderr).toContain(`ledger entry ${newest[0].ledgerSeq} is missing`)
  }, 120_000)

  it('refuses a forged or altered receipt', async () => {
    const { receipt } = (await accept('receipt-forger')).body.acceptances[0]
    const altered = { ...receipt, subject: 'someone-else' }
    const result = await verify(receiptsFile([receipt, altered]))
    expect(result.status).toBe(1)
    expect(result.stderr).toMatch(/receipt 2 .*forged or altered/)
    expect(result.stderr).not.toMatch(/receipt 1 /)
  }, 60_000)

  it('still proves receipts signed before a key rotation, and holds them to a pinned key', async () => {
    const before = (await accept('receipt-before-rotation')).body.acceptances[0].receipt
    const oldFingerprint = ledgerKeyFingerprint(ledgerSigningKey().publicKey)
    await rotateSigningKey(setup.app.payload)
    const after = (await accept('receipt-after-rotation')).body.acceptances[0].receipt
    expect(after.keyFingerprint).not.toBe(before.keyFingerprint)
    const file = receiptsFile([before, after])
    const pinned = await verify(file, '--fingerprint', oldFingerprint)
    expect(pinned.status, pinned.stderr).toBe(0)
    expect(pinned.stdout).toMatch(/^Receipts verified: 2 receipts/)
    const wrongPin = await verify(file, '--fingerprint', 'ab'.repeat(32))
    expect(wrongPin.status).toBe(1)
    expect(wrongPin.stderr).toMatch(/not the pinned key/)
  }, 60_000)
})
