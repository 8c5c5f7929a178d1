import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { sqlAdapter } from '../src/db/sqlSession'
import { markdownToBody } from '../src/services/publishing/lexicalMarkdown'
import { verifyLiveLedger } from './support/ledger'
import { noticeCounts } from '../src/services/notices/noticeCounts'
import { upsertSubjects } from '../src/services/subjects/upsertSubjects'
import { startSmtpSink, type Fault, type SmtpSink } from './support/smtpSink'
import { publishVersion, testWorker, untilFinal } from './support/notices'
import { startTestApp, type TestApp } from './support/testApp'

let app: TestApp
let policyId: number
let text = '# Terms\n\nVersion one.'

beforeAll(async () => {
  app = await startTestApp()
  const policy = await app.payload.create({ collection: 'policies', data: { title: 'Terms of Service', slug: 'terms', acceptanceMode: 'clickwrap', noticePeriodDays: 30 } })
  policyId = policy.id
  await app.payload.create({
    collection: 'policy-versions',
    data: { policy: policyId, changeClass: 'material', summary: 'First.', effectiveAt: '2020-01-01T00:00:00.000Z', body: (await markdownToBody(app.payload.config, text)) as never, _status: 'published' },
    context: { assentImport: true },
  })
})
afterAll(() => app?.close())

const nextText = () => (text += '\n\nAnother paragraph.')
const noticesOf = async (versionId: number) =>
  (await app.payload.find({ collection: 'notices', where: { version: { equals: versionId } }, pagination: false, depth: 0, sort: 'id' })).docs
const subjectsNamed = (prefix: string, n: number, email = (i: number) => `${prefix}${i}@example.com`) =>
  upsertSubjects(app.payload, Array.from({ length: n }, (_, i) => ({ externalId: `${prefix}${i}`, email: email(i), name: `Person ${i}` })))

describe('the outbox written at publication', () => {
  it('an informational version gets one email notice per subject with an address and one banner notice per subject, all in the ledger', async () => {
    await subjectsNamed('outbox-', 3)
    await upsertSubjects(app.payload, [{ externalId: 'outbox-no-email' }])
    const ledgerBefore = (await app.payload.count({ collection: 'ledger-entries' })).totalDocs
    const version = await publishVersion(app.payload, policyId, 'informational', nextText())

    const notices = await noticesOf(version.id)
    const subjects = (await app.payload.count({ collection: 'subjects' })).totalDocs
    expect(notices.filter((n) => n.channel === 'banner')).toHaveLength(subjects)
    expect(notices.filter((n) => n.channel === 'email')).toHaveLength(subjects - 1)
    expect(notices.every((n) => n.status === 'pending')).toBe(true)
    // One entry per notice, and the publication's own.
    expect((await app.payload.count({ collection: 'ledger-entries' })).totalDocs - ledgerBefore).toBe(notices.length + 1)
    expect(await noticeCounts(app.payload, version.id)).toMatchObject({ email: { pending: subjects - 1, total: subjects - 1 }, banner: { pending: subjects, total: subjects } })
    await expect(verifyLiveLedger(app.payload)).resolves.toBe(true)
  })

  it('an editorial version and imported history notify no one', async () => {
    const editorial = await publishVersion(app.payload, policyId, 'editorial', nextText())
    expect(await noticesOf(editorial.id)).toEqual([])
  })

  it('a refused publication leaves no notices behind', async () => {
    const before = (await app.payload.count({ collection: 'notices' })).totalDocs
    await expect(publishVersion(app.payload, policyId, 'material', nextText(), new Date(Date.now() + 86_400_000))).rejects.toThrow(/notice period|effective/i)
    expect((await app.payload.count({ collection: 'notices' })).totalDocs).toBe(before)
  })
})

describe('sending', () => {
  let sink: SmtpSink
  afterAll(() => sink?.close())

  it('sends each email notice once and records the reply, the fixed Message-ID and the hash of what was sent', async () => {
    sink = await startSmtpSink()
    await subjectsNamed('send-', 5)
    const version = await publishVersion(app.payload, policyId, 'material', nextText())
    const worker = testWorker(app.payload, sink.url, { drain: true })
    await worker.done
    await untilFinal(app.payload, version.id)

    const emails = (await noticesOf(version.id)).filter((n) => n.channel === 'email')
    expect(emails.every((n) => n.status === 'accepted' && n.attempts === 1 && n.reachedAt)).toBe(true)
    const ids = emails.map((n) => n.messageId)
    expect(new Set(ids).size).toBe(emails.length)
    const forVersion = sink.received.filter((m) => ids.includes(m.messageId))
    expect(forVersion).toHaveLength(emails.length)
    const one = emails[0]
    const message = forVersion.find((m) => m.messageId === one.messageId)!
    expect(one.messageId).toBe(`<notice-${one.id}@legal.example.com>`)
    expect(one.lastReply).toMatch(/^250 Queued as/)
    expect(message.raw).toContain('Auto-Submitted: auto-generated')
    expect(message.raw).not.toMatch(/List-Unsubscribe/i)
    // These subjects accepted no version: they are sent the version to read, not a redline.
    expect(plainText(message.raw)).toContain(`legal.example.com/legal/terms/versions/${version.version}`)
    expect(plainText(message.raw)).not.toContain('/compare/')
    expect(message.raw).toMatch(/asked to accept/)
    // The footer names the organisation (ORGANISATION_NAME), not the sender's display name.
    const footers = decoded(message.raw).replace(/\s+/g, ' ').match(/govern your account with [^.]+\./g)
    expect(footers).toEqual(['govern your account with Example Ltd.', 'govern your account with Example Ltd.'])
    const { createHash } = await import('node:crypto')
    // smtp-server hands over the message as received (CRLF line ends), which is what was hashed.
    expect(createHash('sha256').update(message.raw).digest('hex')).toBe(one.messageHash)
    await expect(verifyLiveLedger(app.payload)).resolves.toBe(true)
  })
})

describe('faults injected by the SMTP server', () => {
  let sink: SmtpSink
  afterAll(() => sink?.close())

  const faults: Record<string, (attempt: number) => Fault | undefined> = {
    'busy@faults.example.com': (attempt) => (attempt === 1 ? 'rcpt-450' : undefined),
    'gone@faults.example.com': () => 'rcpt-550',
    'dropped@faults.example.com': (attempt) => (attempt === 1 ? 'drop-after-data' : undefined),
    'never@faults.example.com': () => 'data-451',
  }

  it('retries 4xx, dead-letters 5xx and malformed addresses, marks a drop after DATA uncertain and resends it with the same Message-ID, and survives a slow greeting', async () => {
    sink = await startSmtpSink({ fault: (to, attempt) => faults[to]?.(attempt), slowGreetings: 1, greetingDelayMs: 800 })
    const addresses = [...Object.keys(faults), 'fine@faults.example.com', 'malformed@faults.example.com']
    const { subjects } = await upsertSubjects(app.payload, addresses.map((email) => ({ externalId: `fault-${email}`, email })))
    // Addresses are checked when subjects are saved, so a malformed one can only come from an older import or a direct edit.
    const malformed = subjects.find((s) => s.email === 'malformed@faults.example.com')!
    await app.payload.db.updateOne({ collection: 'subjects', id: malformed.id, data: { email: 'not an address, eve@example.com' } })
    const version = await publishVersion(app.payload, policyId, 'informational', nextText())

    const worker = testWorker(app.payload, `${sink.url}?greetingTimeout=300`)
    await untilFinal(app.payload, version.id)
    await worker.stop()

    const byAddress = Object.fromEntries((await noticesOf(version.id)).filter((n) => n.channel === 'email').map((n) => [n.address, n]))
    expect(byAddress['busy@faults.example.com']).toMatchObject({ status: 'accepted', attempts: 2 })
    expect(byAddress['gone@faults.example.com']).toMatchObject({ status: 'dead', attempts: 1, lastReply: expect.stringContaining('550') })
    expect(byAddress['never@faults.example.com']).toMatchObject({ status: 'dead', attempts: 3, lastReply: expect.stringMatching(/^gave up after 3 attempts; last: 451/) })
    expect(byAddress['fine@faults.example.com']).toMatchObject({ status: 'accepted', attempts: 1 })
    expect(byAddress['not an address, eve@example.com']).toMatchObject({ status: 'dead', lastReply: expect.stringContaining('malformed address') })
    expect(sink.attempts.get('eve@example.com')).toBeUndefined()

    const dropped = byAddress['dropped@faults.example.com']
    expect(dropped).toMatchObject({ status: 'accepted', attempts: 2 })
    const copies = sink.received.filter((m) => m.to.includes('dropped@faults.example.com'))
    expect(copies.map((m) => m.messageId)).toEqual([dropped.messageId, dropped.messageId])
    const history = await app.payload.find({ collection: 'ledger-entries', where: { body: { contains: `"notice":${dropped.id},` } }, sort: 'seq', pagination: false })
    // On a loaded machine a round may find the server too slow to greet and put the notice back,
    // uncharged, with another `pending` entry: the order of the states is what matters.
    const states = history.docs.map((e) => JSON.parse(e.body).record.status as string)
    expect(states.filter((s, i) => s !== states[i - 1])).toEqual(['pending', 'uncertain', 'accepted'])

    // The slow greeting was noticed and waited out; nothing was charged for it.
    expect(sink.connections).toBeGreaterThan(1)
    await expect(verifyLiveLedger(app.payload)).resolves.toBe(true)
  })

  it('with the SMTP server down, notices wait in the outbox uncharged: none is dead, none lost', async () => {
    const down = new Set((await subjectsNamed('down-', 3)).subjects.map((s) => s.id))
    const version = await publishVersion(app.payload, policyId, 'informational', nextText())
    const mine = async () => (await noticesOf(version.id)).filter((n) => n.channel === 'email' && down.has(n.subject as number))
    const worker = testWorker(app.payload, 'smtp://127.0.0.1:1', { batchSize: 100 })
    const deadline = Date.now() + 5_000
    while (worker.totals.released < 3 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20))
    await worker.stop()
    const waiting = await mine()
    expect(waiting).toHaveLength(3)
    expect(waiting.every((n) => n.status === 'pending' && n.attempts === 0 && /ECONNREFUSED/.test(n.lastReply ?? ''))).toBe(true)

    // Once the server answers, they go, each on its first charged attempt.
    const again = testWorker(app.payload, sink.url)
    await untilFinal(app.payload, version.id)
    await again.stop()
    expect((await mine()).map((n) => [n.status, n.attempts])).toEqual([['accepted', 1], ['accepted', 1], ['accepted', 1]])
  })

  it('counts a dead notice as no notice: continued use is never deemed on it', async () => {
    const { deemedAcceptance } = await import('../src/domain/deemedAcceptance')
    const dead = (await app.payload.find({ collection: 'notices', where: { and: [{ status: { equals: 'dead' } }, { channel: { equals: 'email' } }] }, limit: 1 })).docs[0]
    expect(deemedAcceptance(new Date(0), [{ id: dead.id, channel: 'email', status: 'dead', at: new Date(dead.updatedAt) }], new Date())).toBeUndefined()
  })
})

describe('competing workers', () => {
  let sink: SmtpSink
  afterAll(() => sink?.close())

  it('two workers share 200 notices: each sent exactly once', async () => {
    sink = await startSmtpSink()
    const racers = new Set((await subjectsNamed('race-', 200)).subjects.map((s) => s.id))
    const version = await publishVersion(app.payload, policyId, 'informational', nextText())
    const emails = (await noticesOf(version.id)).filter((n) => n.channel === 'email' && racers.has(n.subject as number))
    const workers = [testWorker(app.payload, sink.url, { batchSize: 10 }), testWorker(app.payload, sink.url, { batchSize: 10 })]
    await untilFinal(app.payload, version.id)
    await Promise.all(workers.map((w) => w.stop()))

    const wanted = new Set(emails.map((n) => `<notice-${n.id}@legal.example.com>`))
    const got = sink.received.filter((m) => wanted.has(m.messageId)).map((m) => m.messageId)
    expect(got).toHaveLength(wanted.size)
    expect(new Set(got).size).toBe(wanted.size)
    expect(workers.every((w) => w.totals.claimed > 0)).toBe(true)
    expect(emails.every((n) => n.status === 'pending')).toBe(true)
    const after = (await noticesOf(version.id)).filter((n) => racers.has(n.subject as number) && n.channel === 'email')
    expect(after.every((n) => n.status === 'accepted' && n.attempts === 1)).toBe(true)
    console.log(`two workers: ${workers.map((w) => w.totals.claimed).join(' + ')} notices claimed, ${got.length} messages received, ${got.length - new Set(got).size} duplicates (${sqlAdapter(app.payload)?.name ?? 'mongodb'})`)
  })
})

/** A whole received message, decoded from quoted-printable (both parts). */
function decoded(raw: string): string {
  const bytes = raw.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
  return Buffer.from(bytes, 'latin1').toString('utf8')
}

/** The plain-text part of a received message, decoded from quoted-printable. */
function plainText(raw: string): string {
  const part = raw.split(/\r\n--/).find((p) => /Content-Type: text\/plain/i.test(p))!
  const body = part.slice(part.indexOf('\r\n\r\n') + 4)
  const bytes = body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
  return Buffer.from(bytes, 'latin1').toString('utf8').replace(/\r\n/g, '\n')
}

describe('a notice tells the whole change since the last acceptance', () => {
  let sink: SmtpSink
  afterAll(() => sink?.close())

  it('tells a subject who accepted version 1 of the material version 2 in the email of version 3, with one redline from 1 to 3, and says when version 2 never reached them', async () => {
    const { recordAcceptance } = await import('../src/services/acceptance/recordAcceptance')
    // Version 2's email bounces for one subject while `bouncing`; nothing else of theirs is shown.
    let bouncing = true
    sink = await startSmtpSink({ fault: (to) => (bouncing && to === 'skipped@cumulative.example.com' ? 'rcpt-550' : undefined) })
    const policy = await app.payload.create({ collection: 'policies', data: { title: 'Privacy Policy', slug: 'privacy', acceptanceMode: 'clickwrap', noticePeriodDays: 30 } })
    const publish = async (changeClass: 'material' | 'informational', summary: string, markdown: string, effectiveAt: string, imported = false) =>
      app.payload.create({
        collection: 'policy-versions',
        data: { policy: policy.id, changeClass, summary, effectiveAt, body: (await markdownToBody(app.payload.config, markdown)) as never, _status: 'published' },
        ...(imported ? { context: { assentImport: true } } : {}),
      })
    const v1 = await publish('material', 'First.', '# Privacy\n\nVersion one.', '2020-02-10T00:00:00.000Z', true)
    const people = ['reached', 'skipped', 'current', 'new'].map((name) => ({ externalId: `cumulative-${name}`, email: `${name}@cumulative.example.com`, name }))
    await upsertSubjects(app.payload, people)
    const accept = (who: string, version: { version?: number | null; contentHash?: string | null }) =>
      recordAcceptance(app.payload, { subject: `cumulative-${who}`, versions: [{ policy: 'privacy', version: version.version!, contentHash: version.contentHash! }], method: 'clickwrap', source: 'login-banner' }, { now: new Date() })
    for (const who of ['reached', 'skipped', 'current']) await accept(who, v1)

    const effective = new Date(Date.now() + 40 * 86_400_000)
    const v2 = await publish('material', 'We keep data for 24 months, add two sub-processors and transfer data outside the EEA.', '# Privacy\n\nVersion two.', effective.toISOString())
    const first = testWorker(app.payload, sink.url, { drain: true })
    await first.done
    await untilFinal(app.payload, v2.id)
    await accept('current', v2)
    bouncing = false

    const v3 = await publish('informational', 'A new postal address for the data protection officer.', '# Privacy\n\nVersion three.', effective.toISOString())
    const second = testWorker(app.payload, sink.url, { drain: true })
    await second.done
    await untilFinal(app.payload, v3.id)

    const emails = (await noticesOf(v3.id)).filter((n) => n.channel === 'email')
    const received = (who: string) => {
      const notice = emails.find((n) => n.address === `${who}@cumulative.example.com`)!
      const message = sink.received.find((m) => m.messageId === notice.messageId)!
      return { notice, message, text: plainText(message.raw) }
    }
    // Version 3 takes version 2's date, so version 2 never takes effect (the seed's case).
    const v2Line = '- Version 2 (material change, replaced by version 3 before it took effect on '
    const v2Summary = 'We keep data for 24 months, add two sub-processors and transfer data outside the EEA.'

    const skipped = received('skipped')
    expect(skipped.text).toContain(`${v2Line}`)
    expect(skipped.text).toContain(v2Summary)
    expect(skipped.text).toContain('- Version 3 (informational change, effective ')
    expect(skipped.text).toContain('https://legal.example.com/legal/privacy/compare/1/3')
    expect(skipped.text).not.toContain('compare/2/3')
    expect(skipped.text).toContain('We did not reach you about version 2; it is included here.')
    expect(skipped.text).toContain('you will be asked to accept the new Privacy Policy')
    const { createHash } = await import('node:crypto')
    expect(createHash('sha256').update(skipped.message.raw).digest('hex')).toBe(skipped.notice.messageHash)

    const reached = received('reached')
    expect(reached.text).toContain(v2Summary)
    expect(reached.text).toContain('https://legal.example.com/legal/privacy/compare/1/3')
    expect(reached.text).not.toContain('did not reach you')

    // Accepted version 2 already: told of version 3 alone, against version 2, with nothing to accept.
    const current = received('current')
    expect(current.text).toContain('What changes: A new postal address for the data protection officer.')
    expect(current.text).toContain('https://legal.example.com/legal/privacy/compare/2/3')
    expect(current.text).not.toContain(v2Summary)
    expect(current.text).toContain('What you need to do: nothing.')

    // Accepted nothing: the version to read, no redline.
    const newcomer = received('new')
    expect(newcomer.text).not.toContain('compare/')
    expect(newcomer.text).toContain('https://legal.example.com/legal/privacy/versions/3')
    expect(newcomer.text).not.toContain('did not reach you')
    await expect(verifyLiveLedger(app.payload)).resolves.toBe(true)
  })
})

describe('a worker stopped mid-batch', () => {
  let sink: SmtpSink
  afterAll(() => sink?.close())

  it('leaves no notice leased: a batch it leased ahead and never tried goes back to the outbox uncharged, and is sent once later', async () => {
    const { outboxStore } = await import('../src/store/outbox')
    const leasesAhead = outboxStore(app.payload).leasesWhileRecording
    // Every reply waits, so the worker is caught with its first batch in flight.
    const replies = { dataDelayMs: 150, keepRaw: false }
    sink = await startSmtpSink(replies)
    await subjectsNamed('stopped-', 30)
    // What earlier tests left due goes first, so only this version's notices are due below.
    replies.dataDelayMs = 0
    await testWorker(app.payload, sink.url, { drain: true }).done
    replies.dataDelayMs = 150
    const version = await publishVersion(app.payload, policyId, 'informational', nextText())
    const emails = async () => (await noticesOf(version.id)).filter((n) => n.channel === 'email')
    const sending = async () => (await app.payload.count({ collection: 'notices', where: { status: { equals: 'sending' } } })).totalDocs
    // A lease charges an attempt: sent or in flight, each leased notice has one.
    const leased = async () => (await emails()).filter((n) => (n.attempts ?? 0) > 0).length
    const worker = testWorker(app.payload, sink.url, { batchSize: 10, concurrency: 5 })
    // Where leases are taken while outcomes are recorded, the next batch is leased once the last
    // notice of the first is taken up: 20 are then leased. Elsewhere, the first replies are enough.
    const deadline = Date.now() + 10_000
    while (Date.now() < deadline && (leasesAhead ? (await leased()) < 20 : sink.received.length < 5)) await new Promise((resolve) => setTimeout(resolve, 10))
    expect(await leased()).toBe(leasesAhead ? 20 : 10)
    await worker.stop()

    expect(await sending()).toBe(0)
    const given = (await emails()).filter((n) => n.lastReply === 'not tried: the worker stopped')
    expect(given).toHaveLength(leasesAhead ? 10 : 0)
    expect(given.every((n) => n.status === 'pending' && n.attempts === 0 && !n.messageHash)).toBe(true)
    expect(worker.totals.released).toBe(given.length)
    expect(worker.totals.claimed).toBe(10)
    const sentBefore = (await emails()).filter((n) => n.status === 'accepted')
    expect(sentBefore).toHaveLength(worker.totals.accepted)
    expect(worker.totals.accepted + worker.totals.dead).toBe(10)

    replies.dataDelayMs = 0
    const again = testWorker(app.payload, sink.url, { drain: true })
    await again.done
    // Every notice of the version sent exactly once, on its first charged attempt (those to an
    // address an earlier test made unusable are dead, and nothing was sent for them).
    const after = (await emails()).filter((n) => n.status !== 'dead')
    expect(after.length).toBeGreaterThanOrEqual(30)
    expect(after.every((n) => n.status === 'accepted' && n.attempts === 1)).toBe(true)
    const ids = sink.received.map((m) => m.messageId).filter((id) => after.some((n) => n.messageId === id))
    expect(ids).toHaveLength(after.length)
    expect(new Set(ids).size).toBe(after.length)
    await expect(verifyLiveLedger(app.payload)).resolves.toBe(true)
  })
})
