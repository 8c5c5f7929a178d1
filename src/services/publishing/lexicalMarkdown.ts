import {
  convertLexicalToMarkdown,
  convertMarkdownToLexical,
  editorConfigFactory,
  type SanitizedServerEditorConfig,
} from '@payloadcms/richtext-lexical'
import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'
import type { SanitizedConfig } from 'payload'

import { plainAutolinks } from '../../domain/plainAutolinks'

const editorConfigs = new WeakMap<SanitizedConfig, Promise<SanitizedServerEditorConfig>>()

/** The default Lexical editor config, sanitized once per Payload config. */
function editorConfigFor(config: SanitizedConfig): Promise<SanitizedServerEditorConfig> {
  let editorConfig = editorConfigs.get(config)
  if (!editorConfig) {
    editorConfig = editorConfigFactory.default({ config })
    editorConfigs.set(config, editorConfig)
  }
  return editorConfig
}

/** Markdown (from git, an import or the publishing API) to a Lexical body for the editor. */
export async function markdownToBody(config: SanitizedConfig, markdown: string): Promise<SerializedEditorState> {
  return convertMarkdownToLexical({ editorConfig: await editorConfigFor(config), markdown })
}

/** A Lexical body to Markdown: the text that is frozen, hashed and compared in redlines. Links
 * the editor detected on its own (autolinks) stay the plain text they were. */
export async function bodyToMarkdown(config: SanitizedConfig, body: SerializedEditorState): Promise<string> {
  return convertLexicalToMarkdown({ data: plainAutolinks(body as never) as SerializedEditorState, editorConfig: await editorConfigFor(config) })
}
