import { describe, expect, it } from 'vitest'

import { exportFilterSchema } from '../../src/domain/exportFilter'

describe('exportFilterSchema policy', () => {
  it('takes any slug a policy may have, however long', () => {
    const slug = `${'long-'.repeat(16)}policy`
    expect(exportFilterSchema.parse({ policy: slug }).policy).toBe(slug)
  })

  it('refuses a malformed slug by name', () => {
    for (const policy of ['terms--of-service', 'privacy-', 'Privacy']) {
      const parsed = exportFilterSchema.safeParse({ policy })
      expect(parsed.success, policy).toBe(false)
      expect(parsed.error?.issues[0]).toMatchObject({ path: ['policy'], message: 'must be a policy slug such as privacy' })
    }
  })
})
