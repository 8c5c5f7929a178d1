import type { Payload } from 'payload'

import { acceptanceCovers } from '../../domain/acceptanceCovers'
import type { EvidenceOwed } from '../../domain/evidencePack'
import { owedVersion } from '../../domain/owedVersion'
import { refId, type Ref } from '../../domain/refId'
import type { Policy } from '../../payload-types'
import { publishedVersions } from '../legalCenter/publishedVersions'

/** An acceptance as stored, as far as what it owes and covers is concerned. */
interface StoredAcceptance {
  id: number | string
  policy: Ref
  versionNumber: number
  covers?: unknown
}

/** What an evidence pack says the subject owes, and which versions it must hold for that. */
export interface OwedForEvidence {
  /** Per policy the subject owes something for, by slug. */
  owed: EvidenceOwed[]
  /** The ids of every version the owed changes name (their texts go in the pack). */
  versionIds: Array<number | string>
  /** For each acceptance stored without the versions it covers (recorded before acceptances said
   * so), by id: the versions it covers, derived from the published history. */
  derivedCovers: Map<string, number[]>
}

/**
 * What the subject owes at `now` for every policy, as `owedVersion` finds it over the policy's
 * published history and the versions they accepted (`acceptances`, oldest first): the version
 * owed, the action, the last version accepted and every version between. An acceptance stored
 * without `covers` is given the versions after the one accepted before it, up to its own.
 */
export async function owedForEvidence(payload: Payload, acceptances: readonly StoredAcceptance[], now: Date): Promise<OwedForEvidence> {
  const { docs: policies } = await payload.find({ collection: 'policies', sort: 'slug', pagination: false, depth: 0 })
  const histories = await Promise.all(policies.map((p: Policy) => publishedVersions(payload, p.id)))
  const owed: EvidenceOwed[] = []
  const versionIds: Array<number | string> = []
  const derivedCovers = new Map<string, number[]>()
  policies.forEach((policy, i) => {
    const history = histories[i]
    const mine = acceptances.filter((a) => String(refId(a.policy)) === String(policy.id))
    mine.forEach((a, n) => {
      if (Array.isArray(a.covers) && a.covers.length > 0) return
      derivedCovers.set(String(a.id), acceptanceCovers(history.map((v) => v.version), mine.slice(0, n).map((b) => b.versionNumber), a.versionNumber))
    })
    const found = owedVersion(history, mine.map((a) => a.versionNumber), policy.acceptanceMode, now)
    if (!found) return
    owed.push({
      policy: policy.slug,
      action: found.action,
      version: found.version.version,
      upcoming: found.upcoming,
      since: found.since,
      changes: found.changes.map((v) => v.version),
    })
    versionIds.push(...found.changes.map((v) => v.id))
  })
  return { owed, versionIds, derivedCovers }
}
