import type { Payload } from 'payload'

import type { Checkpoint } from '../../domain/checkpointSignature'
import type { EvidenceLedgerEntry } from '../../domain/evidencePack'
import { matchLocale } from '../../domain/locale/negotiateLocale'
import type { VersionTranslation } from '../../payload-types'
import { ledgerTreeStore } from '../../store/ledgerTree'
import { provenEntries } from '../ledger/provenEntries'

/**
 * The frozen translations of `versionIds` that an evidence pack holds: those whose text the subject
 * accepted (`acceptedHashes`), and those in the subject's locale (what the banner and notices
 * showed them).
 */
export async function translationsShown(payload: Payload, versionIds: ReadonlyArray<number | string>, acceptedHashes: ReadonlySet<string>, subjectLocale: string | null | undefined): Promise<VersionTranslation[]> {
  if (versionIds.length === 0) return []
  const { docs } = await payload.find({
    collection: 'version-translations',
    where: { and: [{ version: { in: versionIds.map(String) } }, { frozenAt: { exists: true } }] },
    sort: 'id',
    pagination: false,
    depth: 0,
  })
  return docs.filter((t) => acceptedHashes.has(t.contentHash as string) || (subjectLocale != null && matchLocale(subjectLocale, [t.locale]) === t.locale))
}

/** The translation entries of `translationIds` within `checkpoint`, each with its inclusion proof. */
export async function translationEntriesOf(payload: Payload, translationIds: ReadonlyArray<number | string>, checkpoint: Checkpoint): Promise<EvidenceLedgerEntry[]> {
  if (translationIds.length === 0) return []
  const wanted = new Set(translationIds.map(String))
  const entries = await ledgerTreeStore(payload).entriesOfKind('translation', checkpoint.treeSize)
  return provenEntries(payload, checkpoint, entries.filter((e) => wanted.has(String((JSON.parse(e.body) as { record: { translation?: unknown } }).record.translation))))
}
