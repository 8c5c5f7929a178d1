import type { CollectionBeforeChangeHook } from 'payload'

import { keepFormerSlug as formerSlugsAfter } from '../../../src/services/policies/keepFormerSlug'

/** A slug published under stays the policy's for good: renamed, it redirects; it is never reused. */
export const keepFormerSlug: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  const formerSlugs = await formerSlugsAfter(req, data, originalDoc)
  return formerSlugs ? { ...data, formerSlugs } : data
}
