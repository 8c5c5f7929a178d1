import { sql } from '@payloadcms/db-postgres/drizzle'
import { describe, expect, it } from 'vitest'

import { sqlRows } from '../../../src/db/payloadQuery'
import type { SqlAdapter } from '../../../src/db/sqlSession'
import { withTransaction } from '../../../src/store/withTransaction'
import { subjectsStore } from '../../../src/store/subjects'
import { makePolicy, makeSubject, makeVersion } from '../../support/fixtures'
import type { StoreContract } from './storeContract'

const fresh = (prefix: string) => `${prefix}-${Math.random().toString(36).slice(2)}`

/** The subject store: subjects by external id, the status check's one read, and a subject's notices. */
export const subjectsContract: StoreContract = (app) => {
  describe('subjects', () => {
    const store = () => subjectsStore(app().payload)

    it('creates a subject once and finds it by its external id', async () => {
      const externalId = fresh('contract-subject')
      expect(await store().subjectByExternalId(externalId)).toBeUndefined()
      const created = await store().createSubject({ externalId, email: 'contract@example.com' })
      expect(await store().subjectByExternalId(externalId)).toMatchObject({ id: created.id, externalId, email: 'contract@example.com' })
      await expect(store().createSubject({ externalId })).rejects.toThrow()
      expect((await app().payload.count({ collection: 'subjects', where: { externalId: { equals: externalId } } })).totalDocs).toBe(1)
    })

    it('finds and updates subjects inside a transaction, and a failed transaction leaves them as they were', async () => {
      const [a, b] = [await makeSubject(app().payload), await makeSubject(app().payload)]
      const found = await withTransaction(app().payload, (req) => store().subjectsByExternalIds([a.externalId, b.externalId, fresh('nobody')], req))
      expect(found.map((s) => s.id).sort()).toEqual([a.id, b.id].sort())
      await withTransaction(app().payload, (req) => store().updateSubject(a.id, { name: 'Renamed' }, req))
      expect((await store().subjectByExternalId(a.externalId))?.name).toBe('Renamed')
      await expect(
        withTransaction(app().payload, async (req) => {
          await store().updateSubject(b.id, { name: 'Lost' }, req)
          throw new Error('refused')
        }),
      ).rejects.toThrow('refused')
      expect((await store().subjectByExternalId(b.externalId))?.name).not.toBe('Lost')
    })

    it('reads an unknown subject as none, with no accepted versions', async () => {
      const read = await store().statusRead(fresh('nobody'))
      expect(read.subject).toBeUndefined()
      expect(read.acceptedVersions).toEqual([])
    })

    it('gives the status check a catalog fingerprint that changes with a publication (SQL databases)', async () => {
      const subject = await makeSubject(app().payload)
      const before = await store().statusRead(subject.externalId)
      expect(before.subject).toMatchObject({ id: subject.id, externalId: subject.externalId, locale: subject.locale })
      const policy = await makePolicy(app().payload)
      await makeVersion(app().payload, policy.id, { _status: 'published' })
      const after = await store().statusRead(subject.externalId)
      if (before.catalogFingerprint === undefined) return expect(after.catalogFingerprint).toBeUndefined()
      expect(after.catalogFingerprint).not.toBe(before.catalogFingerprint)
    })

    it("reads a subject's notices of one version", async () => {
      const subject = await makeSubject(app().payload)
      const policy = await makePolicy(app().payload)
      const version = await makeVersion(app().payload, policy.id, { _status: 'published' })
      expect(await store().noticesOf(subject.id, version.id)).toEqual([])
      const reachedAt = new Date('2026-01-02T03:04:05.000Z')
      const notice = await app().payload.create({
        collection: 'notices',
        data: { subject: subject.id, policy: policy.id, version: version.id, versionNumber: version.version!, channel: 'banner', status: 'displayed', reachedAt: reachedAt.toISOString() },
      })
      expect(await store().noticesOf(subject.id, version.id)).toEqual([{ id: notice.id, channel: 'banner', status: 'displayed', at: reachedAt }])
    })

    it('carries, asked for, the notices that reached the subject of versions newer than the newest it accepted (SQL databases)', async () => {
      const [subject, other, none] = [await makeSubject(app().payload), await makeSubject(app().payload), await makeSubject(app().payload)]
      const policy = await makePolicy(app().payload)
      const published = async () => makeVersion(app().payload, policy.id, { _status: 'published' })
      const [older, accepted, owed, later] = [await published(), await published(), await published(), await published()]
      const notice = (of: typeof subject, version: typeof owed, channel: 'email' | 'banner', status: string, reachedAt?: string) =>
        app().payload.create({ collection: 'notices', data: { subject: of.id, policy: policy.id, version: version.id, versionNumber: version.version!, channel, status: status as 'accepted', reachedAt } })
      const reachedAt = '2026-01-02T03:04:05.123Z'
      const shown = await notice(subject, owed, 'banner', 'displayed', reachedAt)
      await notice(subject, owed, 'email', 'pending')
      const mailed = await notice(subject, later, 'email', 'accepted', reachedAt)
      await notice(subject, accepted, 'email', 'accepted', reachedAt)
      await notice(subject, older, 'banner', 'displayed', reachedAt)
      await notice(other, owed, 'email', 'accepted', reachedAt)
      await notice(none, owed, 'banner', 'displayed', reachedAt)
      const accept = (of: typeof subject, version: typeof owed) =>
        app().payload.create({
          collection: 'acceptances',
          data: { subject: of.id, policy: policy.id, version: version.id, versionNumber: version.version!, method: 'api', source: 'api', contentHash: version.contentHash!, acceptedAt: new Date().toISOString() },
        })
      await accept(subject, accepted)
      await accept(other, later)

      const read = await store().statusRead(subject.externalId, { notices: true })
      expect((await store().statusRead(subject.externalId)).recentNotices).toBeUndefined()
      expect((await store().statusRead(fresh('nobody'), { notices: true })).subject).toBeUndefined()
      if (read.catalogFingerprint === undefined) return expect(read.recentNotices).toBeUndefined()
      // Not the pending email, nor the notices of the accepted and older versions, nor another subject's.
      const at = new Date(reachedAt)
      expect(read.recentNotices?.sort((a, b) => Number(a.id) - Number(b.id))).toEqual([
        { versionId: owed.id, id: shown.id, channel: 'banner', status: 'displayed', at },
        { versionId: later.id, id: mailed.id, channel: 'email', status: 'accepted', at },
      ])
      expect(read.acceptedVersions.map(Number)).toEqual([accepted.id])
      // One that accepted nothing has nothing a continued use could count on; one that accepted the newest version owes nothing.
      expect((await store().statusRead(none.externalId, { notices: true })).recentNotices).toEqual([])
      expect((await store().statusRead(other.externalId, { notices: true })).recentNotices).toEqual([])
    })

    it('reads no forged notice out of a status edited behind Payload to look like two (SQL databases)', async () => {
      const subject = await makeSubject(app().payload)
      const policy = await makePolicy(app().payload)
      const [accepted, owed] = [await makeVersion(app().payload, policy.id, { _status: 'published' }), await makeVersion(app().payload, policy.id, { _status: 'published' })]
      await app().payload.create({
        collection: 'acceptances',
        data: { subject: subject.id, policy: policy.id, version: accepted.id, versionNumber: accepted.version!, method: 'api', source: 'api', contentHash: accepted.contentHash!, acceptedAt: new Date().toISOString() },
      })
      const reachedAt = '2026-01-02T03:04:05.123Z'
      const mailed = await app().payload.create({
        collection: 'notices',
        data: { subject: subject.id, policy: policy.id, version: owed.id, versionNumber: owed.version!, channel: 'email', status: 'accepted', reachedAt },
      })
      if ((await store().statusRead(subject.externalId, { notices: true })).catalogFingerprint === undefined) return
      const adapter = app().payload.db as unknown as SqlAdapter
      // The separators of a list written as text, and a second notice after them.
      const forged = `accepted 2001-01-01T00:00:00.000Z,${owed.id} 999999 banner displayed`
      const edit = sqlRows(adapter, sql`update notices set status = ${forged} where id = ${mailed.id}`)
      if (adapter.name === 'postgres') return expect(edit).rejects.toThrow() // the column's enum refuses it
      await edit
      const read = await store().statusRead(subject.externalId, { notices: true })
      expect(read.recentNotices).toEqual([{ versionId: owed.id, id: mailed.id, channel: 'email', status: forged, at: new Date(reachedAt) }])
    })

    it("erases a subject's personal data from its acceptances and notices inside a transaction, and no one else's", async () => {
      const policy = await makePolicy(app().payload)
      const version = await makeVersion(app().payload, policy.id, { _status: 'published' })
      const [erased, kept] = [await makeSubject(app().payload), await makeSubject(app().payload)]
      for (const subject of [erased, kept]) {
        await app().payload.create({
          collection: 'acceptances',
          data: { subject: subject.id, policy: policy.id, version: version.id, versionNumber: version.version!, method: 'api', source: 'api', contentHash: version.contentHash!, acceptedAt: new Date().toISOString(), ip: '203.0.113.9', userAgent: 'contract', locale: 'fr' },
        })
        const address = `${subject.externalId}@example.com`
        await app().payload.create({
          collection: 'notices',
          data: { subject: subject.id, policy: policy.id, version: version.id, versionNumber: version.version!, channel: 'email', status: 'accepted', address, lastReply: `250 2.0.0 OK <${address}> queued` },
        })
      }
      await withTransaction(app().payload, (req) => store().erasePersonalData(erased.id, req))
      const of = async (subjectId: number) => ({
        acceptance: (await app().payload.find({ collection: 'acceptances', where: { subject: { equals: subjectId } }, depth: 0 })).docs[0],
        notice: (await app().payload.find({ collection: 'notices', where: { subject: { equals: subjectId } }, depth: 0 })).docs[0],
      })
      const after = await of(erased.id)
      expect([after.acceptance.ip, after.acceptance.userAgent, after.acceptance.locale].map((v) => v ?? null)).toEqual([null, null, null])
      expect(after.notice.address ?? null).toBeNull()
      expect(after.notice.lastReply).toBe('250 2.0.0 OK <[erased]> queued')
      const untouched = await of(kept.id)
      expect(untouched.acceptance).toMatchObject({ ip: '203.0.113.9', userAgent: 'contract', locale: 'fr' })
      expect(untouched.notice).toMatchObject({ address: `${kept.externalId}@example.com` })
    })
  })
}
