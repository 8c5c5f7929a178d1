import { describe, expect, it } from 'vitest'

import { isPolicySlug } from '../../src/domain/policySlug'

describe('isPolicySlug', () => {
  it('takes lowercase words and digits joined by single hyphens, of any length', () => {
    for (const slug of ['privacy', 'terms-of-service', 'dpa-2027', '42', 'a', 'x'.repeat(85), `${'long-'.repeat(20)}slug`]) {
      expect(isPolicySlug(slug), slug).toBe(true)
    }
  })

  it('refuses empty slugs, stray hyphens, capitals, spaces and other characters', () => {
    for (const slug of ['', '-', '-privacy', 'privacy-', 'terms--of-service', 'Privacy', 'terms of service', 'terms_of_service', 'privacy/v2', 'privacy.', 'privé', 'privacy\n']) {
      expect(isPolicySlug(slug), JSON.stringify(slug)).toBe(false)
    }
  })

  it('refuses what is not a string', () => {
    for (const value of [undefined, null, 42, ['privacy'], { slug: 'privacy' }]) {
      expect(isPolicySlug(value)).toBe(false)
    }
  })
})
