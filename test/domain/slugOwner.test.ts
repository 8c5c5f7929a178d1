import { describe, expect, it } from 'vitest'

import { slugOwner } from '../../src/domain/slugOwner'

const privacy = { id: 1, slug: 'privacy-notice', formerSlugs: ['privacy'] }
const terms = { id: 2, slug: 'terms', formerSlugs: null }

describe('slugOwner', () => {
  it('finds the policy that holds a slug today', () => {
    expect(slugOwner([privacy, terms], 'terms')).toEqual({ current: terms })
  })

  it('points a former slug to the slug its policy holds now', () => {
    expect(slugOwner([privacy, terms], 'privacy')).toEqual({ renamedTo: 'privacy-notice' })
  })

  it('prefers the policy holding a slug over one that held it before', () => {
    const reused = { id: 3, slug: 'privacy', formerSlugs: [] }
    expect(slugOwner([privacy, reused], 'privacy')).toEqual({ current: reused })
  })

  it('points nowhere for a slug no policy ever had', () => {
    expect(slugOwner([privacy, terms], 'cookies')).toBeUndefined()
    expect(slugOwner([], 'terms')).toBeUndefined()
  })
})
