import { randomUUID } from 'node:crypto'

import { describe, expect, it } from 'vitest'

import { openDirectDatabase } from '../../../src/db/directQuery'
import { accessRecordsStore, type AccessEvent, type AccessRecordsStore } from '../../../src/store/accessRecords'
import { sqlAccessRecords } from '../../../src/store/accessRecords/sqlAccessRecords'
import type { TestApp } from '../../support/testApp'
import type { StoreContract } from './storeContract'

/** Whether a connection other than Payload's can open the test database: not memory, not MongoDB. */
const directlyReachable = (app: TestApp) => app.database.kind !== 'mongodb' && !app.database.url.includes(':memory:')

/** The access records store: every auditor read is stored with who, what, which and how many. */
export const accessRecordsContract: StoreContract = (app) => {
  describe('access records', () => {
    const actor = () => `auditor-${randomUUID()}@example.com`
    const storedBy = async (who: string) =>
      (await app().payload.find({ collection: 'access-records', where: { actor: { equals: who } }, pagination: false, depth: 0 })).docs.map(({ actor, action, resource, detail, count, at }) => ({ actor, action, resource, detail, count, at }))

    /** Skips, saying why, where `store` cannot open the test database. */
    type Opened = { records: AccessRecordsStore; close: () => Promise<void> }
    const recordsFaithfully = (name: string, open: () => Promise<Opened>, reachable: () => boolean = () => true) => {
      const store = async (skip: () => void): Promise<Opened> => {
        if (!reachable()) {
          console.log(`access records ${name}: not run on ${app().database.kind} at ${app().database.url}: no second connection reaches it`)
          skip()
        }
        return open()
      }
      it(`${name}: stores actor, action, resource, count and the detail cut to 2,000 characters`, async (context) => {
        const { records, close } = await store(() => context.skip())
        const who = actor()
        const before = Date.now()
        try {
          await records.recordAccess({ actor: who, action: 'export', resource: 'acceptances', detail: 'x'.repeat(2500), count: 7 })
        } finally {
          await close()
        }
        const [record, ...more] = await storedBy(who)
        expect(more).toEqual([])
        expect(record).toMatchObject({ actor: who, action: 'export', resource: 'acceptances', detail: 'x'.repeat(2000), count: 7 })
        expect(new Date(record!.at).getTime()).toBeGreaterThanOrEqual(before - 1000)
      })

      it(`${name}: stores a read without detail or count as empty ones`, async (context) => {
        const { records, close } = await store(() => context.skip())
        const who = actor()
        try {
          await records.recordAccess({ actor: who, action: 'coverage', resource: 'policies/privacy' })
        } finally {
          await close()
        }
        expect(await storedBy(who)).toEqual([expect.objectContaining({ actor: who, action: 'coverage', resource: 'policies/privacy', detail: null, count: null })])
      })
    }

    recordsFaithfully('through Payload', async () => ({ records: accessRecordsStore(app().payload), close: async () => undefined }))

    it('through Payload: refuses an action the log does not know, storing nothing', async () => {
      const who = actor()
      await expect(accessRecordsStore(app().payload).recordAccess({ actor: who, action: 'delete' as AccessEvent['action'], resource: 'subjects' })).rejects.toThrow()
      expect(await storedBy(who)).toEqual([])
    })

    it('chooses its implementation once per Payload', () => {
      expect(accessRecordsStore(app().payload)).toBe(accessRecordsStore(app().payload))
    })

    recordsFaithfully(
      'without Payload, straight to SQL (the export CLI)',
      async () => {
        const db = await openDirectDatabase(app().database.url)
        return { records: sqlAccessRecords(db.query), close: db.close }
      },
      () => directlyReachable(app()),
    )
  })
}
