import type { PayloadRequest } from 'payload'

import { envOf } from '../../config/envOf'
import { refId } from '../../domain/refId'
import type { PolicyVersion } from '../../payload-types'
import { recordPublication } from '../ledger/recordPublication'
import { enqueueNotices } from '../notices/enqueueNotices'
import { announcePublication } from '../webhooks/announcePublication'
import { freezeVersion, isImportedHistory, type FrozenFields, type VersionDraft } from './freezeVersion'
import { lockForPublishing } from './lockForPublishing'
import { freezeReadyTranslations } from '../translations/freezeReadyTranslations'

// Publishing a version: the one sequence of every path (admin, Payload REST, Markdown API, import,
// seed), all in the publishing transaction (`req`), so a refusal at any step leaves nothing behind:
//   1. lock the policy        its publications take turns; a version published meanwhile is refused
//   2. freeze                 rules checked, next number, text, HTML, hash and rules frozen
//      (Payload writes the version with the frozen fields)
//   3. record                 the publication's ledger entry, then the translations marked ready
//                             (frozen and recorded too)
//   4. notices                to subjects, for informational and material versions (outbox)
//   5. webhooks               `version.published` to the endpoints subscribed to it
// Every path publishes through Payload's create or update with `_status: 'published'` (the admin
// and Payload's REST API can do nothing else), so the collection's hooks call the steps around
// that write: `startPublication` before it, `completePublication` once the version has its id.

/** A version about to be published: the change asked for, over the stored version if any. */
export interface PublicationRequest {
  data: VersionDraft
  original?: VersionDraft & { id?: number | string }
}

/** Steps 1 and 2, before the write: returns the fields publishing freezes into the version. */
export async function startPublication(req: PayloadRequest, { data, original }: PublicationRequest): Promise<FrozenFields> {
  const policyId = refId(data.policy ?? original?.policy)
  if (policyId != null) await lockForPublishing(req, policyId, original?.id)
  return freezeVersion(req, { ...original, ...data })
}

/** Steps 3 to 5, after the write, for the version as stored. Imported history is recorded and
 * not announced again; an upcoming version is announced however it was published. */
export async function completePublication(req: PayloadRequest, version: PolicyVersion): Promise<void> {
  await recordPublication(req, version)
  await freezeReadyTranslations(req, version.id, version.publishedAt!)
  if (isImportedHistory(req.context, version.effectiveAt, version.publishedAt)) return
  if (version.changeClass !== 'editorial') await enqueueNotices(req, { id: version.id, policy: refId(version.policy)!, version: version.version as number })
  await announcePublication(req, version, envOf(req.payload).publicUrl)
}
