import type { Payload, TypedUser } from 'payload'

import type { Redlines } from '../redline/redlines'
import type { RenderedRedline } from '../redline/renderRedline'
import { draftText } from './draftText'
import { findDraft } from './findDraft'
import { latestPublished } from './latestPublished'

/** A draft's redline against the version it will follow, as inline HTML. */
export interface DraftRedline {
  /** The published version compared with (null when the draft is the policy's first). */
  basedOn: number | null
  redline: RenderedRedline
}

/**
 * The redline of version `id` against the newest version published before it, for the side
 * panel while drafting. `body`, when given, is the editor's unsaved document; else the latest
 * saved draft is compared. Computed by `redlines` (off the event loop in the server).
 */
export async function draftRedline(payload: Payload, redlines: Redlines, user: TypedUser, id: string, body?: unknown): Promise<DraftRedline> {
  const { version, policy } = await findDraft(payload, user, id)
  const base = await latestPublished(payload, policy.id, version.version ?? undefined)
  const text = version.publishedAt ? (version.text ?? '') : await draftText(payload.config, body ?? version.body)
  return { basedOn: base?.version ?? null, redline: await redlines.render(base?.text ?? '', text, 'inline') }
}
