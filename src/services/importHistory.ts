import type { Payload } from 'payload'

import { canonicalText } from '../domain/canonicalText'
import { contentHash } from '../domain/contentHash'
import { inHistoryOrder, type RevisionFile } from '../domain/parseRevisionFile'
import type { Policy } from '../payload-types'
import { IMPORT_CONTEXT_FLAG } from './freezeVersion'
import { bodyToMarkdown, markdownToBody } from './lexicalMarkdown'
import { publishedVersions } from './publishedVersions'
import { withTransaction } from './withTransaction'

/** What an import did. */
export interface ImportResult {
  policy: string
  imported: { file: string; version: number }[]
  skipped: string[]
}

async function findOrCreatePolicy(payload: Payload, slug: string, title: string): Promise<Policy> {
  const { docs } = await payload.find({ collection: 'policies', where: { slug: { equals: slug } }, limit: 1, pagination: false, depth: 0 })
  return docs[0] ?? payload.create({ collection: 'policies', data: { slug, title, acceptanceMode: 'clickwrap', noticePeriodDays: 30 } })
}

const titleOf = (markdown: string, slug: string) => markdown.match(/^#\s+(.+)$/m)?.[1].trim() ?? slug

/**
 * Imports a policy's history of dated revisions as published versions with their recorded
 * effective dates, oldest first. A revision already published with the same text and effective
 * date is skipped, so running an import again imports nothing twice. Each revision is one
 * transaction; the first refusal stops the import with the revisions before it kept.
 */
export async function importHistory(payload: Payload, slug: string, files: RevisionFile[]): Promise<ImportResult> {
  const ordered = inHistoryOrder(files)
  if (ordered.length === 0) return { policy: slug, imported: [], skipped: [] }
  const policy = await findOrCreatePolicy(payload, slug, titleOf(ordered[0].markdown, slug))
  const existing = new Set((await publishedVersions(payload, policy.id)).map((v) => `${v.contentHash}|${v.effectiveAt.toISOString()}`))
  const result: ImportResult = { policy: policy.slug, imported: [], skipped: [] }

  for (const file of ordered) {
    const body = await markdownToBody(payload.config, file.markdown)
    const hash = contentHash(canonicalText(await bodyToMarkdown(payload.config, body)))
    if (existing.has(`${hash}|${file.effectiveAt.toISOString()}`)) {
      result.skipped.push(file.name)
      continue
    }
    const version = await withTransaction(payload, (req) =>
      payload.create({
        collection: 'policy-versions',
        data: {
          policy: policy.id,
          body: body as never,
          changeClass: file.changeClass ?? 'informational',
          summary: file.summary ?? `Revision effective ${file.effectiveAt.toISOString().slice(0, 10)} (imported from ${file.name}).`,
          effectiveAt: file.effectiveAt.toISOString(),
          _status: 'published',
        },
        req,
        context: { ...req.context, [IMPORT_CONTEXT_FLAG]: true },
      }),
    )
    existing.add(`${version.contentHash}|${file.effectiveAt.toISOString()}`)
    result.imported.push({ file: file.name, version: version.version as number })
  }
  return result
}
