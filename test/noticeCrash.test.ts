import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { nodeFlags } from '../scripts/nodeFlags.js'
import { upsertSubjects } from '../src/services/subjects/upsertSubjects'
import { verifyLiveLedger } from './support/ledger'
import { publishVersion, termsInForce, untilFinal } from './support/notices'
import { startSmtpSink, type SmtpSink } from './support/smtpSink'
import { startTestApp, type TestApp } from './support/testApp'

const SUBJECTS = 300
let app: TestApp
let sink: SmtpSink
/** Runs when a message's data has arrived and its sender waits for the reply. */
let onMessageData: () => void = () => undefined

beforeAll(async () => {
  app = await startTestApp({ sharedDatabase: true })
  sink = await startSmtpSink({ dataDelayMs: 10, onMessageData: () => onMessageData() })
})
afterAll(async () => {
  await sink?.close()
  await app?.close()
})

/** `npx assent notices:run --follow` as its own process on the test's database and SMTP sink. */
function noticeWorkerProcess(): ChildProcess {
  return spawn(process.execPath, [...nodeFlags, 'src/cli/main.ts', 'notices:run', '--follow'], {
    env: {
      ...process.env,
      DATABASE_URL: app.database.url,
      ASSENT_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'assent-worker-')),
      SMTP_URL: sink.url,
      PUBLIC_URL: 'https://legal.example.com',
      NOTICE_LEASE_SECONDS: '2',
      NOTICE_BATCH_SIZE: '20',
      NOTICE_CONCURRENCY: '3',
      NOTICE_POLL_SECONDS: '0.05',
      NOTICE_RETRY_BASE_SECONDS: '0.05',
      NOTICE_RETRY_CAP_SECONDS: '0.2',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
}

describe('a notice worker killed with SIGKILL mid-batch', () => {
  it('loses nothing; the only duplicates are notices marked uncertain, resent with the same Message-ID', async () => {
    const policy = await termsInForce(app.payload)
    await upsertSubjects(app.payload, Array.from({ length: SUBJECTS }, (_, i) => ({ externalId: `crash-${i}`, email: `crash-${i}@example.com` })))
    const version = await publishVersion(app.payload, policy.id, 'informational', '# Terms\n\nOne.\n\nTwo.')

    let output = ''
    const first = noticeWorkerProcess()
    first.stdout?.on('data', (d) => (output += d))
    first.stderr?.on('data', (d) => (output += d))
    // Killed while a message waits for the server's reply: that notice's outcome is unknown.
    const killed = new Promise((resolve) => first.once('exit', resolve))
    let arrived = 0
    onMessageData = () => {
      if (++arrived === 60) first.kill('SIGKILL')
    }
    await Promise.race([killed, new Promise((_, reject) => setTimeout(() => reject(new Error(`no kill after 60 s (worker said: ${output})`)), 60_000))])
    onMessageData = () => undefined
    const atKill = sink.received.length

    const second = noticeWorkerProcess()
    await untilFinal(app.payload, version.id, 90_000)
    second.kill('SIGTERM')
    await new Promise((resolve) => second.once('exit', resolve))

    const notices = (await app.payload.find({ collection: 'notices', where: { and: [{ version: { equals: version.id } }, { channel: { equals: 'email' } }] }, pagination: false, depth: 0 })).docs
    expect(notices).toHaveLength(SUBJECTS)
    expect(notices.filter((n) => n.status !== 'accepted')).toEqual([])

    const copies = new Map<string, number>()
    for (const m of sink.received) copies.set(m.messageId, (copies.get(m.messageId) ?? 0) + 1)
    const lost = notices.filter((n) => !copies.has(n.messageId!))
    const duplicated = notices.filter((n) => (copies.get(n.messageId!) ?? 0) > 1)
    const uncertain = new Set<number>()
    const { docs: entries } = await app.payload.find({ collection: 'ledger-entries', where: { body: { contains: '"status":"uncertain"' } }, pagination: false })
    for (const e of entries) uncertain.add(JSON.parse(e.body).record.notice)

    expect(lost).toEqual([])
    expect(duplicated.filter((n) => !uncertain.has(n.id))).toEqual([])
    expect(uncertain.size).toBeGreaterThan(0)
    console.log(`SIGKILL after ${atKill} messages: ${SUBJECTS} notices, ${sink.received.length} messages received, ${copies.size} distinct, lost ${lost.length}, duplicates ${duplicated.length} (all marked uncertain: ${uncertain.size} notices taken over)`)
    await expect(verifyLiveLedger(app.payload)).resolves.toBe(true)
  }, 180_000)
})
