import type { Payload } from 'payload'

import type { VersionTranslation } from '../../payload-types'
import type { FrozenTranslation, PoliciesStore, PublishedTranslation } from './PoliciesStore'
import { isPublished } from './isPublished'

const isFrozen = { frozenAt: { exists: true } } as const

const translationOf = (doc: Pick<VersionTranslation, 'id' | 'locale' | 'summary' | 'contentHash' | 'frozenAt'>): PublishedTranslation => ({
  id: doc.id,
  locale: doc.locale,
  summary: doc.summary,
  contentHash: doc.contentHash as string,
  addedAt: new Date(doc.frozenAt as string),
})

/** The readings of published versions, the same on every database: through Payload's Local API. */
export const publishedReads = (payload: Payload): Omit<PoliciesStore, 'lockForPublishing' | 'catalogFingerprint'> => ({
  publishedVersions: async (policyId) => {
    const [{ docs }, { docs: translated }] = await Promise.all([
      payload.find({
        collection: 'policy-versions',
        where: { and: [{ policy: { equals: policyId } }, isPublished] },
        select: { version: true, changeClass: true, summary: true, effectiveAt: true, publishedAt: true, contentHash: true, locale: true, rules: { acceptanceMode: true } },
        sort: 'version',
        pagination: false,
        depth: 0,
        overrideAccess: false,
      }),
      payload.find({
        collection: 'version-translations',
        where: { and: [{ policy: { equals: policyId } }, isFrozen] },
        select: { version: true, locale: true, summary: true, contentHash: true, frozenAt: true },
        sort: 'locale',
        pagination: false,
        depth: 0,
        overrideAccess: false,
      }),
    ])
    const translations = new Map<string, PublishedTranslation[]>()
    for (const t of translated) translations.set(String(t.version), [...(translations.get(String(t.version)) ?? []), translationOf(t)])
    return docs.map((doc) => ({
      id: doc.id,
      version: doc.version as number,
      changeClass: doc.changeClass,
      summary: doc.summary,
      effectiveAt: new Date(doc.effectiveAt as string),
      publishedAt: new Date(doc.publishedAt as string),
      contentHash: doc.contentHash as string,
      acceptanceMode: doc.rules?.acceptanceMode ?? null,
      locale: doc.locale ?? null,
      translations: translations.get(String(doc.id)) ?? [],
    }))
  },
  frozenTranslation: async (versionId, locale, withHtml) => {
    const { docs } = await payload.find({
      collection: 'version-translations',
      where: { and: [{ version: { equals: versionId } }, { locale: { equals: locale } }, isFrozen] },
      select: withHtml ? { locale: true, summary: true, contentHash: true, frozenAt: true, text: true, html: true } : { locale: true, summary: true, contentHash: true, frozenAt: true, text: true },
      limit: 1,
      pagination: false,
      depth: 0,
      overrideAccess: false,
    })
    const doc = docs[0]
    return doc ? ({ ...translationOf(doc), text: doc.text ?? '', ...(withHtml ? { html: (doc as { html?: string | null }).html ?? '' } : {}) } satisfies FrozenTranslation) : undefined
  },
  publishedVersion: async (policyId, version, withHtml) => {
    const { docs } = await payload.find({
      collection: 'policy-versions',
      where: { and: [{ policy: { equals: policyId } }, { version: { equals: version } }, isPublished] },
      limit: 1,
      pagination: false,
      depth: 0,
      overrideAccess: false,
      // The editor's document is not shown: its frozen text and HTML are. Reading a long one
      // (a megabyte of JSON, walked by the rich-text field's hooks) would hold the event loop.
      select: withHtml ? { body: false } : { body: false, html: false },
    })
    return docs[0]
  },
  publishedNumbers: async (req, policyId) => {
    const { docs } = await payload.find({
      collection: 'policy-versions',
      where: { and: [{ policy: { equals: policyId } }, isPublished] },
      select: { version: true, effectiveAt: true },
      pagination: false,
      depth: 0,
      req,
    })
    return docs.map((doc) => ({ version: doc.version as number, effectiveAt: doc.effectiveAt as string }))
  },
})
