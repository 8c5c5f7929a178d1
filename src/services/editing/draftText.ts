import type { SanitizedConfig } from 'payload'

import { canonicalText } from '../../domain/canonicalText'
import { AssentError } from '../../errors/AssentError'
import { bodyToMarkdown } from '../publishing/lexicalMarkdown'

/** Whether `body` looks like a Lexical editor state (a root with children). */
const isEditorState = (body: unknown): boolean =>
  typeof body === 'object' && body !== null && Array.isArray((body as { root?: { children?: unknown } }).root?.children)

/** The canonical text of a draft's rich-text body, as publishing would freeze it; a 400 when
 * `body` is not an editor state. */
export async function draftText(config: SanitizedConfig, body: unknown): Promise<string> {
  if (body == null) return ''
  if (!isEditorState(body)) throw new AssentError('validation_failed', 'body must be the editor\'s document (a root with children).', { fields: ['body'] })
  try {
    return canonicalText(await bodyToMarkdown(config, body as never))
  } catch {
    throw new AssentError('validation_failed', 'body could not be read as a document.', { fields: ['body'] })
  }
}
