import type { PayloadRequest } from 'payload'

/** `req.context` key under which publishing passes its time to the translations it freezes. */
export const PUBLISHED_WITH_CONTEXT = 'assentTranslationPublishedWith'

/** Freezes the translations of a version just published that were marked ready before it was,
 * in its publishing transaction: each is frozen and recorded by the translation hooks, at the
 * version's own publication time (they were published with it, not added later). */
export async function freezeReadyTranslations(req: PayloadRequest, versionId: number | string, publishedAt: string): Promise<void> {
  const { docs } = await req.payload.find({
    collection: 'version-translations',
    where: { and: [{ version: { equals: versionId } }, { _status: { equals: 'published' } }, { frozenAt: { exists: false } }] },
    sort: 'locale',
    pagination: false,
    depth: 0,
    req,
    select: { locale: true },
  })
  for (const { id } of docs) {
    await req.payload.update({ collection: 'version-translations', id, data: { _status: 'published' }, req, context: { ...req.context, [PUBLISHED_WITH_CONTEXT]: publishedAt } })
  }
}
