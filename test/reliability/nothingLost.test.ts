import type { ChildProcess } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createApiKey } from '../../src/services/staff/apiKeys'
import { upsertSubjects } from '../../src/services/subjects/upsertSubjects'
import { makePolicy, makeVersion } from '../support/fixtures'
import { verifyLiveLedger } from '../support/ledger'
import { freePort } from '../support/freePort'
import { serverProcesses } from '../support/spawnServer'
import { startTestApp, type TestApp } from '../support/testApp'
import { recordFigure } from './figures'

// A Jepsen-style set test: clients add acceptances (each a new element of the set) while the server
// is killed with SIGKILL at random moments and restarted. An acknowledged acceptance must be
// stored; an unacknowledged one may or may not be, but never twice, even when the client retries
// it with the same idempotency key as a real host product would.
const SOAK = process.env.RELIABILITY_SOAK === '1'
const KILLS = SOAK ? 30 : 6
const CLIENTS = 16

let app: TestApp
beforeAll(async () => {
  app = await startTestApp({ sharedDatabase: true })
})
const servers = serverProcesses()
afterAll(async () => {
  servers.close()
  await app?.close()
})

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** One acceptance as a client sees it: acknowledged (2xx), refused (4xx) or unknown (no answer). */
interface Operation {
  subject: string
  idempotencyKey: string
  outcome: 'acknowledged' | 'refused' | 'unknown'
}

describe('acceptances while the server is killed with SIGKILL and restarted', () => {
  it('stores every acknowledged acceptance, none twice, and the ledger verifies', async () => {
    const policy = await makePolicy(app.payload, { slug: 'terms', title: 'Terms' })
    const version = await makeVersion(app.payload, policy.id, { _status: 'published' })
    const subjects = Array.from({ length: SOAK ? 40_000 : 8_000 }, (_, i) => `set-${i}`)
    await upsertSubjects(app.payload, subjects.map((externalId) => ({ externalId })))
    const { key } = await createApiKey(app.payload, 'set test', 'integration')

    const port = await freePort()
    const base = `http://127.0.0.1:${port}`
    const env = { DATABASE_URL: app.database.url, PORT: String(port), ASSENT_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'assent-set-')), NOTICE_WORKER: 'off', LEDGER_CHECKPOINT_MINUTES: '0', PUBLIC_URL: base }
    let server: ChildProcess = servers.start(env)
    // Clients that got no answer wait for the restart instead of running through the subjects.
    let serving: Promise<void> = Promise.resolve()
    const untilUp = async () => {
      for (let i = 0; i < 600; i++) {
        if (await fetch(`${base}/healthz`).then((r) => r.ok, () => false)) return
        await pause(50)
      }
      throw new Error('the server did not come back within 30 s')
    }
    await untilUp()

    /** Which of these subjects have an acceptance of the version stored. */
    const storedSubjects = async (externalIds: string[]) => {
      if (externalIds.length === 0) return 0
      const ids = (await app.payload.find({ collection: 'subjects', where: { externalId: { in: externalIds } }, pagination: false, depth: 0, select: {} })).docs.map((d) => d.id)
      return (await app.payload.count({ collection: 'acceptances', where: { and: [{ version: { equals: version.id } }, { subject: { in: ids } }] } })).totalDocs
    }

    const accept = (op: Operation) =>
      fetch(`${base}/api/v1/acceptances`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify({ subject: op.subject, idempotencyKey: op.idempotencyKey, versions: [{ policy: 'terms', version: 1, contentHash: version.contentHash }] }),
        signal: AbortSignal.timeout(10_000),
      }).then(
        (res) => (res.status < 300 ? 'acknowledged' : res.status < 500 ? 'refused' : 'unknown') as Operation['outcome'],
        () => 'unknown' as const,
      )

    const operations: Operation[] = []
    let next = 0
    let running = true
    const client = async () => {
      while (running && next < subjects.length) {
        const subject = subjects[next++]
        const op: Operation = { subject, idempotencyKey: `set-op-${subject}`, outcome: 'unknown' }
        operations.push(op)
        op.outcome = await accept(op)
        if (op.outcome === 'unknown') await serving
      }
    }
    const clients = Array.from({ length: CLIENTS }, client)

    let kills = 0
    while (kills < KILLS && next < subjects.length) {
      await pause(300 + Math.random() * 1200)
      server.kill('SIGKILL')
      await new Promise((resolve) => server.once('exit', resolve))
      kills++
      server = servers.start(env)
      serving = untilUp()
      await serving
    }
    await pause(500)
    running = false
    await Promise.all(clients)

    // A host product retries what it never heard back about, with the same idempotency key.
    const unknownAtFirst = operations.filter((op) => op.outcome === 'unknown')
    const acknowledgedAtFirst = operations.length - unknownAtFirst.length - operations.filter((op) => op.outcome === 'refused').length
    const storedUnanswered = await storedSubjects(unknownAtFirst.map((op) => op.subject))
    for (const op of unknownAtFirst) op.outcome = await accept(op)
    server.kill('SIGTERM')
    await new Promise((resolve) => server.once('exit', resolve))

    const rows = (await app.payload.find({ collection: 'acceptances', where: { version: { equals: version.id } }, pagination: false, depth: 1, select: { subject: true } })).docs
    const stored = new Map<string, number>()
    for (const row of rows) {
      const externalId = (row.subject as { externalId: string }).externalId
      stored.set(externalId, (stored.get(externalId) ?? 0) + 1)
    }
    const acknowledged = operations.filter((op) => op.outcome === 'acknowledged')
    const lost = acknowledged.filter((op) => !stored.has(op.subject))
    const duplicated = [...stored.values()].filter((n) => n > 1).length
    const unacknowledgedStored = operations.filter((op) => op.outcome !== 'acknowledged' && stored.has(op.subject)).length
    const ledgerAcceptances = (await app.payload.count({ collection: 'ledger-entries', where: { kind: { equals: 'acceptance' } } })).totalDocs

    recordFigure('Nothing lost (SIGKILL)', 'server kills', kills)
    recordFigure('Nothing lost (SIGKILL)', 'acceptances attempted', operations.length)
    recordFigure('Nothing lost (SIGKILL)', 'acknowledged at first', acknowledgedAtFirst)
    recordFigure('Nothing lost (SIGKILL)', 'without an answer (server killed), retried with the same key', unknownAtFirst.length)
    recordFigure('Nothing lost (SIGKILL)', '… of which already stored before the retry', storedUnanswered)
    recordFigure('Nothing lost (SIGKILL)', 'acknowledged in the end', acknowledged.length)
    recordFigure('Nothing lost (SIGKILL)', 'stored', rows.length)
    recordFigure('Nothing lost (SIGKILL)', 'lost (acknowledged, not stored)', lost.length, 0)
    recordFigure('Nothing lost (SIGKILL)', 'stored twice', duplicated, 0)
    recordFigure('Nothing lost (SIGKILL)', 'stored without acknowledgement', unacknowledgedStored, 0)
    recordFigure('Nothing lost (SIGKILL)', 'acceptances without their ledger entry', rows.length - ledgerAcceptances, 0)
    console.log(`${kills} SIGKILLs: ${operations.length} attempted, ${unknownAtFirst.length} unanswered then retried (${storedUnanswered} already stored), ${acknowledged.length} acknowledged, ${rows.length} stored, ${lost.length} lost, ${duplicated} twice`)

    expect(kills).toBe(KILLS)
    expect(unknownAtFirst.length).toBeGreaterThan(0)
    expect(lost).toEqual([])
    expect(duplicated).toBe(0)
    expect(unacknowledgedStored).toBe(0)
    expect(ledgerAcceptances).toBe(rows.length)
    await expect(verifyLiveLedger(app.payload)).resolves.toBe(true)
  }, 600_000)
})
