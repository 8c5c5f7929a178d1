import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { recordAcceptance } from '../src/services/acceptance/recordAcceptance'
import { subjectStatus } from '../src/services/acceptance/subjectStatus'
import { findVersion } from '../src/services/legalCenter/findVersion'
import { upsertSubjects } from '../src/services/subjects/upsertSubjects'
import { subjectsStore } from '../src/store/subjects'
import { startSeededTestApp } from './support/startSeededTestApp'
import type { TestApp } from './support/testApp'

let app: TestApp
let v2EffectiveAt: Date
let v1Hash: string
const DAY = 86_400_000

beforeAll(async () => {
  app = await startSeededTestApp()
  v2EffectiveAt = new Date((await findVersion(app.payload, 'privacy', 2)).version.effectiveAt!)
  v1Hash = (await findVersion(app.payload, 'privacy', 1)).version.contentHash!
})
afterAll(() => app?.close())

const status = (subject: string, now: Date, recordDisplay = false) => subjectStatus(app.payload, subject, { now, publicUrl: 'https://legal.example.com', recordDisplay })
const privacyOf = async (subject: string, now: Date, recordDisplay = false) => (await status(subject, now, recordDisplay)).policies.find((p) => p.policy === 'privacy')!
const acceptancesOf = async (externalId: string) => {
  const subject = (await app.payload.find({ collection: 'subjects', where: { externalId: { equals: externalId } } })).docs[0]
  return (await app.payload.find({ collection: 'acceptances', where: { subject: { equals: subject.id } }, sort: 'versionNumber', depth: 0 })).docs
}
async function subjectWhoAcceptedV1(externalId: string) {
  await upsertSubjects(app.payload, [{ externalId }])
  await recordAcceptance(app.payload, { subject: externalId, versions: [{ policy: 'privacy', version: 1, contentHash: v1Hash }], method: 'api', source: 'api' }, { now: new Date() })
}

describe('the seeded privacy policy (continued use)', () => {
  it('owes version 2 to a new subject once it is in force', async () => {
    await upsertSubjects(app.payload, [{ externalId: 'newcomer' }])
    expect((await privacyOf('newcomer', new Date())).owed?.version).toBe(1)
    expect((await privacyOf('newcomer', new Date(v2EffectiveAt.getTime() + DAY))).owed).toMatchObject({ version: 2, upcoming: false })
  })

  it('deems version 2 accepted after it took effect when the banner was shown before, citing that notice', async () => {
    await subjectWhoAcceptedV1('noticed')
    const before = new Date(v2EffectiveAt.getTime() - 10 * DAY)
    expect((await privacyOf('noticed', before, true)).owed).toMatchObject({ action: 'acknowledge', version: 2, upcoming: true })
    expect(await privacyOf('noticed', new Date(v2EffectiveAt.getTime() - 1))).toMatchObject({ current: false })
    expect(await acceptancesOf('noticed')).toHaveLength(1)

    const after = await privacyOf('noticed', new Date(v2EffectiveAt.getTime() + DAY))
    expect(after.current).toBe(true)
    const [, deemed] = await acceptancesOf('noticed')
    expect(deemed).toMatchObject({ versionNumber: 2, method: 'continued-use' })
    expect(deemed.notices).toEqual([expect.objectContaining({ channel: 'banner', reachedAt: expect.any(String) })])
    expect(new Date((deemed.notices as { reachedAt: string }[])[0].reachedAt).getTime()).toBeLessThan(v2EffectiveAt.getTime())
  })

  it('deems acceptance for a noticed subject asked right after one in the same place who was not noticed', async () => {
    // Statuses are reused between subjects in the same place (same last acceptance, language and
    // versions in force): not where a continued-use acceptance may be due.
    await subjectWhoAcceptedV1('second-unnoticed')
    await subjectWhoAcceptedV1('second-noticed')
    await privacyOf('second-noticed', new Date(v2EffectiveAt.getTime() - 10 * DAY), true)
    const after = new Date(v2EffectiveAt.getTime() + 2 * DAY)
    expect((await privacyOf('second-unnoticed', after)).owed).toMatchObject({ version: 2 })
    expect((await privacyOf('second-noticed', after)).current).toBe(true)
    expect((await acceptancesOf('second-noticed')).map((a) => a.method)).toEqual(['api', 'continued-use'])
    expect(await acceptancesOf('second-unnoticed')).toHaveLength(1)
  })

  it('still owes version 2 to a subject not noticed, asked right after a noticed one in the same place', async () => {
    await subjectWhoAcceptedV1('third-noticed')
    await subjectWhoAcceptedV1('third-unnoticed')
    await privacyOf('third-noticed', new Date(v2EffectiveAt.getTime() - 10 * DAY), true)
    const after = new Date(v2EffectiveAt.getTime() + 3 * DAY)
    expect((await privacyOf('third-noticed', after)).current).toBe(true)
    expect((await privacyOf('third-unnoticed', after)).owed).toMatchObject({ action: 'acknowledge', version: 2 })
    expect((await status('third-unnoticed', after)).banner).not.toBeNull()
    expect(await acceptancesOf('third-unnoticed')).toHaveLength(1)
  })

  it('never deems acceptance without prior notice', async () => {
    await subjectWhoAcceptedV1('unnoticed')
    const after = await privacyOf('unnoticed', new Date(v2EffectiveAt.getTime() + DAY))
    expect(after.owed).toMatchObject({ version: 2 })
    expect(await acceptancesOf('unnoticed')).toHaveLength(1)
  })

  it('cites notices the status read itself carried on SQL databases, with no read of them apart', async () => {
    await subjectWhoAcceptedV1('one-read')
    await privacyOf('one-read', new Date(v2EffectiveAt.getTime() - 10 * DAY), true)
    const apart = vi.spyOn(subjectsStore(app.payload), 'noticesOf')
    let readsApart: number
    try {
      expect((await privacyOf('one-read', new Date(v2EffectiveAt.getTime() + DAY))).current).toBe(true)
      readsApart = apart.mock.calls.length
    } finally {
      apart.mockRestore()
    }
    const [, deemed] = await acceptancesOf('one-read')
    expect(deemed).toMatchObject({ versionNumber: 2, method: 'continued-use', notices: [expect.objectContaining({ channel: 'banner' })] })
    // MongoDB has no such read: there the notices are read apart.
    expect(readsApart).toBe(app.payload.db.name === 'mongoose' ? 1 : 0)
  })

  it('never counts a notice first given after the effective date', async () => {
    await subjectWhoAcceptedV1('late-notice')
    await privacyOf('late-notice', new Date(v2EffectiveAt.getTime() + DAY), true)
    expect((await privacyOf('late-notice', new Date(v2EffectiveAt.getTime() + 2 * DAY))).owed).toMatchObject({ version: 2 })
    expect(await acceptancesOf('late-notice')).toHaveLength(1)
  })
})
