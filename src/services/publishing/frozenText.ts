import type { SanitizedConfig } from 'payload'

import { canonicalText } from '../../domain/canonicalText'
import { contentHash } from '../../domain/contentHash'
import { renderHtml } from '../../domain/renderHtml'
import { bodyToMarkdown } from './lexicalMarkdown'

/** What freezing a rich-text body keeps forever: its canonical text, the HTML rendered from it and
 * the text's content hash. The same for a version and for a translation. */
export async function frozenText(config: SanitizedConfig, body: unknown): Promise<{ text: string; html: string; contentHash: string }> {
  const text = canonicalText(await bodyToMarkdown(config, body as never))
  return { text, html: renderHtml(text), contentHash: contentHash(text) }
}
