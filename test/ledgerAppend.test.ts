import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { nativeSqlite, postgresPool } from '../src/db/leanQuery'
import { pgWriteTransaction } from '../src/db/pgWriteTransaction'
import { sqliteWriteTransaction } from '../src/db/sqliteWriteTransaction'
import { entryLeafHash, ledgerBody } from '../src/domain/ledgerBody'
import { withTransaction } from '../src/store/withTransaction'
import { appendEntries, type LedgerAppend, type LedgerRow } from '../src/store/ledger/appendEntries'
import { ledgerIn } from '../src/store/ledger/ledgerIn'
import { postgresLedger } from '../src/store/ledger/postgresLedger'
import { sqliteLedger } from '../src/store/ledger/sqliteLedger'
import { startTestApp, type TestApp } from './support/testApp'

// The single ledger append, reached the two ways writers reach it: inside a Payload transaction
// (publications, notices, rules changes, key rotations) and inside Assent's own group write
// transaction (acceptances), on a SQLite file or on PostgreSQL.
const onMongo = process.env.TEST_DATABASE_URL === 'mongodb-memory'
if (onMongo) console.log('ledgerAppend: skipped, MongoDB has no group write transaction to compare with')
const onPostgres = process.env.TEST_DATABASE_URL?.startsWith('postgres') ?? false
if (!onPostgres) console.log('ledgerAppend: the wait on the ledger\'s lock is tested on PostgreSQL only, where appends take an advisory lock')

let app: TestApp
beforeAll(async () => {
  if (onMongo) return
  // A file, not memory, on SQLite: Assent's own connection exists only for a file.
  app = await startTestApp({ sharedDatabase: true })
})
afterAll(() => app?.close())

const probes = (from: number, count: number): LedgerAppend[] =>
  Array.from({ length: count }, (_, i) => ({ kind: 'policy-rules', record: { probe: from + i } }))

/** Appends through a Payload transaction, as a hook or a service does. */
const inPayloadTransaction = (entries: LedgerAppend[]): Promise<LedgerRow[]> =>
  withTransaction(app.payload, (req) => appendEntries(ledgerIn(req), entries))

/** Appends inside Assent's own group write transaction, as the acceptance write path does. */
function inGroupTransaction(entries: LedgerAppend[]): Promise<LedgerRow[]> {
  const native = nativeSqlite(app.payload)
  if (native) return sqliteWriteTransaction(native, () => appendEntries(sqliteLedger(native), entries))
  return pgWriteTransaction(postgresPool(app.payload)!, (client, state) => appendEntries(postgresLedger(client, state), entries))
}

async function storedEntries(): Promise<Array<{ seq: number; body: string; leafHash: string }>> {
  const { docs } = await app.payload.find({ collection: 'ledger-entries', sort: 'seq', pagination: false, depth: 0, select: { seq: true, body: true, leafHash: true } })
  return docs.map(({ seq, body, leafHash }) => ({ seq, body, leafHash }))
}

const lastSeq = async () => (await storedEntries()).at(-1)?.seq ?? 0

describe.skipIf(onMongo)('the ledger append', () => {
  it('numbers, writes and hashes entries the same whichever transaction appends them', async () => {
    const before = await lastSeq()
    const appended = [...(await inPayloadTransaction(probes(0, 2))), ...(await inGroupTransaction(probes(2, 3))), ...(await inPayloadTransaction(probes(5, 1)))]
    expect(appended.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6].map((n) => before + n))
    appended.forEach((entry, i) => {
      expect(entry.body).toBe(ledgerBody(entry.seq, 'policy-rules', entry.recordedAt, { probe: i }))
      expect(entry.leafHash).toBe(entryLeafHash(entry.body))
    })
    const stored = (await storedEntries()).filter((e) => e.seq > before)
    expect(stored).toEqual(appended.map(({ seq, body, leafHash }) => ({ seq, body, leafHash })))
  })

  it('hands out each number once, without gaps, to appends racing in both kinds of transaction', async () => {
    const before = await lastSeq()
    const appended = (
      await Promise.all(Array.from({ length: 24 }, (_, i) => (i % 2 === 0 ? inPayloadTransaction(probes(i * 10, 2)) : inGroupTransaction(probes(i * 10, 3)))))
    ).flat()
    const stored = (await storedEntries()).filter((e) => e.seq > before)
    expect(stored.map((e) => e.seq)).toEqual(Array.from({ length: 12 * 2 + 12 * 3 }, (_, i) => before + 1 + i))
    expect([...appended].sort((a, b) => a.seq - b.seq).map(({ seq, body, leafHash }) => ({ seq, body, leafHash }))).toEqual(stored)
  }, 60_000)

  it.skipIf(!onPostgres)('numbers a group append that waited for the lock after the entries of the transaction it waited for', async () => {
    const before = await lastSeq()
    const pool = postgresPool(app.payload)!
    let holding!: () => void
    let commit!: () => void
    const held = new Promise<void>((resolve) => (holding = resolve))
    const other = withTransaction(app.payload, async (req) => {
      const rows = await appendEntries(ledgerIn(req), probes(0, 2))
      holding()
      await new Promise<void>((resolve) => (commit = resolve))
      return rows
    })
    await held
    const waiting = inGroupTransaction(probes(2, 1))
    // Committed only once the group append is queued on the ledger's lock.
    while (Number((await pool.query("select count(*) as n from pg_locks where locktype = 'advisory' and not granted")).rows[0].n) === 0) await new Promise((resolve) => setTimeout(resolve, 20))
    commit()
    expect((await other).map((e) => e.seq)).toEqual([before + 1, before + 2])
    expect((await waiting).map((e) => e.seq)).toEqual([before + 3])
    expect((await storedEntries()).filter((e) => e.seq > before).map((e) => e.seq)).toEqual([before + 1, before + 2, before + 3])
  })

  it('times each entry once the ledger is its caller\'s, so later numbers never carry earlier times', async () => {
    const appended = (await Promise.all(Array.from({ length: 12 }, (_, i) => inPayloadTransaction(probes(i * 10, 2))))).flat()
    const times = [...appended].sort((a, b) => a.seq - b.seq).map((e) => e.recordedAt)
    expect(times).toEqual([...times].sort())
  }, 60_000)

  it('stores nothing and takes no number for an empty append', async () => {
    const before = await lastSeq()
    expect(await inPayloadTransaction([])).toEqual([])
    expect(await inGroupTransaction([])).toEqual([])
    expect(await lastSeq()).toBe(before)
  })
})
