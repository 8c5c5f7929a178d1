import { describe, expect, it } from 'vitest'

import { leanQuery } from '../../../src/db/leanQuery'
import { policiesStore } from '../../../src/store/policies'
import { makePolicy, makeVersion } from '../../support/fixtures'
import type { StoreContract } from './storeContract'

/** The policies store: publications of one policy take turns, and readings of published versions
 * show those and nothing else. */
export const policiesContract: StoreContract = (app) => {
  describe('policies', () => {
    const publish = (id: number | string) => app().payload.update({ collection: 'policy-versions', id, data: { _status: 'published' }, depth: 0 })
    const drafts = async (policyId: number | string, count: number) =>
      Promise.all(Array.from({ length: count }, (_, i) => makeVersion(app().payload, policyId, {}, `# Policy\n\nDraft ${i}.`)))

    it('numbers drafts of one policy published at once consecutively, each number once', async () => {
      const policy = await makePolicy(app().payload)
      const racing = await drafts(policy.id, 4)
      const published = await Promise.all(racing.map((draft) => publish(draft.id)))
      expect(published.map((v) => v.version).sort()).toEqual([1, 2, 3, 4])
      const stored = await policiesStore(app().payload).publishedVersions(policy.id)
      expect(stored.map((v) => v.version)).toEqual([1, 2, 3, 4])
    }, 60_000)

    it('publishes a draft once when two publications of it race, refusing the other as frozen', async () => {
      const policy = await makePolicy(app().payload)
      const [draft] = await drafts(policy.id, 1)
      const outcomes = await Promise.allSettled([publish(draft!.id), publish(draft!.id)])
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1)
      const refused = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected')
      expect((refused?.reason as { code?: string } | undefined)?.code).toBe('version_frozen')
      expect((await policiesStore(app().payload).publishedVersions(policy.id)).map((v) => v.version)).toEqual([1])
    }, 60_000)

    it('reads published versions only, oldest first, and each one by its number', async () => {
      const policy = await makePolicy(app().payload)
      const [first, second] = await drafts(policy.id, 3)
      await publish(first!.id)
      await publish(second!.id)
      const store = policiesStore(app().payload)
      const listed = await store.publishedVersions(policy.id)
      expect(listed.map((v) => [v.id, v.version])).toEqual([[first!.id, 1], [second!.id, 2]])
      expect(listed.every((v) => v.publishedAt instanceof Date && /^[0-9a-f]{64}$/.test(v.contentHash))).toBe(true)
      expect((await store.publishedVersion(policy.id, 2, true))?.html).toContain('Draft 1.')
      expect((await store.publishedVersion(policy.id, 2, false))?.html).toBeUndefined()
      expect(await store.publishedVersion(policy.id, 3, true)).toBeUndefined()
    })

    it('never shows a draft, however many a policy has', async () => {
      const policy = await makePolicy(app().payload)
      await drafts(policy.id, 2)
      const store = policiesStore(app().payload)
      expect(await store.publishedVersions(policy.id)).toEqual([])
      expect(await store.publishedVersion(policy.id, 1, true)).toBeUndefined()
    })

    it('gives a catalog fingerprint that changes with every publication, one that leaves the last update as it was too (SQL databases)', async () => {
      const store = policiesStore(app().payload)
      const policy = await makePolicy(app().payload)
      const [first, second] = await drafts(policy.id, 2)
      const before = await store.catalogFingerprint()
      const sql = leanQuery(app().payload)
      if (!sql) return expect(before).toBeUndefined()
      await publish(first!.id)
      const published = await store.catalogFingerprint()
      expect(published).not.toBe(before)
      expect(await store.catalogFingerprint()).toBe(published)
      // A second publication in the same millisecond as the last change: the newest version and the
      // last update stay as they were, only the number of published versions moves.
      const [{ last }] = await sql('select max(updated_at) as last from policy_versions', [])
      await sql('update policy_versions set published_at = ?, updated_at = ? where id = ?', [last, last, second!.id])
      try {
        expect(await store.catalogFingerprint()).not.toBe(published)
      } finally {
        await sql('update policy_versions set published_at = null where id = ?', [second!.id])
      }
    })
  })
}
